import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashId } from '../../src/logger.js';
import { startBot, type StartedBot } from '../support/startBot.js';
import { conversation, readable, startChannel } from '../support/channel.js';
import { startSmtpServer, waitFor, type ReceivedMail } from '../handoff/support/fixtures.js';
import { parseMime, type ParsedMessage } from '../handoff/support/parseMime.js';
import { expectReplies, play, send, step, type Conversation, type Step } from '../dialogs/support/conversationTable.js';

// Issue 4 end to end: a conversation hands a case over, the delivery worker sends it to a real SMTP server.
const SALT = 'handoff-smtp-salt';
const DEFAULT_EMAIL = 'anfragen@foerderlotse.test';
const REFERENCE = /FL-2611-[23456789A-HJKMNP-TV-Z]{5}/;

let bot: StartedBot;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let channel: Awaited<ReturnType<typeof startChannel>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  bot = await startBot({ env: { SMTP_URL: smtp.url, HANDOFF_DEFAULT_EMAIL: DEFAULT_EMAIL, HANDOFF_FROM_EMAIL: 'foerderlotse@imap-institut.de', LOG_SALT: SALT } });
  channel = await startChannel();
});
afterAll(async () => {
  await channel?.close();
  await bot?.close();
  await smtp?.close();
});

const de = (userId = `u-${Math.random().toString(36).slice(2, 10)}`) => conversation(bot.url, channel, { locale: 'de-DE', userId });
const casesOf = (userId: string) => bot.app.handoff.listForUser(hashId(`user/emulator/${userId}`, SALT));

function mailsFor(reference: string): { envelope: ReceivedMail; mail: ParsedMessage }[] {
  return smtp.received.map((envelope) => ({ envelope, mail: parseMime(envelope.raw) })).filter((m) => m.mail.headers.get('x-foerderlotse-reference') === reference);
}

/** Waits for the mail of a reference, then gives the worker another pass to show no second copy follows. */
async function deliveredOnce(reference: string): Promise<{ envelope: ReceivedMail; mail: ParsedMessage }> {
  await waitFor(() => mailsFor(reference).length > 0, 10_000);
  await bot.app.worker.runOnce();
  const mails = mailsFor(reference);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

async function consentAndReference(c: Conversation): Promise<string> {
  const replies = await step(c, 'ja', [REFERENCE, /unterwegs/]);
  return readable(replies).match(REFERENCE)![0];
}

describe('a KommA question handed over by e-mail', () => {
  let c: Conversation;
  let reference = '';
  beforeAll(async () => {
    c = de();
    expectReplies(await send(c, 'Bis wann läuft KommA?'), /28\.02\.2023/);
  });

  const steps: Step[] = [
    ['the request names the KommA address', 'Ich möchte mit jemandem aus der Projektleitung sprechen', /Projektleitung KommA \(komma@imap-institut\.de\)/],
    ['the reply address is taken; without an anonymity profile the name question is not asked', 'kaemmerei@musterhausen.de', /Soll ich das jetzt an die Projektleitung senden\?/, /Darf der Name/],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });

  it('arrives exactly once at komma@imap-institut.de with programme and reference in the subject', async () => {
    reference = await consentAndReference(c);
    const { envelope, mail } = await deliveredOnce(reference);
    expect(envelope.to).toEqual(['komma@imap-institut.de']);
    expect(envelope.from).toBe('foerderlotse@imap-institut.de');
    expect(mail.headers.get('subject')).toContain('KommA');
    expect(mail.headers.get('subject')).toContain(reference);
    expect(mail.headers.get('reply-to')).toBe('kaemmerei@musterhausen.de');
  });

  it('carries the question and the transcript in the body', () => {
    const { mail } = mailsFor(reference)[0]!;
    expect(mail.text).toMatch(/FRAGE \(IN DEN WORTEN DES NUTZERS\)\n-+\nBis wann läuft KommA\?/);
    expect(mail.text).toMatch(/GESPRÄCHSVERLAUF[\s\S]*Nutzer:\s+Bis wann läuft KommA\?[\s\S]*Förderlotse:\s+Die Bewerbungsfrist für KommA endete am 28\.02\.2023[\s\S]*Nutzer:\s+Ich möchte mit jemandem aus der Projektleitung sprechen/);
    expect(mail.text).toContain('Der Ausschreibungsfrist geht bis zum 28. Februar 2023.');
  });

  it('"Status meiner Anfrage" reports it as delivered', async () => {
    // The mail arrives a moment before the worker marks the case as sent.
    for (let i = 0; i < 250 && (await casesOf(c.user.id))[0]?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await casesOf(c.user.id))[0]?.status).toBe('sent');
    await step(c, 'Status meiner Anfrage', new RegExp(`${reference} \\(KommA[^)]*\\): zugestellt am \\d{2}\\.\\d{2}\\.\\d{4}`));
  });
});

describe('a handoff about a programme without its own handoff address', () => {
  it('goes to HANDOFF_DEFAULT_EMAIL with the programme in the subject', async () => {
    const c = de();
    await step(c, 'Wie viel Geld gibt es beim WIR-Programm?', /20\.000 Euro/);
    await step(c, 'Bitte an die Projektleitung weitergeben', /Projektleitung WIR-Programm Hessen \(anfragen@foerderlotse\.test\)/);
    await step(c, 'keine', /Soll ich das jetzt an die Projektleitung senden\?/);
    const reference = await consentAndReference(c);
    const { envelope, mail } = await deliveredOnce(reference);
    expect(envelope.to).toEqual([DEFAULT_EMAIL]);
    expect(mail.headers.get('subject')).toMatch(/WIR-Programm Hessen/);
    expect(mail.headers.get('subject')).toContain(reference);
    expect(mail.text).toContain('Wie viel Geld gibt es beim WIR-Programm?');
    expect(mail.text).toContain('keine Antwortadresse angegeben');
  });
});

describe('a user who needs anonymity and gave a municipality name', () => {
  const userId = `u-anon-${Date.now()}`;
  let profileConversation: Conversation;
  beforeAll(async () => {
    profileConversation = de(userId);
    const done = await play(profileConversation, ['Förder-Check: Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern', 'Musterhausen', 'ja', 'ja', 'ja', 'KommA', 'sachgebiet@example.org']);
    expectReplies(done, /Ihr Förder-Check ist fertig/);
  });

  const answers: [string, boolean][] = [['nein', false], ['ja', true]];
  it.each(answers)('is asked whether the name may be included; "%s" → name in mail and profile table: %s', async (answer, included) => {
    const c = de(userId);
    await step(c, 'An die Projektleitung senden', [/Projektleitung KommA \(komma@imap-institut\.de\)/, /Ihr Förder-Check-Profil \(ohne den Namen Ihrer Kommune\)/]);
    await step(c, 'weiter', /Darf der Name Ihrer Kommune \(Musterhausen\) mitgeschickt werden\?/);
    await step(c, answer, /Soll ich das jetzt an die Projektleitung senden\?/);
    const reference = await consentAndReference(c);
    const { mail } = await deliveredOnce(reference);
    expect(mail.text).toMatch(/PROFIL\n-+\n[\s\S]*Bundesland:\s+Hessen/);
    expect(mail.text.includes('Musterhausen')).toBe(included);
    const entry = (await casesOf(userId)).find((e) => e.case.reference === reference);
    expect(entry?.case.profile?.Kommune).toBe(included ? 'Musterhausen' : undefined);
    expect(entry?.case.profile?.Bundesland).toBe('Hessen');
  });

  it('leaves the name out of the whole mail when the profile was made in the same conversation', async () => {
    await step(profileConversation, 'An die Projektleitung senden', /ohne den Namen Ihrer Kommune/);
    await step(profileConversation, 'weiter', /Darf der Name Ihrer Kommune/);
    await step(profileConversation, 'nein', /Soll ich das jetzt/);
    const reference = await consentAndReference(profileConversation);
    const { mail } = await deliveredOnce(reference);
    expect(mail.text).not.toContain('Musterhausen');
  });
});
