import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../support/startBot.js';
import { citations, conversation, readable, startChannel } from '../support/channel.js';

let bot: StartedBot;
let channel: Awaited<ReturnType<typeof startChannel>>;
beforeAll(async () => {
  bot = await startBot();
  channel = await startChannel();
});
afterAll(async () => {
  await channel.close();
  await bot.close();
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
