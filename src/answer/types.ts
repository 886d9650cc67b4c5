import type { Intent } from '../nlu/intents.js';

/** A passage an answer rests on, shown as a quote and as a citation entity. */
export interface Citation {
  title: string;
  quote: string;
  url?: string;
  /** Source version: content hash prefix and file date, so staff can tell which text was cited. */
  version?: string;
  docId?: string;
}

export interface Suggestion {
  title: string;
  value: string;
}

export type AnswerKind = 'answer' | 'verdict' | 'abstain' | 'clarify' | 'smalltalk';

/** What the answering side returns; the bot layer turns it into an activity. */
export interface Answer {
  kind: AnswerKind;
  intent: Intent;
  /** The lead: the answer first, in one or two sentences. */
  text: string;
  /** Further lines (reasons of a verdict, notes). */
  details: string[];
  citations: Citation[];
  suggestions: Suggestion[];
  programId?: string;
  /** True when the reply rests on a quoted passage. */
  grounded: boolean;
  /** Retrieval diagnostics for `npm run ask`. */
  debug?: { query: string; hits: { docId: string; score: number; lexical: number; vector: number; text: string }[]; coverage?: number };
}
