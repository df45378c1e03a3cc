// 办理全过程 read back: the page per GB/T 9704, what identifies the item, the timeline as a table that fills the type
// area, the signed instruction with the leader's ink, corrections beside their step, the check code at the foot.
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpTimeline, type FollowUpTimeline } from '../../../shared/domain/follow-up-timeline';
import { checkCode } from '../../../shared/domain/integrity';
import type { Assignment, FollowUpStep, SignOff } from '../../../shared/domain/types';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import { buildItemHistory, HISTORY_COLUMNS, itemHistoryStem } from '../../../shared/docs/item-history';
import { safeFileName } from '../../../shared/export/file-names';
import { elements, paragraphs, readDocx, runsWith, tableRows, type DocxParts } from './docx';
import { closedLife, handedOffBundle, replacedSignOff, timelineSources } from './follow-up-scenario';

let bundle: MeetingBundle & { assignments: Assignment[] };
let closed: FollowUpTimeline;
let closedDoc: DocxParts;
let inkDoc: DocxParts;
let current: SignOff;

const timelineOf = (a: Assignment, steps: FollowUpStep[], signOffs?: readonly SignOff[]) =>
  followUpTimeline(timelineSources(bundle, a, steps, signOffs));

beforeAll(async () => {
  bundle = await handedOffBundle();
  const life = closedLife(bundle.assignments[0]!);
  current = bundle.signOffs.find((s) => s.assignmentId === life.assignment.id)!;
  const replaced = replacedSignOff(current);
  closed = timelineOf(life.assignment, life.steps, [replaced, current]);
  closedDoc = await readDocx(
    await buildItemHistory({
      timeline: closed,
      organization: bundle.organization.name,
      today: '2026-12-18',
      checkCode: checkCode(current.contentHash),
    }),
  );
  inkDoc = await readDocx(
    await buildItemHistory({
      timeline: timelineOf(bundle.assignments[1]!, []),
      organization: bundle.organization.name,
      today: '2026-12-18',
    }),
  );
});

describe('办理全过程', () => {
  it('is A4 with the GB/T 9704 margins, titled, with what identifies the item', () => {
    expect(elements(closedDoc.document, 'w:pgSz')).toEqual([
      expect.objectContaining({ 'w:w': '11906', 'w:h': '16838' }),
    ]);
    expect(elements(closedDoc.document, 'w:pgMar')[0]).toMatchObject({ 'w:top': '2098', 'w:left': '1587' });
    const text = paragraphs(closedDoc.document);
    expect(text[0]).toBe('交办事项办理全过程');
    expect(runsWith(closedDoc.document, '交办事项办理全过程')[0]).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(text).toEqual(
      expect.arrayContaining([
        '文号：青工商联交〔2026〕1号',
        '企业：临江恒泰住房租赁有限公司',
        '牵头单位：区财政局',
        '当前状态：已销号',
      ]),
    );
    expect(text.at(-1)).toBe('临江市青溪区工商业联合会　2026年12月18日打印');
  });

  it('lays the timeline out as a fixed table filling the type area, one row an entry, header repeated', () => {
    expect(HISTORY_COLUMNS.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    const grid = elements(closedDoc.document, 'w:gridCol').map((g) => Number(g['w:w']));
    expect(grid).toEqual([...HISTORY_COLUMNS]);
    expect(elements(closedDoc.document, 'w:tblHeader')).toHaveLength(1);
    const rows = tableRows(closedDoc.document);
    expect(rows[0]).toEqual(['时间', '环节', '经过']);
    expect(rows).toHaveLength(closed.entries.length + 1);
    expect(rows[1]![0]).toBe('2026年\n11月21日\n09:23');
    expect(rows.map((r) => r[1]!.split('\n')[0])).toEqual([
      '环节',
      ...closed.entries.map((e) => e.title.split('（')[0]),
    ]);
    // The demand's words as said, and the round of a step after 重办.
    expect(rows[1]![2]).toContain('原话：我们是去年市里住房租赁市场发展试点的企业');
    expect(rows.find((r) => r[1] === '办结\n第2次办理')).toBeDefined();
  });

  it('prints each signature with its instruction, the replaced one marked', () => {
    const rows = tableRows(closedDoc.document).filter((r) => r[1]!.startsWith('领导签批'));
    expect(rows.map((r) => r[1])).toEqual(['领导签批\n（已重签）', '领导签批']);
    expect(rows[0]![2]).toContain('批示：请财政局研究。');
    expect(rows[1]![2]).toContain(`批示：${current.snapshot!.instruction}`);
    expect(rows[1]![2]).toContain('签批领导：区委书记王立群');
    // One signature PNG each (the same ink here, packed once per use).
    expect(closedDoc.media.length).toBeGreaterThanOrEqual(1);
    expect(closedDoc.document.match(/<wp:docPr [^>]*name="签批：区委书记王立群"/g)).toHaveLength(2);
  });

  it('prints the handwritten instruction beside the signature', () => {
    expect(inkDoc.document).toMatch(/<wp:docPr [^>]*name="手写批示"/);
    expect(inkDoc.document).toMatch(/<wp:docPr [^>]*name="签批：区委书记王立群"/);
    expect(tableRows(inkDoc.document).find((r) => r[1] === '领导签批')![2]).toContain(
      '手写批示：另有领导手写批示（见笔迹）',
    );
  });

  it('lists a correction under the step it corrects', () => {
    const reply = tableRows(closedDoc.document).find((r) => r[2]!.includes('书面'))!;
    expect(reply[0]).toBe('2026年\n12月1日');
    expect(reply[2]).toContain('答复内容：补贴资金已纳入区级预算，预计2027年1月底前拨付');
    expect(reply[2]).toContain(
      '更正：答复内容由“补贴资金已纳入区级预算，预计12月底前拨付”更正为“补贴资金已纳入区级预算，预计2027年1月底前拨付”',
    );
  });

  it('carries the current sign-off’s check code at the foot', () => {
    expect(closedDoc.footers.join('')).toContain(`核对码 ${checkCode(current.contentHash)}`);
    expect(inkDoc.footers.join('')).not.toContain('核对码');
  });

  it('is named by 文号 and enterprise, safe for Windows', () => {
    expect(safeFileName(itemHistoryStem(closed), '.docx')).toBe(
      '青工商联交〔2026〕1号-临江恒泰住房租赁有限公司-办理全过程.docx',
    );
    expect(itemHistoryStem({ docNumber: '', enterprise: 'A/B公司' })).toBe('未编号-A/B公司-办理全过程');
    expect(safeFileName(itemHistoryStem({ docNumber: '', enterprise: 'A/B公司' }), '.docx')).toBe(
      '未编号-A／B公司-办理全过程.docx',
    );
  });
});
