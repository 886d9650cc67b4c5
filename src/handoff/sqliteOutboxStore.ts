import type Database from 'better-sqlite3';
import { parseStoredCase } from './handoffCase.js';
import type { HandoffCase, OutboxEntry, OutboxStatus, OutboxStore } from './outboxStore.js';

interface Row {
  case_json: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  sent_at: number | null;
}

const COLUMNS = 'case_json, status, attempts, next_attempt_at, last_error, sent_at';

/**
 * OutboxStore in a table `handoff_outbox` of a better-sqlite3 database (usually the bot's state file).
 * For a 'sending' entry, next_attempt_at is the lease expiry, so one index serves both due and stale entries.
 */
export class SqliteOutboxStore implements OutboxStore {
  private readonly stmt: {
    insert: Database.Statement;
    selectDue: Database.Statement;
    lease: Database.Statement;
    sent: Database.Statement;
    failed: Database.Statement;
    get: Database.Statement;
    byUser: Database.Statement;
    deleteUnsent: Database.Statement;
    purge: Database.Statement;
  };
  private readonly claimTx: (now: number, limit: number, leaseMs: number) => Row[];

  constructor(private readonly db: Database.Database) {
    // A second connection on the same file must wait for the claim lock instead of failing with SQLITE_BUSY.
    if (db.pragma('busy_timeout', { simple: true }) === 0) db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS handoff_outbox (
      reference TEXT PRIMARY KEY,
      user_key TEXT NOT NULL,
      case_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      last_error TEXT,
      sent_at INTEGER,
      enqueued_at INTEGER NOT NULL)`);
    db.exec('CREATE INDEX IF NOT EXISTS handoff_outbox_due ON handoff_outbox(status, next_attempt_at)');
    db.exec('CREATE INDEX IF NOT EXISTS handoff_outbox_user ON handoff_outbox(user_key)');
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO handoff_outbox(reference, user_key, case_json, status, attempts, next_attempt_at, enqueued_at)
         VALUES (?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT(reference) DO NOTHING`,
      ),
      selectDue: db.prepare(
        `SELECT reference FROM handoff_outbox
         WHERE status IN ('queued', 'sending') AND next_attempt_at <= ?
         ORDER BY next_attempt_at, enqueued_at LIMIT ?`,
      ),
      lease: db.prepare(
        `UPDATE handoff_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
         WHERE reference = ? RETURNING ${COLUMNS}`,
      ),
      sent: db.prepare(
        `UPDATE handoff_outbox SET status = 'sent', sent_at = ?, next_attempt_at = ? WHERE reference = ?`,
      ),
      // A late failure report must not undo a delivery another worker completed after this lease expired.
      failed: db.prepare(
        `UPDATE handoff_outbox SET status = ?, last_error = ?, next_attempt_at = ?
         WHERE reference = ? AND status <> 'sent'`,
      ),
      get: db.prepare(`SELECT ${COLUMNS} FROM handoff_outbox WHERE reference = ?`),
      byUser: db.prepare(`SELECT ${COLUMNS} FROM handoff_outbox WHERE user_key = ? ORDER BY enqueued_at, reference`),
      deleteUnsent: db.prepare(`DELETE FROM handoff_outbox WHERE user_key = ? AND status <> 'sent'`),
      // Entries mid-delivery survive a purge; they are finished first and purged on a later run.
      purge: db.prepare(`DELETE FROM handoff_outbox WHERE enqueued_at < ? AND status <> 'sending'`),
    };
    const claim = db.transaction((now: number, limit: number, leaseMs: number): Row[] => {
      const due = this.stmt.selectDue.all(now, limit) as { reference: string }[];
      return due.map((d) => this.stmt.lease.get(now + leaseMs, d.reference) as Row);
    });
    // IMMEDIATE takes the write lock before the SELECT, so two connections cannot pick the same rows.
    this.claimTx = (now, limit, leaseMs) => claim.immediate(now, limit, leaseMs);
  }

  async enqueue(c: HandoffCase, now: number): Promise<void> {
    this.stmt.insert.run(c.reference, c.userKey, JSON.stringify(c), now, now);
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    if (limit <= 0) return [];
    return this.claimTx(now, Math.floor(limit), leaseMs).map(toEntry);
  }

  async markSent(reference: string, now: number): Promise<void> {
    this.stmt.sent.run(now, now, reference);
  }

  async markFailed(reference: string, error: string, nextAttemptAt: number, permanent: boolean): Promise<void> {
    this.stmt.failed.run(permanent ? 'failed' : 'queued', error, nextAttemptAt, reference);
  }

  async get(reference: string): Promise<OutboxEntry | null> {
    const row = this.stmt.get.get(reference) as Row | undefined;
    return row ? toEntry(row) : null;
  }

  async listByUser(userKey: string): Promise<OutboxEntry[]> {
    return (this.stmt.byUser.all(userKey) as Row[]).map(toEntry);
  }

  async deleteUnsentByUser(userKey: string): Promise<number> {
    return this.stmt.deleteUnsent.run(userKey).changes;
  }

  /** Deletes entries enqueued before `cutoff`, whatever their state, except those being sent right now. */
  async purgeOlderThan(cutoff: number): Promise<number> {
    return this.stmt.purge.run(cutoff).changes;
  }
}

function toEntry(row: Row): OutboxEntry {
  return {
    case: parseStoredCase(row.case_json),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}
