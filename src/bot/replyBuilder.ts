import { ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { Answer, Citation } from '../answer/types.js';
import type { Translate } from '../i18n.js';
import type { Lang } from '../nlu/language.js';
import { escapeMarkdown } from './markdown.js';

/** Teams' citation entity (schema.org Message with Claims), which Web Chat renders too. */
export function citationEntity(citations: Citation[], opts: { teams?: boolean } = {}): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        // Teams rejects citation names over 80 characters (and the whole message with them).
        name: c.title.length > 80 ? `${c.title.slice(0, 79)}…` : c.title,
        ...(c.url ? { url: c.url } : {}),
        // Teams accepts at most 160 characters here; the full quote is in the message and, for Web Chat, in text.
        abstract: c.quote.length > 160 ? `${c.quote.slice(0, 157)}…` : c.quote,
        ...(opts.teams ? {} : { text: c.quote }),
        ...(c.version ? { keywords: [c.version] } : {}),
      },
    })),
  };
}

export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'de-DE';
}

/** Turns an Answer into a message activity: answer first, then the quote, then the source. */
export function buildReply(answer: Answer, lang: Lang, t: Translate, opts: { channelId?: string; userId?: string } = {}): Partial<Activity> {
  const lines: string[] = [answer.text];
  if (answer.details.length) lines.push(answer.details.join('\n\n'));
  const quotes: string[] = [];
  answer.citations.forEach((c, i) => {
    // The lead of a passage answer already is the quote; say it only once.
    if (answer.text.includes(c.quote) || answer.text.includes(escapeMarkdown(c.quote))) return;
    quotes.push(`> „${escapeMarkdown(c.quote)}“ [${i + 1}]`);
  });
  if (quotes.length) lines.push(`${t(lang, 'quoteIntro')}\n\n${quotes.join('\n\n')}`);
  if (answer.citations.length && opts.channelId !== 'msteams') {
    const titles = [...new Set(answer.citations.map((c) => c.title))];
    lines.push(titles.map((title) => t(lang, 'sourceLine', { title })).join('\n\n'));
    // Markdown link definitions let Web Chat pair the [n] markers with the citation entity's claims.
    lines.push(answer.citations.map((c, i) => `[${i + 1}]: ${c.url ?? `cite:${i + 1}`} "${c.title.replace(/"/g, "'")}"`).join('\n'));
  }
  const reply: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: lines.join('\n\n'),
    textFormat: 'markdown',
    locale: localeOf(lang),
  };
  if (answer.citations.length) {
    reply.entities = [citationEntity(answer.citations, { teams: opts.channelId === 'msteams' }) as never];
    if (answer.citations.length && !answer.citations.some((_, i) => reply.text!.includes(`[${i + 1}]`))) reply.text += ' [1]';
  }
  if (answer.suggestions.length) {
    const actions: CardAction[] = answer.suggestions.slice(0, 5).map((s) => ({ type: 'imBack', title: s.title, value: s.value }));
    reply.suggestedActions = { actions, to: opts.userId ? [opts.userId] : [] };
  }
  return reply;
}

/** A plain text message in the user's language. */
export function textReply(text: string, lang: Lang, suggestions: { title: string; value: string }[] = []): Partial<Activity> {
  const reply: Partial<Activity> = { type: ActivityTypes.Message, text, textFormat: 'markdown', locale: localeOf(lang) };
  if (suggestions.length) reply.suggestedActions = { actions: suggestions.map((s) => ({ type: 'imBack', title: s.title, value: s.value })), to: [] };
  return reply;
}
