import { afterEach, describe, expect, it } from 'vitest';
import { TurnLockTimeoutError, type TurnLock } from '../../src/storage/turnLock.js';

/** A fresh TurnLock whose wait bound is waitMs. */
export type TurnLockFactory = (waitMs: number) => TurnLock;

/** A promise with its resolver, to hold a lock exactly as long as a test wants. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Rejects if p has not settled within ms; turns a would-be deadlock into a failing assertion. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms).unref()),
  ]);
}

/** Counts how many fns run at once under a lock; maxActive must stay 1 for one key. */
export function overlapProbe() {
  const probe = {
    active: 0,
    maxActive: 0,
    async task<T>(value: T): Promise<T> {
      probe.active++;
      probe.maxActive = Math.max(probe.maxActive, probe.active);
      // Yield to the event loop (and to the other instance's queries) while "inside" the turn.
      await new Promise((r) => setTimeout(r, 2));
      probe.active--;
      return value;
    },
  };
  return probe;
}

/** The behaviour every TurnLock must have; run it against each implementation. */
export function turnLockContract(name: string, factory: TurnLockFactory): void {
  describe(`${name} (TurnLock contract)`, () => {
    const opened: TurnLock[] = [];
    const make = (waitMs = 10_000) => {
      const lock = factory(waitMs);
      opened.push(lock);
      return lock;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((l) => l.close()));
    });

    it('runs turns of the same key one at a time', async () => {
      const lock = make();
      const probe = overlapProbe();
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => lock.run('conv-1', () => probe.task(i))));
      expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
      expect(probe.maxActive).toBe(1);
    });

    it('runs turns of different keys in parallel', async () => {
      const lock = make();
      const aStarted = deferred();
      const bStarted = deferred();
      // Each turn waits for the other to have started: only possible if they overlap.
      const a = lock.run('conv-a', async () => {
        aStarted.resolve();
        await within(bStarted.promise, 5_000, 'turn b starting while a runs');
      });
      const b = lock.run('conv-b', async () => {
        bStarted.resolve();
        await within(aStarted.promise, 5_000, 'turn a starting while b runs');
      });
      await expect(Promise.all([a, b])).resolves.toBeDefined();
    });

    it('passes the result and the error of fn through', async () => {
      const lock = make();
      await expect(lock.run('k', async () => 42)).resolves.toBe(42);
      await expect(lock.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    });

    it('releases the key after fn throws', async () => {
      const lock = make();
      const failing = lock.run('k', async () => {
        throw new Error('turn failed');
      });
      const next = lock.run('k', async () => 'next ran');
      await expect(failing).rejects.toThrow('turn failed');
      await expect(within(next, 5_000, 'the next turn')).resolves.toBe('next ran');
    });

    it('gives up with TurnLockTimeoutError after the wait bound, without running fn', async () => {
      const lock = make(150);
      const hold = deferred();
      const holder = lock.run('k', () => hold.promise);
      let ran = false;
      const started = Date.now();
      const error = await lock
        .run('k', async () => {
          ran = true;
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(TurnLockTimeoutError);
      expect((error as TurnLockTimeoutError).key).toBe('k');
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(ran).toBe(false);
      hold.resolve();
      await holder;
      await expect(within(lock.run('k', async () => 'after'), 5_000, 'a turn after the timeout')).resolves.toBe('after');
      expect(ran).toBe(false);
    });

    it('keeps later turns behind the holder when a waiter in between timed out', async () => {
      const lock = make(150);
      const hold = deferred();
      let holderDone = false;
      const holder = lock.run('k', async () => {
        await hold.promise;
        holderDone = true;
      });
      const timedOut = lock.run('k', async () => 'never');
      await expect(timedOut).rejects.toBeInstanceOf(TurnLockTimeoutError);
      // Queued after the timeout: must still wait for the holder, not slip in.
      const later = lock.run('k', async () => holderDone);
      hold.resolve();
      await holder;
      await expect(later).resolves.toBe(true);
    });
  });
}
