/**
 * A plain deep copy of a record, fit for IndexedDB: a Vue `reactive()` proxy (or anything holding one) cannot be
 * structured-cloned and Dexie throws DataCloneError (docs/pitfalls.md). A JSON round trip also drops `undefined`
 * fields, as the stored records always have.
 */
export const toStorable = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
