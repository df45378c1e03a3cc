// 会议列表: the meetings and what the list shows of them.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { repositories } from '../db';
import type { Meeting } from '../../shared/domain/types';

/** The meetings list. */
export const useMeetingStore = defineStore('meeting', () => {
  const meetings = shallowRef<Meeting[]>([]);
  const loaded = ref(false);

  async function load(): Promise<void> {
    meetings.value = await repositories().meetings.listActive();
    loaded.value = true;
  }

  return { meetings, loaded, load };
});
