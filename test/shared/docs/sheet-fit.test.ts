import { beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSheetData,
  buildAssignmentSheet,
  replySentence,
  sheetFit,
  withUrgency,
} from '../../../shared/docs/assignment-sheet';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { SIZE } from '../../../shared/docs/gbt9704';
import {
  CONTINUATION_MARK,
  CONTINUED_MARK,
  cutToLines,
  linesOf,
  perLine,
  textUnits,
} from '../../../shared/docs/sheet-fit';
import { DEMO_NOW, demoBundle, paragraphs, readDocx, tableRows } from './docx';
import { account, ONE_PAGE_UP_TO, SERIES, sheetOfLength } from './sheet-series';

let bundle: MeetingBundle;
beforeAll(async () => {
  bundle = await demoBundle();
});

const sheet = (i: number) =>
  assignmentSheetData(bundle, bundle.assignments[i]!.id, undefined, undefined, DEMO_NOW);

describe('measuring text', () => {
  it('counts Chinese characters and full-width marks as one, Latin letters and digits as half', () => {
    expect(textUnits('反映问题')).toBe(4);
    expect(textUnits('2026年')).toBe(3);
    expect(textUnits('“民营企业接待日”，')).toBe(10);
  });

  it('keeps one character per line back for the line-end rules', () => {
    // 7185 twips at 4号 (280 a character) hold 25 characters; 24 are counted.
    expect(perLine(7185, SIZE.four)).toBe(24);
    expect(linesOf('字'.repeat(24), 7185, SIZE.four)).toBe(1);
    expect(linesOf('字'.repeat(25), 7185, SIZE.four)).toBe(2);
    expect(linesOf('', 7185, SIZE.four)).toBe(1);
  });

  it('cuts a text after a punctuation mark near the end and loses nothing', () => {
    for (const text of [account(300), '一二三四五六，'.repeat(40)]) {
      const [head, rest] = cutToLines(text, 3, 7185, SIZE.smallFour, CONTINUED_MARK);
      expect(head + rest).toBe(text);
      expect(rest).not.toBe('');
      expect(linesOf(head + CONTINUED_MARK, 7185, SIZE.smallFour)).toBeLessThanOrEqual(3);
    }
    const [head] = cutToLines('一二三四五六，'.repeat(40), 3, 7185, SIZE.smallFour, CONTINUED_MARK);
    expect(head).toMatch(/，$/);
  });
});

describe('fitting the 交办单 to its page', () => {
  it('keeps every demo sheet on one page, in 4号, within the budget', () => {
    for (let i = 0; i < 5; i++) {
      const fit = sheetFit(sheet(i));
      expect(fit.continued, `${i + 1}号`).toBe(false);
      expect(fit.textSize, `${i + 1}号`).toBe(SIZE.four);
      expect(fit.formHeight).toBeLessThanOrEqual(fit.budget);
    }
  });

  it('keeps the demo 2号 with a two-line on-site answer added on one page, the text one step smaller', () => {
    const data = sheet(1);
    data.answers = [
      ...data.answers,
      '区财政局：补贴资金的拨付需要审计结论，我们会同经开区尽快完成审核，两周内答复企业具体拨付时间和金额。',
    ];
    const fit = sheetFit(data);
    expect(fit.continued).toBe(false);
    expect(fit.textSize).toBe(SIZE.smallFour);
  });

  it(`keeps a demand of up to ${ONE_PAGE_UP_TO} characters on one page; a longer one continues on a 续页`, () => {
    let size: number = SIZE.four;
    let continued = false;
    for (const chars of [...SERIES, ONE_PAGE_UP_TO, ONE_PAGE_UP_TO + 1].sort((a, b) => a - b)) {
      const data = sheetOfLength(bundle, chars);
      const fit = sheetFit(data);
      expect(fit.formHeight, `${chars}`).toBeLessThanOrEqual(fit.budget);
      expect(fit.continued, `${chars}`).toBe(chars > ONE_PAGE_UP_TO);
      // 4号, then 小四, then the 续页: never back.
      expect(fit.textSize).toBeLessThanOrEqual(size);
      if (continued) expect(fit.continued).toBe(true);
      size = fit.textSize;
      continued = fit.continued;
      // Nothing is lost between the form and the 续页.
      const strip = (t: string) => t.replace(CONTINUED_MARK, '').replace(CONTINUATION_MARK, '');
      expect([...fit.verbatim.form, ...fit.verbatim.rest].map(strip).join('')).toBe(data.verbatim.join(''));
    }
  });

  it('prints the rest of a long demand on a 续页 headed 交办单续页 with the 文号', async () => {
    const data = sheetOfLength(bundle, 900);
    const doc = await readDocx(await buildAssignmentSheet(data));
    const text = paragraphs(doc.document);
    const start = text.indexOf('交办单续页');
    expect(start).toBeGreaterThan(0);
    expect(text.slice(start + 1, start + 4)).toEqual([
      `编号：${data.docNumber}`,
      `企业名称：${data.enterpriseName}`,
      '反映问题（续）',
    ]);
    expect(text[start + 4]?.startsWith(CONTINUATION_MARK)).toBe(true);
    expect(doc.document).toMatch(/<w:pageBreakBefore\/>/);
    const verbatim = tableRows(doc.document).find((r) => r[0] === '反映问题')?.[1] ?? '';
    expect(verbatim.endsWith(CONTINUED_MARK)).toBe(true);
    // The form is whole on page 1: every row is still in the one table.
    expect(tableRows(doc.document).map((r) => r[0])).toContain('回访情况');
  });
});

describe('a very long typed instruction', () => {
  it('keeps what leaves the demand its room and continues on the 续页 as 领导批示（续）', async () => {
    const data = sheet(0);
    data.instruction = account(400);
    const fit = sheetFit(data);
    expect(fit.continued).toBe(true);
    expect(fit.instructionRest.startsWith(CONTINUATION_MARK)).toBe(true);
    expect(fit.formHeight).toBeLessThanOrEqual(fit.budget);
    const doc = await readDocx(await buildAssignmentSheet(data));
    const instruction = tableRows(doc.document).find((r) => r[0] === '领导批示')?.[1] ?? '';
    expect(instruction.split('\n')[0]?.endsWith(CONTINUED_MARK)).toBe(true);
    const text = paragraphs(doc.document);
    expect(text[text.indexOf('领导批示（续）') + 1]).toBe(fit.instructionRest);
    const kept = instruction.split('\n')[0]!.replace(CONTINUED_MARK, '');
    expect(kept + fit.instructionRest.replace(CONTINUATION_MARK, '')).toBe(data.instruction);
  });
});

describe('the fields departments and the federation need', () => {
  it('states one 紧急程度, the most pressing, and each demand’s own beside it when they differ', () => {
    const data = sheet(1);
    expect(data.urgency).toBe('重');
    expect(data.verbatimUrgency).toEqual(['重', '一般']);
    expect(sheetFit(data).verbatim.form).toEqual([
      '1．二期厂房建设项目的补贴，按招商协议应该兑现，一直没落实（重）',
      '2．城市建设配套费能不能按政策给点支持（一般）',
    ]);
    expect(sheet(0).verbatimUrgency).toBeUndefined();
  });

  it('joins a demand’s urgency into brackets it already ends with, and never doubles it', () => {
    expect(withUrgency('希望尽快拨付到位。', '急')).toBe('希望尽快拨付到位（急）');
    expect(withUrgency('希望尽快拨付到位（书面反映）', '急')).toBe('希望尽快拨付到位（书面反映；急）');
    expect(withUrgency('希望尽快拨付到位（书面反映；急）', '急')).toBe('希望尽快拨付到位（书面反映；急）');
    expect(withUrgency('希望尽快拨付到位（急）。', '急')).toBe('希望尽快拨付到位（急）');
  });

  it('says the reply deadline in words, with the year only when it is another year', () => {
    expect(replySentence('2026-12-07', '2026-11-22', '青溪区工商联')).toBe(
      '请于12月7日前将办理结果书面反馈青溪区工商联。',
    );
    expect(replySentence('2027-01-08', '2026-12-20', '青溪区工商联')).toBe(
      '请于2027年1月8日前将办理结果书面反馈青溪区工商联。',
    );
    expect(replySentence('', '2026-12-20', '青溪区工商联')).toBe('请按期将办理结果书面反馈青溪区工商联。');
  });

  it('prints 交办日期 from the recorded handoff, or the day it is printed to be handed over', () => {
    const id = bundle.assignments[0]!.id;
    expect(assignmentSheetData(bundle, id, undefined, undefined, DEMO_NOW).handedOn).toBe('2026年11月22日');
    const handed = {
      ...bundle,
      assignments: bundle.assignments.map((a) =>
        a.id === id ? { ...a, handedOffAt: Date.UTC(2026, 10, 23, 1) } : a,
      ),
    };
    expect(assignmentSheetData(handed, id, undefined, undefined, DEMO_NOW).handedOn).toBe('2026年11月23日');
  });
});
