// The signing session of 签批模式: which assignment is on screen, who signs, the signature's strokes
// (saved to the database after every stroke, so nothing is lost on a crash), the sign itself and the
// reopening of a signed item. The screen renders it; toasts and confirmations are the screen's and
// come in as `ui`.
import { computed, ref, shallowRef, watch } from 'vue';
import { useAssignmentStore, type DraftFields } from '../../stores/assignments';
import { useSettingsStore } from '../../stores/settings';
import type {
  Assignment,
  Concern,
  Id,
  InkCapture,
  InkStroke,
  MinuteEntry,
} from '../../../shared/domain/types';

export type SignatureMode = 'each' | 'once';
export const SIGNATURE_MODES = [
  { value: 'each' as const, label: '逐件签名' },
  { value: 'once' as const, label: '签一次，逐项确认' },
];

/** Why a signed item is changed: the leader taps one; it goes into the audit log with the change. */
export const REOPEN_REASONS = [
  '调整牵头单位或配合单位',
  '调整办理时限',
  '修改批示',
  '采用签批后更新的企业或诉求信息',
  '其他原因（由秘书补记）',
].map((r) => ({ value: r, label: r }));

/** One line of the side list. */
export interface RailItem {
  id: Id;
  name: string;
  /** What tells two items of one enterprise apart: their demand. */
  demand: string;
  state: string;
  done: boolean;
  bad: boolean;
}

export interface SignSessionUi {
  toast: (type: 'success' | 'error' | 'info', message: string) => void;
  /** Ask before going on; resolves true when the leader confirms. */
  confirm: (message: string, title: string, confirmText: string, customClass: string) => Promise<boolean>;
}

export function useSignSession(meetingId: () => string, ui: SignSessionUi) {
  const store = useAssignmentStore();
  const settings = useSettingsStore();

  const state = ref<'loading' | 'ready' | 'missing'>('loading');
  const index = ref(0);
  const signer = ref<Id>();
  const strokes = ref<InkStroke[]>([]);
  const mode = ref<SignatureMode>('each');
  const held = shallowRef<InkCapture>();
  const busy = ref(false);
  const announcement = ref('');
  const reasonSheet = ref(false);

  watch(
    meetingId,
    async (id) => {
      state.value = 'loading';
      await settings.load();
      await store.load(id);
      if (!store.meeting) {
        state.value = 'missing';
        return;
      }
      const firstDraft = store.assignments.findIndex((a) => a.status === 'draft');
      index.value = Math.max(0, firstDraft);
      signer.value = store.meeting.hostLeaderIds[0] ?? settings.leaders[0]?.id;
      const saved = await store.signatureDraft();
      if (saved) {
        strokes.value = saved.ink;
        if (saved.signer) signer.value = saved.signer;
        ui.toast('info', '已恢复上次未完成的签名');
      }
      state.value = 'ready';
    },
    { immediate: true },
  );

  const current = computed<Assignment | undefined>(() => store.assignments[index.value]);
  const locked = computed(() => !!current.value && current.value.status !== 'draft');
  const concernsOf = computed(() =>
    (current.value?.concernIds ?? []).map((id) => store.concernById.get(id)).filter((c): c is Concern => !!c),
  );
  const answers = computed(() => {
    const ids = [...new Set(concernsOf.value.flatMap((c) => c.answerEntryIds))];
    return ids
      .map((id) => store.entryById.get(id))
      .filter((e): e is MinuteEntry => !!e)
      .sort((a, b) => a.at - b.at);
  });
  const nameOf = (a: Assignment | undefined) =>
    store.enterprises.get(a?.enterpriseId ?? '')?.name ?? '（企业已删除）';
  const enterpriseName = computed(() => nameOf(current.value));
  const dueAt = computed(() => (current.value ? store.dueDateOf(current.value) : undefined));
  const limitWarning = computed(() =>
    current.value && !locked.value ? store.limitWarning(current.value) : undefined,
  );
  const suggestion = computed(() => (current.value ? store.suggestedInstruction(current.value) : ''));
  const phraseGroups = computed(() => (current.value ? store.phrasesFor(current.value) : []));

  const railItems = computed<RailItem[]>(() =>
    store.assignments.map((a) => {
      const problem = store.problems[a.id];
      return {
        id: a.id,
        name: nameOf(a),
        demand:
          a.concernIds
            .map((id) => store.concernById.get(id)?.summary.trim())
            .filter((t) => t)
            .join('；') || '（无摘要）',
        state: problem ? problem.label : a.status === 'draft' ? '待签批' : '已签批',
        done: a.status !== 'draft',
        bad: !!problem,
      };
    }),
  );

  /** Save a change; an accepted suggestion follows the fields it was made from. */
  async function save(fields: DraftFields) {
    const a = current.value;
    if (!a) return;
    const followed = a.instruction === store.suggestedInstruction(a);
    const error = await store.updateDraft(a.id, fields);
    if (error) {
      ui.toast('error', error);
      return;
    }
    const updated = store.assignments.find((x) => x.id === a.id);
    if (followed && updated && fields.instruction === undefined) {
      const next = store.suggestedInstruction(updated);
      if (next !== updated.instruction) await store.updateDraft(a.id, { instruction: next });
    }
  }

  const onLead = (id: Id) =>
    save({ leadDeptId: id, coDeptIds: (current.value?.coDeptIds ?? []).filter((d) => d !== id) });

  // Signature strokes go to the database after every stroke.
  function onStrokes(next: InkStroke[]) {
    strokes.value = next;
    void store.saveSignatureDraft(signer.value, next);
  }
  function onSigner(id: Id | Id[]) {
    if (typeof id !== 'string') return;
    signer.value = id;
    held.value = undefined;
    if (strokes.value.length) void store.saveSignatureDraft(id, strokes.value);
  }
  function onMode(next: unknown) {
    if (next !== 'each' && next !== 'once') return;
    mode.value = next;
    // Back to one signature per item: the next item gets a fresh one.
    if (next === 'each' && held.value) forget();
  }
  function forget() {
    held.value = undefined;
    onStrokes([]);
  }

  async function onSign(signature: InkCapture) {
    const a = current.value;
    if (!a || !signer.value || busy.value) return;
    // Busy from the first moment: a tap arrives as a pointer lift and a click, and must sign (or ask) once.
    busy.value = true;
    try {
      // A sheet must not say 两周内 beside 2027年1月1日: the leader sees the mismatch and decides.
      const mismatch = store.limitWarning(a);
      if (
        mismatch &&
        !(await ui.confirm(
          `${mismatch}。交办单会照此打印。请先改批示或办理时限；确实如此，再点“仍然签批”。`,
          '批示与办理时限不一致',
          '仍然签批',
          'sign-confirm',
        ))
      )
        return;
      const result = await store.sign(a.id, signer.value, signature.strokes, signature.png);
      if (typeof result === 'string') {
        ui.toast('error', result);
        return;
      }
      const number = store.assignments.find((x) => x.id === a.id)?.docNumber ?? '';
      announcement.value = `已签批：${number}`;
      ui.toast('success', `已签批，文号${number}`);
      if (mode.value === 'once') held.value = signature;
      else onStrokes([]);
    } finally {
      busy.value = false;
    }
  }

  function reopen() {
    if (current.value?.status === 'signed') reasonSheet.value = true;
  }

  async function onReason(reason: Id | Id[]) {
    reasonSheet.value = false;
    const a = current.value;
    if (!a || typeof reason !== 'string') return;
    const error = await store.reopen(a.id, `签批模式中由领导修改：${reason}`);
    if (error) ui.toast('error', error);
    else ui.toast('info', '已改为待签批，原签批记录已保留；修改后请重新签名');
  }

  // A signed item is checked again whenever it is shown.
  watch(
    () => current.value?.id,
    (id) => {
      if (id && locked.value) void store.verifyOne(id);
    },
  );

  const signedCount = computed(() => store.assignments.filter((a) => a.status !== 'draft').length);
  const allSigned = computed(() => store.assignments.length > 0 && store.drafts.length === 0);
  const problem = computed(() => (current.value ? store.problems[current.value.id] : undefined));
  const signOff = computed(() => (current.value ? store.signOffsById[current.value.id] : undefined));
  const signerName = (id: Id | undefined) => settings.leaderById.get(id ?? '')?.name ?? '';
  // The meeting's hosts first: one of them usually signs.
  const signerOptions = computed(() => {
    const hosts = store.meeting?.hostLeaderIds ?? [];
    return [...settings.leaders]
      .sort((a, b) => Number(!hosts.includes(a.id)) - Number(!hosts.includes(b.id)))
      .map((l) => ({ value: l.id, label: l.name, hint: l.title }));
  });
  const nextDraftIndex = computed(() => {
    const n = store.assignments.length;
    for (let step = 1; step <= n; step++) {
      const i = (index.value + step) % n;
      if (store.assignments[i]?.status === 'draft') return i;
    }
    return -1;
  });

  function go(i: number) {
    if (i >= 0 && i < store.assignments.length) index.value = i;
  }

  return {
    state,
    index,
    signer,
    strokes,
    mode,
    held,
    busy,
    announcement,
    reasonSheet,
    current,
    locked,
    concernsOf,
    answers,
    enterpriseName,
    dueAt,
    limitWarning,
    suggestion,
    phraseGroups,
    railItems,
    signedCount,
    allSigned,
    problem,
    signOff,
    signerName,
    signerOptions,
    nextDraftIndex,
    save,
    onLead,
    onStrokes,
    onSigner,
    onMode,
    forget,
    onSign,
    reopen,
    onReason,
    go,
  };
}
