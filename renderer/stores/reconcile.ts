// 对账销号: the federation goes through each department's list with it until every item is 销号. The store reads the
// 台账 lines (ledger-items.ts) as they stand today and counts them per lead department (shared/ledger/reconcile.ts);
// 批量销号 records a 销号 on each item chosen, all in one transaction with their audit records or none
// (FollowUpRepository.recordMany); 问题清单 are written as one verified .docx into a folder the user picks.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { describeError } from '../db/db-errors';
import { loadLedgerItems } from './ledger-items';
import { useSettingsStore } from './settings';
import type { DocsOutcome } from './follow-up-docs';
import {
  buildOutstandingList,
  outstandingList,
  outstandingListStem,
  outstandingRow,
} from '../../shared/docs/outstanding-list';
import { safeFileName } from '../../shared/export/file-names';
import { isOpenItem, type LedgerItem } from '../../shared/ledger/ledger-item';
import { clearingProgress, departmentTallies, totalTally } from '../../shared/ledger/reconcile';
import { toIsoDate } from '../../shared/domain/workdays';
import type { Id, IsoDate } from '../../shared/domain/types';

/** How a 批量销号 went: what to tell the secretary. */
export type WriteOffOutcome = { ok: true; message: string } | { ok: false; error: string };

export const useReconcileStore = defineStore('reconcile', () => {
  const settings = useSettingsStore();
  const items = shallowRef<LedgerItem[]>([]);
  const loaded = ref(false);
  /** Reading the 台账 failed: said instead of the figures. */
  const loadError = ref('');
  /** China's date the figures are counted on. */
  const today = ref<IsoDate>(toIsoDate(Date.now()));
  const selectedDeptId = ref<Id | undefined>(undefined);
  /** A 销号 or an export is under way: the buttons wait. */
  const busy = ref(false);

  const tallies = computed(() => departmentTallies(items.value, settings.departments));
  const total = computed(() => totalTally(tallies.value));
  const progress = computed(() => clearingProgress(tallies.value));
  const selected = computed(() => tallies.value.find((t) => t.deptId === selectedDeptId.value));
  const selectedItems = computed(() => items.value.filter((i) => i.leadDeptId === selectedDeptId.value));
  /** The selected department's 已办结 items: 待销号. */
  const awaiting = computed(() => selectedItems.value.filter((i) => i.state === 'closed'));
  /** Its 未办结 items as the 问题清单 prints them. */
  const outstanding = computed(() =>
    selectedItems.value.filter(isOpenItem).map((i) => outstandingRow(i, today.value)),
  );

  /** The department to show first: one with items to 销号, else one not yet 清零, else the first. */
  function firstDepartment(): Id | undefined {
    const list = tallies.value;
    return (list.find((t) => t.awaitingWriteOff > 0) ?? list.find((t) => !t.cleared) ?? list[0])?.deptId;
  }

  /** Read the 台账 again (today's figures); the department shown stays while it has items. */
  async function load(): Promise<void> {
    try {
      if (!settings.loaded) await settings.load();
      today.value = toIsoDate(Date.now());
      items.value = await loadLedgerItems();
      loadError.value = '';
    } catch (e) {
      loadError.value = describeError(e, { what: '对账数据没有读取成功', retry: '刷新页面后重试' });
    }
    loaded.value = true;
    if (!tallies.value.some((t) => t.deptId === selectedDeptId.value))
      selectedDeptId.value = firstDepartment();
  }

  function select(deptId: Id): void {
    selectedDeptId.value = deptId;
  }

  const recorder = () => settings.organization.contactPerson.trim() || '工作人员';

  /**
   * 销号 these items today with the note: every one or none (a refusal names the item and why). The figures are
   * read again either way.
   */
  async function writeOff(ids: readonly Id[], note: string): Promise<WriteOffOutcome> {
    if (busy.value) return { ok: false, error: '正在处理，请稍候' };
    if (ids.length === 0) return { ok: false, error: '请先勾选要销号的事项' };
    busy.value = true;
    try {
      const now = Date.now();
      const on = toIsoDate(now);
      const out = await repositories().followUps.recordMany(
        ids.map((assignmentId) => ({
          assignmentId,
          input: { kind: 'write_off' as const, on, note: note.trim() },
        })),
        { today: on, now, by: recorder(), newId: () => crypto.randomUUID() },
      );
      if (!out.ok) {
        await load();
        return { ok: false, error: `销号没有完成：${out.error}` };
      }
      const dept = tallies.value.find((t) => t.deptId === selectedDeptId.value)?.deptName ?? '';
      await load();
      const cleared = tallies.value.find((t) => t.deptId === selectedDeptId.value)?.cleared;
      return {
        ok: true,
        message: `已销号${out.recorded.length}件${cleared && dept ? `，${dept}已清零` : ''}`,
      };
    } catch (e) {
      return { ok: false, error: describeError(e, { what: '销号没有完成，未记录任何内容' }) };
    } finally {
      busy.value = false;
    }
  }

  /**
   * The 问题清单 of a department (or the district's, without one) as it stands now, as one .docx in a folder the
   * user picks, verified on disk; `undefined` when the user cancelled the folder dialog.
   */
  async function exportList(deptId?: Id): Promise<DocsOutcome> {
    if (busy.value) return { ok: false, error: '正在处理，请稍候' };
    busy.value = true;
    try {
      await load();
      if (loadError.value) return { ok: false, error: loadError.value };
      const org = settings.organization;
      const data = outstandingList({
        items: items.value,
        departments: settings.departments,
        ...(deptId !== undefined ? { deptId } : {}),
        today: today.value,
        organization: org.name || org.shortName,
      });
      const bytes = await buildOutstandingList(data);
      const department = deptId === undefined ? undefined : data.sections[0]?.department;
      const fileName = safeFileName(outstandingListStem(department, today.value), '.docx');

      const chosen = await desk.files.chooseDirectory();
      if (!chosen.ok) return { ok: false, error: chosen.error.message };
      if (!chosen.value) return undefined;
      const saved = await desk.files.save({ directoryToken: chosen.value.token, fileName, bytes });
      if (!saved.ok) return { ok: false, error: `“${fileName}”没有保存：${saved.error.message}` };
      return {
        ok: true,
        files: [saved.value.fileName],
        folder: chosen.value.label,
        message: `已保存“${saved.value.fileName}”到${chosen.value.label}`,
      };
    } catch (e) {
      return { ok: false, error: describeError(e, { what: '问题清单没有导出' }) };
    } finally {
      busy.value = false;
    }
  }

  return {
    items,
    loaded,
    loadError,
    today,
    selectedDeptId,
    busy,
    tallies,
    total,
    progress,
    selected,
    awaiting,
    outstanding,
    load,
    select,
    writeOff,
    exportList,
  };
});
