import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import { migrate } from '../storage/pgMigrate.js';
import {
  prepareComment,
  prepareEvent,
  rankGroups,
  topQuestionsSchema,
  type FeedbackInput,
  type FeedbackStore,
  type FeedbackStoreOptions,
  type PreparedEvent,
  type TopQuestion,
  type TopQuestionsOptions,
  type UnansweredInput,
} from './feedbackStore.js';

const MIGRATION = [
  `CREATE TABLE IF NOT EXISTS feedback_events (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at BIGINT NOT NULL,
    program_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('unanswered', 'down', 'up')),
    question TEXT NOT NULL,
    question_key TEXT COLLATE "C" NOT NULL,
    answer TEXT NOT NULL,
    comment TEXT)`,
  'CREATE INDEX IF NOT EXISTS feedback_events_at ON feedback_events(at)',
  'CREATE INDEX IF NOT EXISTS feedback_events_group ON feedback_events(program_id, question_key, at)',
];

const groupRow = z.object({
  programkey: z.string(),
  unanswered: z.coerce.number(),
  down: z.coerce.number(),
  up: z.coerce.number(),
  lastat: z.coerce.number(),
  question: z.string(),
  lastanswer: z.string().nullable(),
  comments: z.string().nullable(),
});

// Same grouping as SqliteFeedbackStore; $1 = since (epoch ms), $2 = programme key or NULL for all.
const GROUP_SQL = `
  SELECT g.program_id AS programKey, g.question_key AS questionKey,
    COUNT(*) FILTER (WHERE g.kind = 'unanswered') AS unanswered, COUNT(*) FILTER (WHERE g.kind = 'down') AS down,
    COUNT(*) FILTER (WHERE g.kind = 'up') AS up, MAX(g.at) AS lastAt,
    (SELECT q.question FROM feedback_events q WHERE q.program_id = g.program_id AND q.question_key = g.question_key AND q.at >= $1
      ORDER BY q.at DESC, q.seq DESC LIMIT 1) AS question,
    (SELECT a.answer FROM feedback_events a WHERE a.program_id = g.program_id AND a.question_key = g.question_key AND a.at >= $1 AND a.answer <> ''
      ORDER BY a.at DESC, a.seq DESC LIMIT 1) AS lastAnswer,
    (SELECT json_agg(c.comment ORDER BY c.at DESC, c.seq DESC)::text FROM (SELECT comment, at, seq FROM feedback_events c
      WHERE c.program_id = g.program_id AND c.question_key = g.question_key AND c.at >= $1 AND c.comment IS NOT NULL
      ORDER BY c.at DESC, c.seq DESC LIMIT 3) c) AS comments
  FROM feedback_events g
  WHERE g.at >= $1 AND ($2::text IS NULL OR g.program_id = $2::text)
  GROUP BY g.program_id, g.question_key`;

/** FeedbackStore in PostgreSQL, for several bot instances sharing one database. */
export class PostgresFeedbackStore implements FeedbackStore {
  private readonly newId: () => string;

  private constructor(
    private readonly pool: Pool,
    private readonly opts: FeedbackStoreOptions,
  ) {
    this.newId = opts.newId ?? randomUUID;
  }

  /** Creates the table if needed and returns a store on the pool (the caller owns and ends the pool). */
  static async open(pool: Pool, opts: FeedbackStoreOptions = {}): Promise<PostgresFeedbackStore> {
    await migrate(pool, 'feedback_events', MIGRATION);
    return new PostgresFeedbackStore(pool, opts);
  }

  private async insert(e: PreparedEvent): Promise<string> {
    const id = e.id ?? this.newId();
    await this.pool.query(
      `INSERT INTO feedback_events(id, at, program_id, kind, question, question_key, answer, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO NOTHING`,
      [id, e.at, e.programKey, e.kind, e.question, e.questionKey, e.answer, e.comment],
    );
    return id;
  }

  async recordUnanswered(e: UnansweredInput): Promise<string> {
    return this.insert(prepareEvent({ ...e, kind: 'unanswered' }, this.opts));
  }

  async recordFeedback(e: FeedbackInput): Promise<string> {
    return this.insert(prepareEvent(e, this.opts));
  }

  async addComment(id: string, comment: string): Promise<boolean> {
    const text = prepareComment(comment, this.opts);
    const res = await this.pool.query('UPDATE feedback_events SET comment = $1 WHERE id = $2', [text || null, id]);
    return res.rowCount === 1;
  }

  async topQuestions(opts: TopQuestionsOptions = {}): Promise<TopQuestion[]> {
    const o = topQuestionsSchema.parse(opts);
    const program = o.programId === undefined ? null : (o.programId ?? '');
    const res = await this.pool.query(GROUP_SQL, [o.since?.getTime() ?? 0, program]);
    const rows = res.rows.map((raw) => {
      const r = groupRow.parse(raw);
      return { programKey: r.programkey, question: r.question, unanswered: r.unanswered, down: r.down, up: r.up, lastAnswer: r.lastanswer, lastAt: r.lastat, comments: r.comments };
    });
    return rankGroups(rows, o.limit, o.includeUpOnly);
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const res = await this.pool.query('DELETE FROM feedback_events WHERE at < $1', [cutoff.getTime()]);
    return res.rowCount ?? 0;
  }
}
