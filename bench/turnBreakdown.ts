import { join } from 'node:path';
import type { Activity, TurnContext } from 'botbuilder';
import { Answerer, createTranslator, detectLanguage, ProgramDetector, TermList, TurnStateStore, type App } from './project.js';
type Translate = ReturnType<typeof createTranslator>['t'];
type Answerer = InstanceType<typeof Answerer>;
import { sampleCpu, sharesBySelf } from './cpuProfile.js';
import { summarize } from './stats.js';
import { TURN_QUESTIONS } from './questions.js';

/** Medians (ms) of a turn's parts, measured in-process side by side. */
export interface TurnBreakdown {
  /** The bot's turn through the adapter without HTTP (runInProcess). */
  botInProcess: number;
  /** The echo turn through the same adapter without HTTP. */
  echoInProcess: number;
  /** Answerer.answer alone (NLU, facts, retrieval, wording). */
  answer: number;
  /** Loading and saving the conversation and user state (SQLite, zod). */
  stateLoadSave: number;
  /** What is left of the bot's own work: flows (dialog context), reply building, turn lock, transcript. */
  rest: number;
  /** Shares of the in-process bot turn's CPU time by layer (own time of the innermost frame). */
  profile: Record<string, number>;
}

/** Layers of a turn, by where the running code lives. */
const LAYERS: [RegExp, string][] = [
  [/\/(?:src|dist)\/(answer|nlu|programs|retrieval|knowledge)\/|node_modules\/(snowball-stemmers|hnswlib-node|eld)\//, 'answer'],
  [/\/(?:src|dist)\/i18n\.js|node_modules\/i18next\//, 'i18n'],
  [/\/(?:src|dist)\/storage\/|\/(?:src|dist)\/bot\/conversationState\.js|node_modules\/(better-sqlite3|zod)\//, 'state'],
  [/\/(?:src|dist)\/dialogs\/|node_modules\/(botbuilder-dialogs[^/]*|@microsoft\/recognizers[^/]*|dependency-graph)\//, 'dialogs'],
  [/\/(?:src|dist)\/(bot|feedback|metrics)\/|node_modules\/prom-client\//, 'bot'],
  [/node_modules\/(botbuilder[^/]*|botframework-[^/]+|@azure\/[^/]+|@typespec\/[^/]+)\//, 'adapter'],
];

/** An answerer and translator like the app's, for timing parts of a turn on their own. */
export function benchAnswerer(app: App, root: string, knowledgeDir: string): { t: Translate; answerer: Answerer } {
  const { t } = createTranslator(join(root, 'locales'));
  const answerer = new Answerer({ kb: app.kb, detector: new ProgramDetector(app.kb.programs, app.kb.vocabulary, (p) => app.kb.vocabularyOf(p)), terms: TermList.load(join(knowledgeDir, 'terms.yaml')), t });
  return { t, answerer };
}

/**
 * Splits the bot's extra time over the echo into answering, state and the rest, by timing each
 * part on its own, interleaved turn by turn so noise hits all parts alike.
 */
export async function measureTurnBreakdown(app: App, root: string, knowledgeDir: string, turns: number): Promise<TurnBreakdown> {
  const { t, answerer } = benchAnswerer(app, root, knowledgeDir);
  const store = new TurnStateStore(app.storage);
  const echo = async (context: TurnContext) => {
    await context.sendActivity(typeof context.activity.text === 'string' ? context.activity.text : '');
  };
  const now = new Date('2026-11-21T12:00:00Z');
  const parts = { bot: [] as number[], echo: [] as number[], answer: [] as number[], state: [] as number[] };
  const warmup = Math.min(100, turns);
  for (let i = 0; i < warmup + turns; i++) {
    const q = TURN_QUESTIONS[i % TURN_QUESTIONS.length];
    const conv = `inproc-conv-${Math.floor(i / 10)}`;
    const user = `inproc-user-${Math.floor(i / 10)}`;
    const activity = (n: string) =>
      ({
        type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: `${conv}${n}` }, from: { id: user, name: 'Bench' },
        recipient: { id: 'bot', name: 'Förderlotse' }, locale: q.locale, id: `${conv}|${i}`, timestamp: new Date().toISOString(), text: q.text,
      }) as unknown as Activity;
    let s = performance.now();
    await app.adapter.runInProcess(activity(''), app.bot.run);
    const bot = performance.now() - s;
    s = performance.now();
    await app.adapter.runInProcess(activity('-echo'), echo);
    const ech = performance.now() - s;
    s = performance.now();
    answerer.answer({ text: q.text, lang: detectLanguage(q.text, q.locale), now });
    const ans = performance.now() - s;
    s = performance.now();
    await store.save(await store.load(`conv/emulator/${conv}`, `user/emulator/${user}`));
    const st = performance.now() - s;
    if (i < warmup) continue;
    parts.bot.push(bot);
    parts.echo.push(ech);
    parts.answer.push(ans);
    parts.state.push(st);
  }
  const m = (xs: number[]) => summarize(xs).median;
  let extra = warmup + turns;
  const cpu = await sampleCpu(async () => {
    for (let i = 0; i < Math.max(200, turns / 2); i++, extra++) {
      const q = TURN_QUESTIONS[extra % TURN_QUESTIONS.length];
      const conv = `inproc-conv-${Math.floor(extra / 10)}`;
      const activity = {
        type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: conv }, from: { id: `inproc-user-${Math.floor(extra / 10)}` },
        recipient: { id: 'bot' }, locale: q.locale, id: `${conv}|${extra}`, text: q.text,
      } as unknown as Activity;
      await app.adapter.runInProcess(activity, app.bot.run);
    }
  });
  const profile = sharesBySelf(cpu, (f) => {
    if (!f.url) return undefined;
    if (f.url.startsWith('node:')) return 'node';
    return LAYERS.find(([re]) => re.test(f.url))?.[1] ?? 'other';
  });
  const r = { botInProcess: m(parts.bot), echoInProcess: m(parts.echo), answer: m(parts.answer), stateLoadSave: m(parts.state), rest: 0, profile };
  r.rest = Math.max(0, r.botInProcess - r.echoInProcess - r.answer - r.stateLoadSave);
  return r;
}
