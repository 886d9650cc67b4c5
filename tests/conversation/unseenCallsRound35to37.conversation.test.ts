import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the thirty-fifth to thirty-seventh evaluation rounds: a Land programme
// in Markdown with a rate table, a foundation call extracted from a PDF with two rounds, a federal web
// page with a key-facts table, an FAQ and footer noise, a call written in English, a federal
// competition with prizes and two stages, and an advisory programme without money that takes
// applications at any time.
const FILES = [
  'hitzefit-kommune-2027.md',
  'mobil-im-dorf-2027.txt',
  'schattenplaetze-2027.html',
  'rural-futures-micro-grants-2027.md',
  'ortsmitte-zukunft-ost-2027.txt',
  'ehrenamt-im-ort-beratungsprogramm.md',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('deadlines that are not simply one dated sentence', () => {
  it('takes the year of a year-less deadline from the key facts that give it, and cites both', async () => {
    const text = await ask('Bis wann können wir beim Bundesprogramm Schattenplätze eine Projektskizze einreichen?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Schattenplätze läuft bis zum 31\.03\.2027 – sie ist noch offen, noch 114 Tage/);
    expect(text).toMatch(/Antragsfrist \(Projektskizze\): 31\. März 2027, 12:00 Uhr/);
  });

  it('never takes the population count\'s cut-off date for the application deadline', async () => {
    const text = await ask('Kurze Frage: läuft der Schattenplätze-Aufruf noch oder sind wir schon zu spät dran?');
    expect(text).not.toMatch(/31\.12\.2025|abgelaufen/);
  });

  it('says that a programme taking applications at any time has no deadline, and never reads "Stand 1. November 2026" as one', async () => {
    for (const [question, locale, lead] of [
      ['Ist die Frist bei Ehrenamt im Ort schon abgelaufen?', 'de-DE', /^Für Ehrenamt im Ort gibt es keine feste Frist – Anträge sind laufend möglich: „Anträge können laufend gestellt werden\. Es gibt keine feste Antragsfrist/],
      ['Is the Ehrenamt im Ort programme still open for applications?', 'en-US', /^Ehrenamt im Ort has no fixed deadline – applications are accepted on a rolling basis/],
    ] as const) {
      const text = await ask(question, locale);
      expect(text).toMatch(lead);
      expect(text).not.toMatch(/01\.11\.2026|endete/);
    }
  });

  it('answers from when applications are taken with the first day, not the last', async () => {
    expect(await ask('Ab wann nimmt das Förderportal HitzeFit-Anträge an?')).toMatch(/^Anträge für HitzeFit Kommune können seit dem 01\.12\.2026 gestellt werden: „Anträge können ab dem 1\. Dezember 2026 gestellt werden\.“/);
  });
});

describe('an earlier round asked for', () => {
  it('says the first round is over and names the later deadline still open', async () => {
    expect(await ask('Wir wollten eigentlich in der ersten Runde von Mobil im Dorf mitmachen. Geht das noch?')).toMatch(
      /^Die Bewerbungsfrist für Mobil im Dorf endete am 30\.09\.2026 – sie ist abgelaufen \(seit 68 Tagen\)\. Die Ausschreibung nennt aber eine spätere Frist, die noch läuft: bis zum 12\.04\.2027\./,
    );
  });
});

describe('yes or no from the entry or list that rules on it', () => {
  it('answers whether two outlines may be sent with the sentence that allows one', async () => {
    expect(await ask('Wir haben zwei Ortskerne. Dürfen wir bei Ortsmitte Zukunft Ost zwei Skizzen einreichen?')).toMatch(/^Nein – [\s\S]*„Jede Kommune darf sich nur einmal bewerben, das heißt genau eine Projektskizze einreichen\.“/);
  });

  it('answers a part of a municipality that asks to apply on its own with the call\'s exclusion, though the asker names only a state', async () => {
    expect(await ask('Ich bin Ortsvorsteher in Kleinwaltersdorf, einem Ortsteil von Freiberg in Sachsen. Kann sich unser Ortsteil selbst bei Ortsmitte Zukunft Ost bewerben?')).toMatch(
      /^Nein – laut Ausschreibung Ortsmitte Zukunft Ost 2027: „Ortsteile, Ortschaften und Stadtteile können sich nicht allein bewerben\.“/,
    );
  });

  it('reads the "Nein." of the call\'s own anonymity entry, not the "nicht veröffentlicht" of those not chosen', async () => {
    expect(await ask('Können wir bei Schattenplätze anonym bleiben, falls wir gefördert werden?')).toMatch(/^Nein – laut Ausschreibung Schattenplätze ist keine anonyme Teilnahme vorgesehen: „Können wir anonym teilnehmen\? Nein\./);
  });

  it.each([
    ['Können wir mit Mitteln aus Schattenplätze Klimaanlagen für die Büros im Rathaus anschaffen?', /^Nein – laut Ausschreibung Schattenplätze wird das nicht gefördert: „Nicht gefördert werden Klimaanlagen für Büroräume/],
    // The thing stands in a list under "Nicht gefördert werden:"; the situation before the question names other things.
    ['Im Rathaus ist es im Sommer unerträglich. Fördert HitzeFit Klimageräte für unsere Büros?', /^Nein – laut Ausschreibung HitzeFit Kommune wird das nicht gefördert: „Nicht gefördert werden: Klimaanlagen und Klimageräte in Verwaltungsbüros“/],
  ])('answers "%s" no', async (question, lead) => {
    expect(await ask(question)).toMatch(lead);
  });
});

describe('who may apply, with the condition the call sets', () => {
  it('frees a Landkreis of the population limit only on the call\'s condition, and says so', async () => {
    const text = await ask('Unser Landkreis in Niedersachsen hat 180.000 Einwohner. Ist er bei Mobil im Dorf überhaupt antragsberechtigt?');
    expect(text).toMatch(/^Ja, aber nur unter Bedingung: Für Landkreise gilt die Einwohnergrenze nicht/);
    expect(text).toMatch(/sofern das Projekt ausschließlich in Gemeinden mit höchstens 25\.000 Einwohnerinnen und Einwohnern umgesetzt wird/);
    expect(text).not.toMatch(/^Nein/);
  });
});

describe('money', () => {
  it('gives the prizes a list under "Es wird wie folgt vergeben:" names, which the ingestion keeps although its lines look alike', async () => {
    const text = await ask('Wie viel Preisgeld gibt es bei Ortsmitte Zukunft Ost?');
    expect(text).toMatch(/^Laut Ausschreibung Ortsmitte Zukunft Ost 2027: „Das Preisgeld beträgt insgesamt 400\.000 Euro\. Es wird wie folgt vergeben: 1\. Preis: 150\.000 Euro 2\. Preis: 100\.000 Euro 3\. Preis: 75\.000 Euro“/);
  });

  it('answers "wie viel Geld" of an advisory programme with its plain no money, not with the own share', async () => {
    const text = await ask('Wie viel Geld gibt es bei Ehrenamt im Ort?');
    expect(text).toMatch(/^Laut Ausschreibung Ehrenamt im Ort: „„Ehrenamt im Ort“ ist ein reines Beratungsprogramm\. Es werden keine Zuschüsse/);
  });

  it('answers "wie viel Fördergeld pro Vorhaben" with the amounts before the rate', async () => {
    expect(await ask('Wie viel Fördergeld gibt es bei Schattenplätze pro Vorhaben?')).toMatch(/^Laut Ausschreibung Schattenplätze: „Die Zuwendung beträgt mindestens 50\.000 Euro und höchstens 400\.000 Euro je Vorhaben\./);
  });
});

describe('contacts', () => {
  it('finds the phone line under a contact card\'s address, and the card\'s name after its label', async () => {
    expect(await ask('Wen kann ich bei Rückfragen zu HitzeFit anrufen?')).toMatch(/^Kontakt für HitzeFit Kommune: Johanna Reisinger, Telefon 06131 98765-420, hitzefit@laka-rlp\.de/);
  });

  it.each([
    ['Wann kann ich beim Programmbüro von Ehrenamt im Ort anrufen?', 'de-DE', /^Die Ansprechperson für Ehrenamt im Ort ist telefonisch erreichbar unter 0561 4738 2150: „Telefonische Sprechzeiten: dienstags und donnerstags von 9 bis 12 Uhr sowie mittwochs von 14 bis 16 Uhr“/],
    ['Who can I phone about Ortsmitte Zukunft Ost, and at what times?', 'en-US', /^Jonas Wrede can be reached by phone for Ortsmitte Zukunft Ost 2027 at 0341 2290 4417: “Telefon: 0341 2290 4417 \(erreichbar montags bis donnerstags von 10 bis 15 Uhr\)”/],
  ])('answers "%s" with the contact\'s own calling hours', async (question, locale, lead) => {
    expect(await ask(question, locale)).toMatch(lead);
  });

  it('does not give a footer hotline\'s hours as the contact person\'s', async () => {
    expect(await ask('Zu welchen Uhrzeiten ist die Ansprechpartnerin für Schattenplätze telefonisch erreichbar?')).toMatch(/keine gesicherte Information/);
  });
});

describe('a programme name typed with one letter too many', () => {
  it('knows "Mobil im Dorff" and answers for it', async () => {
    expect(await ask('Bis wann läuft Mobil im Dorff?')).toMatch(/^Die Bewerbungsfrist für Mobil im Dorf läuft bis zum 12\.04\.2027/);
  });
});

describe('a word of a programme\'s name is no question', () => {
  it('answers "Wer ist Ansprechpartner für Rural Futures Micro-Grants?" with the contact, not the grants', async () => {
    expect(await ask('Wer ist Ansprechpartner für Rural Futures Micro-Grants?')).toMatch(/^Kontakt für Rural Futures Micro-Grants 2027: microgrants@ruralfutures-network\.eu/);
  });
});

describe('questions the texts do not answer', () => {
  it('does not read "How many municipalities received … funding in previous years?" as whether the asker may apply', async () => {
    const text = await ask('How many municipalities received HitzeFit funding in previous years?', 'en-US');
    expect(text).not.toMatch(/^Yes/);
    expect(text).toMatch(/could not find reliable information/);
  });
  it('asks for names when asked who sits on a board ("Vergabebeirat"): a sentence naming no one does not answer', async () => {
    expect(await ask('Wer sitzt eigentlich im Vergabebeirat von Mobil im Dorf?')).toMatch(/keine gesicherte Information/);
  });
});
