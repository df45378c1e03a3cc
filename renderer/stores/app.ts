// The first start: offer the demo, or begin blank.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { repositories } from '../db';
import { loadDemoDataset } from '../db/demo-loader';
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
    const demo = buildDemoDataset({ today: toIsoDate(now), now, newId: () => crypto.randomUUID() });
    await loadDemoDataset(repositories().db, demo);
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
