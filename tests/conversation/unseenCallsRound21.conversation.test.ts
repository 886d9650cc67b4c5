import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the twenty-first evaluation round: a letter with a reply
// form whose subject spans two lines, a Markdown page with footnotes, and a foundation's HTML page
// with contact cards without e-mail addresses and figures from an earlier round.
const FILES = ['ieg-koblenz-anschreiben-viff-2027-mit-rueckmeldebogen.txt', 'lsst-mv-sicher-im-wasser-2027-foerderaufruf.md', 'lindqvist-stiftung-spurensuche-2027-ausschreibung.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const VIFF = /VIFF/;
const SPUR = /Spurensuche 2027/;

describe('three unseen calls of the twenty-first round', () => {
  it('names a letter by the subject line that quotes the programme, so its abbreviation is known', () => {
    const viff = getBot().app.kb.programs.find((p) => p.docIds[0].startsWith('ieg-koblenz'))!;
    expect(viff.shortName).toBe('VIFF');
    expect(viff.aliases).toContain('viff');
  });

  it('reads a Markdown footnote into the sentence that points to it', () => {
    const text = getBot().app.kb.chunks.filter((c) => c.docId.startsWith('lsst-mv')).map((c) => c.text).join(' ');
    expect(text).not.toMatch(/\[\^\w+\]/);
    expect(text).toContain('Der Eigenanteil der Kommune beträgt mindestens 20 Prozent (Bis zur Hälfte des Eigenanteils darf');
  });

  it('answers the own share and what counts towards it from the sentence and its footnote', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wie hoch war der Eigenanteil bei „Sicher im Wasser“, und durfte Vereinsarbeit darauf angerechnet werden?');
    expect(lastText(r.replies)).toMatch(/mindestens 20 Prozent \(Bis zur Hälfte des Eigenanteils darf durch unbezahlte Übungsleiterstunden/);
  });

  it('keeps each contact card with its own number and matter, also without an e-mail address', () => {
    const spur = getBot().app.kb.programs.find((p) => p.docIds[0].startsWith('lindqvist'))!;
    const press = spur.contacts.find((c) => c.email?.startsWith('presse@'));
    expect(press?.phone).toBeUndefined();
    expect(spur.contacts.some((c) => c.name === 'Dragan Petković' && c.phone === '0711 664893-5')).toBe(true);
  });

  it.each([
    ['Unser oberbayerisches Dorf zählt 2.100 Einwohner. Kommt Spurensuche 2027 für uns in Betracht?', /^Nur gemeinsam\b/, SPUR],
    ['Wer berät bei „Spurensuche“ fachlich zu Zeitzeugeninterviews und Archivarbeit?', /Petković/, SPUR],
    ['Bis wann kann man sich für VIFF bewerben?', /26\. Februar/, VIFF],
    // "without the name of our town being made public": refused in so many words; the consent is for individual firefighters.
    ['Could our volunteer fire brigade take part in VIFF without the name of our town being made public?', /^No – according to the VIFF call text anonymous participation is not foreseen/, VIFF, 'en-US'],
  ] as [string, RegExp, RegExp, string?][])('answers "%s" from the call', (question, lead, title, locale) => expectAnswered(getBot(), getChannel(), question, lead, title, locale));

  it.each([
    // "nachschicken" for "nachreichen"; the sentence says the scan by e-mail is enough.
    ['Müssen wir bei VIFF das Original per Post nachschicken?', /das Original müssen Sie nicht nachreichen/],
    // The asker's description is not the topic; "Hallenbad" for "Schwimmbad".
    ['Unsere amtsfreie Stadt mit 7.800 Einwohnern hat kein eigenes Hallenbad. War das bei „Sicher im Wasser“ ein Ausschlussgrund?', /Ein eigenes Schwimmbad braucht die Kommune nicht/],
  ])('answers "%s" from the sentence that says it', async (question, said) => {
    const r = await conversation(getBot().url, getChannel()).say(question);
    expect(lastText(r.replies)).toMatch(said);
  });

  it('answers both parts when the second part\'s quote goes on past the first one\'s', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wer muss den VIFF-Bewerbungsbogen unterschreiben, und müssen wir das Original per Post nachschicken?');
    expect(lastText(r.replies)).toMatch(/Wehrleiter unterschrieben sein/);
    expect(lastText(r.replies)).toMatch(/das Original müssen Sie nicht nachreichen/);
  });

  it('abstains on how many municipalities this round takes when the text only counts an earlier round', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wie viele Kommunen wählt die Stiftung in der Runde 2027 für „Spurensuche“ aus?');
    expect(lastText(r.replies)).toMatch(/keine gesicherte Information/);
    expect(lastText(r.replies)).not.toMatch(/neun Kommunen/);
  });
});
