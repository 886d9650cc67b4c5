import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/types.js';
import { escapeMarkdown } from '../../src/bot/markdown.js';
import { buildReply, citationEntity, textReply } from '../../src/bot/replyBuilder.js';
import { createTranslator } from '../../src/i18n.js';
import { ROOT } from '../knowledge/tempKnowledge.js';

const { t } = createTranslator(join(ROOT, 'locales'));

const KOMMA_CITE: Citation = {
  title: 'KommA – Informationsschreiben zur Ausschreibung (IMAP Institut)',
  quote: 'Der Ausschreibungsfrist geht bis zum 28. Februar 2023.',
  url: 'http://www.imap-institut.de/de/kommunale-allianzen',
  docId: 'komma-informationsschreiben-2023',
  version: '1a2b3c4d (2026-11-21)',
};

function answer(over: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer', intent: 'deadline', text: 'Die Bewerbungsfrist für KommA endete am 28.02.2023 – sie ist abgelaufen.', details: [],
    citations: [KOMMA_CITE], suggestions: [{ title: 'Unterschrift nötig?', value: 'Braucht die Bewerbung für KommA eine Unterschrift?' }],
    programId: 'komma', grounded: true, ...over,
  };
}

type Entity = { type: string; '@type': string; '@context': string; citation: { '@type': string; position: number; appearance: Record<string, unknown> }[] };
const entityOf = (reply: ReturnType<typeof buildReply>) => (reply.entities ?? []) as unknown as Entity[];

describe('buildReply', () => {
  it('leads with the answer, then the quote with its marker, then the source', () => {
    const reply = buildReply(answer(), 'de', t);
    const text = reply.text!;
    expect(text.startsWith('Die Bewerbungsfrist für KommA endete am 28.02.2023')).toBe(true);
    expect(text.indexOf('Aus der Ausschreibung:')).toBeGreaterThan(text.indexOf('28.02.2023'));
    expect(text).toContain('> „Der Ausschreibungsfrist geht bis zum 28. Februar 2023.“ [1]');
    expect(text.indexOf('Quelle: KommA – Informationsschreiben')).toBeGreaterThan(text.indexOf('[1]'));
    expect(reply).toMatchObject({ type: 'message', textFormat: 'markdown', locale: 'de-DE' });
  });

  it('attaches a Teams citation entity (schema.org Message with Claims)', () => {
    const [e] = entityOf(buildReply(answer(), 'de', t));
    expect(e).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org' });
    expect(e.citation).toHaveLength(1);
    expect(e.citation[0]).toMatchObject({
      '@type': 'Claim',
      position: 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: KOMMA_CITE.title,
        url: KOMMA_CITE.url,
        abstract: KOMMA_CITE.quote,
        keywords: ['1a2b3c4d (2026-11-21)'],
      },
    });
  });

  it('numbers several citations and marks each in the text', () => {
    const second: Citation = { title: 'KommA', quote: 'Das IMAP Institut setzt das Projekt um.', docId: 'komma-informationsschreiben-2023' };
    const reply = buildReply(answer({ citations: [KOMMA_CITE, second] }), 'de', t);
    expect(entityOf(reply)[0].citation.map((c) => c.position)).toEqual([1, 2]);
    expect(entityOf(reply)[0].citation[1].appearance).not.toHaveProperty('url');
    expect(reply.text).toContain('[1]');
    expect(reply.text).toContain('[2]');
  });

  it('says a quote only once when the lead already is the quote, and still marks it', () => {
    const quote = 'Ein Eigenanteil ist nicht erforderlich.';
    const reply = buildReply(answer({ text: `Laut Ausschreibung Nachbarschaft digital: „${quote}“`, citations: [{ title: 'ND', quote, docId: 'nd' }] }), 'de', t);
    expect(reply.text!.split(quote)).toHaveLength(2);
    expect(reply.text).toMatch(/\[1\]/);
  });

  it.each([['msteams'], ['webchat']])('shortens a long abstract to Teams’ 160 characters but keeps its start (%s)', (channelId) => {
    const quote = `Anfang ${'sehr langer Text '.repeat(60)}Ende.`;
    const appearance = entityOf(buildReply(answer({ citations: [{ title: 'X', quote }] }), 'de', t, { channelId }))[0].citation[0].appearance;
    const abstract = appearance.abstract as string;
    expect(abstract.length).toBeLessThanOrEqual(160);
    expect(abstract.endsWith('…')).toBe(true);
    expect(quote.startsWith(abstract.slice(0, -1))).toBe(true);
  });

  it('keeps the full quote in the entity for Web Chat, and the whole quote in the message text everywhere', () => {
    const quote = `Anfang ${'sehr langer Text '.repeat(20)}Ende.`;
    const web = buildReply(answer({ citations: [{ title: 'X', quote }] }), 'de', t, { channelId: 'webchat' });
    expect(entityOf(web)[0].citation[0].appearance.text).toBe(quote);
    const teams = buildReply(answer({ citations: [{ title: 'X', quote }] }), 'de', t, { channelId: 'msteams' });
    expect(teams.text).toContain(quote);
  });

  it('leaves out the visible source line in Teams, which renders the entity', () => {
    const reply = buildReply(answer(), 'de', t, { channelId: 'msteams' });
    expect(reply.text).not.toContain('Quelle:');
    expect(entityOf(reply)[0].citation).toHaveLength(1);
    expect(entityOf(reply)[0].citation[0].appearance).not.toHaveProperty('text');
  });

  it('writes the frame in English for English answers', () => {
    const reply = buildReply(answer({ text: 'The application deadline for KommA was 28 February 2023.' }), 'en', t);
    expect(reply.locale).toBe('en-US');
    expect(reply.text).toContain('From the call text:');
    expect(reply.text).toContain('Source: KommA – Informationsschreiben');
  });

  it('has no entity and no marker when nothing is cited', () => {
    const reply = buildReply(answer({ kind: 'abstain', citations: [], grounded: false, text: 'Dazu finde ich keine gesicherte Information.' }), 'de', t);
    expect(reply.entities).toBeUndefined();
    expect(reply.text).not.toMatch(/\[\d\]|Quelle:/);
  });

  it('offers suggestions as imBack actions addressed to the user, at most five', () => {
    const suggestions = Array.from({ length: 7 }, (_, i) => ({ title: `T${i}`, value: `V${i}` }));
    const reply = buildReply(answer({ suggestions }), 'de', t, { userId: 'u1' });
    expect(reply.suggestedActions!.actions).toHaveLength(5);
    expect(reply.suggestedActions!.actions[0]).toEqual({ type: 'imBack', title: 'T0', value: 'V0' });
    expect(reply.suggestedActions!.to).toEqual(['u1']);
  });

  it.each([
    ['HTML', '<script>alert(1)</script> und <b>fett</b>', /<script>|<b>/],
    ['emphasis', 'Expert*innen und Bürgermeister*innen', /(?<!\\)\*/],
    ['a link', 'Mehr [hier](http://evil.example) lesen', /(?<!\\)\[hier(?<!\\)\]/],
    ['a heading marker and code', '# Titel mit `code`', /(?<!\\)#|(?<!\\)`/],
  ])('escapes %s in a quoted passage', (_label, quote, raw) => {
    const reply = buildReply(answer({ citations: [{ title: 'X', quote }] }), 'de', t);
    const quoted = reply.text!.split('\n').find((l) => l.startsWith('> '))!;
    expect(quoted).toBeDefined();
    expect(quoted).not.toMatch(raw);
  });

  it('escapes markdown and HTML in a passage that is the lead', () => {
    const quote = 'Expert*innen und Bürgermeister*innen <img src=x onerror=alert(1)> [hier](http://evil.example)';
    // The answerer puts the escaped quote into the lead; the reply must not add a raw copy.
    const reply = buildReply(answer({ text: `Laut Ausschreibung X: „${escapeMarkdown(quote)}“`, citations: [{ title: 'X', quote }] }), 'de', t);
    expect(reply.text).not.toContain('<img');
    expect(reply.text).not.toMatch(/(?<!\\)\*innen/);
    expect(reply.text).not.toContain('[hier](');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['*fett*', '\\*fett\\*'],
    ['_kursiv_', '\\_kursiv\\_'],
    ['<b>x</b>', '‹b›x‹/b›'],
    ['[a](b)', '\\[a\\](b)'],
    ['a|b', 'a\\|b'],
    ['~~weg~~', '\\~\\~weg\\~\\~'],
    ['Frist: 28.2.2023 – 12 Uhr', 'Frist: 28.2.2023 – 12 Uhr'],
  ])('%s → %s', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });
});

describe('citationEntity and textReply', () => {
  it('builds an empty citation list for no citations', () => {
    expect(citationEntity([])).toMatchObject({ '@type': 'Message', citation: [] });
  });

  it('writes a plain reply in the given language with suggestions', () => {
    const r = textReply('Hallo', 'en', [{ title: 'A', value: 'B' }]);
    expect(r).toMatchObject({ type: 'message', text: 'Hallo', locale: 'en-US', suggestedActions: { actions: [{ type: 'imBack', title: 'A', value: 'B' }] } });
  });
});

describe('citation entity limits', () => {
  it('keeps a citation name within the 80 characters Teams accepts', () => {
    const title = 'BAMF: Interessenbekundungsverfahren „Gesellschaftlichen Zusammenhalt stärken trotz Distanz“ (lang)';
    const e = citationEntity([{ title, quote: 'Die Frist zur Interessensbekundung ist der 8. September.' }]) as { citation: { appearance: { name: string } }[] };
    expect(title.length).toBeGreaterThan(80);
    expect(e.citation[0].appearance.name.length).toBeLessThanOrEqual(80);
    expect(e.citation[0].appearance.name).toMatch(/^BAMF: Interessenbekundungsverfahren/);
  });
});
