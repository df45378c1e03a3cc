// 台账 and the USB round trip: the 台账 workbook and each department's 回复登记表 written to a USB stick (or a chosen
// folder) through main's verified writer with the 清单; the forms the departments send back read, previewed row by
// row, and the rows the secretary confirms recorded in one transaction, each with its audit record
// (shared/ledger/*, docs/architecture.md "台账 and the USB round trip").
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { loadLedgerItems } from './ledger-items';
import { runLedgerJob } from '../ledger/ledger-client';
import { useSettingsStore } from './settings';
import { BOARD_COUNTER_LABEL, boardStateLabel, type BoardFilter } from '../../shared/domain/follow-up-board';
import { WARNING_LABEL } from '../../shared/domain/labels';
import { awaitsDepartment, type LedgerItem } from '../../shared/ledger/ledger-item';
import { safeFileName, safeFolderName, uniqueFileNames } from '../../shared/export/file-names';
import { toIsoDate } from '../../shared/domain/workdays';
import type { ExportTarget } from '../../shared/ipc/contract';
import type { Id, Meeting } from '../../shared/domain/types';
import type { PlannedRow, ReplyForm, ReplyImportPlan } from '../../shared/ledger/reply-import';

/** How an export or an import went, in Chinese. */
export type LedgerOutcome = { ok: true; message: string } | { ok: false; error: string };

/** A department with the items waiting for its reply (已交办, 重办中): what its 回复登记表 holds. */
export interface FormChoice {
  deptId: Id;
  deptName: string;
  open: number;
}

/** A row of the preview, keyed for the confirmation checkboxes. */
export const rowKey = (r: Pick<PlannedRow, 'fileName' | 'rowNumber'>): string =>
  `${r.fileName}#${r.rowNumber}`;

/** The board's narrowing in words, for the 台账's scope line. */
export function filterText(
  filter: BoardFilter,
  names: {
    department: (id: Id) => string | undefined;
    leader: (id: Id) => string | undefined;
    meeting: (id: Id) => Pick<Meeting, 'title'> | undefined;
  },
): string {
  const parts: string[] = [];
  if (filter.counter) parts.push(BOARD_COUNTER_LABEL[filter.counter]);
  if (filter.deptId) parts.push(`单位：${names.department(filter.deptId) ?? '（已删除的单位）'}`);
  if (filter.leaderId) parts.push(`牵头领导：${names.leader(filter.leaderId) ?? '（已删除的领导）'}`);
  if (filter.meetingId) parts.push(`会议：${names.meeting(filter.meetingId)?.title ?? '（已删除的会议）'}`);
  if (filter.month) parts.push(`交办月份：${filter.month.replace('-', '年')}月`);
  if (filter.category) parts.push(`类别：${filter.category}`);
  if (filter.state) parts.push(`状态：${boardStateLabel(filter.state)}`);
  if (filter.warning) parts.push(`预警：${WARNING_LABEL[filter.warning]}`);
  if (filter.query?.trim()) parts.push(`搜索“${filter.query.trim()}”`);
  return parts.join('；');
}

const who = (contactPerson: string) => ({
  today: toIsoDate(Date.now()),
  now: Date.now(),
  by: contactPerson.trim() || '工作人员',
  newId: () => crypto.randomUUID(),
});

export const useLedgerStore = defineStore('ledger', () => {
  const busy = ref(false);
  /** The import being previewed: the plan and the forms it was made from. */
  const plan = shallowRef<ReplyImportPlan>();

  async function exclusive<T>(work: () => Promise<T>): Promise<T | LedgerOutcome> {
    if (busy.value) return { ok: false, error: '正在处理，请稍候' };
    busy.value = true;
    try {
      return await work();
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = false;
    }
  }

  /** The departments leading open items, in the organisation's order, with how many each leads. */
  async function formChoices(): Promise<FormChoice[]> {
    const settings = useSettingsStore();
    const open = (await loadLedgerItems()).filter(awaitsDepartment);
    const counts = new Map<Id, number>();
    for (const item of open) counts.set(item.leadDeptId, (counts.get(item.leadDeptId) ?? 0) + 1);
    const order = new Map(settings.departments.map((d) => [d.id, d.order]));
    return [...counts.entries()]
      .map(([deptId, n]) => ({
        deptId,
        deptName: settings.departmentById.get(deptId)?.name ?? '（已删除的单位）',
        open: n,
      }))
      .sort((x, y) => (order.get(x.deptId) ?? 1e9) - (order.get(y.deptId) ?? 1e9));
  }

  /**
   * Write the 台账 of these items (the board as it is narrowed; none: no 台账) and a 回复登记表 for each of these
   * departments into one folder on the target, each file read back and compared, the 清单 last.
   */
  function exportFiles(request: {
    target: ExportTarget;
    ledger?: { ids: readonly Id[]; filterText: string };
    formDeptIds: readonly Id[];
  }): Promise<LedgerOutcome> {
    return exclusive(async (): Promise<LedgerOutcome> => {
      const today = toIsoDate(Date.now());
      const dbName = repositories().db.name;
      const files: Array<{ stem: string; bytes: Uint8Array }> = [];
      // Built in a worker: ten years of 台账 take seconds, and the screen stays alive meanwhile.
      if (request.ledger)
        files.push(
          ...(
            await runLedgerJob({
              op: 'ledger',
              dbName,
              ids: [...request.ledger.ids],
              filterText: request.ledger.filterText,
              today,
            })
          ).files,
        );
      if (request.formDeptIds.length > 0)
        files.push(
          ...(
            await runLedgerJob({
              op: 'forms',
              dbName,
              deptIds: [...request.formDeptIds],
              today,
              formIds: request.formDeptIds.map(() => crypto.randomUUID()),
            })
          ).files,
        );
      if (files.length === 0) return { ok: false, error: '请至少选择台账或一个单位的回复登记表' };
      const names = uniqueFileNames(files.map((f) => safeFileName(f.stem, '.xlsx')));
      const stamp = today.replaceAll('-', '');
      const written = await desk.export.write({
        target: request.target,
        folderName: safeFolderName(`台账与回复登记表-${stamp}`),
        files: files.map((f, i) => ({ fileName: names[i]!, bytes: f.bytes })),
        manifestName: safeFileName(`台账与回复登记表-${stamp}-清单`, '.txt'),
      });
      if (!written.ok) return { ok: false, error: `没有写入：${written.error.message}` };
      const failed = written.value.files.filter((f) => !f.ok);
      if (failed.length > 0 || !written.value.manifest.ok)
        return {
          ok: false,
          error: `部分文件未写入：${[...failed.map((f) => `“${f.fileName}”（${f.error?.message ?? '未知原因'}）`), ...(written.value.manifest.ok ? [] : ['清单'])].join('、')}；请检查U盘后重试`,
        };
      return {
        ok: true,
        message: `已写入并校验${files.length}个文件和清单到${written.value.location}：${names.map((n) => `“${n}”`).join('、')}`,
      };
    }) as Promise<LedgerOutcome>;
  }

  /**
   * Read returned 回复登记表 and plan what each row records; the preview shows `plan`. Files that cannot be read
   * are in the plan with their reason; nothing is written.
   */
  async function previewImport(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<void> {
    const { readReplyForm, planReplyImport, docKey, ReplyFormError } =
      await import('../../shared/ledger/reply-import');
    const forms: Array<ReplyForm | { fileName: string; error: string }> = [];
    for (const f of files) {
      try {
        forms.push(await readReplyForm(f.name, f.bytes));
      } catch (e) {
        if (!(e instanceof ReplyFormError)) throw e;
        forms.push({ fileName: f.name, error: e.message });
      }
    }
    const keys = new Set(
      forms.flatMap((f) =>
        'rows' in f ? f.rows.map((r) => docKey(r.docNumber)).filter((k) => k !== '') : [],
      ),
    );
    const db = repositories().db;
    const found = await db.assignments
      .where('docNumber')
      .anyOf([...keys])
      .toArray();
    const sources = await repositories().ledger.sources({ ids: found.map((a) => a.id) });
    const settings = useSettingsStore();
    if (!settings.loaded) await settings.load();
    plan.value = planReplyImport(forms, {
      items: new Map(sources.map((s) => [s.assignment.id, { assignment: s.assignment, steps: s.steps }])),
      byDoc: new Map(sources.map((s) => [docKey(s.assignment.docNumber ?? ''), s.assignment.id])),
      departmentName: (id) => settings.departmentById.get(id)?.name ?? '',
      today: toIsoDate(Date.now()),
    });
  }

  /** Record the confirmed rows of the preview in one transaction (all or none), each with its audit record. */
  function applyImport(confirmed: ReadonlySet<string>): Promise<LedgerOutcome> {
    return exclusive(async (): Promise<LedgerOutcome> => {
      const current = plan.value;
      if (!current) return { ok: false, error: '没有要导入的内容' };
      const rows = current.files
        .flatMap((f) => f.rows)
        .filter((r) => confirmed.has(rowKey(r)) && r.input && r.assignmentId);
      if (rows.length === 0) return { ok: false, error: '没有勾选要登记的行' };
      const organization = await repositories().settings.organization();
      const recorded = await repositories().followUps.recordMany(
        rows.map((r) => ({ assignmentId: r.assignmentId!, input: r.input! })),
        who(organization.contactPerson),
      );
      if (!recorded.ok) return { ok: false, error: `未登记：${recorded.error}` };
      const replies = rows.filter((r) => r.outcome === 'reply').length;
      const notes = rows.length - replies;
      plan.value = undefined;
      return {
        ok: true,
        message: `已登记${[replies ? `答复${replies}件` : '', notes ? `进展${notes}件` : ''].filter(Boolean).join('、')}（回复方式：U盘回执）`,
      };
    }) as Promise<LedgerOutcome>;
  }

  function clearPlan(): void {
    plan.value = undefined;
  }

  return { busy, plan, formChoices, exportFiles, previewImport, applyImport, clearPlan };
});

export type { LedgerItem };
