// The check on start (and on demand): the audit chain and every signature. What it finds is shown
// in a red banner on every screen until it is dealt with — a changed signed assignment must never
// pass unnoticed (DESIGN.md §7).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { repositories } from '../db';
import { SignOffRepository, type SignatureProblem } from '../db/repositories/sign-offs';
import type { AuditVerdict } from '../../shared/domain/integrity';
import type { Assignment, Id } from '../../shared/domain/types';

/** One signed assignment whose signature does not hold. */
export interface IntegrityFinding {
  assignment: Assignment;
  problem: SignatureProblem;
}

export const useIntegrityStore = defineStore('integrity', () => {
  const audit = shallowRef<AuditVerdict>();
  const findings = shallowRef<IntegrityFinding[]>([]);
  const checking = ref(false);
  const checkedAt = ref<number>();

  async function check(): Promise<void> {
    checking.value = true;
    try {
      const repo = new SignOffRepository(repositories().db);
      const [verdict, problems] = await Promise.all([repo.verifyAudit(), repo.verifyAll()]);
      audit.value = verdict;
      findings.value = [...problems.values()];
      checkedAt.value = Date.now();
    } finally {
      checking.value = false;
    }
  }

  /** Forget a finding once the assignment has been re-signed or checked clean elsewhere. */
  function settle(id: Id) {
    findings.value = findings.value.filter((f) => f.assignment.id !== id);
  }

  const alarming = computed(() => (audit.value && !audit.value.ok) || findings.value.length > 0);

  return { audit, findings, checking, checkedAt, alarming, check, settle };
});
