import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { parseStorageUrl, redactUrl } from '../storage/createStorage.js';
import type { FeedbackStore, FeedbackStoreOptions } from './feedbackStore.js';
import { PostgresFeedbackStore } from './postgresFeedbackStore.js';
import { SqliteFeedbackStore } from './sqliteFeedbackStore.js';

export interface OpenedFeedbackStore {
  store: FeedbackStore;
  /** Where the events live, password hidden (for messages). */
  location: string;
  close(): Promise<void>;
}

export interface OpenFeedbackStoreOptions extends FeedbackStoreOptions {
  /** Fail instead of creating a SQLite file that does not exist yet (the report CLI). */
  mustExist?: boolean;
  /**
   * The bot state's open connection to the same SQLite file. The service shares it: a second
   * connection would drop the first one's page cache at each of its writes and would not have the
   * first one's pragmas (synchronous = NORMAL), which made every turn's writes several times slower.
   */
  sqliteDb?: Database.Database;
}

/** Thrown when the SQLite file to report on does not exist. */
export class FeedbackStoreMissingError extends Error {
  constructor(readonly file: string) {
    super(`No state database at ${file}`);
    this.name = 'FeedbackStoreMissingError';
  }
}

/** Opens the FeedbackStore where STORAGE_URL points (as createStorage does): `${dataDir}/state.db` or PostgreSQL. */
export async function openFeedbackStore(storageUrl: string, dataDir: string, opts: OpenFeedbackStoreOptions = {}): Promise<OpenedFeedbackStore> {
  const target = parseStorageUrl(storageUrl);
  if (target.kind === 'sqlite') {
    const file = target.file ?? join(dataDir, 'state.db');
    // The owner of the shared connection closes it.
    if (opts.sqliteDb) return { store: new SqliteFeedbackStore(opts.sqliteDb, opts), location: file, close: async () => undefined };
    if (file !== ':memory:') {
      if (opts.mustExist && !existsSync(file)) throw new FeedbackStoreMissingError(file);
      mkdirSync(dirname(file), { recursive: true });
    }
    const db = new Database(file);
    try {
      const store = new SqliteFeedbackStore(db, opts);
      return { store, location: file, close: async () => void db.close() };
    } catch (err) {
      db.close();
      throw err;
    }
  }
  // Loaded only when PostgreSQL is configured (start-up time).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: target.url, max: 4 });
  // An idle connection dropping must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const store = await PostgresFeedbackStore.open(pool, opts);
    return { store, location: redactUrl(target.url), close: () => pool.end() };
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
