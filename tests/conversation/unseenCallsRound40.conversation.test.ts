import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { askerFor, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the fortieth evaluation round: a ministry's press release with a press
// contact besides the applicants' one, and a foundation's Merkblatt exported from Word as HTML (source
// lines wrapped inside paragraphs, bold table headers, a deadline counted from its publication).
const FILES = ['kuehle-kommune-2027-pressemitteilung.txt', 'merkblatt-junge-stimmen-im-rathaus-2027.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('a press release', () => {
  it('knows the short name the text gives in brackets after the call\'s name ("„Kühle Kommune 2027“ (KüKo)")', async () => {
    expect(await ask('Bis wann läuft KüKo?')).toMatch(/^Die Bewerbungsfrist für Kühle Kommune 2027 läuft bis zum 26\.02\.2027/);
  });

  it('gives the applicants\' contact, with the name after the label\'s colon, even when the asker names the press officer', async () => {
    const text = await ask('In der Pressemitteilung zu Kühle Kommune steht Herr Brüggemann mit Telefonnummer. Ist das unser Ansprechpartner für Fragen zum Antrag?');
    expect(text).toMatch(/^Kontakt für Kühle Kommune 2027: Merle Ostendorf, Telefon 05121 7089-214, kuehle-kommune@lsk-niedersachsen\.de/);
    expect(text).not.toMatch(/pressestelle@|0511 120-3310/);
  });

  it('answers publication with the sentence on it, not with the release\'s headline', async () => {
    expect(await ask('Unser OB möchte nicht, dass unsere Stadt öffentlich genannt wird. Geht bei Kühle Kommune eine Teilnahme ohne Namensnennung?')).toMatch(
      /^Nein – [\s\S]*„Die fertigen Hitzeaktionspläne werden mit dem Namen der jeweiligen Kommune auf einer interaktiven Karte/,
    );
  });
});

describe('a Word export', () => {
  it('works out a deadline counted from the publication the text dates, and cites both sentences', async () => {
    const text = await ask('Können wir uns bei JuSt jetzt noch bewerben oder ist die Frist rum?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Junge Stimmen im Rathaus läuft bis zum 28\.12\.2026 – sie ist noch offen, noch 21 Tage\. Die Ausschreibung nennt die Frist als Zeitraum nach ihrer Veröffentlichung am 16\.11\.2026/);
    expect(text).toMatch(/sechs Wochen nach Veröffentlichung dieses Merkblatts/);
    expect(text).toMatch(/Veröffentlicht am 16\. November 2026/);
  });

  it('reads a table whose headers are bold paragraphs by column, without heading marks', async () => {
    const text = await ask('Wie hoch ist bei JuSt der Höchstbetrag für den Aufbau eines Jugendgremiums?');
    expect(text).toMatch(/Förderquote 75 %, Höchstbetrag 25\.000 Euro/);
    expect(text).not.toMatch(/#/);
  });
});

describe('"Obergrenze" after a money question', () => {
  it('answers the cap on the grant, never a population bound', async () => {
    const conv = conversation(getBot().url, getChannel());
    await conv.say('Wie hoch ist die Förderquote bei Kühle Kommune?');
    const text = lastText((await conv.say('Gibt es eine Obergrenze?')).replies);
    expect(text).toMatch(/höchstens jedoch 60\.000 Euro je Kommune/);
    expect(text).not.toMatch(/20\.000 Einwohner/);
  });
});

