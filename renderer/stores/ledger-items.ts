// 台账 lines read from the database for today (China time, from Date.now(), so page.clock and fake timers drive
// it): 对账销号 and the 回复登记表 choices read them through here; the workbooks are made in a worker
// (renderer/ledger/ledger-jobs.ts) from the same repository.
import { repositories } from '../db';
import type { LedgerQuery } from '../db/repositories/ledger';
import type { LedgerItem } from '../../shared/ledger/ledger-item';
import { toIsoDate } from '../../shared/domain/workdays';

/** The 台账 lines asked for, in 文号 order, as they stand today. */
export function loadLedgerItems(query: LedgerQuery = {}): Promise<LedgerItem[]> {
  return repositories().ledger.items(query, toIsoDate(Date.now()));
}
