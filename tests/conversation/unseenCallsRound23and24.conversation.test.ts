import { describe, expect, it } from 'vitest';
import { askerFor, expectAbstained, expectAnswered, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Six calls nobody curated, from the twenty-third and twenty-fourth evaluation rounds: short calls
// in the plain style of the unseen acceptance call, an FAQ that qualifies the main text, a Land
// call for named districts with a joint population cap, and a second round beside its first.
const FILES = [
  'kuehle-orte-2027-foerderaufruf.txt',
  'schwellenlos-ins-rathaus-foerderaufruf-2026.md',
  'mitmachboerse-ehrenamtsboersen-bayern.html',
  'iskv-schattenspender-hitzeschutzplaene-2027.txt',
  'stmhn-bayern-kramerladen-foerderaufruf-2026.txt',
  'ankommenswerk-talenthafen-zweite-runde-2027.txt',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ask = askerFor(getBot, getChannel);

describe('joint applications', () => {
  it('adds up the partners’ inhabitants against the cap the call sets for joint applications', async () => {
    const within = await ask('Zwei Nachbargemeinden im Landkreis Tirschenreuth (6.300 und 4.900 Einwohner) planen einen gemeinsamen Dorfladen. Sind sie zusammen bei Kramerladen antragsberechtigt?');
    expect(within).toMatch(/^Ja\b/);
    expect(within).toMatch(/11\.200 Einwohner/);
    expect(within).toMatch(/12\.000/);
    const above = await ask('Three neighbouring municipalities in the Cham district with 4,800, 4,500 and 3,900 inhabitants want to file one joint Kramerladen application. Would they be eligible together?', 'en-US');
    expect(above).toMatch(/^No\b/);
    expect(above).toMatch(/13,200 inhabitants/);
  });

  it('answers no when the call rules joint applications out, whatever the partners’ size', async () => {
    const text = await ask('Zwei Nachbargemeinden mit je rund 6.000 Einwohnern wollen einen gemeinsamen Hitzeschutzplan. Können sie sich bei Schattenspender zusammen bewerben?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Gemeinsame Bewerbungen sind nicht vorgesehen/);
  });

  it('tells a municipality below the minimum that it may apply only together with neighbours', async () => {
    await expectAnswered(getBot(), getChannel(), 'Gemeinde in Oberfranken, 1.900 Einwohner – dürfen wir bei der Mitmachbörse allein einen Antrag stellen?', /^Nur gemeinsam/, /Mitmachbörse/);
  });

  it('gives the joint amount after the single one when the second part asks what there is then', async () => {
    const text = await ask('Können sich zwei Nachbargemeinden gemeinsam bei Kramerladen bewerben, und wie viel Geld gibt es dann?');
    expect(text).toMatch(/75\.000 Euro/);
  });
});

describe('an FAQ entry that qualifies the main text', () => {
  it('answers from the entry that asks what was asked, not from the list of applicants', async () => {
    const text = await ask('Unser Landkreis möchte über Schattenspender Hitzeschutzpläne für seine kreisangehörigen Gemeinden erarbeiten. Können wir uns dafür bewerben?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/nur für ihre eigene Verwaltung/);
  });

  it('does not ask a Landkreis for a population limit that the call sets for Gemeinden only', async () => {
    const text = await ask('Can a Landkreis apply to Schattenspender?', 'en-US');
    expect(text).not.toMatch(/still need: the population/);
  });
});

describe('districts named in the call', () => {
  it('reads a list of districts with an abbreviation inside ("Wunsiedel i. Fichtelgebirge und Kronach")', async () => {
    const other = await ask('Markt mit 3.100 Einwohnern im Landkreis Passau – wären wir bei Kramerladen antragsberechtigt gewesen?');
    expect(other).toMatch(/^Nein\b/);
    expect(other).toMatch(/Passau gehört nicht dazu/);
    const last = await ask('Wir sind eine Gemeinde mit 2.000 Einwohnern im Landkreis Kronach. Können wir bei Kramerladen mitmachen?');
    expect(last).toMatch(/^Ja\b/);
  });

  it('reads "in the district of Hof" as where a village lies, not as a Landkreis asking', async () => {
    const text = await ask('Is a village of 1,800 people in the district of Hof in Upper Franconia eligible under Kramerladen?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/Hof is not one of them/);
  });
});

describe('a second round beside its first', () => {
  it('names the call by its first line, which its name opens', async () => {
    await expectAnswered(getBot(), getChannel(), 'Wie lange läuft die Förderung bei Talenthafen?', /18 Monate/, /^Talenthafen – Kommunen heißen internationale Fachkräfte willkommen/);
  });

  it('does not answer when selections are made now from when the first round’s jury chose', async () => {
    await expectAbstained(getBot(), getChannel(), 'Wann erfahren Kommunen, ob sie in der zweiten Talenthafen-Runde ausgewählt wurden?');
  });

  it('tells a first-round municipality that it is excluded now', async () => {
    const text = await ask('Unsere Gemeinde wurde in der ersten Talenthafen-Runde gefördert. Können wir uns jetzt noch einmal bewerben?');
    expect(text).toMatch(/^Nein\b/);
  });

  it('takes the support of this round, not the first round’s', async () => {
    const text = await ask('Apart from money, what support do Talenthafen municipalities get in round two?', 'en-US');
    expect(text).toMatch(/acht Beratungstagen/);
    expect(text).not.toMatch(/sechs Beratungstage/);
  });
});

describe('support besides the money', () => {
  it.each([
    ['Gibt es bei Kühle Orte neben dem Zuschuss noch andere Unterstützung?', /Hitze-Check[\s\S]*Mustertexte/],
    ['Was bekommen geförderte Kommunen bei Schwellenlos ins Rathaus außer Geld?', /Begehung[\s\S]*Schulung/],
    ['Welche Begleitung außer dem Zuschuss bekommen Schattenspender-Kommunen?', /acht Beratungstagen/],
  ])('answers "%s" with the support, not the grant', async (question, support) => {
    const text = await ask(question);
    expect(text).toMatch(support);
    expect(text.slice(0, 200)).not.toMatch(/\d\.000 Euro/);
  });

  it('reads "non-financial" as setting the money aside', async () => {
    const text = await ask('What non-financial support comes with a Mitmachbörse grant?', 'en-US');
    expect(text).toMatch(/Börsen-Software[\s\S]*Netzwerktreffen/);
    expect(text).not.toMatch(/9\.000 Euro/);
  });

  it('gives the general amount before a special case’s ("Für eine solche Überarbeitung …")', async () => {
    await expectAnswered(getBot(), getChannel(), 'Wie viel Geld gibt es bei Schattenspender?', /12\.000 Euro/, /Schattenspender/);
  });
});

describe('what the call does not say', () => {
  it.each([
    ['Dürfen wir den Zuschuss von Kühle Orte mit Geld aus einem Landesprogramm kombinieren?'],
    ['Wie lange müssen wir die Ehrenamtsbörse nach dem Ende der Mitmachbörse-Förderung weiterbetreiben?'],
  ])('abstains on "%s"', (question) => expectAbstained(getBot(), getChannel(), question));
});

describe('more ways of asking on these calls', () => {
  it('finds the technical help in a paragraph that also names the programme contact, also when typed in lower case', async () => {
    const text = await ask('antragsportal hängt – wen ruf ich bei kühle orte an');
    expect(text).toMatch(/portal@schattenwerk\.example/);
    expect(text.slice(0, 120)).not.toMatch(/Thelen|9372-41/);
  });

  it('answers an English question for the "information hour" with its date, not the deadline', async () => {
    const text = await ask('When is the online information hour for Kühle Orte?', 'en-US');
    expect(text).toMatch(/16\. Dezember 2026/);
  });

  it('quotes what is published together with the refusal of anonymity', async () => {
    const text = await ask('Can a municipality get Kramerladen funding without its name being published?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/Förderdatenbank/);
  });

  it('says no to an association the call excludes by name ("Verbandsgemeinden … nicht antragsberechtigt")', async () => {
    const text = await ask('Kann unsere Verbandsgemeinde für alle ihre Ortsgemeinden einen Sammelantrag bei Kühle Orte stellen?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Verbandsgemeinden und Landkreise sind nicht antragsberechtigt/);
  });

  it('accepts an Ortsgemeinde where the call names Ortsgemeinden', async () => {
    const text = await ask('Wir sind eine Ortsgemeinde in Rheinland-Pfalz mit 3.100 Einwohnern. Können wir uns bei Kühle Orte bewerben?');
    expect(text).toMatch(/^Ja\b/);
  });

  it('takes the mayor’s signature rule, not the one for Landkreise, when a Gemeinde asks about its mayor', async () => {
    const text = await ask('Brauchen wir für den Antrag bei der Mitmachbörse eine Unterschrift unserer Bürgermeisterin?');
    expect(text).toMatch(/^Ja\b/);
    expect(text).toMatch(/Absichtserklärung/);
  });

  it('answers "can it join" about a municipality in another state with no', async () => {
    const text = await ask('A municipality of 7,000 people in Baden-Württemberg – can it join the Mitmachbörse fund?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/Bayern/);
  });
});

