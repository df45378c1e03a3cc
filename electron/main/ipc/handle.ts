// The one way main answers the renderer: every handler goes through `handle()`, which checks the
// channel, the sender and the arguments before the handler runs, and turns any failure into a
// typed DeskResult instead of a rejected promise or a crash.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESK_CHANNELS, validateRequest } from '../../../shared/ipc';
import type { DeskArgs, DeskConcern, DeskError, DeskResult, DeskValue, DeskVerb } from '../../../shared/ipc';

/** A failure a handler raises on purpose, with a code and a Chinese message for the user. */
export class DeskFailure extends Error {
  constructor(
    readonly code: DeskError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}

/** Decides whether a message comes from the app's own top-level frame. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

type Handler<C extends DeskConcern, V extends DeskVerb<C>> = (
  ...args: DeskArgs<C, V>
) => Promise<DeskValue<C, V>>;

const fail = (code: DeskError['code'], message: string): DeskResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Build a sender check: the frame must be a top-level frame showing the app's own page. */
export function topFrameSenderCheck(isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}

/** Register one desk handler on `ipcMain` behind the channel, sender and argument checks. */
export function handle<C extends DeskConcern, V extends DeskVerb<C>>(
  ipcMain: Pick<IpcMain, 'handle'>,
  isTrustedSender: SenderCheck,
  concern: C,
  verb: V,
  handler: Handler<C, V>,
): void {
  const channels = DESK_CHANNELS[concern] as Record<string, string> | undefined;
  const channel = channels?.[verb];
  if (!channel) throw new Error(`No desk channel for ${String(concern)}.${String(verb)}`);
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
    if (!isTrustedSender(event)) return fail('forbidden_sender', '请求来源不受信任，已拒绝');
    const checked = validateRequest(concern, verb, raw);
    if (!checked.ok) return fail('invalid_args', checked.message);
    try {
      const value = await (handler as (...a: unknown[]) => Promise<unknown>)(...checked.args);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskFailure) return fail(error.code, error.message);
      console.error(`[desk] ${channel} failed`, error);
      return fail('internal', '操作失败，请重试；如仍失败请联系技术支持');
    }
  });
}
