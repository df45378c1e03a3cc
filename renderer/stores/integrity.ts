// The check on start (and on demand): the audit chain, its anchor outside the database, and every
// signature. What it finds is shown in a red banner on every screen until it is dealt with — a changed
// signed assignment must never pass unnoticed (docs/architecture.md, "Signed and checked").
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import type { IntegrityFinding } from '../db/repositories/sign-offs';
import type { AuditVerdict } from '../../shared/domain/integrity';
import type { Id } from '../../shared/domain/types';

export type { IntegrityFinding } from '../db/repositories/sign-offs';

export const useIntegrityStore = defineStore('integrity', () => {
  const audit = shallowRef<AuditVerdict>();
  const findings = shallowRef<IntegrityFinding[]>([]);
  const checking = ref(false);
  const checkedAt = ref<number>();

  async function check(): Promise<void> {
    checking.value = true;
    try {
      const report = await repositories().signOffs.verifyAll();
      audit.value = report.audit;
      findings.value = [...report.findings.values()];
      checkedAt.value = Date.now();
    } finally {
      checking.value = false;
    }
  }

  /** Forget a finding once the assignment has been re-signed or checked clean elsewhere. */
  function settle(id: Id) {
    findings.value = findings.value.filter((f) => f.assignment.id !== id);
  }

  /**
   * After an anchor mismatch the secretary may confirm the log as it is (a profile restored or copied by
   * hand): the confirmation is recorded with the reason, and everything is checked again.
   */
  async function confirmLog(reason: string): Promise<void> {
    await repositories().audit.confirmCurrent(reason, Date.now());
    await check();
  }

  const alarming = computed(() => (audit.value && !audit.value.ok) || findings.value.length > 0);

  return { audit, findings, checking, checkedAt, alarming, check, settle, confirmLog };
});
