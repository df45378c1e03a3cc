// 问题清单: a department's list holds its 未办结 items only, under its title, the day and its figures; the district's
// gives every department's figures and then each department's items; the document is A4, GB/T 9704, its table
// fills the type area, and every property element is in ECMA-376 order.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import type { Assignment, FollowUpStep } from '../../../shared/domain/types';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import {
  buildOutstandingList,
  itemColumns,
  outstandingList,
  outstandingListStem,
  SUMMARY_COLUMNS,
  type OutstandingListData,
} from '../../../shared/docs/outstanding-list';
import { safeFileName } from '../../../shared/export/file-names';
import { ledgerItem, type LedgerItem } from '../../../shared/ledger/ledger-item';
import { elements, paragraphs, readDocx, runsWith, tableRows, type DocxParts } from './docx';
import { closedLife, handedOffBundle, record, RULES } from './follow-up-scenario';
import { childOrderProblems } from './ooxml-order';

const TODAY = '2026-12-20';
let bundle: MeetingBundle & { assignments: Assignment[] };
let items: LedgerItem[];
let finance: string;
let dept: OutstandingListData;
let district: OutstandingListData;
let deptDoc: DocxParts;
let districtDoc: DocxParts;

/**
 * The demo's five items on 2026-12-20, the first four led by the 区财政局: 1 销号 after a 重办 (closedLife), 2 办结
 * and waiting for 销号, 3 with a 进展 only and 13 days past its 答复期限, 4 replied; 5 (国网青溪供电公司) 转报上级.
 */
function scenario(b: typeof bundle): LedgerItem[] {
  const fin = b.assignments[0]!.leadDeptId;
  const [a1, a2, a3, a4, a5] = b.assignments.map((a, i) => (i < 4 ? { ...a, leadDeptId: fin } : a)) as [
    Assignment,
    Assignment,
    Assignment,
    Assignment,
    Assignment,
  ];
  const reply = (on: string, content: string) =>
    ({ kind: 'reply', on, content, handler: '王科长', phone: '', way: 'written' }) as const;
  const lives: Array<{ assignment: Assignment; steps: FollowUpStep[] }> = [
    closedLife(a1),
    record(a2, [
      reply('2026-12-01', '补贴已拨付，配套费按政策减半收取'),
      {
        kind: 'callback',
        on: '2026-12-02',
        caller: '李晓燕',
        way: 'phone',
        satisfaction: 'satisfied',
        words: '',
      },
      { kind: 'close', on: '2026-12-03', basis: 'satisfied', note: '' },
    ]),
    record(a3, [{ kind: 'progress', on: '2026-11-30', note: '已约住建局现场查看一期项目' }]),
    record(a4, [reply('2026-12-05', '滨河路限行时间已调整为7时至9时')]),
    record(a5, [{ kind: 'escalate', on: '2026-12-02', to: '市供电公司', reference: '' }]),
  ];
  const names = {
    departmentById: new Map(b.departments.map((d) => [d.id, d])),
    leaderById: new Map(b.leaders.map((l) => [l.id, l])),
  };
  return lives.map(({ assignment, steps }) =>
    ledgerItem(
      {
        assignment,
        steps,
        concerns: b.concerns.filter((c) => assignment.concernIds.includes(c.id)),
        enterprise: b.enterprises.find((e) => e.id === assignment.enterpriseId),
        meeting: b.meeting,
      },
      names,
      { today: TODAY, rules: RULES, table: SHIPPED_HOLIDAYS },
    ),
  );
}

beforeAll(async () => {
  bundle = await handedOffBundle();
  items = scenario(bundle);
  finance = bundle.assignments[0]!.leadDeptId;
  const common = {
    items,
    departments: bundle.departments,
    today: TODAY,
    organization: bundle.organization.name,
  };
  dept = outstandingList({ ...common, deptId: finance });
  district = outstandingList(common);
  deptDoc = await readDocx(await buildOutstandingList(dept));
  districtDoc = await readDocx(await buildOutstandingList(district));
});

describe('outstandingList', () => {
  it('gives a department its figures and its 未办结 items only, in 文号 order', () => {
    expect(dept.titleLines).toEqual(['区财政局交办事项问题清单']);
    expect(dept.asOf).toBe('截至2026年12月20日');
    expect(dept.figures).toBe('交办4件，已答复3件，已办结1件，已销号1件，未办结2件，其中逾期1件。');
    expect(dept.sections).toHaveLength(1);
    expect(dept.sections[0]!.rows.map((r) => r.docNumber)).toEqual([
      '青工商联交〔2026〕3号',
      '青工商联交〔2026〕4号',
    ]);
  });

  it('prints each item’s state, warning and latest step in short', () => {
    const [overdue, replied] = dept.sections[0]!.rows as [
      OutstandingListData['sections'][0]['rows'][0],
      OutstandingListData['sections'][0]['rows'][0],
    ];
    expect(overdue).toMatchObject({
      enterprise: '临江丰泽钢构有限公司',
      demand: '加快一期项目验收及办证',
      handedOffOn: '2026年11月23日',
      replyDue: '2026年12月7日',
      state: ['已交办'],
      warning: 'red',
      warningLines: ['红色预警', '逾期13天'],
      latest: '11月30日进展：已约住建局现场查看一期项目',
    });
    expect(replied).toMatchObject({
      state: ['已回复'],
      warningLines: ['正常'],
      latest: '12月5日答复：滨河路限行时间已调整为7时至9时',
    });
  });

  it('says when a department has nothing outstanding', () => {
    const cleared = outstandingList({
      items: items.filter((i) => i.state === 'written_off'),
      departments: bundle.departments,
      deptId: finance,
      today: TODAY,
      organization: bundle.organization.name,
    });
    expect(cleared.figures).toBe(
      '交办1件，已答复1件，已办结0件，已销号1件，未办结0件，其中逾期0件，均已办结。',
    );
    expect(cleared.sections[0]!.rows).toEqual([]);
  });

  it('gives the district every department’s figures, the total, and the items of those with any outstanding', () => {
    expect(district.titleLines).toEqual(['全区交办事项问题清单']);
    expect(district.figures).toBe(
      '全区交办5件，已答复3件，已办结1件，已销号1件，未办结3件，其中逾期1件；2个承办单位中0个已清零（交办事项全部销号）。',
    );
    expect(district.summary.map((r) => [r.department, r.handedOver, r.outstanding, r.cleared])).toEqual([
      ['区财政局', 4, 2, false],
      ['国网青溪供电公司', 1, 1, false],
      ['合计', 5, 3, false],
    ]);
    expect(district.sections.map((s) => [s.department, s.rows.map((r) => r.docNumber)])).toEqual([
      ['区财政局', ['青工商联交〔2026〕3号', '青工商联交〔2026〕4号']],
      ['国网青溪供电公司', ['青工商联交〔2026〕5号']],
    ]);
    expect(district.sections[1]!.rows[0]).toMatchObject({ state: ['已转报'], latest: '已转报市供电公司' });
  });

  it('names the file for the department or the district and the day, safe for Windows', () => {
    expect(safeFileName(outstandingListStem('区财政局', TODAY), '.docx')).toBe(
      '问题清单-区财政局-20261220.docx',
    );
    expect(safeFileName(outstandingListStem(undefined, TODAY), '.docx')).toBe('问题清单-全区-20261220.docx');
  });
});

describe('问题清单 document', () => {
  it('is A4 with the GB/T 9704 margins and page numbers', () => {
    for (const doc of [deptDoc, districtDoc]) {
      expect(elements(doc.document, 'w:pgSz')).toEqual([
        expect.objectContaining({ 'w:w': '11906', 'w:h': '16838' }),
      ]);
      expect(elements(doc.document, 'w:pgMar')[0]).toMatchObject({
        'w:top': '2098',
        'w:bottom': '1984',
        'w:left': '1587',
        'w:right': '1474',
      });
      expect(doc.footers.join('')).toMatch(/PAGE/);
    }
  });

  it('reads as the list: title, the day, the figures, the table, the note and the foot', () => {
    const text = paragraphs(deptDoc.document).filter((p) => p !== '');
    expect(text.slice(0, 3)).toEqual([
      '区财政局交办事项问题清单',
      '（截至2026年12月20日）',
      '交办4件，已答复3件，已办结1件，已销号1件，未办结2件，其中逾期1件。',
    ]);
    expect(runsWith(deptDoc.document, '区财政局交办事项问题清单')[0]).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(runsWith(deptDoc.document, '（截至2026年12月20日）')[0]).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(text.at(-1)).toBe('临江市青溪区工商业联合会　2026年12月20日');
    expect(text.at(-2)).toMatch(/^注：未办结指/);
  });

  it('lists the outstanding items only, in a fixed table filling the type area', () => {
    const columns = itemColumns(dept.sections[0]!.rows);
    expect(columns.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(elements(deptDoc.document, 'w:gridCol').map((g) => Number(g['w:w']))).toEqual(columns);
    const rows = tableRows(deptDoc.document);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      '文号',
      '企业',
      '反映问题',
      '交办日期',
      '答复期限',
      '当前状态',
      '预警/逾期天数',
      '最近进展或答复',
    ]);
    expect(rows[1]).toEqual([
      '青工商联交〔2026〕3号',
      '临江丰泽钢构有限公司',
      '加快一期项目验收及办证',
      '2026年11月23日',
      '2026年12月7日',
      '已交办',
      '红色预警逾期13天',
      '11月30日进展：已约住建局现场查看一期项目',
    ]);
    const all = rows.flat().join('\n');
    expect(all).not.toContain('〔2026〕1号');
    expect(all).not.toContain('〔2026〕2号');
    // The header row repeats on every page the table runs onto; an item never splits across pages.
    expect(deptDoc.document).toMatch(/<w:tblHeader\/>/);
    expect(deptDoc.document.match(/<w:cantSplit\/>/g)).toHaveLength(3);
  });

  it('gives the district’s summary, then each department under its heading', () => {
    const text = paragraphs(districtDoc.document).filter((p) => p !== '');
    expect(text).toContain('一、各单位办理情况');
    expect(text).toContain('二、未办结事项');
    expect(text).toContain('（一）区财政局（未办结2件，其中逾期1件）');
    expect(text).toContain('（二）国网青溪供电公司（未办结1件）');
    expect(SUMMARY_COLUMNS.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    const rows = tableRows(districtDoc.document);
    expect(rows[0]).toEqual(['承办单位', '交办', '已答复', '已办结', '已销号', '未办结', '其中逾期', '清零']);
    expect(rows.slice(1, 4)).toEqual([
      ['区财政局', '4', '3', '1', '1', '2', '1', '—'],
      ['国网青溪供电公司', '1', '0', '0', '0', '1', '0', '—'],
      ['合计', '5', '3', '1', '1', '3', '1', '—'],
    ]);
    expect(rows.filter((r) => r[0] === '文号')).toHaveLength(2);
  });

  it('writes the children of w:pPr, w:rPr, w:tblPr and w:sectPr in the order of ECMA-376', () => {
    for (const doc of [deptDoc, districtDoc]) {
      const result = childOrderProblems(doc.document);
      expect(result.problems).toEqual([]);
      expect(result.checked).toBeGreaterThan(50);
      for (const footer of doc.footers) expect(childOrderProblems(footer).problems).toEqual([]);
      expect(childOrderProblems(doc.styles).problems).toEqual([]);
    }
  });

  it('sets Chinese text in the East Asian face', () => {
    const runs = [...deptDoc.document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    const chinese = runs.filter((r) => /<w:t[^>]*>[^<]*[\u4e00-\u9fff][^<]*<\/w:t>/.test(r));
    expect(chinese.length).toBeGreaterThan(10);
    for (const r of chinese) expect(r).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
  });
});
