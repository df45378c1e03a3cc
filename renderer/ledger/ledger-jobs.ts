// What the ledger worker is asked and how it answers: the 台账 and the 回复登记表 read from the database and built
// off the main thread (./ledger.worker.ts runs `executeLedgerJob`; where there are no workers — unit tests —
// ./ledger-client.ts runs it inline). Ten years make a 台账 of some 60,000 rows over its sheets: seconds of work
// that must not freeze the screen.
import { DeskDb } from '../db/desk-db';
import { LedgerRepository } from '../db/repositories/ledger';
import { awaitsDepartment } from '../../shared/ledger/ledger-item';
import { buildLedgerXlsx, ledgerFileStem } from '../../shared/ledger/ledger-xlsx';
import { buildReplyForm, replyFormStem } from '../../shared/ledger/reply-form';
import type { Id, IsoDate } from '../../shared/domain/types';

export type LedgerJob =
  | { op: 'ledger'; dbName: string; ids: readonly Id[]; filterText: string; today: IsoDate }
  | { op: 'forms'; dbName: string; deptIds: readonly Id[]; today: IsoDate; formIds: readonly string[] };

/** The files made, each with the stem of its name (the caller makes names safe and unique). */
export interface LedgerJobResult {
  files: Array<{ stem: string; bytes: Uint8Array }>;
}

/** Read and build what the job asks for, from its own connection to the database. */
export async function executeLedgerJob(job: LedgerJob): Promise<LedgerJobResult> {
  const db = new DeskDb(job.dbName);
  try {
    const repo = new LedgerRepository(db);
    const { organization, departments } = await repo.context();
    const orgName = organization.name || organization.shortName || '工商联';
    if (job.op === 'ledger') {
      const items = await repo.items({ ids: job.ids }, job.today);
      const bytes = await buildLedgerXlsx({
        organization: orgName,
        items,
        departments,
        today: job.today,
        filterText: job.filterText,
      });
      return { files: [{ stem: ledgerFileStem(organization.shortName || orgName, job.today), bytes }] };
    }
    const files: LedgerJobResult['files'] = [];
    for (const [i, deptId] of job.deptIds.entries()) {
      const department = departments.find((d) => d.id === deptId);
      if (!department) continue;
      const items = (await repo.items({ leadDeptId: deptId }, job.today)).filter(awaitsDepartment);
      files.push({
        stem: replyFormStem(department.name, job.today),
        bytes: await buildReplyForm({
          organization: orgName,
          department,
          items,
          today: job.today,
          formId: job.formIds[i] ?? `${deptId}-${job.today}`,
        }),
      });
    }
    return { files };
  } finally {
    db.close();
  }
}
