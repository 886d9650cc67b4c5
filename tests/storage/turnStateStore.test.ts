import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TurnStateStore } from '../../src/bot/conversationState.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { StorageConflictError } from '../../src/storage/storageErrors.js';

const CONV = 'conv/test/c1';
const USER = 'user/test/u1';

describe('TurnStateStore with its per-process cache (real SQLite file)', () => {
  let dir: string;
  let storage: SqliteStorage;
  let other: SqliteStorage;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'turnstate-'));
    storage = new SqliteStorage(join(dir, 'state.db'));
    // A second connection to the same file stands in for another process or instance.
    other = new SqliteStorage(join(dir, 'state.db'));
  });
  afterEach(() => {
    storage.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function turn(store: TurnStateStore, change: (d: Awaited<ReturnType<TurnStateStore['load']>>) => void): Promise<void> {
    const d = await store.load(CONV, USER);
    change(d);
    await store.save(d);
  }

  it('loads what it saved, equal to what a fresh store reads from the file', async () => {
    const store = new TurnStateStore(storage);
    await turn(store, (d) => {
      d.conv.programId = 'komma';
      d.conv.transcript.push({ from: 'user', text: 'Bis wann?', at: '2026-11-21T12:00:00.000Z' });
      d.user.profile = { state: 'Hessen', population: 8000 };
    });
    const cached = await store.load(CONV, USER);
    const fresh = await new TurnStateStore(other).load(CONV, USER);
    expect(cached.conv).toEqual(fresh.conv);
    expect(cached.user).toEqual(fresh.user);
    expect(cached.convEtag).toBe(fresh.convEtag);
    expect(cached.conv.programId).toBe('komma');
  });

  it("sees another instance's write instead of its own older copy", async () => {
    const a = new TurnStateStore(storage);
    const b = new TurnStateStore(other);
    await turn(a, (d) => (d.conv.programId = 'komma'));
    await turn(b, (d) => (d.conv.programId = 'wir-hessen'));
    const d = await a.load(CONV, USER);
    expect(d.conv.programId).toBe('wir-hessen');
    // And its save with that eTag succeeds (no stale eTag from the cache).
    d.conv.lastIntent = 'deadline';
    await a.save(d);
    expect((await b.load(CONV, USER)).conv.lastIntent).toBe('deadline');
  });

  it('does not keep the changes of a turn that failed before saving', async () => {
    const store = new TurnStateStore(storage);
    await turn(store, (d) => (d.conv.programId = 'komma'));
    const failed = await store.load(CONV, USER);
    failed.conv.programId = 'half-done';
    failed.conv.transcript.push({ from: 'user', text: 'lost', at: '2026-11-21T12:00:00.000Z' });
    // No save: the turn crashed.
    const next = await store.load(CONV, USER);
    expect(next.conv.programId).toBe('komma');
    expect(next.conv.transcript).toEqual([]);
  });

  it('after a write conflict the next load has the winning state', async () => {
    const a = new TurnStateStore(storage);
    const b = new TurnStateStore(other);
    await turn(a, (d) => (d.conv.programId = 'komma'));
    const mine = await a.load(CONV, USER);
    await turn(b, (d) => (d.conv.programId = 'bamf-zusammenhalt'));
    mine.conv.programId = 'loser';
    await expect(a.save(mine)).rejects.toBeInstanceOf(StorageConflictError);
    expect((await a.load(CONV, USER)).conv.programId).toBe('bamf-zusammenhalt');
  });

  it('starts over when the items were deleted meanwhile ("Meine Daten löschen" elsewhere)', async () => {
    const store = new TurnStateStore(storage);
    await turn(store, (d) => {
      d.conv.programId = 'komma';
      d.user.profile = { state: 'Hessen' };
    });
    await other.delete([CONV, USER]);
    const d = await store.load(CONV, USER);
    expect(d.conv.programId).toBeUndefined();
    expect(d.user.profile).toBeUndefined();
    expect(d.convEtag).toBeUndefined();
  });

  it('writes the user item only when the turn changed it', async () => {
    const store = new TurnStateStore(storage);
    await turn(store, (d) => (d.user.profile = { state: 'Hessen' }));
    const before = (await other.read([USER]))[USER].eTag;
    await turn(store, (d) => (d.conv.lastIntent = 'deadline'));
    expect((await other.read([USER]))[USER].eTag).toBe(before);
    await turn(store, (d) => (d.user.profile = { state: 'Bayern' }));
    expect((await other.read([USER]))[USER]).toMatchObject({ profile: { state: 'Bayern' } });
  });

  it('keeps the dialog stack as the storage holds it (plain JSON), not as live objects', async () => {
    const store = new TurnStateStore(storage);
    const when = new Date('2026-11-21T12:00:00Z');
    await turn(store, (d) => (d.conv.dialogState = { dialogStack: [{ id: 'check', state: { since: when } }] }));
    const cached = await store.load(CONV, USER);
    expect(cached.conv.dialogState).toEqual({ dialogStack: [{ id: 'check', state: { since: when.toISOString() } }] });
  });

  it('forgets the least recently used conversations beyond its size', async () => {
    const store = new TurnStateStore(storage, 4);
    for (let i = 0; i < 5; i++) {
      const d = await store.load(`conv/test/c${i}`, USER);
      d.conv.lastQuestion = `q${i}`;
      await store.save(d);
    }
    // Still correct for an evicted one: it is read from the file.
    expect((await store.load('conv/test/c0', USER)).conv.lastQuestion).toBe('q0');
  });
});
