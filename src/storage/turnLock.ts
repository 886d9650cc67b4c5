import { createRequire } from 'node:module';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { parseStorageUrl } from './createStorage.js';

/** Serialises work per key (a conversation id), so two turns of one conversation never interleave. */
export interface TurnLock {
  /** Runs fn once no other fn holds the key; throws TurnLockTimeoutError if that takes longer than the wait bound. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Releases connections; pending and running turns are not cancelled. */
  close(): Promise<void>;
}

/** A turn waited longer than the bound for its conversation's lock. */
export class TurnLockTimeoutError extends Error {
  readonly code = 'TURN_LOCK_TIMEOUT';
  constructor(
    readonly key: string,
    readonly waitMs: number,
  ) {
    super(`Timed out after ${waitMs} ms waiting for the turn lock of ${key}`);
    this.name = 'TurnLockTimeoutError';
  }
}

export interface TurnLockOptions {
  /** Longest a turn waits for its key before TurnLockTimeoutError. Default 10 s (channels give up on a turn after ~15 s). */
  waitMs?: number;
}

const waitMsSchema = z.number().int().min(1).max(600_000).default(10_000);

/** Resolves with p, or rejects with TurnLockTimeoutError at the deadline; a late value is handed to onLate. */
function withDeadline<T>(p: Promise<T>, key: string, waitMs: number, deadline: number, onLate?: (v: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new TurnLockTimeoutError(key, waitMs));
    }, Math.max(0, deadline - Date.now()));
    p.then(
      (v) => {
        if (timedOut) onLate?.(v);
        else {
          clearTimeout(timer);
          resolve(v);
        }
      },
      (err) => {
        if (timedOut) return;
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** TurnLock for a single process: a promise chain per key, dropped when its queue empties. */
export class InProcessTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<void>>();
  readonly waitMs: number;

  constructor(opts: TurnLockOptions = {}) {
    this.waitMs = waitMsSchema.parse(opts.waitMs);
  }

  /** Number of keys with a running or queued turn; 0 when idle (no leak). */
  get activeKeys(): number {
    return this.tails.size;
  }

  /** Runs fn after the key's earlier turns; `deadline` (epoch ms) lets a caller share one wait bound across stages. */
  async run<T>(key: string, fn: () => Promise<T>, deadline = Date.now() + this.waitMs): Promise<T> {
    const prev = this.tails.get(key);
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    // The successor waits for prev as well, so a waiter that timed out cannot let it overtake prev.
    const tail = prev ? prev.then(() => done) : done;
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    try {
      if (prev) await withDeadline(prev, key, this.waitMs, deadline);
      return await fn();
    } finally {
      release();
    }
  }

  /** Nothing to release; present for the TurnLock interface. */
  async close(): Promise<void> {}
}

/**
 * TurnLock across processes: holds a PostgreSQL session advisory lock on a dedicated pooled
 * connection while fn runs. Turns of one instance queue in process first, so a key never takes
 * more than one connection per instance.
 */
export class PostgresTurnLock implements TurnLock {
  private readonly pool: Pool;
  private readonly local: InProcessTurnLock;
  private closed: Promise<void> | null = null;
  readonly waitMs: number;

  constructor(url: string, opts: TurnLockOptions & { maxConnections?: number; onPoolError?: (err: Error) => void } = {}) {
    this.waitMs = waitMsSchema.parse(opts.waitMs);
    this.local = new InProcessTurnLock({ waitMs: this.waitMs });
    // Required only when PostgreSQL is configured: pg adds start-up time that SQLite installations need not pay.
    const { Pool: PgPool } = createRequire(import.meta.url)('pg') as typeof import('pg');
    this.pool = new PgPool({ connectionString: url, max: opts.maxConnections ?? 10 });
    // An idle client's connection dropping must not crash the process; the next turn reconnects.
    this.pool.on('error', (err) => opts.onPoolError?.(err));
  }

  /** Runs fn holding the key in this process and in the database; one wait bound covers queue, pool and lock. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.waitMs;
    return this.local.run(key, () => this.withAdvisoryLock(key, deadline, fn), deadline);
  }

  private async withAdvisoryLock<T>(key: string, deadline: number, fn: () => Promise<T>): Promise<T> {
    // A connection that arrives after the deadline goes straight back to the pool.
    const client = await withDeadline(this.pool.connect(), key, this.waitMs, deadline, (c) => c.release());
    let acquired = false;
    let broken: Error | undefined;
    try {
      const remaining = deadline - Date.now();
      if (remaining < 1) throw new TurnLockTimeoutError(key, this.waitMs);
      // lock_timeout bounds the wait on the server; 0 would mean "forever", hence the check above.
      await client.query("SELECT set_config('lock_timeout', $1, false)", [`${Math.ceil(remaining)}ms`]);
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockName(key)]);
      } catch (err) {
        if (isLockTimeout(err)) throw new TurnLockTimeoutError(key, this.waitMs);
        throw err;
      }
      acquired = true;
      return await fn();
    } finally {
      if (acquired) broken = await unlock(client, key);
      // A connection whose unlock failed may still hold the lock; destroying it ends the session and the lock.
      client.release(broken);
    }
  }

  /** Ends the pool once running turns have released their connections; safe to call more than once. */
  async close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}

// Namespaced so turn locks cannot collide with other advisory locks in the same database.
const lockName = (key: string) => `foerderlotse:turn:${key}`;

function isLockTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '55P03';
}

async function unlock(client: PoolClient, key: string): Promise<Error | undefined> {
  try {
    const res = await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0)) AS released', [lockName(key)]);
    return res.rows[0]?.released === true ? undefined : new Error(`advisory lock for ${key} was not held`);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** The TurnLock STORAGE_URL calls for: PostgreSQL advisory locks when instances share a PostgreSQL, else in-process. */
export function createTurnLock(storageUrl: string, opts: TurnLockOptions & { onPoolError?: (err: Error) => void; maxConnections?: number } = {}): TurnLock {
  const target = parseStorageUrl(storageUrl);
  return target.kind === 'postgres' ? new PostgresTurnLock(target.url, opts) : new InProcessTurnLock(opts);
}
