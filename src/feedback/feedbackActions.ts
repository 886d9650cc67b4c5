import { z } from 'zod';

/** The `value` a 👍/👎 button posts back (messageBack / Action.Submit): `{ action: 'feedback', direction, ref }`. */
export const feedbackValueSchema = z.object({
  action: z.literal('feedback'),
  direction: z.enum(['up', 'down']),
  /** The answer it refers to: the id the bot gave the answer when it sent it. */
  ref: z.string().min(1).max(64),
});
export type FeedbackValue = z.infer<typeof feedbackValueSchema>;

// Teams' feedback loop: an invoke 'message/submitAction' whose actionValue carries like/dislike and the form text.
const teamsFeedbackSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  }),
});

/** Name of the invoke activity Teams sends when a user clicks its 👍/👎 under a message. */
export const TEAMS_FEEDBACK_INVOKE = 'message/submitAction';

/** A vote, from whichever channel convention it came. */
export interface FeedbackSubmission {
  direction: 'up' | 'down';
  /** Our answer id (buttons) or the message id Teams reports (replyToId); absent if the channel sent none. */
  ref?: string;
  /** Teams collects the "what was wrong?" text in its own form. */
  comment?: string;
  source: 'button' | 'teams';
}

/** The activity fields feedback parsing reads; a botbuilder Activity fits. */
export interface ActivityLike {
  type?: string;
  name?: string;
  value?: unknown;
  replyToId?: string;
}

function teamsComment(feedback: unknown): string | undefined {
  if (feedback === undefined || feedback === null) return undefined;
  let v: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      v = JSON.parse(feedback);
    } catch {
      return feedback.trim() || undefined;
    }
  }
  if (typeof v === 'string') return v.trim() || undefined;
  const text = (v as { feedbackText?: unknown } | null)?.feedbackText;
  return typeof text === 'string' && text.trim() ? text.trim() : undefined;
}

/** Recognises a 👍/👎: a message whose value is a FeedbackValue, or Teams' 'message/submitAction' invoke; else null. */
export function parseFeedbackActivity(a: ActivityLike): FeedbackSubmission | null {
  if (a.type === 'message') {
    const v = feedbackValueSchema.safeParse(a.value);
    return v.success ? { direction: v.data.direction, ref: v.data.ref, source: 'button' } : null;
  }
  if (a.type === 'invoke' && a.name === TEAMS_FEEDBACK_INVOKE) {
    const v = teamsFeedbackSchema.safeParse(a.value);
    if (!v.success) return null;
    const comment = teamsComment(v.data.actionValue.feedback);
    return { direction: v.data.actionValue.reaction === 'like' ? 'up' : 'down', ...(a.replyToId ? { ref: a.replyToId } : {}), ...(comment ? { comment } : {}), source: 'teams' };
  }
  return null;
}

/** A card action as botbuilder's CardAction has it (kept free of botbuilder types). */
export interface FeedbackButton {
  type: 'messageBack';
  title: string;
  displayText: string;
  text: string;
  value: FeedbackValue;
}

/** The 👍/👎 buttons for channels without Teams' feedback loop (Web Chat, Emulator), labels from locales/feedback. */
export function feedbackButtons(ref: string, labels: { up: string; down: string }): FeedbackButton[] {
  return (['up', 'down'] as const).map((direction) => ({
    type: 'messageBack',
    title: labels[direction],
    displayText: labels[direction],
    // No text: the vote must not be read as a new question.
    text: '',
    value: { action: 'feedback', direction, ref },
  }));
}

/** channelData that makes Teams show its own 👍/👎 under a message (answered by TEAMS_FEEDBACK_INVOKE). */
export function teamsFeedbackChannelData(): { feedbackLoopEnabled: true } {
  return { feedbackLoopEnabled: true };
}
