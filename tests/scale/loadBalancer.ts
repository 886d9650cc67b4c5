import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** An activity as the bot's replies come back with deliveryMode expectReplies. */
export type Reply = Record<string, any>;

export interface Delivery {
  status: number;
  replies: Reply[];
  /** Index of the instance that answered. */
  instance: number;
  /** From the first attempt to the answer, retries included (what the user waits). */
  ms: number;
  attempts: number;
}

export interface BalancerStats {
  /** Attempts that failed at the connection level (refused, reset, hang-up) and were sent again. */
  connectionErrors: number;
  /** Turns that needed at least one such retry. */
  turnsRetried: number;
  /** Connection-level retries after the kill. */
  retriesAfterKill: number;
  /** Attempts that got no answer within the turn timeout (sent again, like a channel would). */
  timeouts: number;
  /** 5xx answers (each also retried up to twice, as a channel would). */
  errors5xx: number;
  /** Answers per instance. */
  answeredBy: number[];
  /** Connection-level failures by error code and instance, e.g. { 'ECONNREFUSED@B': 12 }. */
  connectionErrorCodes: Record<string, number>;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENOTCONN']);

class TurnTimeout extends Error {
  readonly code = 'TURN_TIMEOUT';
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

export interface BalancerOptions {
  /** How long an instance that refused a connection is left out (passive health check). Default 250 ms. */
  ejectMs?: number;
  /** An attempt without an answer after this long is abandoned and retried. Default 30 s. */
  turnTimeoutMs?: number;
  /** A turn that found no instance for this long fails. Default 90 s. */
  giveUpMs?: number;
}

/**
 * A load balancer in front of bot instances: each turn goes to the instance its caller asks for;
 * an instance whose connection fails is left out for a moment and the SAME activity (same id) is
 * sent to the next one — what an LB plus a channel's retry do. The bot dedups by activity id.
 */
export class LoadBalancer {
  private readonly agents: http.Agent[];
  private readonly ejectedUntil: number[];
  private readonly ejectMs: number;
  private readonly turnTimeoutMs: number;
  private readonly giveUpMs: number;
  /** Set when an instance was killed: later connection retries count as retries after the kill. */
  killed = false;
  readonly stats: BalancerStats;

  constructor(
    private readonly ports: number[],
    opts: BalancerOptions = {},
  ) {
    this.agents = ports.map(() => new http.Agent({ keepAlive: true }));
    this.ejectedUntil = ports.map(() => 0);
    this.ejectMs = opts.ejectMs ?? 250;
    this.turnTimeoutMs = opts.turnTimeoutMs ?? 30_000;
    this.giveUpMs = opts.giveUpMs ?? 90_000;
    this.stats = { connectionErrors: 0, turnsRetried: 0, retriesAfterKill: 0, timeouts: 0, errors5xx: 0, answeredBy: ports.map(() => 0), connectionErrorCodes: {} };
  }

  /** Takes an instance back at once (it answered its health check after a restart). */
  reinstate(i: number): void {
    this.ejectedUntil[i] = 0;
  }

  /** Sends one activity, preferably to instance `preferred`; resolves with the final answer. */
  async send(activity: Record<string, unknown>, preferred: number): Promise<Delivery> {
    const body = JSON.stringify(activity);
    const started = performance.now();
    const n = this.ports.length;
    let target = preferred % n;
    let retried = false;
    let serverErrors = 0;
    let attempts = 0;
    for (;;) {
      const i = await this.choose(target, started);
      attempts++;
      try {
        const res = await this.post(i, body);
        if (res.status >= 500) {
          this.stats.errors5xx++;
          if (serverErrors++ < 2) {
            target = (i + 1) % n;
            await sleep(100);
            continue;
          }
        }
        this.stats.answeredBy[i]++;
        let replies: Reply[] = [];
        try {
          replies = (JSON.parse(res.body) as { activities?: Reply[] }).activities ?? [];
        } catch {
          // Not JSON (an error page): no replies; the caller sees the status.
        }
        return { status: res.status, replies, instance: i, ms: performance.now() - started, attempts };
      } catch (err) {
        if (err instanceof TurnTimeout) this.stats.timeouts++;
        else if (isConnectionError(err)) {
          this.stats.connectionErrors++;
          const code = `${(err as { code: string }).code}@${String.fromCharCode(65 + i)}`;
          this.stats.connectionErrorCodes[code] = (this.stats.connectionErrorCodes[code] ?? 0) + 1;
          if (this.killed) this.stats.retriesAfterKill++;
          this.ejectedUntil[i] = Date.now() + this.ejectMs;
        } else throw err;
        if (!retried) this.stats.turnsRetried++;
        retried = true;
        if (performance.now() - started > this.giveUpMs) throw new Error(`no instance answered within ${this.giveUpMs} ms: ${(err as Error).message}`);
        target = (i + 1) % n;
      }
    }
  }

  /** The first instance from `target` on that is not left out; waits while all are. */
  private async choose(target: number, started: number): Promise<number> {
    const n = this.ports.length;
    for (;;) {
      const now = Date.now();
      for (let k = 0; k < n; k++) {
        const j = (target + k) % n;
        if (this.ejectedUntil[j] <= now) return j;
      }
      if (performance.now() - started > this.giveUpMs) throw new Error(`all instances down for ${this.giveUpMs} ms`);
      await sleep(Math.max(5, Math.min(...this.ejectedUntil) - now));
    }
  }

  private post(i: number, body: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1', port: this.ports[i], path: '/api/messages', method: 'POST', agent: this.agents[i],
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.setTimeout(this.turnTimeoutMs, () => req.destroy(new TurnTimeout(`no answer within ${this.turnTimeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    for (const a of this.agents) a.destroy();
  }
}
