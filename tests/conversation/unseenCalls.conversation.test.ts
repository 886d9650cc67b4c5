import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAbstained, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, in three styles (plain text, Markdown with an FAQ, an HTML page
// with navigation), next to the seeds: answered from their texts alone, over the real adapter.
const FILES = ['dorfkern-lebendig-2027.txt', 'klimafit-kommune-niedersachsen-2026.md', 'kommunale-hitzeschutzplaene-2027.html'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const DK = /Dorfkern lebendig 2027/;
const KF = /Klimafit Kommune/;
const HS = /^Kommunale Hitzeschutzpläne 2027/;

describe('three unseen calls in three formats', () => {
  it.each([
    // Deadlines: open, closed, the application date rather than the project's end.
    ['Bis wann müssen wir die Bewerbung für Dorfkern lebendig einschicken?', 'de-DE', /31\.03\.2027.*noch offen, noch 130 Tage/, DK],
    ['einsendeschlus dorfkern lebndig?', 'de-DE', /31\.03\.2027/, DK],
    ['Bis wann läuft Klimafit Kommune?', 'de-DE', /15\.10\.2026.*abgelaufen/, KF],
    ['When was the application deadline for Klimafit Kommune?', 'en-US', /15 October 2026.*passed/, KF],
    ['Bis wann kann man sich für die Kommunalen Hitzeschutzpläne bewerben?', 'de-DE', /12\.02\.2027.*noch offen/, HS],
    // Signature, money, own funds, contact.
    ['Unterschrift Dorfkern lebendig 2027?', 'de-DE', /Bürgermeister/, DK],
    ['Unterschirft nötig bei den Hitzeschutzplänen?', 'de-DE', /Hauptverwaltungsbeamten/, HS],
    ['Wie hoch ist die Förderung bei Klimafit Kommune?', 'de-DE', /20\.000 Euro.*90\.000 Euro/, KF],
    ['Eigenantiel bei Klimafit?', 'de-DE', /Förderung ohne Eigenanteil möglich\? Nein\. Der Eigenanteil von 10 %/, KF],
    ['Wen kann ich bei Fragen zu Dorfkern lebendig anrufen?', 'de-DE', /Markus Feldhaus, Telefon 0561 987654-12/, DK],
    ['Wer ist Ansprechpartnerin für Klimafit Kommune?', 'de-DE', /Dr\. Jana Petersen.*0511 4455-230/, KF],
    // Eligibility verdicts from rules read from the texts.
    ['Wir sind eine kreisangehörige Gemeinde in Bayern mit 12.000 Einwohnern – können wir bei Dorfkern lebendig mitmachen?', 'de-DE', /^Ja – Gemeinden/, DK],
    ['Wir sind ein Landkreis in Niedersachsen mit 140.000 Einwohnern. Geht Klimafit Kommune für uns?', 'de-DE', /^Nein – Landkreise/, KF],
    ['Wir sind eine Stadt in Nordrhein-Westfalen mit 30.000 Einwohnern – können wir Klimafit Kommune beantragen?', 'de-DE', /^Nein – .*Niedersachsen/, KF],
    ['Unsere Gemeinde in Niedersachsen hat 3.200 Einwohner. Können wir bei Klimafit Kommune mitmachen?', 'de-DE', /^Nur gemeinsam – .*unter 5\.000 – eine Bewerbung ist dann nur gemeinsam/, KF],
    ['Wir sind eine kreisfreie Stadt in NRW mit 250.000 Einwohnern. Können wir uns für Kommunale Hitzeschutzpläne bewerben?', 'de-DE', /^Ja – Kreisfreie Städte/, HS],
    ['Is the Kommunale Hitzeschutzpläne call open to small towns that belong to a district?', 'en-US', /^Not directly – Towns belonging to a district .*only through their district/, HS],
    // "Wann …?" for something that happens: its time, not the deadline.
    ['Wann beginnt die Begleitung bei Dorfkern lebendig?', 'de-DE', /Die Begleitung beginnt im Juli 2027/, DK],
    ['Wann entscheidet die Jury bei Dorfkern lebendig, wer dabei ist?', 'de-DE', /Mai 2027/, DK],
    ['Wann erfahren wir, ob unser Klimafit-Antrag bewilligt ist?', 'de-DE', /Januar 2027 mitgeteilt/, KF],
    ['Wann ist die Online-Infoveranstaltung zu Kommunale Hitzeschutzpläne?', 'de-DE', /10\. Dezember 2026/, HS],
    ['Wer darf bei Dorfkern lebendgi mitmachen?', 'de-DE', /kreisangehörige Gemeinden, Märkte und Ortsgemeinden mit höchstens 15\.000/, DK],
    // Anonymity: yes or no first when the sentence says it plainly, negations read as such.
    ['Kann man bei Klimafit anonym teilnehmen?', 'de-DE', /^Nein – .*keine anonyme Teilnahme vorgesehen/, KF],
    ['Wird veröffentlicht, welche Kommunen bei Klimafit gefördert werden?', 'de-DE', /^Ja – .*öffentlich gemacht/, KF],
    ['Können wir bei den Hitzeschutzplänen anonym bleiben?', 'de-DE', /^Ja – .*möglich: „Die Namen der teilnehmenden Kommunen werden nicht veröffentlicht/, HS],
    // "Hitzeschutz" is the front of the name "Hitzeschutzpläne", which no other text uses.
    ['Werden die Namen beim Hitzeschutz veröffentlicht?', 'de-DE', /^Nein – .*nicht öffentlich gemacht/, HS],
    ['Can we take part anonymously in Klimafit Kommune?', 'en-US', /^No – .*anonymous participation is not foreseen/, KF],
    // What one gets, in amounts; the applicant named in the question is not the topic.
    ['Welche Leistungen bietet Klimafit?', 'de-DE', /20\.000 Euro und höchstens 90\.000 Euro/, KF],
  ])('answers "%s" (%s) from the call, citing it', async (question, locale, lead, title) => {
    const r = await conversation(getBot().url, getChannel(), { locale }).say(question);
    expect(lastText(r.replies).slice(0, 300)).toMatch(lead);
    const cites = citations(r.replies);
    expect(cites.length).toBeGreaterThan(0);
    expect(cites[0].name).toMatch(title);
  });

  it.each([
    ['Wie viele Seiten darf die Beschreibung des Ortskerns bei Dorfkern lebendig haben?'],
    ['Müssen wir bei Klimafit Kommune einen Verwendungsnachweis einreichen?'],
    ['Braucht es für Kommunale Hitzeschutzpläne einen Kreistagsbeschluss?'],
    // Never the application deadline for another date the text does not give.
    ['Wann muss der Verfügungsfonds bei Dorfkern lebendig ausgegeben sein?'],
  ])('abstains on "%s", which the call does not say', (question) => expectAbstained(getBot(), getChannel(), question));

  it('keeps an unseen call for a follow-up', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Wie hoch ist die Förderung bei Klimafit Kommune?');
    const r = await c.say('Und bis wann?');
    expect(lastText(r.replies)).toMatch(/Klimafit Kommune.*15\.10\.2026/);
  });

  it('still answers the seed calls next to them', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bis wann KommA?');
    expect(lastText(r.replies)).toMatch(/28\.02\.2023/);
  });
});
