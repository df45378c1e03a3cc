// Renders build/icon.svg to build/icon.png (1024×1024) in the system Chromium, with the CJK fonts
// installed; electron-builder derives the Windows .ico and macOS .icns from the PNG.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const svg = readFileSync('build/icon.svg', 'utf8');
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const p = await b.newPage({ viewport: { width: 1024, height: 1024 } });
await p.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await p.screenshot({ path: 'build/icon.png', omitBackground: true });
await b.close();
