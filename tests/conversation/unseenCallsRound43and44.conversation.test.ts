import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-third and forty-fourth evaluation rounds: a Land ministry page with cut-off
// dates four times a year, a foundation competition, a Landkreis Merkblatt with a rate table by size and kind of
// applicant and a rolling deadline with a year-end cut-off, and an agency newsletter that carries one call among other news.
const FILES = ['brueckenschlag-kommune-hohenwald.html', 'offene-rathaustuer-wettbewerb-2027.txt', 'talbergen-kreis-ehrenamtsfonds-merkblatt.md', 'bkt-newsletter-land-leben-kommune-2026-11.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('deadlines that come back', () => {
  it('gives the next of the cut-off dates repeated each year, worked out from the clock, and the last one', async () => {
    const text = await ask('Bis wann müssen wir bei Brückenschlag Kommune spätestens einreichen, wenn wir in die nächste Auswahlrunde wollen?');
    expect(text).toMatch(/^Der nächste Stichtag für Brückenschlag Kommune ist der 31\.12\.2026 – noch 24 Tage/);
    expect(text).toMatch(/Der letzte Stichtag ist der 30\.09\.2028/);
  });
  it('leads with the last cut-off when the last chance is asked for', async () => {
    expect(await ask('Wie lange kann man beim Landesprogramm Brückenschlag überhaupt noch Anträge stellen – wann ist die allerletzte Gelegenheit?')).toMatch(/^Der letzte Stichtag für Brückenschlag Kommune ist der 30\.09\.2028/);
  });
  it('says a rolling call has no fixed deadline, and names its year-end cut-off beside it', async () => {
    const text = await ask('Gibt es beim Ehrenamtsfonds vom Kreis Talbergen eigentlich eine Abgabefrist?');
    expect(text).toMatch(/^Für Kreis-Ehrenamtsfonds Talbergen gibt es keine feste Frist – Anträge sind laufend möglich/);
    expect(text).toMatch(/15\.11\.2026/);
  });
});

describe('a rate table by size and kind of applicant', () => {
  it('takes the row for the size told and caps by that row', async () => {
    expect(await ask('Wir sind eine Gemeinde mit 12.500 Einwohnern und planen eine Schulungsreihe für Ehrenamtliche für 10.000 €. Wie hoch wäre der Zuschuss aus dem Ehrenamtsfonds?')).toMatch(/50 % von 10\.000 Euro 5\.000 Euro – das liegt über dem Höchstbetrag, die Förderung beträgt also höchstens 4\.000 Euro/);
  });
  it('takes the row for an association', async () => {
    expect(await ask('Unser Verein plant eine Fortbildung für Ehrenamtliche, Kosten 1.800 Euro. Wie viel gibt der Kreis-Ehrenamtsfonds Talbergen dazu?')).toMatch(/75 % von 1\.800 Euro ergeben eine Förderung von 1\.350 Euro/);
  });
  it('works out each row when the question tells neither size nor kind', async () => {
    const text = await ask('Unser Ehrenamtsprojekt kostet 3.000 Euro. Wie viel gibt der Kreis-Ehrenamtsfonds Talbergen dazu?');
    expect(text).toMatch(/^Das hängt davon ab, wer beantragt/);
    expect(text).toMatch(/Einwohnerzahl bis 2\.000: 80 %, also 2\.400 Euro/);
    expect(text).toMatch(/Verein: 75 %, gedeckelt auf 1\.500 Euro/);
  });
});

describe('who may apply', () => {
  it('keeps associations eligible when an excluded item adds that some of them may apply', async () => {
    expect(await ask('Wir sind ein gemeinnütziger eingetragener Verein mit Sitz im Landkreis Talbergen. Können wir beim Kreis-Ehrenamtsfonds einen Antrag stellen?')).toMatch(/^Ja/);
  });
  it('tells a group without a legal form the exclusion of such groups', async () => {
    expect(await ask('Bei uns im Dorf hat sich eine Nachbarschaftshilfe gegründet, aber ohne Verein. Können die selbst einen Zuschuss beim Kreis-Ehrenamtsfonds beantragen?')).toMatch(/^Nein – .*Initiativen ohne eigene Rechtsform/);
  });
});

describe('a call inside a newsletter', () => {
  it('knows the call by its own name and answers from its item', async () => {
    expect(await ask('Bis wann läuft die Skizzenfrist bei OrtsZeit?')).toMatch(/^Die Bewerbungsfrist für OrtsZeit läuft bis zum 26\.02\.2027/);
  });
});

describe('lines with dot leaders and questions in other words', () => {
  it('reads "1. Preis ........ 25.000 Euro" as a fact and quotes the prizes together', async () => {
    expect(await ask('Was gibt es beim Rathaustür-Wettbewerb eigentlich zu gewinnen?')).toMatch(/Die Jury vergibt drei Preise: 1\. Preis: 25\.000 Euro 2\. Preis: 15\.000 Euro 3\. Preis: 10\.000 Euro/);
  });
  it('takes "Mit wem kann ich … sprechen?" for a contact question', async () => {
    expect(await ask('Mit wem kann ich vorab mal über unsere Projektidee für Brückenschlag sprechen?')).toMatch(/^Kontakt für Brückenschlag Kommune: Dr\. Miriam Oltersdorf/);
  });
  it('answers a signature question at the cut-off from the FAQ entry on both, not with the next cut-off', async () => {
    const text = await ask('Die Unterschrift vom Bürgermeister kriegen wir erst nach dem Brückenschlag-Stichtag. Ist die Frist dann gerissen?');
    expect(text).toMatch(/Fristwahrend ist allein der Eingang des Online-Antrags/);
    expect(text).not.toMatch(/^Der nächste Stichtag/);
  });
  it('keeps "im Moment noch mitmachen" a deadline question', async () => {
    expect(await ask('Kann man beim Rathaustür-Wettbewerb der Lindqvist-Stiftung im Moment noch mitmachen?')).toMatch(/26\.02\.2027 – sie ist noch offen/);
  });
});

describe('who signs', () => {
  it('answers "Wer muss unterschreiben – reicht die Sachbearbeiterin?" with the sentence naming the signer, not the FAQ on signing by the deadline', async () => {
    const text = await ask('Wer muss bei uns den Förderantrag für Brückenschlag unterschreiben – reicht da die zuständige Sachbearbeiterin?');
    expect(text).toMatch(/Hauptverwaltungsbeamtin .* bevollmächtigten Person zu unterschreiben/);
    expect(text).not.toMatch(/^Nein – .*keine Unterschrift/);
  });
  it('never says no signature is needed to "can somebody else sign it?"', async () => {
    const text = await ask('Does our mayor have to sign the Brückenschlag application personally, or can somebody else sign it?', 'en-US');
    expect(text).not.toMatch(/no signature is needed/);
    expect(text).toMatch(/bevollmächtigten Person/);
  });
});

describe('anonymity', () => {
  it('says no when the call says waiving publication is not possible ("Ein Verzicht auf die Veröffentlichung ist nicht möglich")', async () => {
    const text = await ask('Können wir Geld aus Brückenschlag Kommune bekommen, ohne dass unsere Gemeinde irgendwo öffentlich mit Namen auftaucht?');
    expect(text).toMatch(/^Nein – /);
    expect(text).not.toMatch(/^Ja/);
  });
});

describe('two rates in one line', () => {
  it('reads "Fördersatz: 75 % … (Gemeinden bis 5.000 Einwohner: 90 %)" as 90 % for the small municipality only, and reads "Projektkosten"', async () => {
    expect(await ask('Gemeinde mit 2.900 Einwohnern, Projektkosten 12.000 €. Kriegen wir bei Brückenschlag überhaupt was, und wenn ja wie viel?')).toMatch(/^Rechnerisch: 90 % von 12\.000 Euro ergeben eine Förderung von 10\.800 Euro/);
  });
});

describe('an earlier round asked by its year', () => {
  it('says the 2026 round is over and names the current deadline after it', async () => {
    expect(await ask('Wir wollten eigentlich noch bei der Runde 2026 vom Rathaustür-Wettbewerb einsteigen. Geht das noch?')).toMatch(/^Die Bewerbungsfrist für Offene Rathaustür endete am 15\.05\.2026 – sie ist abgelaufen .*spätere Frist, die noch läuft: bis zum 26\.02\.2027/);
  });
});
