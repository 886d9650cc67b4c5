import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the nineteenth evaluation round: a slide deck exported to
// text (slide titles, speaker notes, a footer on every slide), the minutes of an info webinar with
// its chat, and a scanned ministry letter read by OCR (loose diaereses "fu¨r", ligatures, "l" for "1").
const FILES = ['lait-dazugehoeren-2027-foliensatz-infoveranstaltung.txt', 'standfest-2027-protokoll-infowebinar-mit-chat.md', 'scan-mge-sh-seniorenlotsen-2027-ocr.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const DZ = /Dazugehören 2027/;
const SF = /Standfest 2027/;
const SL = /Lotsen für Generationen/;

describe('three unseen calls of the nineteenth round', () => {
  it('names the calls by what they are called, not by a department in quotes or another programme the letter mentions', () => {
    const names = getBot().app.kb.programs.map((p) => p.shortName);
    expect(names).toContain('Dazugehören 2027');
    expect(names).toContain('Lotsen für Generationen');
    expect(names).not.toContain('Teilhabe und Staatsangehörigkeit');
    expect(names).not.toContain('Quartier im Blick');
  });

  it('reads a scanned letter with its umlauts, ligatures and numbers repaired', () => {
    const text = getBot().app.kb.chunks.filter((c) => c.docId.startsWith('scan-mge')).map((c) => c.text).join(' ');
    expect(text).toContain('Pflegestützpunkten');
    expect(text).toContain('2.1 Antragsberechtigt sind');
    expect(text).not.toMatch(/u¨|o¨|a¨|ﬂ|ﬁ/);
  });

  it.each([
    // "Die ursprünglich genannte Frist (15. Januar 2027) wurde verlängert": the earlier date no longer holds, also in a follow-up.
    ['Bis wann kann man sich bei Standfest bewerben?', /^Die Bewerbungsfrist für Standfest 2027 läuft bis zum 29\.01\.2027/, SF],
    // The list in brackets after "Die kreisfreien Städte" says what kind Lübeck is.
    ["Is the Hanseatic City of Lübeck eligible under Schleswig-Holstein's call 'Lotsen für Generationen'?", /^No\b/, SL, 'en-US'],
    // A person's own matter ("Fragen zum Zuwendungsrecht und zur Bewilligung: Frau Silke Brodersen"), not the first contact of the block.
    ['Wen kann ich beim MGE zu Fragen des Zuwendungsrechts und der Bewilligung bei den Seniorenlotsen anrufen?', /Brodersen/, SL],
    // Sending by e-mail is refused; an advance copy by e-mail is no way to hand in the application.
    ["Could we simply e-mail our signed application for 'Lotsen für Generationen' to the ministry?", /^No\b/, SL, 'en-US'],
    ['Können wir den Antrag für Lotsen für Generationen einfach mailen?', /^Nein\b/, SL],
  ] as [string, RegExp, RegExp, string?][])('answers "%s" from the call', (question, lead, title, locale) => expectAnswered(getBot(), getChannel(), question, lead, title, locale));

  it.each([
    // A slide headed "Projektskizze" says the outline needs no signature; the full application's lines are under "Vollantrag".
    ['Muss unser Bürgermeister die Projektskizze für Dazugehören 2027 unterschreiben?', /^Nein – laut Ausschreibung Dazugehören 2027 ist keine Unterschrift nötig/, DZ],
    ["Does our mayor have to sign the concept outline for 'Dazugehören 2027'?", /^No – according to the Dazugehören 2027 call text no signature is needed/, DZ, 'en-US'],
    // An error found after uploading is a change, asked in English.
    ["We've uploaded our 'Dazugehören 2027' project outline and then spotted an error. Can we still correct it?", /zurückziehen, korrigierte Fassung hochladen/, DZ, 'en-US'],
    // A document not ready by the deadline: the sentence on handing it in later.
    ['Unsere Rückendeckungserklärung für Standfest wird bis zur Bewerbungsfrist nicht fertig. Ist das ein Problem?', /Sie kann bis 12\. Februar 2027 nachgereicht werden/, SF],
  ] as [string, RegExp, RegExp, string?][])('answers "%s" from the call', (question, lead, title, locale) => expectAnswered(getBot(), getChannel(), question, lead, title, locale));

  it('reads a chat log without times and speakers, so an answer starting "Nein." answers its question', () => {
    const faq = getBot().app.kb.chunks.find((c) => c.docId.startsWith('standfest') && c.kind === 'faq' && /alle kreisangehörigen Gemeinden/.test(c.question ?? ''));
    expect(faq?.question).toBe('Kann sich unser Landkreis für alle kreisangehörigen Gemeinden bewerben?');
    expect(faq?.sentences[0]).toBe('Nein.');
  });

  it('keeps the extended deadline in a follow-up', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Worum geht es bei Standfest 2027?');
    const r = await c.say('Und bis wann?');
    expect(lastText(r.replies)).toMatch(/29\.01\.2027/);
    expect(lastText(r.replies)).not.toMatch(/^[^\n]*15\.01\.2027/);
  });

  it('answers publication with consent as "only with your consent", not as a plain yes', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('There have been threats against our councillors. Would our town’s participation in Standfest be made public?');
    expect(lastText(r.replies)).toMatch(/^Only with your consent/);
    expect(citations(r.replies)[0]?.name ?? '').toMatch(SF);
  });

  it('tells what the call is about from its text, not from its title line, and follows up on a separable verb', async () => {
    const c = conversation(getBot().url, getChannel());
    const about = await c.say('Worum geht es im Aufruf „Lotsen für Generationen“?');
    expect(lastText(about.replies)).toMatch(/fördert deshalb ab 2027 kommunale Seniorenlotsinnen/);
    const r = await c.say('Und mit wem sollen die Lotsinnen und Lotsen vor Ort zusammenarbeiten?');
    expect(lastText(r.replies)).toMatch(/Pflegestützpunkten/);
  });

  it('never quotes the fields under a form\'s signature line', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wer muss bei Lotsen für Generationen unterschreiben?');
    expect(lastText(r.replies)).not.toMatch(/Ort, Datum/);
  });
});
