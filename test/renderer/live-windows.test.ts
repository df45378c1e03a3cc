// Two windows on one live meeting (issue 15): a step saved in one (下一位, a reply, 结束会议) is read again by the other
// at once, and a failed save says in Chinese what to do.
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRepository } from '../../renderer/db/repositories/live';
import { useLiveStore } from '../../renderer/stores/live';
import { enterWindow, freshDemoForWindows, resetWindows } from './window-helpers';

let meeting = '';
const meetingId = () => meeting;
const opened: ReturnType<typeof useLiveStore>[] = [];

beforeEach(async () => {
  ({ meetingId: meeting } = await freshDemoForWindows());
});
afterEach(() => {
  for (const live of opened.splice(0)) live.close();
  resetWindows();
  vi.restoreAllMocks();
});

async function openWindow(id: string) {
  setActivePinia(createPinia());
  enterWindow(id);
  const live = useLiveStore();
  opened.push(live);
  expect(await live.open(meetingId())).toBe(true);
  return live;
}

describe('two windows on one live meeting', () => {
  it('a step in one shows in the other at once', async () => {
    const a = await openWindow('A');
    const b = await openWindow('B');
    await a.start();
    await vi.waitFor(() => expect(b.isLive).toBe(true));
    expect(b.current?.speaker).toBe('孙立伟');
    await a.next();
    await vi.waitFor(() => expect(b.current?.speaker).toBe('郑浩然'));
    await a.beginReply('department', '区财政局');
    await vi.waitFor(() => expect(b.floor.reply?.who).toBe('区财政局'));
    // B's next step starts from the state A left.
    await a.endReply();
    await vi.waitFor(() => expect(b.floor.reply).toBeUndefined());
    await b.next();
    await vi.waitFor(() => expect(a.current?.speaker).toBe('林子涵'));
    expect(a.finished.map((e) => e.speaker)).toEqual(['孙立伟', '郑浩然']);
    await a.end();
    await vi.waitFor(() => expect(b.isOver).toBe(true));
  });

  it('a failed save says in Chinese what happened and changes nothing on screen', async () => {
    const a = await openWindow('A');
    vi.spyOn(LiveRepository.prototype, 'save').mockRejectedValueOnce(
      new DOMException('Connection is closing because of: IO error: FILE_ERROR_NO_SPACE', 'UnknownError'),
    );
    await expect(a.start()).rejects.toThrow(
      '磁盘空间不足，这一步没有保存：请清理磁盘（删除不用的文件、清空回收站）后再操作一次。',
    );
    expect(a.isLive).toBe(false);
    await a.start();
    expect(a.isLive).toBe(true);
  });
});
