import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { conversation, startChannel } from '../support/channel.js';
import { startBot, type StartedBot } from '../support/startBot.js';

// Values a user gives that must never reach a log line.
const NAME = 'Musterhausen-Süd';
const EMAIL = 'anna.schmidt@musterhausen-sued.de';
const REPLY_EMAIL = 'kaemmerei@musterhausen-sued.de';
const QUESTION = 'Wie viele Seiten darf die Zwischenberichtsvorlage für Musterhausen haben?';

let bot: StartedBot;
let channel: Awaited<ReturnType<typeof startChannel>>;
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  bot = await startBot({ logger: createLogger('trace', sink) });
  channel = await startChannel();
});
afterAll(async () => {
  await channel.close();
  await bot.close();
});

describe('logs during a full conversation', () => {
  it('contain no message text, no name and no e-mail address', async () => {
    const c = conversation(bot.url, channel, { userId: 'user-privacy-1' });
    const say = async (text: string) => expect((await c.say(text)).status).toBe(200);
    await c.start();
    await say('Bis wann kann man sich für KommA bewerben?');
    await say(QUESTION);
    await say('Förder-Check');
    for (const answer of [NAME, 'Gemeinde', 'Hessen', '8000', 'ja', 'ja', 'ja', 'KommA', EMAIL]) await say(answer);
    await say('Bitte an die Projektleitung weitergeben');
    await say(REPLY_EMAIL);
    await say('ja');
    await say('ja');
    await bot.app.worker.runOnce();
    await say('Meine Daten löschen');

    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [NAME, 'Musterhausen', EMAIL, REPLY_EMAIL, 'anna.schmidt', 'kaemmerei', 'Zwischenberichtsvorlage', 'Bis wann kann man', 'user-privacy-1']) {
      expect(all, `log contains "${secret}"`).not.toContain(secret);
    }
    // Every line is JSON (pino), so log shippers can parse them.
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
