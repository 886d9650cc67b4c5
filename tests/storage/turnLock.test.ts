import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import {
  InProcessTurnLock,
  PostgresTurnLock,
  TurnLockTimeoutError,
  createTurnLock,
} from '../../src/storage/turnLock.js';
import { skipPostgres, startPostgres, type TestPostgres } from '../support/postgres.js';
import { deferred, overlapProbe, turnLockContract, within } from './turnLockContract.js';

turnLockContract('InProcessTurnLock', (waitMs) => new InProcessTurnLock({ waitMs }));

describe('InProcessTurnLock', () => {
  it('runs turns of one key in arrival order', async () => {
    const lock = new InProcessTurnLock();
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        lock.run('k', async () => {
          await new Promise((r) => setTimeout(r, 5 - i));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('forgets a key once its queue is empty, also after errors and timeouts', async () => {
    const lock = new InProcessTurnLock({ waitMs: 50 });
    const hold = deferred();
    const holder = lock.run('a', () => hold.promise);
    // Observed at once, so the rejections are never unhandled while the other turns run.
    const timedOut = lock.run('a', async () => undefined).then(() => null, (e: unknown) => e);
    const failing = lock.run('b', async () => Promise.reject(new Error('x'))).then(() => null, (e: unknown) => e);
    await Promise.all(Array.from({ length: 50 }, (_, i) => lock.run(`c${i % 5}`, async () => i)));
    expect(await timedOut).toBeInstanceOf(TurnLockTimeoutError);
    expect(await failing).toEqual(new Error('x'));
    expect(lock.activeKeys).toBe(1);
    hold.resolve();
    await holder;
    // The map entry is dropped in a .then after the last turn; let that microtask run.
    await new Promise((r) => setImmediate(r));
    expect(lock.activeKeys).toBe(0);
  });

  it('rejects a wait bound that is not a positive integer', () => {
    expect(() => new InProcessTurnLock({ waitMs: 0 })).toThrow();
    expect(() => new InProcessTurnLock({ waitMs: 1.5 })).toThrow();
  });
});

describe('createTurnLock', () => {
  it.each(['', 'sqlite:', '/var/lib/state.db'])('uses the in-process lock for %j', async (url) => {
    const lock = createTurnLock(url);
    expect(lock).toBeInstanceOf(InProcessTurnLock);
    await lock.close();
  });

  it('rejects an unsupported STORAGE_URL', () => {
    expect(() => createTurnLock('mysql://db/bot')).toThrow(/STORAGE_URL/);
  });
});

describe.skipIf(skipPostgres)('on a real PostgreSQL server', () => {
  let server: TestPostgres | undefined;
  const url = () => {
    if (!server) throw new Error('PostgreSQL test server did not start');
    return server.url;
  };
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  turnLockContract('PostgresTurnLock', (waitMs) => new PostgresTurnLock(url(), { waitMs }));

  describe('PostgresTurnLock across instances', () => {
    // Two locks = two pools = two bot instances sharing one database.
    let one: PostgresTurnLock;
    let two: PostgresTurnLock;
    let observer: Client;

    beforeAll(async () => {
      observer = new Client({ connectionString: url() });
      await observer.connect();
    });
    afterAll(async () => {
      await observer?.end();
    });
    afterEach(async () => {
      await one?.close();
      await two?.close();
    });

    async function advisoryLocksHeld(): Promise<number> {
      const res = await observer.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted");
      return res.rows[0].n as number;
    }

    it('keeps a second instance out while the first holds the key', async () => {
      one = new PostgresTurnLock(url(), { waitMs: 10_000 });
      two = new PostgresTurnLock(url(), { waitMs: 200 });
      const hold = deferred();
      const entered = deferred();
      const holder = one.run('conv-1', async () => {
        entered.resolve();
        await hold.promise;
      });
      await entered.promise;
      expect(await advisoryLocksHeld()).toBe(1);
      await expect(two.run('conv-1', async () => 'should not run')).rejects.toBeInstanceOf(TurnLockTimeoutError);
      // A different key is not blocked by the held one.
      await expect(two.run('conv-2', async () => 'other key')).resolves.toBe('other key');
      hold.resolve();
      await holder;
      await expect(two.run('conv-1', async () => 'now free')).resolves.toBe('now free');
      expect(await advisoryLocksHeld()).toBe(0);
    });

    it('hands the key to the waiting instance as soon as the holder finishes', async () => {
      one = new PostgresTurnLock(url(), { waitMs: 10_000 });
      two = new PostgresTurnLock(url(), { waitMs: 10_000 });
      const hold = deferred();
      const entered = deferred();
      let holderDone = false;
      const holder = one.run('conv-1', async () => {
        entered.resolve();
        await hold.promise;
        holderDone = true;
      });
      await entered.promise;
      const waiter = two.run('conv-1', async () => holderDone);
      hold.resolve();
      await holder;
      await expect(within(waiter, 5_000, 'the waiting instance getting the key')).resolves.toBe(true);
    });

    it('never lets turns of one key overlap across instances', async () => {
      one = new PostgresTurnLock(url());
      two = new PostgresTurnLock(url());
      const probe = overlapProbe();
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).run('conv-1', () => probe.task(i))));
      expect(probe.maxActive).toBe(1);
      expect(await advisoryLocksHeld()).toBe(0);
    });

    it('unlocks after fn throws, so the other instance gets the key', async () => {
      one = new PostgresTurnLock(url());
      two = new PostgresTurnLock(url(), { waitMs: 2_000 });
      await expect(one.run('conv-1', async () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
      expect(await advisoryLocksHeld()).toBe(0);
      await expect(two.run('conv-1', async () => 'ok')).resolves.toBe('ok');
    });

    it('uses one connection per key per instance, however many turns queue', async () => {
      one = new PostgresTurnLock(url(), { maxConnections: 1 });
      const probe = overlapProbe();
      // With a pool of one, a second connection for the same key would wait for the first forever.
      await within(
        Promise.all(Array.from({ length: 10 }, (_, i) => one.run('conv-1', () => probe.task(i)))),
        10_000,
        'ten queued turns on a one-connection pool',
      );
      expect(probe.maxActive).toBe(1);
    });

    it('times out a turn waiting for a pooled connection within the same bound', async () => {
      one = new PostgresTurnLock(url(), { maxConnections: 1, waitMs: 200 });
      const hold = deferred();
      const entered = deferred();
      const holder = one.run('conv-1', async () => {
        entered.resolve();
        await hold.promise;
      });
      await entered.promise;
      await expect(one.run('conv-2', async () => 'no connection')).rejects.toBeInstanceOf(TurnLockTimeoutError);
      hold.resolve();
      await holder;
      await expect(one.run('conv-2', async () => 'connection free')).resolves.toBe('connection free');
    });

    it('uses PostgreSQL advisory locks for postgres:// STORAGE_URLs', async () => {
      const lock = createTurnLock(url());
      expect(lock).toBeInstanceOf(PostgresTurnLock);
      await expect(lock.run('k', async () => 1)).resolves.toBe(1);
      await lock.close();
    });
  });
});
