import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffReferenceConflictError, InvalidHandoffCaseError } from '../../src/handoff/handoffErrors.js';
import { HandoffService, recipientFor, REFERENCE_ALPHABET } from '../../src/handoff/handoffService.js';
import { SqliteOutboxStore } from '../../src/handoff/sqliteOutboxStore.js';
import { makeCase } from './support/fixtures.js';

const dbs: Database.Database[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});

function service(extra: Partial<ConstructorParameters<typeof HandoffService>[0]> = {}) {
  const db = new Database(':memory:');
  dbs.push(db);
  const store = new SqliteOutboxStore(db);
  const queued: string[] = [];
  const svc = new HandoffService({ store, worker: { notifyQueued: (r) => void queued.push(r) }, clock: () => 1_000, ...extra });
  return { svc, store, queued };
}

describe('HandoffService', () => {
  it('makes references like FL-2611-7K3Q9 from the German month and an unambiguous alphabet', () => {
    const { svc } = service();
    const ref = svc.newReference(Date.parse('2026-11-26T13:05:00Z'));
    expect(ref).toMatch(new RegExp(`^FL-2611-[${REFERENCE_ALPHABET}]{5}$`));
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
    // 23:30 UTC on 30 November is already December in Berlin.
    expect(svc.newReference(new Date('2026-11-30T23:30:00Z'))).toMatch(/^FL-2612-/);
    const seq = [5, 17, 1, 21, 7];
    const fixed = service({ randomIndex: () => seq.shift()! }).svc;
    expect(fixed.newReference(Date.parse('2026-11-26T13:05:00Z'))).toBe('FL-2611-7K3Q9');
    const many = new Set(Array.from({ length: 2_000 }, () => svc.newReference(0)));
    expect(many.size).toBeGreaterThan(1_990);
  });

  it("uses the programme's address when it is valid and the default otherwise", () => {
    expect(recipientFor('komma@imap-institut.de', 'default@example.org')).toBe('komma@imap-institut.de');
    expect(recipientFor(' klima@z-u-g.org ', 'default@example.org')).toBe('klima@z-u-g.org');
    expect(recipientFor(null, 'default@example.org')).toBe('default@example.org');
    expect(recipientFor('', 'default@example.org')).toBe('default@example.org');
    expect(recipientFor('kein-mailformat', 'default@example.org')).toBe('default@example.org');
    expect(service().svc.recipientFor(undefined, 'komma@imap-institut.de')).toBe('komma@imap-institut.de');
  });

  it('enqueues a case, wakes the worker and treats a resubmission as the same case', async () => {
    const { svc, store, queued } = service();
    const c = makeCase();
    expect(await svc.submit(c)).toBe(c.reference);
    expect(await svc.submit(c)).toBe(c.reference);
    expect(queued).toEqual([c.reference, c.reference]);
    expect(await store.listByUser(c.userKey)).toHaveLength(1);
    expect(await svc.status(c.reference)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('rejects a different case under a reference that is taken', async () => {
    const { svc } = service();
    const c = makeCase();
    await svc.submit(c);
    await expect(svc.submit({ ...c, userKey: 'u-someone-else', createdAt: '2026-11-27T08:00:00Z' })).rejects.toBeInstanceOf(
      HandoffReferenceConflictError,
    );
  });

  it('rejects an invalid case naming the fields but not their contents', async () => {
    const { svc, queued } = service();
    const err = await svc
      .submit(makeCase({ recipient: 'not-an-address', replyTo: 'auch keine', reference: '../x' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidHandoffCaseError);
    expect((err as InvalidHandoffCaseError).fields.sort()).toEqual(['recipient', 'reference', 'replyTo']);
    expect((err as Error).message).not.toContain('auch keine');
    expect(queued).toEqual([]);
  });

  it("shows a status only to the case's user when asked with a user key", async () => {
    const { svc } = service();
    const c = makeCase({ reference: 'FL-2611-ABCDE' });
    await svc.submit(c);
    expect(await svc.status('fl-2611-abcde ', c.userKey)).not.toBeNull();
    expect(await svc.status('FL-2611-ABCDE', 'u-other')).toBeNull();
    expect(await svc.status('FL-2611-ZZZZZ')).toBeNull();
  });

  it("lists and deletes a user's unsent cases", async () => {
    const { svc, store } = service();
    const sent = makeCase({ userKey: 'u-1' });
    const open = makeCase({ userKey: 'u-1' });
    await svc.submit(sent);
    await svc.submit(open);
    await store.claimDue(1_000, 1, 60_000);
    await store.markSent(sent.reference, 1_500);
    expect((await svc.listForUser('u-1')).map((e) => e.status)).toEqual(['sent', 'queued']);
    expect(await svc.deleteUnsentForUser('u-1')).toBe(1);
    expect((await svc.listForUser('u-1')).map((e) => e.case.reference)).toEqual([sent.reference]);
  });
});
