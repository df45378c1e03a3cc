// The first start: offer the demo, or begin blank.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { repositories } from '../db';
import { loadDemoDataset } from '../db/demo-loader';
import { loadDemoFollowUp } from '../db/demo-follow-up-loader';
import { buildDemoFollowUp } from '../../shared/demo/demo-follow-up';
import { buildDemoDataset } from '../../shared/demo/demo-dataset';
import { toIsoDate } from '../../shared/domain/workdays';
import type { Onboarding } from '../db/repositories/settings';
import { useMeetingStore } from './meeting';
import { useSettingsStore } from './settings';

/** App-wide state: onboarding. */
export const useAppStore = defineStore('app', () => {
  const onboarding = ref<Onboarding>('pending');
  const ready = ref(false);

  async function init(): Promise<void> {
    onboarding.value = await repositories().settings.onboarding();
    ready.value = true;
  }

  /** Load the demo organisation, enterprises and meetings (载入示例数据). */
  async function loadDemo(): Promise<void> {
    const now = Date.now();
    const today = toIsoDate(now);
    const newId = () => crypto.randomUUID();
    const demo = buildDemoDataset({ today, now, newId });
    await loadDemoDataset(repositories().db, demo);
    // Two earlier meetings whose items are followed up, so 跟踪督办 shows every state.
    await loadDemoFollowUp(repositories().db, demo, buildDemoFollowUp(demo, today, newId));
    onboarding.value = 'demo';
    await Promise.all([useMeetingStore().load(), useSettingsStore().load()]);
  }

  /** Start with an empty database. */
  async function startBlank(): Promise<void> {
    await repositories().settings.saveOnboarding('blank');
    onboarding.value = 'blank';
  }

  return { onboarding, ready, init, loadDemo, startBlank };
});
