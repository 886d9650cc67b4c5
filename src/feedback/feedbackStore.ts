import { z } from 'zod';
import { redactPersonalData, type RedactOptions } from './redact.js';

/** What a record says about an answer: nothing could be answered, or the user voted it down or up. */
export type FeedbackKind = 'unanswered' | 'down' | 'up';

/**
 * One anonymous event. No user, conversation or channel id is stored at all, so there is nothing to
 * delete per user; the question and comment are redacted by the store on every write.
 */
export interface FeedbackEvent {
  at: Date;
  /** The programme the question was about, null when none was recognised. */
  programId: string | null;
  /** The user's question (redacted by the store). */
  question: string;
  /** The lead of the answer that was given. */
  answer: string;
  kind: FeedbackKind;
  /** The optional one-line "what was wrong?" (redacted by the store). */
  comment?: string;
}

/**
 * An event id chosen by the caller makes the write idempotent: the bot re-runs a turn after a state
 * write conflict, and the second write of the same id is ignored.
 */
export interface EventId {
  id?: string;
}
export type UnansweredInput = Omit<FeedbackEvent, 'kind' | 'comment'> & EventId;
export type FeedbackInput = Omit<FeedbackEvent, 'kind'> & { kind: 'up' | 'down' } & EventId;

export interface TopQuestionsOptions {
  /** Only events at or after this instant. */
  since?: Date;
  /** At most this many questions per programme. Default 20. */
  limit?: number;
  /** Only this programme; null = only questions without a programme. */
  programId?: string | null;
  /** Also list questions that only got 👍. Default false: the report is about where the bot fails. */
  includeUpOnly?: boolean;
}

/** One question (grouped by programme and normalised text) with what happened to it. */
export interface TopQuestion {
  programId: string | null;
  /** The most recent (redacted) wording. */
  question: string;
  unanswered: number;
  down: number;
  up: number;
  /** The lead of the answer given most recently, '' if none was recorded. */
  lastAnswer: string;
  lastAt: Date;
  /** Up to three most recent comments, newest first. */
  comments: string[];
}

/** Where unanswered and voted answers are recorded, anonymously, for the programme report. */
export interface FeedbackStore {
  /** Records a question the bot could not answer (kind 'abstain'); returns the event id (e.id if given). */
  recordUnanswered(e: UnansweredInput): Promise<string>;
  /** Records a 👍 or 👎 on an answer; returns the event id (for a comment sent afterwards). An existing e.id is a no-op. */
  recordFeedback(e: FeedbackInput): Promise<string>;
  /** Adds the optional one-line comment to a recorded event; false if the id is unknown. */
  addComment(id: string, comment: string): Promise<boolean>;
  /** The questions with most unanswered + 👎, per programme (programmes A–Z, none last). */
  topQuestions(opts?: TopQuestionsOptions): Promise<TopQuestion[]>;
  /** Deletes events before `cutoff`; returns how many. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export interface FeedbackStoreOptions extends RedactOptions {
  /** Event ids; injected by tests. Default random UUIDs. */
  newId?: () => string;
}

const MAX = { question: 500, answer: 1000, comment: 300, program: 100 } as const;
export const DEFAULT_TOP_LIMIT = 20;

const inputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  at: z.date().refine((d) => !Number.isNaN(d.getTime()), 'a valid date'),
  programId: z.string().max(MAX.program).nullable(),
  question: z.string(),
  answer: z.string(),
  kind: z.enum(['unanswered', 'down', 'up']),
  comment: z.string().optional(),
});

/** The row a store writes: already redacted, cut to size and keyed for grouping. */
export interface PreparedEvent {
  /** The caller's id, if it gave one. */
  id?: string;
  at: number;
  /** '' for "no programme", so grouping and equality work the same in SQLite and PostgreSQL. */
  programKey: string;
  question: string;
  questionKey: string;
  answer: string;
  kind: FeedbackKind;
  comment: string | null;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Lower case, ß → ss, punctuation and whitespace collapsed: "Bis wann?!" and "bis  wann" group together. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Validates and redacts an event before it is written; shared by every backend. */
export function prepareEvent(e: FeedbackEvent & EventId, opts: RedactOptions = {}): PreparedEvent {
  const v = inputSchema.parse(e);
  // Redacted whole, then cut: a cut first could split an address so that its pattern no longer matches.
  const question = oneLine(redactPersonalData(v.question, opts), MAX.question);
  const comment = v.comment === undefined ? '' : prepareComment(v.comment, opts);
  return {
    ...(v.id === undefined ? {} : { id: v.id }),
    at: v.at.getTime(),
    programKey: v.programId ?? '',
    question,
    questionKey: normalizeQuestion(question),
    answer: oneLine(v.answer, MAX.answer),
    kind: v.kind,
    comment: comment || null,
  };
}

/** Redacts and flattens a comment to one line. */
export function prepareComment(comment: string, opts: RedactOptions = {}): string {
  return oneLine(redactPersonalData(z.string().parse(comment), opts), MAX.comment);
}

export const topQuestionsSchema = z.object({
  since: z.date().optional(),
  limit: z.number().int().min(1).max(10_000).default(DEFAULT_TOP_LIMIT),
  programId: z.string().nullable().optional(),
  includeUpOnly: z.boolean().default(false),
});

/** An aggregated group as both backends return it, before ranking. */
export interface GroupRow {
  programKey: string;
  question: string;
  unanswered: number;
  down: number;
  up: number;
  lastAnswer: string | null;
  lastAt: number;
  comments: string | null;
}

/** Orders and cuts groups the same way for every backend: programme A–Z (none last), then most problems. */
export function rankGroups(rows: GroupRow[], limit: number, includeUpOnly: boolean): TopQuestion[] {
  const byProgram = new Map<string, GroupRow[]>();
  for (const r of rows) {
    if (!includeUpOnly && r.unanswered + r.down === 0) continue;
    const list = byProgram.get(r.programKey) ?? [];
    list.push(r);
    byProgram.set(r.programKey, list);
  }
  const programs = [...byProgram.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return programs.flatMap((p) =>
    byProgram
      .get(p)!
      .sort((a, b) => b.unanswered + b.down - (a.unanswered + a.down) || b.unanswered - a.unanswered || b.lastAt - a.lastAt || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
      .slice(0, limit)
      .map((r) => ({
        programId: r.programKey === '' ? null : r.programKey,
        question: r.question,
        unanswered: r.unanswered,
        down: r.down,
        up: r.up,
        lastAnswer: r.lastAnswer ?? '',
        lastAt: new Date(r.lastAt),
        comments: parseComments(r.comments),
      })),
  );
}

function parseComments(json: string | null): string[] {
  if (!json) return [];
  const parsed = z.array(z.string().nullable()).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data.filter((c): c is string => !!c).slice(0, 3) : [];
}
