// 原汁原味记录 of the meeting on the live screen: the committed entries, the composer and its draft.
//
// Never lost (docs/architecture.md, "Never lost"): the text being typed is in IndexedDB within a second of the last key (a short
// debounce, with a ceiling while typing goes on), and an entry is committed in one strict transaction that also
// deletes the draft, before the composer clears. Opening the meeting again restores the draft and says so.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { repositories } from '../db';
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
 * Keeps a minutes draft in IndexedDB while it is typed: `record` is read when the write is due; undefined deletes
 * the draft under `key`. `saved` hears of each write that went through.
 */
function draftWriter(
  key: () => string | undefined,
  record: () => Draft | undefined,
  on: { saved: (draft: Draft | undefined) => void; failed: (error: unknown) => void },
): SaveAfterTyping {
  return saveAfterTyping(
    () => {
      const draftKey = key();
      if (draftKey === undefined) return undefined;
      const draft = record();
      return async () => {
        const repo = repositories().minutes;
        if (draft) await repo.saveDraft(draft);
        else await repo.deleteDraft(draftKey);
        performance.mark('desk:draft-saved');
        on.saved(draft);
      };
    },
    { failed: on.failed },
  );
}

/** The roles in the order of their quick keys (Alt+1 … Alt+4). */
export const MINUTE_ROLES: readonly MinuteRole[] = ['entrepreneur', 'department', 'leader', 'host'];

/** The composer's draft of a meeting. */
export const minutesDraftKey = (meetingId: Id): string => `minutes:${meetingId}`;
/** The draft of a correction in progress. */
export const minutesEditDraftKey = (meetingId: Id, entryId: Id): string =>
  `minutes:${meetingId}:edit:${entryId}`;

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
}

/** The Chinese sentence of a recovery notice. */
export function recoveryMessage(notice: RecoveryNotice): string {
  const what = notice.kind === 'composer' ? '已恢复上次未提交的文字' : '已恢复上次未保存的修改';
  return `${what}（${notice.chars}字，保存于 ${clockOf(notice.savedAt, 'seconds')}）`;
}

const charCount = (text: string) => [...text].length;
const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : String(error);

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
  const draftStatus = ref<'idle' | 'pending' | 'saved' | 'failed'>('idle');
  const draftSavedAt = ref<number>();
  const notices = ref<RecoveryNotice[]>([]);

  // ── Corrections ──────────────────────────────────────────────────────────────────────────────
  const editing = ref<MinuteEditing>();
  const editError = ref('');
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

  const composerDraft = draftWriter(
    () => (meetingId.value ? minutesDraftKey(meetingId.value) : undefined),
    () => {
      const id = meetingId.value;
      if (!id || text.value.trim() === '') return undefined;
      const current = speaker.value;
      return {
        key: minutesDraftKey(id),
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
      },
      failed: (e) => {
        draftStatus.value = 'failed';
        error.value = `草稿没有保存成功（${messageOf(e)}），请不要关闭窗口，稍后会自动重试。`;
        composerDraft.touch();
      },
    },
  );

  const editDraft = draftWriter(
    () =>
      meetingId.value && editing.value
        ? minutesEditDraftKey(meetingId.value, editing.value.entryId)
        : undefined,
    () => {
      const id = meetingId.value;
      const current = editing.value;
      if (!id || !current) return undefined;
      return {
        key: minutesEditDraftKey(id, current.entryId),
        meetingId: id,
        text: current.text,
        role: current.role,
        who: current.who,
        savedAt: Date.now(),
      };
    },
    {
      saved: () => undefined,
      failed: (e) => {
        editError.value = `修改的草稿没有保存成功（${messageOf(e)}），稍后会自动重试。`;
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
    error.value = '';
    editError.value = '';
    editing.value = undefined;
    historyOpen.value = new Set();
    notices.value = [];
    draftStatus.value = 'idle';
    draftSavedAt.value = undefined;
    const repo = repositories();
    try {
      const [list, drafts, found] = await Promise.all([
        repo.minutes.listForMeeting(id),
        repo.minutes.draftsForMeeting(id),
        repo.meetings.get(id),
        settings.loaded ? Promise.resolve() : settings.load(),
      ]);
      if (meetingId.value !== id) return;
      entries.value = list;
      meeting.value = found;
      const host = found?.hostLeaderIds.map((l) => settings.leaderById.get(l)).find((l) => l !== undefined);
      setDefaultSpeaker('leader', host ? { who: host.name, whoId: host.id } : undefined);
      restoreDrafts(id, drafts, list);
    } catch (e) {
      error.value = `读取会议记录失败：${messageOf(e)}`;
    } finally {
      if (meetingId.value === id) loading.value = false;
    }
  }

  function restoreDrafts(id: Id, drafts: readonly Draft[], list: readonly MinuteEntry[]) {
    const found: RecoveryNotice[] = [];
    const own = drafts.find((d) => d.key === minutesDraftKey(id));
    if (own && own.text.trim() !== '') {
      text.value = own.text;
      role.value = own.role ?? 'entrepreneur';
      const fallback = defaults.value[role.value]?.who ?? MINUTE_ROLE_LABEL[role.value];
      if (own.who && own.who !== fallback) {
        picks.value = { ...picks.value, [role.value]: { who: own.who, ...knownId(role.value, own.who) } };
      }
      draftStatus.value = 'saved';
      draftSavedAt.value = own.savedAt;
      found.push({ kind: 'composer', chars: charCount(own.text), savedAt: own.savedAt });
    }
    const prefix = `${minutesDraftKey(id)}:edit:`;
    const differs = (d: Draft, e: MinuteEntry) =>
      e.text !== d.text ||
      (d.role !== undefined && d.role !== e.role) ||
      (d.who !== undefined && d.who !== e.who);
    let edited: MinuteEntry | undefined;
    const edit = drafts
      .filter((d) => d.key.startsWith(prefix))
      .sort((a, b) => b.savedAt - a.savedAt)
      .find((d) => {
        edited = list.find((e) => e.id === d.key.slice(prefix.length));
        return edited !== undefined && differs(d, edited);
      });
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
      await repositories().minutes.append(entry, minutesDraftKey(id));
    } catch (e) {
      error.value = `这条记录没有保存成功（${messageOf(e)}）。文字仍在输入框中，请再按 Enter 重试。`;
      if (wasPending || text.value.trim() !== '') composerDraft.touch();
      return undefined;
    } finally {
      committing = false;
    }
    performance.mark('desk:minute-committed');
    error.value = '';
    if (meetingId.value === id) entries.value = [...entries.value, entry];
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
    const draftKey = id && editing.value?.entryId === entryId ? minutesEditDraftKey(id, entryId) : undefined;
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
      return true;
    } catch (e) {
      editError.value = `修改没有保存成功（${messageOf(e)}），请重试。`;
      return false;
    }
  }

  function replaceEntry(updated: MinuteEntry) {
    entries.value = entries.value.map((e) => (e.id === updated.id ? updated : e));
  }

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
      .minutes.deleteDraft(minutesEditDraftKey(id, entryId))
      .catch(() => undefined);
  }

  function toggleHistory(entryId: Id): void {
    const next = new Set(historyOpen.value);
    if (!next.delete(entryId)) next.add(entryId);
    historyOpen.value = next;
  }

  /** Link an entry to the concern the live screen made from it. */
  async function linkConcern(entryId: Id, concernId: Id | undefined): Promise<void> {
    const updated = await repositories().minutes.setConcern(entryId, concernId);
    if (updated) replaceEntry(updated);
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
