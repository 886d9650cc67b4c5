import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the fifteenth evaluation round: a ministry's press release
// (a minister quoted in the second headline), a district's official notice of a two-stage procedure
// in "Ziffer" sections, and a newsletter whose first of five items is the call.
const FILES = ['pm-2026-187-orte-des-miteinanders.txt', 'amtsblatt-uckerheide-kreisfonds-teilhabe-2027.txt', 'kommunalbrief-vielfalt-2026-10.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const PM = /Orte des Miteinanders/;
const AMT = /Kreisfonds/;
const NEWS = /Dialogwerkstatt Zusammenhalt/;

describe('three unseen calls of the fifteenth round', () => {
  it('names the press release and the newsletter by their call', () => {
    const programs = getBot().app.kb.programs;
    expect(programs.find((p) => p.id === 'pm-2026-187-orte-des-miteinanders')!.shortName).toBe('Orte des Miteinanders');
    expect(programs.find((p) => p.id === 'kommunalbrief-vielfalt-2026-10')!.shortName).toBe('Dialogwerkstatt Zusammenhalt 2027');
  });

  it.each([
    ['Bis wann kann man bei Orte des Miteinanders Anträge stellen?', /^Die Bewerbungsfrist für Orte des Miteinanders läuft bis zum 26\.03\.2027 .*12:00 Uhr/, PM],
    // The ministry's press office is for journalists: the card labelled "Fachliche Fragen" answers.
    ['Wen kann ich beim Land fachlich zu Orte des Miteinanders anrufen?', /^Kontakt für Orte des Miteinanders: Meral Aydın, Telefon 0261 4930-217/, PM],
    // Two stages: the outline needs no signature, the full application does.
    ['Muss unsere Projektskizze für den Kreisfonds vom Amtsdirektor unterschrieben sein?', /^Nein – .*„Eine Unterschrift ist in Stufe 1 nicht erforderlich/, AMT],
    // The first stage's deadline, with the second one for those invited; never the date the district only announces something.
    ['Bis wann müssen wir uns beim Kreisfonds "Teilhabe und Zusammenhalt" melden?', /^Die Bewerbungsfrist für Teilhabe und Zusammenhalt läuft bis zum 29\.01\.2027 .* Wer danach zum Vollantrag aufgefordert wird, reicht ihn bis zum 30\.04\.2027 ein\./, AMT],
    // "(Antragsfrist 31. März 2025) ist abgeschlossen": the previous round's date is no deadline.
    ['kreisfons uckerheide skizze frist?', /^Die Bewerbungsfrist für Teilhabe und Zusammenhalt läuft bis zum 29\.01\.2027/, AMT],
    ['Bis wann muss der Vollantrag für den Kreisfonds eingegangen sein?', /^Die Frist für den Vollantrag für Teilhabe und Zusammenhalt läuft bis zum 30\.04\.2027/, AMT],
    ['Bis wann kann man sich für die Dialogwerkstatt Zusammenhalt bewerben?', /^Die Bewerbungsfrist für Dialogwerkstatt Zusammenhalt 2027 läuft bis zum 30\.11\.2026 .*18:00 Uhr/, NEWS],
    // A day without a year is in the deadline's year; "hochladen" is sending.
    ['In der Pressemitteilung zu Orte des Miteinanders steht "bis Ende März". Reicht es, wenn wir am 31. März hochladen?', /^Nein, das wäre zu spät\. .*26\.03\.2027/, PM],
    // A rule and the exception that follows it ("jedoch", "Wer das nicht möchte") are quoted together.
    ['Wir möchten nicht, dass unsere Gemeinde im Netz als geförderter Begegnungsort auftaucht – Stichwort Anfeindungen. Geht das bei Orte des Miteinanders?', /„Eine anonyme Förderung ist nicht vorgesehen\. Auf Wunsch wird jedoch die genaue Anschrift/, PM],
    ['Kann man bei der Dialogwerkstatt mitmachen, ohne dass der eigene Ortsname in der Doku auftaucht?', /^Ja, auf Wunsch – .*grundsätzlich .* genannt\. Wer das nicht möchte/, NEWS],
    // Colloquial German and a wordy English question about a seed call.
    ['Moin! Kann man sich bei diesem KommA-Ding von IMAP eigentlich aktuell noch als Modellkommune bewerben?', /^Die Bewerbungsfrist für KommA endete am 28\.02\.2023/, /KommA/],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('says no to paying for what the call excludes, but not to what it does not exclude', async () => {
    await expectAnswered(getBot(), getChannel(), 'Can we use the Orte des Miteinanders money to renovate the building for our meeting place?', /^No – according to the .* call text this is not funded: “Baumaßnahmen/, PM, 'en-US');
    const r = await conversation(getBot().url, getChannel()).say('Dürfen wir bei Orte des Miteinanders Honorare aus der Förderung bezahlen?');
    expect(lastText(r.replies)).not.toMatch(/^Nein/);
  });

  it('understands "when did the application window close" as a deadline question', () =>
    expectAnswered(getBot(), getChannel(), 'When exactly did the application window close for the project on local alliances against racism and hate (KommA)?', /^The application deadline for KommA was 28 February 2023/, /KommA/, 'en-US'));
});
