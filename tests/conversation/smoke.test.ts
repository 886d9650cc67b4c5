import { describe, expect, it } from 'vitest';
import type { StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';
import { citations, conversation, readable } from '../support/channel.js';

let bot: StartedBot;
let channel: Channel;
useBotWithChannel({}, (b, c) => {
  bot = b;
  channel = c;
});

describe('a question over HTTP', () => {
  it('answers the KommA deadline as closed, with a citation entity', async () => {
    const c = conversation(bot.url, channel);
    const r = await c.say('Bis wann können wir uns für KommA bewerben?');
    expect(r.status).toBe(200);
    expect(readable(r.replies)).toMatch(/28\.02\.2023.*abgelaufen/);
    expect(citations(r.replies)[0].name).toMatch(/KommA/);
  });
});
