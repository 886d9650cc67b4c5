import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  prepareComment,
  prepareEvent,
  rankGroups,
  topQuestionsSchema,
  type FeedbackInput,
  type FeedbackStore,
  type FeedbackStoreOptions,
  type GroupRow,
  type PreparedEvent,
  type TopQuestion,
  type TopQuestionsOptions,
  type UnansweredInput,
} from './feedbackStore.js';

// Correlated sub-selects pick the newest wording, answer and comments of each group.
const GROUP_SQL = (programFilter: boolean) => `
  SELECT g.program_id AS programKey, g.question_key AS questionKey,
    SUM(g.kind = 'unanswered') AS unanswered, SUM(g.kind = 'down') AS down, SUM(g.kind = 'up') AS up, MAX(g.at) AS lastAt,
    (SELECT q.question FROM feedback_events q WHERE q.program_id = g.program_id AND q.question_key = g.question_key AND q.at >= @since
      ORDER BY q.at DESC, q.seq DESC LIMIT 1) AS question,
    (SELECT a.answer FROM feedback_events a WHERE a.program_id = g.program_id AND a.question_key = g.question_key AND a.at >= @since AND a.answer <> ''
      ORDER BY a.at DESC, a.seq DESC LIMIT 1) AS lastAnswer,
    (SELECT json_group_array(c.comment) FROM (SELECT comment FROM feedback_events c WHERE c.program_id = g.program_id AND c.question_key = g.question_key
      AND c.at >= @since AND c.comment IS NOT NULL ORDER BY c.at DESC, c.seq DESC LIMIT 3) c) AS comments
  FROM feedback_events g
  WHERE g.at >= @since ${programFilter ? 'AND g.program_id = @program' : ''}
  GROUP BY g.program_id, g.question_key`;

/**
 * FeedbackStore in a table `feedback_events` of a better-sqlite3 database (usually the bot's state
 * file, next to bot_state and handoff_outbox).
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly stmt: {
    insert: Database.Statement;
    comment: Database.Statement;
    all: Database.Statement;
    one: Database.Statement;
    purge: Database.Statement;
  };
  private readonly newId: () => string;

  constructor(
    db: Database.Database,
    private readonly opts: FeedbackStoreOptions = {},
  ) {
    this.newId = opts.newId ?? randomUUID;
    if (db.pragma('busy_timeout', { simple: true }) === 0) db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS feedback_events (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      at INTEGER NOT NULL,
      program_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('unanswered', 'down', 'up')),
      question TEXT NOT NULL,
      question_key TEXT NOT NULL,
      answer TEXT NOT NULL,
      comment TEXT)`);
    db.exec('CREATE INDEX IF NOT EXISTS feedback_events_at ON feedback_events(at)');
    db.exec('CREATE INDEX IF NOT EXISTS feedback_events_group ON feedback_events(program_id, question_key, at)');
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO feedback_events(id, at, program_id, kind, question, question_key, answer, comment)
         VALUES (@id, @at, @programKey, @kind, @question, @questionKey, @answer, @comment) ON CONFLICT(id) DO NOTHING`,
      ),
      comment: db.prepare('UPDATE feedback_events SET comment = ? WHERE id = ?'),
      all: db.prepare(GROUP_SQL(false)),
      one: db.prepare(GROUP_SQL(true)),
      purge: db.prepare('DELETE FROM feedback_events WHERE at < ?'),
    };
  }

  private insert(e: PreparedEvent): string {
    const id = e.id ?? this.newId();
    this.stmt.insert.run({ ...e, id });
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
    return this.stmt.comment.run(text || null, id).changes === 1;
  }

  async topQuestions(opts: TopQuestionsOptions = {}): Promise<TopQuestion[]> {
    const o = topQuestionsSchema.parse(opts);
    const since = o.since?.getTime() ?? 0;
    const rows = (o.programId === undefined ? this.stmt.all.all({ since }) : this.stmt.one.all({ since, program: o.programId ?? '' })) as GroupRow[];
    return rankGroups(rows, o.limit, o.includeUpOnly);
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.stmt.purge.run(cutoff.getTime()).changes;
  }
}
