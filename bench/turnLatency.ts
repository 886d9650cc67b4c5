import { join } from 'node:path';
import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { buildReply, createApp, createHttpServer, FoerderAdapter, loadConfig, silentLogger, stateKeys, TurnStateStore, type App } from './project.js';
import { summarize, type Summary } from './stats.js';
import { TURN_QUESTIONS, type BenchQuestion } from './questions.js';
import { TurnClient } from './turnClient.js';
import { benchAnswerer, measureTurnBreakdown, type TurnBreakdown } from './turnBreakdown.js';

export interface TurnLatencyOptions {
  root: string;
  knowledgeDir: string;
  dataDir: string;
  turns: number;
  warmup: number;
  blockSize: number;
  progress: (line: string) => void;
}

export interface TurnLatencyResult {
  turns: number;
  warmup: number;
  blockSize: number;
  bot: Summary;
  echo: Summary;
  /** Median bot turn / median echo turn (wall clock). */
  ratio: number;
  /**
   * The floor of this design: a turn that loads and durably saves the conversation's state and
   * sends one fixed cited answer (reply building included), without understanding or retrieval.
   */
  floor: Summary;
  floorRatio: number;
  /**
   * CPU time of this process per turn (server and client; both targets pay the same client). On a
   * shared machine a long turn waits for the CPU more often than a short one, so the wall-clock
   * ratio overstates the bot's cost; the CPU ratio does not.
   */
  botCpu: Summary;
  echoCpu: Summary;
  cpuRatio: number;
  /** Bot medians by question category (the echo does not care about the text). */
  botByCategory: Record<string, Summary>;
  /** Where the bot's extra time goes, measured in-process after the HTTP runs. */
  breakdown: TurnBreakdown;
  /** HTTP, restify and JSON around a turn: echo over HTTP minus echo in-process (medians). */
  httpOverhead: number;
}

/** Turns per conversation (one user each) before the driver starts a new one, as a real chat would; stays under the per-conversation and per-user limits. */
const CONVERSATION_LENGTH = 10;

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** The same adapter class and HTTP layer around another turn logic. */
function createServerFor(logic: (context: TurnContext) => Promise<void>): restify.Server {
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  const adapter = new FoerderAdapter(auth);
  return createHttpServer({
    adapter,
    logic,
    logger: silentLogger, authenticated: false, serviceUrlAllowlist: [], maxBodyBytes: 256 * 1024, ratePerMinute: 60, logSalt: '',
    health: async () => ({ live: true, ready: true, details: {} }),
  });
}

/** The baseline: a turn that only echoes the text. */
function createEchoServer(): restify.Server {
  return createServerFor(async (context) => {
    await context.sendActivity(typeof context.activity.text === 'string' ? context.activity.text : '');
  });
}

/** The design's floor: state loaded and saved in the bot's storage, one fixed cited answer sent. */
function createFloorServer(app: App, root: string, knowledgeDir: string): restify.Server {
  const store = new TurnStateStore(app.storage);
  const { t, answerer } = benchAnswerer(app, root, knowledgeDir);
  const answer = answerer.answer({ text: TURN_QUESTIONS[0].text, lang: 'de', now: new Date('2026-11-21T12:00:00Z') });
  return createServerFor(async (context) => {
    const { convKey, userKey } = stateKeys(context);
    const data = await store.load(convKey, userKey);
    data.conv.lastQuestion = typeof context.activity.text === 'string' ? context.activity.text : '';
    const reply = buildReply(answer, 'de', t, { channelId: context.activity.channelId, userId: context.activity.from?.id });
    await store.save(data);
    await context.sendActivity(reply);
  });
}

/** Drives one target through a fixed question sequence; both targets see identical sequences. */
class Driver {
  private next = 0;
  constructor(
    readonly name: string,
    private readonly client: TurnClient,
  ) {}

  async run(count: number, record?: (ms: number, cpuMs: number, q: BenchQuestion) => void): Promise<void> {
    for (let i = 0; i < count; i++, this.next++) {
      const q = TURN_QUESTIONS[this.next % TURN_QUESTIONS.length];
      const conv = Math.floor(this.next / CONVERSATION_LENGTH);
      const cpu = process.cpuUsage();
      const ms = await this.client.turn(`bench-conv-${conv}`, `bench-user-${conv}`, q);
      const used = process.cpuUsage(cpu);
      record?.(ms, (used.user + used.system) / 1000, q);
    }
  }
}

/**
 * Sequential turns over HTTP against the real bot and the echo baseline, in alternating blocks
 * (ABBA order) so drift and neighbours' noise hit both alike.
 */
export async function measureTurnLatency(opts: TurnLatencyOptions): Promise<TurnLatencyResult> {
  const config = loadConfig({
    KNOWLEDGE_DIR: opts.knowledgeDir,
    LOCALES_DIR: join(opts.root, 'locales'),
    DIALOGS_DIR: join(opts.root, 'dialogs'),
    DATA_DIR: opts.dataDir,
    OUTBOX_DIR: join(opts.dataDir, 'outbox'),
    LOG_LEVEL: 'silent',
    TODAY: '2026-11-21',
  });
  const app = await createApp(config);
  const botUrl = (await app.listen(0, '127.0.0.1')).url;
  const echoServer = createEchoServer();
  const echoUrl = await listen(echoServer);
  const floorServer = createFloorServer(app, opts.root, opts.knowledgeDir);
  const floorUrl = await listen(floorServer);
  const botClient = new TurnClient(botUrl);
  const echoClient = new TurnClient(echoUrl);
  const floorClient = new TurnClient(floorUrl);
  try {
    const bot = new Driver('bot', botClient);
    const echo = new Driver('echo', echoClient);
    const floor = new Driver('floor', floorClient);
    const botMs: number[] = [];
    const echoMs: number[] = [];
    const floorMs: number[] = [];
    const botCpu: number[] = [];
    const echoCpu: number[] = [];
    const byCategory = new Map<string, number[]>();

    for (let done = 0; done < opts.warmup; done += opts.blockSize) {
      const n = Math.min(opts.blockSize, opts.warmup - done);
      await bot.run(n);
      await echo.run(n);
      await floor.run(n);
    }
    opts.progress(`  Aufwärmen: ${opts.warmup} Turns je Ziel erledigt`);

    let block = 0;
    for (let done = 0; done < opts.turns; done += opts.blockSize, block++) {
      const n = Math.min(opts.blockSize, opts.turns - done);
      const runBot = () =>
        bot.run(n, (ms, cpuMs, q) => {
          botMs.push(ms);
          botCpu.push(cpuMs);
          const list = byCategory.get(q.category) ?? [];
          list.push(ms);
          byCategory.set(q.category, list);
        });
      const runEcho = () =>
        echo.run(n, (ms, cpuMs) => {
          echoMs.push(ms);
          echoCpu.push(cpuMs);
        });
      const runFloor = () => floor.run(n, (ms) => floorMs.push(ms));
      // The echo stays in the middle, so bot and echo keep their alternating order.
      if (block % 2 === 0) {
        await runBot();
        await runEcho();
        await runFloor();
      } else {
        await runFloor();
        await runEcho();
        await runBot();
      }
    }
    opts.progress(`  Gemessen: ${botMs.length} Bot-Turns, ${echoMs.length} Echo-Turns; Aufschlüsselung in-process …`);
    const breakdown = await measureTurnBreakdown(app, opts.root, opts.knowledgeDir, opts.turns);
    const botS = summarize(botMs);
    const echoS = summarize(echoMs);
    const floorS = summarize(floorMs);
    const botC = summarize(botCpu);
    const echoC = summarize(echoCpu);
    return {
      turns: opts.turns, warmup: opts.warmup, blockSize: opts.blockSize,
      bot: botS, echo: echoS, ratio: botS.median / echoS.median,
      floor: floorS, floorRatio: floorS.median / echoS.median,
      botCpu: botC, echoCpu: echoC, cpuRatio: botC.median / echoC.median,
      botByCategory: Object.fromEntries([...byCategory].map(([k, v]) => [k, summarize(v)])),
      breakdown, httpOverhead: Math.max(0, echoS.median - breakdown.echoInProcess),
    };
  } finally {
    botClient.close();
    echoClient.close();
    floorClient.close();
    await new Promise<void>((r) => echoServer.close(() => r()));
    await new Promise<void>((r) => floorServer.close(() => r()));
    await app.close();
  }
}
