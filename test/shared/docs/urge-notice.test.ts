// 催办通知: which items are urged (黄 / 红预警 only, each left out with why), one notice per lead department, and
// the document read back — 版头, title, 主送, body, the table of items, the contact, the signature and the date.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import type { Assignment } from '../../../shared/domain/types';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import {
  buildUrgeNotice,
  URGE_COLUMNS,
  urgeNotices,
  urgeNoticeStem,
  type UrgeNotices,
} from '../../../shared/docs/urge-notice';
import { safeFileName } from '../../../shared/export/file-names';
import { elements, paragraphs, readDocx, runsWith, tableRows, type DocxParts } from './docx';
import { handedOffBundle, record, RULES } from './follow-up-scenario';

const TODAY = '2026-12-08';
let bundle: MeetingBundle & { assignments: Assignment[] };
let out: UrgeNotices;
let doc: DocxParts;

/**
 * The five demo items, all with the 区财政局 in the lead but the third (区住房和城乡建设局): 1 and 2 overdue by a day (red), 3 led by
 * another department and due tomorrow (yellow), 4 due far ahead but untouched for two weeks (yellow, 推进缓慢), 5
 * replied already.
 */
function items(b: typeof bundle) {
  const fin = b.assignments[0]!.leadDeptId;
  const [a1, a2, a3, a4, a5] = b.assignments.map((a) => ({ ...a, leadDeptId: fin }));
  const replied = record(a5!, [
    { kind: 'reply', on: '2026-12-01', content: '已办理', handler: '王科长', phone: '', way: 'written' },
  ]).assignment;
  return [
    a1!,
    a2!,
    { ...a3!, leadDeptId: b.assignments[2]!.leadDeptId, replyDueAt: '2026-12-09' },
    { ...a4!, replyDueAt: '2026-12-30' },
    replied,
  ].map((assignment) => ({
    assignment,
    signOff: b.signOffs.find((s) => s.assignmentId === assignment.id),
    meeting: b.meeting,
    concerns: [],
  }));
}

beforeAll(async () => {
  bundle = await handedOffBundle();
  out = urgeNotices({
    organization: bundle.organization,
    today: TODAY,
    rules: RULES,
    holidays: SHIPPED_HOLIDAYS,
    leaders: bundle.leaders,
    departments: bundle.departments,
    items: items(bundle),
  });
  doc = await readDocx(await buildUrgeNotice(out.notices.find((n) => n.department === '区财政局')!));
});

describe('urgeNotices', () => {
  it('makes one notice per lead department, in the settings’ order, red items first', () => {
    expect(out.notices.map((n) => n.department)).toEqual(['区财政局', '区住房和城乡建设局']);
    const fin = out.notices[0]!;
    expect(fin.rows.map((r) => [r.docNumber, r.warning, r.timing])).toEqual([
      ['青工商联交〔2026〕1号', 'red', ['逾期1天']],
      ['青工商联交〔2026〕2号', 'red', ['逾期1天']],
      ['青工商联交〔2026〕4号', 'yellow', ['剩余22天', '15天无进展']],
    ]);
    expect(fin.rows.map((r) => r.daysOverdue)).toEqual([1, 1, 0]);
    expect(out.notices[1]!.rows.map((r) => [r.docNumber, r.timing])).toEqual([
      ['青工商联交〔2026〕3号', ['剩余1天', '15天无进展']],
    ]);
  });

  it('leaves out an item with no warning and says why', () => {
    expect(out.skipped).toEqual([
      {
        assignmentId: bundle.assignments[4]!.id,
        docNumber: '青工商联交〔2026〕5号',
        reason: '已回复，无需催办',
      },
    ]);
    const calm = urgeNotices({
      organization: bundle.organization,
      today: '2026-11-24',
      rules: RULES,
      holidays: SHIPPED_HOLIDAYS,
      leaders: bundle.leaders,
      departments: bundle.departments,
      items: items(bundle).slice(0, 1),
    });
    expect(calm.notices).toEqual([]);
    expect(calm.skipped[0]!.reason).toBe('未到预警（距答复期限还有13天），无需催办');
  });

  it('counts in working days when the rules do, and says so', () => {
    const working = urgeNotices({
      organization: bundle.organization,
      today: '2026-12-09',
      rules: { ...RULES, dayKind: 'working' },
      holidays: SHIPPED_HOLIDAYS,
      leaders: bundle.leaders,
      departments: bundle.departments,
      items: items(bundle).slice(0, 1),
    });
    // Due Monday 7 December; Wednesday the 9th is two working days late.
    expect(working.notices[0]!.rows[0]!.timing).toEqual(['逾期2个工作日']);
  });

  it('takes the demand and the lead leader as signed, shortened', () => {
    const row = out.notices[0]!.rows[0]!;
    expect(row).toMatchObject({
      enterprise: '临江恒泰住房租赁有限公司',
      demand: '尽快拨付住房租赁市场发展试点财政奖补资金',
      replyDue: '2026年12月7日',
      leadLeader: '陈思远',
    });
    expect([...out.notices[0]!.rows[1]!.demand].length).toBeLessThanOrEqual(40);
  });

  it('names the file for the department and the day, safe for Windows', () => {
    expect(safeFileName(urgeNoticeStem('区人力资源和社会保障局', '2026-12-01'), '.docx')).toBe(
      '催办通知-区人力资源和社会保障局-20261201.docx',
    );
    expect(safeFileName(urgeNoticeStem('A/B:局', '2026-12-01'), '.docx')).toBe(
      '催办通知-A／B：局-20261201.docx',
    );
  });
});

describe('催办通知 document', () => {
  it('is A4 with the GB/T 9704 margins', () => {
    expect(elements(doc.document, 'w:pgSz')).toEqual([
      expect.objectContaining({ 'w:w': '11906', 'w:h': '16838' }),
    ]);
    expect(elements(doc.document, 'w:pgMar')[0]).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
  });

  it('reads as a notice: 版头 in red over a red rule, title, 主送, body, contact, signature, date', () => {
    const text = paragraphs(doc.document).filter((p) => p !== '');
    expect(text.slice(0, 4)).toEqual([
      '临江市青溪区工商业联合会',
      '关于督促办理民营企业接待日',
      '交办事项的通知',
      '区财政局：',
    ]);
    const masthead = runsWith(doc.document, '临江市青溪区工商业联合会')[0]!;
    expect(masthead).toMatch(/<w:color w:val="C00000"\/>/);
    expect(masthead).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(doc.document).toMatch(/<w:bottom w:val="single" w:color="C00000"/);
    expect(runsWith(doc.document, '交办事项的通知')[0]).toMatch(/<w:sz w:val="44"\/>/);
    expect(text[4]).toBe(
      '截至2026年12月8日，我会交由你单位牵头办理的交办事项中，有2件已超过答复期限尚未答复（红色预警），' +
        '1件临近答复期限或推进缓慢（黄色预警），具体情况见下表。',
    );
    expect(text).toContain(
      '注：红色预警为已超过答复期限尚未答复；黄色预警为距答复期限不足3个工作日尚未答复，或连续7天无办理进展。',
    );
    expect(text.slice(-3)).toEqual([
      '联系人：李晓燕，联系电话：0830-5551234。',
      '临江市青溪区工商业联合会',
      '2026年12月8日',
    ]);
  });

  it('sets the signature as GB/T 9704 does without a seal: name two characters in, the date centred under it', () => {
    const indents = elements(doc.document, 'w:ind').filter((i) => i['w:right']);
    // 12 characters of name, 6.5 of date: 2 and 2 + 2.75 characters of 3号 (320 twips).
    expect(indents.slice(-2).map((i) => Number(i['w:right']))).toEqual([640, 1520]);
  });

  it('lists the items in a fixed table filling the type area', () => {
    expect(URGE_COLUMNS.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(elements(doc.document, 'w:gridCol').map((g) => Number(g['w:w']))).toEqual([...URGE_COLUMNS]);
    const rows = tableRows(doc.document);
    expect(rows[0]).toEqual(['文号', '企业', '诉求', '答复期限', '逾期/剩余', '预警', '牵头领导']);
    expect(rows[1]).toEqual([
      // A 文号 breaks before its 〔, a date after its year (line breaks inside one paragraph).
      '青工商联交〔2026〕1号',
      '临江恒泰住房租赁有限公司',
      '尽快拨付住房租赁市场发展试点财政奖补资金',
      '2026年12月7日',
      '逾期1天',
      '红色',
      '陈思远',
    ]);
    expect(doc.document).toMatch(
      /<w:t[^>]*>青工商联交<\/w:t><\/w:r><w:r>(?:(?!<\/w:p>).)*<w:br\/>(?:(?!<\/w:p>).)*〔2026〕1号/s,
    );
    expect(rows[3]!.slice(3)).toEqual(['2026年12月30日', '剩余22天15天无进展', '黄色', '赵国华']);
  });
});
