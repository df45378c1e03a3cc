// 台账 lines read from the database for today (China time, from Date.now(), so page.clock and fake timers drive
// it): the 台账 workbook, the 回复登记表 and 对账销号 all read them through here.
import { repositories } from '../db';
import type { LedgerQuery } from '../db/repositories/ledger';
import { byDocNumber, ledgerItem, type LedgerItem } from '../../shared/ledger/ledger-item';
import { toIsoDate } from '../../shared/domain/workdays';
import { useSettingsStore } from './settings';

/** The 台账 lines asked for, in 文号 order, as they stand today. */
export async function loadLedgerItems(query: LedgerQuery = {}): Promise<LedgerItem[]> {
  const settings = useSettingsStore();
  if (!settings.loaded) await settings.load();
  const sources = await repositories().ledger.sources(query);
  const day = {
    today: toIsoDate(Date.now()),
    rules: settings.deadlineRules,
    table: settings.holidayTable,
  };
  const names = { departmentById: settings.departmentById, leaderById: settings.leaderById };
  return sources.map((s) => ledgerItem(s, names, day)).sort(byDocNumber);
}
