import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreItems } from 'botbuilder';
import type { AppStorage } from '../../src/storage/appStorage.js';
import { StorageConflictError } from '../../src/storage/storageErrors.js';

/** A fresh, empty storage whose clock is `now`. */
export type StorageFactory = (now: () => number) => Promise<AppStorage>;

const HOUR = 60 * 60 * 1000;

const hostileStrings: [string, string][] = [
  ['empty', ''],
  ['German umlauts', 'Förderprogramm für Städte: Größe, Maß, Übung'],
  ['emoji and ZWJ sequences', '👩‍👩‍👧‍👦 🇩🇪 🙂'],
  ['right-to-left text', 'مرحبا بالعالم עברית'],
  ['quotes and backslashes', `He said "hi" and 'bye' \\ \\" \``],
  ['a NUL character inside a string', 'before\u0000after'],
  ['control characters', '\u0001\u0007\b\f\n\r\t\u001b[31m'],
  ['SQL', "'; DROP TABLE bot_state; --"],
  ['HTML', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['lone surrogate', 'a\ud800b'],
  ['20k characters', 'x'.repeat(20_000)],
];

/** The behaviour every AppStorage must have; run it against each backend. */
export function storageContract(name: string, factory: StorageFactory): void {
  describe(`${name} (AppStorage contract)`, () => {
    let storage: AppStorage;
    let clock = 1_700_000_000_000;

    beforeEach(async () => {
      clock = 1_700_000_000_000;
      storage = await factory(() => clock);
    });
    afterEach(async () => {
      await storage.close();
    });

    async function readOne(key: string): Promise<Record<string, unknown>> {
      const item = (await storage.read([key]))[key];
      expect(item, `item ${key}`).toBeDefined();
      return item;
    }

    it('returns an empty object for keys that were never written', async () => {
      expect(await storage.read(['nope', 'also/nope'])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    it('reads back nested objects as written, plus an eTag', async () => {
      const doc = { profile: { name: 'Anna', tags: ['a', 'b'], nested: { deep: [1, { x: null }] } }, count: 3, ok: true };
      await storage.write({ 'conv/1': structuredClone(doc) });
      expect(await storage.read(['conv/1', 'missing'])).toEqual({ 'conv/1': { ...doc, eTag: expect.any(String) } });
    });

    it('sets the new eTag on the written object, equal to the one read back', async () => {
      const item: Record<string, unknown> = { v: 1 };
      await storage.write({ a: item });
      expect(typeof item.eTag).toBe('string');
      expect((item.eTag as string).length).toBeGreaterThan(0);
      expect((await readOne('a')).eTag).toBe(item.eTag);
    });

    describe('readChanged (conditional read)', () => {
      it('transfers only items whose eTag differs from the known one', async () => {
        const a: Record<string, unknown> = { v: 1 };
        const b: Record<string, unknown> = { v: 2 };
        await storage.write({ a, b });
        const r = await storage.readChanged({ a: String(a.eTag), b: 'some-other-etag', missing: undefined });
        expect([...r.unchanged]).toEqual(['a']);
        expect(r.items).toEqual({ b: { v: 2, eTag: b.eTag } });
      });

      it('transfers an item again once someone else wrote it', async () => {
        const mine: Record<string, unknown> = { v: 1 };
        await storage.write({ a: mine });
        await storage.write({ a: { v: 2, eTag: mine.eTag } });
        const r = await storage.readChanged({ a: String(mine.eTag) });
        expect(r.unchanged.size).toBe(0);
        expect(r.items.a).toMatchObject({ v: 2 });
        expect(r.items.a.eTag).not.toBe(mine.eTag);
      });

      it('reports a deleted item as missing, not as unchanged', async () => {
        const mine: Record<string, unknown> = { v: 1 };
        await storage.write({ a: mine });
        await storage.delete(['a']);
        const r = await storage.readChanged({ a: String(mine.eTag) });
        expect(r.unchanged.size).toBe(0);
        expect(r.items).toEqual({});
      });

      it('reads every key in full when no eTag is known', async () => {
        await storage.write({ a: { v: 1 }, b: { v: 2 } });
        const r = await storage.readChanged({ a: undefined, b: '' });
        expect(r.unchanged.size).toBe(0);
        expect(r.items).toEqual({ a: { v: 1, eTag: expect.any(String) }, b: { v: 2, eTag: expect.any(String) } });
        expect(await storage.readChanged({})).toEqual({ items: {}, unchanged: new Set() });
      });
    });

    it('gives every write a new eTag', async () => {
      await storage.write({ a: { v: 1 } });
      const first = await readOne('a');
      await storage.write({ a: { ...first, v: 2 } });
      const second = await readOne('a');
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('does not store the eTag inside the document', async () => {
      await storage.write({ a: { v: 1, eTag: '*' } });
      const item = await readOne('a');
      expect(Object.keys(item).sort()).toEqual(['eTag', 'v']);
    });

    it('accepts a write carrying the current eTag', async () => {
      await storage.write({ a: { v: 1 } });
      const current = await readOne('a');
      await storage.write({ a: { ...current, v: 2 } });
      expect((await readOne('a')).v).toBe(2);
    });

    it('rejects a write with a stale eTag with StorageConflictError and keeps the stored value', async () => {
      await storage.write({ a: { v: 1 } });
      const stale = await readOne('a');
      await storage.write({ a: { ...stale, v: 2 } });
      const error = await storage.write({ a: { ...stale, v: 3 } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageConflictError);
      expect((error as StorageConflictError).key).toBe('a');
      expect((await readOne('a')).v).toBe(2);
    });

    it("overwrites unconditionally with eTag '*' or without an eTag", async () => {
      await storage.write({ a: { v: 1 } });
      const stale = await readOne('a');
      await storage.write({ a: { ...stale, v: 2 } });
      await storage.write({ a: { v: 3, eTag: '*' } });
      expect((await readOne('a')).v).toBe(3);
      await storage.write({ a: { v: 4 } });
      expect((await readOne('a')).v).toBe(4);
    });

    it('inserts a key that does not exist yet even when the write carries an eTag', async () => {
      await storage.write({ fresh: { v: 1, eTag: 'some-old-etag' } });
      expect((await readOne('fresh')).v).toBe(1);
    });

    it('deletes items and ignores keys that do not exist', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'never-written']);
      expect(await storage.read(['a'])).toEqual({});
      expect((await readOne('b')).v).toBe(2);
    });

    it.each([
      ['first', ['a', 'b', 'c']],
      ['last', ['c', 'b', 'a']],
    ])('changes none of the keys of a write whose %s key conflicts', async (_, order) => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const staleA = await readOne('a');
      await storage.write({ a: { ...staleA, v: 2 } });
      const currentB = await readOne('b');
      const changes: StoreItems = {};
      for (const key of order) {
        if (key === 'a') changes.a = { ...staleA, v: 99 };
        if (key === 'b') changes.b = { ...currentB, v: 99 };
        if (key === 'c') changes.c = { v: 99 };
      }
      await expect(storage.write(changes)).rejects.toBeInstanceOf(StorageConflictError);
      const after = await storage.read(['a', 'b', 'c']);
      expect(after.a.v).toBe(2);
      expect(after.b.v).toBe(1);
      expect(after.b.eTag).toBe(currentB.eTag);
      expect(after.c).toBeUndefined();
    });

    it('writes several keys in one call', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
      const all = await storage.read(['a', 'b', 'c']);
      expect([all.a.v, all.b.v, all.c.v]).toEqual([1, 2, 3]);
    });

    it('lets exactly one of 20 concurrent writers with the same eTag win', async () => {
      await storage.write({ race: { v: -1 } });
      const base = await readOne('race');
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => storage.write({ race: { ...base, v: i } })),
      );
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StorageConflictError);
      }
      expect((await readOne('race')).v).toBe(winners[0]);
    });

    it('lists keys by prefix, treating LIKE wildcards literally', async () => {
      await storage.write({
        'user/1/profile': { v: 1 },
        'user/1/conv/9': { v: 1 },
        'user/10/profile': { v: 1 },
        'conv/user/1/x': { v: 1 },
        'a_%b': { v: 1 },
        abc: { v: 1 },
      });
      expect((await storage.keysWithPrefix('user/1/')).sort()).toEqual(['user/1/conv/9', 'user/1/profile']);
      expect((await storage.keysWithPrefix('a_%'))).toEqual(['a_%b']);
      expect(await storage.keysWithPrefix('zzz')).toEqual([]);
      expect((await storage.keysWithPrefix('')).length).toBe(6);
    });

    it('purges items not written for longer than the given age, and only those', async () => {
      await storage.write({ old: { v: 1 }, rewritten: { v: 1 } });
      clock += 10 * HOUR;
      await storage.write({ fresh: { v: 1 }, rewritten: { v: 2 } });
      clock += 1 * HOUR;
      expect(await storage.purgeOlderThan(5 * HOUR)).toBe(1);
      expect(Object.keys(await storage.read(['old', 'fresh', 'rewritten'])).sort()).toEqual(['fresh', 'rewritten']);
      expect(await storage.purgeOlderThan(5 * HOUR)).toBe(0);
      clock += 5 * HOUR;
      expect(await storage.purgeOlderThan(5 * HOUR)).toBe(2);
      expect(await storage.read(['fresh', 'rewritten'])).toEqual({});
    });

    it.each(hostileStrings)('round-trips %s in values and keys', async (_, text) => {
      // Keys are text columns: no NUL, and a lone surrogate cannot survive UTF-8 in either backend.
      const key = `k/${text.slice(0, 200).replace(/\u0000|\p{Cs}/gu, '')}`;
      const doc = { text, list: [text, { inner: text }], [`field ${text.slice(0, 50)}`]: 1 };
      await storage.write({ [key]: structuredClone(doc) });
      expect((await storage.read([key]))[key]).toEqual({ ...doc, eTag: expect.any(String) });
      expect(await storage.keysWithPrefix(key)).toEqual([key]);
    });
  });
}
