// 统计分析 end to end on the demo (clock pinned at DEMO_NOW, 2026-11-22): the demo's 第14次 接待日 was held yesterday
// with six demands confirmed (five spoken, one written in beforehand; two written ones never confirmed), four
// enterprises speaking; the six 交办件 of 第13次 (held 10-31) were handed over on 11-01 with their 答复期限 on 11-16 —
// 9号 answered on the day, 8号 before it, 5号 never, 7号 extended to today and not answered, 6号 and 10号 extended
// beyond today; 第12次 (09-25) handed over four items on 09-26, replied and called back in October (满意, 基本满意,
// 不满意 then 重办), 4号 转报 to the city on 10-03. The figures below are read off that script. Then the drill-downs, a
// definition, the other periods, the kind filter, and two other districts' exchange packages merged beside ours —
// a duplicate and a tampered one refused by name — all without a single CSP violation, charts included.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { loadDemo, press, screenshot } from './helpers';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
import { monthPeriod } from '../../shared/domain/periods';
import {
  computeStats,
  FIGURE_DEFINITIONS,
  prepareStats,
  type StatsData,
} from '../../shared/domain/statistics';
import { buildExchangePackage, newSigningKey, signingKey } from '../../shared/exchange/monthly-package';
import { DATA, TODAY } from '../shared/domain/statistics-fixture';

/** The worked-out district of the statistics tests. */
async function fixture(): Promise<{ DATA: StatsData; TODAY: string }> {
  return { DATA, TODAY };
}

/** Two other districts' November packages, signed with keys of their own, as their secretaries would send them. */
async function districtPackages(): Promise<{ jiangbei: string; hexi: string }> {
  const { DATA, TODAY } = await fixture();
  const prepared = prepareStats(DATA);
  const items = new Map(
    DATA.assignments.map((a) => [
      a.id,
      {
        docNumber: a.docNumber ?? '',
        meetingKind: '接待日',
        enterprise: `江北企业${a.id}`,
        demand: `诉求${a.id}`,
        category: '融资',
        leadDept: '区财政局',
        state: '已交办',
        satisfaction: '',
        round: a.round ?? 1,
        escalatedTo: '',
      },
    ]),
  );
  const build = async (name: string, level?: 'county') =>
    buildExchangePackage({
      district: { name, shortName: name },
      stats: computeStats(prepared, {
        period: monthPeriod(2026, 11),
        today: TODAY,
        table: SHIPPED_HOLIDAYS,
        ...(level ? { level } : {}),
      }),
      items,
      generatedAt: Date.parse('2026-12-02T10:00:00+08:00'),
      app: '0.1.0',
      key: await signingKey((await newSigningKey()).privateJwk),
    });
  return { jiangbei: await build('江北区工商联'), hexi: await build('河西区工商联', 'county') };
}

/** Record every CSP violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return seen;
}

const figure = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
const group = (page: Page, name: string): Locator => page.getByRole('region', { name });

async function openStatistics(page: Page, testInfo: TestInfo): Promise<void> {
  await press(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计分析' }),
    testInfo,
  );
  await expect(page.getByRole('heading', { name: '统计分析', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('统计分析 · 恳谈会务台');
}

test('统计分析: the figures of the demo, their records and definitions, periods, filters and the 全市汇总', async ({
  page,
}, testInfo) => {
  const violations = await watchCsp(page);
  const packages = await districtPackages();
  await loadDemo(page, testInfo);
  await openStatistics(page, testInfo);

  // The current month first: November, with 第14次 held and 第13次's six items handed over.
  await expect(page.getByRole('heading', { name: '2026年11月', level: 2, exact: true })).toBeVisible();
  const meetings = group(page, '会议与诉求');
  await expect(meetings.getByRole('button', { name: '召开会议 1场' })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '接待企业 4家' })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '企业发言 4人次' })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '反映诉求 6件' })).toBeVisible();
  const handling = group(page, '交办与办理');
  await expect(handling.getByRole('button', { name: '交办件 6件' })).toBeVisible();
  // Past due in November or answered: 5号 (never answered), 8号 and 9号 (answered in time); 7号, extended to
  // today and not answered yet, still has the day.
  const onTime = handling.getByRole('listitem').filter({ hasText: '按时反馈率' });
  await expect(onTime).toContainText('66.7%（2/3）');
  await expect(handling.getByRole('button', { name: '逾期 1件次' })).toBeVisible();
  await expect(handling.getByRole('listitem').filter({ hasText: '办结率' })).toContainText('0%（0/6）');
  // The 回访 of November: 8号, 不满意.
  await expect(group(page, '满意度').getByRole('button', { name: '不满意 1件' })).toBeVisible();
  // The charts are drawn (canvas), the ranking lists the departments.
  await expect(page.locator('figure canvas').first()).toBeVisible();
  const ranking = page.getByRole('table', { name: '各单位办理情况排名' });
  await expect(ranking.getByRole('button', { name: '区人力资源和社会保障局 逾期 1件次' })).toBeVisible();
  await screenshot(page, testInfo, 'statistics');
  for (const [part, shot] of [
    ['诉求类别分布', 'statistics-demands'],
    ['各单位交办件数', 'statistics-departments'],
    ['各单位办理情况排名', 'statistics-ranking'],
    ['近十二个月交办与办理情况', 'statistics-trend'],
  ] as const) {
    await page
      .getByRole('figure', { name: part })
      .or(page.getByRole('region', { name: part }))
      .scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, shot);
  }
  // The trend's tooltip over November, by finger or mouse: drawn on the canvas, so the CSP has nothing to refuse.
  const trend = page.getByRole('figure', { name: '近十二个月交办与办理情况' }).locator('canvas').first();
  const box = (await trend.boundingBox())!;
  const november = { x: box.x + box.width * 0.93, y: box.y + box.height * 0.6 };
  if (testInfo.project.use.hasTouch) await page.touchscreen.tap(november.x, november.y);
  else await page.mouse.move(november.x, november.y);
  await page.waitForTimeout(500);
  await screenshot(page, testInfo, 'statistics-trend-tooltip');

  // A number opens its records, and an item its 督办事项.
  await press(figure(page, '交办件 6件'), testInfo);
  const drill = page.getByRole('dialog', { name: '交办件（2026年11月）' });
  await expect(drill).toBeVisible();
  const rows = drill.getByRole('table', { name: '明细' }).getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(1)).toContainText('青工商联交〔2026〕5号');
  await expect(rows.nth(1)).toContainText('区人力资源和社会保障局');
  await expect(rows.nth(6)).toContainText('青工商联交〔2026〕10号');
  await screenshot(page, testInfo, 'statistics-drill');
  await press(drill.getByRole('link', { name: '青工商联交〔2026〕5号' }), testInfo);
  await expect(page.getByRole('heading', { name: '青工商联交〔2026〕5号', level: 1 })).toBeVisible();
  await openStatistics(page, testInfo);

  // The share's denominator: the rounds due.
  await press(figure(page, '按时反馈率 到期 3件次'), testInfo);
  const due = page.getByRole('dialog', { name: '按时反馈率：到期（2026年11月）' });
  await expect(due.getByRole('row')).toHaveCount(4);
  await press(due.getByRole('button', { name: '关闭此对话框' }), testInfo);
  await expect(due).toBeHidden();

  // A definition, one tap away.
  const definition = page.getByRole('button', { name: '按时反馈率的口径' });
  await press(definition, testInfo);
  await expect(definition).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('note').filter({ hasText: FIGURE_DEFINITIONS.onTime })).toBeVisible();

  // The month just ended, as the 以月答卷 answers for it: 第13次 held, nothing handed over, the 回访 of 1–3号, the 重办
  // of 3号, the 转报 of 4号 still waiting for the city.
  await press(page.getByRole('button', { name: '上月：2026年10月' }), testInfo);
  await expect(page.getByRole('heading', { name: '2026年10月', level: 2, exact: true })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '反映诉求 6件' })).toBeVisible();
  await expect(handling.getByLabel('交办件 0件')).toBeVisible();
  const satisfaction = group(page, '满意度');
  await expect(satisfaction.getByRole('listitem').filter({ hasText: /^满意率\d/ })).toContainText(
    '33.3%（1/3）',
  );
  await expect(satisfaction.getByRole('listitem').filter({ hasText: '满意率（含基本满意）' })).toContainText(
    '66.7%（2/3）',
  );
  await expect(handling.getByRole('button', { name: '重办 1次' })).toBeVisible();
  const escalations = page.getByRole('table', { name: '转报上级的事项' });
  await expect(escalations.getByRole('row').nth(1)).toContainText('青工商联交〔2026〕4号');
  await expect(escalations.getByRole('row').nth(1)).toContainText('待上级答复');
  // Compared with September (第12次, four items handed over): 交办件 ▼4.
  await expect(handling.getByText('较2026年9月减少4件')).toBeAttached();

  // A quarter, a year, any run of days.
  await press(page.getByRole('radio', { name: '季' }), testInfo);
  await expect(page.getByRole('heading', { name: '2026年第四季度', level: 2, exact: true })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '召开会议 2场' })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '反映诉求 12件' })).toBeVisible();
  await expect(handling.getByRole('button', { name: '交办件 6件' })).toBeVisible();
  await press(page.getByRole('radio', { name: '年' }), testInfo);
  await expect(page.getByRole('heading', { name: '2026年', level: 2, exact: true })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '召开会议 3场' })).toBeVisible();
  await expect(meetings.getByRole('button', { name: '反映诉求 17件' })).toBeVisible();
  await expect(handling.getByRole('button', { name: '交办件 10件' })).toBeVisible();
  await press(page.getByRole('radio', { name: '自定义' }), testInfo);
  await page.getByLabel('开始日期').fill('2026-09-01');
  await page.getByLabel('结束日期').fill('2026-10-31');
  await expect(
    page.getByRole('heading', { name: '2026年9月1日至10月31日', level: 2, exact: true }),
  ).toBeVisible();
  await expect(meetings.getByRole('button', { name: '召开会议 2场' })).toBeVisible();
  await expect(handling.getByRole('button', { name: '交办件 4件' })).toBeVisible();
  await press(meetings.getByRole('button', { name: '召开会议 2场' }), testInfo);
  const held = page.getByRole('dialog', { name: '召开会议（2026年9月1日至10月31日）' });
  await expect(held.getByRole('row').nth(1)).toContainText('青溪区第12次“民营企业接待日”');
  await expect(held.getByRole('row').nth(2)).toContainText('青溪区第13次“民营企业接待日”');
  await press(held.getByRole('button', { name: '关闭此对话框' }), testInfo);

  // Only 恳谈会: the demo holds none.
  await press(page.getByRole('radio', { name: '恳谈会' }), testInfo);
  await expect(meetings.getByLabel('召开会议 0场')).toBeVisible();
  await expect(handling.getByLabel('交办件 0件')).toBeVisible();
  await press(page.getByRole('radio', { name: '全部会议' }), testInfo);
  await expect(meetings.getByRole('button', { name: '召开会议 2场' })).toBeVisible();

  // 全市汇总: two districts' November packages beside our November.
  await press(page.getByRole('radio', { name: '月' }), testInfo);
  await press(page.getByRole('button', { name: '本月' }), testInfo);
  const files = page.getByLabel('选择其他区县的月度交换包');
  await files.setInputFiles([
    { name: '江北区.json', mimeType: 'application/json', buffer: Buffer.from(packages.jiangbei) },
    { name: '河西区.json', mimeType: 'application/json', buffer: Buffer.from(packages.hexi) },
  ]);
  const city = page.getByRole('region', { name: '全市汇总' });
  await expect(city.getByText('已导入2个区县的交换包')).toBeVisible();
  await expect(city.getByText('导入的交换包仅在本次使用中保留')).toBeVisible();
  const table = city.getByRole('table', { name: '全市汇总' });
  const districts = table.getByRole('columnheader');
  await expect(districts).toHaveCount(5);
  await expect(districts.nth(1)).toContainText('青溪区工商联本区（本机数据）');
  await expect(districts.nth(2)).toContainText(/^江北区工商联密钥指纹 [0-9a-f]{16}江北区\.json/);
  await expect(districts.nth(4)).toContainText('全市合计3个区县');
  // 交办: ours 6, 江北 6 (the fixture's November), 河西 4 (its county meetings only).
  await expect(table.getByRole('button', { name: '全市合计 交办 16件' })).toBeVisible();
  await expect(table.getByRole('button', { name: '江北区工商联 交办 6件' })).toBeVisible();
  await expect(table.getByRole('button', { name: '河西区工商联 交办 4件' })).toBeVisible();
  await city.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'statistics-city');
  await press(table.getByRole('button', { name: '河西区工商联 交办 4件' }), testInfo);
  const theirs = page.getByRole('dialog', { name: '河西区工商联：交办（全市汇总）' });
  await expect(theirs.getByRole('row')).toHaveCount(5);
  await expect(theirs.getByRole('row').nth(1)).toContainText('河西区工商联');
  await expect(theirs.getByRole('link')).toHaveCount(0);
  await press(theirs.getByRole('button', { name: '关闭此对话框' }), testInfo);
  await press(table.getByRole('button', { name: '全市合计 交办 16件' }), testInfo);
  const all = page.getByRole('dialog', { name: '全市合计：交办（全市汇总）' });
  await expect(all.getByRole('row')).toHaveCount(17);
  // Ours open their 督办事项.
  await expect(all.getByRole('link', { name: '青工商联交〔2026〕5号' })).toBeVisible();
  await press(all.getByRole('button', { name: '关闭此对话框' }), testInfo);

  // The same district again, and a package changed after it was signed: refused, each file named.
  const tampered = packages.hexi.replace('"meetings": 1,', '"meetings": 3,');
  expect(tampered).not.toBe(packages.hexi);
  await files.setInputFiles([
    { name: '江北区-重发.json', mimeType: 'application/json', buffer: Buffer.from(packages.jiangbei) },
    { name: '改过的.json', mimeType: 'application/json', buffer: Buffer.from(tampered) },
  ]);
  const refused = city.getByRole('alert', { name: '未导入的文件' });
  await expect(refused).toContainText('“江北区-重发.json”未导入：江北区工商联2026年11月的交换包重复导入');
  await expect(refused).toContainText(
    '“改过的.json”的签名不符：内容在导出后被改动过，或文件不完整；请向报送单位索取原文件',
  );
  await expect(districts).toHaveCount(5);
  await expect(table.getByRole('button', { name: '全市合计 交办 16件' })).toBeVisible();

  expect(violations).toEqual([]);
});
