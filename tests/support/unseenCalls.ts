import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartedBot } from './startBot.js';
import { useBotWithChannel, type Channel } from './botWithChannel.js';
import { expect } from 'vitest';
import { citations, conversation, type Reply } from './channel.js';

/** Call texts written for the tests in several layouts; no curated facts exist for them. */
export const UNSEEN_DIR = join(import.meta.dirname, '..', 'fixtures', 'unseen');

/**
 * A bot (clock at 2026-11-21 unless given) whose knowledge is the seeds plus the given unseen call files, and a
 * channel; the returned getters are valid inside the tests.
 */
export function useBotWithUnseenCalls(files: string[], now = new Date('2026-11-21T12:00:00Z')): { bot: () => StartedBot; channel: () => Channel } {
  // Bytes as they are: a PDF is no text.
  const sources = Object.fromEntries(files.map((f) => [f, readFileSync(join(UNSEEN_DIR, f))]));
  let bot: StartedBot | undefined;
  let channel: Channel | undefined;
  useBotWithChannel({ now, sources }, (b, c) => {
    bot = b;
    channel = c;
  });
  return { bot: () => bot!, channel: () => channel! };
}

/** Asks one question in a new conversation with the bot of `useBotWithUnseenCalls` and returns the reply's text. */
export function askerFor(bot: () => StartedBot, channel: () => Channel): (question: string, locale?: string) => Promise<string> {
  return async (question, locale = 'de-DE') => lastText((await conversation(bot().url, channel(), { locale }).say(question)).replies);
}

/** The text of the last message among a turn's replies. */
export const lastText = (replies: Reply[]): string => [...replies].reverse().find((r) => r.type === 'message')?.text ?? '';

/** Asks one question in a new conversation; the reply must lead with `lead` and cite a document titled like `title`. */
export async function expectAnswered(bot: StartedBot, channel: Channel, question: string, lead: RegExp, title: RegExp, locale?: string): Promise<void> {
  const r = await conversation(bot.url, channel, locale ? { locale } : {}).say(question);
  expect(lastText(r.replies).slice(0, 300)).toMatch(lead);
  expect(citations(r.replies)[0]?.name ?? '').toMatch(title);
}

/** Asks one question in a new conversation; the bot must say it has no reliable answer and cite nothing. */
export async function expectAbstained(bot: StartedBot, channel: Channel, question: string): Promise<void> {
  const r = await conversation(bot.url, channel).say(question);
  expect(lastText(r.replies)).toMatch(/keine gesicherte Information/);
  expect(citations(r.replies)).toEqual([]);
}
