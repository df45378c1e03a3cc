// The directory's enterprises by the keys a duplicate is found by — name key and credit code — built in parts in the
// background with the search (issue 17). Saving one enterprise into 100,000 used to build the whole duplicate
// lookup again (some 250 ms of one task): now the check looks only at the enterprises that share a key with it.
import { normalizeCreditCode } from '../../shared/domain/credit-code';
import { checkDraft, enterpriseNameKey } from '../../shared/directory/row-rules';
import type { EnterpriseDraft } from '../../shared/directory/types';
import type { Enterprise } from '../../shared/domain/types';

/** The enterprises of a list by name key and by credit code. */
export class DuplicateKeys {
  /** Key → the positions in the list of the enterprises that have it. */
  private readonly byKey = new Map<string, number[]>();
  private done = 0;

  constructor(private readonly list: readonly Enterprise[]) {}

  /** Every enterprise has its keys in. */
  get complete(): boolean {
    return this.done >= this.list.length;
  }

  /** Take the keys of the next `count` enterprises. */
  addNext(count: number): void {
    const end = Math.min(this.list.length, this.done + count);
    for (let i = this.done; i < end; i += 1) {
      const e = this.list[i]!;
      this.add(`n:${enterpriseNameKey(e.name ?? '')}`, i);
      this.add(`c:${normalizeCreditCode(e.creditCode ?? '')}`, i);
    }
    this.done = end;
  }

  /**
   * The enterprises a record could be a duplicate of, as the rules clean and compare it (row-rules.ts): those with
   * its name key or its credit code, in list order (the check names the first it meets). The whole list while the
   * keys are not all in.
   */
  candidates(input: EnterpriseDraft): readonly Enterprise[] {
    if (!this.complete) return this.list;
    const { draft } = checkDraft(input);
    const found = new Set([
      ...(this.byKey.get(`n:${enterpriseNameKey(draft.name)}`) ?? []),
      ...(this.byKey.get(`c:${normalizeCreditCode(draft.creditCode)}`) ?? []),
    ]);
    return [...found].sort((a, b) => a - b).map((i) => this.list[i]!);
  }

  private add(key: string, position: number): void {
    if (key.length === 2) return;
    const same = this.byKey.get(key);
    if (same) same.push(position);
    else this.byKey.set(key, [position]);
  }
}
