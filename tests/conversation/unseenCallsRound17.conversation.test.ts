import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the seventeenth evaluation round: a mailing-list digest
// that forwards a call in "> " quotes, answers questions inline and corrects the deadline later;
// a PDF-exported Förderrichtlinie; a service portal page with tabs.
const FILES = ['integrationsnetz-nord-digest-48-zusammenhalt-in-bewegung.txt', 'frl-mitreden-vor-ort-sachsen-2027.txt', 'serviceportal-saarland-anlaufstellen-gegen-diskriminierung-2027.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ZIB = /Zusammenhalt in Bewegung/;

describe('three unseen calls of the seventeenth round', () => {
  it.each([
    // The corrected deadline ("Neue Frist: Freitag, 15. Januar 2027"), not the one first forwarded (8 January).
    ['Bis wann kann man sich für Zusammenhalt in Bewegung bewerben?', /^Die Bewerbungsfrist für Zusammenhalt in Bewegung 2027 läuft bis zum 15\.01\.2027 .*12:00 Uhr/, ZIB],
    // Members apply only through their Samtgemeinde.
    ['Wir sind eine Mitgliedsgemeinde einer Samtgemeinde im Landkreis Leer mit 2.100 Einwohnern. Dürfen wir uns bei Zusammenhalt in Bewegung selbst bewerben?', /^Nicht direkt – Mitgliedsgemeinden .* können sich laut Ausschreibung nicht selbst bewerben, sondern nur über ihren Verband/, ZIB],
    // What the call is about, not the forwarder's greeting.
    ['Worum geht es bei "Zusammenhalt in Bewegung 2027"?', /sucht 15 Kommunen in Niedersachsen/, ZIB],
    // An answer given inline below the quoted question.
    ['Zählen Hallenzeiten, die wir dem Verein kostenlos überlassen, bei Zusammenhalt in Bewegung zum Eigenanteil?', /Ja\. Sachleistungen wie kostenlose Hallenzeiten/, ZIB],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('keeps the conversation\'s call when a follow-up names a word another call uses as its name', async () => {
    const conv = conversation(getBot().url, getChannel());
    await conv.say('Worum geht es bei "Zusammenhalt in Bewegung 2027"?');
    const r = await conv.say('und an welche adresse schicken wir die interessenbekundung?');
    expect(lastText(r.replies)).toMatch(/per E-Mail an bewegung@hanse-stiftung\.example/);
    expect(citations(r.replies)[0]?.name ?? '').toMatch(ZIB);
  });

  it('never quotes the quote markers of the mail', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wer kann sich bei Zusammenhalt in Bewegung bewerben?');
    expect(lastText(r.replies)).not.toMatch(/›|(^|\s)>\s/);
  });

  it('shows a table of deadlines per kind of applicant as it is, rather than picking one date or the last round\'s', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bis wann muss eine kreisangehörige Stadt die Projektskizze für Mitreden vor Ort einreichen?');
    const text = lastText(r.replies);
    expect(text).toMatch(/Tabelle 2: Fristen .*Gruppe B \(kreisangehörige Städte und Gemeinden, gemeinsame Anträge\) 26\. Februar 2027/);
    expect(text).not.toMatch(/Bewerbungsfrist für .* (läuft|endete)|2024|23\.02\.2027|16\.04\.2027/);
  });

  it('quotes an alternative way with the way it is the alternative to, without a yes or no', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Muss der Antrag für die Anlaufstelle gegen Diskriminierung vom Landrat unterschrieben werden?');
    const text = lastText(r.replies);
    expect(text).toMatch(/„Beim Online-Antrag ist keine Unterschrift erforderlich; .* Alternativ können Sie den Papierantrag/);
    expect(text).not.toMatch(/^(Ja|Nein)\b/);
  });

  it('answers colloquial money and own-share questions in one message', async () => {
    const r = await conversation(getBot().url, getChannel()).say('wieviel kohle gibts bei den anlaufstellen gegen diskriminierung pro jahr und insgesammt, und was müssen wir selber zahlen?');
    expect(lastText(r.replies)).toMatch(/höchstens 45\.000 Euro je Jahr und damit höchstens 90\.000 Euro[\s\S]*Der Eigenanteil beträgt 30 Prozent/);
  });

  it('answers a question about the outline with the outline\'s rule, not the formal application\'s that follows "Stufe 2"', () =>
    expectAnswered(getBot(), getChannel(), 'Muss unsere Oberbürgermeisterin die Projektskizze für Mitreden vor Ort unterschreiben?', /^Nein – .*„3\. Die Projektskizze muss nicht unterschrieben werden\./, /Mitreden vor Ort/));

  it('reads a twelve-hour clock in English: on the last day, the hour decides', () =>
    expectAnswered(getBot(), getChannel(), "Can we still send our expression of interest for 'Zusammenhalt in Bewegung' on 15 January 2027 at 3 pm?", /^No, that would be too late\. .*15 January 2027 .*12:00/, ZIB, 'en-US'));

  it('answers a planned day with the application deadline, not the later date for missing documents', () =>
    expectAnswered(getBot(), getChannel(), 'Is it fine if we submit the application for the Saarland anti-discrimination contact points (Anlaufstellen gegen Diskriminierung) on Sunday evening, 28 February 2027, at about 9 pm?', /^Yes, that would be in time\. .*1 March 2027/, /Anlaufstellen gegen Diskriminierung/, 'en-US'));
});

