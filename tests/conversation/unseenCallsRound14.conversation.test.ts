import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the fourteenth evaluation round: a Word export with numbered
// sections, lettered lists and an "F:/A:" sheet; a programme page whose key facts are an HTML
// definition list beside a timeline; a Markdown call with front matter in German and English.
const FILES = ['foerderaufruf-lotsenpunkte-2027.txt', 'zusammen-wachsen-2027.html', 'welcome-exchange-2027.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const LP = /Ankommen vor Ort/;
const ZW = /Zusammen wachsen/;
const WE = /Welcome Exchange/;

describe('three unseen calls of the fourteenth round', () => {
  it('reads "Nicht antragsberechtigt sind" with its lettered items as exclusions', () => {
    const lp = getBot().app.kb.programs.find((p) => p.id === 'foerderaufruf-lotsenpunkte-2027')!;
    expect(lp.rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', excluded: ['organisation'] }));
    const zw = getBot().app.kb.programs.find((p) => p.id === 'zusammen-wachsen-2027')!;
    // "<dt>Nicht bewerbungsberechtigt</dt><dd>Landkreise, kreisfreie Städte, …</dd>".
    expect(zw.rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', excluded: ['kreisfreie_stadt', 'landkreis', 'organisation'] }));
    // "… können nicht teilnehmen; gemeinsame Bewerbungen … sind nicht vorgesehen": no joint route.
    expect(zw.rules.some((r) => r.type === 'jointBelow')).toBe(false);
  });

  it.each([
    ['Kann unser örtlicher Migrationsberatungsverein selbst einen Antrag für einen Lotsenpunkt stellen?', /^Nein – Vereine/, LP],
    // Only the state is unknown ("im Burgenlandkreis"): yes on that condition, not a question back.
    ['Wir sind eine Verbandsgemeinde im Burgenlandkreis mit 11.800 Einwohnern. Sind wir beim Lotsenpunkte-Aufruf antragsberechtigt?', /^Ja, sofern Ihre Kommune in Sachsen-Anhalt liegt – /, LP],
    ['Wegen rechter Anfeindungen möchte unsere Stadt nicht öffentlich als Förderempfängerin auftauchen. Geht das beim Lotsenpunkte-Programm?', /^Nein – .*keine anonyme Teilnahme/, LP],
    // The call's own FAQ asks the same: its "Nein." leads.
    ['Reicht es, wenn wir den unterschriebenen Lotsenpunkte-Antrag eingescannt per E-Mail schicken?', /^Nein – laut Ausschreibung .*„Reicht es, wenn wir den unterschriebenen Antrag eingescannt per E-Mail schicken\? Nein\./, LP],
    // The definition list's "Bewerbungsschluss" row, not the later date for the signed declaration of those chosen.
    ['Bis wann kann man sich für Zusammen wachsen bewerben?', /^Die Bewerbungsfrist für Zusammen wachsen 2027 läuft bis zum 25\.02\.2027 .*14:00 Uhr/, ZW],
    ['Wir sind ein Landkreis in Sachsen. Können wir uns bei Zusammen wachsen bewerben?', /^Nein – Landkreise/, ZW],
    ['Muss die Bewerbung für Zusammen wachsen unterschrieben werden?', /^Nein – .*„Unterschrift: Für die Bewerbung nicht erforderlich/, ZW],
    ['Bis wann konnte man sich für Welcome Exchange bewerben?', /^Die Bewerbungsfrist für Welcome Exchange 2027 endete am 20\.11\.2026/, WE],
    // A month in the question is a date, not a topic; a year ends a sentence; "Passt das?" confirms the date named before.
    ['Reicht es beim Lotsenpunkte-Antrag, wenn der Poststempel vom 31. März 2027 ist?', /„Maßgeblich ist der Eingang beim Landesverwaltungsamt; das Datum des Poststempels ist nicht entscheidend\./, LP],
    ['In einem alten Rundschreiben steht als Frist für die Lotsenpunkte der 30. September 2025. Ist die Antragstellung damit vorbei?', /^Nein, das ist nicht die Frist\. .*31\.03\.2027/, LP],
    ['Ich habe mir für Zusammen wachsen den 14. Mai 2027 als Bewerbungsfrist notiert. Passt das?', /^Nein, das ist nicht die Frist\. .*25\.02\.2027/, ZW],
    // A report is sent in, but it has its own date, never the application deadline.
    ['Bis wann muss bei Zusammen wachsen der Abschlussbericht vorliegen?', /Abschlussbericht bis 31\. Januar 2029/, ZW],
    ['Muss bei uns im Team jemand gut Englisch sprechen, um beim Welcome Exchange mitzumachen?', /„Mindestens eine Person im Team verständigt sich sicher auf Englisch/, WE],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it.each([
    // A name asked for, and the texts name no one.
    ['Wer sitzt namentlich in der Jury von Zusammen wachsen?'],
    ['Wie heißt die Coachin, die bei Zusammen wachsen für die Thüringer Gemeinden zuständig ist?'],
    // A next round the texts never announce.
    ['Gibt es 2028 eine neue Runde des Welcome Exchange, und wann wäre dann die Frist?'],
  ])('says it has no reliable answer to "%s"', (question) => expectAbstained(getBot(), getChannel(), question));

  it('does not give the application deadline for the final report', async () => {
    const r = await conversation(getBot().url, getChannel(), { locale: 'en-US' }).say('When is the deadline for the final report of Welcome Exchange?');
    expect(lastText(r.replies)).not.toMatch(/20 November 2026/);
  });

  it('gives the deadline to an English question that names partner towns abroad', () =>
    expectAnswered(getBot(), getChannel(), 'Can our district still apply for the Welcome Exchange with partner towns in Ireland and the Netherlands?', /^The application deadline for Welcome Exchange 2027 was 20 November 2026 – it has passed/, WE, 'en-US'));

  it('answers in English from the definition list', () =>
    expectAnswered(getBot(), getChannel(), 'When is the deadline for Zusammen wachsen?', /^The application deadline for Zusammen wachsen 2027 is 25 February 2027/, ZW, 'en-US'));

  it('quotes what is not paid for together with what it is excluded from', () =>
    expectAnswered(getBot(), getChannel(), 'Dürfen wir aus dem Festbetrag von Zusammen wachsen eine halbe Stelle in der Verwaltung bezahlen?', /Aus dem Festbetrag können .* bezahlt werden\. Nicht finanziert werden Personalstellen der Verwaltung/, ZW));

  it('answers what the municipality pays itself from the list item that says so', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Was muss die Kommune beim Welcome Exchange selbst bezahlen?');
    expect(lastText(r.replies)).toMatch(/Die Kommune trägt 25 Prozent der Transferkosten selbst/);
    expect(lastText(r.replies)).not.toMatch(/Unterschrift/);
  });

  it('leads an English yes/no question with the no of the German FAQ entry that answers it', () =>
    expectAnswered(getBot(), getChannel(), 'Can we e-mail a scanned, signed copy of our Lotsenpunkte application to meet the deadline?', /^No – according to the Ankommen vor Ort call text: “Reicht es, wenn wir den unterschriebenen Antrag eingescannt per E-Mail schicken\? Nein\./, LP, 'en-US'));
});
