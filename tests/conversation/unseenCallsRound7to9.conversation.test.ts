import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Five more calls nobody curated, from three later evaluation rounds: a Landkreis' circular letter
// (letterhead above the subject line), a ministry's HTML page with a table of dates and an FAQ in
// <details>, a Landesamt's "Merkblatt" in F:/A: pairs with a deadline "bis Ende Februar 2027", a short
// informal call, and a call whose deadline reads "bis Freitag, den 26. Februar 2027".
const FILES = [
  'landkreis-mittelheide-rundschreiben-begegnungstische-2027.txt',
  'nrw-dialograeume-2027.html',
  'lti-mv-merkblatt-ankerpunkte-integration-2027.txt',
  'rathaus-vielsprachig-2027.txt',
  'ortsmitte-gemeinsam-2027.txt',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const BT = /^Mikrofonds des Landkreises „Begegnungstische 2027“/;
const DR = /^Dialogräume NRW 2027/;
const AK = /Ankerpunkte Integration/;
const RV = /Rathaus vielsprachig/;
const OM = /Ortsmitte gemeinsam/;

describe('five unseen calls of the seventh to ninth rounds', () => {
  it('names a letter by its subject line, not by its letterhead', () => {
    const names = getBot().app.kb.programs.map((p) => p.name);
    expect(names).toContain('Mikrofonds des Landkreises „Begegnungstische 2027“ – Aufruf zur Antragstellung');
    expect(names.join('\n')).not.toMatch(/^LANDKREIS MITTELHEIDE$/m);
  });

  it.each([
    // Deadlines written in other ways: a weekday before the date, the end of a month.
    ['Bis wann läuft die Bewerbungsphase bei Ortsmitte gemeinsam?', /^Die Bewerbungsfrist für Ortsmitte gemeinsam 2027 läuft bis zum 26\.02\.2027 – sie ist noch offen/, OM],
    ['Bis wann können wir den Antrag für Ankerpunkte Integration stellen?', /^Die Bewerbungsfrist für Ankerpunkte Integration läuft bis zum 28\.02\.2027 – sie ist noch offen/, AK],
    ['Bis wann muss der Antrag für die Begegnungstische beim Landkreis sein?', /12\.03\.2027/, BT],
    // Table rows and FAQ entries.
    ['Wann tagt die Jury bei Dialogräume NRW?', /„(Schritt: )?Jurysitzung(:|; Termin:) 10\. März 2027“/, DR],
    ['Wann ist die Online-Infostunde zu Ortsmitte gemeinsam?', /20\. Januar 2027/, OM],
    ['Wie viele Kommunen sollen bei Dialogräume gefördert werden?', /rund 20 Kommunen/, DR],
    // A how-much question gets the figure without a "Ja –"; "Eigenbeitrag" is the own contribution.
    ['Wie hoch ist der Eigenanteil bei Dialogräume?', /^Laut Ausschreibung Dialogräume NRW 2027 ist ein Eigenanteil von 25 % nötig/, DR],
    ['Wie hoch ist der Eigenanteil bei Ortsmitte gemeinsam?', /Eigenbeitrag von 3\.000 Euro/, OM],
    ['Muss der Antrag für die Begegnungstische unterschrieben werden?', /^Ja – .*zu unterschreiben/, BT],
    // Verdicts from the calls' own sentences.
    ['Wir sind eine Gemeinde im Landkreis Mittelheide mit 1.900 Einwohnern. Können wir bei den Begegnungstischen mitmachen?', /^Ja – Gemeinden/, BT],
    ['Kann ein Verein selbst einen Antrag für die Begegnungstische stellen?', /^Nein – Vereine/, BT],
    // "Kreise können unabhängig von ihrer Einwohnerzahl teilnehmen": the population range is not theirs.
    // Free of the population limit only "wenn sich mindestens drei kreisangehörige Gemeinden … beteiligen": said as a condition.
    ['Kann ein Kreis in NRW mit 400.000 Einwohnern bei Dialogräume teilnehmen?', /^Ja, aber nur unter Bedingung: Für Landkreise gilt die Einwohnergrenze nicht/, DR],
    // A town in a district is a Gemeinde, and the Gemeinden's population range is its range.
    ['Wir sind eine große kreisangehörige Stadt in Mecklenburg-Vorpommern mit 60.000 Einwohnern. Passt Ankerpunkte Integration?', /^Nein – .*Obergrenze von 40\.000/, AK],
    ['Wir sind eine Gemeinde in Sachsen-Anhalt mit 2.800 Einwohnern. Können wir bei Rathaus vielsprachig mitmachen?', /^Nur gemeinsam – /, RV],
    // "… wenn sie zusammen nicht mehr als 30.000 Einwohner haben" limits the pair, not each town.
    ['Wir sind eine Stadt in Thüringen mit 12.000 Einwohnern. Können wir uns bei Ortsmitte gemeinsam bewerben?', /^Ja – /, OM],
    // "gemeinsam" in a call's name does not make a question one about applying jointly.
    ['Kann sich ein Landkreis aus Thüringen bei Ortsmitte gemeinsam bewerben?', /^Nein – Landkreise/, OM],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('reads no population limit of each town from a limit for two towns together', () => {
    const om = getBot().app.kb.programs.find((p) => p.id === 'ortsmitte-gemeinsam-2027')!;
    expect(om.rules.filter((r) => r.type === 'population').map((r) => ('min' in r ? r.min : undefined))).not.toContain(30001);
  });

  it.each([
    ['Wie hoch ist das Gesamtbudget des Landesprogramms Dialogräume?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));

  it('abstains in English too on a specific thing the call does not name ("total budget")', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('What is the total budget of the Ortsmitte gemeinsam call?');
    expect(lastText(r.replies)).toMatch(/could not find reliable information/);
  });

  it('reads the expression of interest as the first stage when asked only "bis wann?"', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Was fördert das Landesprogramm Dialogräume?');
    const r = await c.say('Und bis wann muss man sich melden?');
    expect(lastText(r.replies).slice(0, 300)).toMatch(/29\.01\.2027/);
  });
});
