import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the tenth evaluation round: an institute's call with its
// deadline hour ("1. März 2027, 23:59 Uhr"), a foundation's programme named in its first line by the
// foundation ("Stiftung Gemeinsinn") with a population limit for towns only, and a ministry's call
// that only its Ortsgemeinden' association may apply for.
const FILES = ['dialograeume-vor-ort-2027.txt', 'zusammen-wachsen-patenschaften-2026.txt', 'ankommen-im-quartier-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const DR = /Dialogräume vor Ort 2027/;
const ZW = /Zusammen wachsen/;
const AQ = /Ankommen im Quartier 2027/;

describe('three unseen calls of the tenth round', () => {
  it.each([
    // The hour a deadline gives is part of the answer; asked for, it is the answer.
    ['Bis wann können wir uns bei Dialogräume vor Ort bewerben?', /^Die Bewerbungsfrist für Dialogräume vor Ort 2027 läuft bis zum 01\.03\.2027 – sie ist noch offen.*23:59 Uhr/, DR],
    ['Um wie viel Uhr ist am letzten Tag Schluss für Bewerbungen bei Dialogräume vor Ort?', /23:59 Uhr/, DR],
    // The programme named only by its funder, in full or by the abbreviation the text spells out.
    ['Läuft die Bewerbung bei der Stiftung Gemeinsinn noch?', /^Die Bewerbungsfrist für Zusammen wachsen endete am 31\.10\.2026/, ZW],
    ['Wie hoch ist der Eigenanteil beim Programm des ZDT?', /zehn Prozent/, DR],
    // A compound of the text's words ("Patenschaften", "Förderprogramm") is no unknown topic.
    ['Bis wann konnte man sich für das Patenschaftsprogramm der Stiftung Gemeinsinn bewerben?', /31\.10\.2026/, ZW],
    // A number asked without naming the call: the one text that has it.
    ['Wie viele Moderationstage erhält eine Dialogkommune?', /30 Moderationstage/, DR],
    // "Welchen Anteil …" asks for the rate; "Arbeitszeit unserer Mitarbeitenden" is the staff's own contribution.
    ['Welchen Anteil der Personalausgaben trägt das Land bei Ankommen im Quartier?', /75 Prozent/, AQ],
    ['Dürfen wir den Eigenanteil bei Dialogräume vor Ort mit der Arbeitszeit unserer Beschäftigten leisten?', /Personalleistungen/, DR],
    // "Wird veröffentlicht, wie viel …?" asks whether, not how much.
    ['Wird bei Zusammen wachsen bekannt gemacht, wie viel Geld eine Kommune erhält?', /Jahresbericht/, ZW],
    // "Städte mit mehr als 100.000 Einwohnern sind ausgeschlossen" says nothing to a Landkreis, and no to a big town.
    ['Wir sind ein Landkreis in Bayern mit 250.000 Einwohnern. Kommt Zusammen wachsen für uns in Frage?', /^Ja – Landkreise/, ZW],
    ['Wir sind eine kreisfreie Stadt mit 150.000 Einwohnern. Kommt Zusammen wachsen für uns in Frage?', /^Nein – /, ZW],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('says so when asked for an hour the call does not give', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bis zu welcher Uhrzeit nimmt Ankommen im Quartier Anträge an?');
    expect(lastText(r.replies).slice(0, 300)).toMatch(/15\.02\.2027.*Eine Uhrzeit nennt der Text nicht/);
  });

  it('gives the deadline in English when asked whether applications are still accepted', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('Is the Zusammen wachsen programme still accepting applications?');
    expect(lastText(r.replies)).toMatch(/^The application deadline for Zusammen wachsen was 31 October 2026 – it has passed/);
  });

  it.each([
    ['Wie hoch ist das Kindergeld bei Zusammen wachsen?'],
    ['Wie viele Monate dauert die Jurysitzung bei Dialogräume vor Ort?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));
});
