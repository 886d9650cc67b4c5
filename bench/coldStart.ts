import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { summarize, type Summary } from './stats.js';
import { TURN_QUESTIONS } from './questions.js';
import { TurnClient } from './turnClient.js';

export interface ColdStartOptions {
  root: string;
  /** A knowledge folder whose index is current, so the start loads it and does not ingest. */
  knowledgeDir: string;
  dataDir: string;
  starts: number;
  turns: number;
  progress: (line: string) => void;
}

export interface ColdStartResult {
  starts: number;
  /** spawn → first 200 from GET /healthz. */
  startMs: Summary;
  /** Medians of the parts: spawn → exit of `node -e 0` (the runtime itself). */
  nodeBootMs: number;
  /** spawn → exit of a process that only imports dist/app.js (runtime + module loading). */
  importAppMs: number;
  /** createApp as the service logs it (`startupMs` of its "started" line); null when it logs none. */
  createAppMs: number | null;
  firstTurnMs: number;
  turns: number;
  rssIdleMB: number;
  rssAfterTurnsMB: number;
  peakRssMB: number;
}

/** Child processes still running, killed when the bench exits early. */
export const runningChildren = new Set<ChildProcess>();

/** A port nobody listens on right now (the child binds it a moment later). */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

/** VmRSS and VmHWM of a process in MB, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Wall time from spawn to exit of a short node process. */
async function timeChild(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  runningChildren.add(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  runningChildren.delete(child);
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`);
  return performance.now() - started;
}

interface Started {
  child: ChildProcess;
  port: number;
  ms: number;
  /** startupMs from the service's "started" log line (info level only). */
  createAppMs: number | null;
}

/** Starts `node dist/index.js` and resolves when /healthz answers 200, with the elapsed time. */
async function start(opts: ColdStartOptions, logLevel: 'info' | 'silent'): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    KNOWLEDGE_DIR: opts.knowledgeDir,
    LOCALES_DIR: join(opts.root, 'locales'),
    DIALOGS_DIR: join(opts.root, 'dialogs'),
    DATA_DIR: opts.dataDir,
    OUTBOX_DIR: join(opts.dataDir, 'outbox'),
    LOG_LEVEL: logLevel,
    TODAY: '2026-11-21',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(opts.root, 'dist', 'index.js')], { cwd: opts.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  runningChildren.add(child);
  child.once('exit', () => runningChildren.delete(child));
  let stderr = '';
  let stdout = '';
  let createAppMs: number | null = null;
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    for (let nl = stdout.indexOf('\n'); nl >= 0; nl = stdout.indexOf('\n')) {
      const line = stdout.slice(0, nl);
      stdout = stdout.slice(nl + 1);
      try {
        const entry = JSON.parse(line) as { event?: string; startupMs?: unknown };
        if (entry.event === 'started' && typeof entry.startupMs === 'number') createAppMs = entry.startupMs;
      } catch {
        /* not a JSON log line */
      }
    }
  });
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`dist/index.js exited (${child.exitCode ?? child.signalCode}) before /healthz answered:\n${stderr}`);
    if ((await healthStatus(port)) === 200) {
      const ms = performance.now() - started;
      // The "started" line is written right after listen; give it a moment to arrive.
      for (let i = 0; i < 20 && createAppMs === null && logLevel === 'info'; i++) await sleep(5);
      return { child, port, ms, createAppMs };
    }
    if (performance.now() - started > 60_000) {
      await stop(child);
      throw new Error(`dist/index.js did not answer /healthz within 60 s:\n${stderr}`);
    }
    await sleep(5);
  }
}

/** Cold starts of the built service with a pre-built index, then its memory after a series of turns. */
export async function measureColdStart(opts: ColdStartOptions): Promise<ColdStartResult> {
  if (!existsSync(join(opts.root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run "npx tsc -p tsconfig.build.json" first');
  const boot: number[] = [];
  const imports: number[] = [];
  const appUrl = pathToFileURL(join(opts.root, 'dist', 'app.js')).href;
  const times: number[] = [];
  const createApp: number[] = [];
  // Interleaved, so the parts and the whole see the same machine.
  for (let i = 0; i < opts.starts; i++) {
    boot.push(await timeChild(['-e', '0'], opts.root));
    imports.push(await timeChild(['--input-type=module', '-e', `await import(${JSON.stringify(appUrl)});`], opts.root));
    const s = await start(opts, 'info');
    times.push(s.ms);
    if (s.createAppMs !== null) createApp.push(s.createAppMs);
    await stop(s.child);
  }
  opts.progress(`  Kaltstarts: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}`);

  // Memory is measured on a silent start, as in production without per-turn log lines.
  const s = await start(opts, 'silent');
  const client = new TurnClient(`http://127.0.0.1:${s.port}`);
  try {
    const pid = s.child.pid ?? 0;
    const idle = memoryOf(pid);
    let firstTurnMs = 0;
    for (let i = 0; i < opts.turns; i++) {
      const conv = Math.floor(i / 10);
      const ms = await client.turn(`rss-conv-${conv}`, `rss-user-${conv}`, TURN_QUESTIONS[i % TURN_QUESTIONS.length]);
      if (i === 0) firstTurnMs = ms;
    }
    const after = memoryOf(pid);
    return {
      starts: opts.starts, startMs: summarize(times), nodeBootMs: summarize(boot).median, importAppMs: summarize(imports).median,
      createAppMs: createApp.length ? summarize(createApp).median : null, firstTurnMs, turns: opts.turns,
      rssIdleMB: idle.rss, rssAfterTurnsMB: after.rss, peakRssMB: after.hwm,
    };
  } finally {
    client.close();
    await stop(s.child);
  }
}
