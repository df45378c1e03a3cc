/**
 * Turning a demand that needs assigning (需交办) and the on-site answer into a draft assignment:
 * the departments named in the answer suggest the lead and co-departments, the lead department's
 * 分管领导 (else the first host) suggests the lead leader.
 */
import type { Assignment, Concern, Department, EpochMs, Id, Leader, MinuteEntry } from './types';

/** The departments a text names, by full name, short name or alias, in order of first mention. */
export function departmentsNamedIn(text: string, departments: readonly Department[]): Department[] {
  const found: Array<{ department: Department; at: number }> = [];
  for (const d of departments) {
    // Longest names first, so 区财政局 is not found only as 财政.
    const names = [d.name, d.shortName, ...d.aliases]
      .filter((n) => n.length >= 2)
      .sort((a, b) => b.length - a.length);
    let at = -1;
    for (const n of names) {
      const i = text.indexOf(n);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ department: d, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.department);
}

/** What the draft is built from. */
export interface DraftSource {
  concern: Concern;
  /** The minute entries that answered the demand on site. */
  answers: readonly MinuteEntry[];
  departments: readonly Department[];
  leaders: readonly Leader[];
  hostLeaderIds: readonly Id[];
  now: EpochMs;
  newId: () => Id;
}

/**
 * A draft assignment (待签批) for one demand. The lead department is the first one that answered
 * on site (a 部门 entry), else the first named in the answers, else the demand's suggested
 * department; the others named become co-departments.
 */
export function draftAssignment(source: DraftSource): Assignment {
  const { concern, answers, departments } = source;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const answering = answers
    .filter((a) => a.role === 'department' && a.whoId && byId.has(a.whoId))
    .map((a) => byId.get(a.whoId!)!);
  const named = departmentsNamedIn(answers.map((a) => a.text).join('\n'), departments);
  const suggested = concern.suggestedDeptId ? byId.get(concern.suggestedDeptId) : undefined;
  const ordered = [...new Set([...answering, ...named, ...(suggested ? [suggested] : [])])];
  const lead = ordered[0];
  const leadLeaderId =
    (lead?.leaderId && source.leaders.some((l) => l.id === lead.leaderId) ? lead.leaderId : undefined) ??
    source.hostLeaderIds[0] ??
    source.leaders[0]?.id ??
    '';
  return {
    id: source.newId(),
    meetingId: concern.meetingId,
    enterpriseId: concern.enterpriseId,
    concernIds: [concern.id],
    leadLeaderId,
    leadDeptId: lead?.id ?? '',
    coDeptIds: ordered.slice(1).map((d) => d.id),
    instruction: '',
    status: 'draft',
    createdAt: source.now,
    updatedAt: source.now,
  };
}
