import { startPostgres } from '../tests/support/postgres.js';
import { formatScaleResult, runScaleLoad, type ScaleResult } from '../tests/scale/loadDriver.js';

/** One backend's figures under the scale load (all conversations at once, no kill). */
export interface ScaleBenchRow {
  backend: 'sqlite' | 'postgres';
  instances: number;
  conversations: number;
  /** Conversations that ended with their complete, correct profile (replies, cards and storage). */
  correct: number;
  turns: number;
  turnsPerSec: number;
  /** Turn latency in ms, as the channel sees it. */
  p50: number;
  p99: number;
  /** Turns re-run after an eTag conflict. */
  conflicts: number;
  errors5xx: number;
  /** Turns that failed inside a bot (logged turn_error / request_failed). */
  turnErrors: number;
}

export interface ScaleBenchOptions {
  /** Conversations in flight at once per backend. Default 200. */
  conversations?: number;
  /** Every n-th user chats in a second conversation at the same time (eTag races on the user item). Default 4; 0 = off. */
  sideChatEvery?: number;
  /** Also run PostgreSQL (needs its server binaries, as the PostgreSQL tests do). Default true. */
  postgres?: boolean;
  progress?: (line: string) => void;
}

function row(r: ScaleResult): ScaleBenchRow {
  return {
    backend: r.backend, instances: r.instances, conversations: r.conversations, correct: r.correct, turns: r.turns,
    turnsPerSec: r.turnsPerSec, p50: r.p50, p99: r.p99, conflicts: r.conflicts, errors5xx: r.errors5xx, turnErrors: r.turnErrors,
  };
}

/**
 * The Förder-Check for many users at once, through real bot processes: one instance on SQLite,
 * then two instances on one PostgreSQL behind an alternating load balancer. Same driver and checks
 * as tests/scale; no instance is killed here.
 */
export async function runScaleBench(opts: ScaleBenchOptions = {}): Promise<ScaleBenchRow[]> {
  const conversations = opts.conversations ?? 200;
  const sideChatEvery = opts.sideChatEvery ?? 4;
  const progress = opts.progress ?? (() => undefined);
  const rows: ScaleBenchRow[] = [];
  const sqlite = await runScaleLoad({ storage: { kind: 'sqlite' }, instances: 1, conversations, sideChatEvery, progress });
  progress(formatScaleResult(sqlite));
  rows.push(row(sqlite));
  if (opts.postgres ?? true) {
    const pg = await startPostgres();
    try {
      const postgres = await runScaleLoad({ storage: { kind: 'postgres', url: pg.url }, instances: 2, conversations, sideChatEvery, progress });
      progress(formatScaleResult(postgres));
      rows.push(row(postgres));
    } finally {
      await pg.stop();
    }
  }
  return rows;
}
