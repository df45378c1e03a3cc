// 交办导出: a meeting's documents — one 交办单 per signed assignment, the 会议纪要 and the 会前材料 —
// built from the database, named for Windows, written through main (verified, manifest last) to a
// USB stick or a chosen folder; in the browser, one .zip download. Exporting (or marking as handed
// over) records 交办时间 on each assignment, which starts its reply deadline, and leaves an audit record.
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import { repositories } from '../db';
import { useSettingsStore } from './settings';
import { useIntegrityStore } from './integrity';
import { useExportTargetStore } from './export-target';
import { nextTask } from '../lib/next-task';
import { meetingDocuments } from '../../shared/docs/meeting-documents';
import type { BriefingBundle } from '../../shared/docs/briefing';
import { safeFileName, safeFolderName, uniqueFileNames } from '../../shared/export/file-names';
import { canTransition } from '../../shared/domain/assignment-lifecycle';
import { formatChineseDate, handedOffReplyDue } from '../../shared/domain/deadlines';
import { toIsoDate } from '../../shared/domain/workdays';
import type { ExportAttestation, ExportedFile, ExportReport } from '../../shared/ipc/contract';
import type { Assignment, AuditRecord, Id, IsoDate, Meeting } from '../../shared/domain/types';

/** One file of the export as the screen lists it. */
export interface PlannedFile {
  kind: 'sheet' | 'minutes' | 'briefing';
  assignmentId?: Id;
  fileName: string;
  bytes: Uint8Array;
}

export type { ChosenTarget } from './export-target';

const KIND_LABEL: Record<PlannedFile['kind'], string> = {
  sheet: '交办单',
  minutes: '会议纪要',
  briefing: '会前材料',
};
export { KIND_LABEL as EXPORT_KIND_LABEL };

/** A build that a newer one replaced. */
class Superseded extends Error {}

export const useExportStore = defineStore('export', () => {
  const settings = useSettingsStore();
  const integrity = useIntegrityStore();
  const meeting = shallowRef<Meeting>();
  const bundle = shallowRef<BriefingBundle>();
  const files = shallowRef<PlannedFile[]>([]);
  /** Items left out, with what tells them apart: 文号 (when numbered), enterprise, their demands. */
  const skipped = shallowRef<
    Array<{ assignmentId: Id; docNumber?: string; enterprise: string; demand: string; reason: string }>
  >([]);
  // Where the files go: the app's one choice of USB stick or folder (./export-target.ts).
  const targets = useExportTargetStore();
  const { runtime, drives, target, listing } = storeToRefs(targets);
  const report = shallowRef<ExportReport>();
  /** Assignment id → why its signature does not hold, from the last check. */
  const problems = shallowRef<Record<Id, string>>({});
  /** The newest audit record when the chain verified: its hash goes into the 清单 as an anchor. */
  const auditHead = shallowRef<AuditRecord>();
  const preparing = ref(false);
  /** How far the build is: documents done (built or skipped) of all. */
  const progress = ref({ done: 0, total: 0 });
  // The newest load and build win: switching meetings, or ticking an option, while one is under way
  // must not let the older one land on top.
  let loadGeneration = 0;
  let prepareGeneration = 0;
  const writing = ref(false);
  const maskPhones = ref(true);
  const includeBriefing = ref(true);
  /** Assignments whose 交办时间 this screen recorded, for the message after export. */
  const handedOff = ref(0);
  /** Their 答复期限, each date once, earliest first. */
  const replyDueDates = ref<IsoDate[]>([]);

  const folderName = computed(() =>
    meeting.value
      ? safeFolderName(`${meeting.value.title}-交办材料-${formatChineseDate(meeting.value.date)}`)
      : '',
  );
  const resultOf = computed(() => new Map((report.value?.files ?? []).map((f) => [f.fileName, f])));

  /**
   * Read the meeting's records and check every signature (a tampered item is never exported as signed).
   * False when there is no such meeting; undefined when a newer load replaced this one.
   */
  async function load(meetingId: Id): Promise<boolean | undefined> {
    const gen = ++loadGeneration;
    const current = () => gen === loadGeneration;
    report.value = undefined;
    handedOff.value = 0;
    replyDueDates.value = [];
    const { assignments: repo, signOffs: signOffRepo, settings: settingsRepo, concerns } = repositories();
    const [records, organization] = await Promise.all([
      repo.meetingRecords(meetingId),
      settingsRepo.organization(),
    ]);
    // 此前反映 in the 会前材料: what the meeting's enterprises raised at earlier meetings.
    const earlierConcerns = records
      ? await concerns.earlierFor(
          records.meeting,
          records.enterprises.map((e) => e.id),
        )
      : [];
    const earlierAssignments = await repo.forConcerns(earlierConcerns);
    if (!current()) return undefined;
    meeting.value = records?.meeting;
    if (!records) return false;
    const verdict = await signOffRepo.verifyAudit();
    const found: Record<Id, string> = {};
    for (const a of records.assignments) {
      const problem = await signOffRepo.verify(a, verdict);
      if (problem) found[a.id] = problem.label;
    }
    if (!current()) return undefined;
    problems.value = found;
    auditHead.value = verdict.ok ? await repositories().audit.head() : undefined;
    bundle.value = {
      organization,
      meeting: records.meeting,
      leaders: settings.leaders,
      departments: settings.departments,
      enterprises: records.enterprises,
      queueEntries: records.queueEntries,
      concerns: records.concerns,
      minuteEntries: records.minuteEntries,
      assignments: records.assignments,
      signOffs: records.signOffs,
      earlierConcerns,
      earlierAssignments,
    };
    await prepare();
    return current() ? true : undefined;
  }

  /**
   * Build the documents and their Windows-safe names, one at a time with the screen kept alive in between
   * (a meeting's 30 sheets take about half a second). A newer build stops this one.
   */
  async function prepare(): Promise<void> {
    const from = bundle.value;
    if (!from) return;
    const gen = ++prepareGeneration;
    preparing.value = true;
    progress.value = { done: 0, total: 0 };
    try {
      const include: Array<'sheets' | 'minutes' | 'briefing'> = ['sheets', 'minutes'];
      if (includeBriefing.value) include.push('briefing');
      const built = await meetingDocuments(from, {
        problems: problems.value,
        maskPhones: maskPhones.value,
        include,
        onProgress: async (done, total) => {
          if (gen !== prepareGeneration) throw new Superseded();
          progress.value = { done, total };
          await nextTask();
          if (gen !== prepareGeneration) throw new Superseded();
        },
      });
      const names = uniqueFileNames(built.documents.map((d) => safeFileName(d.stem, '.docx')));
      files.value = built.documents.map((d, i) => ({
        kind: d.kind,
        ...(d.assignmentId ? { assignmentId: d.assignmentId } : {}),
        fileName: names[i]!, // uniqueFileNames keeps one name per document, in order
        bytes: d.bytes,
      }));
      const from2 = bundle.value;
      skipped.value = built.skipped.map((s) => {
        const a = from2?.assignments.find((x) => x.id === s.assignmentId);
        const demand = (a?.concernIds ?? [])
          .map((id) => from2?.concerns.find((c) => c.id === id)?.summary.trim())
          .filter((t) => t)
          .join('；');
        return {
          ...s,
          ...(a?.docNumber ? { docNumber: a.docNumber } : {}),
          enterprise: from2?.enterprises.find((e) => e.id === a?.enterpriseId)?.name ?? '',
          demand,
        };
      });
      report.value = undefined;
    } catch (e) {
      if (!(e instanceof Superseded)) throw e;
    } finally {
      if (gen === prepareGeneration) preparing.value = false;
    }
  }

  /**
   * Write every file (a retry sends them all again: each lands under its final name only once verified,
   * and the manifest lists the whole set). Then record 交办时间 on the assignments whose sheet was verified.
   */
  async function write(): Promise<string | undefined> {
    const exportTarget = targets.bridgeTarget();
    if (!exportTarget) return '请先选择U盘或文件夹';
    if (files.value.length === 0) return '没有可导出的文件';
    writing.value = true;
    try {
      const result = await desk.export.write({
        target: exportTarget,
        folderName: folderName.value,
        files: files.value.map((f) => ({ fileName: f.fileName, bytes: f.bytes })),
        manifestName: safeFileName(`${meeting.value?.title ?? '交办材料'}-清单`, '.txt'),
        attestation: attestation(),
      });
      if (!result.ok) return result.error.message;
      report.value = result.value;
      const verified = files.value.filter(
        (f) => f.kind === 'sheet' && f.assignmentId && resultOf.value.get(f.fileName)?.ok,
      );
      await recordHandoff(
        verified.map((f) => ({ id: f.assignmentId!, file: resultOf.value.get(f.fileName)! })),
        `导出到${target.value?.label ?? 'U盘'}`,
      );
      return undefined;
    } finally {
      writing.value = false;
    }
  }

  /** What the 清单 states: each 交办单's 文号 and sign-off hash, and the audit chain's head. */
  function attestation(): ExportAttestation {
    const from = bundle.value;
    const signOffOf = new Map((from?.signOffs ?? []).map((so) => [so.assignmentId, so]));
    const docNumberOf = new Map((from?.assignments ?? []).map((a) => [a.id, a.docNumber ?? '']));
    const head = auditHead.value;
    return {
      sheets: files.value.flatMap((f) => {
        const signOff = f.kind === 'sheet' && f.assignmentId ? signOffOf.get(f.assignmentId) : undefined;
        const docNumber = f.assignmentId ? docNumberOf.get(f.assignmentId) : undefined;
        return signOff && docNumber
          ? [{ fileName: f.fileName, docNumber, signOffHash: signOff.contentHash }]
          : [];
      }),
      ...(head?.seq !== undefined ? { auditHead: { seq: head.seq, hash: head.hash } } : {}),
    };
  }

  /** The signed items whose sheet is ready and that are not handed over yet: what 标记为已交办 would mark. */
  const markable = computed(() => {
    const exportable = new Set(files.value.filter((f) => f.kind === 'sheet').map((f) => f.assignmentId));
    return (bundle.value?.assignments ?? [])
      .filter(
        (a) => exportable.has(a.id) && a.handedOffAt === undefined && canTransition(a.status, 'hand_off'),
      )
      .map((a) => a.id);
  });

  /** 标记为已交办 without exporting (handed over on paper, by e-mail …). */
  async function markHandedOver(): Promise<void> {
    const ids = markable.value;
    await recordHandoff(
      ids.map((id) => ({ id })),
      '标记为已交办（未经本机导出）',
    );
  }

  /** 交办时间 on each assignment not handed over yet, an audit record per assignment; the meeting follows. */
  async function recordHandoff(items: Array<{ id: Id; file?: ExportedFile }>, how: string): Promise<void> {
    const now = Date.now();
    const meetingDate = meeting.value?.date ?? toIsoDate(now);
    // 答复期限 by the rules in force today: the signed 办理时限, moved on by the delay if handed over late.
    const replyDueOf = (a: Assignment) =>
      handedOffReplyDue(a.dueAt, meetingDate, toIsoDate(now), settings.deadlineRules, settings.holidayTable)
        .date;
    const repo = repositories().assignments;
    const done = await repo.handOff(
      items.map(({ id, file }) => ({
        id,
        ...(file
          ? { file: { fileName: file.fileName, ...(file.sha256 ? { sha256: file.sha256 } : {}) } }
          : {}),
      })),
      how,
      now,
      replyDueOf,
      formatChineseDate,
    );
    handedOff.value = done.count;
    replyDueDates.value = done.replyDueDates;
    const m = meeting.value;
    if (m) {
      const [stored, all] = await Promise.all([repo.meeting(m.id), repo.forMeeting(m.id)]);
      if (stored) meeting.value = stored;
      if (bundle.value) bundle.value = { ...bundle.value, meeting: stored ?? m, assignments: all };
    }
    await integrity.check();
  }

  return {
    meeting,
    bundle,
    problems,
    files,
    skipped,
    runtime,
    markable,
    drives,
    target,
    report,
    preparing,
    progress,
    listing,
    writing,
    maskPhones,
    includeBriefing,
    handedOff,
    replyDueDates,
    folderName,
    resultOf,
    load,
    prepare,
    listDrives: targets.listDrives,
    chooseDrive: targets.chooseDrive,
    chooseFolder: targets.chooseFolder,
    write,
    markHandedOver,
  };
});
