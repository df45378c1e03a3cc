import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';
import type { LiveBroadcast } from '../../shared/domain/live';
import {
  createLivePublisher,
  liveChannelName,
  readLiveBroadcast,
  readLiveMessage,
  subscribeLive,
} from '../../renderer/projector/projector-channel';
import { SINGLE_DISPLAY_NOTICE, openProjector } from '../../renderer/projector/open-projector';
import { createBrowserDesk } from '../../renderer/bridge/browser-desk';
import type { DeskApi } from '../../shared/ipc/contract';

// happy-dom has no BroadcastChannel; Node (18+) has one that behaves the same between instances.
const Channel = globalThis.BroadcastChannel;

const MEETING = 'meeting-0001';

const state = (over: Partial<LiveBroadcast> = {}): LiveBroadcast => ({
  meetingId: MEETING,
  title: '青溪区第15次“民营企业接待日”',
  theme: '企业融资与项目建设',
  current: {
    enterprise: '临江永安矿山机械制造有限公司',
    speaker: '周永安',
    title: '董事长',
    channel: '报名',
  },
  next: [
    { enterprise: '青溪古镇文化旅游发展有限公司', speaker: '林晓', title: '总经理', channel: '点名' },
    { enterprise: '临江丰泽钢构有限公司', speaker: '陈丰', title: '', channel: '现场' },
  ],
  timer: { running: true, startedAt: 1_000, accumulatedMs: 0 },
  speakerLimitMs: 480_000,
  sentAt: 2_000,
  ...over,
});

const closers: Array<() => void> = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

function listen(meetingId = MEETING) {
  const received: LiveBroadcast[] = [];
  const stop = subscribeLive(meetingId, (s) => received.push(s));
  closers.push(stop);
  return { received, stop };
}

function publisher(meetingId = MEETING, now = () => 5_000) {
  const p = createLivePublisher(meetingId, { now });
  closers.push(() => p.close());
  return p;
}

/** A raw channel, as another window (or a stray script) would use it. */
function raw(meetingId = MEETING) {
  const c = new Channel(liveChannelName(meetingId));
  closers.push(() => c.close());
  return c;
}

describe('projector channel', () => {
  it('exists in this environment', () => {
    expect(typeof Channel).toBe('function');
  });

  it('delivers each published state to the projector, stamped with the time it was sent', async () => {
    const { received } = listen();
    const live = publisher();
    live.publish(state());
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({ ...state(), sentAt: 5_000 });
    live.publish(state({ current: undefined, next: [] }));
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toEqual({ ...state({ next: [] }), current: undefined, sentAt: 5_000 });
    expect('current' in received[1]!).toBe(false);
  });

  it('answers a projector opened late with the last state at once', async () => {
    let clock = 5_000;
    const live = publisher(MEETING, () => clock);
    live.publish(state());
    clock = 65_000;
    const { received } = listen();
    await vi.waitFor(() => expect(received).toHaveLength(1));
    // sentAt is the answer's time, so the projector's clock sees the 60 s that passed.
    expect(received[0]).toEqual({ ...state(), sentAt: 65_000 });
  });

  it('says nothing to a hello before anything was published', async () => {
    publisher();
    const { received } = listen();
    const probe = raw();
    probe.postMessage({ v: 1, type: 'hello' });
    await new Promise((r) => setTimeout(r, 30));
    expect(received).toEqual([]);
  });

  it('sends a plain copy of a Vue reactive state, without extra fields', async () => {
    const { received } = listen();
    const live = publisher();
    const reactiveState = reactive({ ...state(), secret: 'not for the projector' });
    live.publish(reactiveState);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({ ...state(), sentAt: 5_000 });
  });

  it('fills missing texts and trims long ones rather than leave the projector behind', async () => {
    const { received } = listen();
    const sloppy = state({
      theme: '长'.repeat(600),
      current: { enterprise: '临江丰泽钢构有限公司', speaker: '陈丰', channel: '现场' } as never,
      next: [...state().next, ...state().next],
    });
    publisher().publish(sloppy);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]!.theme).toHaveLength(500);
    expect(received[0]!.current).toEqual({
      enterprise: '临江丰泽钢构有限公司',
      speaker: '陈丰',
      title: '',
      channel: '现场',
    });
    expect(received[0]!.next).toEqual(state().next);
  });

  it('keeps meetings apart', async () => {
    const other = listen('meeting-0002');
    const mine = listen();
    publisher('meeting-0002').publish(state({ meetingId: 'meeting-0002', title: '另一场' }));
    publisher().publish(state());
    await vi.waitFor(() => expect(mine.received).toHaveLength(1));
    await vi.waitFor(() => expect(other.received).toHaveLength(1));
    expect(mine.received[0]!.title).toBe('青溪区第15次“民营企业接待日”');
    expect(other.received[0]!.title).toBe('另一场');
  });

  it('ignores anything malformed on the channel', async () => {
    const { received } = listen();
    const stray = raw();
    const good = state();
    const bad: unknown[] = [
      null,
      'state',
      { type: 'state', state: good },
      { v: 2, type: 'state', state: good },
      { v: 1, type: 'reload' },
      { v: 1, type: 'state' },
      { v: 1, type: 'state', state: { ...good, meetingId: 'meeting-0002' } },
      { v: 1, type: 'state', state: { ...good, title: 42 } },
      { v: 1, type: 'state', state: { ...good, theme: 'x'.repeat(501) } },
      { v: 1, type: 'state', state: { ...good, next: 'none' } },
      { v: 1, type: 'state', state: { ...good, next: [{ enterprise: 'x' }] } },
      { v: 1, type: 'state', state: { ...good, current: { ...good.current, channel: '网上' } } },
      { v: 1, type: 'state', state: { ...good, interjection: { role: 'host', who: '主持人' } } },
      { v: 1, type: 'state', state: { ...good, timer: { running: 'yes', accumulatedMs: 0 } } },
      {
        v: 1,
        type: 'state',
        state: { ...good, timer: { running: true, startedAt: 'now', accumulatedMs: 0 } },
      },
      { v: 1, type: 'state', state: { ...good, speakerLimitMs: Number.NaN } },
      { v: 1, type: 'state', state: { ...good, sentAt: undefined } },
    ];
    for (const message of bad) stray.postMessage(message);
    stray.postMessage({ v: 1, type: 'state', state: { ...good, title: '最后一条有效' } });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]!.title).toBe('最后一条有效');
  });

  it('stops after unsubscribe and after the publisher closes', async () => {
    const first = listen();
    const live = publisher();
    first.stop();
    live.publish(state());
    const second = listen();
    // Opened after the publish: it hears only the answer to its hello.
    await vi.waitFor(() => expect(second.received).toHaveLength(1));
    expect(first.received).toEqual([]);
    live.close();
    live.publish(state({ title: '关闭之后' }));
    listen();
    await new Promise((r) => setTimeout(r, 30));
    expect(second.received).toHaveLength(1);
  });
});

describe('readLiveBroadcast / readLiveMessage', () => {
  it('keeps an interjection and drops unknown fields', () => {
    const withReply = {
      ...state(),
      interjection: { role: 'department', who: '区发展和改革局', extra: 1 },
      x: 1,
    };
    expect(readLiveBroadcast(withReply)).toEqual({
      ...state(),
      interjection: { role: 'department', who: '区发展和改革局' },
    });
  });

  it('accepts a paused timer without startedAt', () => {
    expect(readLiveBroadcast(state({ timer: { running: false, accumulatedMs: 12_000 } }))?.timer).toEqual({
      running: false,
      accumulatedMs: 12_000,
    });
  });

  it('reads hello and refuses other shapes', () => {
    expect(readLiveMessage({ v: 1, type: 'hello', extra: true })).toEqual({ v: 1, type: 'hello' });
    expect(readLiveMessage([{ v: 1, type: 'hello' }])).toBeUndefined();
    expect(readLiveBroadcast({ ...state(), meetingId: '' })).toBeUndefined();
  });
});

describe('openProjector', () => {
  const api = (result: Awaited<ReturnType<DeskApi['projector']['open']>>) => ({
    projector: {
      open: vi.fn(async () => result),
      close: vi.fn(async () => ({ ok: true as const, value: true })),
    },
  });

  it('asks the bridge with the meeting id and returns nothing on success', async () => {
    const desk = api({ ok: true, value: { placement: 'secondary', fullScreen: true } });
    const notice = vi.fn();
    expect(await openProjector(MEETING, notice, desk)).toBeUndefined();
    expect(desk.projector.open).toHaveBeenCalledWith({ meetingId: MEETING });
    expect(notice).not.toHaveBeenCalled();
  });

  it('advises Win+P when there is one display only', async () => {
    const notice = vi.fn();
    await openProjector(
      MEETING,
      notice,
      api({ ok: true, value: { placement: 'primary', fullScreen: false } }),
    );
    expect(notice).toHaveBeenCalledWith(SINGLE_DISPLAY_NOTICE);
    expect(SINGLE_DISPLAY_NOTICE).toContain('Win+P');
  });

  it('returns the bridge’s Chinese error message', async () => {
    const blocked = api({
      ok: false,
      error: { code: 'blocked', message: '浏览器阻止了投屏窗口，请允许本站点弹出窗口' },
    });
    expect(await openProjector(MEETING, undefined, blocked)).toBe(
      '浏览器阻止了投屏窗口，请允许本站点弹出窗口',
    );
  });
});

describe('browser projector', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens one named pop-up at the projector route and closes it', async () => {
    const popup = { closed: false, focus: vi.fn(), close: vi.fn(() => (popup.closed = true)) };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const desk = createBrowserDesk();
    expect(await desk.projector.open({ meetingId: MEETING })).toEqual({
      ok: true,
      value: { placement: 'browser', fullScreen: false },
    });
    expect(open).toHaveBeenCalledWith(
      `#/projector/${MEETING}`,
      'kentan-projector',
      'popup,width=1280,height=720',
    );
    expect(await desk.projector.close()).toEqual({ ok: true, value: true });
    expect(popup.close).toHaveBeenCalledTimes(1);
    expect(await desk.projector.close()).toEqual({ ok: true, value: false });
  });

  it('says in Chinese when the browser blocked the pop-up', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    expect(await createBrowserDesk().projector.open({ meetingId: MEETING })).toEqual({
      ok: false,
      error: { code: 'blocked', message: '浏览器阻止了投屏窗口，请允许本站点弹出窗口' },
    });
  });
});
