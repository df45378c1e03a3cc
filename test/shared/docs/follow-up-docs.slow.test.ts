/**
 * 催办通知 and 办理全过程 as a printer sees them: LibreOffice (headless) turns them into PDF, poppler reads the pages
 * back. A notice of one item stays on one page with its signature and date; a long one runs on and keeps its date
 * with the federation's name; the 办理全过程 of a whole life runs to its last row. Needs libreoffice-writer-nogui,
 * poppler-utils and fonts-noto-cjk (see render.slow.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followUpTimeline } from '../../../shared/domain/follow-up-timeline';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { buildItemHistory } from '../../../shared/docs/item-history';
import { buildUrgeNotice, urgeNotices } from '../../../shared/docs/urge-notice';
import { closedLife, handedOffBundle, RULES, timelineSources } from './follow-up-scenario';
import { convertToPdf } from './render-tools';

const tmp = mkdtempSync(join(tmpdir(), 'kentan-follow-up-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Without white space: pdftotext sets a space between Chinese and digits (2026 年 12 月 8 日) and breaks lines.
const pdfText = (name: string, page?: number): string =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), join(tmp, `${name}.pdf`), '-'],
    { encoding: 'utf8' },
  ).replace(/\s+/g, '');
const pageCount = (name: string): number =>
  Number(
    /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [join(tmp, `${name}.pdf`)], { encoding: 'utf8' }))?.[1],
  );

describe('follow-up documents rendered by LibreOffice', () => {
  it('keeps a short notice on one page, a long one with its date, and the whole history to its end', async () => {
    const bundle = await handedOffBundle();
    const lead = bundle.assignments[0]!.leadDeptId;
    const notices = urgeNotices({
      organization: bundle.organization,
      today: '2026-12-08',
      rules: RULES,
      holidays: SHIPPED_HOLIDAYS,
      leaders: bundle.leaders,
      departments: bundle.departments,
      items: bundle.assignments.map((a, i) => ({
        // All but the first led by one department: one notice of one item, one of four.
        assignment: i === 0 ? a : { ...a, leadDeptId: bundle.assignments[1]!.leadDeptId },
        signOff: bundle.signOffs.find((s) => s.assignmentId === a.id),
        meeting: bundle.meeting,
        concerns: [],
      })),
    }).notices;
    const short = notices.find((n) => n.departmentId === lead)!;
    const long = notices.find((n) => n.departmentId !== lead)!;
    expect(long.rows).toHaveLength(4);
    const life = closedLife(bundle.assignments[0]!);
    const history = followUpTimeline(timelineSources(bundle, life.assignment, life.steps));
    const files = {
      short: await buildUrgeNotice(short),
      long: await buildUrgeNotice({ ...long, rows: [...long.rows, ...long.rows, ...long.rows] }),
      history: await buildItemHistory({
        timeline: history,
        organization: bundle.organization.name,
        today: '2026-12-18',
      }),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(tmp, `${name}.docx`), bytes);
    convertToPdf(
      tmp,
      Object.keys(files).map((name) => join(tmp, `${name}.docx`)),
    );

    expect(pageCount('short')).toBe(1);
    const shortText = pdfText('short');
    for (const text of [
      '临江市青溪区工商业联合会',
      '区财政局：',
      '逾期1天',
      '联系人：李晓燕，联系电话：0830-5551234。',
      '2026年12月8日',
    ])
      expect(shortText).toContain(text);

    // Twelve rows run onto a second page; the signature and the date stay together on the last one.
    const longPages = pageCount('long');
    expect(longPages).toBeGreaterThanOrEqual(2);
    const lastPage = pdfText('long', longPages);
    expect(lastPage).toContain('临江市青溪区工商业联合会2026年12月8日');
    expect(lastPage).toContain(`—${longPages}—`);

    const historyPages = pageCount('history');
    expect(historyPages).toBeGreaterThanOrEqual(2);
    expect(pdfText('history', historyPages)).toContain('2026年12月18日打印');
    expect(pdfText('history')).toContain('年终清单销号');
  }, 180_000);
});
