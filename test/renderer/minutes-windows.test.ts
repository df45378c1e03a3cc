// Two windows on one meeting (issue 15, 数据安全): each window's draft is its own, an Enter deletes only its own, the
// drafts of windows that are gone are adopted by the next window that opens the meeting, and what one window commits
// the other shows at once. Each window here is a Pinia of its own with its own window identity.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DeskDb } from '../../renderer/db';
import { MinuteRepository } from '../../renderer/db/repositories/minutes';
import {
  mergeComposerDrafts,
  minutesDraftKey,
  minutesEditDraftKey,
  parseMinutesDraftKey,
  recoveryMessage,
  useMinutesStore,
} from '../../renderer/stores/minutes';
import type { Draft } from '../../shared/domain/types';
import { aliveWindows, enterWindow, freshDemoForWindows, resetWindows } from './window-helpers';

let db: DeskDb;
let meeting = '';
const meetingId = () => meeting;
const keysOf = async () => (await db.drafts.where('meetingId').equals(meetingId()).primaryKeys()).sort();

beforeEach(async () => {
  ({ db, meetingId: meeting } = await freshDemoForWindows());
});
afterEach(() => {
  resetWindows();
  vi.restoreAllMocks();
});

/** A window (its own Pinia and identity) with the meeting open. */
async function openWindow(id: string) {
  setActivePinia(createPinia());
  const identity = enterWindow(id);
  const store = useMinutesStore();
  await store.load(meetingId());
  return { store, identity };
}

/** The whole browser is killed: no window is alive any more, nothing was flushed after the last write. */
const killBrowser = () => aliveWindows.clear();

describe('minutes draft keys', () => {
  it('name the meeting, the window and the corrected entry; older keys name no window', () => {
    expect(minutesDraftKey('m1', 'w1')).toBe('minutes:m1@w1');
    expect(minutesEditDraftKey('m1', 'e1', 'w1')).toBe('minutes:m1@w1:edit:e1');
    expect(parseMinutesDraftKey('minutes:m1@w1:edit:e1')).toEqual({
      meetingId: 'm1',
      windowId: 'w1',
      entryId: 'e1',
    });
    expect(parseMinutesDraftKey('minutes:m1@w1')).toEqual({ meetingId: 'm1', windowId: 'w1' });
    expect(parseMinutesDraftKey('minutes:m1')).toEqual({ meetingId: 'm1' });
    expect(parseMinutesDraftKey('minutes:m1:edit:e1')).toEqual({ meetingId: 'm1', entryId: 'e1' });
    expect(parseMinutesDraftKey('follow-up:a1:reply')).toBeUndefined();
  });

  it('merging puts this window’s words first, then the others’ in the order they were saved', () => {
    const d = (key: string, text: string, savedAt: number, who?: string): Draft => ({
      key,
      meetingId: 'm',
      text,
      savedAt,
      role: 'entrepreneur',
      ...(who ? { who } : {}),
    });
    const merged = mergeComposerDrafts('minutes:m@me', 'm', d('minutes:m@me', '我的\n', 5, '甲'), [
      d('minutes:m@b', '后存的', 9),
      d('minutes:m@a', '先存的  ', 3),
      d('minutes:m@c', '   ', 4),
    ]);
    expect(merged).toEqual({
      key: 'minutes:m@me',
      meetingId: 'm',
      text: '我的\n先存的\n后存的',
      role: 'entrepreneur',
      who: '甲',
      savedAt: 9,
    });
    expect(mergeComposerDrafts('k', 'm', undefined, [d('x', ' ', 1)])).toBeUndefined();
  });
});

describe('two windows on one meeting', () => {
  it('keep a draft each; an Enter deletes only its own, and the other window keeps typing', async () => {
    const a = await openWindow('A');
    const b = await openWindow('B');
    a.store.setText('甲窗口：厂房租金太高');
    b.store.setText('乙窗口：融资难的问题');
    await Promise.all([a.store.flushDrafts(), b.store.flushDrafts()]);
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'A'), minutesDraftKey(meetingId(), 'B')]);

    expect(await a.store.commit()).toBeDefined();
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'B')]);
    expect((await db.drafts.get(minutesDraftKey(meetingId(), 'B')))?.text).toBe('乙窗口：融资难的问题');
    expect(b.store.text).toBe('乙窗口：融资难的问题');
  });

  it('what one window commits the other shows at once, without touching its composer', async () => {
    const a = await openWindow('A');
    const b = await openWindow('B');
    b.store.setText('乙窗口正在输入');
    const read = vi.spyOn(MinuteRepository.prototype, 'listForMeeting');

    a.store.setText('甲窗口提交的一条');
    const entry = await a.store.commit();
    await vi.waitFor(() => expect(b.store.entries.map((e) => e.id)).toContain(entry!.id));
    expect(b.store.text).toBe('乙窗口正在输入');
    // Only the commit made the other window read: typing sends nothing.
    const reads = read.mock.calls.length;
    b.store.setText('乙窗口正在输入，又多了几个字');
    await b.store.flushDrafts();
    await new Promise((r) => setTimeout(r, 30));
    expect(read.mock.calls.length).toBe(reads);

    // A correction in one window shows in the other too; rows that did not change keep their objects.
    const before = b.store.entries.filter((e) => e.id !== entry!.id);
    expect(await a.store.edit(entry!.id, '甲窗口改过的一条')).toBe(true);
    await vi.waitFor(() =>
      expect(b.store.entries.find((e) => e.id === entry!.id)?.text).toBe('甲窗口改过的一条'),
    );
    expect(b.store.entries.filter((e) => e.id !== entry!.id)).toEqual(before);
    before.forEach((e, i) => expect(b.store.entries.filter((x) => x.id !== entry!.id)[i]).toBe(e));
  });

  it('after the browser is killed, the next window brings back both windows’ drafts and takes them over', async () => {
    const a = await openWindow('A');
    const b = await openWindow('B');
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 22, 1, 0, 0));
    a.store.setText('甲窗口没按回车的半句');
    await a.store.flushDrafts();
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 10, 22, 1, 0, 7));
    b.store.setText('乙窗口没按回车的半句');
    await b.store.flushDrafts();
    vi.restoreAllMocks();
    killBrowser();

    const c = await openWindow('C');
    expect(c.store.text).toBe('甲窗口没按回车的半句\n乙窗口没按回车的半句');
    expect(c.store.notices).toHaveLength(1);
    expect(recoveryMessage(c.store.notices[0]!)).toBe(
      '已恢复 2 个窗口未提交的文字，已按保存先后分行合并（21字，保存于 09:00:07）',
    );
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'C')]);
    // The next window finds nothing left to adopt; C's Enter clears the last draft.
    const d = await openWindow('D');
    expect(d.store.text).toBe('');
    await c.store.commit();
    expect(await keysOf()).toEqual([]);
  });

  it('a reloaded window (same id) gets its own draft back, with the drafts of windows that are gone', async () => {
    const a = await openWindow('A');
    a.store.setText('甲窗口的');
    await a.store.flushDrafts();
    const b = await openWindow('B');
    b.store.setText('乙窗口的');
    await b.store.flushDrafts();
    b.identity.close(); // B closed

    const again = await openWindow('A'); // A reloaded: same id
    expect(again.store.text).toBe('甲窗口的\n乙窗口的');
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'A')]);
  });

  it('never takes the draft of a window that is still open', async () => {
    const a = await openWindow('A');
    a.store.setText('甲窗口还开着');
    await a.store.flushDrafts();
    const b = await openWindow('B');
    expect(b.store.text).toBe('');
    expect(b.store.notices).toEqual([]);
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'A')]);
  });

  it('adopts a draft of an older version (no window in its key)', async () => {
    await db.drafts.put({
      key: minutesDraftKey(meetingId()),
      meetingId: meetingId(),
      text: '旧版本留下的半句',
      role: 'entrepreneur',
      savedAt: 1,
    });
    const a = await openWindow('A');
    expect(a.store.text).toBe('旧版本留下的半句');
    expect(await keysOf()).toEqual([minutesDraftKey(meetingId(), 'A')]);
  });

  it('two windows opening the meeting at the same moment adopt an orphan once', async () => {
    await db.drafts.put({
      key: minutesDraftKey(meetingId(), 'gone'),
      meetingId: meetingId(),
      text: '崩溃前的半句',
      savedAt: 1,
    });
    setActivePinia(createPinia());
    enterWindow('C');
    const c = useMinutesStore();
    setActivePinia(createPinia());
    enterWindow('D');
    const d = useMinutesStore();
    await Promise.all([c.load(meetingId()), d.load(meetingId())]);
    expect([c.text, d.text].sort()).toEqual(['', '崩溃前的半句']);
    expect(await keysOf()).toHaveLength(1);
  });

  it('a correction being typed in a window that is gone comes back in the next', async () => {
    const a = await openWindow('A');
    a.store.setText('原话');
    const entry = (await a.store.commit())!;
    await a.store.startEdit(entry.id);
    a.store.setEditText('原话，改了一半');
    await a.store.flushDrafts();
    expect(await keysOf()).toEqual([minutesEditDraftKey(meetingId(), entry.id, 'A')]);
    killBrowser();

    const c = await openWindow('C');
    expect(c.store.editing).toMatchObject({ entryId: entry.id, text: '原话，改了一半' });
    expect(await keysOf()).toEqual([minutesEditDraftKey(meetingId(), entry.id, 'C')]);
    expect(await c.store.saveEdit()).toBe(true);
    expect(await keysOf()).toEqual([]);
  });
});
