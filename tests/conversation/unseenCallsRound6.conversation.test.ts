import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAbstained, expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated: a federal Förderaufruf in numbered sections with two stages
// (Projektskizze, then "förmlicher Förderantrag"), a foundation's web page saved as Markdown with
// its site menu, breadcrumb, cookie line, a summary table and "###" FAQ entries, and a Land
// programme extracted from a PDF (lines broken across blank lines, page headers, two contact cards,
// Ortsgemeinden excluded but Verbandsgemeinden eligible).
const FILES = ['bmas-foerderaufruf-sprachbruecken-2027.txt', 'landfunken-ideenfonds-2027.md', 'rlp-brueckenschlag-teilhabenetzwerke-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const SB = /Sprachbrücken/;
const LF = /^Landfunken 2027/;
const BS = /Brückenschlag/;

describe('three unseen calls of the sixth round', () => {
  it('names the Markdown page by its heading, not by a menu entry or the breadcrumb, and drops the site around it', () => {
    const kb = getBot().app.kb;
    const lf = kb.programs.find((p) => p.id === 'landfunken-ideenfonds-2027')!;
    expect(lf.name).toMatch(/^Landfunken 2027 – Ideenfonds/);
    expect(kb.docs.get(lf.docIds[0])!.text).not.toMatch(/Sie sind hier|Cookies|Zum Inhalt springen/);
    // Each call's handoffs go to its own contact, not to another programme's project leads.
    expect(lf.handoffEmail).toBe('landfunken@albers-stiftung.example.org');
    expect(kb.programs.find((p) => p.id === 'rlp-brueckenschlag-teilhabenetzwerke-2027')!.contacts.map((c) => c.email)).toEqual([
      'selin.arslan-weber@mffki.example.de',
      'thomas.berwanger@add.example.de',
    ]);
  });

  it.each([
    // Deadlines: the summary table's row, not the date of the notification; the first stage unless the second is asked.
    ['Bis wann kann man sich bei Landfunken bewerben?', /^Die Bewerbungsfrist für Landfunken 2027 läuft bis zum 28\.02\.2027/, LF],
    ['Bis wann müssen Projektskizzen bei KoSprach eingereicht sein?', /31\.03\.2027/, SB],
    ['Können wir uns noch beim Landesprogramm Brückenschlag bewerben?', /30\.09\.2026.*abgelaufen/, BS],
    // Signatures: the FAQ's answer and the second stage's own sentence.
    ['Muss unsere Bürgermeisterin die Landfunken-Bewerbung unterschreiben?', /^Nein – .*ohne Unterschrift/, LF],
    ['Braucht der Vollantrag bei KoSprach eine rechtsverbindliche Unterschrift?', /^Ja – .*rechtsverbindlich unterschrieben/, SB],
    // Amounts, not exclusions that name a sum.
    ['Wie viel Geld gibt es bei Landfunken?', /bis zu 12\.000 Euro je Gemeinde/, LF],
    ['Was wird bei KoSprach gefördert?', /^Laut Ausschreibung Sprachbrücken: „Gefördert werden Vorhaben/, SB],
    // Own contributions asked about in detail get the sentence, not a bare yes.
    ['Dürfen wir Stiftungsgelder auf unseren Eigenanteil bei Sprachbrücken anrechnen?', /^Nein – laut Ausschreibung .*Mittel Dritter können auf den Eigenanteil nicht angerechnet werden/, SB],
    ['Können wir den Eigenanteil bei Brückenschlag durch eigenes Personal erbringen?', /Personalleistungen der Kommune erbracht/, BS],
    // Changes, times, places and people in other words than the text's.
    ['Können wir unsere Sprachbrücken-Skizze nach Ablauf der Frist noch ergänzen?', /nicht mehr geändert oder ergänzt/, SB],
    ['Was müssen wir tun, wenn sich nach dem Antrag bei Brückenschlag der Finanzierungsplan ändert?', /unverzüglich schriftlich mitzuteilen/, BS],
    ['Wann ist die Online-Vorstellung des Ideenfonds Landfunken?', /13\. Januar 2027/, LF],
    ['Wann erfahren wir, ob unsere KoSprach-Skizze positiv bewertet wurde?', /Juni 2027/, SB],
    ['Wo reichen wir den Brückenschlag-Antrag ein?', /Aufsichts- und Dienstleistungsdirektion \(ADD\).*54290 Trier/, BS],
    ['Wer beantwortet Fragen zum Antragsverfahren bei Brückenschlag?', /Thomas Berwanger, Telefon 0651 9494-3471/, BS],
    ['Wie läuft das Antragsverfahren bei Sprachbrücken ab?', /zweistufig/, SB],
    // Applying together, and who may apply at all.
    ['Können sich zwei Nachbargemeinden gemeinsam für Landfunken bewerben?', /^Nein – .*gemeinsame Bewerbung nicht vorgesehen/, LF],
    ['Können mehrere Kommunen gemeinsam einen Antrag bei Brückenschlag stellen?', /^Ja – .*ausdrücklich erwünscht/, BS],
    ['Wir sind eine Kleinstadt in Niedersachsen mit 9.000 Einwohnern. Können wir uns bei Landfunken bewerben?', /^Ja – Als kreisangehörige Stadt ist Ihre Kommune eine Gemeinde/, LF],
    ['Wir sind eine Verbandsgemeinde in Rheinland-Pfalz mit 14.000 Einwohnern. Können wir Brückenschlag beantragen?', /^Ja – Gemeinden/, BS],
    ['Wir sind eine Ortsgemeinde in Rheinland-Pfalz. Können wir Brückenschlag beantragen?', /^Nicht direkt – .*nur über ihren Verband/, BS],
    ['Wir sind eine Gemeinde in Rheinland-Pfalz. Können wir Brückenschlag beantragen?', /^Unklar – Es kommt darauf an, ob Ihre Gemeinde einer Verbandsgemeinde/, BS],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it.each([
    ['How much funding can a village get from Landfunken?', /12\.000 Euro/, LF],
    ['Does the Brückenschlag application need a legally binding signature?', /^Yes – .*rechtsverbindlich unterschrieben/, BS],
  ])('answers the English question "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title, 'en-US'));

  it('keeps to the first stage when a follow-up asks "bis wann?" after another question', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Was wird bei KoSprach gefördert?');
    const r = await c.say('bis wann?');
    expect(lastText(r.replies).slice(0, 300)).toMatch(/31\.03\.2027/);
  });

  it.each([
    // The call's own publication in the Bundesanzeiger is no statement about the participants.
    ['Können wir bei Sprachbrücken anonym teilnehmen?'],
    ['Wie viele Kommunen werden bei Brückenschlag gefördert?'],
  ])('abstains on "%s" rather than answer from a loosely related sentence', (question) => expectAbstained(getBot(), getChannel(), question));

  it('hands a question about an uncurated call to that call’s own contact', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bitte geben Sie meine Frage zu Landfunken an die Projektleitung weiter.');
    const text = r.replies.map((a) => a.text ?? '').join('\n');
    expect(text).toMatch(/landfunken@albers-stiftung\.example\.org/);
    expect(text).not.toMatch(/komma@imap-institut\.de/);
  });
});
