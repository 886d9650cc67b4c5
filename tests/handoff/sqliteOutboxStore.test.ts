import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SqliteOutboxStore } from '../../src/handoff/sqliteOutboxStore.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCase } from './support/fixtures.js';
import { outboxStoreContract } from './support/outboxStoreContract.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'fl-outbox-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

outboxStoreContract('SqliteOutboxStore', async () => {
  const open: Database.Database[] = [];
  let n = 0;
  return {
    async fresh() {
      // A new file per test, opened twice: two connections as two bot processes would have.
      const file = join(root, `outbox-${++n}.db`);
      const dbs = [new Database(file), new Database(file)];
      for (const db of dbs) db.pragma('journal_mode = WAL');
      open.push(...dbs);
      return [new SqliteOutboxStore(dbs[0]!), new SqliteOutboxStore(dbs[1]!)];
    },
    async close() {
      for (const db of open) db.close();
    },
  };
});

describe('SqliteOutboxStore', () => {
  it('shares the bot state database without touching its table', async () => {
    const storage = new SqliteStorage(join(root, 'state.db'));
    await storage.write({ 'conv/1': { step: 2 } });
    const store = new SqliteOutboxStore(storage.db);
    const c = makeCase();
    await store.enqueue(c, 1_000);
    expect((await storage.read(['conv/1']))['conv/1']).toMatchObject({ step: 2 });
    expect((await store.get(c.reference))?.case).toEqual(c);
    // Opening a second time (a restart) keeps the queue.
    expect(await new SqliteOutboxStore(storage.db).get(c.reference)).not.toBeNull();
    storage.close();
  });

  it('lets separate processes on one file claim each case exactly once', async () => {
    // Node 20 cannot run TypeScript, so the store is compiled for the child processes first.
    const build = join(root, 'build');
    mkdirSync(build);
    writeFileSync(join(build, 'package.json'), '{"type":"module"}');
    symlinkSync(resolve('node_modules'), join(build, 'node_modules'));
    await run(resolve('node_modules/.bin/tsc'), [
      '--ignoreConfig', 'src/handoff/sqliteOutboxStore.ts', '--outDir', build, '--rootDir', 'src/handoff',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node',
    ]);
    const file = join(root, 'processes.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const seed = new SqliteOutboxStore(db);
    const refs = Array.from({ length: 2_000 }, (_, i) => `FL-2611-P${String(i).padStart(4, '0')}`);
    // enqueue runs synchronously underneath, so one transaction covers all inserts.
    db.transaction(() => refs.forEach((reference) => void seed.enqueue(makeCase({ reference }), 1_000)))();
    db.close();

    const storeModule = pathToFileURL(join(build, 'sqliteOutboxStore.js')).href;
    const startAt = String(Date.now() + 1_500);
    const outputs = await Promise.all(
      [1, 2, 3, 4].map(() => run(process.execPath, [resolve('tests/handoff/support/claimProcess.mjs'), storeModule, file, startAt])),
    );
    const perProcess = outputs.map((o) => JSON.parse(o.stdout) as string[]);
    const all = perProcess.flat();
    expect(all).toHaveLength(refs.length);
    expect(new Set(all).size).toBe(refs.length);
    // Otherwise one process drained the queue alone and nothing was tested.
    expect(perProcess.filter((p) => p.length > 0).length).toBeGreaterThan(1);
  });
});
