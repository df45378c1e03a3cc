// 会议: the list, creating and editing, the recycle bin.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { validateMeeting, type MeetingDraft, type MeetingErrors } from '../../shared/domain/meeting';
import { meetingsByUrgency } from '../../shared/domain/meeting-lifecycle';
import type { Id, Meeting } from '../../shared/domain/types';
import { toIsoDate } from '../../shared/domain/workdays';
import { toStorable } from '../lib/storable';

/** Meetings: the list and the recycle bin. */
export const useMeetingStore = defineStore('meeting', () => {
  const meetings = shallowRef<Meeting[]>([]);
  const recycled = shallowRef<Meeting[]>([]);
  const loaded = ref(false);

  async function load(): Promise<void> {
    const repo = repositories().meetings;
    [meetings.value, recycled.value] = await Promise.all([repo.listActive(), repo.listRecycled()]);
    loaded.value = true;
  }

  /** Every meeting ever made, for the next 期次. */
  function allForNumbering(): Promise<Meeting[]> {
    return repositories().meetings.listAll();
  }

  /** Create or update a meeting; returns the saved meeting or the errors by field. */
  async function save(
    draft: MeetingDraft,
    id?: Id,
  ): Promise<{ ok: true; meeting: Meeting } | { ok: false; errors: MeetingErrors }> {
    const checked = validateMeeting(draft);
    if (!checked.ok) return checked;
    const repo = repositories().meetings;
    const now = Date.now();
    const existing = id ? await repo.get(id) : undefined;
    const meeting: Meeting = existing
      ? { ...existing, ...checked.value, updatedAt: now }
      : { id: crypto.randomUUID(), ...checked.value, status: 'preparing', createdAt: now, updatedAt: now };
    await repo.save(toStorable(meeting));
    await load();
    return { ok: true, meeting };
  }

  /** How many minute entries would go with the meeting into the recycle bin. */
  function minutesOf(id: Id): Promise<number> {
    return repositories().meetings.countMinutes(id);
  }

  async function moveToRecycleBin(id: Id): Promise<void> {
    await repositories().meetings.moveToRecycleBin(id, Date.now());
    await load();
  }

  async function restore(id: Id): Promise<void> {
    await repositories().meetings.restore(id, Date.now());
    await load();
  }

  /**
   * The meeting a screen opens when none is named: the one in progress (when `live`), else the
   * soonest preparing one from today on, else the last preparing one.
   */
  async function nextMeetingId({ live }: { live: boolean }): Promise<Id | undefined> {
    await load();
    if (live) {
      const running = meetings.value.find((m) => m.status === 'live');
      if (running) return running.id;
    }
    const today = toIsoDate(Date.now());
    const preparing = meetings.value
      .filter((m) => m.status === 'preparing')
      .sort((a, b) => a.date.localeCompare(b.date));
    return (preparing.find((m) => m.date >= today) ?? preparing[preparing.length - 1])?.id;
  }

  /**
   * The meeting the 签批 and 交办导出 screens open when none is named: the one that needs the secretary
   * first (meetingsByUrgency: waiting for signatures, oldest first, then waiting for handoff …).
   */
  async function signingMeetingId(): Promise<Id | undefined> {
    await load();
    return meetingsByUrgency(meetings.value.filter((m) => m.status !== 'preparing'))[0]?.id;
  }

  return {
    meetings,
    signingMeetingId,
    recycled,
    loaded,
    load,
    nextMeetingId,
    allForNumbering,
    save,
    minutesOf,
    moveToRecycleBin,
    restore,
  };
});
