// 核对交办单: 交办单 (.docx) and 清单 (.txt) files brought back — from a USB stick or a folder, through the file
// picker — compared with the database, each with what differs. The paper and the stick are the anchors an
// attacker who rewrote the database consistently cannot reach.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { useSettingsStore } from './settings';
import {
  assignmentSheetData,
  buildAssignmentSheet,
  SheetBlockedError,
} from '../../shared/docs/assignment-sheet';
import {
  compareManifest,
  compareSheet,
  readManifest,
  readSheetFile,
  SheetReadError,
  type CheckFinding,
  type RecordedSheet,
} from '../../shared/docs/sheet-check';
import type { AuditVerdict } from '../../shared/domain/integrity';

/** A file as the picker gives it: a name and its bytes. */
export interface CheckFile {
  name: string;
  bytes: Uint8Array;
}

export const useSheetCheckStore = defineStore('sheet-check', () => {
  const settings = useSettingsStore();
  const findings = shallowRef<CheckFinding[]>([]);
  const checking = ref(false);

  /** What the database holds for a 文号: its signatures, its problem, and the sheet it would print now. */
  async function recorded(docNumber: string, verdict: AuditVerdict): Promise<RecordedSheet | undefined> {
    const { assignments, signOffs, settings: settingsRepo } = repositories();
    const a = await assignments.byDocNumber(docNumber);
    if (!a) return undefined;
    const [history, problem, records, organization] = await Promise.all([
      signOffs.historyOf(a.id),
      signOffs.verify(a, verdict),
      assignments.meetingRecords(a.meetingId),
      settingsRepo.organization(),
    ]);
    const current = history.find((s) => s.supersededAt === undefined && a.status !== 'draft');
    let expected;
    if (records && current) {
      try {
        const bundle = {
          ...records,
          organization,
          leaders: settings.leaders,
          departments: settings.departments,
        };
        const bytes = await buildAssignmentSheet(assignmentSheetData(bundle, a.id));
        expected = await readSheetFile(bytes, docNumber);
      } catch (e) {
        if (!(e instanceof SheetBlockedError)) throw e;
      }
    }
    return {
      docNumber,
      ...(current ? { currentHash: current.contentHash } : {}),
      supersededHashes: history.filter((s) => s !== current).map((s) => s.contentHash),
      ...(expected ? { expected } : {}),
      ...(problem ? { problem: `${problem.label}：${problem.detail}` } : {}),
    };
  }

  async function checkOne(file: CheckFile, verdict: AuditVerdict): Promise<CheckFinding> {
    const lower = file.name.toLowerCase();
    try {
      if (lower.endsWith('.docx')) {
        const facts = await readSheetFile(file.bytes, file.name);
        return compareSheet(
          file.name,
          facts,
          facts.docNumber ? await recorded(facts.docNumber, verdict) : undefined,
        );
      }
      if (lower.endsWith('.txt')) {
        const facts = readManifest(file.bytes, file.name);
        const sheets = new Map<string, RecordedSheet | undefined>();
        for (const s of facts.sheets) sheets.set(s.docNumber, await recorded(s.docNumber, verdict));
        const head = facts.auditHead ? await repositories().audit.record(facts.auditHead.seq) : undefined;
        return compareManifest(file.name, facts, {
          sheet: (n) => sheets.get(n),
          auditHash: (seq) => (head?.seq === seq ? head.hash : undefined),
        });
      }
      throw new SheetReadError(`“${file.name}”既不是交办单（.docx）也不是清单（.txt）`);
    } catch (e) {
      if (!(e instanceof SheetReadError)) throw e;
      return { fileName: file.name, kind: 'sheet', ok: false, summary: '无法核对', details: [e.message] };
    }
  }

  /** Check each file in turn; the findings replace the previous ones. */
  async function check(files: readonly CheckFile[]): Promise<void> {
    checking.value = true;
    try {
      // The audit log is checked once for all the files.
      const verdict = await repositories().signOffs.verifyAudit();
      const out: CheckFinding[] = [];
      for (const f of files) out.push(await checkOne(f, verdict));
      findings.value = out;
    } finally {
      checking.value = false;
    }
  }

  return { findings, checking, check };
});
