// The statistics engine: reads what the figures count once (StatisticsRepository.data), indexes it (prepareStats) and
// keeps it, then answers each question — a period's figures with the period before for comparison, or the records
// behind a number — in milliseconds. It runs in the statistics worker (./stats.worker.ts), so ten years of records
// are read, indexed and held off the main thread; where there are no workers (unit tests) ./stats-client.ts runs it
// inline.
import { DeskDb } from '../db/desk-db';
import { StatisticsRepository, type DrillList } from '../db/repositories/statistics';
import { previousPeriod, type Period } from '../../shared/domain/periods';
import {
  computeStats,
  prepareStats,
  type PreparedStats,
  type Refs,
  type Statistics,
} from '../../shared/domain/statistics';
import type { HolidayTable } from '../../shared/domain/holidays';
import type { IsoDate, MeetingKind, MeetingLevel } from '../../shared/domain/types';

/** What the screen asks: a period's figures, narrowed to meetings of a kind and level, counted on `today`. */
export interface StatsAsk {
  period: Period;
  kind?: MeetingKind;
  level?: MeetingLevel;
  today: IsoDate;
}

export type StatsRequest =
  { op: 'load'; dbName: string } | { op: 'stats'; ask: StatsAsk } | { op: 'list'; refs: Refs };

/** What each request answers. */
export interface StatsResponses {
  load: { meetings: number; assignments: number };
  stats: { current: Statistics; previous: Statistics };
  list: DrillList;
}
export type StatsResponse = StatsResponses[keyof StatsResponses];

/** The statistics of one database, held between questions. */
export class StatsEngine {
  private db: DeskDb | undefined;
  private prepared: PreparedStats | undefined;
  private table: HolidayTable | undefined;
  /** The read under way: a question asked meanwhile waits for it rather than finding nothing. */
  private reading: Promise<unknown> = Promise.resolve();

  /** Answer one request; `load` (again) reads the database afresh. */
  async handle(request: StatsRequest): Promise<StatsResponse> {
    if (request.op === 'load') {
      const read = this.load(request.dbName);
      this.reading = read.catch(() => undefined);
      return read;
    }
    await this.reading;
    if (request.op === 'stats') return this.stats(request.ask);
    return this.repository().list(request.refs);
  }

  private async load(dbName: string): Promise<StatsResponses['load']> {
    if (this.db?.name !== dbName) {
      this.db?.close();
      this.db = new DeskDb(dbName);
    }
    const repo = this.repository();
    const [data, table] = await Promise.all([repo.data(), repo.holidayTable()]);
    this.prepared = prepareStats(data);
    this.table = table;
    return { meetings: data.meetings.length, assignments: data.assignments.length };
  }

  private stats(ask: StatsAsk): StatsResponses['stats'] {
    if (!this.prepared || !this.table) throw new Error('统计数据尚未读取');
    const query = {
      today: ask.today,
      table: this.table,
      ...(ask.kind !== undefined ? { kind: ask.kind } : {}),
      ...(ask.level !== undefined ? { level: ask.level } : {}),
    };
    return {
      current: computeStats(this.prepared, { ...query, period: ask.period }),
      previous: computeStats(this.prepared, { ...query, period: previousPeriod(ask.period) }),
    };
  }

  private repository(): StatisticsRepository {
    if (!this.db) throw new Error('统计数据尚未读取');
    return new StatisticsRepository(this.db);
  }

  /** Close the database connection (the worker ends, or a test is done). */
  close(): void {
    this.db?.close();
    this.db = undefined;
    this.prepared = undefined;
  }
}
