import type { Storage } from 'botbuilder';

/** The Storage the bot uses, plus the housekeeping every backend must offer. */
export interface AppStorage extends Storage {
  keysWithPrefix(prefix: string): Promise<string[]>;
  purgeOlderThan(maxAgeMs: number): Promise<number>;
  close(): void | Promise<void>;
}
