import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './chromium';
import { expectDemoMeetings, loadDemo } from './helpers';

test('the data survives a full browser restart on the same profile', async ({}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'kentan-profile-'));
  const options = {
    hasTouch: Boolean(testInfo.project.use.hasTouch),
    viewport: testInfo.project.use.viewport ?? null,
  };
  try {
    const first = await launchProfile(profile, options);
    const page = first.pages()[0] ?? (await first.newPage());
    await loadDemo(page, testInfo);
    await first.close();

    const second = await launchProfile(profile, options);
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('/');
    await expectDemoMeetings(again);
    await expect(again.getByRole('heading', { name: '欢迎使用恳谈会务台' })).toHaveCount(0);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
