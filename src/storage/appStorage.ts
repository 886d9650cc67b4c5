import type { Storage, StoreItems } from 'botbuilder';

/** What readChanged returns: the items that differ from the caller's copies, and the keys that do not. */
export interface ChangedItems {
  /** Items whose stored eTag differs from the known one (or none was known); missing keys are absent. */
  items: StoreItems;
  /** Keys stored with exactly the known eTag: the caller's copy is current and was not transferred. */
  unchanged: Set<string>;
}

/** The Storage the bot uses, plus the housekeeping every backend must offer. */
export interface AppStorage extends Storage {
  /**
   * A conditional read: for each key with a known eTag, the stored document is transferred only
   * when its eTag differs. Lets a process reuse the copy it wrote last while another instance's
   * write is still seen.
   */
  readChanged(known: Record<string, string | undefined>): Promise<ChangedItems>;
  keysWithPrefix(prefix: string): Promise<string[]>;
  purgeOlderThan(maxAgeMs: number): Promise<number>;
  close(): void | Promise<void>;
}
