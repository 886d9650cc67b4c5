import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the twenty-seventh and twenty-eighth evaluation rounds: short foundation
// calls that name what they give besides the money in their own verbs, a Land letter with districts
// and a resolution rule, a web page with an FAQ, and a Markdown call with a district named apart.
const FILES = [
  'sternklar-strassenbeleuchtung-2026.txt',
  'samtpfote-katzenkastration-2027.txt',
  'oertchen-am-weg-toiletten-2026.txt',
  'wolkenbruch-starkregenkarten-2026.md',
  'mmlr-rlp-sichere-schritte-schulwegplaene-2027.txt',
  'slwk-sachsen-regenfest-starkregenvorsorge-2027.html',
  'traenkle-stiftung-bluetenband-streuobst-2027.md',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ask = askerFor(getBot, getChannel);

describe('what a call gives besides the money', () => {
  it.each([
    ['Welche Unterstützung außer Geld bietet Samtpfote?', /verleiht kostenlos Lebendfallen[\s\S]*Mustertext/, /erhalten keine Förderung/],
    ['Gibt es bei „Örtchen am Weg“ außer Geld noch andere Hilfe?', /liefert die Hinweisschilder[\s\S]*berät die Gemeinde/, /35\.000 Euro/],
    ['Welche Unterstützung außer Geld gibt es bei Sichere Schritte?', /Musterfragebögen[\s\S]*begeht[\s\S]*schult/, /unterstützt das Ministerium/],
  ])('answers "%s" from the sentences on the other help, not the money or the call’s aim', async (question, help, not) => {
    const text = await ask(question);
    expect(text).toMatch(help);
    expect(text).not.toMatch(not);
  });

  it('keeps the sentence an "außerdem" adds to, and what else besides the map itself', async () => {
    expect(await ask('What does Sternklar offer apart from the money?', 'en-US')).toMatch(/Messteam[\s\S]*Musterausschreibung/);
    const map = await ask('Besides the hazard map itself, what else does Wolkenbruch provide?', 'en-US');
    expect(map).toMatch(/Bürgerversammlung[\s\S]*Schulung/);
    expect(map).not.toMatch(/10 Prozent/);
  });
});

describe('signing and resolutions', () => {
  it('reads "ist … zu zeichnen" under a heading "Unterschrift" as who signs', async () => {
    expect(await ask('Wer muss die Sternklar-Bewerbung unterschreiben?')).toMatch(/Hauptverwaltungsbeamt/);
  });

  it('answers a question on the council resolution from the sentence on it, with its own no', async () => {
    expect(await ask('Brauchen wir für Sternklar einen Ratsbeschluss?')).toMatch(/^Nein – [\s\S]*Beschluss des Gemeinderats ist für die Bewerbung nicht nötig/);
    const text = await ask('sichere schritte – ratsbeschluss nötig??');
    expect(text).toMatch(/Ratsbeschluss ist für den Antrag nicht erforderlich/);
    expect(text).not.toMatch(/im Original per Post/);
  });

  it('tells how the application is confirmed instead of signed', async () => {
    expect(await ask('Does the mayor have to sign the Samtpfote application?', 'en-US')).toMatch(/^No\b[\s\S]*Förderportal[\s\S]*elektronisch/);
  });

  it('does not let "aus dem Rathaus" count as a topic the call never names', async () => {
    expect(await ask('Braucht die Blütenband-Bewerbung eine Unterschrift aus dem Rathaus?')).toMatch(/^Nein – [\s\S]*keine Unterschrift nötig/);
  });

  it('answers a scanned copy with the sentence that names the scan', async () => {
    const text = await ask('Could we have sent the Regenfest application as a scanned PDF with the mayor\'s signature?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/ein Scan genügt nicht/);
  });
});

describe('eligibility', () => {
  it.each([
    ['Kreisangehörige Stadt in Niedersachsen, 34.000 Einwohner – wären wir bei Wolkenbruch dabei gewesen?', /^Nein – [\s\S]*30\.000/],
    ['Gemeinde in Nordrhein-Westfalen mit 1.600 Einwohnern: Hätten wir uns zusammen mit der Nachbargemeinde bei Wolkenbruch bewerben können?', /^Nein – [\s\S]*Gemeinsame Bewerbungen mehrerer Gemeinden sind nicht möglich[\s\S]*2\.000/],
    ['Stadt in Sachsen-Anhalt, 12.000 Einwohner, ohne Katzenschutzverordnung und ohne Beschluss dazu – bekommen wir trotzdem Samtpfote-Geld?', /^Nein – [\s\S]*Voraussetzung[\s\S]*Katzenschutzverordnung/],
    ['Gemeinde im Zollernalbkreis, 6.500 Einwohner – dürfen wir uns bei Blütenband bewerben?', /^Ja\b/],
    ['Wir sind eine große kreisangehörige Stadt im Landkreis Bernkastel-Wittlich. Können wir uns bei Sichere Schritte bewerben?', /^Nein – [\s\S]*Große kreisangehörige Städte/],
  ])('judges "%s"', async (question, verdict) => {
    expect(await ask(question)).toMatch(verdict);
  });

  it('reads a range "zwischen 2.000 und 30.000" and districts named bare in English', async () => {
    expect(await ask('saarland municipality, 9400 residents – elegible for sternklar?', 'en-US')).toMatch(/^No\b[\s\S]*8,000/);
    expect(await ask('Our Verbandsgemeinde in Cochem-Zell has 8,600 inhabitants. Can it apply to Sichere Schritte on its own?', 'en-US')).toMatch(/^Only jointly\b/);
  });

  it('keeps a condition with an alternative open when the asker lacks only one of them', async () => {
    expect(await ask('Stadt in Sachsen-Anhalt, 12.000 Einwohner, ohne Katzenschutzverordnung – bekommen wir Samtpfote-Geld?')).not.toMatch(/^Nein\b/);
  });
});

describe('money and what is funded', () => {
  it('says the rest with the share it is the rest of', async () => {
    expect(await ask('Was zahlt die Gemeinde bei Sternklar selbst?')).toMatch(/70 Prozent[\s\S]*Den Rest trägt die Gemeinde/);
  });

  it('puts the joint amount first when a joint application is asked about', async () => {
    expect(await ask('blütenband joint application – max grant?', 'en-US')).toMatch(/^“Bei gemeinsamen Bewerbungen sind es höchstens 30\.000 Euro\.”/);
  });

  it('answers whether a thing is funded from the sentence that names it', async () => {
    expect(await ask('blütenband: mähgerät für den bauhof förderfähig?')).toMatch(/Nicht gefördert werden der Kauf von Flächen und Maschinen wie Mähgeräte/);
    expect(await ask('Can Sichere Schritte money be used for a pedestrian crossing island (Querungshilfe)?', 'en-US')).toMatch(/^Yes – [\s\S]*Querungshilfen/);
  });

  it('says no own share when the call says it asks none', async () => {
    expect(await ask('samtpfote eigenantel?? müssen wir was zuzahlen')).toMatch(/kein Eigenanteil nötig/);
  });

  it('abstains on starting before the approval when the call says nothing of it', async () => {
    expect(await ask('Dürfen wir mit einer Regenfest-Maßnahme schon vor der Bewilligung anfangen?')).toMatch(/keine gesicherte Information/);
  });
});

describe('two questions in one', () => {
  it('answers a question labelled with the call’s name and a second "und wann …"', async () => {
    const text = await ask('Örtchen am Weg: wie viel Zuschuss gibt es je Toilette, und wann entscheidet die Jury?');
    expect(text).toMatch(/35\.000 Euro[\s\S]*Jury entscheidet am Dienstag, 26\. Januar 2027/);
  });
});
