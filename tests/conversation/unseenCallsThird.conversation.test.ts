import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Four more calls nobody curated: a CMS page whose facts stand in a table next to a cookie banner, a
// newsletter that introduces the programme in running text with an F:/A: FAQ, a Markdown call with
// pipe tables, and a two-stage competition for tandems of a Kommune and a Verein.
const FILES = ['offene-gemeindebibliothek-nord-2027.html', 'newsletter-engagement-november-2026.txt', 'modellvorhaben-gemeinsam-statt-einsam.md', 'tandem-wettbewerb-begegnungsorte-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const LIB = /Offene Gemeindebibliothek Nord 2027/;
const ZUK = /Zukunftsorte Ehrenamt/;
const GSE = /Gemeinsam statt einsam/;
const GOS = /Gemeinsam Orte schaffen/;

describe('four unseen calls with tables, a newsletter and two stages', () => {
  it('names the calls by their titles, also one introduced in running text', () => {
    const names = getBot().app.kb.programs.map((p) => p.shortName);
    expect(names).toEqual(expect.arrayContaining(['Offene Gemeindebibliothek Nord 2027', 'Zukunftsorte Ehrenamt', 'Gemeinsam statt einsam', 'Gemeinsam Orte schaffen']));
    expect(getBot().app.kb.docs.get('modellvorhaben-gemeinsam-statt-einsam')!.text).not.toMatch(/\|---|\| Leistung/);
  });

  it.each([
    // The deadline from a table row, not the date the decisions are sent.
    ['Bis wann läuft die Antragsfrist für die Offene Gemeindebibliothek Nord?', /28\.02\.2027.*noch offen, noch 99 Tage/, LIB],
    ['Wir sind eine Gemeinde in Mecklenburg-Vorpommern mit 6.800 Einwohnern. Können wir bei Offene Gemeindebibliothek Nord einen Antrag stellen?', /^Ja – Gemeinden/, LIB],
    ['Wir sind eine niedersächsische Gemeinde mit 9.000 Einwohnern – dürfen wir bei Offene Gemeindebibliothek Nord mitmachen?', /^Nein – .*Niedersachsen/, LIB],
    ['Wie reichen wir den Antrag für die Gemeindebibliothek Nord ein?', /Online-Portal/, LIB],
    // The deadline of the FAQ's "Stichtag", not the project's start.
    ['Bis wann kann man Anträge für Zukunftsorte Ehrenamt stellen?', /30\.04\.2027.*noch offen, noch 160 Tage/, ZUK],
    ['Wir sind ein Sportverein aus Leipzig. Können wir bei Zukunftsorte Ehrenamt einen Antrag stellen?', /^Nein – Vereine/, ZUK],
    ['Wen kann ich zu Zukunftsorte Ehrenamt anrufen?', /Tobias Reichenbach, Telefon 0341 987 654-30/, ZUK],
    ['Wie viel Geld bekommt eine Modellregion bei Gemeinsam statt einsam?', /Pauschale von 12\.000 Euro pro Jahr für drei Jahre/, GSE],
    ['Wir sind ein Landkreis in Bayern mit 140.000 Einwohnern. Können wir uns bei Gemeinsam statt einsam bewerben?', /^Ja – Landkreise/, GSE],
    // Two stages: the first unless the second is asked for.
    ['Bis wann kann man sich beim Wettbewerb Gemeinsam Orte schaffen bewerben?', /15\.01\.2027/, GOS],
    ['Bis wann muss der Vollantrag bei Gemeinsam Orte schaffen eingereicht werden?', /30\.06\.2027/, GOS],
    // A Gemeinde applying with its Verein is not told it cannot apply.
    ['Wir sind eine Gemeinde in Rheinland-Pfalz mit 4.200 Einwohnern und wollen mit unserem Heimatverein teilnehmen. Passt Gemeinsam Orte schaffen für uns?', /^Ja – /, GOS],
    ['Was bekommt man bei der Offenen Gemeindebibliothek Nord?', /Zuwendung beträgt bis zu 50\.000 Euro/, LIB],
    ['Bleiben wir beim Modellvorhaben Gemeinsam statt einsam ungenannt?', /^Ja – .*ohne Nennung der Kommunen/, GSE],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('keeps the first stage for "Und bis wann?"', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Wer kann bei Gemeinsam Orte schaffen teilnehmen?');
    expect(lastText((await c.say('Und bis wann?')).replies)).toMatch(/Gemeinsam Orte schaffen.*15\.01\.2027/);
  });
});
