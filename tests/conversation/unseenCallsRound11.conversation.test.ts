import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the eleventh evaluation round: a foundation's programme page
// (HTML: a key-facts table, <h2>/<h3> questions, a note on an earlier round's deadline), a Land
// agency's call in "§"-paragraphs with list intros and a two-stage procedure (Markdown), and an
// official gazette notice extracted from a PDF (numbered clauses, words broken across lines, a
// running page header, the call named only inside the publisher's sentence).
const FILES = ['kodo-dolmetschpools-2027.html', 'gemeinsam-dorf-gestalten-2027.md', 'kompass-brandenburg-2026.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const HX = /KoDo 2027/;
const MD = /Gemeinsam Dorf gestalten/;
const TX = /KOMPASS Brandenburg/;

describe('three unseen calls of the eleventh round', () => {
  it('names a gazette notice by the call it announces, and knows a word broken across lines whole', () => {
    const kompass = getBot().app.kb.programs.find((p) => p.id === 'kompass-brandenburg-2026')!;
    expect(kompass.name).toBe('Förderaufruf „KOMPASS Brandenburg 2027/2028“');
    expect(kompass.aliases).toContain('kompass');
  });

  it.each([
    // The current round's deadline (with its hour), not the earlier round's the page also mentions.
    ['Wann ist bei KoDo Einsendeschluss?', /^Die Bewerbungsfrist für KoDo 2027 läuft bis zum 30\.04\.2027 – sie ist noch offen.*12:00 Uhr/, HX],
    // Two stages: the sketch first, the formal application when asked for it.
    ['Bis wann muss die Skizze für Gemeinsam Dorf gestalten da sein?', /12\.03\.2027/, MD],
    ['Und bis wann ist bei Gemeinsam Dorf gestalten der förmliche Zuwendungsantrag fällig?', /^Die Frist für den Vollantrag für Gemeinsam Dorf gestalten läuft bis zum 30\.06\.2027/, MD],
    ['Bis wann konnte man bei KOMPASS einen Antrag stellen?', /^Die Bewerbungsfrist für KOMPASS Brandenburg 2027\/2028 endete am 15\.09\.2026/, TX],
    // A call named by a word only its text uses, and by the abbreviation the text spells out.
    ['Was zahlt das Land pro Jahr höchstens für eine Orientierungsstelle?', /50\.000 Euro/, TX],
    ['Wofür steht die Abkürzung LIV?', /^LIV steht für „Landesamt für Integration und Versorgung“/, TX],
    ['Wofür steht GDG?', /^GDG steht für „Gemeinsam Dorf gestalten“/, MD],
    // A list intro with its items; an <h2> question as the question it answers.
    ['Was wird bei Gemeinsam Dorf gestalten gefördert?', /Gefördert werden: die bauliche Herrichtung.*Erstausstattung/, MD],
    ['Was wird bei KoDo gefördert?', /Honorare für die Einsätze/, HX],
    // Ways of bringing the own share: refused, allowed only in part, or the rate for a size.
    ['Zählen Arbeitsstunden von Ehrenamtlichen bei Gemeinsam Dorf gestalten als Eigenanteil?', /^Nein – laut Ausschreibung Gemeinsam Dorf gestalten zählt das nicht/, MD],
    ['Dürfen Bundesmittel auf den KOMPASS-Eigenanteil angerechnet werden?', /^Nein – .*dürfen nicht auf den Eigenanteil angerechnet werden/, TX],
    ['Können wir den Eigenanteil bei KOMPASS ganz über Räume erbringen, die wir stellen?', /^Laut Ausschreibung .*Bis zur Hälfte des Eigenanteils/, TX],
    ['Unsere Gemeinde hat 2.100 Einwohner. Welchen Eigenanteil hätten wir bei Gemeinsam Dorf gestalten?', /weniger als 3\.000 Einwohnerinnen und Einwohnern beträgt er 5 Prozent/, MD],
    // A requirement under its own heading; sending by e-mail; a project begun before approval.
    ['Wir haben kein Integrationskonzept. Ist das bei KOMPASS ein Problem?', /verfügt über ein Integrationskonzept/, TX],
    ['Dürfen wir die KoDo-Bewerbung per Post schicken?', /per E-Mail oder Post werden nicht berücksichtigt/, HX],
    ['Wir haben mit dem Umbau schon begonnen. Fördert Gemeinsam Dorf gestalten das trotzdem?', /vor der Bewilligung begonnen/, MD],
    // The area row of the table lists all five states: Hamburg is not excluded.
    ['Wir sind eine kreisfreie Stadt in Niedersachsen mit 80.000 Einwohnern. Passt KoDo?', /^Ja – /, HX],
    ['Ansprechpartner für die Abrechnung bei Gemeinsam Dorf gestalten?', /Yusuf Demirtaş/, MD],
    // A statistics office named "Berlin-Brandenburg" in brackets does not open the call to Berlin.
    // The state rule's verdict, or the call's own sentence excluding Berlin by name: both say no for that reason.
    ['Kann ein Berliner Bezirk bei KOMPASS mitmachen?', /^Nein – .*(nur für Brandenburg|außerhalb des Landes Brandenburg, auch im Land Berlin, sind nicht antragsberechtigt)/, TX],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('does not say no to a Hamburg applicant when the area row names Hamburg', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wir sind ein Bezirksamt in Hamburg. Können wir bei KoDo mitmachen?');
    expect(lastText(r.replies)).not.toMatch(/^Nein/);
  });

  it('abstains in English on an extension the call does not mention', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Will KOMPASS be extended after 2028?');
    expect(lastText(r.replies)).toMatch(/could not find reliable information/);
  });

  it.each([
    ['Wofür steht XYZ bei KoDo?'],
    ['Wie viel Geld stellt das Land Brandenburg für KOMPASS insgesamt zur Verfügung?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));
});
