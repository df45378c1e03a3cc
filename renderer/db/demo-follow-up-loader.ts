// Plays the demo's 跟踪督办 script (shared/demo/demo-follow-up.ts) through the desk's own repositories: the items
// are signed with real ink and hashes, handed over and followed, each with its audit record, in the order it
// happened. Nothing here writes around the rules a secretary's own work goes through.
import type { DeskDb } from './desk-db';
import { repositories } from './index';
import type { DemoDataset } from '../../shared/demo/demo-dataset';
import type { DemoFollowUp } from '../../shared/demo/demo-follow-up';
import { demoInk, demoSignatureStrokes, SIGNATURE_PNG } from '../../shared/demo/demo-signing';
import { toIsoDate } from '../../shared/domain/workdays';

/** Add the earlier meetings and play their script; a step the rules refuse stops the load and says which. */
export async function loadDemoFollowUp(db: DeskDb, demo: DemoDataset, script: DemoFollowUp): Promise<void> {
  await db.transaction('rw', [db.meetings, db.concerns, db.assignments], async () => {
    await db.meetings.bulkAdd(script.meetings);
    await db.concerns.bulkAdd(script.concerns);
    await db.assignments.bulkAdd(script.assignments);
  });
  const repo = repositories(db);
  const signature = demoInk(demoSignatureStrokes(), SIGNATURE_PNG);
  for (const action of script.actions) {
    if (action.kind === 'sign') {
      await repo.signOffs.sign({
        assignmentId: action.assignmentId,
        signer: action.signer,
        strokes: signature.strokes,
        png: signature.png,
        prefix: demo.organization.docNumberPrefix,
        year: Number(toIsoDate(action.at).slice(0, 4)),
        now: action.at,
      });
    } else if (action.kind === 'hand_off') {
      await repo.assignments.handOff(
        action.assignmentIds.map((id) => ({ id })),
        '标记为已交办（示例数据）',
        action.at,
        (a) => a.dueAt ?? toIsoDate(action.at),
        (date) => date,
      );
    } else {
      const out = await repo.followUps.record(action.assignmentId, action.input, {
        today: toIsoDate(action.at),
        now: action.at,
        by: demo.organization.contactPerson,
        newId: () => crypto.randomUUID(),
      });
      if (!out.ok) throw new Error(`示例数据的督办记录不合规则：${out.error}`);
    }
  }
}
