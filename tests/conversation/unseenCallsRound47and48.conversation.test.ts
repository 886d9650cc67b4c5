import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-seventh and forty-eighth evaluation rounds: a Land ministry's press release, a Word
// export with numbered sections and footnotes, an award page with a timeline table; with a foundation page of round 46.
const FILES = ['treffpunkt-elbmark-pressemitteilung.txt', 'lindenblatt-preis-2027.html', 'ortskern-werkstatt-2027.txt', 'ortswerk-2027-lindenhof.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('started already', () => {
  it('answers the English question from the German rule', async () => {
    expect(await ask('We already awarded the construction contract for our community room last month. Can we still get Treffpunkt Elbmark money for it?', 'en-US')).toMatch(/^No – .*bereits begonnen wurde\. Als Beginn gilt schon die Vergabe/);
  });
});

describe('things asked about by what they are', () => {
  it('rules on a minibus bought before the question ("… einen Kleinbus anschaffen. Zahlt Ortswerk das?") by the list word "Fahrzeuge"', async () => {
    expect(await ask('Wir wollen für den Fahrdienst zum neuen Treffpunkt einen Kleinbus anschaffen. Zahlt Ortswerk das?')).toMatch(/^Nein – .*Nicht förderfähig sind: Fahrzeuge/);
  });
});

describe('deadlines', () => {
  it('gives the deadline for "noch bewerben oder sind wir zu spät dran?", not a sentence on handing papers in later', async () => {
    const text = await ask('Kann man sich beim Elbmark-Programm für Dorftreffs überhaupt noch bewerben oder sind wir zu spät dran?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Treffpunkt Elbmark läuft bis zum 12\.02\.2027/);
    expect(text).not.toMatch(/30\. September 2027/);
  });
  it('takes the timeline row labelled "Datum:", never the earlier edition’s deadline', async () => {
    const text = await ask('Bis wann können wir uns als Stadt für den Lindenblatt-Preis bewerben?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Lindenblatt-Preis 2027 läuft bis zum 12\.02\.2027/);
    expect(text).not.toMatch(/14\.02\.2025|14\. Februar 2025/);
  });
});

describe('who may apply, and in which class', () => {
  it('keeps numbered exclusion items run into one line exclusions ("2.3.2 Vereine, … – sie können sich aber als Kooperationspartner beteiligen")', async () => {
    expect(await ask('Der Heimat- und Gewerbeverein will den Marktplatz beleben. Kann der Verein selbst bei der Ortskern-Werkstatt Geld beantragen?')).toMatch(/^Nein – Vereine/);
  });
  it('reads "lohnt sich ein Antrag?" after a described town as whether it may apply', async () => {
    expect(await ask('Kleinstadt in Hessen, knapp 31.000 EW – lohnt sich für uns ein Antrag bei der Ortskern-Werkstatt?')).toMatch(/^Nein – .*höchstens 25\.000 Einwohnern/);
  });
  it('answers the size class from the row whose range holds the population, the boundary included', async () => {
    expect(await ask('Wir haben laut Statistik exakt 20.000 Einwohner. Welche Kategorie gilt beim Lindenblattpreis für uns?')).toMatch(/A – Kleine Kommunen: Einwohnerzahl bis 20\.000, Preisgeld 15\.000 Euro/);
    expect(await ask('Gemeinde mit 20.001 Einwohnern: welche Kategorie beim Lindenblatt-Preis?')).toMatch(/B – Mittlere Kommunen/);
  });
  it('takes fees as a question on costs of taking part', async () => {
    expect(await ask('Fallen für die Teilnahme am Lindenblatt-Preis Gebühren an oder brauchen wir Eigenmittel?')).toMatch(/kein Eigenanteil nötig/);
  });
});

describe('an earlier edition asked by its year', () => {
  it('gives the 2025 edition’s deadline as over, then the current one', async () => {
    expect(await ask('Wann war der Bewerbungsschluss beim Lindenblatt-Preis 2025?')).toMatch(/endete am 14\.02\.2025 – sie ist abgelaufen .*bis zum 12\.02\.2027/);
  });
});
