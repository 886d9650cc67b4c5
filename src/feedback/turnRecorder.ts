import type { FeedbackStore } from './feedbackStore.js';

/** The part of the bot's onTurn event (BotDeps.onTurn) the recorder reads. */
export interface TurnOutcome {
  kind: string;
  programId?: string;
  question?: string;
  answer?: string;
}

/**
 * A BotDeps.onTurn observer that records every abstention (kind 'abstain') as an unanswered
 * question; other turns are not recorded. The promise never rejects (failures go to onError), so the
 * bot may call it without awaiting.
 */
export function createTurnRecorder(store: FeedbackStore, opts: { clock: () => Date; onError?: (err: unknown) => void }): (e: TurnOutcome) => Promise<void> {
  return async (e) => {
    if (e.kind !== 'abstain' || !e.question) return;
    try {
      await store.recordUnanswered({ at: opts.clock(), programId: e.programId ?? null, question: e.question, answer: e.answer ?? '' });
    } catch (err) {
      opts.onError?.(err);
    }
  };
}
