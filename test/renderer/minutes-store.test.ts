import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repositories, type DeskDb } from '../../renderer/db';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { MinuteRepository } from '../../renderer/db/repositories/minutes';
import {
  DRAFT_DEBOUNCE_MS,
  minutesDraftKey,
  minutesEditDraftKey,
  recoveryMessage,
  useMinutesStore,
} from '../../renderer/stores/minutes';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import { counterIds, freshDatabase } from './db-helpers';
import { fillDisk } from './storage-helpers';
import { enterWindow, resetWindows } from './window-helpers';

let db: DeskDb;
let demo: DemoDataset;

/** The window every store of these tests belongs to (two-window tests: minutes-windows.test.ts). */
const WIN = 'win-1';

beforeEach(async () => {
  resetWindows();
  enterWindow(WIN);
  db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const upcoming = () => demo.meetings.find((m) => m.edition === 15)!;
const past = () => demo.meetings.find((m) => m.edition === 14)!;
const department = (shortName: string) => demo.departments.find((d) => d.shortName === shortName)!;
/** Lets fake-indexeddb (setImmediate, never faked here) finish what is under way. */
const settle = async (rounds = 20) => {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
};
const draftOf = (meetingId: string) => db.drafts.get(minutesDraftKey(meetingId, WIN));

async function openMeeting(id = upcoming().id) {
  const store = useMinutesStore();
  await store.load(id);
  return store;
}

describe('useMinutesStore: committing', () => {
  it('loads a meeting’s entries in time order', async () => {
    const store = await openMeeting(past().id);
    expect(store.entries).toHaveLength(10);
    const times = store.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('writes the entry durably before the composer clears, and deletes the draft with it', async () => {
    const store = await openMeeting();
    store.setDefaultSpeaker('entrepreneur', { who: '许家豪', whoId: 'ent-1' });
    store.setText('  试点的财政奖补资金到现在还没拨下来\n公司垫了一千多万  ');
    await store.flushDrafts();
    expect((await draftOf(upcoming().id))?.text).toContain('财政奖补');

    const original = MinuteRepository.prototype.append;
    const seenDuringWrite: string[] = [];
    vi.spyOn(MinuteRepository.prototype, 'append').mockImplementation(async function (
      this: MinuteRepository,
      ...args
    ) {
      await original.apply(this, args);
      // The transaction has completed: the composer has not been cleared yet.
      seenDuringWrite.push(store.text);
    });
    const entry = await store.commit();
    expect(entry).toBeDefined();
    expect(seenDuringWrite).toEqual(['  试点的财政奖补资金到现在还没拨下来\n公司垫了一千多万  ']);
    expect(store.text).toBe('');
    const stored = await db.minuteEntries.get(entry!.id);
    expect(stored).toMatchObject({
      meetingId: upcoming().id,
      role: 'entrepreneur',
      who: '许家豪',
      whoId: 'ent-1',
      text: '试点的财政奖补资金到现在还没拨下来\n公司垫了一千多万',
      history: [],
    });
    expect(await draftOf(upcoming().id)).toBeUndefined();
    expect(store.entries.at(-1)?.id).toBe(entry!.id);
  });

  it('marks the durable commit for the benchmark', async () => {
    const store = await openMeeting();
    performance.clearMarks('desk:minute-committed');
    store.setText('好');
    await store.commit();
    expect(performance.getEntriesByName('desk:minute-committed')).toHaveLength(1);
  });

  it('commits nothing for empty or blank text', async () => {
    const store = await openMeeting();
    store.setText('  \n ');
    expect(await store.commit()).toBeUndefined();
    expect(await db.minuteEntries.where('meetingId').equals(upcoming().id).count()).toBe(0);
    expect(store.text).toBe('  \n ');
  });

  it('keeps the text and says why when the write fails, and the draft still gets saved', async () => {
    const store = await openMeeting();
    store.setText('银行抽贷断贷的问题还是存在');
    vi.spyOn(MinuteRepository.prototype, 'append').mockRejectedValueOnce(
      new DOMException('The transaction was aborted.', 'QuotaExceededError'),
    );
    expect(await store.commit()).toBeUndefined();
    expect(store.text).toBe('银行抽贷断贷的问题还是存在');
    expect(store.error).toBe(
      '磁盘空间不足，这条记录没有保存：请清理磁盘（删除不用的文件、清空回收站）后再按回车，已输入的文字仍在输入框中。',
    );
    await store.flushDrafts();
    expect((await draftOf(upcoming().id))?.text).toBe('银行抽贷断贷的问题还是存在');
    // The retry works and clears the message.
    expect(await store.commit()).toBeDefined();
    expect(store.error).toBe('');
    expect(store.text).toBe('');
  });

  it('keeps what was typed while the entry was being written', async () => {
    const store = await openMeeting();
    store.setText('第一句');
    const pending = store.commit();
    store.setText('第一句\n第二');
    await pending;
    expect(store.text).toBe('第二');
    await store.flushDrafts();
    expect((await draftOf(upcoming().id))?.text).toBe('第二');
  });

  it('never lets a draft write queued before a commit bring the committed text back', async () => {
    const store = await openMeeting();
    store.setText('甲');
    void store.flushDrafts();
    store.setText('甲乙');
    void store.flushDrafts(); // queued behind the first write
    await store.commit();
    await settle();
    expect(await draftOf(upcoming().id)).toBeUndefined();
  });

  it('tags the entry with the role and the department picked', async () => {
    const store = await openMeeting();
    store.setRole('department');
    expect(store.speaker.who).toBe('部门');
    const czj = department('财政局');
    store.pickSpeaker('department', { who: czj.name, whoId: czj.id });
    store.setText('我们争取本月底前拨付到位。');
    const entry = await store.commit();
    expect(entry).toMatchObject({ role: 'department', who: '区财政局', whoId: czj.id });
    // Outside a reply the next entry is the entrepreneur's again; the department stays picked for its next answer.
    expect(store.role).toBe('entrepreneur');
    store.setRole('department');
    expect(store.speaker.who).toBe('区财政局');
  });

  it('defaults the leader to the meeting’s hosting leader and the host to its name', async () => {
    const store = await openMeeting();
    store.setRole('leader');
    const host = demo.leaders.find((l) => l.id === upcoming().hostLeaderIds[0])!;
    expect(store.speaker).toEqual({ who: host.name, whoId: host.id });
    store.setDefaultSpeaker('host', { who: '孙海燕' });
    store.setRole('host');
    expect(store.speaker.who).toBe('孙海燕');
  });

  it('drops a pick for the entrepreneur when the next speaker takes the floor', async () => {
    const store = await openMeeting();
    store.setDefaultSpeaker('entrepreneur', { who: '许家豪', whoId: 'a' });
    store.pickSpeaker('entrepreneur', { who: '许家豪的财务总监' });
    expect(store.speaker.who).toBe('许家豪的财务总监');
    store.setDefaultSpeaker('entrepreneur', { who: '叶振邦', whoId: 'b' });
    expect(store.speaker).toEqual({ who: '叶振邦', whoId: 'b' });
  });
});

describe('useMinutesStore: storage failures (issue 15)', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('while the disk is full Enter says so and keeps the text; once space is back the next Enter works', async () => {
    const store = await openMeeting();
    store.setText('磁盘满了也不能丢的一句');
    const freeSpace = fillDisk(db);
    expect(await store.commit()).toBeUndefined();
    expect(store.error).toBe(
      '数据库暂时无法读写（多半是磁盘已满或磁盘出错），这条记录没有保存：请检查并清理磁盘后再按回车，已输入的文字仍在输入框中。',
    );
    expect(store.text).toBe('磁盘满了也不能丢的一句');
    expect(await store.commit()).toBeUndefined();
    freeSpace();
    const entry = await store.commit();
    expect(entry?.text).toBe('磁盘满了也不能丢的一句');
    expect(store.error).toBe('');
    expect(await db.minuteEntries.get(entry!.id)).toBeDefined();
  });

  it('a draft that cannot be written says so, retries by itself, and the message goes once it is written', async () => {
    const store = await openMeeting();
    vi.spyOn(MinuteRepository.prototype, 'saveDraft').mockRejectedValueOnce(quota());
    store.setText('草稿写不进去');
    await store.flushDrafts();
    expect(store.draftStatus).toBe('failed');
    expect(store.error).toBe(
      '磁盘空间不足，草稿没有保存：请清理磁盘（删除不用的文件、清空回收站），本窗口会自动重试，已输入的文字仍在输入框中，请不要关闭窗口。',
    );
    await store.flushDrafts(); // the retry
    expect(store.draftStatus).toBe('saved');
    expect(store.error).toBe('');
    expect((await draftOf(upcoming().id))?.text).toBe('草稿写不进去');
  });

  it('the draft’s retries do not hide why Enter failed', async () => {
    const store = await openMeeting();
    store.setText('回车没保存的一句');
    vi.spyOn(MinuteRepository.prototype, 'append').mockRejectedValueOnce(quota());
    vi.spyOn(MinuteRepository.prototype, 'saveDraft').mockRejectedValueOnce(quota());
    expect(await store.commit()).toBeUndefined();
    const why = store.error;
    expect(why).toContain('这条记录没有保存');
    await store.flushDrafts();
    expect(store.draftStatus).toBe('failed');
    expect(store.error).toBe(why);
    await store.flushDrafts(); // the retry goes through; nothing is left waiting for the next test
    expect(store.draftStatus).toBe('saved');
    expect(store.error).toBe(why);
  });
});

describe('useMinutesStore: the draft', () => {
  it('is saved once typing pauses, well within a second of the last key', async () => {
    const store = await openMeeting();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    for (const text of ['企', '企业', '企业家']) {
      store.setText(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(await draftOf(upcoming().id)).toBeUndefined();
    expect(store.draftStatus).toBe('pending');
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS - 100);
    await settle();
    expect((await draftOf(upcoming().id))?.text).toBe('企业家');
    expect(store.draftStatus).toBe('saved');
  });

  it('is saved at least every second while typing never pauses', async () => {
    const store = await openMeeting();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let typed = '';
    const savedBy: Array<{ typedAt: number; text: string }> = [];
    for (let i = 0; i < 30; i++) {
      typed += '字';
      store.setText(typed);
      savedBy.push({ typedAt: i * 100, text: typed });
      await vi.advanceTimersByTimeAsync(100);
      await settle(5);
      // Every key typed a second ago or more is in the database.
      const onDisk = (await draftOf(upcoming().id))?.text ?? '';
      const due = savedBy.filter((k) => k.typedAt <= i * 100 + 100 - 1000);
      for (const k of due) expect(onDisk.length).toBeGreaterThanOrEqual(k.text.length);
    }
  });

  it('is written at once on flush (blur, hidden window) and marks it for the benchmark', async () => {
    const store = await openMeeting();
    performance.clearMarks('desk:draft-saved');
    store.setText('半句话');
    await store.flushDrafts();
    expect((await draftOf(upcoming().id))?.text).toBe('半句话');
    expect(performance.getEntriesByName('desk:draft-saved')).toHaveLength(1);
  });

  it('is deleted when the text is emptied by hand', async () => {
    const store = await openMeeting();
    store.setText('写错了');
    await store.flushDrafts();
    store.setText('');
    await store.flushDrafts();
    expect(await draftOf(upcoming().id)).toBeUndefined();
  });

  it('comes back on opening the meeting, with role, who and a notice', async () => {
    const czj = department('财政局');
    await repositories().minutes.saveDraft({
      key: minutesDraftKey(upcoming().id),
      meetingId: upcoming().id,
      text: '这笔资金市级部分已经到区里',
      role: 'department',
      who: czj.name,
      // 09:26:05 in China, whatever zone the machine running the test is set to.
      savedAt: Date.UTC(2026, 10, 22, 1, 26, 5),
    });
    const store = await openMeeting();
    expect(store.text).toBe('这笔资金市级部分已经到区里');
    expect(store.role).toBe('department');
    expect(store.speaker).toEqual({ who: '区财政局', whoId: czj.id });
    expect(store.notices).toHaveLength(1);
    expect(recoveryMessage(store.notices[0]!)).toBe('已恢复上次未提交的文字（13字，保存于 09:26:05）');
    const entry = await store.commit();
    expect(entry?.whoId).toBe(czj.id);
    expect(store.notices).toHaveLength(0);
  });

  it('is written for the meeting left behind before another one opens', async () => {
    const store = await openMeeting();
    store.setText('上一个会议的半句');
    await store.load(past().id);
    expect((await draftOf(upcoming().id))?.text).toBe('上一个会议的半句');
    expect(store.text).toBe('');
  });
});

describe('useMinutesStore: corrections', () => {
  it('corrects an entry in place and keeps every earlier wording in its history', async () => {
    const store = await openMeeting();
    store.setText('专线接电排期太长');
    const entry = (await store.commit())!;
    expect(await store.edit(entry.id, '专线接电排期太长，每个月损失几十万')).toBe(true);
    expect(await store.edit(entry.id, '专线接电排期太长，每个月损失五十万')).toBe(true);
    const stored = (await db.minuteEntries.get(entry.id))!;
    expect(stored.text).toBe('专线接电排期太长，每个月损失五十万');
    expect(stored.history.map((h) => h.text)).toEqual([
      '专线接电排期太长',
      '专线接电排期太长，每个月损失几十万',
    ]);
    expect(store.entries.find((e) => e.id === entry.id)).toEqual(stored);
  });

  it('refuses an empty correction and keeps the original', async () => {
    const store = await openMeeting();
    store.setText('原话');
    const entry = (await store.commit())!;
    expect(await store.edit(entry.id, '   ')).toBe(false);
    expect(store.editError).toContain('不能为空');
    expect((await db.minuteEntries.get(entry.id))!.text).toBe('原话');
  });

  it('saves the correction being typed as a draft and brings it back after a restart', async () => {
    const store = await openMeeting();
    store.setText('原话');
    const entry = (await store.commit())!;
    await store.startEdit(entry.id);
    store.setEditText('原话，改了一半');
    await store.flushDrafts();
    expect((await db.drafts.get(minutesEditDraftKey(upcoming().id, entry.id, WIN)))?.text).toBe(
      '原话，改了一半',
    );

    const again = await openMeeting(past().id).then(() => openMeeting());
    expect(again.editing).toEqual({
      entryId: entry.id,
      text: '原话，改了一半',
      role: 'entrepreneur',
      who: '企业家',
    });
    expect(again.notices.map((n) => n.kind)).toEqual(['edit']);
    expect(await again.saveEdit()).toBe(true);
    expect(await db.drafts.get(minutesEditDraftKey(upcoming().id, entry.id, WIN))).toBeUndefined();
    expect((await db.minuteEntries.get(entry.id))!.history.map((h) => h.text)).toEqual(['原话']);
  });

  it('cancelling a correction leaves the entry and its history untouched', async () => {
    const store = await openMeeting();
    store.setText('原话');
    const entry = (await store.commit())!;
    await store.startEdit(entry.id);
    store.setEditText('不要了');
    await store.flushDrafts();
    await store.cancelEdit();
    expect(store.editing).toBeUndefined();
    expect(await db.minuteEntries.get(entry.id)).toMatchObject({ text: '原话', history: [] });
    expect(await db.drafts.get(minutesEditDraftKey(upcoming().id, entry.id, WIN))).toBeUndefined();
  });

  it('links an entry to the concern made from it', async () => {
    const store = await openMeeting();
    store.setText('园区道路没有路灯');
    const entry = (await store.commit())!;
    await store.linkConcern(entry.id, 'concern-9');
    expect((await db.minuteEntries.get(entry.id))!.concernId).toBe('concern-9');
    expect(store.entries.at(-1)!.concernId).toBe('concern-9');
  });
});

describe('useMinutesStore: who said it follows the floor', () => {
  const speaker = { who: '孙立伟', whoId: 'ent-1' };
  const rsj = () => ({
    role: 'department' as const,
    who: '区人力资源和社会保障局',
    whoId: department('人社局').id,
  });

  it('during a reply the entry is the answering department’s; after it, the speaker’s again', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker });
    expect(store.role).toBe('entrepreneur');
    expect(store.speaker).toEqual(speaker);
    store.setFloor({ speaker, reply: rsj() });
    expect(store.role).toBe('department');
    expect(store.speaker).toEqual({ who: '区人力资源和社会保障局', whoId: rsj().whoId });
    store.setText('人社局这边下个月办专场招聘会');
    const answer = await store.commit();
    expect(answer).toMatchObject({ role: 'department', who: '区人力资源和社会保障局', whoId: rsj().whoId });
    // Still the department's floor: the next paragraph is theirs too.
    expect(store.role).toBe('department');
    // The entrepreneur's follow-up, then back to the department.
    store.setRole('entrepreneur');
    store.setText('能不能放在三月');
    expect(await store.commit()).toMatchObject({ role: 'entrepreneur', who: '孙立伟' });
    expect(store.role).toBe('department');
    store.setFloor({ speaker });
    expect(store.role).toBe('entrepreneur');
    expect(store.speaker).toEqual(speaker);
  });

  it('words typed when the floor moves keep their speaker; the move applies once they are committed', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker });
    store.setText('我们旺季缺一百多人');
    store.setFloor({ speaker, reply: rsj() });
    expect(store.role).toBe('entrepreneur');
    expect(store.speaker).toEqual(speaker);
    expect(store.pendingFloorNote).toBe('部门 区人力资源和社会保障局');
    expect(await store.commit()).toMatchObject({ role: 'entrepreneur', who: '孙立伟' });
    expect(store.pendingFloor).toBeUndefined();
    expect(store.role).toBe('department');
    expect(store.speaker.who).toBe('区人力资源和社会保障局');

    // The reply ends and the next speaker takes the floor while the department's words are half typed: they
    // stay the department's.
    store.setText('人社局这边');
    store.setFloor({ speaker: { who: '郑浩然', whoId: 'ent-2' } });
    expect(store.speaker.who).toBe('区人力资源和社会保障局');
    // The secretary says these words are the new floor's after all.
    store.followFloorNow();
    expect(store.role).toBe('entrepreneur');
    expect(store.speaker).toEqual({ who: '郑浩然', whoId: 'ent-2' });
    expect(store.text).toBe('人社局这边');
  });

  it('a 部门 or 领导 entry outside a reply hands the next one back to 企业家, unless the role was changed meanwhile', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker });
    store.setRole('leader');
    store.setText('请人社局牵头');
    await store.commit();
    expect(store.role).toBe('entrepreneur');
    expect(store.speaker).toEqual(speaker);

    store.setRole('department');
    store.setText('我们来牵头');
    const writing = store.commit();
    store.setRole('host'); // chosen while the entry is being written
    await writing;
    expect(store.role).toBe('host');
  });

  it('a reply going on when the meeting is opened again is where the composer starts', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker, reply: rsj() });
    await store.load(upcoming().id);
    expect(store.role).toBe('department');
    expect(store.speaker.who).toBe('区人力资源和社会保障局');
  });
});

describe('useMinutesStore: correcting who said it', () => {
  it('changes role and speaker of an entry and keeps the earlier ones in its history', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker: { who: '孙立伟', whoId: 'ent-1' } });
    store.setText('人社局这边下个月办专场招聘会');
    const entry = (await store.commit())!;
    await store.startEdit(entry.id);
    expect(store.editing).toMatchObject({ role: 'entrepreneur', who: '孙立伟', whoId: 'ent-1' });
    store.setEditRole('department');
    expect(store.editing).toMatchObject({ role: 'department', who: '部门' });
    expect(store.editing?.whoId).toBeUndefined();
    const rsj = department('人社局');
    store.setEditSpeaker({ who: rsj.name, whoId: rsj.id });
    expect(await store.saveEdit()).toBe(true);
    const saved = (await db.minuteEntries.get(entry.id))!;
    expect(saved).toMatchObject({
      role: 'department',
      who: '区人力资源和社会保障局',
      whoId: rsj.id,
      text: '人社局这边下个月办专场招聘会',
    });
    expect(saved.history).toEqual([
      {
        text: '人社局这边下个月办专场招聘会',
        role: 'entrepreneur',
        who: '孙立伟',
        whoId: 'ent-1',
        editedAt: expect.any(Number),
      },
    ]);
    expect(store.entries.at(-1)).toEqual(saved);
  });

  it('refuses an empty speaker, and going back to the entry’s role brings back its speaker', async () => {
    const store = await openMeeting();
    store.setFloor({ speaker: { who: '孙立伟', whoId: 'ent-1' } });
    store.setText('原话');
    const entry = (await store.commit())!;
    await store.startEdit(entry.id);
    store.setEditRole('leader');
    store.setEditRole('entrepreneur');
    expect(store.editing).toMatchObject({ who: '孙立伟', whoId: 'ent-1' });
    expect(await store.edit(entry.id, '原话', { role: 'host', who: '  ' })).toBe(false);
    expect(store.editError).toBe('请填写发言人；原记录保留不变。');
    expect(await db.minuteEntries.get(entry.id)).toMatchObject({ role: 'entrepreneur', history: [] });
  });

  it('a correction of the speaker in progress is drafted and comes back after a restart', async () => {
    const store = await openMeeting();
    store.setText('原话');
    const entry = (await store.commit())!;
    await store.startEdit(entry.id);
    const czj = department('财政局');
    store.setEditRole('department');
    store.setEditSpeaker({ who: czj.name, whoId: czj.id });
    await store.flushDrafts();
    const again = await openMeeting(past().id).then(() => openMeeting());
    expect(again.editing).toEqual({
      entryId: entry.id,
      text: '原话',
      role: 'department',
      who: '区财政局',
      whoId: czj.id,
    });
    expect(again.notices.map((n) => n.kind)).toEqual(['edit']);
  });
});
