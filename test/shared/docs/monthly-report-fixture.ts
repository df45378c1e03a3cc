// The 以月答卷 of the statistics fixture's district (statistics-fixture.ts): 台账 lines for its items with names and
// words, a 典型案例, 下一步工作, and blank PNGs of the size the report asks for in place of the charts.
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { monthPeriod } from '../../../shared/domain/periods';
import { computeStats, prepareStats } from '../../../shared/domain/statistics';
import {
  monthlyReportData,
  reportCharts,
  type MonthlyReportSources,
  type ReportChart,
} from '../../../shared/docs/monthly-report';
import { encodeAlphaPng } from '../../../shared/docs/ink-png';
import { ledgerItem, type LedgerItem } from '../../../shared/ledger/ledger-item';
import { DATA, ITEMS, TODAY } from '../domain/statistics-fixture';

export { TODAY };

const ENTERPRISE: Record<string, string> = {
  a1: '临江恒泰住房租赁有限公司',
  a2: '青溪丰泽钢构有限公司',
  a3: '临江市青溪区精密模具厂',
  a4: '青溪绿源农业科技有限公司',
  a5: '临江云帆软件有限公司',
  a6: '青溪宏达物流有限公司',
  a7: '临江恒泰住房租赁有限公司',
  a8: '青溪新材料有限公司',
  a9: '临江顺达汽车配件有限公司',
};
const DEMAND: Record<string, string> = {
  a1: '申请中小企业贷款贴息',
  a2: '厂区周边道路破损影响货车通行',
  a3: '出口退税办理周期长',
  a4: '农业设施用地审批',
  a5: '高层次人才子女入学',
  a6: '物流园区停车场规划',
  a7: '租赁住房补贴申报',
  a8: '新材料项目环评',
  a9: '汽车配件企业融资担保',
};

export const prepared = prepareStats(DATA);
export const stats = computeStats(prepared, {
  period: monthPeriod(2026, 11),
  today: TODAY,
  table: SHIPPED_HOLIDAYS,
});

const names = {
  departmentById: new Map(DATA.departments.map((d) => [d.id, d])),
  leaderById: new Map([['l1', { name: '王立群', title: '区委书记' }]]),
};

/** The 台账 lines of the fixture's handed-off items on TODAY. */
export const items: ReadonlyMap<string, LedgerItem> = new Map(
  ITEMS.map(({ assignment, steps }) => [
    assignment.id,
    ledgerItem(
      {
        assignment,
        steps,
        concerns: [{ summary: DEMAND[assignment.id]!, verbatim: '', category: '融资' }],
        enterprise: { name: ENTERPRISE[assignment.id]!, creditCode: '' },
        meeting: { title: assignment.meetingId, date: '2026-11-05' },
      },
      names,
      { today: TODAY, rules: DEFAULT_DEADLINE_RULES, table: SHIPPED_HOLIDAYS },
    ),
  ]),
);

export const sources: MonthlyReportSources = {
  organization: { name: '临江市青溪区工商业联合会', shortName: '青溪区工商联' },
  docNumber: '青工商联报〔2026〕3号',
  date: TODAY,
  stats,
  prepared,
  items,
  cases: [
    {
      assignmentId: 'a3',
      words: ['我们的出口退税从申报到到账要两个多月，资金压力很大，希望能快一点。'],
      instruction: '请区税务局研究简化流程，十五个工作日内答复企业。',
      signer: '区委书记王立群',
    },
  ],
  nextSteps: '一是加强逾期事项督办，对红色预警事项逐件约谈牵头单位。\n\n二是做好重办事项回访。',
};

export const data = monthlyReportData(sources);

/** The charts the report asks for, as blank PNGs of their print size at 2 px a millimetre (ECharts draws the real ones). */
export const charts: ReportChart[] = reportCharts(stats).map((c) => ({
  ...c,
  png: encodeAlphaPng(
    c.widthMm * 2,
    c.heightMm * 2,
    new Uint8Array(c.widthMm * c.heightMm * 4),
    [255, 255, 255],
  ),
}));
