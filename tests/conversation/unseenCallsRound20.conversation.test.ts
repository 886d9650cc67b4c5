import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the twentieth evaluation round: an English cross-border
// call (Markdown, numbered sections, a timetable table), a district's circular that forwards a
// Land programme with its own earlier internal deadline, and a ministry's press page with a box
// of key facts and a list of the site's other news, each with a date and deadline of its own.
const FILES = ['interreg-ems-vechte-spf-call-3-welcoming-neighbours-2027.md', 'rundmail-41-2026-lra-schoenbuch-gaeu-weggefaehrten-2027.txt', 'pm-123-2026-mdtk-sh-aktionsfonds-klartext-statt-hetze.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const WN = /Welcoming Neighbours/;
const KH = /Klartext statt Hetze/;
const WG = /WegGefährten/;

describe('three unseen calls of the twentieth round', () => {
  it('names a call by the heading that quotes its name, under the heading of the fund', () => {
    const names = getBot().app.kb.programs.map((p) => p.shortName);
    expect(names).toContain('Welcoming Neighbours');
  });

  it('reads each row of a Markdown table as a fact of its own, and drops the list of other news', () => {
    const chunks = getBot().app.kb.chunks;
    const rows = chunks.filter((c) => c.docId.startsWith('interreg')).flatMap((c) => c.sentences).filter((x) => /Stage 2/.test(x) && /2027:/.test(x));
    expect(rows).toContain('by 19 March 2027: Invitation to Stage 2');
    expect(chunks.some((c) => c.docId.startsWith('pm-123') && /Sportstättenförderung/.test(c.text))).toBe(false);
  });

  it.each([
    // The timetable row for the first stage, not the date of the invitation to the second; quoted without "(in German)".
    ['When is the deadline for concept notes in the Welcoming Neighbours call, and can we still submit one?', /^The application deadline for Welcoming Neighbours is 11 February 2027 – it is still open/, WN, 'en-US'],
    // The box gives the hour the running text leaves out.
    ['Bis wann kann man beim Aktionsfonds „Klartext statt Hetze“ einen Antrag stellen?', /^Die Bewerbungsfrist für Klartext statt Hetze läuft bis zum 15\.01\.2027 .*12:00 Uhr/, KH],
    // Signing up for the training closed; that is no application deadline.
    ["Can our staff still register for the training 'Digitale Gewalt gegen Amts- und Mandatsträger' on 9 December?", /ausgebucht; der Anmeldeschluss war der 1\. Dezember 2026/, KH, 'en-US'],
    // "unserem Vorhaben" is the asker's own; the contact for questions on the fund answers.
    ['Wer bei „Klartext statt Hetze“ beantwortet inhaltliche Rückfragen zu unserem Vorhaben?', /Carstensen/, KH],
    // The way to send, and e-mail alone refused right after it.
    ['Reicht es, wenn wir dem Landratsamt den unterschriebenen WegGefährten-Antrag nur als PDF per E-Mail schicken?', /^Nein\b.*im Original per Post/, WG],
  ] as [string, RegExp, RegExp, string?][])('answers "%s" from the call', (question, lead, title, locale) => expectAnswered(getBot(), getChannel(), question, lead, title, locale));

  it.each([
    // "Gefördert werden" over its lettered items, though the question names the programme in between.
    ['Was wird im Landesprogramm WegGefährten 2027 gefördert?', /Gefördert werden: die Koordinierung/, WG],
    // The district's own internal deadline, asked as the district office's ("Bitte legen Sie uns … vor" is no passing on).
    ['We are a town in Landkreis Schönbuch-Gäu. By when does the district office need our WegGefährten application?', /18 January 2027/, WG, 'en-US'],
    // "Sie beträgt höchstens" with its items; a verdict and an amount in one message.
    ['Our town in the Schönbuch-Gäu district has 14,200 inhabitants. Can we apply for WegGefährten on our own, and what is the maximum grant?', /^Yes\b[\s\S]*Sie beträgt höchstens 24\.000 Euro je Stadt/, WG, 'en-US'],
    // The support besides the fixed amount.
    ['Welche Unterstützung außer dem Festbetrag bekommen geförderte Kommunen bei „Klartext statt Hetze“?', /Schutzkonzept-Check und bis zu drei Beratungstage/, KH],
  ] as [string, RegExp, RegExp, string?][])('answers "%s" from the call', (question, lead, title, locale) => expectAnswered(getBot(), getChannel(), question, lead, title, locale));

  it('answers the own share, not what the district pays of it, and the district\'s part when asked for it too', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Welchen Anteil der Kosten muss unsere Gemeinde bei WegGefährten selbst tragen, und gibt der Landkreis etwas dazu?');
    expect(lastText(r.replies)).toMatch(/^Laut Ausschreibung WegGefährten 2027 ist ein Eigenanteil von 30 % nötig/);
    expect(lastText(r.replies)).toMatch(/Der Landkreis übernimmt bis zu 3\.000 Euro des Eigenanteils/);
  });

  it('abstains when an English question names a German term the call does not use', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Do WegGefährten volunteers need to present a certificate of good conduct (Führungszeugnis)?');
    expect(lastText(r.replies)).toMatch(/could not find reliable information/);
  });

  it('quotes an English call to an English question without saying it is German', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Can a Welcoming Neighbours project start before September 2027?');
    expect(lastText(r.replies)).not.toMatch(/\(in German\)/);
    expect(citations(r.replies)[0]?.name ?? '').toMatch(WN);
  });

  it('never gives the application deadline for signing up for a training, and never a deadline from the other news', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bis wann kann man sich für die Fortbildung bei Klartext statt Hetze anmelden?');
    expect(lastText(r.replies)).toMatch(/Anmeldeschluss war der 1\. Dezember 2026/);
    expect(lastText(r.replies)).not.toMatch(/Bewerbungsfrist|15\.01\.2027|15\. März 2027/);
  });
});
