import { describe, expect, it } from 'vitest';
import { askerFor, expectAnswered, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the twenty-fifth and twenty-sixth evaluation rounds: short calls that
// say their facts in other words, a federal two-stage call, and a Land call with several kinds of
// municipality.
const FILES = [
  'leihen-statt-kaufen-leihlaeden-2027.txt',
  'rollende-runde-buergerbusse-2026.md',
  'sandkastenrat-spielplaetze-2027.html',
  'pulsnah-defibrillatoren-2026.txt',
  'bmbr-leuchtpunkt-notfalltreffpunkte-2026.txt',
  'tmfsl-thueringen-spielinsel-2027.txt',
  'osterkamp-stiftung-pulsnetz-2027.txt',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ask = askerFor(getBot, getChannel);

describe('facts said in other words', () => {
  it.each([
    ['Wie hoch ist der Zuschuss pro Bus bei RoRu, und wie viel muss die Gemeinde selbst zahlen?', /Den Rest, mindestens 40 Prozent, zahlt die Gemeinde/],
    ['Wie viel zahlt die Ellerbrock-Stiftung für einen Leihladen, und welchen Anteil trägt die Kommune selbst?', /übrigen 20 Prozent bringt die Kommune selbst auf/],
    ['rollende runde eigenantiel wieviel prozent', /mindestens 40 Prozent/],
  ])('finds the own share in "%s"', async (question, share) => {
    expect(await ask(question)).toMatch(share);
  });

  it('quotes who signs before whom it need not be', async () => {
    const text = await ask('Muss beim Sandkastenrat die Bürgermeisterin die Bewerbung unterschreiben?');
    expect(text).toMatch(/Leitung des zuständigen Fachbereichs[\s\S]*nicht erforderlich/);
  });

  it('answers an English question about children’s names from the sentence on them, not from the municipality being named', async () => {
    const text = await ask('Will the names of the children taking part in Sandkastenrat be published?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/Namen der beteiligten Kinder werden nie veröffentlicht/);
  });

  it('says yes to publication that follows the opening, quoting the rule that keeps it confidential until then', async () => {
    const text = await ask('Wird öffentlich bekannt, dass unsere Stadt bei „Leihen statt kaufen“ mitmacht?');
    expect(text).toMatch(/^Ja\b/);
    expect(text).toMatch(/sobald der Leihladen eröffnet ist/);
  });

  it('lists the support besides the money as the call lists it', async () => {
    const text = await ask('Was bekommt eine Gemeinde beim Sandkastenrat zusätzlich zum Geld?');
    expect(text).toMatch(/Planungswerkstätten[\s\S]*Bastelset[\s\S]*Sachverständigen/);
    expect(text.match(/Bastelset/g)).toHaveLength(1);
  });

  it('counts what a question counts ("wie viele Geräte"), even when it names "eine Gemeinde"', async () => {
    await expectAnswered(getBot(), getChannel(), 'Wie viele Geräte kann eine Gemeinde bei Pulsnah höchstens beantragen?', /höchstens fünf Geräte/, /Pulsnah/);
    await expectAnswered(getBot(), getChannel(), 'pulsnah wieviele geräte max pro gemeinde', /höchstens fünf Geräte/, /Pulsnah/);
  });
});

describe('eligibility by region and kind', () => {
  it('reads "in den Regierungsbezirken Arnsberg und Münster" as the area, and a Gemeinde im Regierungsbezirk Köln as outside it', async () => {
    const text = await ask('Gemeinde im Regierungsbezirk Köln, 9.000 Einwohner: Dürfen wir uns beim Sandkastenrat bewerben?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Köln gehört nicht dazu/);
  });

  it('does not exclude every town in a district when the call excludes "Große kreisangehörige Städte"', async () => {
    const text = await ask('Wir sind eine kreisangehörige Stadt in Thüringen mit 12.000 Einwohnern. Können wir bei Spielinsel einen Antrag stellen?');
    expect(text).toMatch(/^Ja\b/);
  });
});

describe('a two-stage call', () => {
  it('gives the full application’s date when the outline is mentioned before the question, never the outline’s date under its name', async () => {
    const text = await ask('Unsere Leuchtpunkt-Skizze wurde positiv bewertet. Bis wann müssen wir den Vollantrag einreichen?');
    expect(text).toMatch(/16\.04\.2027/);
    expect(text).not.toMatch(/30\.11\.2026/);
  });
});

describe('words the call says otherwise', () => {
  it('finds "Fahrzeuge werden nicht gefördert" for a fire engine, and the sketch deadline for a misspelt compound', async () => {
    expect(await ask('leuchtpunkt – neues feuerwehrauto förderfähig?')).toMatch(/Neubauten und Fahrzeuge werden nicht gefördert/);
    expect(await ask('leuchtpunkt skizenfrist noch offen??')).toMatch(/^Die Bewerbungsfrist für Leuchtpunkt läuft bis zum 30\.11\.2026/);
  });

  it('quotes the FAQ exception for border municipalities instead of a plain no by state', async () => {
    const text = await ask('Wir sind eine Gemeinde im Kreis Minden-Lübbecke in NRW, direkt an der Grenze zu Niedersachsen. Können wir uns bei Pulsnetz bewerben?');
    expect(text).not.toMatch(/^Nein\b/);
    expect(text).toMatch(/Eine Ausnahme gilt für Gemeinden in Nordrhein-Westfalen/);
  });
});

describe('Thuringian kinds of municipality and earlier rounds', () => {
  it('reads a Verwaltungsgemeinschaft "with five member municipalities" as the association, not as a member', async () => {
    const text = await ask('A Verwaltungsgemeinschaft with five member municipalities and 6,800 inhabitants in total wants an inclusive playground in one of them. Is it eligible for Spielinsel?', 'en-US');
    expect(text).toMatch(/^Yes, provided your municipality is in Thüringen\b/);
  });

  it('judges "reicht das für …?" with a size as an eligibility question, "keine VG" as not a member', async () => {
    const text = await ask('Landgemeinde, 2.600 Einwohner, keine VG – reicht das für Spielinsel?');
    expect(text).toMatch(/^Nein – [\s\S]*ab 3\.000 Einwohnern/);
    expect(text).not.toMatch(/Es kommt darauf an, ob Ihre Gemeinde/);
  });

  it('quotes what holds for earlier participants along with the rule that lets them apply again', async () => {
    expect(await ask('Unsere Gemeinde wurde schon in der ersten Spielinsel-Runde gefördert. Dürfen wir 2027 nochmal einen Antrag stellen?')).toMatch(/erneut bewerben[\s\S]*höchstens 25\.000 Euro/);
    expect(await ask('We received Spielinsel funding in 2025 for a playground in our northern village. Can we now apply for a completely new playground in another village?', 'en-US')).toMatch(/nur für die Erweiterung/);
  });
});
