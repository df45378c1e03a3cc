// The demo's 跟踪督办, played through the desk's repositories: every state on the board, and everything it wrote
// passes the desk's own integrity check.
import { beforeEach, describe, expect, it } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { itemStanding } from '../../shared/domain/follow-up-warning';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../shared/domain/holidays';
import { freshDemoWithFollowUp } from './db-helpers';

const TODAY = '2026-11-22';
let db: DeskDb;

beforeEach(async () => {
  db = await freshDemoWithFollowUp(TODAY);
});

describe('the demo’s 跟踪督办', () => {
  it('leaves items in every state, numbered in order, the earlier meetings handed over', async () => {
    const handed = (await db.assignments.toArray()).filter((a) => a.handedOffAt !== undefined);
    expect(handed.map((a) => a.status).sort()).toEqual(
      [
        'written_off',
        'closed',
        'replied',
        'escalated',
        'handed_off',
        'handed_off',
        'handed_off',
        'evaluated',
        'replied',
        'handed_off',
      ].sort(),
    );
    expect(
      handed.map((a) => a.docNumber).sort((x, y) => x!.localeCompare(y!, 'zh', { numeric: true })),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `青工商联交〔2026〕${i + 1}号`));
    const redone = handed.find((a) => a.round === 2);
    expect(redone?.status).toBe('replied');
    const meetings = await db.meetings.orderBy('date').toArray();
    expect(meetings.map((m) => [m.edition, m.status])).toEqual([
      [12, 'handed_off'],
      [13, 'handed_off'],
      [14, 'signing'],
      [15, 'preparing'],
    ]);
    expect(await db.concerns.where('disposition').equals('resolved_on_site').count()).toBeGreaterThan(0);
  });

  it('shows red, yellow, due today and quiet items on the day it is built for', async () => {
    const rules = { ...DEFAULT_DEADLINE_RULES };
    const standings = (await db.assignments.toArray()).map((a) =>
      itemStanding(a, TODAY, rules, SHIPPED_HOLIDAYS),
    );
    expect(standings.filter((s) => s.warning === 'red')).toHaveLength(1);
    expect(standings.filter((s) => s.warning === 'yellow').length).toBeGreaterThanOrEqual(2);
    expect(standings.filter((s) => s.dueToday)).toHaveLength(1);
    expect(standings.filter((s) => s.warning === 'none' && s.daysLeft !== undefined).length).toBeGreaterThan(
      0,
    );
  });

  it('passes the desk’s integrity check: every signature holds and the audit chain is whole', async () => {
    const report = await repositories(db).signOffs.verifyAll();
    expect(report.audit.ok).toBe(true);
    expect([...report.findings.values()]).toEqual([]);
  });
});
