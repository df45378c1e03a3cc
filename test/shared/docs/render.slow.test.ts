/**
 * The documents as a printer sees them: LibreOffice (headless) turns every demo document, a 交办单 with very long
 * words and a series of 交办单 with a growing demand into PDF; pdfinfo counts the pages, pdftotext reads them. LibreOffice, poppler and CJK fonts are required, here as in CI
 * (libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk): without them this test fails, it does not skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignmentSheetData, buildAssignmentSheet, sheetFit } from '../../../shared/docs/assignment-sheet';
import { meetingDocuments } from '../../../shared/docs/meeting-documents';
import { demoBundle } from './docx';
import { convertToPdf } from './render-tools';
import { account, ONE_PAGE_UP_TO, SERIES, sheetOfLength } from './sheet-series';

const onPath = (command: string) =>
  (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));

function requireTools(): void {
  const missing = [
    ['soffice', 'libreoffice-writer-nogui'],
    ['pdfinfo', 'poppler-utils'],
    ['pdftotext', 'poppler-utils'],
  ].filter(([command]) => !onPath(command!));
  if (missing.length > 0)
    throw new Error(
      `文档渲染测试需要 ${missing.map(([c]) => c).join('、')}，但不在 PATH 上。` +
        `请安装：sudo apt-get install ${[...new Set(missing.map(([, p]) => p))].join(' ')} fonts-noto-cjk`,
    );
}

const pages = (pdf: string): number => {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
};

// A demand told at length, as some entrepreneurs do: about 170 characters, several times over.
const LONG =
  '我们公司二期厂房项目是按照二〇二三年与经开区签订的招商引资协议建设的，协议约定厂房建成投产后按固定资产投资额的' +
  '百分之八给予建设补贴，分两年兑现。项目去年六月已经竣工投产，相关审计报告、投资发票和验收材料都已经按要求报送，' +
  '但是到现在一分钱补贴都没有兑现，我们多次到管委会和财政局询问，答复都是在走程序。';

const tmp = mkdtempSync(join(tmpdir(), 'kentan-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('documents rendered by LibreOffice', () => {
  it('keeps every ordinary 交办单 on one page, continues a long one on a 续页, and renders the minutes', async () => {
    requireTools();
    const bundle = await demoBundle();
    const { documents } = await meetingDocuments(bundle, { include: ['sheets', 'minutes', 'briefing'] });
    const long = assignmentSheetData(bundle, bundle.assignments[1]!.id);
    long.verbatim = [LONG + LONG, LONG, `城市建设配套费能不能按政策给点支持。${LONG}`];
    long.answers = [...long.answers, `区财政局：${LONG.slice(0, 120)}`];
    // The case of issue 16: a two-line on-site answer added to the demo's 2号 still leaves one page.
    const answered = assignmentSheetData(bundle, bundle.assignments[1]!.id);
    answered.answers = [
      ...answered.answers,
      '区财政局：补贴资金的拨付需要审计结论，我们会同经开区尽快完成审核，两周内答复企业具体拨付时间和金额。',
    ];
    // A typed instruction of 400 characters: the form is still whole on page 1.
    const instructed = assignmentSheetData(bundle, bundle.assignments[0]!.id);
    instructed.instruction = account(400);
    const files = [
      ...documents.map((d, i) => ({ name: `${String(i + 1).padStart(2, '0')}-${d.kind}`, bytes: d.bytes })),
      { name: '97-instruction-sheet', bytes: await buildAssignmentSheet(instructed) },
      { name: '98-answered-sheet', bytes: await buildAssignmentSheet(answered) },
      { name: '99-long-sheet', bytes: await buildAssignmentSheet(long) },
    ];
    for (const f of files) writeFileSync(join(tmp, `${f.name}.docx`), f.bytes);

    // One LibreOffice start for all of them: starting it is most of the cost.
    convertToPdf(
      tmp,
      files.map((f) => join(tmp, `${f.name}.docx`)),
    );

    const count = Object.fromEntries(
      files.map((f) => {
        const pdf = join(tmp, `${f.name}.pdf`);
        if (!existsSync(pdf)) throw new Error(`LibreOffice 没有生成 ${f.name}.pdf`);
        return [f.name, pages(pdf)];
      }),
    );
    const sheets = files.filter((f) => f.name.endsWith('-sheet') && !/^9[79]/.test(f.name));
    expect(sheets).toHaveLength(6);
    for (const s of sheets) expect(count[s.name], s.name).toBe(1);
    expect(count['99-long-sheet']).toBeGreaterThanOrEqual(2);
    expect(count['06-minutes']).toBeGreaterThanOrEqual(1);
    expect(count['07-briefing']).toBeGreaterThanOrEqual(1);

    // The long sheet's form is whole on page 1; the rest of the words follow on the 续页, numbered.
    const text = (pdf: string, page: number) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', join(tmp, pdf), '-'], {
        encoding: 'utf8',
      });
    expect(text('99-long-sheet.pdf', 1)).toContain('回访情况');
    expect(text('99-long-sheet.pdf', 1)).toContain('联系人：李晓燕');
    expect(text('99-long-sheet.pdf', 2)).toContain('交办单续页');
    expect(count['97-instruction-sheet']).toBe(2);
    expect(text('97-instruction-sheet.pdf', 1)).toContain('联系人：李晓燕');
    expect(text('97-instruction-sheet.pdf', 2)).toContain('领导批示（续）');
    const last = count['99-long-sheet']!;
    expect(text('99-long-sheet.pdf', last)).toMatch(new RegExp(`—\\s*${last}\\s*—`));
    const minutes = execFileSync('pdftotext', [join(tmp, '06-minutes.pdf'), '-'], { encoding: 'utf8' });
    expect(minutes).toContain('三、交办事项');
  }, 180_000);
});

describe('交办单 of growing length, rendered by LibreOffice', () => {
  it(`keeps every sheet with a demand of up to ${ONE_PAGE_UP_TO} characters on one page; beyond, the form stays whole on page 1 and the rest is on a 续页`, async () => {
    requireTools();
    const bundle = await demoBundle();
    const dir = join(tmp, 'series');
    mkdirSync(dir);
    const lengths = [...new Set([...SERIES, ONE_PAGE_UP_TO, ONE_PAGE_UP_TO + 1])].sort((a, b) => a - b);
    const sheets = await Promise.all(
      lengths.map(async (chars) => {
        const data = sheetOfLength(bundle, chars);
        const name = `len-${String(chars).padStart(4, '0')}`;
        writeFileSync(join(dir, `${name}.docx`), await buildAssignmentSheet(data));
        return { chars, name, continued: sheetFit(data).continued };
      }),
    );
    convertToPdf(
      dir,
      sheets.map((s) => join(dir, `${s.name}.docx`)),
    );
    const pageText = (name: string, page: number) =>
      execFileSync(
        'pdftotext',
        ['-f', String(page), '-l', String(page), '-layout', join(dir, `${name}.pdf`), '-'],
        {
          encoding: 'utf8',
        },
      );
    // A demand of 600 characters and more fills the 续页 and runs on; up to there, two pages at most.
    for (const s of sheets) {
      const n = pages(join(dir, `${s.name}.pdf`));
      expect(s.continued, `${s.chars} 字`).toBe(s.chars > ONE_PAGE_UP_TO);
      if (!s.continued) expect(n, `${s.chars} 字`).toBe(1);
      else if (s.chars <= 600) expect(n, `${s.chars} 字`).toBe(2);
      else expect(n, `${s.chars} 字`).toBeGreaterThanOrEqual(2);
      // Never a lone row on page 2: the form's last row and the contact line are on page 1.
      const first = pageText(s.name, 1);
      expect(first, `${s.chars} 字`).toContain('回访情况');
      expect(first, `${s.chars} 字`).toContain('联系人：李晓燕');
      if (n > 1) {
        const second = pageText(s.name, 2);
        expect(second.trimStart().startsWith('交办单续页'), `${s.chars} 字`).toBe(true);
        expect(second).not.toContain('回访情况');
        expect(second).not.toContain('办理结果');
      }
    }
  }, 240_000);
});
