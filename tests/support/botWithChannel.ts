import { afterAll, beforeAll } from 'vitest';
import { startChannel } from './channel.js';
import { startBot, type StartBotOptions, type StartedBot } from './startBot.js';

export type Channel = Awaited<ReturnType<typeof startChannel>>;

/** Starts one real bot and one loopback channel for a test file (beforeAll) and stops both (afterAll). */
export function useBotWithChannel(opts: StartBotOptions, ready: (bot: StartedBot, channel: Channel) => void): void {
  let bot: StartedBot | undefined;
  let channel: Channel | undefined;
  beforeAll(async () => {
    bot = await startBot(opts);
    channel = await startChannel();
    ready(bot, channel);
  });
  afterAll(async () => {
    await channel?.close();
    await bot?.close();
  });
}
