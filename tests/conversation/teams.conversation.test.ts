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

const BOT = { id: '28:bot-app-id', name: 'Förderlotse' };
const mention = (id = BOT.id, name = BOT.name) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });

/** A Teams conversation: channel thread, group chat or personal chat. */
function teams(conversationType: 'channel' | 'groupChat' | 'personal') {
  const c = conversation(bot.url, channel, { channelId: 'msteams', locale: 'de-DE' });
  const base = {
    recipient: BOT,
    conversation: { id: c.conversationId, conversationType, tenantId: 'tenant-1', ...(conversationType === 'channel' ? { isGroup: true } : {}) },
    channelData: { tenant: { id: 'tenant-1' }, ...(conversationType === 'channel' ? { team: { id: '19:team' }, channel: { id: '19:channel' } } : {}) },
  };
  return {
    ...c,
    message: (text: string, extra: Record<string, unknown> = {}) => c.post({ type: 'message', text, textFormat: 'plain', ...base, ...extra }),
  };
}

const messages = (replies: Reply[]) => replies.filter((r) => r.type === 'message');

describe('Microsoft Teams', () => {
  it('answers a channel message that mentions the bot, with the mention stripped', async () => {
    const c = teams('channel');
    const r = await c.message('<at>Förderlotse</at> Bis wann können wir uns für KommA bewerben?', { entities: [mention()] });
    expect(r.status).toBeLessThan(300);
    const reply = messages(r.replies)[0];
    expect(reply.text).toMatch(/^Die Bewerbungsfrist für KommA endete am 28\.02\.2023/);
    expect(citations(r.replies)[0].name).toMatch(/KommA/);
    // Teams renders the citation entity itself: no visible "Quelle:" line.
    expect(reply.text).not.toMatch(/Quelle:/);
    expect(reply.text).not.toMatch(/<at>|Förderlotse/);
  });

  it('answers when the mention is in the middle or at the end of the message', async () => {
    const c = teams('channel');
    const r = await c.message('Frage an <at>Förderlotse</at>: Brauchen wir für KommA eine Unterschrift?', { entities: [mention()] });
    expect(messages(r.replies)[0]?.text).toMatch(/keine formale Unterschrift/);
  });

  it('does not read the mention text as part of the question (a bot named like a programme)', async () => {
    const c = teams('channel');
    const r = await c.message('<at>Förderlotse</at> Hallo', { entities: [mention()] });
    expect(readable(r.replies)).toMatch(/Hallo und guten Tag/);
  });

  it('stays silent on a channel message that does not mention it', async () => {
    const c = teams('channel');
    const r = await c.message('Bis wann können wir uns für KommA bewerben?');
    expect(r.status).toBeLessThan(300);
    expect(messages(r.replies)).toEqual([]);
  });

  it('stays silent when the message mentions someone else', async () => {
    const c = teams('channel');
    const r = await c.message('<at>Anna Beispiel</at> Bis wann läuft KommA?', { entities: [mention('29:anna', 'Anna Beispiel')] });
    expect(messages(r.replies)).toEqual([]);
  });

  it('answers in a personal chat without a mention', async () => {
    const c = teams('personal');
    const r = await c.message('Bis wann läuft KommA?');
    expect(messages(r.replies)[0]?.text).toMatch(/28\.02\.2023/);
  });

  it('keeps the programme for a follow-up in a channel thread', async () => {
    const c = teams('channel');
    await c.message('<at>Förderlotse</at> Wer kann sich für KommA bewerben?', { entities: [mention()] });
    const r = await c.message('<at>Förderlotse</at> Und bis wann?', { entities: [mention()] });
    expect(messages(r.replies)[0]?.text).toMatch(/KommA.*28\.02\.2023/);
  });

  it('addresses suggested actions to the asking user only', async () => {
    const c = teams('personal');
    const r = await c.message('Bis wann läuft KommA?');
    expect(messages(r.replies)[0].suggestedActions.to).toEqual([c.user.id]);
  });

  it('sends the citation entity in the Teams shape through the connector', async () => {
    const c = teams('personal');
    const r = await c.message('Brauchen wir für die KommA-Bewerbung eine Unterschrift?');
    const entity = messages(r.replies)[0].entities.find((e: Reply) => e['@type'] === 'Message');
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@context': 'https://schema.org' });
    expect(entity.citation[0]).toMatchObject({
      '@type': 'Claim',
      position: 1,
      appearance: { '@type': 'DigitalDocument', name: expect.stringMatching(/KommA/), url: 'http://www.imap-institut.de/de/kommunale-allianzen', abstract: expect.stringMatching(/keine formale Unterschrift/) },
    });
  });
});
