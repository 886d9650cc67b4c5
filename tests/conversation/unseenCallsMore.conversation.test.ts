import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Four more calls nobody curated, in layouts the first ones lack: a §-numbered Förderrichtlinie with
// a publisher line above its title, a PDF extraction (page headers, "- 2 -", words hyphenated across
// lines), a short announcement whose deadline has no year, and a Markdown call named by an acronym
// with a contact block in block quotes and a separate address for submissions.
const FILES = ['buergerbus-foerderrichtlinie-bayern-2027.txt', 'inklusion-vereinssport-nrw-2027.txt', 'kita-verwaltung-benchmarking.txt', 'iris-2028-radverkehr.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const BB = /^Richtlinie zur Förderung ehrenamtlich getragener Bürgerbusangebote/;
const BW = /Bewegung für alle/;
const KITA = /Kita-Verwaltung digital/;
const IRIS = /^IRIS 2028/;

describe('four more unseen calls in other layouts', () => {
  it('names each call by its title line, not by a publisher line or a page header', () => {
    const names = Object.fromEntries(getBot().app.kb.programs.map((p) => [p.id, p.shortName]));
    expect(names['buergerbus-foerderrichtlinie-bayern-2027']).toBe('Bürgerbus-Förderrichtlinie');
    expect(names['inklusion-vereinssport-nrw-2027']).toBe('Bewegung für alle');
    expect(names['kita-verwaltung-benchmarking']).toBe('Kita-Verwaltung digital');
    expect(names['iris-2028-radverkehr']).toBe('IRIS 2028');
    const text = getBot().app.kb.docs.get('inklusion-vereinssport-nrw-2027')!.text;
    expect(text).not.toMatch(/Seite \d von|^- \d -$/m);
    expect(text).toContain('Kommunen');
  });

  it.each([
    ['Wann ist die Antragsfrist bei der BüFöR?', /30\.06\.2027.*noch offen, noch 221 Tage/, BB],
    ['Wir sind ein Markt in Oberbayern mit 7.800 Einwohnern. Können wir Bürgerbus-Förderung beantragen?', /^Ja – Gemeinden/, BB],
    ['Wir sind eine Gemeinde in Baden-Württemberg mit 6.000 Einwohnern. Passt die Bürgerbus-Förderrichtlinie?', /^Nein – .*nur für Bayern/, BB],
    ['Unsere kreisangehörige Stadt in Bayern hat 26.000 Einwohner – kommt die Bürgerbus-Förderrichtlinie für uns in Frage?', /^Nein – .*höchstens 20\.000/, BB],
    ['Wie viel Geld gibt es maximal bei der Bürgerbus-Förderung?', /höchstens jedoch 60 000 Euro/, BB],
    ['Wen kann ich zur Bürgerbus-Förderrichtlinie anrufen?', /Florian Aigner, Telefon 089 2192-3471/, BB],
    ['Bis wann läuft die Antragsfrist bei Bewegung für alle?', /31\.01\.2027.*noch offen, noch 71 Tage/, BW],
    ['Wir sind ein gemeinnütziger Sportverein aus Bielefeld in NRW. Passt Bewegung für alle für uns?', /^Ja – Vereine/, BW],
    ['Wer ist Ansprechpartnerin bei Bewegung für alle und wie ist die Telefonnummer?', /Dr\. Miriam Okafor, Telefon 0211 98 76 54-20/, BW],
    ['Bis wann kann man sich für Kita-Verwaltung digital anmelden?', /15\. März – der Text nennt dazu kein Jahr/, KITA],
    ['Wir sind eine Gemeinde in Thüringen mit 6.500 Einwohnern. Können wir bei der Kita-Benchmarking-Runde mitmachen?', /^Nein – .*ab 10\.000 Einwohnern/, KITA],
    ['Wen rufe ich bei Fragen zu Kita-Verwaltung digital an?', /Jonas Brenner, Telefon 0341 22 11 90-14/, KITA],
    ['Läuft die Frist bei IRIS noch?', /16\.10\.2026.*abgelaufen/, IRIS],
    ['Muss die IRIS-Projektskizze unterschrieben werden?', /^Nein – .*keine Unterschrift erforderlich/, IRIS],
    ['Muss der Bürgermeister den Antrag für die Bürgerbus-Förderung unterschreiben?', /^Ja – .*muss unterschrieben werden: „\(2\) Der Antrag ist von der ersten Bürgermeisterin/, BB],
    ['Wie hoch ist der Eigenanteil bei der Bürgerbus-Förderrichtlinie?', /^Laut Ausschreibung .*Eigenanteil von 30 %/, BB],
    ['An welche E-Mail-Adresse schicken wir die IRIS-Projektskizze?', /iris-einreichung@oma-mobilitaet\.example/, IRIS],
    ['Wir sind ein Landkreis in Thüringen. Können wir bei IRIS 2028 mitmachen?', /^Nein – .*Thüringen/, IRIS],
    ['Gibt es Förderung für ein gemeinsames Radverkehrskonzept mehrerer Gemeinden?', /Radverkehrskonzepte/, IRIS],
    // "keine Kommunen namentlich genannt" is a no to publication, not a yes.
    ['Können wir beim Kita-Benchmarking anonym bleiben?', /^Ja – .*Die Auswertung erfolgt anonym/, KITA],
    ['Werden die Kommunen beim Kita-Benchmarking veröffentlicht?', /^Nein – .*nicht öffentlich gemacht/, KITA],
    ['Was bekommen Vereine bei Bewegung für alle?', /Zuschuss in Höhe von 5\.000 bis 25\.000 Euro/, BW],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it.each([
    ['Does the IRIS 2028 project outline need a signature?', /^No – according to the IRIS 2028 call text no signature is needed/, IRIS],
    ['Is there an own contribution at Bewegung für alle?', /^Yes – .*own contribution of 20 %/, BW],
    // No English pattern knows "co-payment": the term list's German word ("Eigenanteil") does.
    ['Do we need a co-payment for Bewegung für alle?', /^Yes – .*own contribution of 20 %/, BW],
  ])('answers the English yes/no question "%s" with yes or no first', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title, 'en-US'));

  it('keeps the call for "Und bis wann?"', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Wer kann bei IRIS 2028 mitmachen?');
    const r = await c.say('Und bis wann?');
    expect(lastText(r.replies)).toMatch(/IRIS 2028.*16\.10\.2026/);
  });

  it.each([
    ['Wie viele Vorhaben werden bei IRIS 2028 ausgewählt?'],
    ['Gibt es für die Bürgerbus-Förderrichtlinie eine Online-Infoveranstaltung?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));
});
