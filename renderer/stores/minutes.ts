// 原汁原味记录 of the meeting on the live screen: the committed entries, the composer and its draft.
//
// Never lost (docs/architecture.md, "Never lost"): the text being typed is in IndexedDB within a second of the last key (a short
// debounce, with a ceiling while typing goes on), and an entry is committed in one strict transaction that also
// deletes the draft, before the composer clears. Opening the meeting again restores the draft and says so.
//
// Two windows on one meeting (issue 15): each window's drafts are its own (keyed by its id, lib/window-identity.ts),
// so an Enter deletes only this window's draft; a draft whose window is gone (closed, crashed, the browser killed)
// is adopted by the next window that opens the meeting. An entry committed or corrected in one window is read again
// by the others at once (lib/desk-sync.ts); their composers are not touched. A storage failure (a full disk …) is
// said in Chinese with what to do (db/db-errors.ts), the typed text stays, and the next Enter works once the cause is
// gone: the repositories reopen the database after such a failure.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { repositories } from '../db';
import { describeError, type FailureContext } from '../db/db-errors';
import { windowIdentity, type WindowIdentity } from '../lib/window-identity';
import { createDeskSync } from '../lib/desk-sync';
import { useSettingsStore } from './settings';
import { useLiveStore } from './live';
import { saveAfterTyping, type SaveAfterTyping } from '../lib/save-after-typing';
import { MINUTE_ROLE_LABEL } from '../../shared/domain/labels';
import { floorChange, roleAfterEntry, type Floor } from '../../shared/domain/live';
import type { Draft, Id, Meeting, MinuteEntry, MinuteRole } from '../../shared/domain/types';
import { clockOf } from '../../shared/docs/format';

export {
  SAVE_DEBOUNCE_MS as DRAFT_DEBOUNCE_MS,
  SAVE_MAX_WAIT_MS as DRAFT_MAX_WAIT_MS,
} from '../lib/save-after-typing';

/**
 * Keeps a minutes draft in IndexedDB while it is typed, under this window's key: `key` and `record` are read when the
 * write is due (the key as a function of the window's id, which may still be settling); no record deletes the draft.
 * `saved` hears of each write that went through.
 */
function draftWriter(
  identity: WindowIdentity,
  key: () => ((windowId: string) => string) | undefined,
  record: () => Omit<Draft, 'key'> | undefined,
  on: { saved: (draft: Draft | undefined) => void; failed: (error: unknown) => void },
): SaveAfterTyping {
  return saveAfterTyping(
    () => {
      const keyOf = key();
      if (keyOf === undefined) return undefined;
      const draft = record();
      return async () => {
        const draftKey = keyOf(await identity.id());
        const repo = repositories().minutes;
        const saved = draft ? { ...draft, key: draftKey } : undefined;
        if (saved) await repo.saveDraft(saved);
        else await repo.deleteDraft(draftKey);
        performance.mark('desk:draft-saved');
        on.saved(saved);
      };
    },
    { failed: on.failed },
  );
}

/** The roles in the order of their quick keys (Alt+1 … Alt+4). */
export const MINUTE_ROLES: readonly MinuteRole[] = ['entrepreneur', 'department', 'leader', 'host'];

/**
 * The composer's draft of a meeting in one window (`minutes:<meetingId>@<windowId>`). Without a window id: the key
 * versions before issue 15 used, still read and adopted.
 */
export const minutesDraftKey = (meetingId: Id, windowId?: string): string =>
  windowId ? `minutes:${meetingId}@${windowId}` : `minutes:${meetingId}`;
/** The draft of a correction in progress in one window (without a window id: the key of older versions). */
export const minutesEditDraftKey = (meetingId: Id, entryId: Id, windowId?: string): string =>
  `${minutesDraftKey(meetingId, windowId)}:edit:${entryId}`;

/** What a minutes draft key names: the meeting, the window (none for older keys) and, for a correction, the entry. */
export interface MinutesDraftKey {
  meetingId: Id;
  windowId?: string;
  entryId?: Id;
}

/** The parts of a minutes draft key, or undefined for any other draft (a 督办 form, ink). */
export function parseMinutesDraftKey(key: string): MinutesDraftKey | undefined {
  const found = /^minutes:([^@:]+)(?:@([^:]+))?(?::edit:(.+))?$/.exec(key);
  if (!found?.[1]) return undefined;
  return {
    meetingId: found[1],
    ...(found[2] ? { windowId: found[2] } : {}),
    ...(found[3] ? { entryId: found[3] } : {}),
  };
}

/**
 * The composer's text after adopting drafts of windows that are gone: this window's own first, then the others in the
 * order they were saved, one line each; the speaker of the first. Undefined when nothing is left to keep.
 */
export function mergeComposerDrafts(
  key: string,
  meetingId: Id,
  own: Draft | undefined,
  adopted: readonly Draft[],
): Draft | undefined {
  const pieces = [own, ...[...adopted].sort((a, b) => a.savedAt - b.savedAt)].filter(
    (d): d is Draft => d !== undefined && d.text.trim() !== '',
  );
  const first = pieces[0];
  if (!first) return undefined;
  if (pieces.length === 1 && first === own) return own;
  return {
    key,
    meetingId,
    text: pieces.map((d, i) => (i === pieces.length - 1 ? d.text : d.text.trimEnd())).join('\n'),
    ...(first.role ? { role: first.role } : {}),
    ...(first.who ? { who: first.who } : {}),
    savedAt: Math.max(...pieces.map((d) => d.savedAt)),
  };
}

/** Who spoke: the name shown and, when known, the enterprise, department or leader behind it. */
export interface Speaker {
  who: string;
  whoId?: Id;
}

/** A correction being typed into an earlier entry: its words and who said them. */
export interface MinuteEditing {
  entryId: Id;
  text: string;
  role: MinuteRole;
  who: string;
  whoId?: Id;
}

/** A notice about text recovered after a crash or a closed window. */
export interface RecoveryNotice {
  kind: 'composer' | 'edit';
  chars: number;
  savedAt: number;
  /** How many windows' drafts were put together (more than one after a crash with two windows open). */
  windows?: number;
}

/** The Chinese sentence of a recovery notice. */
export function recoveryMessage(notice: RecoveryNotice): string {
  const what =
    notice.kind === 'edit'
      ? '已恢复上次未保存的修改'
      : (notice.windows ?? 1) > 1
        ? `已恢复 ${notice.windows} 个窗口未提交的文字，已按保存先后分行合并`
        : '已恢复上次未提交的文字';
  return `${what}（${notice.chars}字，保存于 ${clockOf(notice.savedAt, 'seconds')}）`;
}

const charCount = (text: string) => [...text].length;

/** Where each failure of the minutes happens, for the sentence that says it (db/db-errors.ts). */
const FAILURE: Record<'commit' | 'draft' | 'load' | 'edit' | 'editDraft' | 'link', FailureContext> = {
  commit: { what: '这条记录没有保存', retry: '再按回车', kept: '已输入的文字仍在输入框中' },
  draft: { what: '草稿没有保存', autoRetry: true, kept: '已输入的文字仍在输入框中，请不要关闭窗口' },
  load: { what: '会议记录没有读出来', retry: '重新打开会中记录' },
  edit: { what: '修改没有保存', retry: '再点保存', kept: '修改的文字仍在编辑框中' },
  editDraft: { what: '修改的草稿没有保存', autoRetry: true, kept: '修改的文字仍在编辑框中' },
  link: { what: '记录与诉求的关联没有保存', retry: '重试' },
};

/** True when two reads of an entry say the same (what the list shows of it). */
const sameEntry = (a: MinuteEntry, b: MinuteEntry): boolean =>
  a.text === b.text &&
  a.role === b.role &&
  a.who === b.who &&
  a.whoId === b.whoId &&
  a.at === b.at &&
  a.concernId === b.concernId &&
  a.history.length === b.history.length;

/** The verbatim minutes of one meeting. */
export const useMinutesStore = defineStore('minutes', () => {
  const meetingId = ref<Id>();
  const meeting = shallowRef<Meeting>();
  const entries = shallowRef<MinuteEntry[]>([]);
  const loading = ref(false);

  // ── The composer ─────────────────────────────────────────────────────────────────────────────
  const text = ref('');
  const role = ref<MinuteRole>('entrepreneur');
  /** Who each role defaults to: the current speaker, the hosting leader, the host. */
  const defaults = shallowRef<Partial<Record<MinuteRole, Speaker>>>({});
  /** Who the secretary picked for a role; wins over the default until the speaker changes. */
  const picks = shallowRef<Partial<Record<MinuteRole, Speaker>>>({});
  /**
   * A commit is under way. Deliberately not reactive: a DOM change between Enter and the end of the transaction
   * makes Chromium render a frame (waiting for the display) before it delivers the transaction's completion,
   * which took Enter → durable from ≈3 ms to ≈15 ms in the benchmark.
   */
  let committing = false;
  const error = ref('');
  /** What `error` is about: a failed commit is not replaced by the draft's retries, which say so in the footer. */
  let errorFrom: 'commit' | 'draft' | 'load' | undefined;
  const setError = (from: typeof errorFrom, message: string) => {
    error.value = message;
    errorFrom = message ? from : undefined;
  };
  const draftStatus = ref<'idle' | 'pending' | 'saved' | 'failed'>('idle');
  const draftSavedAt = ref<number>();
  const notices = ref<RecoveryNotice[]>([]);

  // ── Corrections ──────────────────────────────────────────────────────────────────────────────
  const editing = ref<MinuteEditing>();
  const editError = ref('');
  let editErrorFromDraft = false;
  /** Entries whose edit history is shown. */
  const historyOpen = shallowRef<ReadonlySet<Id>>(new Set());

  // ── Following the floor ──────────────────────────────────────────────────────────────────────
  /** Who has the floor, as the live screen says. */
  const floor = shallowRef<Floor>({});
  /** The floor the composer follows; it stays behind `floor` while typed text waits to be committed. */
  const followed = shallowRef<Floor>({});
  /** The floor moved while text was in the composer: that text keeps its speaker, the move applies after it. */
  const pendingFloor = shallowRef<Floor>();

  /** Who a role names by default: the secretary's pick, else the role's default, else the role's name. */
  const speakerFor = (r: MinuteRole): Speaker =>
    picks.value[r] ?? defaults.value[r] ?? { who: MINUTE_ROLE_LABEL[r] };
  const speaker = computed<Speaker>(() => speakerFor(role.value));

  // ── This window among others ─────────────────────────────────────────────────────────────────
  /** Which window this is: its drafts are its own (lib/window-identity.ts). */
  const identity = windowIdentity();
  /** The other windows' commits (lib/desk-sync.ts). */
  const sync = createDeskSync();
  /** Bumped when this window changes `entries` itself or loads them, so a read from another window's news that
   * started before does not overwrite them. */
  let localChanges = 0;
  /** Bumped on every change another window announces. */
  let remoteChanges = 0;

  const composerDraft = draftWriter(
    identity,
    () => {
      const id = meetingId.value;
      return id ? (me) => minutesDraftKey(id, me) : undefined;
    },
    () => {
      const id = meetingId.value;
      if (!id || text.value.trim() === '') return undefined;
      const current = speaker.value;
      return {
        meetingId: id,
        text: text.value,
        role: role.value,
        who: current.who,
        savedAt: Date.now(),
      };
    },
    {
      saved: (draft) => {
        if (composerDraft.pending) return; // newer typing is on its way
        draftStatus.value = draft ? 'saved' : 'idle';
        draftSavedAt.value = draft?.savedAt;
        if (errorFrom === 'draft') setError(undefined, '');
      },
      failed: (e) => {
        draftStatus.value = 'failed';
        if (errorFrom !== 'commit') setError('draft', describeError(e, FAILURE.draft));
        composerDraft.touch();
      },
    },
  );

  const editDraft = draftWriter(
    identity,
    () => {
      const id = meetingId.value;
      const entryId = editing.value?.entryId;
      return id && entryId ? (me) => minutesEditDraftKey(id, entryId, me) : undefined;
    },
    () => {
      const id = meetingId.value;
      const current = editing.value;
      if (!id || !current) return undefined;
      return {
        meetingId: id,
        text: current.text,
        role: current.role,
        who: current.who,
        savedAt: Date.now(),
      };
    },
    {
      saved: () => {
        if (!editErrorFromDraft) return;
        editError.value = '';
        editErrorFromDraft = false;
      },
      failed: (e) => {
        editError.value = describeError(e, FAILURE.editDraft);
        editErrorFromDraft = true;
        editDraft.touch();
      },
    },
  );

  /** Write any unsaved draft now (on blur, when the window is hidden, before leaving the meeting). */
  async function flushDrafts(): Promise<void> {
    await Promise.all([composerDraft.flush(), editDraft.flush()]);
  }

  /**
   * Follow the floor: the current speaker becomes the 企业家 default; a reply that begins puts its department or
   * leader in the composer, and when it ends the role returns to 企业家. With text in the composer the change
   * waits until that text is committed or cleared, so words being typed are never moved to another speaker.
   */
  function setFloor(next: Floor): void {
    floor.value = next;
    if (text.value.trim() === '' || sameAttribution(followed.value, next)) applyFloor(next);
    else pendingFloor.value = next;
  }

  /** Apply a waiting floor change to the text in the composer now (the secretary says it belongs to them). */
  function followFloorNow(): void {
    if (pendingFloor.value) applyFloor(pendingFloor.value);
  }

  /** True when moving between the floors changes nobody the composer would name. */
  function sameAttribution(a: Floor, b: Floor): boolean {
    const change = floorChange(a, b);
    return (
      change.role === undefined &&
      change.pick === undefined &&
      a.speaker?.who === b.speaker?.who &&
      a.speaker?.whoId === b.speaker?.whoId
    );
  }

  /** Returns true when the role was changed by the floor. */
  function applyFloor(next: Floor): boolean {
    const before = speaker.value;
    const change = floorChange(followed.value, next);
    followed.value = next;
    pendingFloor.value = undefined;
    setDefaultSpeaker('entrepreneur', next.speaker);
    if (change.pick) {
      const { role: r, who, whoId } = change.pick;
      picks.value = { ...picks.value, [r]: { who, ...(whoId ? { whoId } : {}) } };
    }
    if (change.role) role.value = change.role;
    // The draft records who the text is attributed to: write it again only when that changed.
    const after = speaker.value;
    if (text.value.trim() !== '' && (change.role || before.who !== after.who || before.whoId !== after.whoId))
      composerDraft.touch();
    return change.role !== undefined;
  }

  // The live screen has one source of who has the floor and who hosts: the live store. The composer follows it.
  const live = useLiveStore();
  const settings = useSettingsStore();
  watch(
    () => live.floor,
    (next) => setFloor(next),
    { immediate: true },
  );
  watch(
    () => settings.leaderById.get(live.meeting?.hostLeaderIds[0] ?? '')?.name.trim(),
    (name) => setDefaultSpeaker('host', name ? { who: name } : undefined),
    { immediate: true },
  );

  /** What the composer says while a floor change waits for the typed text: 提交后改记 部门 区人社局. */
  const pendingFloorNote = computed(() => {
    const next = pendingFloor.value;
    if (!next) return '';
    const change = floorChange(followed.value, next);
    const r = change.role ?? role.value;
    const who =
      change.pick?.who ??
      (r === 'entrepreneur' ? (next.speaker?.who ?? MINUTE_ROLE_LABEL.entrepreneur) : speakerFor(r).who);
    return `${MINUTE_ROLE_LABEL[r]} ${who}`;
  });

  /** Open a meeting's minutes; a draft left by a crash or a closed window goes back into the composer. */
  async function load(id: Id): Promise<void> {
    if (meetingId.value && meetingId.value !== id) await flushDrafts();
    composerDraft.cancel();
    editDraft.cancel();
    meetingId.value = id;
    loading.value = true;
    entries.value = [];
    text.value = '';
    role.value = 'entrepreneur';
    picks.value = {};
    followed.value = {};
    pendingFloor.value = undefined;
    applyFloor(floor.value);
    setError(undefined, '');
    editError.value = '';
    editErrorFromDraft = false;
    editing.value = undefined;
    historyOpen.value = new Set();
    notices.value = [];
    draftStatus.value = 'idle';
    draftSavedAt.value = undefined;
    const repo = repositories();
    const remoteBefore = remoteChanges;
    try {
      const [list, drafts, found, me, alive] = await Promise.all([
        repo.minutes.listForMeeting(id),
        repo.minutes.draftsForMeeting(id),
        repo.meetings.get(id),
        identity.id(),
        identity.liveIds(),
        settings.loaded ? Promise.resolve() : settings.load(),
      ]);
      if (meetingId.value !== id) return;
      entries.value = list;
      localChanges++;
      meeting.value = found;
      const host = found?.hostLeaderIds.map((l) => settings.leaderById.get(l)).find((l) => l !== undefined);
      setDefaultSpeaker('leader', host ? { who: host.name, whoId: host.id } : undefined);
      await restoreDrafts(id, drafts, list, me, alive);
    } catch (e) {
      if (meetingId.value === id) setError('load', describeError(e, FAILURE.load));
    } finally {
      if (meetingId.value === id) loading.value = false;
    }
    // Another window committed while this one was reading: read again.
    if (meetingId.value === id && remoteChanges !== remoteBefore) void refreshEntries();
  }

  /**
   * Bring back what was being typed: this window's own drafts, and those of windows that are gone (closed, crashed,
   * the browser killed; keys of older versions name no window). Drafts of other windows still open are theirs. The
   * drafts adopted are moved to this window's key in one transaction (db/repositories/minutes.ts, adoptDrafts), so a
   * second window opening the meeting at the same moment does not take them too.
   */
  async function restoreDrafts(
    id: Id,
    drafts: readonly Draft[],
    list: readonly MinuteEntry[],
    me: string,
    alive: ReadonlySet<string>,
  ) {
    const found: RecoveryNotice[] = [];
    const repo = repositories().minutes;
    const keyed = drafts.flatMap((d) => {
      const k = parseMinutesDraftKey(d.key);
      return k && k.meetingId === id ? [{ draft: d, key: k }] : [];
    });
    const mineOrOrphan = (k: MinutesDraftKey) =>
      k.windowId === me || k.windowId === undefined || !alive.has(k.windowId);

    // The composer: this window's draft, with the orphans' words after it.
    const ownKey = minutesDraftKey(id, me);
    let own = drafts.find((d) => d.key === ownKey);
    let windows = own && own.text.trim() !== '' ? 1 : 0;
    const orphans = keyed
      .filter(({ draft, key }) => !key.entryId && draft.key !== ownKey && mineOrOrphan(key))
      .map(({ draft }) => draft.key);
    if (orphans.length) {
      const adopted = await repo.adoptDrafts(ownKey, orphans, (mine, taken) =>
        mergeComposerDrafts(ownKey, id, mine, taken),
      );
      if (meetingId.value !== id) return;
      own = adopted.draft;
      windows += adopted.taken.filter((d) => d.text.trim() !== '').length;
    }
    if (own && own.text.trim() !== '') {
      text.value = own.text;
      role.value = own.role ?? 'entrepreneur';
      const fallback = defaults.value[role.value]?.who ?? MINUTE_ROLE_LABEL[role.value];
      if (own.who && own.who !== fallback) {
        picks.value = { ...picks.value, [role.value]: { who: own.who, ...knownId(role.value, own.who) } };
      }
      draftStatus.value = 'saved';
      draftSavedAt.value = own.savedAt;
      found.push({
        kind: 'composer',
        chars: charCount(own.text),
        savedAt: own.savedAt,
        ...(windows > 1 ? { windows } : {}),
      });
    }

    // A correction: the newest of this window's and the orphans' that still changes its entry.
    const differs = (d: Draft, e: MinuteEntry) =>
      e.text !== d.text ||
      (d.role !== undefined && d.role !== e.role) ||
      (d.who !== undefined && d.who !== e.who);
    let edited: MinuteEntry | undefined;
    let edit = keyed
      .filter(({ key }) => key.entryId !== undefined && mineOrOrphan(key))
      .sort((a, b) => b.draft.savedAt - a.draft.savedAt)
      .find(({ draft, key }) => {
        edited = list.find((e) => e.id === key.entryId);
        return edited !== undefined && differs(draft, edited);
      })?.draft;
    if (edit && edited && edit.key !== minutesEditDraftKey(id, edited.id, me)) {
      const to = minutesEditDraftKey(id, edited.id, me);
      const adopted = await repo.adoptDrafts(to, [edit.key], (_mine, taken) =>
        taken[0] ? { ...taken[0], key: to } : _mine,
      );
      if (meetingId.value !== id) return;
      edit = adopted.taken.length ? adopted.draft : undefined;
    }
    if (edit && edited) {
      const r = edit.role ?? edited.role;
      const who = edit.who ?? edited.who;
      const whoId = who === edited.who && r === edited.role ? edited.whoId : knownId(r, who).whoId;
      editing.value = { entryId: edited.id, text: edit.text, role: r, who, ...(whoId ? { whoId } : {}) };
      found.push({ kind: 'edit', chars: charCount(edit.text), savedAt: edit.savedAt });
    }
    notices.value = found;
  }

  /** The department or leader behind a name, so a restored pick keeps its id. */
  function knownId(r: MinuteRole, who: string): { whoId?: Id } {
    const settings = useSettingsStore();
    if (r === 'department') {
      const d = settings.departments.find((x) => x.name === who || x.shortName === who);
      return d ? { whoId: d.id } : {};
    }
    if (r === 'leader') {
      const l = settings.leaders.find((x) => x.name === who);
      return l ? { whoId: l.id } : {};
    }
    return who === defaults.value[r]?.who && defaults.value[r]?.whoId
      ? { whoId: defaults.value[r].whoId }
      : {};
  }

  /** The composer's text changed (every key, IME composition included). */
  function setText(value: string): void {
    if (value === text.value) return;
    text.value = value;
    draftStatus.value = 'pending';
    composerDraft.touch();
    // Cleared by hand: nothing is left to keep its speaker, so the waiting floor applies.
    if (pendingFloor.value && value.trim() === '') applyFloor(pendingFloor.value);
  }

  function setRole(next: MinuteRole): void {
    if (next === role.value) return;
    role.value = next;
    if (text.value.trim() !== '') composerDraft.touch();
  }

  /** The secretary picked who speaks for a role; undefined goes back to the default. */
  function pickSpeaker(forRole: MinuteRole, chosen: Speaker | undefined): void {
    const next = { ...picks.value };
    if (chosen && chosen.who.trim())
      next[forRole] = { who: chosen.who.trim(), ...(chosen.whoId ? { whoId: chosen.whoId } : {}) };
    else delete next[forRole];
    picks.value = next;
    if (text.value.trim() !== '') composerDraft.touch();
  }

  /** Who a role defaults to. A new current speaker also drops the pick made for the previous one. */
  function setDefaultSpeaker(forRole: MinuteRole, value: Speaker | undefined): void {
    const before = defaults.value[forRole];
    if (before?.who === value?.who && before?.whoId === value?.whoId) return;
    defaults.value = { ...defaults.value, [forRole]: value };
    if (forRole === 'entrepreneur' && picks.value.entrepreneur) {
      const { entrepreneur: _dropped, ...rest } = picks.value;
      picks.value = rest;
    }
  }

  /**
   * Commit the composer's text as one entry. Resolves with the entry once it is durable in IndexedDB, and only
   * then clears the composer; on failure the text stays and `error` says why. Empty text commits nothing.
   */
  async function commit(): Promise<MinuteEntry | undefined> {
    const id = meetingId.value;
    const typed = text.value;
    const words = typed.trim();
    if (!id || words === '' || committing) return undefined;
    const wasPending = composerDraft.pending;
    composerDraft.cancel();
    committing = true;
    const current = speaker.value;
    const entry: MinuteEntry = {
      id: crypto.randomUUID(),
      meetingId: id,
      at: Date.now(),
      role: role.value,
      who: current.who,
      ...(current.whoId ? { whoId: current.whoId } : {}),
      text: words,
      history: [],
    };
    try {
      // Only this window's draft goes with the entry: another window's words on this meeting stay.
      await repositories().minutes.append(entry, minutesDraftKey(id, await identity.id()));
    } catch (e) {
      setError('commit', describeError(e, FAILURE.commit));
      if (wasPending || text.value.trim() !== '') composerDraft.touch();
      return undefined;
    } finally {
      committing = false;
    }
    performance.mark('desk:minute-committed');
    setError(undefined, '');
    if (meetingId.value === id) {
      entries.value = [...entries.value, entry];
      localChanges++;
    }
    sync.announce({ kind: 'minutes', meetingId: id });
    // Keep anything typed while the entry was being written.
    const now = text.value;
    if (now === typed) text.value = '';
    else {
      text.value = now.startsWith(typed) ? now.slice(typed.length).replace(/^\r?\n/, '') : now;
      if (text.value.trim() !== '') composerDraft.touch();
    }
    if (text.value === '') {
      draftStatus.value = 'idle';
      draftSavedAt.value = undefined;
    }
    notices.value = notices.value.filter((n) => n.kind !== 'composer');
    // Who speaks next: a floor change that waited for these words, else back to whoever has the floor — unless
    // the secretary changed the role herself while the entry was being written.
    const roleChanged = pendingFloor.value ? applyFloor(pendingFloor.value) : false;
    if (!roleChanged && role.value === entry.role) {
      const after = roleAfterEntry(entry.role, followed.value.reply);
      if (after) role.value = after;
    }
    return entry;
  }

  // ── Corrections ──────────────────────────────────────────────────────────────────────────────

  /**
   * Correct an entry's wording and, when given, who said it; the entry as it was is kept in its history. False
   * when nothing was saved.
   */
  async function edit(
    entryId: Id,
    newText: string,
    said?: { role: MinuteRole; who: string; whoId?: Id },
  ): Promise<boolean> {
    const words = newText.trim();
    if (words === '') {
      editError.value = '记录内容不能为空；原文保留不变。';
      return false;
    }
    const who = said?.who.trim();
    if (said && !who) {
      editError.value = '请填写发言人；原记录保留不变。';
      return false;
    }
    const id = meetingId.value;
    const draftKey =
      id && editing.value?.entryId === entryId
        ? minutesEditDraftKey(id, entryId, await identity.id())
        : undefined;
    const change =
      said && who
        ? { text: words, role: said.role, who, ...(said.whoId ? { whoId: said.whoId } : {}) }
        : words;
    try {
      const updated = await repositories().minutes.edit(entryId, change, Date.now(), draftKey);
      if (!updated) {
        editError.value = '找不到这条记录，可能已被删除。';
        return false;
      }
      replaceEntry(updated);
      editError.value = '';
      editErrorFromDraft = false;
      if (id) sync.announce({ kind: 'minutes', meetingId: id });
      return true;
    } catch (e) {
      editError.value = describeError(e, FAILURE.edit);
      editErrorFromDraft = false;
      return false;
    }
  }

  function replaceEntry(updated: MinuteEntry) {
    entries.value = entries.value.map((e) => (e.id === updated.id ? updated : e));
    localChanges++;
  }

  // ── Other windows ────────────────────────────────────────────────────────────────────────────
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;

  /**
   * Read the meeting's entries again after another window changed them. One read at a time (news arriving meanwhile
   * reads once more after it); a read overtaken by this window's own change is read again, so it never drops an entry
   * this window has just committed. The composer, a correction being typed and the open histories are not touched;
   * entries that did not change keep their objects, so the list redraws only what is new.
   */
  function refreshEntries(): Promise<void> {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        const id = meetingId.value;
        if (!id) return;
        const before = localChanges;
        let list: MinuteEntry[];
        try {
          list = await repositories().minutes.listForMeeting(id);
        } catch {
          return; // the next change, or opening the meeting again, reads them
        }
        if (meetingId.value !== id) return;
        if (localChanges !== before) {
          refreshAgain = true;
          continue;
        }
        const known = new Map(entries.value.map((e) => [e.id, e]));
        entries.value = list.map((e) => {
          const old = known.get(e.id);
          return old && sameEntry(old, e) ? old : e;
        });
      } while (refreshAgain);
    })().finally(() => (refreshing = undefined));
    return refreshing;
  }

  sync.listen((change) => {
    if (change.kind !== 'minutes' || change.meetingId !== meetingId.value) return;
    remoteChanges++;
    if (!loading.value) void refreshEntries();
  });

  /** Open an entry for correction; a correction open elsewhere is saved first, so no typing is lost. */
  async function startEdit(entryId: Id): Promise<void> {
    if (editing.value?.entryId === entryId) return;
    if (editing.value) {
      const saved = await saveEdit();
      if (!saved) return;
    }
    const entry = entries.value.find((e) => e.id === entryId);
    if (entry)
      editing.value = {
        entryId,
        text: entry.text,
        role: entry.role,
        who: entry.who,
        ...(entry.whoId ? { whoId: entry.whoId } : {}),
      };
    editError.value = '';
  }

  function setEditText(value: string): void {
    if (!editing.value || editing.value.text === value) return;
    editing.value = { ...editing.value, text: value };
    editDraft.touch();
  }

  /**
   * The correction names another role: its speaker becomes the entry's own when going back to its role, else who
   * the composer would name for that role (the department last picked, the hosting leader, the current speaker).
   */
  function setEditRole(next: MinuteRole): void {
    const current = editing.value;
    if (!current || current.role === next) return;
    const entry = entries.value.find((e) => e.id === current.entryId);
    const named: Speaker =
      entry && entry.role === next
        ? { who: entry.who, ...(entry.whoId ? { whoId: entry.whoId } : {}) }
        : speakerFor(next);
    const { whoId: _old, ...rest } = current;
    editing.value = { ...rest, role: next, who: named.who, ...(named.whoId ? { whoId: named.whoId } : {}) };
    editDraft.touch();
  }

  /** The correction names another speaker (undefined: the role's default). */
  function setEditSpeaker(chosen: Speaker | undefined): void {
    const current = editing.value;
    if (!current) return;
    const named = chosen && chosen.who.trim() ? chosen : speakerFor(current.role);
    const { whoId: _old, ...rest } = current;
    editing.value = {
      ...rest,
      who: named.who.trim(),
      ...(named.whoId ? { whoId: named.whoId } : {}),
    };
    editDraft.touch();
  }

  /** Save the open correction; true when it is saved (or there was nothing to change). */
  async function saveEdit(): Promise<boolean> {
    const current = editing.value;
    if (!current) return true;
    const entry = entries.value.find((e) => e.id === current.entryId);
    editDraft.cancel();
    if (
      entry &&
      entry.text === current.text.trim() &&
      entry.role === current.role &&
      entry.who === current.who &&
      entry.whoId === current.whoId
    ) {
      await discardEditDraft(current.entryId);
      editing.value = undefined;
      return true;
    }
    const ok = await edit(current.entryId, current.text, {
      role: current.role,
      who: current.who,
      ...(current.whoId ? { whoId: current.whoId } : {}),
    });
    if (ok) {
      editing.value = undefined;
      notices.value = notices.value.filter((n) => n.kind !== 'edit');
    } else editDraft.touch();
    return ok;
  }

  /** Close the correction without changing the entry. */
  async function cancelEdit(): Promise<void> {
    const current = editing.value;
    if (!current) return;
    editDraft.cancel();
    editing.value = undefined;
    editError.value = '';
    notices.value = notices.value.filter((n) => n.kind !== 'edit');
    await discardEditDraft(current.entryId);
  }

  async function discardEditDraft(entryId: Id) {
    const id = meetingId.value;
    if (!id) return;
    await editDraft.settled();
    await repositories()
      .minutes.deleteDraft(minutesEditDraftKey(id, entryId, await identity.id()))
      .catch(() => undefined);
  }

  function toggleHistory(entryId: Id): void {
    const next = new Set(historyOpen.value);
    if (!next.delete(entryId)) next.add(entryId);
    historyOpen.value = next;
  }

  /** Link an entry to the concern the live screen made from it. */
  async function linkConcern(entryId: Id, concernId: Id | undefined): Promise<void> {
    let updated: MinuteEntry | undefined;
    try {
      updated = await repositories().minutes.setConcern(entryId, concernId);
    } catch (e) {
      throw new Error(describeError(e, FAILURE.link), { cause: e });
    }
    if (updated) {
      replaceEntry(updated);
      if (meetingId.value) sync.announce({ kind: 'minutes', meetingId: meetingId.value });
    }
  }

  function dismissNotice(kind: RecoveryNotice['kind']): void {
    notices.value = notices.value.filter((n) => n.kind !== kind);
  }

  return {
    meetingId,
    meeting,
    entries,
    loading,
    text,
    role,
    defaults,
    picks,
    speaker,
    floor,
    pendingFloor,
    pendingFloorNote,
    error,
    draftStatus,
    draftSavedAt,
    notices,
    editing,
    editError,
    historyOpen,
    load,
    refreshEntries,
    flushDrafts,
    setText,
    setRole,
    pickSpeaker,
    setDefaultSpeaker,
    setFloor,
    followFloorNow,
    speakerFor,
    commit,
    edit,
    startEdit,
    setEditText,
    setEditRole,
    setEditSpeaker,
    saveEdit,
    cancelEdit,
    toggleHistory,
    linkConcern,
    dismissNotice,
  };
});
