// 以月答卷: the report's words from the statistics of the worked-out district (statistics-fixture.ts, November 2026,
// made on 2026-12-10) — every section's text, the tables, the 典型案例, the 存在问题 with their warnings, the
// attachment — and the document: the 版头 with its number, the sections in order, the charts as pictures of the size
// asked, tables filling the type area, every property element in ECMA-376 order; and a month with nothing in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { monthPeriod } from '../../../shared/domain/periods';
import { computeStats } from '../../../shared/domain/statistics';
import { A4, MARGIN, TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import {
  buildMonthlyReport,
  FIGURE_COLUMNS,
  listColumns,
  monthlyReportData,
  packageFileStem,
  RANKING_COLUMNS,
  reportCharts,
  reportFileStem,
  reportFolderName,
  reportNumberPrefix,
} from '../../../shared/docs/monthly-report';
import { safeFileName, safeFolderName } from '../../../shared/export/file-names';
import { elements, emuToMm, paragraphs, readDocx, tableRows, type DocxParts } from './docx';
import { charts, data, prepared, sources, stats } from './monthly-report-fixture';
import { childOrderProblems } from './ooxml-order';

let doc: DocxParts;
let text: string[];
let t0 = 0;
let builtMs = 0;

beforeAll(async () => {
  t0 = performance.now();
  doc = await readDocx(await buildMonthlyReport(data, charts));
  builtMs = performance.now() - t0;
  text = paragraphs(doc.document).filter((p) => p !== '');
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the report series', () => {
  it('takes its prefix from the 交办单’s, and names its folder and files for the month', () => {
    expect(reportNumberPrefix('青工商联交')).toBe('青工商联报');
    expect(reportNumberPrefix(' 临工商联 ')).toBe('临工商联报');
    expect(reportNumberPrefix('')).toBe('');
    const november = monthPeriod(2026, 11);
    expect(safeFolderName(reportFolderName(november))).toBe('以月答卷-2026年11月');
    expect(safeFileName(reportFileStem(november, '青工商联报〔2026〕3号'), '.docx')).toBe(
      '以月答卷-2026年11月-青工商联报〔2026〕3号.docx',
    );
    expect(packageFileStem('青溪区工商联', november)).toBe('月度交换包-青溪区工商联-2026年11月');
  });
});

describe('the words of November', () => {
  it('一、基本情况: every figure in sentences, and 表1 with each figure and its definition', () => {
    expect(data.titleLines).toEqual(['关于2026年11月企业诉求办理情况的报告']);
    expect(data.basics).toEqual([
      '2026年11月，共召开民营企业接待日、政企恳谈会等会议2场，接待企业4家，企业发言4人次，收集企业诉求5件。' +
        '其中，现场解决1件，需交办3件，转报上级1件。',
      '从诉求类别看，融资3件、人才1件、用地1件。',
      '本月交办6件；答复期限在本月且已到期的办理7件次，按期答复4件次，按时反馈率57.1%，逾期3件次；' +
        '本月交办件已办结0件，办结率0%；本月收到答复6件，平均用时11个工作日。',
      '本月回访3件，企业评价满意1件、基本满意1件、不满意1件，满意率33.3%，满意和基本满意率66.7%；' +
        '因企业不满意重办1次，转报上级1件。',
    ]);
    expect(data.figureRows.map((r) => [r.label, r.value])).toEqual([
      ['召开会议', '2场'],
      ['接待企业', '4家'],
      ['企业发言', '4人次'],
      ['收集诉求', '5件'],
      ['现场解决', '1件'],
      ['需交办', '3件'],
      ['会上转报上级', '1件'],
      ['交办件', '6件'],
      ['按时反馈率', '57.1%（4/7）'],
      ['逾期', '3件次'],
      ['办结率', '0%（0/6）'],
      ['满意率', '33.3%（1/3）'],
      ['满意和基本满意率', '66.7%（2/3）'],
      ['不满意', '1件'],
      ['平均答复用时', '11个工作日'],
      ['重办', '1次'],
      ['转报上级', '1件'],
    ]);
    expect(data.figureRows[8]!.definition).toMatch(/^答复期限在统计期内且已到期的办理轮次中/);
  });

  it('二、办理情况: the departments in the ranking’s order, who was on time, late, and the 转报', () => {
    expect(data.handling).toEqual([
      // All three lead two items each: nobody is named as leading the most.
      '本月3个单位有交办或到期事项，各单位办理情况见表2（以按时反馈率、满意率排序）。',
      '区税务局到期事项全部按期答复；区财政局1件次、区人社局2件次逾期；区税务局有企业回访评价不满意。',
    ]);
    expect(data.ranking).toEqual([
      {
        department: '区税务局',
        handedOff: '2',
        due: '1',
        onTime: '1',
        onTimeRate: '100%',
        evaluated: '1',
        satisfiedRate: '0%',
        overdue: '0',
        redo: '1',
      },
      {
        department: '区财政局',
        handedOff: '2',
        due: '4',
        onTime: '3',
        onTimeRate: '75%',
        evaluated: '2',
        satisfiedRate: '100%',
        overdue: '1',
        redo: '0',
      },
      {
        department: '区人社局',
        handedOff: '2',
        due: '2',
        onTime: '0',
        onTimeRate: '0%',
        evaluated: '0',
        satisfiedRate: '—',
        overdue: '2',
        redo: '0',
      },
    ]);
    expect(data.escalations).toEqual([
      '1．青工商联交〔2026〕a6号（青溪宏达物流有限公司：物流园区停车场规划）于11月15日转报市营商环境办，上级已答复。',
    ]);
  });

  it('三、典型案例: the enterprise’s words, the handoff, the signed instruction, every reply and every 回访', () => {
    expect(data.cases).toEqual([
      {
        heading: '（一）临江市青溪区精密模具厂',
        parts: [
          { label: '企业反映', text: '“我们的出口退税从申报到到账要两个多月，资金压力很大，希望能快一点。”' },
          {
            label: '交办情况',
            text: '11月6日交区税务局牵头办理（青工商联交〔2026〕a3号），答复期限12月5日。',
          },
          { label: '领导批示', text: '请区税务局研究简化流程，十五个工作日内答复企业。（区委书记王立群）' },
          // As it stands on the day of the report: the 重办's reply of December too.
          { label: '办理结果', text: '11月18日区税务局答复：已办理；重办后，12月3日区税务局答复：已办理。' },
          { label: '企业评价', text: '11月19日回访，企业评价“不满意”；12月4日再次回访，企业评价“满意”。' },
        ],
      },
    ]);
  });

  it('四、存在问题: each overdue round and each 重办, with the warning as it stands', () => {
    expect(data.problemsIntro).toBe('本月有3件交办件未在答复期限内答复，有1件因企业不满意重办，具体如下。');
    expect(data.overdue).toEqual([
      '1．青工商联交〔2026〕a2号（青溪丰泽钢构有限公司：厂区周边道路破损影响货车通行），区财政局牵头，' +
        '答复期限11月20日，11月25日才答复；目前已回访。',
      '2．青工商联交〔2026〕a5号（临江云帆软件有限公司：高层次人才子女入学），区人社局牵头，' +
        '答复期限11月30日，截至12月10日尚未答复；目前已交办，红色预警：办理超时（逾期10天）。',
      '3．青工商联交〔2026〕a6号（青溪宏达物流有限公司：物流园区停车场规划），区人社局牵头，' +
        '答复期限11月21日，11月28日才答复；目前已回复。',
    ]);
    expect(data.redo).toEqual([
      '1．青工商联交〔2026〕a3号（临江市青溪区精密模具厂：出口退税办理周期长），区税务局牵头，' +
        '11月21日因企业不满意重办（“企业不满意”，第2次办理，答复期限12月5日）；目前已回访（第2次办理）。',
    ]);
  });

  it('leaves out a round due on the day of the report: it still has the day', () => {
    const onDue = computeStats(prepared, {
      period: monthPeriod(2026, 11),
      today: '2026-11-30',
      table: SHIPPED_HOLIDAYS,
    });
    const words = monthlyReportData({ ...sources, stats: onDue, date: '2026-11-30' });
    // a5's 答复期限 is 11-30: not overdue on the day.
    expect(words.overdue.map((l) => /〕(a\d)号/u.exec(l)?.[1])).toEqual(['a2', 'a6']);
  });

  it('五、下一步工作 a paragraph a line; the attachment lists the month’s 交办件', () => {
    expect(data.nextSteps).toEqual([
      '一是加强逾期事项督办，对红色预警事项逐件约谈牵头单位。',
      '二是做好重办事项回访。',
    ]);
    expect(data.attachmentNote).toBe(
      '（2026年11月交办，共6件；日期为2026年，状态、答复和回访截至2026年12月10日）',
    );
    // Handed over in November: a2–a6 and a9 (a1 and a7 in October, a8 in December).
    expect(data.list.map((r) => r.docNumber.replace(/^.*〕|号$/g, ''))).toEqual([
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a9',
    ]);
    expect(data.list[1]).toEqual({
      docNumber: '青工商联交〔2026〕a3号',
      enterprise: '临江市青溪区精密模具厂',
      demand: '出口退税办理周期长',
      leadDept: '区税务局',
      handedOffOn: '11月6日',
      replyDue: '12月5日',
      state: ['已回访', '第2次办理'],
      repliedOn: '12月3日',
      callback: '满意',
    });
    expect(data.list[2]).toMatchObject({ repliedOn: '未答复', callback: '未回访' });
  });

  it('asks for the charts there is something to draw, each at its print size', () => {
    expect(reportCharts(stats)).toEqual([
      { name: 'trend', widthMm: 150, heightMm: 82 },
      { name: 'category', widthMm: 150, heightMm: 55 },
      { name: 'satisfaction', widthMm: 130, heightMm: 78 },
      { name: 'department', widthMm: 150, heightMm: 55 },
    ]);
  });
});

describe('the document', () => {
  it('is A4 with the GB/T 9704 margins, and built fast', () => {
    const [size] = elements(doc.document, 'w:pgSz');
    expect(size).toMatchObject({ 'w:w': String(A4.width), 'w:h': String(A4.height) });
    const [margin] = elements(doc.document, 'w:pgMar');
    expect(Number(margin!['w:top'])).toBe(MARGIN.top);
    expect(Number(margin!['w:left'])).toBe(MARGIN.left);
    // A report with its charts (PNG bytes in, no drawing here) in well under the 1.5 s the bench allows.
    expect(builtMs).toBeLessThan(1500);
  });

  it('opens with the 版头 and the number, then the title and the sections in order', () => {
    expect(text.slice(0, 4)).toEqual([
      '临江市青溪区工商业联合会',
      '青工商联报〔2026〕3号',
      '关于2026年11月企业诉求办理情况的报告',
      data.intro,
    ]);
    const order = [
      '一、基本情况',
      '表1　主要指标',
      '图1　近十二个月交办与办理情况',
      '图2　诉求类别分布',
      '图3　满意度回访结果',
      '二、办理情况',
      '（一）各单位办理情况',
      '表2　各单位办理情况',
      '图4　各单位交办件数',
      '（二）转报上级事项',
      '三、典型案例',
      '（一）临江市青溪区精密模具厂',
      '四、存在问题',
      '（一）逾期未按期答复',
      '（二）企业不满意重办',
      '五、下一步工作',
      '附件：交办件清单',
      '临江市青溪区工商业联合会',
      '2026年12月10日',
      '附件',
      '交办件清单',
    ];
    const at = order.map((p) => text.indexOf(p, 1));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('企业反映：“我们的出口退税从申报到到账要两个多月，资金压力很大，希望能快一点。”');
    expect(text).toContain('一是加强逾期事项督办，对红色预警事项逐件约谈牵头单位。');
    // The number in red under the federation's name, the red rule under the number.
    expect(doc.document).toMatch(/<w:color w:val="C00000"\/>[\s\S]{0,400}临江市青溪区工商业联合会/);
    expect(doc.document).toMatch(
      /<w:bottom w:val="single" w:color="C00000"[^>]*\/>[\s\S]{0,1200}青工商联报〔2026〕3号/,
    );
  });

  it('puts the charts in as pictures of the size asked, with their names', () => {
    // The white stand-ins of one size are one picture to docx: the two bar charts share theirs.
    expect(doc.media).toHaveLength(3);
    const extents = elements(doc.document, 'wp:extent').map((e) => [
      Math.round(emuToMm(Number(e['cx']))),
      Math.round(emuToMm(Number(e['cy']))),
    ]);
    expect(extents).toEqual([
      [150, 82],
      [150, 55],
      [130, 78],
      [150, 55],
    ]);
    expect(elements(doc.document, 'wp:docPr').map((e) => e['descr'])).toEqual([
      '近十二个月交办与办理情况',
      '诉求类别分布',
      '满意度回访结果',
      '各单位交办件数',
    ]);
  });

  it('has 表1, 表2 and the 交办件清单 filling the type area, with their rows', () => {
    const rows = tableRows(doc.document);
    expect(rows[0]).toEqual(['指标', '本月', '口径']);
    expect(rows[9]!.slice(0, 2)).toEqual(['按时反馈率', '57.1%（4/7）']);
    const ranking = rows.findIndex((r) => r[0] === '牵头单位');
    expect(rows[ranking]).toEqual([
      '牵头单位',
      '交办',
      '到期',
      '按期答复',
      '按时反馈率',
      '回访',
      '满意率',
      '逾期',
      '重办',
    ]);
    expect(rows[ranking + 1]).toEqual(['区税务局', '2', '1', '1', '100%', '1', '0%', '0', '1']);
    const list = rows.findIndex((r) => r[0] === '文号');
    expect(rows[list]).toEqual([
      '文号',
      '企业',
      '反映问题',
      '牵头单位',
      '交办日期答复期限',
      '状态',
      '答复日期回访结果',
    ]);
    expect(rows[list + 2]).toEqual([
      // Lines within a cell are breaks in one paragraph: read back run together.
      '青工商联交〔2026〕a3号',
      '临江市青溪区精密模具厂',
      '出口退税办理周期长',
      '区税务局',
      '11月6日12月5日',
      '已回访第2次办理',
      '12月3日满意',
    ]);
    expect(rows.length - list - 1).toBe(6);
    for (const grid of [FIGURE_COLUMNS, RANKING_COLUMNS, listColumns(data.list)])
      expect(sum(grid)).toBe(TEXT_WIDTH);
    const grids = [...doc.document.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    );
    expect(grids).toEqual([[...FIGURE_COLUMNS], [...RANKING_COLUMNS], listColumns(data.list)]);
  });

  it('writes the children of w:pPr, w:rPr, w:tblPr and w:sectPr in the order of ECMA-376', () => {
    const result = childOrderProblems(doc.document);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(400);
    for (const footer of doc.footers) expect(childOrderProblems(footer).problems).toEqual([]);
    expect(childOrderProblems(doc.styles).problems).toEqual([]);
  });
});

describe('a month with nothing in it', () => {
  it('says so in every section, with the trend alone as a chart', async () => {
    const empty = computeStats(prepared, {
      period: monthPeriod(2026, 3),
      today: '2026-12-10',
      table: SHIPPED_HOLIDAYS,
    });
    const quiet = monthlyReportData({ ...sources, stats: empty, cases: [], nextSteps: '继续做好接待。' });
    expect(quiet.basics[0]).toBe('2026年3月未召开民营企业接待日、政企恳谈会等会议。');
    expect(quiet.basics.slice(1)).toEqual([
      '本月交办0件；本月没有到期的办理事项。',
      '本月没有进行满意度回访；因企业不满意重办0次，转报上级0件。',
    ]);
    expect(quiet.handling).toEqual(['本月没有交办或到期的事项。']);
    expect(quiet.problemsIntro).toBe('本月没有逾期未答复和重办的事项。');
    expect(quiet.list).toEqual([]);
    expect(quiet.charts).toEqual(['trend']);
    const words = paragraphs(
      (
        await readDocx(
          await buildMonthlyReport(
            quiet,
            charts.filter((c) => c.name === 'trend'),
          ),
        )
      ).document,
    );
    expect(words).toContain('本月未选定典型案例。');
    expect(words).toContain('本月没有交办的交办件。');
    expect(words.filter((w) => w.startsWith('图'))).toEqual(['图1　近十二个月交办与办理情况']);
  });
});
