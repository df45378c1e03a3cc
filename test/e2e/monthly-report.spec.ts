// 以月答卷 end to end on the demo (clock pinned at DEMO_NOW, 2026-11-22), in the browser build (the export downloads as
// one .zip): the demo's 资源综合利用退税 item (8号: handed over on 11-01, answered on 11-12, called back 不满意 on 11-13)
// marked as 典型案例 on the 跟踪督办 board; on 统计分析 the panel lists it for November; 下一步工作 typed and still there
// after a reload; 导出以月答卷 writes the report, the exchange package and the 清单 — the report read back section by
// section with its four charts, the package verified in Node, every file's SHA-256 in the 清单; the number issued
// (青工商联报〔2026〕1号) and offered again on the second export, with a new one beside it.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphs, readDocx } from './docx-text';
import { loadDemo, press, screenshot } from './helpers';
import { readExchangePackage } from '../../shared/exchange/monthly-package';

const REFUND = '青工商联交〔2026〕8号';
const ENTERPRISE = '青溪鑫磊新型建材有限公司';

async function openNav(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await press(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }), testInfo);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** 导出以月答卷 → the downloaded .zip's files by name. */
async function exportReport(page: Page, testInfo: TestInfo, name: string): Promise<Map<string, Buffer>> {
  const panel = page.getByRole('region', { name: '以月答卷（2026年11月）' });
  const downloading = page.waitForEvent('download');
  await press(panel.getByRole('button', { name: '导出以月答卷' }), testInfo);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('以月答卷-2026年11月.zip');
  const path = join(testInfo.outputDir, `${name}.zip`);
  await download.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const file of Object.values(zip.files))
    if (!file.dir) out.set(file.name.split('/').pop()!, await file.async('nodebuffer'));
  return out;
}

test('以月答卷: a 典型案例 marked on the board, 下一步工作, the report and the exchange package', async ({
  page,
}, testInfo) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await loadDemo(page, testInfo);

  // ── Mark the item on the board: the row does not open, the mark shows ──
  await openNav(page, testInfo, '跟踪督办');
  const mark = page.getByRole('button', { name: `典型案例：${REFUND}` });
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
  await press(mark, testInfo);
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  await expect(mark).toHaveText('★ 典型案例');
  await expect(page).toHaveTitle('跟踪督办 · 恳谈会务台');
  const box = (await mark.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await mark.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'monthly-report-board-mark');
  // The item's page shows the same mark.
  await press(page.getByRole('link', { name: `打开 ${REFUND} ${ENTERPRISE}` }), testInfo);
  await expect(page.getByRole('heading', { name: REFUND, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `典型案例：${REFUND}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // ── The panel on 统计分析: the case for November, 下一步工作 kept ──
  await openNav(page, testInfo, '统计分析');
  const panel = page.getByRole('region', { name: '以月答卷（2026年11月）' });
  const cases = panel.getByRole('list', { name: '本月典型案例' });
  await expect(cases.getByRole('listitem')).toHaveCount(1);
  await expect(cases.getByRole('listitem')).toContainText(
    `${REFUND}${ENTERPRISE}资源综合利用退税本月交办、答复、回访`,
  );
  await expect(panel.getByText('导出并校验成功后编号为青工商联报〔2026〕1号')).toBeVisible();
  const nextSteps = panel.getByRole('textbox', { name: '五、下一步工作' });
  await nextSteps.fill('一是对逾期事项逐件约谈牵头单位。\n二是十二月底前完成重办事项回访。');
  await expect(panel.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.reload();
  await expect(panel.getByRole('textbox', { name: '五、下一步工作' })).toHaveValue(
    '一是对逾期事项逐件约谈牵头单位。\n二是十二月底前完成重办事项回访。',
  );
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'monthly-report-panel');

  // ── Export: the report, the package and the 清单 in one folder ──
  const files = await exportReport(page, testInfo, 'first');
  await expect(panel.getByRole('status').filter({ hasText: '已写入并校验以月答卷' })).toContainText(
    '青工商联报〔2026〕1号',
  );
  const docxName = '以月答卷-2026年11月-青工商联报〔2026〕1号.docx';
  const packageName = '月度交换包-青溪区工商联-2026年11月.json';
  expect([...files.keys()].sort()).toEqual([packageName, '以月答卷-2026年11月-清单.txt', docxName].sort());

  const docx = files.get(docxName)!;
  const { document } = await readDocx(docx);
  const text = paragraphs(document).filter((p) => p !== '');
  expect(text.slice(0, 3)).toEqual([
    '临江市青溪区工商业联合会',
    '青工商联报〔2026〕1号',
    '关于2026年11月企业诉求办理情况的报告',
  ]);
  const at = (heading: string) => text.indexOf(heading);
  for (const heading of ['一、基本情况', '二、办理情况', '三、典型案例', '四、存在问题', '五、下一步工作'])
    expect(at(heading), heading).toBeGreaterThan(0);
  expect(text[at('一、基本情况') + 1]).toBe(
    '2026年11月，共召开民营企业接待日、政企恳谈会等会议1场，接待企业4家，企业发言4人次，收集企业诉求6件。' +
      '其中，现场解决0件，需交办6件，转报上级0件。',
  );
  expect(text.slice(at('三、典型案例') + 1, at('三、典型案例') + 7)).toEqual([
    `（一）${ENTERPRISE}`,
    '企业反映：“资源综合利用的增值税即征即退，申请了一直没退。”',
    `交办情况：11月1日交区税务局牵头办理（${REFUND}），答复期限11月16日。`,
    '领导批示：请税务局核实，符合条件的尽快办理退税。（区委副书记、区长陈思远）',
    '办理结果：11月12日区税务局答复：经核实，企业部分产品不符合目录要求，已退税其余部分。',
    '企业评价：11月13日回访，企业评价“不满意”：“不符合的部分我们有检测报告，希望再核一次。”。',
  ]);
  expect(text.slice(at('五、下一步工作') + 1, at('五、下一步工作') + 3)).toEqual([
    '一是对逾期事项逐件约谈牵头单位。',
    '二是十二月底前完成重办事项回访。',
  ]);
  expect(text).toContain('附件：交办件清单');
  expect(text).toContain('交办件清单');
  // The charts, drawn from the screen's own options, as pictures in the document.
  const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((n) => n.startsWith('word/media/'));
  expect(media).toHaveLength(4);
  const trend = (await JSZip.loadAsync(docx)).file(media[0]!)!;
  const png = await trend.async('nodebuffer');
  // PNG width at 305 dpi: a 150 mm chart is 1,800 pixels wide.
  expect(png.readUInt32BE(16)).toBe(1800);

  // Charts drawn and documents built under the app's strict CSP without a violation.
  expect(violations).toEqual([]);

  // 四、存在问题: 5号 overdue; 7号, due today and not answered yet, still has the day.
  const problems = text.indexOf('四、存在问题');
  expect(text[problems + 1]).toBe('本月有1件交办件未在答复期限内答复，具体如下。');
  expect(text[problems + 2]).toBe(
    '1．青工商联交〔2026〕5号（临江海特科技发展有限公司：研发人员人才公寓配租），区人力资源和社会保障局牵头，' +
      '答复期限11月16日，截至11月22日尚未答复；目前已交办，红色预警：办理超时（逾期6天）。',
  );

  // The package verifies in Node with the reader a city uses.
  const pkg = await readExchangePackage(packageName, new Uint8Array(files.get(packageName)!));
  expect(pkg.period.label).toBe('2026年11月');
  expect(pkg.figures).toMatchObject({
    meetings: 1,
    demands: 6,
    handedOff: 6,
    onTime: { numerator: 2, denominator: 3 },
    overdue: 1,
  });
  expect(pkg.items.find((i) => i.docNumber === REFUND)).toMatchObject({
    enterprise: ENTERPRISE,
    satisfaction: '不满意',
  });

  // The 清单 lists each file with its SHA-256.
  const manifest = files.get('以月答卷-2026年11月-清单.txt')!.toString('utf8');
  for (const name of [docxName, packageName]) {
    const sha = createHash('sha256').update(files.get(name)!).digest('hex');
    expect(manifest).toContain(`${name}\t${files.get(name)!.byteLength}\t${sha}`);
  }

  // ── Again: the period's number is offered, or a new one ──
  await expect(
    panel.getByText('2026年11月已于2026年11月22日导出以月答卷，文号青工商联报〔2026〕1号'),
  ).toBeVisible();
  const reuse = panel.getByRole('radio', { name: /沿用原文号 青工商联报〔2026〕1号/ });
  await expect(reuse).toBeChecked();
  await press(panel.getByText(/使用新文号 青工商联报〔2026〕2号/), testInfo);
  await expect(panel.getByRole('radio', { name: /使用新文号/ })).toBeChecked();
  await screenshot(page, testInfo, 'monthly-report-again');
  const second = await exportReport(page, testInfo, 'second');
  expect(second.has('以月答卷-2026年11月-青工商联报〔2026〕2号.docx')).toBe(true);
});
