import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStore } from '../../../src/handoff/outboxStore.js';
import { makeCase } from './fixtures.js';

/** Two store instances on one database (two connections), emptied for each test. */
export interface OutboxStoreHarness {
  fresh(): Promise<[OutboxStore, OutboxStore]>;
  close(): Promise<void>;
}

const LEASE = 60_000;

/** The behaviour every OutboxStore must have; run once per implementation. */
export function outboxStoreContract(name: string, open: () => Promise<OutboxStoreHarness>, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip ?? false)(`${name} (OutboxStore contract)`, () => {
    let harness: OutboxStoreHarness | undefined;
    beforeAll(async () => {
      harness = await open();
    });
    afterAll(async () => {
      await harness?.close();
    });
    const fresh = () => harness!.fresh();

    it('keeps the first case when a reference is enqueued twice', async () => {
      const [store] = await fresh();
      const c = makeCase();
      await store.enqueue(c, 1_000);
      await store.enqueue({ ...c, question: 'zweite Fassung' }, 2_000);
      const entry = await store.get(c.reference);
      expect(entry).toEqual({ case: c, status: 'queued', attempts: 0, nextAttemptAt: 1_000, lastError: null, sentAt: null });
      expect(await store.listByUser(c.userKey)).toHaveLength(1);
      expect(await store.get('FL-0000-NOPE0')).toBeNull();
    });

    it('round-trips every field of a case, including non-ASCII text', async () => {
      const [a, b] = await fresh();
      const c = makeCase({ question: 'Ümlaut, emoji 🌡️, RTL שלום, "quotes" and \\ backslash', profile: null, replyTo: null });
      await a.enqueue(c, 1_000);
      expect((await b.get(c.reference))?.case).toEqual(c);
    });

    it('claims only due entries, oldest first, up to the limit', async () => {
      const [store] = await fresh();
      const cases = [1, 2, 3, 4, 5].map(() => makeCase());
      for (const [i, c] of cases.entries()) await store.enqueue(c, 1_000 + i);
      expect(await store.claimDue(999, 10, LEASE)).toEqual([]);
      const first = await store.claimDue(1_010, 2, LEASE);
      expect(first.map((e) => e.case.reference)).toEqual([cases[0]!.reference, cases[1]!.reference]);
      expect(first[0]).toMatchObject({ status: 'sending', attempts: 1, nextAttemptAt: 1_010 + LEASE });
      expect((await store.claimDue(1_010, 10, LEASE)).map((e) => e.case.reference)).toEqual(cases.slice(2).map((c) => c.reference));
      expect(await store.claimDue(1_010, 10, LEASE)).toEqual([]);
    });

    it('hides a claimed entry from every worker until its lease expires', async () => {
      const [a, b] = await fresh();
      const c = makeCase();
      await a.enqueue(c, 1_000);
      expect(await a.claimDue(1_000, 10, LEASE)).toHaveLength(1);
      expect(await a.claimDue(1_000 + LEASE - 1, 10, LEASE)).toEqual([]);
      expect(await b.claimDue(1_000 + LEASE - 1, 10, LEASE)).toEqual([]);
      expect((await b.get(c.reference))?.status).toBe('sending');
      const again = await b.claimDue(1_000 + LEASE, 10, LEASE);
      expect(again).toHaveLength(1);
      expect(again[0]).toMatchObject({ status: 'sending', attempts: 2, nextAttemptAt: 1_000 + 2 * LEASE });
    });

    it('lets concurrent claimers on two connections claim each case exactly once', async () => {
      const [a, b] = await fresh();
      const cases = Array.from({ length: 150 }, () => makeCase());
      for (const c of cases) await a.enqueue(c, 1_000);
      const claimedBy = new Map<string, number>();
      const claimer = async (store: OutboxStore) => {
        for (;;) {
          const got = await store.claimDue(2_000, 3, LEASE);
          if (!got.length) return;
          for (const e of got) claimedBy.set(e.case.reference, (claimedBy.get(e.case.reference) ?? 0) + 1);
        }
      };
      await Promise.all([a, b, a, b, a, b, a, b].map(claimer));
      expect(claimedBy.size).toBe(150);
      expect([...claimedBy.values()].every((n) => n === 1)).toBe(true);
    });

    it('marks an entry sent so it is never claimed again', async () => {
      const [a, b] = await fresh();
      const c = makeCase();
      await a.enqueue(c, 1_000);
      await a.claimDue(1_000, 10, LEASE);
      await a.markSent(c.reference, 1_500);
      expect(await b.get(c.reference)).toMatchObject({ status: 'sent', sentAt: 1_500, attempts: 1 });
      expect(await b.claimDue(10 * LEASE, 10, LEASE)).toEqual([]);
    });

    it('requeues a retryable failure for its backoff time and keeps the error', async () => {
      const [a, b] = await fresh();
      const c = makeCase();
      await a.enqueue(c, 1_000);
      await a.claimDue(1_000, 10, LEASE);
      await a.markFailed(c.reference, 'ESOCKET: connect ECONNREFUSED', 6_000, false);
      expect(await b.get(c.reference)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: 6_000, lastError: 'ESOCKET: connect ECONNREFUSED' });
      expect(await b.claimDue(5_999, 10, LEASE)).toEqual([]);
      const retry = await b.claimDue(6_000, 10, LEASE);
      expect(retry).toHaveLength(1);
      expect(retry[0]).toMatchObject({ attempts: 2, lastError: 'ESOCKET: connect ECONNREFUSED' });
    });

    it('never claims a permanently failed entry again', async () => {
      const [store] = await fresh();
      const c = makeCase();
      await store.enqueue(c, 1_000);
      await store.claimDue(1_000, 10, LEASE);
      await store.markFailed(c.reference, '550 no such user', 1_000, true);
      expect(await store.get(c.reference)).toMatchObject({ status: 'failed', lastError: '550 no such user' });
      expect(await store.claimDue(100 * LEASE, 10, LEASE)).toEqual([]);
    });

    it('ignores a late failure report for an entry another worker already sent', async () => {
      const [a, b] = await fresh();
      const c = makeCase();
      await a.enqueue(c, 1_000);
      await a.claimDue(1_000, 10, LEASE);
      await b.claimDue(1_000 + LEASE, 10, LEASE);
      await b.markSent(c.reference, 1_000 + LEASE + 1);
      await a.markFailed(c.reference, 'ETIMEDOUT', 9_999_999, false);
      expect(await a.get(c.reference)).toMatchObject({ status: 'sent', sentAt: 1_000 + LEASE + 1 });
    });

    it("lists a user's cases, sent or not, and nobody else's", async () => {
      const [a, b] = await fresh();
      const mine = [makeCase({ userKey: 'u-me' }), makeCase({ userKey: 'u-me' })];
      await a.enqueue(mine[0]!, 1_000);
      await a.enqueue(makeCase({ userKey: 'u-other' }), 1_500);
      await a.enqueue(mine[1]!, 2_000);
      await a.claimDue(1_000, 1, LEASE);
      await a.markSent(mine[0]!.reference, 1_200);
      const listed = await b.listByUser('u-me');
      expect(listed.map((e) => [e.case.reference, e.status])).toEqual([
        [mine[0]!.reference, 'sent'],
        [mine[1]!.reference, 'queued'],
      ]);
      expect(await b.listByUser('u-nobody')).toEqual([]);
    });

    it("deletes a user's unsent cases and leaves the sent ones and other users' cases", async () => {
      const [a, b] = await fresh();
      const sent = makeCase({ userKey: 'u-del' });
      const queued = makeCase({ userKey: 'u-del' });
      const failed = makeCase({ userKey: 'u-del' });
      const other = makeCase({ userKey: 'u-keep' });
      await a.enqueue(sent, 1_000);
      await a.enqueue(failed, 1_001);
      await a.enqueue(queued, 5_000);
      await a.enqueue(other, 1_002);
      const claimed = await a.claimDue(1_001, 2, LEASE);
      expect(claimed).toHaveLength(2);
      await a.markSent(sent.reference, 1_100);
      await a.markFailed(failed.reference, 'rejected', 1_100, true);
      expect(await b.deleteUnsentByUser('u-del')).toBe(2);
      expect((await b.listByUser('u-del')).map((e) => e.case.reference)).toEqual([sent.reference]);
      expect(await b.get(other.reference)).not.toBeNull();
      expect(await b.deleteUnsentByUser('u-del')).toBe(0);
    });

    it('purges entries enqueued before the cutoff except those being sent', async () => {
      const [a, b] = await fresh();
      const oldSent = makeCase();
      const oldQueued = makeCase();
      const oldSending = makeCase();
      const recent = makeCase();
      await a.enqueue(oldSent, 1_000);
      await a.enqueue(oldSending, 1_500);
      await a.enqueue(oldQueued, 2_000);
      await a.enqueue(recent, 5_000);
      await a.claimDue(1_000, 1, LEASE);
      await a.markSent(oldSent.reference, 1_100);
      await a.claimDue(1_500, 1, LEASE);
      expect(await b.purgeOlderThan(3_000)).toBe(2);
      expect(await b.get(oldSent.reference)).toBeNull();
      expect(await b.get(oldQueued.reference)).toBeNull();
      expect(await b.get(oldSending.reference)).toMatchObject({ status: 'sending' });
      expect(await b.get(recent.reference)).toMatchObject({ status: 'queued' });
    });
  });
}
