import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the twelfth evaluation round: a ministry's call as a real PDF
// (running header, page numbers, words broken across lines), a newsletter that introduces a
// foundation's programme in running text, and a call forwarded by a Landkreis as an e-mail (its own
// date for reviewing drafts and its own contact before the call's).
const FILES = ['via-verwaltung-interkulturell-2027.pdf', 'newsletter-streitpunkt-kommune-2027.md', 'wg-wohnraumlotsen-bayern-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const PDF = /VIA 2027/;
const NL = /Streitpunkt Kommune/;
const MAIL = /Wohnraumlotsen Bayern 2027/;

describe('three unseen calls of the twelfth round', () => {
  it('names a newsletter by the programme it introduces and an e-mail by the call it forwards', () => {
    const names = getBot().app.kb.programs.map((p) => p.name);
    expect(names).toContain('Programm „Streitpunkt Kommune – Konflikte begleiten, Zusammenhalt stärken“');
    expect(names.some((n) => /^Förderaufruf "Wohnraumlotsen Bayern 2027"/.test(n))).toBe(true);
    const wolo = getBot().app.kb.programs.find((p) => p.id === 'wg-wohnraumlotsen-bayern-2027')!;
    // "(kurz: WoLo 2027)" names it; "Weiterleitung" in the subject line does not.
    expect(wolo.aliases).toEqual(expect.arrayContaining(['wolo 2027', 'wolo']));
    expect(wolo.aliases).not.toContain('weiterleitung');
  });

  it.each([
    // A PDF call: its deadline, its own share, the rule that holds only for Landkreise.
    ['Bis wann kann man VIA beantragen?', /^Die Bewerbungsfrist für VIA 2027 läuft bis zum 31\.03\.2027 – sie ist noch offen/, PDF],
    ['Wir sind ein Landkreis in Rheinland-Pfalz. Was gilt bei VIA speziell für uns?', /Nur für Landkreise gilt/, PDF],
    // A programme named only by its state: the one call limited to it.
    ['Bis wann kann man beim rheinland-pfälzischen Programm zur interkulturellen Öffnung der Verwaltung einen Antrag stellen?', /^Die Bewerbungsfrist für VIA 2027 läuft bis zum 31\.03\.2027/, PDF],
    // The programme by its name in the newsletter's text, and by the foundation's surname.
    ['Bis wann nimmt die Brenner-Stiftung Interessenbekundungen an?', /26\.02\.2027/, NL],
    ['Gibt es zu Streitpunkt Kommune eine Infostunde?', /Infostunde am 19\. Januar 2027/, NL],
    ['Unser Konflikt ist schon vor Gericht. Begleitet Streitpunkt Kommune uns trotzdem?', /Gerichtsverfahrens/, NL],
    // The forwarded call: its deadline (not the Landkreis' date for drafts), its states, its rule for Verwaltungsgemeinschaften.
    ['Bis wann mussten WoLo-Anträge beim Landesamt sein?', /^Die Bewerbungsfrist für Wohnraumlotsen Bayern 2027 endete am 20\.11\.2026/, MAIL],
    ['Wir sind ein Markt in Niederbayern mit 7.000 Einwohnern. Konnten wir bei WoLo mitmachen?', /^Ja – /, MAIL],
    ['Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern. Galt WoLo auch für uns?', /^Nein – /, MAIL],
    ['Wir sind eine Verwaltungsgemeinschaft. Was galt bei WoLo nur für uns?', /Zustimmung aller Mitgliedsgemeinden/, MAIL],
    ['Gibt es für die Wohnraumlotsen eine Schulung?', /Grundschulung in Nürnberg/, MAIL],
    // A date the asker names is confirmed or corrected first.
    ['Ist der 3. März 2027 die Frist für Streitpunkt Kommune?', /^Nein, das ist nicht die Frist\. .*26\.02\.2027/, NL],
    ['Ist der 26. Februar 2027 die Bewerbungsfrist bei Streitpunkt Kommune?', /^Ja\. .*26\.02\.2027/, NL],
    // A contact with a phone number only, found by what the text says they are for; a signature's person.
    ['Wen frage ich bei VIA zum Verwendungsnachweis?', /Jonas Weidenbach, Telefon 0261 49283-322/, PDF],
    ['Wen im Landratsamt kann ich zu WoLo fragen?', /Kerstin Hölzl/, MAIL],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('says plainly that no phone number is given when the call names none', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Welche Telefonnummer hat die Servicestelle von VIA?');
    expect(lastText(r.replies)).toMatch(/Telefon/);
  });

  it.each([
    ['Nach welchen Kriterien wählt das MZK bei Streitpunkt Kommune aus?'],
    ['Wie viel Geld hat der Freistaat für WoLo 2027 insgesamt eingeplant?'],
    ['Welche Gemeinden wurden bei WoLo 2027 am Ende ausgewählt?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));
});
