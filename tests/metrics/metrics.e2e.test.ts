import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import type { StartedBot } from '../support/startBot.js';
import { useBotWithChannel, type Channel } from '../support/botWithChannel.js';

let bot: StartedBot;
let channel: Channel;
useBotWithChannel({}, (b, c) => {
  bot = b;
  channel = c;
});

describe('GET /metrics on the running bot', () => {
  it('exposes the turn counters after real turns', async () => {
    const c = conversation(bot.url, channel, { channelId: 'emulator' });
    expect((await c.say('Bis wann können wir uns für KommA bewerben?')).status).toBe(200);
    expect((await c.say('Gibt es bei KommA eine Reisekostenpauschale?')).status).toBe(200);
    const res = await fetch(`${bot.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^foerderlotse_turns_total\{channel="emulator",intent="deadline",kind="answer"\} 1$/m);
    expect(text).toMatch(/^foerderlotse_turns_total\{channel="emulator",intent="money",kind="abstain"\} 1$/m);
    expect(text).toMatch(/^foerderlotse_abstentions_total\{program="komma"\} 1$/m);
    expect(text).toMatch(/^foerderlotse_answer_latency_seconds_count\{kind="answer"\} 1$/m);
    expect(text).toMatch(/^foerderlotse_index_chunks \d+$/m);
    expect(text).toMatch(/^foerderlotse_http_requests_total\{route="\/api\/messages",status="2\d\d"\} 2$/m);
  });
});
