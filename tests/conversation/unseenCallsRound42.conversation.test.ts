import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-second evaluation round: a federal guideline in numbered sections
// extracted from a PDF (two stages, rates by financial situation, caps by kind of project) and an English
// page of a German-French foundation (rounds, rates by size, caps by strand).
const FILES = ['foerderrichtlinie-teilhabelabore-vor-ort.txt', 'zweiklang-twinning-bridges-fund-2027.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('working out the grant', () => {
  it('uses the general rate and names the rate for another group beside it', async () => {
    const text = await ask('Rechenbeispiel Teilhabelabor: Gesamtkosten 200.000 Euro, alles förderfähig. Wie hoch wäre der Zuschuss maximal?');
    expect(text).toMatch(/^Rechnerisch: bis zu 80 % von 200\.000 Euro, also eine Förderung von bis zu 160\.000 Euro/);
    expect(text).toMatch(/finanzschwache Kommunen“: 90 %, also 180\.000 Euro/);
  });
  it('caps by the kind of project the question names', async () => {
    expect(await ask('Unser Einzelvorhaben (Teilhabelabor) kostet 400.000 € über drei Jahre. Dann kriegen wir 320.000 € vom Bund, richtig?')).toMatch(/höchstens 250\.000 Euro/);
  });
  it('says no when the worked-out grant is below the minimum grant', async () => {
    expect(await ask('Wir planen nur ein kleines Teilhabelabor, Gesamtkosten 26.000 Euro. Lohnt sich eine Skizze?')).toMatch(/^Nein – rechnerisch ergäben 80 % von 26\.000 Euro nur 20\.800 Euro, .*Mindestförderung von 25\.000 Euro/);
  });
  it('takes the rate for the size the question tells, from an English key-facts table', async () => {
    expect(await ask('Wir sind eine Gemeinde mit 6.800 Einwohnern, unser Partnerschaftsprojekt kostet 12.000 Euro. Wieviel zahlt die Zweiklang-Stiftung maximal?')).toMatch(/85 % von 12\.000 Euro, also eine Förderung von bis zu 10\.200 Euro/);
  });
  it('names every cap when the sum lies above them and the question names no strand', async () => {
    expect(await ask('Unser Projekt beim Zweiklang-Fonds kostet 80.000 Euro. Wie viel Zuschuss gibt es?')).toMatch(/über dem Höchstbetrag, der je nach Art des Vorhabens 15\.000 Euro \(Strand A "Meet"\) bzw\. 40\.000 Euro \(Strand B "Build"\) beträgt/);
  });
});

describe('the two stages', () => {
  it('reads the outline as unsigned, though the formal application in the next section is signed', async () => {
    expect(await ask('Braucht die Projektskizze für die Teilhabelabore eine Unterschrift vom Bürgermeister?')).toMatch(/^Nein – .*ohne Unterschrift/);
  });
});

describe('who asks and how', () => {
  it('answers an anonymity question that says "namentlich"', async () => {
    expect(await ask('Können wir Geld aus dem Teilhabelabor-Programm bekommen, ohne dass unsere Stadt namentlich im Internet auftaucht?')).toMatch(/^Nein – .*anonyme Förderung ist daher nicht möglich/);
  });
  it('reads "Kann unser Landkreis selbst Fördermittel bekommen?" as eligibility', async () => {
    expect(await ask('Kann unser Landkreis selbst Fördermittel für ein Teilhabelabor bekommen?')).toMatch(/^Nein – Landkreise gehören nicht zu den Antragsberechtigten/);
  });
  it('answers a German question on the English call with the nearest open round', async () => {
    expect(await ask('Bis wann können wir uns beim Zweiklang-Fonds für Städtepartnerschaften bewerben?')).toMatch(/^Die Bewerbungsfrist für Twinning Bridges Fund 2027 läuft bis zum 01\.02\.2027/);
  });
});
