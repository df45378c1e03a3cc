// How one assignment is named on the screen, in buttons and dialogs: by its demands, because the
// document number comes only with the signature and one enterprise may have several drafts.
import type { Assignment, Concern, Id } from '../../../shared/domain/types';

/** The summaries of an assignment's demands, e.g. 「兑现二期厂房建设项目补贴；城市建设配套费给予政策支持」. */
export function assignmentTitle(a: Assignment, concernById: ReadonlyMap<Id, Concern>): string {
  const names = a.concernIds
    .map((id) => concernById.get(id))
    .map((c) => (c ? c.summary || c.verbatim.slice(0, 20) : ''))
    .filter(Boolean);
  return names.join('；') || '（诉求已删除）';
}
