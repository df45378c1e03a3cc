// The measurements that need a real browser, exposed to the Node driver as window.deskBench.
import { DeskDb } from '../../../renderer/db/desk-db';
import { MinuteRepository } from '../../../renderer/db/repositories/minutes';
import type { Meeting, MinuteEntry, MinuteRole, QueueEntry } from '../../../shared/domain/types';
import { seedTenYears, TEN_YEARS } from './ten-years';
import { seedFollowUpYears } from './follow-up-years';
import { createSearchIndex } from '../../../shared/directory/pinyin-search';
import { SignOffRepository } from '../../../renderer/db/repositories/sign-offs';
import type { Assignment, InkStroke } from '../../../shared/domain/types';
import { signedDemoBundle } from '../../../shared/demo/demo-signing';
import { assignmentSheetData, buildAssignmentSheet } from '../../../shared/docs/assignment-sheet';
import { meetingDocuments, type MeetingBundle } from '../../../shared/docs/meeting-documents';
import { safeFileName, uniqueFileNames } from '../../../shared/export/file-names';
import { runBackupJob } from '../../../renderer/db/backup';
import { warmUpDocuments } from '../../../shared/docs/warm-up';
import { DESK_DB_NAME } from '../../../renderer/db/desk-db';
import { SettingsRepository } from '../../../renderer/db/repositories/settings';
import { runLedgerJob } from '../../../renderer/ledger/ledger-client';
import { openReportSession } from '../../../renderer/report/report-client';
import { chartPngs } from '../../../renderer/report/chart-png';
import {
  computeStats,
  prepareStats,
  type PreparedStats,
  type StatsData,
} from '../../../shared/domain/statistics';
import { customPeriod, periodOf, type Period } from '../../../shared/domain/periods';
import { toIsoDate } from '../../../shared/domain/workdays';

const TEXT = '园区的道路晚上没有路灯，工人下夜班很不安全，希望尽快把路灯装起来，这个事情我们反映过两次了。';

function entry(meetingId: string, i: number): MinuteEntry {
  return {
    id: crypto.randomUUID(),
    meetingId,
    at: Date.now() + i,
    role: 'entrepreneur',
    who: '许家豪',
    text: `${TEXT}${i}`,
    history: [],
  };
}

/** Open a raw IndexedDB connection to the same database, for the bare-put floor. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function rawPut(db: IDBDatabase, store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const ROLES: MinuteRole[] = ['entrepreneur', 'department', 'leader', 'host'];

/** A signature as a finger writes it: three strokes, ~120 points each, and its PNG at the stored size. */
function signature(): { strokes: InkStroke[]; png: string } {
  const strokes: InkStroke[] = [0, 1, 2].map((k) => ({
    pointerType: 'touch',
    points: Array.from({ length: 120 }, (_, i) => ({
      x: 40 + k * 160 + i * 1.2,
      y: 120 + Math.sin(i / 6 + k) * 50,
      pressure: 0.5,
      t: i * 8,
    })),
  }));
  return { strokes, png: canvasPng(strokes, 600, 240) };
}

/** Strokes drawn on a canvas and stored as PNG, as the ink pads do. */
function canvasPng(strokes: readonly InkStroke[], width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.lineWidth = 3;
  for (const s of strokes) {
    ctx.beginPath();
    s.points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.stroke();
  }
  return canvas.toDataURL('image/png');
}

/**
 * The demo meeting grown to `count` signed assignments (the five repeated, numbered 1…count), with the
 * signature and the handwritten instruction as canvas PNGs, as the app stores them.
 */
async function bigMeeting(count: number): Promise<MeetingBundle> {
  let n = 0;
  const demo = await signedDemoBundle({ today: '2026-11-22', now: Date.now(), newId: () => `b-${++n}` });
  const { png } = signature();
  const assignments = Array.from({ length: count }, (_, i) => {
    const a = demo.assignments[i % demo.assignments.length]!;
    const ink = a.instructionInk;
    return {
      ...a,
      id: `a-${i}`,
      docNumber: `青工商联交〔2026〕${i + 1}号`,
      ...(ink ? { instructionInk: { ...ink, png: canvasPng(ink.strokes, 900, 300) } } : {}),
    };
  });
  const signOffs = assignments.map((a, i) => ({
    ...demo.signOffs[i % demo.signOffs.length]!,
    id: `s-${i}`,
    assignmentId: a.id,
    png,
  }));
  return { ...demo, assignments, signOffs };
}

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const bench = {
  /** The first 交办单 in a fresh page after the idle warm-up the app does (shared/docs/warm-up.ts). */
  async warmSheet() {
    const t0 = performance.now();
    await warmUpDocuments();
    const warmUpMs = performance.now() - t0;
    const bundle = await bigMeeting(1);
    const t = performance.now();
    await buildAssignmentSheet(assignmentSheetData(bundle, bundle.assignments[0]!.id));
    return { warmUpMs, sheetMs: performance.now() - t };
  },

  /**
   * 交办导出, the renderer's half: one 交办单 built cold (the first in a fresh page), then a meeting's
   * `count` sheets plus the minutes in a batch, named as the export names them. The bytes go back to
   * the driver (as IPC would carry them to main), which writes and verifies them on disk.
   */
  async documents(count: number) {
    const start = performance.now();
    const bundle = await bigMeeting(count);
    let t = performance.now();
    await buildAssignmentSheet(assignmentSheetData(bundle, bundle.assignments[0]!.id));
    const coldMs = performance.now() - t;
    t = performance.now();
    const built = await meetingDocuments(bundle, { include: ['sheets', 'minutes'] });
    const batchMs = performance.now() - t;
    const t2 = performance.now();
    const sheets = built.documents.filter((d) => d.kind === 'sheet');
    for (const a of bundle.assignments) await buildAssignmentSheet(assignmentSheetData(bundle, a.id));
    const perSheetMs = (performance.now() - t2) / bundle.assignments.length;
    const names = uniqueFileNames(built.documents.map((d) => safeFileName(d.stem, '.docx')));
    const files = built.documents.map((d, i) => ({ fileName: names[i]!, base64: toBase64(d.bytes) }));
    return {
      pageMs: performance.now() - start,
      coldMs,
      batchMs,
      perSheetMs,
      sheets: sheets.length,
      minutes: built.documents.length - sheets.length,
      files,
    };
  },

  /**
   * 签批: `count` draft assignments signed one after another through the app's repository (number,
   * hashes, sign-off, status and chained audit record), each timed; then the check run on start
   * (every signature and the audit chain) over all of them.
   */
  async signing(count: number) {
    const name = `kentan-bench-sign-${Date.now()}`;
    const db = new DeskDb(name);
    const now = Date.now();
    // What a signed snapshot is taken from: meetings of six items, their enterprises, demands with their
    // words, on-site answers, the leaders and departments.
    const meetings: Meeting[] = Array.from({ length: Math.ceil(count / 6) }, (_, m) => ({
      id: `m-${m}`,
      kind: 'reception',
      title: `青溪区第${m + 1}次“民营企业接待日”`,
      edition: m + 1,
      theme: '',
      date: '2026-11-21',
      startTime: '09:00',
      place: '区行政中心',
      level: 'county',
      status: 'signing',
      hostLeaderIds: ['l-1', 'l-2'],
      attendingDeptIds: ['d-1', 'd-2', 'd-3'],
      createdAt: now,
      updatedAt: now,
    }));
    const drafts: Assignment[] = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      meetingId: `m-${Math.floor(i / 6)}`,
      enterpriseId: `e-${i}`,
      concernIds: [`c-${i}`],
      leadLeaderId: 'l-1',
      leadDeptId: 'd-1',
      coDeptIds: ['d-2', 'd-3'],
      instruction: '请张明德同志牵头，召集经济开发区管委会、区财政局，两周内答复企业。',
      dueAt: '2026-12-07',
      status: 'draft',
      createdAt: now + i,
      updatedAt: now + i,
    }));
    await db.transaction(
      'rw',
      [
        db.meetings,
        db.assignments,
        db.enterprises,
        db.concerns,
        db.minuteEntries,
        db.leaders,
        db.departments,
      ],
      async () => {
        await db.meetings.bulkAdd(meetings);
        await db.assignments.bulkAdd(drafts);
        await db.leaders.bulkAdd([
          { id: 'l-1', name: '张明德', title: '区委副书记、区长', order: 1 },
          { id: 'l-2', name: '王立群', title: '区委书记', order: 2 },
        ]);
        await db.departments.bulkAdd(
          ['经济开发区管委会', '区财政局', '区住房和城乡建设局'].map((n, k) => ({
            id: `d-${k + 1}`,
            name: n,
            shortName: n.replace(/^区/, ''),
            aliases: [],
            order: k,
          })),
        );
        await db.enterprises.bulkAdd(
          drafts.map((a, i) => ({
            id: a.enterpriseId,
            name: `临江第${i}号精密制造有限公司`,
            creditCode: '',
            legalRep: '叶振邦',
            contact: '叶振邦',
            contactTitle: '董事长',
            phone: '13812345678',
            industry: '制造业',
            street: '',
            createdAt: now,
            updatedAt: now,
          })),
        );
        await db.minuteEntries.bulkAdd(
          drafts.map((a, i) => ({
            ...entry(a.meetingId, i),
            id: `answer-${i}`,
            role: 'department' as MinuteRole,
            who: '区财政局',
          })),
        );
        await db.concerns.bulkAdd(
          drafts.map((a, i) => ({
            id: `c-${i}`,
            meetingId: a.meetingId,
            enterpriseId: a.enterpriseId,
            kind: 'problem',
            category: '资金补贴',
            urgency: 'urgent',
            verbatim: TEXT.repeat(4),
            summary: '尽快兑现二期厂房建设项目补贴',
            channel: '现场',
            disposition: 'assign',
            minuteEntryIds: [],
            answerEntryIds: [`answer-${i}`],
            precollected: false,
            createdAt: now,
            updatedAt: now,
          })),
        );
      },
    );
    const repo = new SignOffRepository(db);
    const { strokes, png } = signature();
    const times: number[] = [];
    for (const [i, a] of drafts.entries()) {
      const t = performance.now();
      await repo.sign({
        assignmentId: a.id,
        signer: 'l-1',
        strokes,
        png,
        prefix: '青工商联交',
        year: 2026,
        now: now + i,
      });
      times.push(performance.now() - t);
    }
    // The check on start, watched for long tasks: a ping every task measures the longest gap the check
    // leaves the main thread without a turn, and the Long Tasks API names any task over 50 ms.
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    let running = true;
    let longestGap = 0;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const t = performance.now();
      longestGap = Math.max(longestGap, t - last);
      last = t;
      if (running) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    const t = performance.now();
    const { findings: problems, audit } = await repo.verifyAll();
    const verifyMs = performance.now() - t;
    running = false;
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    channel.port1.close();
    db.close();
    await DeskDb.delete(name);
    return {
      times,
      verifyMs,
      longestTaskMs: longestGap,
      longTasks: longTasks.length,
      problems: problems.size,
      auditOk: audit.ok,
      pngBytes: png.length,
    };
  },

  /**
   * A meeting for the live screen, in the app's own database (seeded with ten years first): four speakers
   * waiting and `entries` minute entries already recorded, as after a long session. Resolves with its id.
   */
  async seedLiveMeeting(entries: number, title: string) {
    const db = new DeskDb();
    const [leaders, departments, enterprises] = await Promise.all([
      db.leaders.orderBy('order').toArray(),
      db.departments.orderBy('order').toArray(),
      db.enterprises.limit(4).toArray(),
    ]);
    if (leaders.length === 0 || enterprises.length < 4) throw new Error('先载入领导、部门和企业');
    const now = Date.now();
    const today = new Date(now - new Date(now).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    const meeting: Meeting = {
      id: crypto.randomUUID(),
      kind: 'reception',
      title,
      edition: 9000 + entries,
      theme: '会中记录性能',
      date: today,
      startTime: '09:00',
      place: '区工商联三楼会议室',
      level: 'county',
      status: 'preparing',
      hostLeaderIds: [leaders[0]!.id],
      attendingDeptIds: departments.slice(0, 8).map((d) => d.id),
      createdAt: now,
      updatedAt: now,
    };
    const queue: QueueEntry[] = enterprises.map((e, i) => ({
      id: crypto.randomUUID(),
      meetingId: meeting.id,
      enterpriseId: e.id,
      speaker: e.contact || e.legalRep,
      speakerTitle: e.contactTitle,
      channel: '报名',
      status: 'waiting',
      position: i + 1,
      spokenMs: 0,
    }));
    const minutes = Array.from({ length: entries }, (_, i) => ({
      ...entry(meeting.id, i),
      at: now - (entries - i) * 3000,
      role: ROLES[i % ROLES.length]!,
      text: `${TEXT.repeat(1 + (i % 3))}${i + 1}`,
    }));
    await db.transaction('rw', [db.meetings, db.queueEntries, db.minuteEntries], async () => {
      await db.meetings.add(meeting);
      await db.queueEntries.bulkAdd(queue);
      await db.minuteEntries.bulkAdd(minutes);
    });
    db.close();
    return meeting.id;
  },

  /**
   * Search over every concern and enterprise of the (seeded) app database: the index is built once,
   * then each query is timed `rounds` times.
   */
  async search(queries: string[], rounds: number) {
    const db = new DeskDb();
    const [concerns, enterprises] = await Promise.all([db.concerns.toArray(), db.enterprises.toArray()]);
    db.close();
    const items = [
      ...enterprises.map((e) => ({ text: e.name })),
      ...concerns.map((c) => ({ text: c.summary || c.verbatim })),
    ];
    let t = performance.now();
    const index = createSearchIndex(items, (i) => i.text);
    const buildMs = performance.now() - t;
    const times: number[] = [];
    const hits: Record<string, number> = {};
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        t = performance.now();
        hits[q] = index.search(q, 50).length;
        times.push(performance.now() - t);
      }
    }
    return { items: items.length, buildMs, times, hits };
  },

  /** Ten years of 跟踪督办 (30,000 handed-off items, 100,000 steps) over the ten years' meetings. */
  async seedFollowUpYears() {
    const db = new DeskDb();
    const counts = await seedFollowUpYears(db);
    db.close();
    return counts;
  },

  /**
   * 统计分析 over the ten years above (and over their last year alone): the records read, indexed once
   * (`prepareStats`, done in the screen's worker), then every figure of a period computed `runs` times — the
   * year of one year's data, the ten years of ten years' data, and a month of the ten years.
   */
  async statistics(runs = 30) {
    const db = new DeskDb();
    let t = performance.now();
    const [meetings, queue, concerns, assignments, steps, departments] = await Promise.all([
      db.meetings.toArray(),
      db.queueEntries.toArray(),
      db.concerns.toArray(),
      db.assignments.toArray(),
      db.followUps.toArray(),
      db.departments.toArray(),
    ]);
    const table = await new SettingsRepository(db).holidayTable();
    db.close();
    const loadMs = performance.now() - t;
    const dates = meetings.map((m) => m.date).sort();
    const first = dates[0]!;
    const last = dates.at(-1)!;
    const today = toIsoDate(Date.now());
    const yearFrom = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
    const all: StatsData = { meetings, queue, concerns, assignments, steps, departments };
    const inYear = new Set(meetings.filter((m) => m.date > yearFrom).map((m) => m.id));
    const yearItems = new Set(assignments.filter((a) => inYear.has(a.meetingId)).map((a) => a.id));
    const oneYear: StatsData = {
      meetings: meetings.filter((m) => inYear.has(m.id)),
      queue: queue.filter((q) => inYear.has(q.meetingId)),
      concerns: concerns.filter((c) => inYear.has(c.meetingId)),
      assignments: assignments.filter((a) => yearItems.has(a.id)),
      steps: steps.filter((s) => yearItems.has(s.assignmentId)),
      departments,
    };
    const timed = (prepared: PreparedStats, period: Period) => {
      const times: number[] = [];
      let figures = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const s = computeStats(prepared, { period, today, table });
        times.push(performance.now() - t0);
        figures = s.handedOff.value;
      }
      return { times, handedOff: figures };
    };
    t = performance.now();
    const preparedYear = prepareStats(oneYear);
    const prepareYearMs = performance.now() - t;
    t = performance.now();
    const preparedAll = prepareStats(all);
    const prepareAllMs = performance.now() - t;
    return {
      loadMs,
      records: {
        meetings: meetings.length,
        concerns: concerns.length,
        assignments: assignments.length,
        steps: steps.length,
      },
      yearItems: oneYear.assignments.length,
      prepareYearMs,
      prepareAllMs,
      year: timed(preparedYear, customPeriod(yearFrom, last)),
      tenYears: timed(preparedAll, customPeriod(first, last)),
      month: timed(preparedAll, periodOf('month', last)),
    };
  },

  /**
   * 以月答卷 of the last month of the ten years, as the panel makes it: the month counted in the report worker from
   * what its twelve months can count, the four charts drawn on the page at print resolution, the .docx and the
   * signed exchange package built in the worker. Run twice: the first in a fresh worker, then warm.
   */
  async monthlyReport() {
    const db = new DeskDb();
    const last = (await db.meetings.orderBy('date').last())?.date ?? toIsoDate(Date.now());
    db.close();
    const period = periodOf('month', last);
    const runs: Array<{
      total: number;
      read: number;
      compute: number;
      charts: number;
      docx: number;
      pkg: number;
    }> = [];
    // Run 0: everything after the click in a fresh worker. Run 1: the click after the panel has read the month
    // ahead (as it does while 下一步工作 is written): draw, build, sign.
    for (let i = 0; i < 2; i++) {
      const session = openReportSession();
      const request = { dbName: DESK_DB_NAME, period, today: toIsoDate(Date.now()), caseIds: [] };
      const ahead = i === 1 ? await session.prepare(request) : undefined;
      const t0 = performance.now();
      const prepared = ahead ?? (await session.prepare(request));
      const t1 = performance.now();
      const charts = await chartPngs(prepared.stats, prepared.charts);
      const t2 = performance.now();
      const built = await session.build({
        docNumber: '青工商联报〔2026〕1号',
        nextSteps: '继续做好交办件跟踪督办，按月通报办理情况。',
        charts,
        generatedAt: Date.now(),
        app: 'bench',
      });
      const total = performance.now() - t0;
      session.close();
      runs.push({
        total,
        read: ahead ? 0 : prepared.ms.read,
        compute: ahead ? 0 : prepared.ms.compute,
        charts: t2 - t1,
        docx: built.ms.docx,
        pkg: built.ms.package,
      });
    }
    return { period: period.label, runs };
  },

  /** 台账 of every handed-off item of the ten years, read and built in the ledger worker, with the longest task. */
  async ledgerTenYears() {
    const db = new DeskDb();
    const ids = (await db.assignments.toArray()).filter((a) => a.handedOffAt !== undefined).map((a) => a.id);
    db.close();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    const t = performance.now();
    const result = await runLedgerJob({
      op: 'ledger',
      dbName: DESK_DB_NAME,
      ids,
      filterText: '',
      today: toIsoDate(Date.now()),
    });
    const ms = performance.now() - t;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return {
      ms,
      items: ids.length,
      bytes: result.files[0]?.bytes.byteLength ?? 0,
      longestTask: Math.max(0, ...longTasks),
    };
  },

  /**
   * 数据安全: a full backup of the app's database (dumped and packed in the backup worker) while the secretary types
   * (a draft written every 40 ms, as the composer's saving would at its busiest), with the longest main-thread task
   * meanwhile; then the file checked and restored into a database of its own, timed apart.
   */
  async backupRestore() {
    const typing = new DeskDb();
    const repo = new MinuteRepository(typing);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    let typed = 0;
    let worstLate = 0;
    let worstWrite = 0;
    let stop = false;
    const typist = (async () => {
      while (!stop) {
        const due = performance.now() + 40;
        await new Promise((r) => setTimeout(r, 40));
        worstLate = Math.max(worstLate, performance.now() - due);
        typed += 1;
        const t = performance.now();
        await repo.saveDraft({
          key: 'minutes:bench-typing',
          meetingId: 'bench-typing',
          text: `${TEXT.slice(0, typed % TEXT.length)}`,
          savedAt: Date.now(),
        });
        worstWrite = Math.max(worstWrite, performance.now() - t);
      }
    })();
    const t0 = performance.now();
    const dump = await runBackupJob({
      op: 'dump',
      dbName: DESK_DB_NAME,
      appVersion: 'bench',
      createdAt: Date.now(),
      highWater: {},
    });
    const backupMs = performance.now() - t0;
    stop = true;
    await typist;
    observer.disconnect();
    typing.close();
    const size = dump.bytes.byteLength;
    const target = `kentan-bench-restore-${Date.now()}`;
    const t1 = performance.now();
    const checked = await runBackupJob({ op: 'inspect', dbName: target, bytes: dump.bytes }, [
      dump.bytes.buffer as ArrayBuffer,
    ]);
    const inspectMs = performance.now() - t1;
    if (!checked.ok) throw new Error(checked.error);
    const t2 = performance.now();
    await runBackupJob({ op: 'restore', dbName: target, token: checked.token, highWater: {} });
    const restoreMs = performance.now() - t2;
    await DeskDb.delete(target);
    return {
      backupMs,
      size,
      inspectMs,
      restoreMs,
      chainOk: checked.audit.ok,
      summary: dump.summary,
      records: Object.values(checked.header.counts).reduce((a, b) => a + b, 0),
      longestTask: Math.max(0, ...longTasks),
      over50: longTasks.filter((d) => d > 50).length,
      worstLate,
      worstWrite,
      typed,
    };
  },

  /**
   * 企业名录: the floor of an import's write — `count` directory records added with bare IndexedDB in one transaction,
   * in chunks as the import writes them, into a database of their own (the app writes the same records through its
   * repository, in the import worker, with the duplicate checks and the list handed back).
   */
  async directoryBareWrite(count: number, chunk = 4000) {
    const name = `kentan-bench-directory-${Date.now()}`;
    const db = new DeskDb(name);
    await db.open();
    db.close();
    const raw = await openRaw(name);
    const now = Date.now();
    const records = Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      name: `临江第${i}号精密制造有限公司`,
      creditCode: `91339901${String(i).padStart(10, '0')}`,
      legalRep: '张建国',
      contact: '李晓梅',
      contactTitle: '总经理',
      phone: `138${String(i).padStart(8, '0')}`,
      industry: '制造业',
      street: '新乐镇',
      createdAt: now,
      updatedAt: now,
    }));
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('enterprises', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('enterprises');
      const next = (from: number): void => {
        let last: IDBRequest | undefined;
        for (const r of records.slice(from, from + chunk)) last = store.add(r);
        if (last && from + chunk < count) last.onsuccess = () => next(from + chunk);
      };
      next(0);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const ms = performance.now() - t;
    raw.close();
    await DeskDb.delete(name);
    return { ms };
  },

  /** Fill the app's database with ten years of data. */
  async seedTenYears() {
    const db = new DeskDb();
    const counts = await seedTenYears(db, TEN_YEARS);
    db.close();
    return counts;
  },

  /**
   * Enter → entry durable: `rounds` commits through the app's repository (entry + draft cleared in one
   * strict transaction) into a meeting that already holds `existing` entries, and as a floor the same
   * number of bare IndexedDB puts of the same records, interleaved so both see the same machine.
   */
  async minuteCommit(existing: number, rounds: number) {
    const name = `kentan-bench-${Date.now()}`;
    const db = new DeskDb(name);
    const meetingId = 'bench-meeting';
    await db.minuteEntries.bulkAdd(Array.from({ length: existing }, (_, i) => entry(meetingId, i)));
    const repo = new MinuteRepository(db);
    const raw = await openRaw(name);
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const draftKey = `minutes:${meetingId}`;
      await repo.saveDraft({ key: draftKey, meetingId, text: TEXT, savedAt: Date.now() });
      let t = performance.now();
      await repo.append(entry(meetingId, existing + i), draftKey);
      app.push(performance.now() - t);
      const record = entry(`${meetingId}-bare`, i);
      t = performance.now();
      await rawPut(raw, 'minuteEntries', record);
      bare.push(performance.now() - t);
    }
    raw.close();
    db.close();
    await DeskDb.delete(name);
    return { app, bare };
  },
};

declare global {
  interface Window {
    deskBench: typeof bench;
  }
}
window.deskBench = bench;
