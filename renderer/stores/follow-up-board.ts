// 跟踪督办 board: loads the rows, keeps today's date, and narrows and orders the rows by the counters and filters.
// The rules (what a row says, which counter it falls under) are in shared/domain/follow-up-board.ts.
//
// Ten years hold some 30,000 交办件 and nearly all of them are closed: the open ones (a few hundred) are read on
// every visit, the closed ones are counted through indexes and read only when a counter or filter shows them
// (renderer/db/repositories/follow-up-board.ts). Rows are computed once per load and per day; a filter change only
// filters the rows already in memory, which are sorted once per order.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { repositories, type DeskDb } from '../db';
import { FollowUpBoardRepository, type ClosedCounts } from '../db/repositories/follow-up-board';
import {
  assignmentRow,
  boardSearch,
  counterNeedsClosed,
  countRows,
  dueSummary,
  inCounter,
  isClosedState,
  matchesFilter,
  meetingHeld,
  monthsBetween,
  onlyCounter,
  onSiteRow,
  sortRows,
  type AssignmentSource,
  type BoardCounter,
  type BoardDay,
  type BoardFilter,
  type BoardRow,
  type BoardSearch,
  type BoardSort,
} from '../../shared/domain/follow-up-board';
import type { Assignment, IsoDate, Meeting } from '../../shared/domain/types';
import { toIsoDate } from '../../shared/domain/workdays';
import { useSettingsStore } from './settings';
import { nextTask } from '../lib/next-task';

/** Closed rows per part of their search index, and per slice of rows computed: each a few milliseconds. */
const SEARCH_PART = 1000;

/** Rows on one page of the table: enough to fill a screen, few enough to render in a frame. */
export const BOARD_PAGE_SIZE = 30;

// The clock is read as China time from Date.now(), so the tests' page.clock (and vi's fake Date) drive it.
const todayNow = (): IsoDate => toIsoDate(Date.now());

/** The 跟踪督办 board. */
export const useFollowUpBoardStore = defineStore('follow-up-board', () => {
  const settings = useSettingsStore();
  const board = () => new FollowUpBoardRepository(repositories().db);

  /** Today in China; moves on by itself while the app is open (see `watchDay`). */
  const today = ref<IsoDate>(todayNow());
  const meetings = shallowRef<Meeting[]>([]);
  const openSources = shallowRef<AssignmentSource[]>([]);
  /** The closed rows, once read; they do not change with the day. */
  const closedRows = shallowRef<BoardRow[] | undefined>(undefined);
  /** Closed rows counted by index, until they are read; undefined while being counted. */
  const closedCounts = ref<ClosedCounts | undefined>(undefined);
  const firstHandoff = ref<IsoDate | undefined>(undefined);
  const loaded = ref(false);
  /** Reading the closed rows failed (shown instead of them). */
  const closedError = ref('');
  /** The closed rows are being read in the background. */
  let prefetchRunning = false;
  /** Items awaiting a reply that are due by today: the meetings list's reminder. */
  const dueItems = shallowRef<Assignment[]>([]);

  const filter = ref<BoardFilter>({ counter: 'open' });
  const sort = ref<BoardSort>('urgency');
  const page = ref(1);

  const day = computed<BoardDay>(() => ({
    today: today.value,
    rules: settings.deadlineRules,
    table: settings.holidayTable,
  }));

  // Standings are computed here once per load and per day; filters never recompute them.
  const openRows = computed(() => openSources.value.map((s) => assignmentRow(s, day.value)));

  /** Filters beyond the counter are set: the counters then count what they let through. */
  const narrowed = computed(() => !onlyCounter(filter.value));

  /**
   * The board needs the closed rows: 已办结, 已转报 (some were answered and closed), 全部, a closed state, or any
   * filter (the counters then count the closed rows it lets through, too).
   */
  const needsClosed = computed(
    () =>
      counterNeedsClosed(filter.value.counter) ||
      (filter.value.state !== undefined && isClosedState(filter.value.state)) ||
      narrowed.value,
  );

  // Sorting is the costly step with the closed rows in: done once per order and per set of rows, then filters
  // keep that order.
  const sortedOpen = computed(() => sortRows(openRows.value, sort.value));
  const sortedAll = computed(() =>
    closedRows.value ? sortRows([...openRows.value, ...closedRows.value], sort.value) : sortedOpen.value,
  );
  // Search indexes are built on the first query over each set of rows (computed values are lazy).
  const openSearch = computed(() => boardSearch(openRows.value));
  // The closed rows' search is built in parts in the background once they are read (see `prefetchClosed`); a query
  // that comes before it is done builds what is missing at once.
  const closedSearchParts = shallowRef<BoardSearch[]>([]);
  const closedSearch = computed<BoardSearch | undefined>(() => {
    const rowsNow = closedRows.value;
    if (!rowsNow) return undefined;
    const parts = closedSearchParts.value;
    const built = parts.length * SEARCH_PART;
    const rest = built < rowsNow.length ? [boardSearch(rowsNow.slice(built))] : [];
    const all = [...parts, ...rest];
    return {
      keys: (query) => {
        const found = new Set<string>();
        for (const part of all) for (const k of part.keys(query)) found.add(k);
        return found;
      },
    };
  });

  /** The rows every filter but the counter lets through, in order. */
  const matching = computed<BoardRow[]>(() => {
    const { counter: _c, query: q, ...fields } = filter.value;
    const base = needsClosed.value ? sortedAll.value : sortedOpen.value;
    const query = q?.trim() ?? '';
    let found: Set<string> | undefined;
    if (query) {
      found = openSearch.value.keys(query);
      if (needsClosed.value) for (const k of closedSearch.value?.keys(query) ?? []) found.add(k);
    }
    if (!found && !narrowed.value) return base;
    return base.filter((r) => (!found || found.has(r.key)) && matchesFilter(r, fields));
  });

  /** The rows the table shows, in order, before paging. */
  const rows = computed<BoardRow[]>(() => {
    const counter = filter.value.counter;
    return counter ? matching.value.filter((r) => inCounter(r, counter)) : matching.value;
  });

  /**
   * The counters: over what the filters let through when any is set; otherwise over the open rows, with the
   * closed ones counted by index until they are read. Undefined while not known yet (closed rows being read).
   */
  const counts = computed<Record<BoardCounter, number | undefined>>(() => {
    if (narrowed.value) {
      const c = countRows(matching.value);
      return closedRows.value ? c : { ...c, closed: undefined, escalated: undefined };
    }
    const open = countRows(openRows.value);
    const closed = closedRows.value ? countRows(closedRows.value) : undefined;
    const byIndex = closedCounts.value;
    if (closed) return { ...open, closed: closed.closed, escalated: open.escalated + closed.escalated };
    if (byIndex) return { ...open, closed: byIndex.closed, escalated: open.escalated + byIndex.escalated };
    return { ...open, closed: undefined, escalated: undefined };
  });

  const pageRows = computed(() => {
    const first = (page.value - 1) * BOARD_PAGE_SIZE;
    return rows.value.slice(first, first + BOARD_PAGE_SIZE);
  });

  /** Nothing handed over yet, nothing resolved on site: the board explains how items get here. */
  const empty = computed(
    () =>
      loaded.value &&
      openRows.value.length === 0 &&
      (closedRows.value?.length ?? closedCounts.value?.closed) === 0,
  );

  /** Meetings that have been held, newest first: the meeting filter. */
  const heldMeetings = computed(() =>
    meetings.value.filter(meetingHeld).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
  );
  const meetingById = computed(() => new Map(meetings.value.map((m) => [m.id, m])));
  /** `YYYY-MM` from the first 交办时间 to this month, newest first: the month filter. */
  const months = computed(() => (firstHandoff.value ? monthsBetween(firstHandoff.value, today.value) : []));

  const due = computed(() => dueSummary(dueItems.value, day.value));

  let generation = 0;

  /**
   * Read the open items, then count the closed ones. The board paints with the open rows; counting ten years of
   * closed items through the indexes takes longer than a frame, so 已办结 and 已转报 show … until it is done.
   */
  async function load(): Promise<void> {
    const run = ++generation;
    today.value = todayNow();
    if (!settings.loaded) await settings.load();
    const db = repositories().db;
    // Opened again with nothing written since it was read: what is in memory is what the database holds (the
    // rows are still recomputed for today).
    const writes = db.writes.value;
    if (loaded.value && readFrom === db && readAt === writes) {
      prefetching = prefetchClosed(run);
      if (needsClosed.value) await prefetching;
      return;
    }
    const repo = board();
    const { meetings: allMeetings, open, firstHandoff: first } = await repo.firstPaint();
    if (run !== generation) return;
    readFrom = db;
    readAt = writes;
    meetings.value = allMeetings;
    openSources.value = open;
    firstHandoff.value = first === undefined ? undefined : toIsoDate(first);
    loaded.value = true;
    // The closed rows are read after the board has painted, in the background; a counter or filter that shows
    // them before they are in waits for them (aria-busy).
    prefetching = prefetchClosed(run);
    if (needsClosed.value) await prefetching;
  }

  /** The database and its write count when the open rows were read (`DeskDb.writes`). */
  let readFrom: DeskDb | undefined;
  let readAt = -1;
  /** What the closed rows in memory were read from (`FollowUpBoardRepository.version`). */
  let closedVersion: string | undefined;
  let prefetching: Promise<void> | undefined;

  /**
   * Read the closed rows and build their search in slices, giving the main thread back between them — unless
   * nothing they are made of has changed since they were last read (the board is opened again).
   */
  async function prefetchClosed(run: number): Promise<void> {
    if (prefetchRunning) return;
    prefetchRunning = true;
    closedError.value = '';
    try {
      await nextTask();
      const repo = board();
      const version = await repo.version(meetings.value);
      if (run !== generation || (version === closedVersion && closedRows.value)) return;
      if (!closedRows.value) closedCounts.value = await repo.closedCounts(meetings.value);
      if (run !== generation) return;
      const sources = await repo.closedSources(meetings.value, nextTask);
      if (run !== generation) return;
      const rowsRead: BoardRow[] = sources.onSite.map(onSiteRow);
      for (let i = 0; i < sources.assignments.length; i += SEARCH_PART) {
        for (const source of sources.assignments.slice(i, i + SEARCH_PART))
          rowsRead.push(assignmentRow(source, day.value));
        await nextTask();
      }
      if (run !== generation) return;
      closedSearchParts.value = [];
      closedRows.value = rowsRead;
      closedVersion = version;
      for (let i = 0; i < rowsRead.length; i += SEARCH_PART) {
        await nextTask();
        if (closedRows.value !== rowsRead) return;
        closedSearchParts.value = [
          ...closedSearchParts.value,
          boardSearch(rowsRead.slice(i, i + SEARCH_PART)),
        ];
      }
      performance.mark('desk:board-closed-ready');
    } catch (e) {
      // In the background nobody awaits it: the board says so where the closed rows would be.
      if (run === generation)
        closedError.value = `读取已办结事项失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      prefetchRunning = false;
    }
  }

  // A counter or filter that shows closed rows before they are in: wait for them.
  watch(needsClosed, (needed) => {
    if (needed && loaded.value && !closedRows.value) prefetching = prefetchClosed(generation);
  });

  /** Read the items due by today, for the meetings list's reminder. */
  async function loadDue(): Promise<void> {
    today.value = todayNow();
    if (!settings.loaded) await settings.load();
    dueItems.value = await board().awaitingDueBy(today.value);
  }

  /** Tap a counter: it filters; tapped again, it lets go and the board shows everything. */
  function toggleCounter(counter: BoardCounter): void {
    setFilter({ ...filter.value, counter: filter.value.counter === counter ? undefined : counter });
  }

  /** Set the filter (the table goes back to its first page). */
  function setFilter(next: BoardFilter): void {
    filter.value = next;
    page.value = 1;
  }

  /** Drop every filter but the counter. */
  function clearFilters(): void {
    setFilter(filter.value.counter ? { counter: filter.value.counter } : {});
  }

  function setSort(next: BoardSort): void {
    sort.value = next;
    page.value = 1;
  }

  let watchers = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    const now = todayNow();
    if (now !== today.value) today.value = now;
  };
  /**
   * Keep `today` right while a screen that counts days is open: checked every minute and when the window comes
   * back, so an app left open overnight turns yellow and red on its own. Returns the function that stops it.
   */
  function watchDay(): () => void {
    watchers += 1;
    if (watchers === 1) {
      tick();
      timer = setInterval(tick, 60_000);
      document.addEventListener('visibilitychange', tick);
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watchers -= 1;
      if (watchers === 0) {
        clearInterval(timer);
        document.removeEventListener('visibilitychange', tick);
      }
    };
  }

  return {
    today,
    meetings,
    meetingById,
    heldMeetings,
    months,
    loaded,
    /** A counter or filter shows closed rows that are not read yet: the board waits for them. */
    loadingClosed: computed(() => needsClosed.value && closedRows.value === undefined && !closedError.value),
    closedError,
    /** Resolves once the closed rows read in the background are in (tests, the benchmark). */
    closedRead: () => prefetching ?? Promise.resolve(),
    closedLoaded: computed(() => closedRows.value !== undefined),
    filter,
    sort,
    page,
    counts,
    narrowed,
    rows,
    pageRows,
    empty,
    due,
    load,
    loadDue,
    toggleCounter,
    setFilter,
    clearFilters,
    setSort,
    watchDay,
  };
});
