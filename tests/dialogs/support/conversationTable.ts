import { expect } from 'vitest';
import { conversation, readable, type Reply } from '../../support/channel.js';

export type Conversation = ReturnType<typeof conversation>;

/** What the user sends: a text, or the value of an Adaptive Card submit. */
export type Says = string | { value: Record<string, unknown> };

/** One row of a conversation table: [behaviour, user says, must appear in the reply, must not appear]. */
export type Step = [behaviour: string, says: Says, expected: RegExp | RegExp[], unexpected?: RegExp | RegExp[]];

/** Sends one message (or card submit) through the real adapter and returns the bot's replies. */
export async function send(c: Conversation, says: Says): Promise<Reply[]> {
  const r = typeof says === 'string' ? await c.say(says) : await c.post({ type: 'message', value: says.value });
  expect(r.status).toBe(200);
  return r.replies;
}

/** Asserts what a person reads in the replies. */
export function expectReplies(replies: Reply[], expected: RegExp | RegExp[], unexpected: RegExp | RegExp[] = []): void {
  const text = readable(replies);
  for (const re of [expected].flat()) expect(text, `reply should match ${re}`).toMatch(re);
  for (const re of [unexpected].flat()) expect(text, `reply should not match ${re}`).not.toMatch(re);
}

/** Sends and asserts one step; returns the replies for further checks. */
export async function step(c: Conversation, says: Says, expected: RegExp | RegExp[], unexpected?: RegExp | RegExp[]): Promise<Reply[]> {
  const replies = await send(c, says);
  expectReplies(replies, expected, unexpected);
  return replies;
}

/** Plays several messages without assertions (to reach a state a table then tests). */
export async function play(c: Conversation, messages: Says[]): Promise<Reply[]> {
  let last: Reply[] = [];
  for (const m of messages) last = await send(c, m);
  return last;
}

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface CardElement {
  type?: string;
  text?: string;
  items?: CardElement[];
  facts?: { title: string; value: string }[];
}

export interface AdaptiveCardContent {
  type: string;
  body: CardElement[];
  actions?: { type: string; title: string; data?: Record<string, unknown> }[];
  fallbackText?: string;
}

/** The Adaptive Card among the replies; fails the test when there is none. */
export function adaptiveCard(replies: Reply[]): AdaptiveCardContent {
  const attachment = replies.flatMap((a) => (a.attachments ?? []) as Reply[]).find((a) => a.contentType === ADAPTIVE_CARD);
  expect(attachment, 'an Adaptive Card attachment').toBeDefined();
  return attachment!.content as AdaptiveCardContent;
}

/** The card's profile facts as title → value. */
export function cardFacts(card: AdaptiveCardContent): Record<string, string> {
  const set = card.body.find((e) => e.type === 'FactSet');
  expect(set, 'a FactSet with the profile').toBeDefined();
  return Object.fromEntries(set!.facts!.map((f) => [f.title, f.value]));
}

/** The text lines of the verdict container for one call, found by its short name. */
export function verdictLines(card: AdaptiveCardContent, shortName: string): string[] {
  const container = card.body.find((e) => e.type === 'Container' && (e.items?.[0]?.text ?? '').includes(` ${shortName}: `));
  expect(container, `a verdict block for ${shortName}`).toBeDefined();
  return container!.items!.map((i) => i.text ?? '');
}

/** The event activities among the replies. */
export function events(replies: Reply[], name: string): Reply[] {
  return replies.filter((a) => a.type === 'event' && a.name === name);
}
