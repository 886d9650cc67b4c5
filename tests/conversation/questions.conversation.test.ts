import { describe, expect, it } from 'vitest';
import type { StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { citations, conversation, readable, type Reply } from '../support/channel.js';

let bot: StartedBot;
let channel: Channel;
useBotWithChannel({ now: new Date('2026-11-21T12:00:00Z') }, (b, c) => {
  bot = b;
  channel = c;
});

const KOMMA_TITLE = /KommA – Informationsschreiben/;
const WIR_TITLE = /WIR-Programm Hessen/;
const BAMF_TITLE = /BAMF/;
const WELTOFFEN_TITLE = /Weltoffene Kommune/;
const ILS_TITLE = /ILS-Working-Paper/;

/** The answer text of the last message reply (the lead must come first). */
const lastText = (replies: Reply[]) => [...replies].reverse().find((r) => r.type === 'message')?.text ?? '';

type Row = [question: string, locale: string, lead: RegExp, source: RegExp];
const QUESTIONS: Row[] = [
  ['Wann ist Bewerbungsschluss für KommA?', 'de-DE', /28\.02\.2023.*abgelaufen/, KOMMA_TITLE],
  ['Brauchen wir für die KommA-Bewerbung die Unterschrift der Bürgermeisterin?', 'de-DE', /^Nein\b.*keine formale Unterschrift/, KOMMA_TITLE],
  ['Ist bei KommA eine anonyme Teilnahme möglich?', 'de-DE', /anonym/, KOMMA_TITLE],
  ['Welche Unterstützung erhalten KommA-Modellkommunen?', 'de-DE', /80 Beratungstage/, KOMMA_TITLE],
  ['Wohin wende ich mich bei Fragen zu KommA?', 'de-DE', /komma@imap-institut\.de/, KOMMA_TITLE],
  ['Wer fördert KommA?', 'de-DE', /Beauftragte der Bundesregierung/, KOMMA_TITLE],
  ['Brauchen wir Eigenmittel für KommA?', 'de-DE', /^Nein\b.*keine Eigenmittel/, KOMMA_TITLE],
  ['Was passiert, wenn sich nach der Einreichung der KommA-Bewerbung Angaben ändern?', 'de-DE', /komma@imap-institut\.de/, KOMMA_TITLE],
  ['Wie bewerben wir uns für Weltoffene Kommune?', 'de-DE', /Formular „Interesse an einer Teilnahme“/, WELTOFFEN_TITLE],
  ['Welche Fördersumme gibt es bei den hessischen Integrationsstrategien?', 'de-DE', /20\.000 Euro/, WIR_TITLE],
  ['Wir sind eine hessische Gemeinde mit 4.500 Einwohnern. Kommt das WIR-Programm für uns in Frage?', 'de-DE', /Partnerkommune/, WIR_TITLE],
  ['Unsere Stadt in Hessen hat 80.000 Einwohner. Können wir beim WIR-Programm Integrationsstrategien fördern lassen?', 'de-DE', /50\.000/, WIR_TITLE],
  ['Bis wann läuft das Interessenbekundungsverfahren des BAMF?', 'de-DE', /8\. September/, BAMF_TITLE],
  ['Können sich beim BAMF-Aufruf nur Kommunen bewerben?', 'de-DE', /Träger|Organisationen/, BAMF_TITLE],
  ['An wen schicke ich das Interessenformular für Weltoffene Kommune?', 'de-DE', /Bianka Certa/, WELTOFFEN_TITLE],
  ['Was sagt das ILS-Papier zur Regelförderung?', 'de-DE', /Regelförderung/, ILS_TITLE],
  ['bewerbungsfirst komma?', 'de-DE', /28\.02\.2023/, KOMMA_TITLE],
  ['Until when could Hessian municipalities submit WIR strategy applications?', 'en-US', /30 November 2019.*(passed|closed)/, WIR_TITLE],
  ['Is a signature needed to apply for KommA?', 'en-US', /^No\b/, KOMMA_TITLE],
  ['Can we take part in KommA anonymously?', 'en-US', /^Yes\b.*anonymous/, KOMMA_TITLE],
  ['How much money does the WIR programme give?', 'en-US', /20,000/, WIR_TITLE],
  ['Who can apply for KommA?', 'en-US', /Districts/, KOMMA_TITLE],
  ['Who funds KommA?', 'en-US', /KommA is funded by/, KOMMA_TITLE],
  ['Whom should we contact with questions about KommA?', 'en-US', /komma@imap-institut\.de/, KOMMA_TITLE],
  ['Do we need own funds for KommA?', 'en-US', /^No\b.*no own funds/, KOMMA_TITLE],
  // Where to hand in, asked as "bei welcher Stelle".
  ['Bei welcher Stelle mussten die Anträge für die WIR-Vielfaltsstrategien eingereicht werden?', 'de-DE', /Regierungspräsidium in Darmstadt/, WIR_TITLE],
  // What the paper proposes: the sentence that says why, and the proposal after it.
  ['Welche Schnittstelle zwischen Fördergebenden und Kommunen schlägt das ILS-Papier vor?', 'de-DE', /Schnittstellen[\s\S]*Lotsenstellen/, ILS_TITLE],
  // Asking what the paper proposes for the application procedure is no question about applying to the paper.
  ['Welche Einrichtung schlägt das ILS-Working-Paper vor, damit Kommunen im Antragsverfahren eine feste Anlaufstelle haben?', 'de-DE', /Lotsenstellen/, ILS_TITLE],
  ['How many days of free consulting does a KommA model municipality receive?', 'en-US', /80 consulting days/, KOMMA_TITLE],
  // The call's word for it ("Standorten") stands in one passage; "Modellprojekt" in half of them.
  ['Reicht es beim BAMF-Modellprojekt, wenn unser Projekt nur an einem einzigen Standort läuft?', 'de-DE', /mehreren Standorten/, BAMF_TITLE],
  // Not being chosen: the sentence on unsuccessful applications, not what model municipalities get.
  ['Angenommen, KommA wählt uns nicht aus – gibt es dann trotzdem ein Angebot für unsere Beschäftigten?', 'de-DE', /nicht erfolgreichen Bewerbung.*Online-Fortbildungen/, KOMMA_TITLE],
  ['What does a municipality get from KommA if its application is not selected?', 'en-US', /Online-Fortbildungen/, KOMMA_TITLE],
  // A paper described by its title's words ("Studie zu Erfolgsfaktoren …"): the place named decides.
  ['Welches Beispiel aus Wuppertal wird in der ILS-Studie zu Erfolgsfaktoren kommunaler Integrationsarbeit beschrieben?', 'de-DE', /Haus der Integration/, ILS_TITLE],
];

describe('questions over HTTP through the real adapter', () => {
  it.each(QUESTIONS)('answers "%s" (%s) with the fact first and a citation entity', async (question, locale, lead, source) => {
    const c = conversation(bot.url, channel, { locale });
    const r = await c.say(question);
    expect(r.status).toBeLessThan(300);
    const text = lastText(r.replies);
    expect(text.slice(0, 300)).toMatch(lead);
    const cites = citations(r.replies);
    expect(cites.length).toBeGreaterThan(0);
    expect(cites[0].name).toMatch(source);
    expect(cites[0].abstract.length).toBeGreaterThan(10);
    expect(text).toMatch(/\[1\]/);
  });

  it.each(QUESTIONS.filter(([, locale]) => locale === 'en-US'))('replies in English to "%s"', async (question) => {
    const r = await conversation(bot.url, channel, { locale: 'en-US' }).say(question);
    const reply = r.replies.find((x) => x.type === 'message')!;
    expect(reply.locale).toBe('en-US');
    expect(reply.text).toMatch(/From the call text:|According to|Source:|\bthe\b/);
    expect(reply.text).not.toMatch(/Aus der Ausschreibung:|Quelle:/);
  });

  it('answers an English question in English even when the channel says de-DE', async () => {
    const r = await conversation(bot.url, channel, { locale: 'de-DE' }).say('When is the deadline for the KommA application?');
    expect(lastText(r.replies)).toMatch(/^The application deadline for KommA was 28 February 2023/);
  });

  it('sends the reply as markdown to the conversation it came from, addressed from the bot', async () => {
    const c = conversation(bot.url, channel);
    const r = await c.say('Wann ist Bewerbungsschluss für KommA?');
    const reply = r.replies.find((x) => x.type === 'message')!;
    expect(reply.conversation.id).toBe(c.conversationId);
    expect(reply.from.id).toBe('bot');
    expect(reply.recipient.id).toBe(c.user.id);
    expect(reply.textFormat).toBe('markdown');
    expect(reply.replyToId).toBe(`${c.conversationId}|1`);
  });

  it('returns the replies in the HTTP body with expectReplies delivery', async () => {
    const c = conversation(bot.url, null, { expectReplies: true });
    const r = await c.say('Wann ist Bewerbungsschluss für KommA?');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).activities.length).toBeGreaterThan(0);
    expect(readable(r.replies)).toMatch(/28\.02\.2023/);
    expect(citations(r.replies)[0].name).toMatch(KOMMA_TITLE);
  });
});

describe('follow-ups keep the programme', () => {
  it.each([
    [['Wer kann sich für KommA bewerben?', 'Und bis wann?'], /KommA.*28\.02\.2023/, KOMMA_TITLE],
    [['Welche Fördersumme gibt es beim WIR-Programm?', 'Und bis wann?'], /30\.11\.2019/, WIR_TITLE],
    [['Bis wann läuft KommA?', 'Und brauchen wir eine Unterschrift?'], /keine formale Unterschrift/, KOMMA_TITLE],
    [['Bis wann läuft KommA?', 'Und an wen wende ich mich?'], /komma@imap-institut\.de/, KOMMA_TITLE],
  ])('answers the last of %j about the programme named before', async (turns, lead, source) => {
    const c = conversation(bot.url, channel);
    let r = await c.say(turns[0]);
    for (const t of turns.slice(1)) r = await c.say(t);
    expect(lastText(r.replies).slice(0, 300)).toMatch(lead);
    expect(citations(r.replies)[0].name).toMatch(source);
  });

  it('reads "dazu" as pointing back at the programme, and answers both questions of the follow-up', async () => {
    const c = conversation(bot.url, channel);
    await c.say('Worum geht es bei KommA?');
    const r = await c.say('Gab es dazu auch Online-Infoveranstaltungen, und wo konnte man sich dafür anmelden?');
    expect(lastText(r.replies)).toMatch(/31\. Januar um 14-15 Uhr[\s\S]*komma@imap-institut\.de anmelden/);
    expect(citations(r.replies)[0].name).toMatch(KOMMA_TITLE);
  });

  it('answers whether participation is made public without the yes of the anonymity fact', async () => {
    const r = await conversation(bot.url, channel, { locale: 'en-US' }).say("We'd rather keep a low profile. Would our municipality's participation in KommA be made public?");
    expect(lastText(r.replies)).not.toMatch(/^(Yes|Ja)\b/);
    expect(lastText(r.replies)).toMatch(/only published by agreement/);
  });

  it('keeps the programme in English follow-ups', async () => {
    const c = conversation(bot.url, channel, { locale: 'en-US' });
    await c.say('Who can apply for KommA?');
    const r = await c.say('And until when?');
    expect(lastText(r.replies)).toMatch(/KommA was 28 February 2023/);
  });

  it('keeps conversations apart: a follow-up in another conversation does not inherit the programme', async () => {
    const a = conversation(bot.url, channel);
    await a.say('Wer kann sich für KommA bewerben?');
    const b = conversation(bot.url, channel, { userId: a.user.id });
    const r = await b.say('Und bis wann?');
    expect(lastText(r.replies)).not.toMatch(/28\.02\.2023/);
    expect(readable(r.replies)).toMatch(/welches meinen Sie/);
  });

  it('asks which programme is meant for an ambiguous question, and the suggestion answers it', async () => {
    const c = conversation(bot.url, channel);
    const r = await c.say('Muss man unterschreiben?');
    const reply = r.replies.find((x) => x.type === 'message')!;
    expect(reply.text).toMatch(/welches meinen Sie/);
    const pick = reply.suggestedActions.actions.find((a: Reply) => a.title === 'KommA');
    expect(pick).toBeDefined();
    const r2 = await c.say(pick.value);
    expect(lastText(r2.replies)).toMatch(/keine formale Unterschrift/);
  });
});

describe('abstaining over HTTP', () => {
  it.each([['Was kostet ein Parkausweis in Köln?'], ['Wie viele Seiten darf die KommA-Bewerbung höchstens haben?'], ['Wie ist das Wetter morgen?']])(
    'says it has no reliable answer to "%s" and offers the project leads, without a citation',
    async (question) => {
      const r = await conversation(bot.url, channel).say(question);
      const text = readable(r.replies);
      expect(text).toMatch(/keine gesicherte Information/);
      expect(text).toMatch(/Projektleitung/);
      expect(citations(r.replies)).toEqual([]);
    },
  );
});

describe('welcome and small talk', () => {
  it('welcomes a new member once, with the privacy note', async () => {
    const c = conversation(bot.url, channel);
    const r = await c.start();
    expect(readable(r.replies)).toMatch(/Willkommen beim Förderlotsen/);
    expect(readable(r.replies)).toMatch(/90 Tage/);
    const again = await c.start();
    expect(again.replies.filter((x) => x.type === 'message')).toEqual([]);
  });

  it('welcomes in English when the channel locale is English', async () => {
    const r = await conversation(bot.url, channel, { locale: 'en-US' }).start();
    expect(readable(r.replies)).toMatch(/Welcome to Förderlotse/);
  });

  it('greets back', async () => {
    const r = await conversation(bot.url, channel).say('Guten Morgen!');
    expect(readable(r.replies)).toMatch(/Hallo|Guten/);
  });
});
