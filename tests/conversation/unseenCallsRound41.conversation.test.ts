import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-first evaluation round: a federal call for model regions that
// Landkreise apply for with their Gemeinden, and a foundation's letter for small projects.
const FILES = ['koda-modellregionen-2027.md', 'kavo-anpacken-vor-ort-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('ways of handing in', () => {
  it('never reads "kein zusätzliches Original per Post erforderlich" as a refusal of e-mail', async () => {
    const text = await ask('Dürfen wir den KAVO-Antrag per Mail schicken oder muss der mit der Post kommen?');
    expect(text).not.toMatch(/^Nein/);
    expect(text).toMatch(/per E-Mail als unterschriebenes, eingescanntes PDF/);
  });
});

describe('who asks', () => {
  it('takes a Landkreis "mit fünf seiner kreisangehörigen Gemeinden" for a Landkreis, not for a Gemeinde', async () => {
    expect(await ask('Der Landkreis Hohenfels will mit fünf seiner kreisangehörigen Gemeinden bei KoDa antreten. Geht das grundsätzlich?')).toMatch(/^Ja – Landkreise gehören zu den Antragsberechtigten/);
  });
});
