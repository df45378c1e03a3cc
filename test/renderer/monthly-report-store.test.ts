// 以月答卷 through the store and the database, on the demo's 跟踪督办 (two earlier meetings, their items in every
// state) on 2026-11-22: a 典型案例 marked with an audit record and listed for November; 下一步工作 kept per period;
// the report and the exchange package written through the (faked) verified writer into 「以月答卷-2026年11月」 with the
// 清单, the report read back section by section and the package verified; the number issued only once the files are
// verified, reused or taken anew on a second export, and never issued for a write that failed. Charts are drawn by a
// stand-in (the real ones need a canvas: the end-to-end test draws them).
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import { repositories, type DeskDb } from '../../renderer/db';
import { reportCharts, useMonthlyReportStore } from '../../renderer/stores/monthly-report';
import { verifyAuditChain } from '../../shared/domain/integrity';
import { monthPeriod } from '../../shared/domain/periods';
import { readExchangePackage } from '../../shared/exchange/monthly-package';
import type { ExportRequest } from '../../shared/ipc/contract';
import { freshDemoWithFollowUp, TINY_PNG } from './db-helpers';

const TODAY = '2026-11-22';
const NOW = Date.parse(`${TODAY}T15:00:00+08:00`);
const NOVEMBER = monthPeriod(2026, 11);
/** The demo's 资源综合利用退税 item: replied on 11-12, called back unsatisfied on 11-13. */
const REFUND = '青工商联交〔2026〕8号';
let db: DeskDb;

beforeEach(async () => {
  db = await freshDemoWithFollowUp(TODAY);
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  const png = Uint8Array.from(atob(TINY_PNG.split(',')[1]!), (c) => c.charCodeAt(0));
  vi.spyOn(reportCharts, 'draw').mockImplementation(async (_stats, wanted) =>
    wanted.map((w) => ({ ...w, png })),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A writer that keeps what it was given and reports every file verified, except the names in `failing`. */
function fakeWrite(failing: ReadonlySet<string> = new Set()) {
  const requests: ExportRequest[] = [];
  vi.spyOn(desk.export, 'write').mockImplementation(async (r: ExportRequest) => {
    requests.push(r);
    return {
      ok: true as const,
      value: {
        location: `E:\\${r.folderName}`,
        files: r.files.map((f) =>
          failing.has(f.fileName.slice(-4))
            ? { fileName: f.fileName, ok: false, error: { code: 'io_failed' as const, message: '磁盘已满' } }
            : { fileName: f.fileName, ok: true, size: f.bytes.byteLength, sha256: 'ab'.repeat(32) },
        ),
        manifest: { fileName: r.manifestName, ok: failing.size === 0 },
      },
    };
  });
  return requests;
}

const refund = async () => (await db.assignments.where('docNumber').equals(REFUND).first())!;

async function documentText(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!).join(''))
    .filter((t) => t !== '');
}

const exportNovember = (numbering: 'new' | 'reuse' = 'new') =>
  useMonthlyReportStore().exportReport({
    period: NOVEMBER,
    target: { kind: 'drive', driveId: 'usb-1' },
    nextSteps: '一是对逾期事项逐件约谈牵头单位。\n二是十二月底前完成重办事项回访。',
    numbering,
  });

describe('典型案例', () => {
  it('are marked and unmarked with an audit record, and listed for the periods they belong to', async () => {
    const store = useMonthlyReportStore();
    const item = await refund();
    const before = await db.auditLog.count();
    await store.setMark(item.id, REFUND, true);
    expect(store.isMarked(item.id)).toBe(true);
    // Marking again changes nothing and records nothing.
    await store.setMark(item.id, REFUND, true);
    const log = await db.auditLog.toArray();
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({
      action: 'typical_case:mark',
      entityId: item.id,
      detail: `李晓燕将${REFUND}标记为典型案例`,
    });
    expect((await verifyAuditChain(log)).ok).toBe(true);

    const november = await store.casesOf(NOVEMBER);
    expect(november.lines).toEqual([
      {
        assignmentId: item.id,
        docNumber: REFUND,
        enterprise: '青溪鑫磊新型建材有限公司',
        demand: '资源综合利用退税',
        // Handed over on 11-01, replied on 11-12, called back on 11-13.
        reasons: ['交办', '答复', '回访'],
      },
    ]);
    expect((await store.casesOf(monthPeriod(2026, 10))).lines).toEqual([]);
    expect((await store.casesOf(monthPeriod(2026, 10))).elsewhere).toBe(1);

    await store.setMark(item.id, REFUND, false);
    expect(store.isMarked(item.id)).toBe(false);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({
      action: 'typical_case:unmark',
      detail: `李晓燕取消${REFUND}的典型案例标记`,
    });
    // Read back from the database by a new store.
    await useMonthlyReportStore().loadMarks();
    expect(useMonthlyReportStore().marks).toEqual({});
  });
});

describe('下一步工作', () => {
  it('is kept per period', async () => {
    const store = useMonthlyReportStore();
    await store.saveNextSteps(NOVEMBER, '一是加强督办。');
    expect(await store.loadNextSteps(NOVEMBER)).toBe('一是加强督办。');
    expect(await store.loadNextSteps(monthPeriod(2026, 10))).toBe('');
  });
});

describe('the export', () => {
  it('writes the report, the exchange package and the 清单 into one folder, then issues the number', async () => {
    const store = useMonthlyReportStore();
    await store.setMark((await refund()).id, REFUND, true);
    expect(await store.numberPlan(NOVEMBER)).toEqual({ prefix: '青工商联报', next: '青工商联报〔2026〕1号' });
    const requests = fakeWrite();
    const out = await exportNovember();
    expect(out).toMatchObject({ ok: true, docNumber: '青工商联报〔2026〕1号' });
    if (!out.ok) return;
    expect(out.message).toMatch(/签名密钥指纹 [0-9a-f]{16}/);

    const [request] = requests;
    expect(request!.target).toEqual({ kind: 'drive', driveId: 'usb-1' });
    expect(request!.folderName).toBe('以月答卷-2026年11月');
    expect(request!.manifestName).toBe('以月答卷-2026年11月-清单.txt');
    expect(request!.files.map((f) => f.fileName)).toEqual([
      '以月答卷-2026年11月-青工商联报〔2026〕1号.docx',
      '月度交换包-青溪区工商联-2026年11月.json',
    ]);

    const text = await documentText(request!.files[0]!.bytes);
    expect(text.slice(0, 3)).toEqual([
      '临江市青溪区工商业联合会',
      '青工商联报〔2026〕1号',
      '关于2026年11月企业诉求办理情况的报告',
    ]);
    for (const heading of ['一、基本情况', '二、办理情况', '三、典型案例', '四、存在问题', '五、下一步工作'])
      expect(text).toContain(heading);
    const cases = text.indexOf('三、典型案例');
    expect(text[cases + 1]).toBe('（一）青溪鑫磊新型建材有限公司');
    expect(text[cases + 2]).toBe('企业反映：“资源综合利用的增值税即征即退，申请了一直没退。”');
    // Signed by the meeting's host.
    expect(text[cases + 4]).toBe(
      '领导批示：请税务局核实，符合条件的尽快办理退税。（区委副书记、区长陈思远）',
    );
    expect(text[cases + 5]).toBe(
      '办理结果：11月12日区税务局答复：经核实，企业部分产品不符合目录要求，已退税其余部分。',
    );
    expect(text[cases + 6]).toBe(
      '企业评价：11月13日回访，企业评价“不满意”：“不符合的部分我们有检测报告，希望再核一次。”。',
    );
    const next = text.indexOf('五、下一步工作');
    expect(text.slice(next + 1, next + 3)).toEqual([
      '一是对逾期事项逐件约谈牵头单位。',
      '二是十二月底前完成重办事项回访。',
    ]);
    expect(text).toContain('附件：交办件清单');
    // Four charts: the trend, the categories, the 回访 results, the departments (one stand-in picture, placed four
    // times).
    const xml = await (
      await JSZip.loadAsync(request!.files[0]!.bytes)
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml.match(/<a:blip /g)).toHaveLength(4);
    expect([...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '近十二个月交办与办理情况',
      '诉求类别分布',
      '满意度回访结果',
      '各单位交办件数',
    ]);

    const pkg = await readExchangePackage('包.json', request!.files[1]!.bytes);
    expect(pkg.district).toEqual({ name: '临江市青溪区工商业联合会', shortName: '青溪区工商联' });
    expect(pkg.period.label).toBe('2026年11月');
    // The six items of the 第13次 meeting were handed over on 11-01.
    expect(pkg.figures.handedOff).toBe(6);
    expect(pkg.items.find((i) => i.docNumber === REFUND)).toMatchObject({
      enterprise: '青溪鑫磊新型建材有限公司',
      leadDept: '区税务局',
      meetingKind: '接待日',
      satisfaction: '不满意',
      in: expect.arrayContaining(['handedOff', 'evaluated', 'unsatisfied']),
    });

    // Issued now, with an audit record naming the files' hashes.
    expect(await store.numberPlan(NOVEMBER)).toMatchObject({
      next: '青工商联报〔2026〕2号',
      previous: { docNumber: '青工商联报〔2026〕1号', reused: false, location: 'E:\\以月答卷-2026年11月' },
    });
    const log = await db.auditLog.toArray();
    expect(log.at(-1)).toMatchObject({ action: 'monthly_report:issue', entityId: '2026-11-01~2026-11-30' });
    expect(log.at(-1)!.detail).toContain(`SHA-256 ${'ab'.repeat(32)}`);
    expect((await verifyAuditChain(log)).ok).toBe(true);
    expect(store.timings).toMatchObject({ read: expect.any(Number), docx: expect.any(Number) });
  });

  it('takes the period’s number again or a new one, and keeps one signing key', async () => {
    const requests = fakeWrite();
    expect(await exportNovember()).toMatchObject({ ok: true, docNumber: '青工商联报〔2026〕1号' });
    expect(await exportNovember('reuse')).toMatchObject({ ok: true, docNumber: '青工商联报〔2026〕1号' });
    // Reusing issued nothing: the next new number is still 2.
    expect((await useMonthlyReportStore().numberPlan(NOVEMBER)).next).toBe('青工商联报〔2026〕2号');
    expect(await exportNovember('new')).toMatchObject({ ok: true, docNumber: '青工商联报〔2026〕2号' });
    const keys = await Promise.all(
      requests.map(async (r) => (await readExchangePackage('包.json', r.files[1]!.bytes)).publicKey),
    );
    expect(new Set(keys.map((k) => k.x))).toHaveLength(1);
    const issued = (await repositories().settings.reportNumbers()).issued['2026-11-01~2026-11-30']!;
    expect(issued.map((r) => [r.docNumber, r.reused])).toEqual([
      ['青工商联报〔2026〕1号', false],
      ['青工商联报〔2026〕1号', true],
      ['青工商联报〔2026〕2号', false],
    ]);
  });

  it('issues no number when a file was not written, nor without 下一步工作', async () => {
    fakeWrite(new Set(['json']));
    const out = await exportNovember();
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toContain('文号未使用');
    expect(await useMonthlyReportStore().numberPlan(NOVEMBER)).toEqual({
      prefix: '青工商联报',
      next: '青工商联报〔2026〕1号',
    });
    const empty = await useMonthlyReportStore().exportReport({
      period: NOVEMBER,
      target: { kind: 'drive', driveId: 'usb-1' },
      nextSteps: '  ',
      numbering: 'new',
    });
    expect(empty).toEqual({ ok: false, error: '请先填写“下一步工作”，再导出以月答卷' });
  });
});
