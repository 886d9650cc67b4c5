import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Log events of a bot process the load run reports on. */
export interface ProcessEvents {
  /** foerderBot's 'state_conflict_retry' warnings: turns re-run on fresh state after an eTag conflict. */
  conflicts: number;
  /** 'turn_error' and 'request_failed' lines: turns that failed inside the bot. */
  turnErrors: number;
  /** The first few error lines, for the failure message. */
  samples: string[];
}

/** Child processes still running, so a crashed run can kill them on exit. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

function health(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * One bot instance as a real child process (`node dist/index.js`) on a fixed port; it can be
 * SIGKILLed and started again with the same environment. Counts log events over all its lives.
 */
export class BotProcess {
  private child: ChildProcess | null = null;
  private stderrTail = '';
  readonly events: ProcessEvents = { conflicts: 0, turnErrors: 0, samples: [] };
  starts = 0;

  constructor(
    readonly name: string,
    readonly root: string,
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the process and resolves once GET /healthz answers 200; returns the start time in ms. */
  async start(timeoutMs = 60_000): Promise<number> {
    if (this.alive) throw new Error(`${this.name} is already running`);
    const started = performance.now();
    const child = spawn(process.execPath, [join(this.root, 'dist', 'index.js')], {
      cwd: this.root,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    running.add(child);
    child.once('exit', () => running.delete(child));
    let partial = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.onLogLine(line);
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (c: string) => (this.stderrTail = (this.stderrTail + c).slice(-4000)));
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name}: dist/index.js exited (${child.exitCode ?? child.signalCode}) before /healthz answered:\n${this.stderrTail}`);
      }
      if ((await health(this.port)) === 200) return performance.now() - started;
      if (performance.now() - started > timeoutMs) {
        await this.kill();
        throw new Error(`${this.name}: no 200 from /healthz within ${timeoutMs} ms:\n${this.stderrTail}`);
      }
      await sleep(20);
    }
  }

  private onLogLine(line: string): void {
    if (!line.startsWith('{')) return;
    let entry: { event?: unknown; level?: unknown };
    try {
      entry = JSON.parse(line) as { event?: unknown; level?: unknown };
    } catch {
      // A line cut off by SIGKILL.
      return;
    }
    if (entry.event === 'state_conflict_retry') this.events.conflicts++;
    if (entry.event === 'turn_error' || entry.event === 'request_failed') {
      this.events.turnErrors++;
      if (this.events.samples.length < 5) this.events.samples.push(`${this.name}: ${line.slice(0, 300)}`);
    }
  }

  /** SIGKILL: no shutdown handler runs, in-flight requests die with their sockets. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    // 'close' comes after the last log line was read from the pipe.
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    child.kill('SIGKILL');
    await closed;
  }

  /** SIGTERM (the bot closes its server and pools), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await closed;
    clearTimeout(timer);
  }
}
