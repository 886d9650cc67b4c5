import { describe, expect, it } from 'vitest';
import type { StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { conversation, readable, type Reply } from '../support/channel.js';

let bot: StartedBot;
let channel: Channel;
useBotWithChannel({ now: new Date('2026-11-21T12:00:00Z') }, (b, c) => {
  bot = b;
  channel = c;
});

const messages = (replies: Reply[]) => replies.filter((r) => r.type === 'message');

const NAUGHTY: [label: string, text: string, expected: RegExp][] = [
  ['empty text', '', /keine Frage erkannt/],
  ['whitespace only', '   \n\t  ', /keine Frage erkannt/],
  ['control characters only', '\u0000\u0001\u0007\u001b\u007f', /keine Frage erkannt/],
  ['zero-width and bidi characters only', '\u200b\u200e\u202e\u2066', /keine Frage erkannt/],
  ['a question with control characters inside', 'Bis\u0000 wann\u0007 läuft\u001b KommA?', /28\.02\.2023/],
  ['a question with RTL override', '\u202eBis wann läuft KommA?\u202c', /28\.02\.2023/],
  ['20,000 characters', 'Frist '.repeat(3334).slice(0, 20_000), /sehr lang \(20\.000 Zeichen\)|sehr lang \(20000 Zeichen\)/],
  ['a <script> tag', '<script>alert("x")</script> Bis wann läuft KommA?', /28\.02\.2023|keine gesicherte Information/],
  ['HTML markup only', '<img src=x onerror=alert(1)><b></b>', /keine gesicherte Information|keine Frage erkannt|Projektleitung/],
  ['SQL', "'; DROP TABLE conversations; --", /keine gesicherte Information|keine Frage erkannt/],
  ['emoji only', '🙂🙂🙂', /keine gesicherte Information|keine Frage erkannt|Hallo/],
  ['Arabic text', 'متى الموعد النهائي؟', /keine gesicherte Information|keine Frage erkannt/],
  ['markdown injection', '**[klick](javascript:alert(1))** Bis wann läuft KommA?', /28\.02\.2023|keine gesicherte Information/],
  ['a lone surrogate', 'Frist \ud800 KommA?', /28\.02\.2023/],
];

describe('hostile input through a real turn', () => {
  it.each(NAUGHTY)('answers %s sensibly and never with a server error', async (_label, text, expected) => {
    const r = await conversation(bot.url, channel).say(text);
    expect(r.status).toBeLessThan(300);
    const replies = messages(r.replies);
    expect(replies.length).toBeGreaterThan(0);
    expect(readable(replies)).toMatch(expected);
    expect(readable(replies)).not.toMatch(/etwas schiefgegangen|something went wrong/);
  });

  it('never echoes a <script> tag back into the reply', async () => {
    const r = await conversation(bot.url, channel).say('<script>alert(1)</script>');
    expect(r.status).toBeLessThan(300);
    expect(JSON.stringify(r.replies)).not.toMatch(/<script>/i);
  });

  it('answers the start of a long message after the length note', async () => {
    // Short words: a single very long token hits the decompound blow-up (see tests/retrieval/textAnalysis.test.ts).
    const text = `Bis wann läuft KommA? ${'bitte '.repeat(1000)}`;
    const r = await conversation(bot.url, channel).say(text);
    const all = readable(messages(r.replies));
    expect(all).toMatch(/sehr lang/);
    expect(all).toMatch(/28\.02\.2023/);
  });

  it('tells the user it cannot read attachments when a message has no text', async () => {
    const r = await conversation(bot.url, channel).post({
      type: 'message',
      attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png', name: 'x.png' }],
    });
    expect(r.status).toBeLessThan(300);
    expect(readable(messages(r.replies))).toMatch(/Dateien und Bilder kann ich nicht auswerten/);
  });

  it('answers the text of a message that also has attachments', async () => {
    const r = await conversation(bot.url, channel).post({
      type: 'message',
      text: 'Bis wann läuft KommA?',
      attachments: [{ contentType: 'application/pdf', contentUrl: 'http://127.0.0.1:9/a.pdf' }],
    });
    expect(readable(messages(r.replies))).toMatch(/28\.02\.2023/);
  });

  it.each([
    ['an unknown activity type', { type: 'foo' }],
    ['a typing indicator', { type: 'typing' }],
    ['an event', { type: 'event', name: 'webchat/join', value: {} }],
    ['a message reaction', { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }],
    ['a conversation update without new members', { type: 'conversationUpdate', membersRemoved: [{ id: 'someone' }] }],
  ])('acknowledges %s without a reply', async (_label, activity) => {
    const r = await conversation(bot.url, channel).post(activity);
    expect(r.status).toBeLessThan(300);
    expect(messages(r.replies)).toEqual([]);
  });

  it.each([
    ['text that is not a string', { type: 'message', text: 42 }],
    ['no conversation', { type: 'message', text: 'Hallo', conversation: undefined }],
    ['a type with spaces', { type: 'message reaction', text: 'x' }],
  ])('rejects an activity with %s as a bad request, not a server error', async (_label, activity) => {
    const r = await conversation(bot.url, channel).post(activity);
    expect(r.status).toBe(400);
    expect(r.body).not.toMatch(/at .*\.js:\d+|stack/i);
  });

  it('answers null text like empty text', async () => {
    const r = await conversation(bot.url, channel).post({ type: 'message', text: null });
    expect(r.status).toBeLessThan(300);
    expect(readable(messages(r.replies))).toMatch(/keine Frage erkannt/);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(res.status).toBe(400);
  });

  it('stays healthy after all of this', async () => {
    const r = await conversation(bot.url, channel).say('Bis wann läuft KommA?');
    expect(readable(messages(r.replies))).toMatch(/28\.02\.2023/);
  });
});
