import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveryWorker, retryDelayMs, type DeliveryWorkerOptions, type WorkerTimers } from '../../src/handoff/deliveryWorker.js';
import { MailDeliveryError } from '../../src/handoff/handoffErrors.js';
import { HandoffService } from '../../src/handoff/handoffService.js';
import type { MailTransport, OutgoingMail } from '../../src/handoff/mailTransport.js';
import type { OutboxStore } from '../../src/handoff/outboxStore.js';
import { SqliteOutboxStore } from '../../src/handoff/sqliteOutboxStore.js';
import { makeCase, recordingLogger } from './support/fixtures.js';

/** Transport that fails with the queued errors first, then records what it is given. */
class ScriptedTransport implements MailTransport {
  readonly sent: OutgoingMail[] = [];
  constructor(readonly failures: unknown[] = []) {}
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failures.length) throw this.failures.shift();
    this.sent.push(mail);
  }
  describe(): string {
    return 'scripted';
  }
}

function manualTimers(): WorkerTimers & { pending: Map<number, { fn: () => void; ms: number }>; fire(ms: number): void } {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let id = 0;
  return {
    pending,
    setTimeout(fn, ms) {
      pending.set(++id, { fn, ms });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    fire(ms) {
      const due = [...pending.entries()].filter(([, t]) => t.ms === ms);
      expect(due, `one timer of ${ms} ms`).toHaveLength(1);
      pending.delete(due[0]![0]);
      due[0]![1].fn();
    },
  };
}

const dbs: Database.Database[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});

function setup(options: Partial<DeliveryWorkerOptions> & { failures?: unknown[] } = {}) {
  const db = new Database(':memory:');
  dbs.push(db);
  const store = new SqliteOutboxStore(db);
  const transport = new ScriptedTransport(options.failures);
  const logger = recordingLogger();
  let now = Date.parse('2026-11-26T13:05:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const worker = new DeliveryWorker({
    store,
    transport,
    logger,
    compose: { from: 'foerderlotse@imap-institut.de' },
    clock: clock.now,
    random: () => 0.5,
    ...options,
  });
  return { store, transport, logger, clock, worker };
}

const refused = () => new MailDeliveryError('connect ECONNREFUSED 127.0.0.1:1', false, { errorCode: 'ESOCKET' });

describe('retryDelayMs', () => {
  it('doubles per attempt, jitters between half and all of it, and stops at the cap', () => {
    expect(retryDelayMs(1, 30_000, 3_600_000, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, 30_000, 3_600_000, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, 30_000, 3_600_000, () => 1)).toBe(120_000);
    expect(retryDelayMs(8, 30_000, 3_600_000, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(500, 30_000, 3_600_000, () => 0.999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(500, 30_000, 3_600_000, () => 0)).toBe(1_800_000);
  });
});

describe('DeliveryWorker', () => {
  it('sends a due case once and marks it sent', async () => {
    const { store, transport, worker } = setup();
    const c = makeCase();
    await store.enqueue(c, 0);
    expect(await worker.runOnce()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(await worker.runOnce()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(transport.sent.map((m) => m.headers['X-Foerderlotse-Reference'])).toEqual([c.reference]);
    expect(await store.get(c.reference)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('backs off after a failure, then delivers when the time has come', async () => {
    const onFailed = vi.fn();
    const { store, transport, worker, clock } = setup({ failures: [refused()], hooks: { onFailed } });
    const c = makeCase();
    await store.enqueue(c, 0);
    expect((await worker.runOnce()).retrying).toBe(1);
    const entry = await store.get(c.reference);
    // attempt 1, base 30 s, random 0.5 → three quarters of 30 s.
    expect(entry).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: clock.now() + 22_500 });
    expect(entry?.lastError).toContain('ECONNREFUSED');
    expect(onFailed).toHaveBeenCalledWith({ reference: c.reference, attempts: 1, permanent: false, errorCode: 'ESOCKET' });
    clock.advance(22_499);
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(transport.sent).toHaveLength(1);
  });

  it('gives up after maxAttempts', async () => {
    const { store, transport, worker, clock } = setup({ failures: Array.from({ length: 10 }, refused), maxAttempts: 3 });
    const c = makeCase();
    await store.enqueue(c, 0);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      await worker.runOnce();
      statuses.push((await store.get(c.reference))!.status);
      clock.advance(2 * 3_600_000);
    }
    expect(statuses).toEqual(['queued', 'queued', 'failed', 'failed', 'failed']);
    expect(transport.failures).toHaveLength(7);
  });

  it('gives up sooner when the server rejects the mail permanently', async () => {
    const reject = () => new MailDeliveryError('550 5.1.1 mailbox unavailable', true, { errorCode: 'EENVELOPE', responseCode: 550 });
    const { store, worker, clock } = setup({ failures: Array.from({ length: 5 }, reject), maxAttemptsOnReject: 2 });
    const c = makeCase();
    await store.enqueue(c, 0);
    expect((await worker.runOnce()).retrying).toBe(1);
    clock.advance(3_600_000);
    expect((await worker.runOnce()).failed).toBe(1);
    expect(await store.get(c.reference)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('logs references but no personal data', async () => {
    const { store, worker, logger, clock } = setup({ failures: [refused()] });
    const c = makeCase({ userKey: 'u-secret-hash' });
    await store.enqueue(c, 0);
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain(c.reference);
    for (const secret of [c.userKey, c.replyTo!, c.question, 'Musterstadt', c.transcript[0]!.text, 'ECONNREFUSED']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('never rejects, even when the store or a hook throws', async () => {
    const fail = async (): Promise<never> => {
      throw new Error('disk I/O error');
    };
    const broken: OutboxStore = {
      enqueue: fail,
      claimDue: fail,
      markSent: fail,
      markFailed: fail,
      get: fail,
      listByUser: fail,
      deleteUnsentByUser: fail,
      purgeOlderThan: fail,
    };
    const logger = recordingLogger();
    const worker = new DeliveryWorker({ store: broken, transport: new ScriptedTransport(), logger, compose: { from: 'a@b.de' } });
    await expect(worker.runOnce()).resolves.toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(logger.lines.map((l) => l.level)).toEqual(['error']);

    const { store, worker: w2, logger: l2 } = setup({
      hooks: {
        onSent: () => {
          throw new Error('metrics down');
        },
      },
    });
    const c = makeCase();
    await store.enqueue(c, 0);
    await expect(w2.runOnce()).resolves.toMatchObject({ sent: 1 });
    expect((await store.get(c.reference))?.status).toBe('sent');
    expect(l2.lines.some((l) => l.level === 'warn' && l.fields.hook === 'onSent')).toBe(true);
  });

  it('treats a send that hangs past sendTimeoutMs as a failed attempt', async () => {
    const { store, worker } = setup({
      transport: { send: () => new Promise<void>(() => undefined), describe: () => 'black hole' },
      sendTimeoutMs: 50,
    });
    const c = makeCase();
    await store.enqueue(c, 0);
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 });
    expect((await store.get(c.reference))?.lastError).toMatch(/did not finish within 50 ms/);
  });

  it('polls on its timer, runs at once when nudged, and stops cleanly', async () => {
    const timers = manualTimers();
    const onQueued = vi.fn();
    const { store, transport, worker, clock } = setup({ timers, pollIntervalMs: 5_000, hooks: { onQueued } });
    // The service stamps the case with the same clock the worker reads, or the case is due only in the worker's future.
    const service = new HandoffService({ store, worker, clock: clock.now });

    worker.start();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([0]);
    timers.fire(0);
    await vi.waitFor(() => expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5_000]));

    const c = makeCase();
    await service.submit(c);
    expect(onQueued).toHaveBeenCalledWith({ reference: c.reference });
    // The nudge replaced the 5 s poll with an immediate pass.
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([0]);
    timers.fire(0);
    await vi.waitFor(() => expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5_000]));
    expect(transport.sent).toHaveLength(1);

    await worker.stop();
    expect(timers.pending.size).toBe(0);
    worker.nudge();
    expect(timers.pending.size).toBe(0);
    worker.start();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([0]);
    await worker.stop();
  });
});
