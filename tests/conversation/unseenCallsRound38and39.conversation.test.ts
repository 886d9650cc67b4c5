import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the thirty-eighth and thirty-ninth evaluation rounds: a Landkreis
// guideline in legal paragraphs, a foundation web page with a <dl> and an exclusion list, a federal
// call for model municipalities with an FAQ and a timeline table, and a ministry's e-mail with a
// correction and a closed first round.
const FILES = ['kreisfonds-dorfmitte-wettertal.txt', 'ortskern-labor-2027.html', 'gemo-modellkommunen-2027.md', 'odb-foerderaufruf-runde2-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('who may apply, read sentence by sentence', () => {
  it('reads a list item of several sentences one by one: "Antragsberechtigt: alle … Gemeinden" is not undone by "Landkreise … sind nicht antragsberechtigt"', async () => {
    expect(await ask('Wir sind eine Gemeinde mit 6.500 Einwohnern in Thüringen. Können wir bei Orte der Begegnung einen Antrag stellen?')).toMatch(/^Ja – Gemeinden gehören zu den Antragsberechtigten\./);
  });

  it('does not take "Städte und Gemeinden, die nicht dem Landkreis … angehören" for an exclusion of Gemeinden, but as the one district the call is for', async () => {
    expect(await ask('Wir sind eine Gemeinde mit 3.200 Einwohnern im Landkreis Wettertal. Können wir beim Kreisfonds Dorfmitte einen Antrag stellen?')).toMatch(/^Ja – Gemeinden gehören zu den Antragsberechtigten\./);
    expect(await ask('We are a municipality of 5,000 inhabitants in the neighbouring district of Lohmark, not in Wettertal. Can we apply to the Kreisfonds Dorfmitte?', 'en-US')).toMatch(
      /^No – The call applies only to municipalities in Wettertal; Lohmark is not one of them\./,
    );
  });

  it('says no to a club that "kann keine eigenen Anträge stellen"', async () => {
    expect(await ask('Ein Sportverein aus unserer Gemeinde fragt, ob er direkt beim Landkreis Geld aus dem Kreisfonds Dorfmitte für sein Dorfgemeinschaftshaus beantragen kann.')).toMatch(
      /^Nein – Vereine, Träger und Organisationen gehören nicht zu den Antragsberechtigten/,
    );
  });
});

describe('when, and whether something can still be done', () => {
  it.each([
    ['Wann erfahren wir bei GEMO, ob wir ausgewählt wurden?', 'de-DE', /^Laut Ausschreibung Gemeinsam vor Ort: „Bekanntgabe der Modellkommunen: bis 30\. April 2027“/],
    ['When will we find out whether our town has been chosen as a GEMO model municipality?', 'en-US', /^According to the Gemeinsam vor Ort call text \(in German\): “Bekanntgabe der Modellkommunen: bis 30\. April 2027”/],
  ])('answers "%s" with when the choice is made known, not with a deadline that mentions being chosen', async (question, locale, lead) => {
    const text = await ask(question, locale);
    expect(text).toMatch(lead);
    expect(text).not.toMatch(/1\. Juli 2027|1 July 2027|01\.07\.2027/);
  });

  it('answers a change after the deadline with the sentence on changes, and its no', async () => {
    expect(await ask('Wir haben den Antrag für Orte der Begegnung eingereicht. Können wir nach Fristende noch die Maßnahme ändern?')).toMatch(
      /^Nein – laut Ausschreibung Orte der Begegnung: „Änderungen am Antrag \(zum Beispiel eine andere Maßnahme oder höhere Kosten\) sind nach Ablauf der Antragsfrist nicht mehr möglich\.“/,
    );
  });
});

describe('whether a thing is funded', () => {
  it('never says yes because a funded item shares some words ("leerstehende Ladenlokale") with a question about rebuilding', async () => {
    expect(await ask('Können wir mit dem Geld vom Ortskern-Labor den leerstehenden Laden umbauen lassen?')).not.toMatch(/^Ja/);
  });
});

describe('more of rounds 38 and 39', () => {
  it('says the size limit in a verdict for "ist das … für uns möglich?"', async () => {
    expect(await ask('Kreisangehörige Stadt mit 34.000 Einwohnern – ist das Ortskern-Labor für uns möglich?')).toMatch(/^Nein – Gefördert werden Kommunen mit 2\.000 bis 30\.000 Einwohnern; mit 34\.000 Einwohnern/);
  });

  it('answers two applications in a year ("zwei KDM-Anträge") with the sentence that allows one', async () => {
    expect(await ask('Können wir im selben Jahr zwei KDM-Anträge stellen, einen fürs Dorfgemeinschaftshaus und einen für den Spielplatz?')).toMatch(/^Nein – [\s\S]*„\(5\) Je Gemeinde und Kalenderjahr kann nur ein Antrag gestellt werden\.“/);
  });

  it('answers an early start with the rule and its exception, not with the list of things not funded', async () => {
    const text = await ask('Dürfen wir mit dem Spielplatz schon im März anfangen, bevor der KDM-Bescheid da ist?');
    expect(text).toMatch(/^Laut Ausschreibung Dorfmitte: „\(5\) Mit der Maßnahme darf erst nach Zugang des Bewilligungsbescheides begonnen werden\. Auf schriftlichen Antrag kann das Amt für Kreisentwicklung einem vorzeitigen Maßnahmebeginn zustimmen/);
    expect(text).not.toMatch(/^Nein/);
  });

  it('answers when a funded project must be finished ("fertig") with the sentence on its end, not with when notices are sent', async () => {
    expect(await ask('Bis wann muss ein bei Orte der Begegnung gefördertes Projekt fertig sein?')).toMatch(/^Laut Ausschreibung Orte der Begegnung: „Alle Maßnahmen müssen bis zum 30\. November 2027 abgeschlossen sein\.“/);
  });

  it('reads "Eine anonyme Antragstellung ist nicht möglich" as no', async () => {
    expect(await ask('Können wir bei Orte der Begegnung anonym beantragen? Wir möchten nicht auf einer Liste stehen.')).toMatch(/^Nein – laut Ausschreibung Orte der Begegnung ist keine anonyme Teilnahme vorgesehen/);
  });

  it('answers the grant for a project whose cost is told first, though the project is not named in the call', async () => {
    expect(await ask('Unser Boule-Platz für Orte der Begegnung kostet 30.000 Euro. Wie hoch ist der Zuschuss?')).toMatch(/25\.000 Euro/);
  });
});

