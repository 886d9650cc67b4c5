import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type { Pool, PoolClient, QueryResult } from 'pg';
import { z } from 'zod';
import type { AppStorage, ChangedItems } from './appStorage.js';
import { StorageConflictError } from './storageErrors.js';

const optionsSchema = z.object({
  table: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
    .default('bot_state'),
  maxConnections: z.number().int().min(1).max(100).default(10),
});

export interface PostgresStorageOptions {
  /** Table holding the items; tests use one table per storage. Default bot_state. */
  table?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** Clock in epoch ms; injected by tests of purgeOlderThan. */
  now?: () => number;
  /** Called when an idle pooled connection fails (e.g. the server restarted). */
  onPoolError?: (err: Error) => void;
}

const rowSchema = z.object({ key: z.string(), doc: z.string(), etag: z.string() });
const changedRowSchema = z.object({ key: z.string(), doc: z.string().nullable(), etag: z.string() });
const docSchema = z.record(z.string(), z.unknown());

/**
 * botbuilder Storage on PostgreSQL with the same optimistic concurrency as SqliteStorage: a write
 * whose eTag does not match the stored one fails with StorageConflictError; eTag '*' or none writes
 * unconditionally; an eTag for a key not stored yet inserts.
 */
export class PostgresStorage implements AppStorage {
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
    private readonly now: () => number,
  ) {}

  /** Connects, creates the table if needed and returns the storage; fails fast if the server is unreachable. */
  static async open(url: string, opts: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const { table, maxConnections } = optionsSchema.parse({ table: opts.table, maxConnections: opts.maxConnections });
    // Loaded only when PostgreSQL is configured: most installations run on SQLite, and pg adds start-up time.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: maxConnections });
    // An idle client's connection dropping must not crash the process; the next query reconnects.
    pool.on('error', (err) => opts.onPoolError?.(err));
    const storage = new PostgresStorage(pool, table, opts.now ?? Date.now);
    try {
      await storage.migrate();
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return storage;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      // Two instances starting together would race on CREATE TABLE IF NOT EXISTS (duplicate pg_type row).
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`foerderlotse:migrate:${this.table}`]);
      // COLLATE "C": keys compare and sort byte-wise, as in SqliteStorage, whatever the database locale.
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        key TEXT COLLATE "C" PRIMARY KEY,
        doc TEXT NOT NULL,
        etag TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL)`);
      await client.query(`CREATE INDEX IF NOT EXISTS ${this.table}_updated_at ON ${this.table} (updated_at)`);
    });
  }

  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackErr) {
        // A connection that cannot roll back is broken; destroy it rather than return it to the pool.
        client.release(rollbackErr as Error);
      }
      throw err;
    }
  }

  /** Reads the stored items; missing keys are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    if (keys.length === 0) return out;
    const res = await this.pool.query(`SELECT key, doc, etag FROM ${this.table} WHERE key = ANY($1::text[])`, [keys]);
    for (const raw of res.rows) {
      const row = rowSchema.parse(raw);
      out[row.key] = { ...docSchema.parse(JSON.parse(row.doc)), eTag: row.etag };
    }
    return out;
  }

  /** One round trip: documents only for keys whose eTag differs from the known one. */
  async readChanged(known: Record<string, string | undefined>): Promise<ChangedItems> {
    const result: ChangedItems = { items: {}, unchanged: new Set() };
    const keys = Object.keys(known);
    if (keys.length === 0) return result;
    const res = await this.pool.query(
      `SELECT s.key, s.etag, CASE WHEN s.etag = k.etag THEN NULL ELSE s.doc END AS doc
       FROM ${this.table} s JOIN unnest($1::text[], $2::text[]) AS k(key, etag) ON s.key = k.key`,
      [keys, keys.map((k) => known[k] ?? '')],
    );
    for (const raw of res.rows) {
      const row = changedRowSchema.parse(raw);
      if (row.doc === null) result.unchanged.add(row.key);
      else result.items[row.key] = { ...docSchema.parse(JSON.parse(row.doc)), eTag: row.etag };
    }
    return result;
  }

  /** Writes all items in one transaction; throws StorageConflictError (and writes nothing) if any eTag is stale. */
  async write(changes: StoreItems): Promise<void> {
    // Sorted so concurrent multi-key writes take row locks in the same order and cannot deadlock.
    const entries = Object.entries(changes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return;
    const updatedAt = new Date(this.now());
    // ON CONFLICT ... WHERE decides insert, update or conflict atomically, also under concurrent writers.
    const sql = `INSERT INTO ${this.table} (key, doc, etag, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at
      WHERE $5::text IS NULL OR ${this.table}.etag = $5::text`;
    const writeAll = async (query: (text: string, values: unknown[]) => Promise<QueryResult>) => {
      const etags: string[] = [];
      for (const [key, item] of entries) {
        const { eTag, ...doc } = (item ?? {}) as Record<string, unknown>;
        const expected = eTag === undefined || eTag === null || eTag === '*' ? null : String(eTag);
        const etag = randomUUID();
        const res = await query(sql, [key, JSON.stringify(doc), etag, updatedAt, expected]);
        if (res.rowCount !== 1) throw new StorageConflictError(key);
        etags.push(etag);
      }
      return etags;
    };
    const etags =
      entries.length === 1
        ? await writeAll((text, values) => this.pool.query(text, values))
        : await this.transaction((client) => writeAll((text, values) => client.query(text, values)));
    // botbuilder reads the new eTag back from the object it wrote; set only once the write is committed.
    entries.forEach(([, item], i) => {
      if (item) item.eTag = etags[i];
    });
  }

  /** Deletes the items; missing keys are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.pool.query(`DELETE FROM ${this.table} WHERE key = ANY($1::text[])`, [keys]);
  }

  /** Keys starting with a prefix, e.g. everything of one user. */
  async keysWithPrefix(prefix: string): Promise<string[]> {
    const res = await this.pool.query(`SELECT key FROM ${this.table} WHERE starts_with(key, $1) ORDER BY key`, [prefix]);
    return res.rows.map((r) => z.string().parse(r.key));
  }

  /** Deletes items not written for longer than maxAgeMs; returns how many. */
  async purgeOlderThan(maxAgeMs: number): Promise<number> {
    const res = await this.pool.query(`DELETE FROM ${this.table} WHERE updated_at < $1`, [new Date(this.now() - maxAgeMs)]);
    return res.rowCount ?? 0;
  }

  /** Closes the pool; safe to call more than once. */
  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
