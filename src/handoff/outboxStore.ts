/** A case handed to a programme's project leads. Free of botbuilder types on purpose. */
export interface HandoffCase {
  /** Reference shown to the user, e.g. "FL-2026-7K3Q9". Also the idempotency key. */
  reference: string;
  programId: string | null;
  programName: string | null;
  recipient: string;
  createdAt: string;
  locale: 'de' | 'en';
  /** Hashed user id, so "delete my data" and "status" can find the user's cases. */
  userKey: string;
  question: string;
  replyTo: string | null;
  profile: Record<string, string> | null;
  transcript: { from: 'user' | 'bot'; text: string; at: string }[];
  citations: { title: string; quote: string; url?: string }[];
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  case: HandoffCase;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
}

/** Durable outbox; implementations: SQLite (default) and PostgreSQL (several instances). */
export interface OutboxStore {
  /** Adds a case; adding the same reference twice keeps the first (idempotent). */
  enqueue(c: HandoffCase, now: number): Promise<void>;
  /** Claims up to `limit` due entries for delivery; a claimed entry is invisible to other workers until released. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  markSent(reference: string, now: number): Promise<void>;
  markFailed(reference: string, error: string, nextAttemptAt: number, permanent: boolean): Promise<void>;
  get(reference: string): Promise<OutboxEntry | null>;
  listByUser(userKey: string): Promise<OutboxEntry[]>;
  /** Removes a user's cases that were not sent yet; returns how many. */
  deleteUnsentByUser(userKey: string): Promise<number>;
  purgeOlderThan(cutoff: number): Promise<number>;
}
