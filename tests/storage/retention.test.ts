import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import type { AppStorage } from '../../src/storage/appStorage.js';
import { startRetention } from '../../src/storage/retention.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';

const DAY = 24 * 60 * 60 * 1000;

/** Records purge calls; each call's result can be held back to simulate a slow purge. */
class FakeStorage implements AppStorage {
  calls: number[] = [];
  results: (number | Error)[] = [];
  gate: Promise<void> | null = null;
  async read(): Promise<StoreItems> {
    return {};
  }
  async readChanged() {
    return { items: {}, unchanged: new Set<string>() };
  }
  async write(): Promise<void> {}
  async delete(): Promise<void> {}
  async keysWithPrefix(): Promise<string[]> {
    return [];
  }
  async purgeOlderThan(maxAgeMs: number): Promise<number> {
    this.calls.push(maxAgeMs);
    if (this.gate) await this.gate;
    const r = this.results.shift() ?? 0;
    if (r instanceof Error) throw r;
    return r;
  }
  close(): void {}
}

describe('startRetention', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('purges once at start with the retention converted to milliseconds', async () => {
    const storage = new FakeStorage();
    storage.results = [7];
    const purged: number[] = [];
    const stop = startRetention(storage, 30, { onPurged: (n) => purged.push(n) });
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.calls).toEqual([30 * DAY]);
    expect(purged).toEqual([7]);
    await stop();
  });

  it('purges again every interval and stops when told', async () => {
    const storage = new FakeStorage();
    const stop = startRetention(storage, 1, { intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(3_500);
    expect(storage.calls).toHaveLength(4);
    await stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(storage.calls).toHaveLength(4);
  });

  it('never runs two purges at once when a purge outlasts the interval', async () => {
    const storage = new FakeStorage();
    let open!: () => void;
    storage.gate = new Promise<void>((r) => (open = r));
    const stop = startRetention(storage, 1, { intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(storage.calls).toHaveLength(1);
    storage.gate = null;
    open();
    await vi.advanceTimersByTimeAsync(100);
    expect(storage.calls).toHaveLength(2);
    await stop();
  });

  it('reports a failed purge and keeps the schedule', async () => {
    const storage = new FakeStorage();
    storage.results = [new Error('db down'), 3];
    const errors: unknown[] = [];
    const purged: number[] = [];
    const stop = startRetention(storage, 1, { intervalMs: 1_000, onError: (e) => errors.push(e), onPurged: (n) => purged.push(n) });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('db down');
    expect(purged).toEqual([3]);
    await stop();
  });

  it('waits in stop() for a purge that is still running', async () => {
    const storage = new FakeStorage();
    let open!: () => void;
    storage.gate = new Promise<void>((r) => (open = r));
    const stop = startRetention(storage, 1);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect(stopped).toBe(true);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s retention days', (days) => {
    expect(() => startRetention(new FakeStorage(), days)).toThrow();
  });
});

describe('startRetention with real timers', () => {
  const refedTimeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  it('schedules the next purge without keeping the process alive', async () => {
    const before = refedTimeouts();
    let purgedOnce!: () => void;
    const purged = new Promise<void>((r) => (purgedOnce = r));
    const stop = startRetention(new FakeStorage(), 1, { intervalMs: 60_000, onPurged: () => purgedOnce() });
    await purged;
    // Let the .then that schedules the next purge run.
    await new Promise((r) => setImmediate(r));
    expect(refedTimeouts()).toBe(before);
    await stop();
  });

  it('deletes what is older than the retention and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-retention-'));
    let clock = Date.UTC(2026, 0, 1);
    const storage = new SqliteStorage(join(dir, 'state.db'), () => clock);
    try {
      await storage.write({ old: { v: 1 } });
      clock += 20 * DAY;
      await storage.write({ recent: { v: 1 } });
      clock += 15 * DAY;
      let resolvePurged!: (n: number) => void;
      const purged = new Promise<number>((r) => (resolvePurged = r));
      const stop = startRetention(storage, 30, { onPurged: resolvePurged });
      expect(await purged).toBe(1);
      await stop();
      expect(Object.keys(await storage.read(['old', 'recent']))).toEqual(['recent']);
    } finally {
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
