import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { StoreItems } from 'botbuilder';
import { PostgresStorage } from '../../src/storage/postgresStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { BotProcess } from './botProcess.js';
import { LoadBalancer, type Delivery, type Reply } from './loadBalancer.js';
import { expectedFacts, expectedQuestions, loadFlowTexts, scriptedUser, SIDE_CHAT, SLOTS, type FlowTexts, type IntendedProfile, type ScriptedUser, type Slot } from './profiles.js';

const run = promisify(execFile);

export type ScaleStorage = { kind: 'postgres'; url: string } | { kind: 'sqlite'; file?: string };

export interface ScaleRunOptions {
  storage: ScaleStorage;
  /** Bot processes behind the load balancer; turns alternate between them. */
  instances: number;
  /** Conversations, all in flight at once (each one's turns in sequence). */
  conversations: number;
  /** SIGKILL one instance once this share of all turns is done, then start it again. */
  kill?: { instance: number; afterFraction: number; downMs?: number };
  /**
   * Every n-th user also chats in a second conversation at the same time (Teams and the website,
   * say): both write the same user item, so their turns race on its eTag. Default 0 (off).
   */
  sideChatEvery?: number;
  progress?: (line: string) => void;
  /** Project root; default: found above this file. */
  root?: string;
  turnTimeoutMs?: number;
}

export interface ScaleResult {
  backend: 'postgres' | 'sqlite';
  instances: number;
  conversations: number;
  /** Conversations whose replies, cards and stored profile were all as intended. */
  correct: number;
  turns: number;
  durationMs: number;
  turnsPerSec: number;
  p50: number;
  p99: number;
  maxMs: number;
  /** The slowest turn: which one, and when it started (ms after the load began). */
  slowest?: { activityId: string; what: string; ms: number; startedAtMs: number; attempts: number };
  /** Turns the bots re-ran after an eTag conflict ('state_conflict_retry' in their logs). */
  conflicts: number;
  errors5xx: number;
  /** Attempts that failed at the connection level and were sent again (same activity id). */
  connectionErrors: number;
  connectionErrorCodes: Record<string, number>;
  turnsRetried: number;
  retriesAfterKill: number;
  timeouts: number;
  /** 'turn_error' / 'request_failed' lines in the bots' logs, and the first few of them. */
  turnErrors: number;
  turnErrorSamples: string[];
  answeredBy: number[];
  /** Turns answered in each second of the run. */
  timeline: number[];
  kill?: {
    atTurn: number;
    downMs: number;
    restartMs: number;
    /** Turns answered after the restarted instance was taken back, and how many of those it answered. */
    turnsAfterRestart: number;
    victimTurnsAfterRestart: number;
  };
  /** What went wrong, one line per problem (first 40); empty when every conversation is right. */
  failures: string[];
  failureCount: number;
}

/** The project root: the nearest folder above `from` whose package.json is the Förderlotse one. */
export function findProjectRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'foerderlotse') return dir;
    if (dirname(dir) === dir) throw new Error(`No foerderlotse package.json above ${from}`);
  }
}

/** The processes run dist/: `npm test` builds it first; a bare vitest run needs `npx tsc -p tsconfig.build.json`. */
function assertBuilt(root: string): void {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `npx tsc -p tsconfig.build.json` first');
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : 0;
}

/** Message texts of the replies, in order. */
function texts(replies: Reply[]): string[] {
  return replies.filter((a) => a.type === 'message' && typeof a.text === 'string').map((a) => a.text as string);
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The profile FactSet of the first Adaptive Card among the replies, as title → value. */
function cardFacts(replies: Reply[]): Record<string, string> | undefined {
  const card = replies.flatMap((a) => (a.attachments ?? []) as Reply[]).find((x) => x.contentType === ADAPTIVE_CARD)?.content as { body?: Reply[] } | undefined;
  const set = card?.body?.find((e) => e.type === 'FactSet') as { facts?: { title: string; value: string }[] } | undefined;
  return set?.facts ? Object.fromEntries(set.facts.map((f) => [f.title, f.value])) : undefined;
}

/** The slot the last prompt among the replies asks for. */
function askedSlot(replies: Reply[], t: FlowTexts): Slot | undefined {
  for (const text of texts(replies).reverse()) {
    const slot = SLOTS.find((s) => text.includes(t.prompts[s]));
    if (slot) return slot;
  }
  return undefined;
}

const sortedList = (v: string) => v.split(', ').sort().join(', ');

/** Differences between card facts and the intended profile; programme order is the detector's, so compared as a set. */
function factDiffs(actual: Record<string, string> | undefined, expected: Record<string, string>, programsTitle: string): string[] {
  if (!actual) return ['no profile card'];
  const out: string[] = [];
  for (const [title, want] of Object.entries(expected)) {
    const got = actual[title];
    const same = title === programsTitle && got !== undefined ? sortedList(got) === sortedList(want) : got === want;
    if (!same) out.push(`${title}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return out;
}

/** Differences between a stored profile and the intended one. */
function profileDiffs(stored: Record<string, unknown> | undefined, want: IntendedProfile): string[] {
  if (!stored) return ['no stored profile'];
  const out: string[] = [];
  for (const key of SLOTS) {
    let got = stored[key];
    let exp: unknown = want[key];
    if (key === 'programs' && Array.isArray(got) && Array.isArray(exp)) {
      got = [...(got as string[])].sort();
      exp = [...exp].sort();
    }
    if (JSON.stringify(got) !== JSON.stringify(exp)) out.push(`stored ${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(exp)}`);
  }
  if (typeof stored.completedAt !== 'string') out.push('stored completedAt missing');
  return out;
}

interface ConversationRecord {
  user: ScriptedUser;
  convId: string;
  userId: string;
  lastActivityId: string;
  /** The second conversation of the same user, if any. */
  side?: { convId: string; lastActivityId: string };
  problems: string[];
}

/**
 * Runs the Förder-Check for `conversations` simulated users at once against bot processes on one
 * storage, behind a load balancer that alternates each conversation's turns between instances,
 * optionally SIGKILLs and restarts one instance midway, then checks every conversation's replies,
 * result card, "Mein Profil" card and stored profile.
 */
export async function runScaleLoad(opts: ScaleRunOptions): Promise<ScaleResult> {
  const root = opts.root ?? findProjectRoot();
  const say = opts.progress ?? (() => undefined);
  assertBuilt(root);
  if (opts.instances < 1) throw new Error('instances must be at least 1');
  if (opts.kill && (opts.kill.instance < 0 || opts.kill.instance >= opts.instances)) throw new Error('kill.instance out of range');
  const flowTexts = loadFlowTexts(root);
  const work = mkdtempSync(join(tmpdir(), 'foerderlotse-scale-'));
  const bots: BotProcess[] = [];
  let lb: LoadBalancer | null = null;
  try {
    // One index built before any bot starts, so no instance ingests (NO_INGEST_ON_START).
    const knowledgeDir = join(work, 'knowledge');
    mkdirSync(knowledgeDir, { recursive: true });
    for (const part of ['sources', 'programs', 'terms.yaml', 'synonyms.yaml']) cpSync(join(root, 'knowledge', part), join(knowledgeDir, part), { recursive: true });
    await run(process.execPath, [join(root, 'dist', 'cli', 'ingest.js')], { cwd: root, env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: knowledgeDir } });

    const backend = opts.storage.kind;
    const sqliteFile = opts.storage.kind === 'sqlite' ? (opts.storage.file ?? join(work, 'state.db')) : undefined;
    const storageUrl = opts.storage.kind === 'postgres' ? opts.storage.url : sqliteFile!;
    for (let i = 0; i < opts.instances; i++) {
      const name = String.fromCharCode(65 + i);
      const dataDir = join(work, `data-${name}`);
      bots.push(
        new BotProcess(name, root, await freePort(), {
          STORAGE_URL: storageUrl,
          KNOWLEDGE_DIR: knowledgeDir,
          DIALOGS_DIR: join(root, 'dialogs'),
          LOCALES_DIR: join(root, 'locales'),
          DATA_DIR: dataDir,
          OUTBOX_DIR: join(dataDir, 'outbox'),
          LOG_LEVEL: 'warn',
          LOG_SALT: 'scale',
          NO_INGEST_ON_START: 'true',
          RATE_LIMIT_PER_MINUTE: '100000',
          RATE_LIMIT_IP_PER_MINUTE: '100000',
          TODAY: '2026-11-21',
        }),
      );
    }
    // Started together, as a roll-out does: both migrate the shared schema at the same moment.
    const startMs = await Promise.all(bots.map((b) => b.start()));
    say(`${backend}: ${bots.length} instance(s) up (${startMs.map((m) => `${Math.round(m)} ms`).join(', ')})`);

    lb = new LoadBalancer(bots.map((b) => b.port), { turnTimeoutMs: opts.turnTimeoutMs });
    const balancer = lb;
    const runId = Date.now().toString(36);
    const users = Array.from({ length: opts.conversations }, (_, i) => scriptedUser(i));
    // conversationUpdate + start message + one answer per question + "Mein Profil".
    const sideChat = (u: ScriptedUser) => Boolean(opts.sideChatEvery) && u.index % opts.sideChatEvery! === 0;
    const plannedTurns = users.reduce((n, u) => n + 3 + expectedQuestions(u).length + (sideChat(u) ? SIDE_CHAT.length : 0), 0);
    const latencies: number[] = [];
    let slowest: ScaleResult['slowest'];
    let done = 0;
    let killTask: Promise<void> | null = null;
    let killError: Error | undefined;
    let killInfo: ScaleResult['kill'];
    let turnsAtRestart = 0;
    let victimAnsweredAtRestart = 0;
    const killAt = opts.kill ? Math.floor(plannedTurns * opts.kill.afterFraction) : Infinity;

    const timeline: number[] = [];
    let t0 = 0;
    const afterTurn = () => {
      done++;
      const second = Math.floor((performance.now() - t0) / 1000);
      while (timeline.length <= second) timeline.push(0);
      timeline[second]++;
      if (done % 500 === 0) say(`${backend}: ${done}/${plannedTurns} turns`);
      if (opts.kill && !killTask && done >= killAt) {
        const { instance, downMs = 1000 } = opts.kill;
        killTask = (async () => {
          const victim = bots[instance];
          balancer.killed = true;
          await victim.kill();
          const killedAt = performance.now();
          say(`${backend}: SIGKILL instance ${victim.name} after ${done} turns`);
          // Traffic goes to the others meanwhile; the LB finds out from refused connections.
          await sleep(downMs);
          const restartMs = await victim.start();
          balancer.reinstate(instance);
          turnsAtRestart = done;
          victimAnsweredAtRestart = balancer.stats.answeredBy[instance];
          killInfo = { atTurn: killAt, downMs: Math.round(performance.now() - killedAt), restartMs: Math.round(restartMs), turnsAfterRestart: 0, victimTurnsAfterRestart: 0 };
          say(`${backend}: instance ${victim.name} back after ${killInfo.downMs} ms (start ${killInfo.restartMs} ms)`);
        })().catch((err: Error) => void (killError = err));
      }
    };

    /** Sends a conversation's turns in order; turn k goes to instance (offset + k) mod instances. */
    const turnSender = (convId: string, who: { id: string; name: string }, offset: number, onSent: (id: string) => void) => {
      let k = 0;
      return async (activity: Record<string, unknown>): Promise<Delivery> => {
        const id = `${convId}|${k}`;
        const d = await balancer.send(
          {
            channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: convId }, from: who,
            recipient: { id: 'bot', name: 'Förderlotse' }, locale: 'de-DE', id, timestamp: new Date().toISOString(), deliveryMode: 'expectReplies',
            ...activity,
          },
          offset + k,
        );
        k++;
        onSent(id);
        latencies.push(d.ms);
        if (!slowest || d.ms > slowest.ms) {
          slowest = { activityId: id, what: String(activity.text ?? activity.type), ms: Math.round(d.ms), startedAtMs: Math.round(performance.now() - d.ms - t0), attempts: d.attempts };
        }
        afterTurn();
        if (d.status !== 200) throw new Error(`turn ${k - 1} (${JSON.stringify(activity.text ?? activity.type)}) of ${convId} got HTTP ${d.status}`);
        const apology = texts(d.replies).find((x) => x.includes(flowTexts.errorText));
        if (apology) throw new Error(`turn ${k - 1} (${JSON.stringify(activity.text ?? activity.type)}) of ${convId} was answered with the error apology`);
        return d;
      };
    };

    const profileConversation = async (u: ScriptedUser, rec: ConversationRecord, who: { id: string; name: string }): Promise<void> => {
      const turn = turnSender(rec.convId, who, u.index, (id) => (rec.lastActivityId = id));
      const welcome = await turn({ type: 'conversationUpdate', membersAdded: [who, { id: 'bot', name: 'Förderlotse' }] });
      if (!texts(welcome.replies).length) rec.problems.push('no welcome message');
      let d = await turn({ type: 'message', text: u.start });
      const asked: Slot[] = [];
      let result: Delivery | undefined;
      for (let guard = 0; guard < 2 * SLOTS.length; guard++) {
        if (texts(d.replies).some((x) => x.includes(flowTexts.resultIntro))) {
          result = d;
          break;
        }
        const refused = texts(d.replies).find((x) => flowTexts.reprompts.some((r) => x.includes(r)));
        if (refused) rec.problems.push(`answer refused after ${asked.at(-1) ?? 'start'}: ${refused.slice(0, 80)}`);
        const slot = askedSlot(d.replies, flowTexts);
        if (!slot) throw new Error(`unexpected reply after ${asked.at(-1) ?? 'start'}: ${JSON.stringify(texts(d.replies).join(' | ').slice(0, 200))}`);
        asked.push(slot);
        d = await turn({ type: 'message', text: u.answers[slot] });
      }
      const want = expectedQuestions(u);
      // A question asked twice or skipped means a state write was lost or applied twice.
      if (asked.join(',') !== want.join(',')) rec.problems.push(`asked [${asked.join(',')}], expected [${want.join(',')}]`);
      if (!result) throw new Error('no result after all questions');
      const expected = expectedFacts(u.profile, flowTexts);
      rec.problems.push(...factDiffs(cardFacts(result.replies), expected, flowTexts.field.programs).map((x) => `result card ${x}`));
      const shown = await turn({ type: 'message', text: 'Mein Profil' });
      rec.problems.push(...factDiffs(cardFacts(shown.replies), expected, flowTexts.field.programs).map((x) => `"Mein Profil" ${x}`));
    };

    const sideConversation = async (u: ScriptedUser, rec: ConversationRecord, who: { id: string; name: string }): Promise<void> => {
      const side = { convId: `${rec.convId}-side`, lastActivityId: '' };
      rec.side = side;
      // Offset by one: at the same step the two conversations of this user sit on different instances.
      const turn = turnSender(side.convId, who, u.index + 1, (id) => (side.lastActivityId = id));
      for (const text of SIDE_CHAT) {
        const d = await turn({ type: 'message', text });
        if (!texts(d.replies).length) rec.problems.push(`side chat: no reply to ${JSON.stringify(text)}`);
      }
    };

    const conversation = async (u: ScriptedUser): Promise<ConversationRecord> => {
      const rec: ConversationRecord = { user: u, convId: `scale-${runId}-${u.index}`, userId: `user-${runId}-${u.index}`, lastActivityId: '', problems: [] };
      const who = { id: rec.userId, name: `Nutzer ${u.index}` };
      const guard = (p: Promise<void>) => p.catch((err: Error) => void rec.problems.push(err.message));
      await Promise.all([guard(profileConversation(u, rec, who)), ...(sideChat(u) ? [guard(sideConversation(u, rec, who))] : [])]);
      return rec;
    };

    say(`${backend}: ${opts.conversations} conversations, ${plannedTurns} turns planned`);
    t0 = performance.now();
    const records = await Promise.all(users.map(conversation));
    const durationMs = performance.now() - t0;
    if (killTask) await killTask;
    const runProblems: string[] = [];
    if (killError) runProblems.push(`kill and restart failed: ${killError.message}`);
    else if (opts.kill && !killInfo) runProblems.push(`no kill: only ${done} of ${plannedTurns} planned turns ran`);
    if (opts.kill && killInfo) {
      killInfo.turnsAfterRestart = done - turnsAtRestart;
      killInfo.victimTurnsAfterRestart = balancer.stats.answeredBy[opts.kill.instance] - victimAnsweredAtRestart;
    }

    await Promise.all(bots.map((b) => b.stop()));
    await verifyStorage(records, opts.storage.kind === 'postgres' ? { kind: 'postgres', url: opts.storage.url } : { kind: 'sqlite', file: sqliteFile! });

    const sorted = [...latencies].sort((a, b) => a - b);
    const failures = [...runProblems, ...records.flatMap((r) => r.problems.map((p) => `conversation ${r.user.index}: ${p}`))];
    const events = bots.map((b) => b.events);
    return {
      backend,
      instances: opts.instances,
      conversations: opts.conversations,
      correct: records.filter((r) => r.problems.length === 0).length,
      turns: latencies.length,
      durationMs: Math.round(durationMs),
      turnsPerSec: latencies.length / (durationMs / 1000),
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? 0,
      slowest,
      conflicts: events.reduce((n, e) => n + e.conflicts, 0),
      errors5xx: balancer.stats.errors5xx,
      connectionErrors: balancer.stats.connectionErrors,
      connectionErrorCodes: { ...balancer.stats.connectionErrorCodes },
      turnsRetried: balancer.stats.turnsRetried,
      retriesAfterKill: balancer.stats.retriesAfterKill,
      timeouts: balancer.stats.timeouts,
      turnErrors: events.reduce((n, e) => n + e.turnErrors, 0),
      turnErrorSamples: events.flatMap((e) => e.samples),
      answeredBy: [...balancer.stats.answeredBy],
      timeline,
      kill: killInfo,
      failures: failures.slice(0, 40),
      failureCount: failures.length,
    };
  } finally {
    lb?.close();
    await Promise.all(bots.map((b) => b.stop().catch(() => undefined)));
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reads every user's and conversation's item straight from the storage and records what differs. */
async function verifyStorage(records: ConversationRecord[], storage: { kind: 'postgres'; url: string } | { kind: 'sqlite'; file: string }): Promise<void> {
  const store = storage.kind === 'postgres' ? await PostgresStorage.open(storage.url, { maxConnections: 2 }) : new SqliteStorage(storage.file);
  try {
    for (let i = 0; i < records.length; i += 100) {
      const batch = records.slice(i, i + 100);
      const items: StoreItems = await store.read(batch.flatMap((r) => [`user/emulator/${r.userId}`, `conv/emulator/${r.convId}`, ...(r.side ? [`conv/emulator/${r.side.convId}`] : [])]));
      for (const r of batch) {
        const user = items[`user/emulator/${r.userId}`] as { profile?: Record<string, unknown>; conversations?: string[] } | undefined;
        const conv = items[`conv/emulator/${r.convId}`] as { lastTurn?: { activityId?: string }; welcomed?: boolean } | undefined;
        if (!user) {
          r.problems.push('no stored user item');
          continue;
        }
        r.problems.push(...profileDiffs(user.profile, r.user.profile));
        for (const id of [r.convId, ...(r.side ? [r.side.convId] : [])]) {
          const n = (user.conversations ?? []).filter((c) => c === `conv/emulator/${id}`).length;
          if (n !== 1) r.problems.push(`stored user.conversations lists ${id} ${n}×`);
        }
        // The last turn a conversation answered must be the last one stored: no turn's write was lost.
        if (conv?.lastTurn?.activityId !== r.lastActivityId) r.problems.push(`stored lastTurn ${conv?.lastTurn?.activityId ?? '(none)'} ≠ last sent ${r.lastActivityId}`);
        if (conv?.welcomed !== true) r.problems.push('stored conversation not welcomed');
        if (r.side) {
          const side = items[`conv/emulator/${r.side.convId}`] as { lastTurn?: { activityId?: string } } | undefined;
          if (side?.lastTurn?.activityId !== r.side.lastActivityId) r.problems.push(`stored side lastTurn ${side?.lastTurn?.activityId ?? '(none)'} ≠ last sent ${r.side.lastActivityId}`);
        }
      }
    }
  } finally {
    await store.close();
  }
}

/** The figures of a run as a few readable lines. */
export function formatScaleResult(r: ScaleResult): string {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const lines = [
    `${r.backend}, ${r.instances} instance(s), ${r.conversations} conversations: ${r.correct}/${r.conversations} correct`,
    `  ${r.turns} turns in ${(r.durationMs / 1000).toFixed(1)} s = ${r.turnsPerSec.toFixed(1)} turns/s · p50 ${ms(r.p50)} · p99 ${ms(r.p99)} · max ${ms(r.maxMs)}`,
    `  state conflicts retried ${r.conflicts} · 5xx ${r.errors5xx} · connection errors retried ${r.connectionErrors} (${r.turnsRetried} turns, ${r.retriesAfterKill} after the kill) · timeouts ${r.timeouts} · turn errors ${r.turnErrors}`,
    ...(r.connectionErrors ? [`  connection errors: ${Object.entries(r.connectionErrorCodes).map(([c, n]) => `${c} ${n}`).join(', ')}`] : []),
    `  answered by instance: ${r.answeredBy.map((n, i) => `${String.fromCharCode(65 + i)} ${n}`).join(', ')}`,
    `  turns per second over the run: ${r.timeline.join(' ')}`,
    ...(r.slowest ? [`  slowest turn: ${r.slowest.activityId} (${JSON.stringify(r.slowest.what)}) ${r.slowest.ms} ms, started at ${r.slowest.startedAtMs} ms, ${r.slowest.attempts} attempt(s)`] : []),
  ];
  if (r.kill) {
    const k = r.kill;
    lines.push(`  SIGKILL after turn ${k.atTurn}; back after ${k.downMs} ms (process start ${k.restartMs} ms); it then answered ${k.victimTurnsAfterRestart} of the ${k.turnsAfterRestart} turns left`);
  }
  if (r.turnErrorSamples.length) lines.push('  turn errors logged by the bots:', ...r.turnErrorSamples.map((l) => `    ${l}`));
  if (r.failureCount) lines.push(`  ${r.failureCount} problems, first ones:`, ...r.failures.slice(0, 10).map((f) => `    ${f}`));
  return lines.join('\n');
}

/** Prints the figures and keeps them as test-artifacts/scale-<name>.json. */
export function reportScaleResult(name: string, result: ScaleResult): void {
  process.stdout.write(`\n${formatScaleResult(result)}\n`);
  const dir = join(findProjectRoot(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `scale-${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
