import { composeMail, type ComposeOptions } from './composeMail.js';
import { MailDeliveryError } from './handoffErrors.js';
import type { MailTransport, OutgoingMail } from './mailTransport.js';
import type { HandoffCase, OutboxEntry, OutboxStore } from './outboxStore.js';

/** Logger shape the worker needs; pino's logger fits it. Fields never carry personal data. */
export interface HandoffLogger {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

/** Timer functions, injectable so tests can drive the loop by hand. */
export interface WorkerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Metric callbacks; a throwing hook is logged and otherwise ignored. */
export interface DeliveryHooks {
  onQueued?(info: { reference: string }): void;
  onSent?(info: { reference: string; attempts: number; latencyMs: number }): void;
  onFailed?(info: { reference: string; attempts: number; permanent: boolean; errorCode?: string }): void;
}

/** Everything a DeliveryWorker needs; only store, transport, compose.from and logger are required. */
export interface DeliveryWorkerOptions {
  store: OutboxStore;
  transport: MailTransport;
  compose: ComposeOptions;
  logger: HandoffLogger;
  hooks?: DeliveryHooks;
  clock?: () => number;
  timers?: WorkerTimers;
  /** Uniform in [0, 1), for backoff jitter. */
  random?: () => number;
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claimed entry stays invisible to other workers. */
  leaseMs?: number;
  /** A send still pending after this long counts as failed; keep it well below leaseMs. */
  sendTimeoutMs?: number;
  /** Attempts after which an entry is given up. */
  maxAttempts?: number;
  /** Attempts after which an entry the SMTP server rejects permanently (5xx) is given up. */
  maxAttemptsOnReject?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** What one pass did. */
export interface RunResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

const defaultTimers: WorkerTimers = {
  setTimeout(fn, ms) {
    // The HTTP server keeps the process alive; the poll timer must not keep a CLI or test run alive.
    return setTimeout(fn, ms).unref();
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** Exponential backoff with jitter: between half and all of min(maxMs, baseMs·2^(attempt−1)). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Polls the outbox and delivers due cases; at-least-once, with a stable Message-ID to spot duplicates. */
export class DeliveryWorker {
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'hooks'>> & { hooks: DeliveryHooks };
  private running = false;
  private ticking = false;
  private nudged = false;
  private timer: unknown = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(options: DeliveryWorkerOptions) {
    const leaseMs = options.leaseMs ?? 5 * 60_000;
    this.o = {
      store: options.store,
      transport: options.transport,
      compose: options.compose,
      logger: options.logger,
      hooks: options.hooks ?? {},
      clock: options.clock ?? Date.now,
      timers: options.timers ?? defaultTimers,
      random: options.random ?? Math.random,
      pollIntervalMs: options.pollIntervalMs ?? 5_000,
      batchSize: options.batchSize ?? 10,
      leaseMs,
      sendTimeoutMs: options.sendTimeoutMs ?? Math.min(60_000, Math.floor(leaseMs / 2)),
      maxAttempts: options.maxAttempts ?? 12,
      maxAttemptsOnReject: options.maxAttemptsOnReject ?? 3,
      baseDelayMs: options.baseDelayMs ?? 30_000,
      maxDelayMs: options.maxDelayMs ?? 60 * 60_000,
    };
  }

  /** Starts polling; the first pass runs at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.o.logger.info({ transport: this.o.transport.describe() }, 'handoff delivery started');
    this.schedule(0);
  }

  /** Stops polling and waits for a pass in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
    await this.chain;
  }

  /** Tells the worker a case was just enqueued: counts it and runs a pass soon. */
  notifyQueued(reference: string): void {
    this.hook('onQueued', { reference });
    this.nudge();
  }

  /** Runs a pass soon instead of waiting for the next poll. */
  nudge(): void {
    if (!this.running) return;
    if (this.ticking) {
      this.nudged = true;
      return;
    }
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Claims due entries and tries each once; never rejects. Passes of one worker run one after another. */
  runOnce(): Promise<RunResult> {
    const pass = this.chain.then(() => this.pass());
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  private schedule(ms: number): void {
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    let full = false;
    try {
      full = (await this.runOnce()).claimed >= this.o.batchSize;
    } catch (err) {
      this.o.logger.error({ errorCode: codeOf(err) }, 'handoff delivery pass failed');
    } finally {
      this.ticking = false;
    }
    // Stopped, or stopped and restarted meanwhile (then start() has already scheduled a pass).
    if (!this.running || this.timer !== null) return;
    // A full batch or a nudge during the pass means more may be due right now.
    const again = full || this.nudged;
    this.nudged = false;
    this.schedule(again ? 0 : this.o.pollIntervalMs);
  }

  private async pass(): Promise<RunResult> {
    const result: RunResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    let entries: OutboxEntry[];
    try {
      entries = await this.o.store.claimDue(this.o.clock(), this.o.batchSize, this.o.leaseMs);
    } catch (err) {
      this.o.logger.error({ errorCode: codeOf(err) }, 'handoff outbox could not be read');
      return result;
    }
    result.claimed = entries.length;
    for (const entry of entries) {
      const outcome = await this.deliver(entry);
      result[outcome] += 1;
    }
    return result;
  }

  private async deliver(entry: OutboxEntry): Promise<'sent' | 'retrying' | 'failed'> {
    const reference = entry.case.reference;
    try {
      await this.sendWithTimeout(this.compose(entry.case));
    } catch (err) {
      return this.recordFailure(entry, err);
    }
    const now = this.o.clock();
    try {
      await this.o.store.markSent(reference, now);
    } catch (err) {
      // The lease will expire and the case will be sent again; its Message-ID marks the duplicate.
      this.o.logger.error({ reference, errorCode: codeOf(err) }, 'handoff sent but not marked as sent');
    }
    const createdAt = Date.parse(entry.case.createdAt);
    this.hook('onSent', { reference, attempts: entry.attempts, latencyMs: Number.isNaN(createdAt) ? 0 : Math.max(0, now - createdAt) });
    this.o.logger.info({ reference, attempts: entry.attempts }, 'handoff sent');
    return 'sent';
  }

  private compose(c: HandoffCase): OutgoingMail {
    return composeMail(c, this.o.compose);
  }

  private async recordFailure(entry: OutboxEntry, err: unknown): Promise<'retrying' | 'failed'> {
    const reference = entry.case.reference;
    const rejected = err instanceof MailDeliveryError && err.permanent;
    const permanent = entry.attempts >= this.o.maxAttempts || (rejected && entry.attempts >= this.o.maxAttemptsOnReject);
    const now = this.o.clock();
    const next = permanent ? now : now + retryDelayMs(entry.attempts, this.o.baseDelayMs, this.o.maxDelayMs, this.o.random);
    const errorCode = codeOf(err);
    try {
      await this.o.store.markFailed(reference, describeError(err), next, permanent);
    } catch (storeErr) {
      // The lease expiry retries it anyway; nothing else to do here.
      this.o.logger.error({ reference, errorCode: codeOf(storeErr) }, 'handoff failure could not be recorded');
    }
    this.hook('onFailed', { reference, attempts: entry.attempts, permanent, errorCode });
    if (permanent) this.o.logger.error({ reference, attempts: entry.attempts, errorCode }, 'handoff given up');
    else this.o.logger.warn({ reference, attempts: entry.attempts, errorCode, retryInMs: next - now }, 'handoff delivery failed, will retry');
    return permanent ? 'failed' : 'retrying';
  }

  private async sendWithTimeout(mail: OutgoingMail): Promise<void> {
    let handle: unknown = null;
    const timeout = new Promise<never>((_, reject) => {
      handle = this.o.timers.setTimeout(
        () => reject(new MailDeliveryError(`Mail transport did not finish within ${this.o.sendTimeoutMs} ms`, false, { errorCode: 'ETIMEDOUT' })),
        this.o.sendTimeoutMs,
      );
    });
    try {
      await Promise.race([this.o.transport.send(mail), timeout]);
    } finally {
      this.o.timers.clearTimeout(handle);
    }
  }

  private hook<K extends keyof DeliveryHooks>(name: K, info: Parameters<NonNullable<DeliveryHooks[K]>>[0]): void {
    try {
      (this.o.hooks[name] as ((i: typeof info) => void) | undefined)?.(info);
    } catch (err) {
      this.o.logger.warn({ hook: name, errorCode: codeOf(err) }, 'handoff metrics hook threw');
    }
  }
}

function codeOf(err: unknown): string | undefined {
  if (err instanceof MailDeliveryError) return err.detail.errorCode ?? (err.detail.responseCode ? String(err.detail.responseCode) : err.code);
  const e = err as { code?: unknown; name?: unknown } | null;
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.name === 'string' ? e.name : undefined;
}

// Stored for operators in last_error, never logged; bounded so a chatty server cannot bloat the row.
function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
