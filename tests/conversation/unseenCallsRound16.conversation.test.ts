import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the sixteenth evaluation round: a foundation's HTML page
// with "Auf einen Blick" items and an FAQ, a Landesverwaltungsamt's circular letter, and an
// English-only federal call with German terms in brackets.
const FILES = ['stiftung-brueckenschlag-nachbarschaftsbotschafter-2027.html', 'lvwa-rundverfuegung-7-2026-dorfgemeinschaft-verbindet.txt', 'call-for-proposals-ikm-2027-en.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const NB = /Nachbarschaftsbotschafter/;
const IKM = /Call for Proposals 2027/;

describe('three unseen calls of the sixteenth round', () => {
  it('names the English call by its acronym and its German name', () => {
    const ikm = getBot().app.kb.programs.find((p) => p.id === 'call-for-proposals-ikm-2027-en')!;
    expect(ikm.shortName).toBe('IKM');
    expect(ikm.aliases).toContain('integrationsmanagement in klein- und mittelstädten');
    // "The city-states … are not eligible" excludes them; it names no state the call is limited to.
    expect(ikm.rules.some((r) => r.type === 'states')).toBe(false);
    const nb = getBot().app.kb.programs.find((p) => p.id === 'stiftung-brueckenschlag-nachbarschaftsbotschafter-2027')!;
    expect(nb.aliases).toContain('nachbarschaftsbotschafterinnen 2027');
  });

  it.each([
    // An English deadline ("by Thursday, 11 March 2027, 14:00 CET"), not the pilot round's.
    ['Bis wann muss der Antrag für das Bundesprogramm "Integrationsmanagement in Klein- und Mittelstädten" eingereicht werden?', /^Die Bewerbungsfrist für IKM läuft bis zum 11\.03\.2027 .*14:00 Uhr/, IKM],
    ['Wir sind eine kreisfreie Stadt in Rheinland-Pfalz mit 50.000 Einwohnern. Können wir bei IKM mitmachen?', /^Ja – Kreisfreie Städte/, IKM],
    // English limits: "with 10,000 to 100,000 inhabitants", "fewer than 10,000 … only as members of such a joint project".
    ['Wir sind eine Gemeinde in Niedersachsen mit 6.500 Einwohnern. Können wir bei IKM mitmachen?', /^Nur gemeinsam – /, IKM],
    ['Wir sind eine Stadt im Landkreis Gifhorn mit 150.000 Einwohnern. Können wir bei IKM mitmachen?', /^Nein – /, IKM],
    // "Veröffentlicht am 1. Oktober 2026 · Bewerbungsschluss: 1. Dezember 2026": the date after the deadline word.
    ['Bis wann kann man sich für die Nachbarschaftsbotschafter*innen der Stiftung Brückenschlag bewerben?', /^Die Bewerbungsfrist für Nachbarschaftsbotschafter\*innen 2027 läuft bis zum 01\.12\.2026 .*12:00 Uhr/, NB],
    ['Muss unser Bürgermeister die Bewerbung für Nachbarschaftsbotschafter*innen unterschreiben, oder brauchen wir einen Gemeinderatsbeschluss?', /^Nein – /, NB],
    // A call for four named districts: a Gemeinde elsewhere is told no, one in them yes.
    ['Gemeinde im Salzlandkreis, 8.000 EW – können wir beim Förderaufruf 2027 Dorfgemeinschaft verbindet mitmachen?', /^Nein – Der Aufruf gilt nur für Kommunen in Altmarkkreis Salzwedel, Landkreis Stendal, Landkreis Mansfeld-Südharz, Burgenlandkreis; Salzlandkreis gehört nicht dazu\./, /Dorfgemeinschaft verbindet/],
    ['Wir sind eine Einheitsgemeinde im Landkreis Stendal mit 9.000 Einwohnern. Können wir bei Dorfgemeinschaft verbindet mitmachen?', /^Ja – Gemeinden/, /Dorfgemeinschaft verbindet/],
    // On the last day, the hour decides.
    ['Wir haben unsere Bewerbung für Nachbarschaftsbotschafter*innen am 1. Dezember um 14 Uhr abgeschickt. Zählt die noch?', /^Nein, das wäre zu spät\. .*12:00 Uhr/, NB],
    // Two kinds of applicant, two deadlines: whoever did not say which they are hears both; an office passing applications on sets none.
    ['Bis wann müssen Anträge für Dorfgemeinschaft verbindet eingereicht werden?', /^Die Bewerbungsfrist für Dorfgemeinschaft verbindet läuft bis zum 05\.02\.2027 .*Für andere Antragsteller nennt der Text einen anderen Termin, den 15\.01\.2027/, /Dorfgemeinschaft verbindet/],
    ['Wir sind eine Einheitsgemeinde. Bis wann müssen wir den Antrag für Dorfgemeinschaft verbindet stellen?', /^(?!.*andere Antragsteller)Die Bewerbungsfrist für Dorfgemeinschaft verbindet läuft bis zum 15\.01\.2027/, /Dorfgemeinschaft verbindet/],
    ['Die Frist für Dorfgemeinschaft verbindet ist doch im Februar, oder?', /^Ja\. .*bis zum 05\.02\.2027 .*15\.01\.2027/, /Dorfgemeinschaft verbindet/],
    // A month without a year, a last round's deadline, a planned day of sending.
    ['Letztes Jahr war die Frist für Dorfgemeinschaft verbindet doch Ende Oktober – gilt das wieder?', /^Nein, das ist nicht die Frist\./, /Dorfgemeinschaft verbindet/],
    ['Reicht es, wenn wir die Bewerbung für Dorfgemeinschaft verbindet Anfang Januar einreichen?', /^Ja, das wäre rechtzeitig\./, /Dorfgemeinschaft verbindet/],
    ['Wir wollen den KommA-Antrag Ende Januar abschicken, reicht das?', /^Nein, das wäre zu spät\./, /KommA/],
    // An office's date for passing applications on, asked as such.
    ['Bis wann muss die Kreisverwaltung die Anträge für Dorfgemeinschaft verbindet ans Landesverwaltungsamt weitergeben?', /^Die Frist für die Weitergabe der Anträge für Dorfgemeinschaft verbindet läuft bis zum 05\.02\.2027/, /Dorfgemeinschaft verbindet/],
    // A project's own costs against the call's limits per grant.
    ['Wir planen ein kleines Dorffest mit 3.000 Euro Gesamtkosten. Können wir dafür Geld aus "Dorfgemeinschaft verbindet" bekommen?', /^Nein – rechnerisch ergäben 85 % von 3\.000 Euro nur 2\.550 Euro, und das liegt unter der Mindestförderung von 5\.000 Euro/, /Dorfgemeinschaft verbindet/],
    ['Unser Projekt bei Dorfgemeinschaft verbindet kostet 40.000 Euro. Wie viel bekommen wir?', /34\.000 Euro – das liegt über dem Höchstbetrag, die Förderung beträgt also höchstens 25\.000 Euro/, /Dorfgemeinschaft verbindet/],
    // The end of the project, not the application deadline.
    ['Bis wann muss unser Projekt bei Dorfgemeinschaft verbindet abgeschlossen sein?', /Durchführungszeitraum endet spätestens am 30\. November 2027/, /Dorfgemeinschaft verbindet/],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('answers both questions of "…, und wie hoch ist …?", each with its quote', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wie viel Förderung gibt es bei Dorfgemeinschaft verbindet pro Projekt, und wie hoch ist der Eigenanteil?');
    expect(lastText(r.replies)).toMatch(/höchstens 25\.000 Euro je Vorhaben[\s\S]*Eigenanteil \(15 bzw\. 5 Prozent\)/);
    expect(citations(r.replies)).toHaveLength(2);
    // A yes/no question as the second part.
    const yesNo = await conversation(getBot().url, getChannel()).say('Wie viel Geld gibt es bei Dorfgemeinschaft verbindet pro Vorhaben, und müssen wir selbst etwas dazugeben?');
    expect(lastText(yesNo.replies)).toMatch(/höchstens 25\.000 Euro je Vorhaben[\s\S]*Eigenanteil \(15 bzw\. 5 Prozent\)/);
    // English, with "sign up" read as registering for the session, not as a signature.
    const en = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('When is the information session on the Dorfgemeinschaft verbindet call, and how do we sign up?');
    expect(lastText(en.replies)).toMatch(/16\. Dezember 2026[\s\S]*Anmeldung bis 11\. Dezember 2026/);
    expect(lastText(en.replies)).not.toMatch(/signed|unterschreiben/);
  });

  it('says which part of a two-part question the texts do not answer', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wie viel Geld gibt es bei WIR, und wann entscheidet die Jury?');
    expect(lastText(r.replies)).toMatch(/20\.000 Euro[\s\S]*Zum zweiten Teil Ihrer Frage \(„wann entscheidet die Jury\?“\) finde ich in den Unterlagen zu WIR-Programm Hessen keine gesicherte Information/);
  });

  it('answers "wie viel Geld" with the grant, not with what the municipality pays itself, and never with a sentence without an amount', async () => {
    await expectAnswered(getBot(), getChannel(), 'Wie viel Geld gibt es bei den Nachbarschaftsbotschaftern?', /Zuschuss von bis zu 15\.000 Euro je Kommune/, NB);
    await expectAbstained(getBot(), getChannel(), 'Wie viel Geld hat die Stiftung Mercator für das ILS-Papier bereitgestellt?');
  });

  it('answers a kind of applicant the rules do not know from the call\'s FAQ, with its no', async () => {
    await expectAnswered(getBot(), getChannel(), 'Kann sich unsere Verwaltungsgemeinschaft in Bayern als Ganzes bei Nachbarschaftsbotschafter*innen bewerben?', /^Nein – laut Ausschreibung Nachbarschaftsbotschafter\*innen 2027: „Können sich Verwaltungsgemeinschaften/, NB);
  });

  it('answers signing up for an information event with the event, never as the application deadline', async () => {
    await expectAnswered(getBot(), getChannel(), 'Kann ich mich noch für die Infoveranstaltung zu den Nachbarschaftsbotschafter*innen anmelden?', /fand am 5\. November 2026 statt\. Die Aufzeichnung/, NB);
    const r = await conversation(getBot().url, getChannel()).say('Können wir uns noch für das Webinar zu Dorfgemeinschaft verbindet anmelden?');
    expect(lastText(r.replies)).toMatch(/16\. Dezember 2026[\s\S]*Anmeldung bis 11\. Dezember 2026/);
    expect(lastText(r.replies)).not.toMatch(/Bewerbungsfrist/);
  });

  it('reads "sent … by e-mail instead of the online form" as a question of how to submit', () =>
    expectAnswered(getBot(), getChannel(), 'Could we have sent our Nachbarschaftsbotschafter application by e-mail instead of using the online form?', /^No – .*Bewerbungen per Post oder E-Mail können wir nicht berücksichtigen/, NB, 'en-US'));

  it('answers whether names are published with the sentence on consent, though it names no one', () =>
    expectAnswered(getBot(), getChannel(), 'Will the names of our volunteers be published in the Nachbarschaftsbotschafter programme?', /Namen von Ehrenamtlichen veröffentlichen wir nur mit deren schriftlicher Einwilligung/, NB, 'en-US'));

  it('checks an English project cost against the lower limit', async () => {
    await expectAnswered(getBot(), getChannel(), 'We plan a project costing EUR 2,000. Can we get money from Dorfgemeinschaft verbindet?', /^No – worked out, 85 % of €2,000 would be only €1,700, below the minimum grant of €5,000/, /Dorfgemeinschaft verbindet/, 'en-US');
  });

  it('says no to a town in another state, and never "yes" without a rule that speaks to the asker', async () => {
    await expectAnswered(getBot(), getChannel(), 'We are a town in Hesse. Could we have applied for the Nachbarschaftsbotschafter programme?', /^No – The programme applies only to Baden-Württemberg, Bayern, Saarland/, NB, 'en-US');
    await expectAnswered(getBot(), getChannel(), 'Wir sind eine Stadt. Können wir uns für die Nachbarschaftsbotschafter bewerben?', /^Für eine Einschätzung .* fehlt mir noch/, NB);
  });

  it('gives an Einheitsgemeinde its own deadline with the address, not the Verbandsgemeinden\u2019 one', async () => {
    await expectAnswered(getBot(), getChannel(), 'Wir sind eine Einheitsgemeinde im Landkreis Stendal. Bis wann und wo muss unser Antrag für "Dorfgemeinschaft verbindet" eingegangen sein?', /15\.01\.2027/, /Dorfgemeinschaft verbindet/);
  });
});
