import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createStorage } from '../../src/storage/createStorage.js';
import { PostgresStorage } from '../../src/storage/postgresStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { StorageConflictError } from '../../src/storage/storageErrors.js';
import { skipPostgres, startPostgres, type TestPostgres } from '../support/postgres.js';
import { storageContract } from './storageContract.js';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

storageContract('SqliteStorage', async (now) => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-sqlite-'));
  tempDirs.push(dir);
  return new SqliteStorage(join(dir, 'state.db'), now);
});

describe.skipIf(skipPostgres)('on a real PostgreSQL server', () => {
  let server: TestPostgres | undefined;
  let tables = 0;
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

  // One table per storage keeps the tests independent without a database per test.
  storageContract('PostgresStorage', (now) => PostgresStorage.open(url(), { table: `bot_state_${++tables}`, now }));

  describe('PostgresStorage with several instances', () => {
    it('migrates the same table from several instances starting at once', async () => {
      const table = `bot_state_shared_${++tables}`;
      const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStorage.open(url(), { table })));
      await stores[0].write({ a: { v: 1 } });
      expect((await stores[4].read(['a'])).a.v).toBe(1);
      await Promise.all(stores.map((s) => s.close()));
    });

    it("rejects one instance's stale write after another instance wrote", async () => {
      const table = `bot_state_shared_${++tables}`;
      const one = await PostgresStorage.open(url(), { table });
      const two = await PostgresStorage.open(url(), { table });
      await one.write({ conv: { turn: 1 } });
      const seenByOne = (await one.read(['conv'])).conv;
      const seenByTwo = (await two.read(['conv'])).conv;
      await two.write({ conv: { ...seenByTwo, turn: 2 } });
      await expect(one.write({ conv: { ...seenByOne, turn: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
      expect((await one.read(['conv'])).conv.turn).toBe(2);
      await one.close();
      await two.close();
    });

    it('leaves the eTags of a failed multi-key write untouched', async () => {
      const store = await PostgresStorage.open(url(), { table: `bot_state_${++tables}` });
      await store.write({ a: { v: 1 }, b: { v: 1 } });
      const stale = (await store.read(['b'])).b;
      await store.write({ b: { ...stale, v: 2 } });
      const a = { v: 3 } as Record<string, unknown>;
      await expect(store.write({ a, b: { ...stale, v: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
      expect(a.eTag).toBeUndefined();
      await store.close();
    });

    it('stores updated_at as a timestamp an operator can query', async () => {
      const table = `bot_state_${++tables}`;
      const store = await PostgresStorage.open(url(), { table, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) });
      await store.write({ a: { v: 1 } });
      const client = new Client({ connectionString: url() });
      await client.connect();
      const res = await client.query(`SELECT updated_at FROM ${table} WHERE key = 'a'`);
      await client.end();
      expect((res.rows[0].updated_at as Date).toISOString()).toBe('2026-01-02T03:04:05.000Z');
      await store.close();
    });
  });

  describe('createStorage', () => {
    it.each(['postgres', 'postgresql'])('opens PostgresStorage for %s:// URLs', async (scheme) => {
      const storage = await createStorage(url().replace(/^postgres/, scheme), '/nonexistent-data-dir');
      expect(storage).toBeInstanceOf(PostgresStorage);
      await storage.write({ a: { v: 1 } });
      expect((await storage.read(['a'])).a.v).toBe(1);
      await storage.close();
    });
  });
});
