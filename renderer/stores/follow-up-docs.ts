// 跟踪督办's documents: 催办通知 (one per lead department, for the items in 黄 / 红预警) and an item's 办理全过程.
// The notices are written through main's verified writer (temporary name, flush, rename, read back, SHA-256, 清单
// last) into a folder the user picks; a 催办 step is recorded on each item only once its notice is verified there
// (docs/architecture.md, "Never lost"). The 办理全过程 is saved as one verified file.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { buildItemHistory, itemHistoryStem } from '../../shared/docs/item-history';
import {
  buildUrgeNotice,
  urgeNotices,
  urgeNoticeStem,
  type UrgeItem,
  type UrgeNoticeData,
} from '../../shared/docs/urge-notice';
import { safeFileName, safeFolderName, uniqueFileNames } from '../../shared/export/file-names';
import { followUpTimeline, type FollowUpTimeline } from '../../shared/domain/follow-up-timeline';
import { checkCode, currentSignOff } from '../../shared/domain/integrity';
import { toIsoDate } from '../../shared/domain/workdays';
import type { Assignment, Id } from '../../shared/domain/types';

/**
 * How an export went: the files written and verified and where (`folder` as the user knows it), with a message in
 * Chinese naming them and anything left out; or why not; `undefined` when the user cancelled the folder dialog.
 */
export type DocsOutcome =
  { ok: true; files: string[]; folder: string; message: string } | { ok: false; error: string } | undefined;

/** Who records the 催办 steps: the federation's contact person, else 工作人员. */
const recorder = (contactPerson: string) => contactPerson.trim() || '工作人员';

const fail = (error: string): DocsOutcome => ({ ok: false, error });

export const useFollowUpDocsStore = defineStore('follow-up-docs', () => {
  /** A document is being built or written: the buttons wait. */
  const busy = ref(false);

  async function exclusive(work: () => Promise<DocsOutcome>): Promise<DocsOutcome> {
    if (busy.value) return fail('正在导出，请稍候');
    busy.value = true;
    try {
      return await work();
    } finally {
      busy.value = false;
    }
  }

  /** The items with what their notice rows need; ids not found are named. */
  async function urgeItems(ids: readonly Id[]): Promise<{ items: UrgeItem[]; missing: number }> {
    const repo = repositories();
    const found = (await repo.db.assignments.bulkGet([...new Set(ids)])).filter(
      (a): a is Assignment => a !== undefined,
    );
    const [signOffs, enterprises, meetings, concerns] = await Promise.all([
      repo.signOffs.currentFor(found.map((a) => a.id)),
      repo.db.enterprises.bulkGet(found.map((a) => a.enterpriseId)),
      repo.db.meetings.bulkGet(found.map((a) => a.meetingId)),
      repo.db.concerns.bulkGet(found.flatMap((a) => a.concernIds)),
    ]);
    const items = found.map((assignment, i) => {
      const signOff = signOffs.get(assignment.id);
      const enterprise = enterprises[i];
      const meeting = meetings[i];
      return {
        assignment,
        ...(signOff ? { signOff } : {}),
        ...(enterprise ? { enterprise } : {}),
        ...(meeting ? { meeting } : {}),
        concerns: concerns.filter(
          (c): c is NonNullable<typeof c> => c !== undefined && assignment.concernIds.includes(c.id),
        ),
      };
    });
    return { items, missing: new Set(ids).size - found.length };
  }

  /**
   * 催办通知 for these items: one per lead department, with its items in 黄 / 红预警 today (China's date); the rest
   * are left out and said so. Asks for a folder, writes through the verified writer, and records a 催办 on each
   * item of every notice verified there.
   */
  function exportUrgeNotices(assignmentIds: Id[]): Promise<DocsOutcome> {
    return exclusive(async () => {
      const repo = repositories();
      const now = Date.now();
      const today = toIsoDate(now);
      const [organization, rules, holidays, leaders, departments, { items, missing }] = await Promise.all([
        repo.settings.organization(),
        repo.settings.deadlineRules(),
        repo.settings.holidayTable(),
        repo.organization.listLeaders(),
        repo.organization.listDepartments(),
        urgeItems(assignmentIds),
      ]);
      const { notices, skipped } = urgeNotices({
        organization,
        today,
        rules,
        holidays,
        leaders,
        departments,
        items,
      });
      const left = [
        ...skipped.map((s) => `${s.docNumber || '未编号事项'}${s.reason}`),
        ...(missing > 0 ? [`${missing}件交办件已不存在`] : []),
      ];
      if (notices.length === 0)
        return fail(`所选事项均未到黄色或红色预警，没有需要催办的。${left.join('；')}`);

      const built: Array<{ notice: UrgeNoticeData; bytes: Uint8Array }> = [];
      for (const notice of notices) built.push({ notice, bytes: await buildUrgeNotice(notice) });
      const names = uniqueFileNames(
        built.map((b) => safeFileName(urgeNoticeStem(b.notice.department, today), '.docx')),
      );

      const chosen = await desk.files.chooseDirectory();
      if (!chosen.ok) return fail(chosen.error.message);
      if (!chosen.value) return undefined;
      const stamp = today.replaceAll('-', '');
      const written = await desk.export.write({
        target: { kind: 'directory', directoryToken: chosen.value.token },
        folderName: safeFolderName(`催办通知-${stamp}`),
        files: built.map((b, i) => ({ fileName: names[i]!, bytes: b.bytes })),
        manifestName: safeFileName(`催办通知-${stamp}-清单`, '.txt'),
      });
      if (!written.ok) return fail(`催办通知没有写入：${written.error.message}`);
      const report = written.value;

      // A 催办 on each item of every notice verified on the target; none for a notice that is not there.
      const verified: string[] = [];
      const failed: string[] = [];
      const unrecorded: string[] = [];
      const by = recorder(organization.contactPerson);
      for (const [i, { notice }] of built.entries()) {
        const fileName = names[i]!;
        const result = report.files.find((f) => f.fileName === fileName);
        if (!result?.ok) {
          failed.push(`“${fileName}”${result?.error ? `（${result.error.message}）` : ''}`);
          continue;
        }
        verified.push(fileName);
        for (const row of notice.rows) {
          const recorded = await repo.followUps.record(
            row.assignmentId,
            { kind: 'urge', on: today, fileName, daysOverdue: row.daysOverdue },
            { today, now, by, newId: () => crypto.randomUUID() },
          );
          if (!recorded.ok) unrecorded.push(`${row.docNumber}（${recorded.error}）`);
        }
      }

      const parts = [
        verified.length > 0
          ? `已写入并校验${verified.length}份催办通知：${verified.map((f) => `“${f}”`).join('、')}`
          : '',
        failed.length > 0 ? `未写入：${failed.join('、')}，其中事项未登记催办，请重试` : '',
        unrecorded.length > 0 ? `通知已写入但未登记催办：${unrecorded.join('；')}` : '',
        left.length > 0 ? `未催办：${left.join('；')}` : '',
      ].filter((p) => p !== '');
      const message = `${parts.join('。')}。`;
      if (failed.length > 0 || unrecorded.length > 0) return fail(message);
      return { ok: true, files: verified, folder: report.location, message };
    });
  }

  /** The item's timeline from the database, and the sign-off it rests on now. */
  async function timelineOf(assignment: Assignment) {
    const repo = repositories();
    // A handful of small reads, one after the other: clearer than a tuple, and quick.
    const signOffs = await repo.signOffs.historyOf(assignment.id);
    const timeline = followUpTimeline({
      assignment,
      meeting: await repo.meetings.get(assignment.meetingId),
      enterprise: await repo.enterprises.get(assignment.enterpriseId),
      concerns: await repo.concerns.listForMeeting(assignment.meetingId),
      minuteEntries: await repo.minutes.listForMeeting(assignment.meetingId),
      signOffs,
      steps: await repo.followUps.steps(assignment.id),
      leaders: await repo.organization.listLeaders(),
      departments: await repo.organization.listDepartments(),
    });
    return { timeline, current: currentSignOff(signOffs) };
  }

  /**
   * 办理全过程 of one item as the item page shows it (the same timeline the document prints); undefined when the
   * item is gone.
   */
  async function loadTimeline(assignmentId: Id): Promise<FollowUpTimeline | undefined> {
    const assignment = await repositories().assignments.get(assignmentId);
    return assignment ? (await timelineOf(assignment)).timeline : undefined;
  }

  /** The 办理全过程 of one item as a .docx in a folder the user picks, verified on disk. */
  function exportHistory(assignmentId: Id): Promise<DocsOutcome> {
    return exclusive(async () => {
      const repo = repositories();
      const assignment = await repo.assignments.get(assignmentId);
      if (!assignment) return fail('交办件不存在，可能已被删除');
      const { timeline, current } = await timelineOf(assignment);
      const organization = await repo.settings.organization();
      const bytes = await buildItemHistory({
        timeline,
        organization: organization.name || organization.shortName,
        today: toIsoDate(Date.now()),
        ...(current ? { checkCode: checkCode(current.contentHash) } : {}),
      });
      const fileName = safeFileName(itemHistoryStem(timeline), '.docx');

      const chosen = await desk.files.chooseDirectory();
      if (!chosen.ok) return fail(chosen.error.message);
      if (!chosen.value) return undefined;
      const saved = await desk.files.save({ directoryToken: chosen.value.token, fileName, bytes });
      if (!saved.ok) return fail(`“${fileName}”没有保存：${saved.error.message}`);
      return {
        ok: true,
        files: [saved.value.fileName],
        folder: chosen.value.label,
        message: `已保存“${saved.value.fileName}”到${chosen.value.label}`,
      };
    });
  }

  return { busy, loadTimeline, exportUrgeNotices, exportHistory };
});
