import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { askerFor, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the twenty-ninth and thirtieth evaluation rounds: a Land guideline from a
// PDF with numbered sections, a foundation page with an FAQ that qualifies its rules, a two-stage call,
// a ministry letter, a call with a key-facts table and short calls that name their programme in a word.
const FILES = [
  'tmbk-thueringen-frl-hoerbar-warnen-sirenen-2027.txt',
  'wiebking-stiftung-heidegedaechtnis-ortsarchive-2027.html',
  'afe-regionalteller-schulverpflegung-2027.md',
  'mkb-mv-weckruf-sirenen-rundschreiben-2026.txt',
  'mitfahrbaenke-landmobilitaet-2027.md',
  'dachgaeste-nisthilfen-nrw-2027.html',
  'blattweise-gemeindearchive-2027.txt',
];
// The evaluation rounds asked on 7 December 2026: some deadlines had just passed.
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));

const ask = askerFor(getBot, getChannel);

describe('names of programmes said short', () => {
  it('knows "Weckruf MV" as "Weckruf", "Mitfahrbänke" as "Mitfahrbank", and its implementer "Mitfahrwerk"', async () => {
    expect(await ask('Wen spreche ich bei Fragen zum Weckruf-Antrag an?')).toMatch(/Gesine Tamsen/);
    expect(await ask('stadt in hessen 23.500 ew, mitfahrbank bewerbung möglich?')).toMatch(/^Nein – [\s\S]*20\.000/);
    const text = await ask('What else does the Mitfahrwerk provide besides the money?', 'en-US');
    expect(text).toMatch(/Schild[\s\S]*Bürgerabend/);
  });
});

describe('enclosures, stages and changes', () => {
  it.each([
    ['Was muss dem Antrag nach der FRL Hörbar warnen beigefügt werden?', /Sirenenstandortkonzept, eine Kostenschätzung/],
    ['Was muss der Regionalteller-Skizze beigefügt werden, und was später dem Vollantrag?', /Absichtserklärung[\s\S]*Finanzplan und ein Beschluss/],
  ])('names what is enclosed for "%s"', async (question, enclosed) => {
    expect(await ask(question)).toMatch(enclosed);
  });

  it('says a full application comes only by invitation, and the sketch needs no signature while the full application does', async () => {
    expect(await ask('Können wir bei Regionalteller gleich einen Vollantrag stellen?')).toMatch(/^Nein – [\s\S]*Projektskizze[\s\S]*nur Schulträger, die von der AfE dazu aufgefordert werden/);
    expect(await ask('Muss die Regionalteller-Skizze vom Landrat unterschrieben werden?')).toMatch(/^Nein – [\s\S]*Der Vollantrag wird von der vertretungsberechtigten Person/);
    expect(await ask('By when is the Regionalteller full application due, and who may submit one?', 'en-US')).toMatch(/14 May 2027[\s\S]*nur Schulträger, die von der AfE dazu aufgefordert werden/);
  });

  it('tells when applying opens again after a closed deadline, and that an event date has no year', async () => {
    expect(await ask('hörbar warnen frist verpasst – wann gehts wieder los?')).toMatch(/abgelaufen[\s\S]*ab dem 1\. Juli 2027/);
    expect(await ask('Wann ist die Online-Infoveranstaltung zu Regionalteller?')).toMatch(/14\. Januar[\s\S]*Tag und Monat, aber kein Jahr/);
  });

  it('takes the deadline row of a key-facts table, not the row for mounting', async () => {
    expect(await ask('Können wir uns bei Dachgäste noch bewerben?')).toMatch(/endete am 23\.11\.2026/);
  });
});

describe('eligibility and joint applications', () => {
  it.each([
    ['Vier benachbarte Einheitsgemeinden wollten zusammen einen Hörbar-warnen-Antrag für ein gemeinsames Sirenennetz stellen. War das zulässig?', /^Nein – [\s\S]*höchstens 3 Partner/],
    ['Unser Caterer möchte selbst eine Regionalteller-Skizze einreichen. Geht das?', /^Nein – [\s\S]*Caterer[\s\S]*können keine Skizze einreichen/],
    ['Unsere Samtgemeinde im Landkreis Rotenburg (Wümme) hat 21.000 Einwohner und führt das Archiv für alle Mitgliedsgemeinden gemeinsam. Können wir uns trotzdem für Heidegedächtnis bewerben?', /Samtgemeinden können sich unabhängig von ihrer Einwohnerzahl bewerben/],
    ['Landkreis in Niedersachsen mit 260.000 Einwohnern: Gibt es bei Regionalteller für uns eine Einwohnergrenze?', /für Landkreise gilt keine Einwohnergrenze/],
  ])('answers "%s"', async (question, answer) => {
    expect(await ask(question)).toMatch(answer);
  });

  it('reads a partner the asker worked with ("mit dem Landkreis abgestimmt") as no description of the asker', async () => {
    const text = await ask('Unser Sirenenstandortkonzept ist noch nicht mit dem Landkreis abgestimmt. Können wir trotzdem über Hörbar warnen gefördert werden?');
    expect(text).not.toMatch(/Landkreise gehören nicht/);
    expect(text).toMatch(/Voraussetzung für die Förderung ist ein Sirenenstandortkonzept/);
  });

  it('names a district the English question gives, and an excluded size is no named exclusion', async () => {
    expect(await ask('A town of 11,000 inhabitants in the Harburg district wants to digitise its archive. Can it apply to Heidegedächtnis?', 'en-US')).toMatch(/^No – [\s\S]*Harburg is not one of them/);
    expect(await ask('We are an amtsfreie Gemeinde in the Landkreis Mecklenburgische Seenplatte with 9,300 residents. Could we have applied for Weckruf MV?', 'en-US')).not.toMatch(/^No\b/);
  });

  it('quotes a condition on what the asker describes only partly instead of a plain yes', async () => {
    expect(await ask('Gemeinde in Sachsen, Träger einer Grundschule; warmes Mittagessen gibt es bei uns nur zweimal pro Woche. Kommen wir für Regionalteller in Frage?')).toMatch(/Voraussetzung[\s\S]*Mittagessen/);
  });
});

describe('money and own shares', () => {
  it('works out the rest of a share said in words, and takes what the funder pays over a cost estimate or the joint case', async () => {
    expect(await ask('heidegedächtnis – own share in percent?', 'en-US')).toMatch(/25 %/);
    const text = await ask('Wie viel zahlt die Wiebking-Stiftung bei Heidegedächtnis?');
    expect(text).toMatch(/drei Viertel[\s\S]*16\.000 Euro/);
    expect(text).not.toMatch(/900 Euro|30\.000 Euro/);
  });

  it('abstains on a count the call does not give, and on publication the call says nothing of', async () => {
    expect(await ask('Wie viele Gemeinden will die Wiebking-Stiftung mit Heidegedächtnis fördern?')).toMatch(/keine gesicherte Information/);
    expect(await ask('Werden die bei Regionalteller geförderten Schulträger veröffentlicht?')).toMatch(/keine gesicherte Information/);
  });

  it('gives no yes of an FAQ entry that asks something else than the question', async () => {
    const text = await ask('Bekommen wir die Mitfahrbank-Pauschale auch, wenn wir eine vorhandene Bank umrüsten?');
    expect(text).toMatch(/die Pauschale von 1\.200 Euro entfällt/);
    expect(text).not.toMatch(/^Ja\b/);
  });
});

describe('English questions and follow-ups', () => {
  it('answers "What does X fund?" and a follow-up "Who can I call about it?"', async () => {
    const c = conversation(getBot().url, getChannel(), { locale: 'en-US' });
    expect(lastText((await c.say('What does Blattweise fund?')).replies)).toMatch(/Gefördert wird das Scannen/);
    expect(lastText((await c.say('Who can I call about it?')).replies)).toMatch(/Brettschneider/);
  });
});
