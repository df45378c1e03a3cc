// Where files go: a USB stick main lists, or a folder the user picks (in the browser build, the download folder).
// One choice for the whole app — the meeting's export and a backup to a USB stick offer the same sticks.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { desk } from '../bridge';
import type { ExportTarget, RemovableDrive } from '../../shared/ipc/contract';

/** A target with what to show for it. */
export type ChosenTarget = ExportTarget & { label: string };

export const useExportTargetStore = defineStore('export-target', () => {
  /** What the bridge runs on: in the browser build there are no drives, only the download folder. */
  const runtime = ref<'electron' | 'web'>();
  const drives = shallowRef<RemovableDrive[]>([]);
  const target = shallowRef<ChosenTarget>();
  const listing = ref(false);

  /** Ask main for a folder (the native dialog); undefined also when the user cancels. */
  async function chooseFolder(): Promise<string | undefined> {
    const result = await desk.files.chooseDirectory();
    if (!result.ok) return result.error.message;
    if (result.value)
      target.value = { kind: 'directory', directoryToken: result.value.token, label: result.value.label };
    return undefined;
  }

  /**
   * The removable drives plugged in now; the first one is chosen when nothing is. In the browser build there
   * are none, and files go to the browser's downloads: that is chosen at once.
   */
  async function listDrives(): Promise<string | undefined> {
    listing.value = true;
    try {
      if (!runtime.value) {
        const info = await desk.app.info();
        runtime.value = info.ok ? info.value.runtime : 'electron';
      }
      if (runtime.value === 'web') {
        if (!target.value) return await chooseFolder();
        return undefined;
      }
      const result = await desk.export.listDrives();
      if (!result.ok) return result.error.message;
      drives.value = result.value;
      const current = target.value;
      const still = current?.kind === 'drive' && result.value.some((d) => d.id === current.driveId);
      if (!still && current?.kind !== 'directory') {
        const first = result.value[0];
        target.value = first
          ? { kind: 'drive', driveId: first.id, label: `${first.label}（${first.mount}）` }
          : undefined;
      }
      return undefined;
    } finally {
      listing.value = false;
    }
  }

  function chooseDrive(d: RemovableDrive) {
    target.value = { kind: 'drive', driveId: d.id, label: `${d.label}（${d.mount}）` };
  }

  /** The chosen target as the bridge takes it (without the label), or undefined. */
  function bridgeTarget(): ExportTarget | undefined {
    const chosen = target.value;
    if (!chosen) return undefined;
    return chosen.kind === 'drive'
      ? { kind: 'drive', driveId: chosen.driveId }
      : { kind: 'directory', directoryToken: chosen.directoryToken };
  }

  return { runtime, drives, target, listing, listDrives, chooseDrive, chooseFolder, bridgeTarget };
});
