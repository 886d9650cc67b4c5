/** A write carried an eTag that no longer matches the stored item: someone else wrote first. */
export class StorageConflictError extends Error {
  readonly code = 'STORAGE_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage conflict on key ${key}: the item was changed by another writer`);
    this.name = 'StorageConflictError';
  }
}
