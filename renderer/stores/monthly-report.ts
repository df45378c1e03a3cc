// 以月答卷 (issue 18): the 典型案例 marked on the board, the 下一步工作 typed per period, and the export — the report
// (.docx, GB/T 9704, numbered in its own series) and the month's exchange package (signed JSON) written into one
// folder through main's verified writer with the 清单. The figures are computed and the documents built in a worker
// (renderer/report); only the charts are drawn here, from the statistics screen's own ECharts options.
//
// Numbering: the series' number is issued only once both files are written and verified (docs/architecture.md,
// "Never lost"); a period exported again either takes the number it was issued before (a corrected report replacing
// the earlier one) or a new one — the secretary chooses.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { caseReasons, periodKey, type CaseReason } from '../report/case-period';
import { openReportSession } from '../report/report-client';
import type { PrepareResult, ReportSession } from '../report/report-jobs';
import type { IssuedReport, TypicalCaseMark } from '../db/repositories/settings';
import {
  packageFileStem,
  reportFileStem,
  reportFolderName,
  reportNumberPrefix,
  type ReportChart,
} from '../../shared/docs/monthly-report';
import { formatDocNumber, lastIssued } from '../../shared/domain/doc-number';
import type { Period } from '../../shared/domain/periods';
import type { Statistics } from '../../shared/domain/statistics';
import type { ChartName } from '../../shared/domain/statistics-charts';
import { toIsoDate } from '../../shared/domain/workdays';
import { safeFileName, safeFolderName } from '../../shared/export/file-names';
import type { ExportTarget } from '../../shared/ipc/contract';
import type { Id, IsoDate } from '../../shared/domain/types';

/** A 典型案例 of the period as the panel lists it. */
export interface CaseLine {
  assignmentId: Id;
  docNumber: string;
  enterprise: string;
  demand: string;
  /** What happened to it in the period: 交办, 答复, 回访. */
  reasons: CaseReason[];
}

/** The 典型案例 of a period, and how many marked items belong to other periods. */
export interface PeriodCases {
  lines: CaseLine[];
  elsewhere: number;
}

/** The number a period's report would take, and the one it was issued before. */
export interface NumberPlan {
  /** 青工商联报; empty when the organisation has no 发文字号前缀 yet. */
  prefix: string;
  /** The next number of the series (issued only once the files are verified). */
  next: string;
  /** The period's last report, when there was one. */
  previous?: IssuedReport;
}

/** How the report's number is taken: a new one, or the period's earlier one again. */
export type Numbering = 'new' | 'reuse';

/** How an export went, in Chinese. */
export type ReportOutcome = { ok: true; message: string; docNumber: string } | { ok: false; error: string };

/** How long each part of the last export took (ms), for the bench and the curious. */
export interface ReportTimings {
  read: number;
  compute: number;
  charts: number;
  docx: number;
  package: number;
  /** From the click to both files built (before writing). */
  built: number;
}

/** What draws the charts: ECharts on the page (tests put a stand-in). */
export const reportCharts = {
  draw: async (
    stats: Statistics,
    wanted: ReadonlyArray<{ name: ChartName; widthMm: number; heightMm: number }>,
  ): Promise<ReportChart[]> => (await import('../report/chart-png')).chartPngs(stats, wanted),
};

/** Who the marks and records are by: the federation's contact person, else 工作人员. */
const recorder = (contactPerson: string) => contactPerson.trim() || '工作人员';

const fail = (error: string): ReportOutcome => ({ ok: false, error });

export const useMonthlyReportStore = defineStore('monthly-report', () => {
  const marks = ref<Record<Id, TypicalCaseMark>>({});
  const marksLoaded = ref(false);
  const busy = ref(false);
  /** What the export is doing now, for the panel's status line. */
  const progress = ref('');
  const timings = shallowRef<ReportTimings>();

  let reading: Promise<void> | undefined;
  /** Read the marks from the database (once at a time: every row of the board asks when it appears). */
  function loadMarks(): Promise<void> {
    reading ??= repositories()
      .settings.typicalCases()
      .then((stored) => {
        marks.value = stored;
        marksLoaded.value = true;
      })
      .finally(() => (reading = undefined));
    return reading;
  }

  const isMarked = (assignmentId: Id): boolean => Object.hasOwn(marks.value, assignmentId);

  /** Mark an item as 典型案例 or take the mark off (recorded with an audit record). */
  async function setMark(assignmentId: Id, docNumber: string, marked: boolean): Promise<void> {
    // A read under way would put back the marks as they were.
    await reading;
    const repo = repositories();
    const organization = await repo.settings.organization();
    marks.value = await repo.settings.setTypicalCase(assignmentId, marked, {
      at: Date.now(),
      by: recorder(organization.contactPerson),
      docNumber,
    });
    marksLoaded.value = true;
  }

  /** The marked items that belong to the period (交办, 答复 or 回访 in it), in 文号 order. */
  async function casesOf(period: Period): Promise<PeriodCases> {
    if (!marksLoaded.value) await loadMarks();
    const ids = Object.keys(marks.value);
    if (ids.length === 0) return { lines: [], elsewhere: 0 };
    const sources = await repositories().ledger.sources({ ids });
    const lines = sources
      .map((s) => ({
        assignmentId: s.assignment.id,
        docNumber: s.assignment.docNumber ?? '',
        enterprise: s.enterprise?.name ?? '（企业已删除）',
        demand: s.concerns.map((c) => c.summary.trim() || c.verbatim.trim()).join('；'),
        reasons: caseReasons(s.assignment, s.steps, period),
      }))
      .filter((l) => l.reasons.length > 0)
      .sort((x, y) => x.docNumber.localeCompare(y.docNumber, 'zh', { numeric: true }));
    return { lines, elsewhere: ids.length - lines.length };
  }

  /** What the period's 下一步工作 says so far (empty when nothing was typed). */
  async function loadNextSteps(period: Period): Promise<string> {
    return (await repositories().settings.reportDraft(periodKey(period)))?.nextSteps ?? '';
  }

  /** Keep the period's 下一步工作 (called within a second of typing). */
  function saveNextSteps(period: Period, text: string): Promise<void> {
    return repositories().settings.saveReportDraft(periodKey(period), {
      nextSteps: text,
      savedAt: Date.now(),
    });
  }

  /** The number the period's report would take now, and the one it had before. */
  async function numberPlan(period: Period): Promise<NumberPlan> {
    const repo = repositories();
    const [organization, numbers] = await Promise.all([
      repo.settings.organization(),
      repo.settings.reportNumbers(),
    ]);
    const prefix = reportNumberPrefix(organization.docNumberPrefix);
    const year = Number(toIsoDate(Date.now()).slice(0, 4));
    const previous = numbers.issued[periodKey(period)]?.at(-1);
    return {
      prefix,
      next: prefix ? formatDocNumber(prefix, year, lastIssued(numbers.ledger, year) + 1) : '',
      ...(previous ? { previous } : {}),
    };
  }

  /**
   * Build the period's report and exchange package and write them with the 清单 into 「以月答卷-2026年11月」 on the
   * target, each read back and compared; then, and only then, record the number.
   */
  // A worker started ahead while the panel is on screen: its code (the document builder) loads while the secretary
  // types, not after the click.
  let warm: ReportSession | undefined;
  let warmWanted = 0;
  /** The panel is on screen: have a report worker ready. */
  function warmUp(): void {
    warmWanted += 1;
    warm ??= openReportSession();
  }
  /** The panel is gone: end the worker kept ready. */
  function coolDown(): void {
    warmWanted = Math.max(0, warmWanted - 1);
    if (warmWanted > 0) return;
    warm?.close();
    warm = undefined;
    ahead = undefined;
  }

  /**
   * The month counted ahead in the worker kept ready, while the secretary writes 下一步工作: reading ten years' records
   * takes about a second, so the click only draws, builds and writes. Used by the export only if nothing was written
   * to the database since (its write count), the day and the marks are the same.
   */
  let ahead: { key: string; result: Promise<PrepareResult> } | undefined;
  /**
   * What the month's figures are read from, cheaply: the audit chain's head (every signature, handoff and 督办 step
   * writes a record) and how many meetings, speakers, demands and items there are. Typing 下一步工作 (a draft, a
   * setting) moves none of them, so the month read ahead stays good while the secretary writes.
   */
  async function aheadKey(period: Period, today: IsoDate, caseIds: readonly string[]): Promise<string> {
    const db = repositories().db;
    const [head, meetings, queue, concerns, items] = await Promise.all([
      db.auditLog.orderBy('seq').last(),
      db.meetings.count(),
      db.queueEntries.count(),
      db.concerns.count(),
      db.assignments.count(),
    ]);
    return [
      periodKey(period),
      today,
      head?.seq ?? 0,
      meetings,
      queue,
      concerns,
      items,
      [...caseIds].sort().join(','),
    ].join('|');
  }
  async function readAhead(periodIn: Period): Promise<void> {
    const session = warm;
    if (!session || busy.value) return;
    if (!marksLoaded.value) await loadMarks();
    const period: Period = { ...periodIn };
    const today = toIsoDate(Date.now());
    const caseIds = Object.keys(marks.value);
    const key = await aheadKey(period, today, caseIds);
    if (ahead?.key === key || warm !== session) return;
    const result = session.prepare({ dbName: repositories().db.name, period, today, caseIds });
    result.catch(() => undefined);
    ahead = { key, result };
  }

  async function exportReport(request: {
    period: Period;
    target: ExportTarget;
    nextSteps: string;
    numbering: Numbering;
  }): Promise<ReportOutcome> {
    if (busy.value) return fail('正在导出，请稍候');
    // A plain copy: the screen's period is reactive, and a proxy cannot be posted to the worker.
    const period: Period = { ...request.period };
    if (request.nextSteps.trim() === '') return fail('请先填写“下一步工作”，再导出以月答卷');
    busy.value = true;
    const aheadSession = warm;
    const session = warm ?? openReportSession();
    warm = undefined;
    try {
      const repo = repositories();
      const started = performance.now();
      const today = toIsoDate(Date.now());
      const year = Number(today.slice(0, 4));
      if (!marksLoaded.value) await loadMarks();
      progress.value = '正在统计本月数据…';
      // Counted in the worker while the number is worked out here.
      const caseIds = Object.keys(marks.value);
      const key = await aheadKey(period, today, caseIds);
      const preparing =
        ahead?.key === key && session === aheadSession
          ? ahead.result
          : session.prepare({ dbName: repo.db.name, period, today, caseIds });
      ahead = undefined;
      preparing.catch(() => undefined);
      const [organization, numbers, info] = await Promise.all([
        repo.settings.organization(),
        repo.settings.reportNumbers(),
        desk.app.info(),
      ]);
      const prefix = reportNumberPrefix(organization.docNumberPrefix);
      if (!prefix)
        return fail('请先在“设置 → 单位信息”中填写发文字号前缀，以月答卷的文号由它而来（如“青工商联报”）');
      const previous = numbers.issued[periodKey(period)]?.at(-1);
      const reuse = request.numbering === 'reuse' && previous !== undefined;
      const seq = lastIssued(numbers.ledger, year) + 1;
      const docNumber = reuse ? previous.docNumber : formatDocNumber(prefix, year, seq);
      const prepared = await preparing;
      progress.value = '正在绘制图表…';
      const t0 = performance.now();
      const charts = await reportCharts.draw(prepared.stats, prepared.charts);
      const chartsMs = Math.round(performance.now() - t0);
      progress.value = '正在生成以月答卷和交换包…';
      const built = await session.build({
        docNumber,
        nextSteps: request.nextSteps,
        charts,
        generatedAt: Date.now(),
        app: info.ok ? info.value.version : '',
      });
      timings.value = {
        ...prepared.ms,
        charts: chartsMs,
        ...built.ms,
        built: Math.round(performance.now() - started),
      };

      progress.value = '正在写入并校验…';
      const folder = reportFolderName(period);
      const files = [
        { fileName: safeFileName(reportFileStem(period, docNumber), '.docx'), bytes: built.docx },
        {
          fileName: safeFileName(packageFileStem(built.district, period), '.json'),
          bytes: built.packageJson,
        },
      ];
      const written = await desk.export.write({
        target: request.target,
        folderName: safeFolderName(folder),
        files,
        manifestName: safeFileName(`${folder}-清单`, '.txt'),
      });
      if (!written.ok) return fail(`以月答卷没有写入：${written.error.message}`);
      const report = written.value;
      const failed = report.files.filter((f) => !f.ok);
      if (failed.length > 0 || !report.manifest.ok)
        return fail(
          `部分文件未写入：${[
            ...failed.map((f) => `“${f.fileName}”（${f.error?.message ?? '未知原因'}）`),
            ...(report.manifest.ok ? [] : ['清单']),
          ].join('、')}；文号未使用，请检查保存位置后重试`,
        );

      await repo.settings.recordReport({
        periodKey: periodKey(period),
        periodLabel: period.label,
        year,
        seq: reuse ? undefined : seq,
        report: {
          docNumber,
          at: Date.now(),
          reused: reuse,
          location: report.location,
          files: report.files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 ?? '' })),
        },
      });
      return {
        ok: true,
        docNumber,
        message:
          `已写入并校验以月答卷“${files[0]!.fileName}”（${docNumber}${reuse ? '，沿用原文号' : ''}）、` +
          `月度交换包“${files[1]!.fileName}”（签名密钥指纹 ${built.fingerprint}）和清单，位置：${report.location}`,
      };
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    } finally {
      session.close();
      if (warmWanted > 0) warm = openReportSession();
      progress.value = '';
      busy.value = false;
    }
  }

  return {
    marks,
    marksLoaded,
    busy,
    progress,
    timings,
    loadMarks,
    isMarked,
    setMark,
    casesOf,
    loadNextSteps,
    saveNextSteps,
    numberPlan,
    warmUp,
    coolDown,
    readAhead,
    exportReport,
  };
});
