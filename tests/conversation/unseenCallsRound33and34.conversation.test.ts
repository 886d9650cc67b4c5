import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the thirty-third and thirty-fourth evaluation rounds: a Land guideline
// extracted from a PDF (running header, hyphenation, page numbers), a federal call with a key-facts
// table, a Kreis e-mail, a foundation page with a <dl> FAQ, a ministry call with a numbered FAQ, a
// foundation call with a moved deadline, a call written in English and a Zweckverband page.
const FILES = [
  'smti-sachsen-frl-klare-worte-2027.txt',
  'bmeb-sonnenschule-buergersolar-schuldaecher-2027.md',
  'kv-kaltensee-rundmail-giesspaten-2027.txt',
  'ammerfelden-buergerstiftung-flickwerk-repair-cafes-2027.html',
  'tmla-thueringen-bluehende-raender-2027.txt',
  'haberland-stiftung-stadtquelle-trinkbrunnen-2027.md',
  'euregio-silberwald-spf-firefighters-across-the-border-2027-en.md',
  'zv-breitband-erlenheide-dorf-wlan-2027.html',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('a guideline called by the short title in its brackets', () => {
  it('knows "(FRL Klare Worte)" as Klare Worte and names the call so', async () => {
    const text = await ask('Bis wann können Kommunen Anträge nach der Förderrichtlinie Klare Worte stellen?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Klare Worte läuft bis zum 26\.02\.2027/);
  });
});

describe('whether there is a population limit', () => {
  it.each([
    ['Gibt es bei Klare Worte eine Einwohnergrenze?', 'de-DE', /^Nein – [\s\S]*Eine Einwohnergrenze gilt nicht/],
    ['Is there a population limit for applying under the Klare Worte funding guideline?', 'en-US', /^No – [\s\S]*Eine Einwohnergrenze gilt nicht/],
    ['Gibt es bei Sonnenschule eine Einwohnergrenze?', 'de-DE', /^Ja – [\s\S]*3\.000 bis 60\.000 Einwohner/],
  ])('answers "%s" yes or no with the sentence that says it', async (question, locale, answer) => {
    expect(await ask(question, locale)).toMatch(answer);
  });
});

describe('kinds and things, read from the call', () => {
  it('does not take "Größere Städte sind ausgeschlossen" as an exclusion of towns', async () => {
    expect(await ask('Our town has exactly 60,000 inhabitants and runs its schools. Are we eligible for Sonnenschule?', 'en-US')).toMatch(/^Yes – /);
    expect(await ask('Wir sind eine Stadt mit 80.000 Einwohnern. Können wir bei Sonnenschule mitmachen?')).toMatch(/^Nein – [\s\S]*über der Obergrenze von 60\.000/);
  });

  it('answers whether a thing is funded from the sentence that rules on it, whatever else the question names', async () => {
    const text = await ask('Können wir über Sonnenschule auch einen Batteriespeicher für die Schule finanzieren?');
    expect(text).toMatch(/^Nein – [\s\S]*Nicht gefördert werden Batteriespeicher/);
    expect(text).not.toMatch(/Gefördert werden die Planung/);
  });
});

describe('a deadline moved by an update box', () => {
  it('gives the moved date, and says the first one was changed when asked about it', async () => {
    expect(await ask('Bis wann kann man sich bei Stadtquelle bewerben?')).toMatch(/^Die Bewerbungsfrist für Stadtquelle 2027 läuft bis zum 29\.01\.2027/);
    const text = await ask('The Stadtquelle call says "Bewerbungsschluss: Freitag, 27. November 2026". Is that deadline still valid?', 'en-US');
    expect(text).toMatch(/^No\b[\s\S]*29 January 2027[\s\S]*extended; it was originally 27 November 2026/);
  });

  it('takes the update\'s time for another event moved with it', async () => {
    expect(await ask('Wann entscheidet die Jury über die Bewerbungen bei Stadtquelle?')).toMatch(/18\. März 2027/);
  });
});

describe('publication required', () => {
  it('reads "Eine Förderung ohne Namensnennung ist nicht möglich" as no, never as yes', async () => {
    expect(await ask('Kann eine Kommune bei Stadtquelle gefördert werden, ohne dass ihr Name veröffentlicht wird?')).toMatch(/^Nein – [\s\S]*ohne Namensnennung ist nicht möglich/);
  });
});

describe('a call in rounds, written in English', () => {
  it('gives the next cut-off date, not the committee\'s meeting or the end of the projects', async () => {
    expect(await ask('What is the next deadline for applications to Firefighters Across the Border?', 'en-US')).toMatch(/^The application deadline for Firefighters Across the Border is 11 March 2027/);
    expect(await ask('Bis wann können wir uns bei Firefighters Across the Border bewerben?')).toMatch(/bis zum 11\.03\.2027/);
  });

  it('answers when the committee decides, and when projects must be finished, from their own sentences', async () => {
    expect(await ask('When does the committee decide on Firefighters Across the Border applications?', 'en-US')).toMatch(/decides about eight weeks after each cut-off date/);
    expect(await ask('By when do the Firefighters Across the Border projects have to be finished?', 'en-US')).toMatch(/completed by 30 June 2028/);
  });
});

describe('rules the guideline states outright', () => {
  it('says no to starting before the approval, from the rule', async () => {
    expect(await ask('Dürfen wir mit der Übertragung unserer Internetseite in Leichte Sprache schon anfangen, bevor der Bewilligungsbescheid von Klare Worte da ist?')).toMatch(/^Nein – [\s\S]*darf vor der Bewilligung nicht begonnen worden sein/);
  });

  it('says no to an applicant the call excludes by name, whatever else the question tells', async () => {
    expect(await ask('Unser Abwasserzweckverband möchte seine Gebührenbescheide in Leichte Sprache übertragen lassen. Kann der Zweckverband selbst einen Antrag nach Klare Worte stellen?')).toMatch(/^Nein – [\s\S]*Zweckverbände und kommunale Unternehmen sind nicht antragsberechtigt/);
  });
});

describe('an informal Kreis e-mail', () => {
  it('says no to the place the mail says is not taking part', async () => {
    expect(await ask('We are the town of Marbrunn in the Kaltensee district. Can we take part in Gießpaten 2027?', 'en-US')).toMatch(/^No – [\s\S]*Marbrunn/);
  });

  it('reads "stellt jede Gemeinde selbst" as what the municipality pays, and "Was stellt der Kreis zur Verfügung?" as what it gets', async () => {
    expect(await ask('Was müssen wir als Gemeinde bei den Gießpaten selbst bezahlen?')).toMatch(/Das Wasser und ein Standrohr für den Hydranten stellt jede Gemeinde selbst/);
    expect(await ask('Was stellt der Kreis den Gemeinden bei der Aktion Gießpaten zur Verfügung?')).not.toMatch(/keine gesicherte Information/);
  });
});

describe('a further signature', () => {
  it('says no to "does the mayor\'s signature suffice" when the call asks for another one, and quotes both', async () => {
    expect(await ask('Reicht für die Stadtquelle-Bewerbung die Unterschrift unseres Bürgermeisters?')).toMatch(/^Nein – [\s\S]*unterschreibt die Bürgermeisterin oder der Bürgermeister\. Zusätzlich bestätigt der örtliche Wasserversorger mit seiner Unterschrift/);
    expect(await ask('Wer muss die Stadtquelle-Bewerbung unterschreiben?')).toMatch(/Zusätzlich bestätigt der örtliche Wasserversorger/);
  });
});

describe('member municipalities applying through their association', () => {
  it('says "not directly" to a member of a Verwaltungsgemeinschaft, and does not read "Ränder" as a change', async () => {
    expect(await ask('Wir sind eine Mitgliedsgemeinde einer Verwaltungsgemeinschaft in Thüringen mit 1.400 Einwohnern. Konnten wir den Antrag für Blühende Ränder selbst stellen?')).toMatch(/^Nicht direkt – [\s\S]*Verwaltungsgemeins/);
  });
});

describe('a foundation page with shares in words and two rounds', () => {
  it('answers the own share said as "mindestens ein Drittel"', async () => {
    expect(await ask('Wie viel müssen wir bei Flickwerk selbst zahlen?')).toMatch(/Mindestens ein Drittel der Kosten bringt der Antragsteller aus eigenen Mitteln auf/);
  });

  it('gives the first round\'s date when asked for the first round', async () => {
    expect(await ask('Bis wann lief die erste Antragsrunde von Flickwerk?')).toMatch(/endete am 27\.11\.2026/);
    expect(await ask('Bis wann können wir einen Flickwerk-Antrag stellen?')).toMatch(/30\.04\.2027/);
  });
});

describe('help besides the money', () => {
  it('quotes the advice and the model plan, not who applies or the call\'s intro', async () => {
    const text = await ask('Welche Unterstützung gibt es bei Stadtquelle außer dem Zuschuss?');
    expect(text).toMatch(/Ein Fachbüro berät jede geförderte Kommune[\s\S]*Muster-Hygieneplan/);
    expect(text).not.toMatch(/Stadtwerke und Wasserversorger|Leitungswasser für alle/);
  });
});

describe('a thing the call never names', () => {
  it.each([
    'Was muss die Gemeinde bei Blühende Ränder mit dem Mähgut der Blühstreifen machen?',
    'Müssen die über Stadtquelle geförderten Trinkbrunnen auch im Winter in Betrieb sein?',
  ])('abstains for "%s" rather than quoting a sentence on the rest of the question', async (question) => {
    const text = await ask(question);
    expect(text).toMatch(/keine gesicherte Information/);
    expect(text).not.toMatch(/Schild zur Landesförderung|in Betrieb gehen/);
  });
});
