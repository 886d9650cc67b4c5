import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashId } from '../../src/logger.js';
import { startBot, type StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { conversation, readable, type Reply } from '../support/channel.js';
import { freePort, waitFor } from '../handoff/support/fixtures.js';
import { parseMime } from '../handoff/support/parseMime.js';
import { events, expectReplies, play, send, step, type Conversation, type Step } from '../dialogs/support/conversationTable.js';

// Issue 4: handing a case to a programme's project leads, with SMTP_URL empty so cases land as .eml files in <dir>/outbox.
const SALT = 'handoff-flow-salt';
const REFERENCE = /FL-2611-[23456789A-HJKMNP-TV-Z]{5}/;

let bot: StartedBot;
let channel: Channel;
useBotWithChannel({ env: { LOG_SALT: SALT, SMTP_URL: '' } }, (b, c) => {
  bot = b;
  channel = c;
});

const de = (userId = `u-${Math.random().toString(36).slice(2, 10)}`) => conversation(bot.url, channel, { locale: 'de-DE', userId });
const en = () => conversation(bot.url, channel, { locale: 'en-US' });
const casesOf = (c: Conversation) => bot.app.handoff.listForUser(hashId(`user/emulator/${c.user.id}`, SALT));
const outboxDir = () => join(bot.dir, 'outbox');
const emlFiles = () => (existsSync(outboxDir()) ? readdirSync(outboxDir()).filter((f) => f.endsWith('.eml')) : []);
/** Polls an async condition (the delivery worker runs beside the turns). */
async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
// Decoded first: quoted-printable may wrap a word across lines.
const emlContaining = (text: string) => emlFiles().filter((f) => parseMime(readFileSync(join(outboxDir(), f))).text.includes(text));

describe('asking for a person and then declining consent', () => {
  const question = 'Dürfen zwei Gemeinden mit je 4.000 Einwohnern gemeinsam teilnehmen? (Ablehnungstest)';
  let c: Conversation;
  beforeAll(() => {
    c = de();
  });

  const steps: Step[] = [
    ['a request for a person confirms what would be sent and asks for the question', 'Ich möchte mit jemandem aus der Projektleitung sprechen', [/Gern gebe ich Ihr Anliegen an die Projektleitung \(komma@imap-institut\.de\) weiter\./, /Gesendet würden: Ihre Frage in Ihren Worten, .*die letzten? (\d+ )?Nachrichte?n? unseres Gesprächs\./, /Was möchten Sie der Projektleitung mitteilen oder fragen\?/]],
    ['the question is taken and the reply address is asked', question, /An welche E-Mail-Adresse soll die Projektleitung antworten\?/],
    ['an invalid address is re-prompted', 'kaemmerei at musterhausen', /Das sieht nicht wie eine E-Mail-Adresse aus\. Bitte geben Sie eine Adresse wie name@kommune\.de an/, /Soll ich das jetzt/],
    ['a half address is re-prompted too', 'kaemmerei@', /Das sieht nicht wie eine E-Mail-Adresse aus/, /Soll ich das jetzt/],
    ['a valid address is accepted and consent is asked', 'kaemmerei@musterhausen.de', [/Soll ich das jetzt an die Projektleitung senden\?/, /Ja/, /Nein/]],
    ['"hilfe" explains that nothing leaves without a yes', 'hilfe', [/Erst mit „ja“ verlässt etwas den Förderlotsen/, /Soll ich das jetzt an die Projektleitung senden\?/]],
    ['"nein" sends nothing', 'nein', /In Ordnung – es wurde nichts gesendet\./, [REFERENCE]],
    ['"Status meiner Anfrage" then knows no request', 'Status meiner Anfrage', /Sie haben noch keine Anfrage an eine Projektleitung gestellt\./],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });

  it('leaves the outbox store and the .eml folder without the case', async () => {
    expect(await casesOf(c)).toEqual([]);
    await bot.app.worker.runOnce();
    expect(emlContaining('Ablehnungstest')).toEqual([]);
  });
});

describe('asking about KommA, then handing over with consent', () => {
  let c: Conversation;
  let sent: Reply[] = [];
  beforeAll(async () => {
    c = de();
    expectReplies(await send(c, 'Bis wann läuft KommA?'), /28\.02\.2023/);
  });

  const steps: Step[] = [
    ['the request names KommA and its address and skips the question already asked', 'Ich möchte mit jemandem aus der Projektleitung sprechen', [/Projektleitung KommA \(komma@imap-institut\.de\)/, /das Programm \(KommA\)/, /An welche E-Mail-Adresse/], /Was möchten Sie der Projektleitung mitteilen/],
    ['a valid reply address leads to the consent question', 'kaemmerei@musterhausen.de', /Soll ich das jetzt an die Projektleitung senden\?/],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });

  it('"ja" queues the case and replies with a reference like FL-YYMM-XXXXX and the reply address', async () => {
    sent = await step(c, 'ja', [REFERENCE, /an die Projektleitung \(komma@imap-institut\.de\) unterwegs/, /per E-Mail an kaemmerei@musterhausen\.de/]);
  });

  it('emits a handoff.initiate event with the reference, programme and recipient and the transcript', () => {
    const [event] = events(sent, 'handoff.initiate');
    expect(event).toBeDefined();
    const reference = readable(sent).match(REFERENCE)![0];
    expect(event.value).toEqual({ reference, programId: 'komma', recipient: 'komma@imap-institut.de' });
    const transcript = event.attachments?.[0];
    expect(transcript?.contentType).toBe('application/json');
    expect(JSON.stringify(transcript?.content)).toContain('Bis wann läuft KommA?');
  });

  it('writes the case once as <reference>.eml to komma@imap-institut.de with the question', async () => {
    const reference = readable(sent).match(REFERENCE)![0];
    await waitFor(() => emlFiles().includes(`${reference}.eml`));
    const eml = parseMime(readFileSync(join(outboxDir(), `${reference}.eml`)));
    expect(eml.headers.get('to')).toBe('komma@imap-institut.de');
    expect(eml.headers.get('x-foerderlotse-reference')).toBe(reference);
    expect(eml.text).toContain('Bis wann läuft KommA?');
    expect(emlContaining(reference)).toEqual([`${reference}.eml`]);
    expect(emlFiles().filter((f) => f.includes(reference))).toHaveLength(1);
  });

  it('"Status meiner Anfrage" shows the reference, the programme and that it was delivered', async () => {
    const reference = readable(sent).match(REFERENCE)![0];
    await until(async () => (await casesOf(c))[0]?.status === 'sent');
    const [entry] = await casesOf(c);
    expect(entry).toMatchObject({ status: 'sent', case: { reference, programId: 'komma', recipient: 'komma@imap-institut.de', question: 'Bis wann läuft KommA?', replyTo: 'kaemmerei@musterhausen.de' } });
    await step(c, 'Status meiner Anfrage', [/Ihre Anfragen:/, new RegExp(`${reference} \\(KommA – Kommunale Allianzen[^)]*\\): zugestellt am \\d{2}\\.\\d{2}\\.\\d{4}`)]);
  });
});

describe('asking for a person in English', () => {
  let c: Conversation;
  beforeAll(() => {
    c = en();
  });
  const steps: Step[] = [
    ['"forward this to a human" confirms in English what would be sent', 'forward this to a human', [/Sure, I will pass your request on to the project leads \(komma@imap-institut\.de\)\./, /What would be sent: your question in your own words/, /What would you like to tell or ask the project leads\?/]],
    ['the question is taken and the reply address is asked', 'Can two districts apply together?', /Which e-mail address should the project leads reply to\?/],
    ['an invalid address is re-prompted in English', 'my office', /That does not look like an e-mail address\. Please give one like name@town\.de or type "none"\./],
    ['"none" skips the address and consent is asked', 'none', /Shall I send this to the project leads now\?/],
    ['"nope" declines and nothing is sent', 'nope', /All right – nothing was sent\./, [REFERENCE]],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected, unexpected) => {
    await step(c, says, expected, unexpected);
  });
  it('queued nothing', async () => {
    expect(await casesOf(c)).toEqual([]);
  });

  it('"yes" sends with a reference and says no reply address was given', async () => {
    const c2 = en();
    await play(c2, ['Please pass this on to the project leads', 'Is KommA open to districts?', 'none']);
    await step(c2, 'yes', [REFERENCE, /with reference \*\*FL-/, /not directly, as no reply address was given/]);
    expect(await casesOf(c2)).toHaveLength(1);
    expect((await casesOf(c2))[0]!.case).toMatchObject({ locale: 'en', question: 'Is KommA open to districts?', replyTo: null });
  });
});

describe('after two abstentions in a row', () => {
  let c: Conversation;
  let offer = '';
  beforeAll(() => {
    c = de();
  });

  it('does not offer the handoff after the first abstention', async () => {
    await step(c, 'Was kostet ein Parkausweis in Köln?', /keine gesicherte Information/, /zweite Frage/);
  });

  it('offers the handoff after the second one, with a suggested action', async () => {
    const replies = await step(c, 'Wie ist das Wetter?', [/Das war nun schon die zweite Frage, die ich nicht aus den Texten beantworten konnte/, /An Projektleitung weitergeben/]);
    const action = replies.flatMap((a) => a.suggestedActions?.actions ?? []).find((a: Reply) => a.title === 'An Projektleitung weitergeben');
    offer = action?.value;
    expect(offer).toMatch(/weitergeben/);
  });

  it('accepting the offer starts the handoff with the unanswered question already taken', async () => {
    await step(c, offer, [/Gern gebe ich Ihr Anliegen an die Projektleitung/, /An welche E-Mail-Adresse/], /Was möchten Sie der Projektleitung mitteilen/);
    await step(c, 'abbrechen', /Die Weitergabe ist abgebrochen; es wurde nichts gesendet\./);
    expect(await casesOf(c)).toEqual([]);
  });

  it('does not offer it when an answered question lies between the abstentions', async () => {
    const c2 = de();
    await step(c2, 'Was kostet ein Parkausweis in Köln?', /keine gesicherte Information/);
    await step(c2, 'Bis wann läuft KommA?', /28\.02\.2023/);
    await step(c2, 'Wie ist das Wetter?', /keine gesicherte Information/, /zweite Frage/);
  });
});

describe('an FAQ question in the middle of the handoff', () => {
  it('is answered and the consent question is asked again, without mentioning the Förder-Check', async () => {
    const c = de();
    await play(c, ['Ich möchte mit jemandem aus der Projektleitung sprechen', 'Gibt es eine Frist bei KommA?', 'keine']);
    await step(c, 'Bis wann läuft KommA?', [/28\.02\.2023/, /Soll ich das jetzt an die Projektleitung senden\?/], /Förder-Check/);
  });
});

describe('the reply-address question after repeated invalid answers', () => {
  it('skips the address without pointing to "Profil ändern"', async () => {
    const c = de();
    await play(c, ['Ich möchte mit jemandem aus der Projektleitung sprechen', 'Gibt es eine Frist?', 'ohne at-zeichen', 'kaemmerei']);
    await step(c, 'noch immer keine adresse', /Soll ich das jetzt an die Projektleitung senden\?/, /Profil ändern/);
  });
});

// "Meine Daten löschen" removes the profile, every conversation's state and the handoffs not yet sent.
describe('"Meine Daten löschen" after a Förder-Check and an unsent handoff', () => {
  const DELETE_SALT = 'delete-data-salt';
  // Its own bot: SMTP points at a closed port, so a consented case stays unsent.
  let delBot: StartedBot;
  beforeAll(async () => {
    delBot = await startBot({ env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, LOG_SALT: DELETE_SALT } });
  });
  afterAll(async () => {
    await delBot?.close();
  });
  const userId = `u-delete-${Date.now()}`;
  const otherId = `u-keep-${Date.now()}`;
  const userKey = `user/emulator/${userId}`;
  const hashed = hashId(userKey, DELETE_SALT);
  let first: Conversation;
  let second: Conversation;
  let other: Conversation;
  let reference = '';

  beforeAll(async () => {
    first = conversation(delBot.url, channel, { userId });
    expectReplies(await play(first, ['Förder-Check: Wir sind eine Gemeinde in Hessen mit 8.000 Einwohnern', 'Musterhausen', 'ja', 'ja', 'nein', 'KommA', 'keine']), /Ihr Förder-Check ist fertig/);
    second = conversation(delBot.url, channel, { userId });
    const sent = await play(second, ['Bis wann läuft KommA?', 'Ich möchte mit jemandem aus der Projektleitung sprechen', 'keine', 'ja']);
    reference = readable(sent).match(REFERENCE)?.[0] ?? '';
    other = conversation(delBot.url, channel, { userId: otherId });
    expectReplies(await play(other, ['Förder-Check: Wir sind ein Landkreis in Bayern mit 100.000 Einwohnern', 'anonym', 'ja', 'ja', 'nein', 'alle', 'keine']), /fertig/);
  });

  it('has stored the profile, both conversations and the queued case beforehand', async () => {
    expect(reference).toMatch(REFERENCE);
    expect(await delBot.app.storage.keysWithPrefix('user/')).toContain(userKey);
    const convs = await delBot.app.storage.keysWithPrefix('conv/');
    expect(convs).toEqual(expect.arrayContaining([`conv/emulator/${first.conversationId}`, `conv/emulator/${second.conversationId}`]));
    const cases = await delBot.app.handoff.listForUser(hashed);
    expect(cases.map((e) => e.case.reference)).toEqual([reference]);
    expect(cases[0]!.status).not.toBe('sent');
  });

  const steps: Step[] = [
    ['"Meine Daten löschen" confirms what was deleted, counting the unsent request', 'Meine Daten löschen', /Erledigt: Ihr Profil, Ihr Gesprächsverlauf und 1 noch nicht versandte Anfrage\(n\) sind gelöscht\./],
  ];
  it.each(steps)('%s', async (_behaviour, says, expected) => {
    await step(second, says, expected);
  });

  it('leaves no storage key for the user or any of their conversations', async () => {
    expect(await delBot.app.storage.keysWithPrefix(userKey)).toEqual([]);
    const convs = await delBot.app.storage.keysWithPrefix('conv/');
    expect(convs).not.toContain(`conv/emulator/${first.conversationId}`);
    expect(convs).not.toContain(`conv/emulator/${second.conversationId}`);
  });

  it('removes the unsent case from the outbox store', async () => {
    expect(await delBot.app.handoff.listForUser(hashed)).toEqual([]);
    expect(await delBot.app.handoff.status(reference)).toBeNull();
  });

  it("keeps another user's profile and conversation", async () => {
    expect(await delBot.app.storage.keysWithPrefix(`user/emulator/${otherId}`)).toEqual([`user/emulator/${otherId}`]);
    expect(await delBot.app.storage.keysWithPrefix('conv/')).toContain(`conv/emulator/${other.conversationId}`);
    await step(conversation(delBot.url, channel, { userId: otherId }), 'Mein Profil', /Ihr gespeichertes Profil:/);
  });

  it('starts from nothing when the user writes again: no profile, no request', async () => {
    const again = conversation(delBot.url, channel, { userId });
    await step(again, 'Mein Profil', /Sie haben noch kein Profil\./);
    await step(again, 'Status meiner Anfrage', /Sie haben noch keine Anfrage an eine Projektleitung gestellt\./);
  });

  it('also works in the middle of a running flow and ends it', async () => {
    const c = conversation(delBot.url, channel, { userId: `u-midflow-${Date.now()}` });
    await play(c, ['Förder-Check', 'Musterhausen']);
    await step(c, 'Meine Daten löschen', /Erledigt: .* 0 noch nicht versandte Anfrage\(n\)/);
    expect(await delBot.app.storage.keysWithPrefix(`user/emulator/${c.user.id}`)).toEqual([]);
    expect(await delBot.app.storage.keysWithPrefix(`conv/emulator/${c.conversationId}`)).toEqual([]);
  });
});
