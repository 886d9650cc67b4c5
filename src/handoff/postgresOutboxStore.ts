import type { Pool } from 'pg';
import { parseStoredCase } from './handoffCase.js';
import type { HandoffCase, OutboxEntry, OutboxStatus, OutboxStore } from './outboxStore.js';
import { migrate } from '../storage/pgMigrate.js';

interface Row {
  case_json: unknown;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  enqueued_at?: string;
}

const COLUMNS = 'case_json, status, attempts, next_attempt_at, last_error, sent_at';

const MIGRATION = [
  `CREATE TABLE IF NOT EXISTS handoff_outbox (
    reference TEXT PRIMARY KEY,
    user_key TEXT NOT NULL,
    case_json JSONB NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    sent_at BIGINT,
    enqueued_at BIGINT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS handoff_outbox_due ON handoff_outbox(status, next_attempt_at)',
  'CREATE INDEX IF NOT EXISTS handoff_outbox_user ON handoff_outbox(user_key)',
];

/**
 * OutboxStore in PostgreSQL, for several bot instances sharing one database; claims use SKIP LOCKED.
 * For a 'sending' entry, next_attempt_at is the lease expiry, as in SqliteOutboxStore.
 */
export class PostgresOutboxStore implements OutboxStore {
  private constructor(private readonly pool: Pool) {}

  /** Creates the table if needed and returns a store on the pool. */
  static async open(pool: Pool): Promise<PostgresOutboxStore> {
    await migrate(pool, 'handoff_outbox', MIGRATION);
    return new PostgresOutboxStore(pool);
  }

  async enqueue(c: HandoffCase, now: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO handoff_outbox(reference, user_key, case_json, status, attempts, next_attempt_at, enqueued_at)
       VALUES ($1, $2, $3, 'queued', 0, $4, $4) ON CONFLICT (reference) DO NOTHING`,
      [c.reference, c.userKey, JSON.stringify(c), now],
    );
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    if (limit <= 0) return [];
    const res = await this.pool.query<Row>(
      `UPDATE handoff_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2
       WHERE reference IN (
         SELECT reference FROM handoff_outbox
         WHERE status IN ('queued', 'sending') AND next_attempt_at <= $1
         ORDER BY next_attempt_at, enqueued_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}, enqueued_at`,
      [now, now + leaseMs, Math.floor(limit)],
    );
    // RETURNING has no order; oldest first keeps delivery roughly FIFO.
    return res.rows.sort((a, b) => Number(a.enqueued_at) - Number(b.enqueued_at)).map(toEntry);
  }

  async markSent(reference: string, now: number): Promise<void> {
    await this.pool.query(`UPDATE handoff_outbox SET status = 'sent', sent_at = $2, next_attempt_at = $2 WHERE reference = $1`, [
      reference,
      now,
    ]);
  }

  async markFailed(reference: string, error: string, nextAttemptAt: number, permanent: boolean): Promise<void> {
    // A late failure report must not undo a delivery another worker completed after this lease expired.
    await this.pool.query(
      `UPDATE handoff_outbox SET status = $2, last_error = $3, next_attempt_at = $4 WHERE reference = $1 AND status <> 'sent'`,
      [reference, permanent ? 'failed' : 'queued', error, nextAttemptAt],
    );
  }

  async get(reference: string): Promise<OutboxEntry | null> {
    const res = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM handoff_outbox WHERE reference = $1`, [reference]);
    return res.rows[0] ? toEntry(res.rows[0]) : null;
  }

  async listByUser(userKey: string): Promise<OutboxEntry[]> {
    const res = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM handoff_outbox WHERE user_key = $1 ORDER BY enqueued_at, reference`,
      [userKey],
    );
    return res.rows.map(toEntry);
  }

  async deleteUnsentByUser(userKey: string): Promise<number> {
    const res = await this.pool.query(`DELETE FROM handoff_outbox WHERE user_key = $1 AND status <> 'sent'`, [userKey]);
    return res.rowCount ?? 0;
  }

  /** Deletes entries enqueued before `cutoff`, whatever their state, except those being sent right now. */
  async purgeOlderThan(cutoff: number): Promise<number> {
    const res = await this.pool.query(`DELETE FROM handoff_outbox WHERE enqueued_at < $1 AND status <> 'sending'`, [cutoff]);
    return res.rowCount ?? 0;
  }
}

// BIGINT arrives as a string from pg; millisecond timestamps fit a double exactly.
function toEntry(row: Row): OutboxEntry {
  return {
    case: parseStoredCase(row.case_json),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
  };
}
