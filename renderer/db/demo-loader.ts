// Loads the built-in demo into the database in one transaction: all of it or nothing.
import type { DeskDb } from './desk-db';
import type { DemoDataset } from '../../shared/demo/demo-dataset';

/** Thrown when the demo would mix with records the user already has. */
export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('数据库中已有会议记录，不能载入示例数据');
    this.name = 'DatabaseNotEmptyError';
  }
}

/** Put the demo into an empty database; refuses if any meeting exists. */
export async function loadDemoDataset(db: DeskDb, demo: DemoDataset): Promise<void> {
  const tables = [
    db.settings,
    db.leaders,
    db.departments,
    db.enterprises,
    db.meetings,
    db.queueEntries,
    db.minuteEntries,
    db.concerns,
    db.assignments,
  ];
  await db.transaction('rw', tables, async () => {
    if ((await db.meetings.count()) > 0) throw new DatabaseNotEmptyError();
    await db.settings.bulkPut([
      { key: 'organization', value: demo.organization },
      { key: 'categories', value: demo.categories },
      { key: 'onboarding', value: 'demo' },
    ]);
    await db.leaders.bulkPut(demo.leaders);
    await db.departments.bulkPut(demo.departments);
    await db.enterprises.bulkPut(demo.enterprises);
    await db.meetings.bulkAdd(demo.meetings);
    await db.queueEntries.bulkAdd(demo.queueEntries);
    await db.minuteEntries.bulkAdd(demo.minuteEntries);
    await db.concerns.bulkAdd(demo.concerns);
    await db.assignments.bulkAdd(demo.assignments);
  });
}
