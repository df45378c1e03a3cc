// A speaker's name typed and, before it is saved, 点名 tapped in the same row: both changes stay.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { usePrepStore } from '../../renderer/stores/prep';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase } from './db-helpers';

let db: DeskDb;
let demo: DemoDataset;

beforeEach(async () => {
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
});

describe('changing a speaker', () => {
  it('applies field changes one after the other, each on top of the last', async () => {
    const prep = usePrepStore();
    await prep.open(demo.meetings.find((m) => m.edition === 15)!.id);
    const first = prep.queue[0]!;
    // The blur of the name field and the tap on 点名 fire together, both from the row as it was drawn.
    await Promise.all([
      prep.patchEntry(first.id, { speaker: '孙立伟（代）' }),
      prep.patchEntry(first.id, { channel: '点名' }),
      prep.patchEntry(first.id, { speakerTitle: '副总经理' }),
    ]);
    expect(await db.queueEntries.get(first.id)).toMatchObject({
      speaker: '孙立伟（代）',
      speakerTitle: '副总经理',
      channel: '点名',
    });
    expect(prep.queue[0]).toMatchObject({ speaker: '孙立伟（代）', channel: '点名' });
  });
});
