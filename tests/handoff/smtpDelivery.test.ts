import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/handoff/deliveryWorker.js';
import { HandoffService } from '../../src/handoff/handoffService.js';
import { SmtpTransport } from '../../src/handoff/mailTransport.js';
import { SqliteOutboxStore } from '../../src/handoff/sqliteOutboxStore.js';
import { freePort, makeCase, recordingLogger, startSmtpServer, waitFor, type ReceivedMail } from './support/fixtures.js';
import { parseMime } from './support/parseMime.js';

const root = mkdtempSync(join(tmpdir(), 'fl-smtp-'));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let files = 0;
function openStore(file = join(root, `state-${++files}.db`)) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return { file, db, store: new SqliteOutboxStore(db) };
}

async function smtp(port = 0, reject: Parameters<typeof startSmtpServer>[1] = {}) {
  const server = await startSmtpServer(port, reject);
  cleanups.push(() => server.close());
  return server;
}

function worker(store: SqliteOutboxStore, url: string, extra: Partial<ConstructorParameters<typeof DeliveryWorker>[0]> = {}) {
  const transport = new SmtpTransport(url, { timeoutMs: 3_000 });
  const w = new DeliveryWorker({ store, transport, logger: recordingLogger(), compose: { from: 'foerderlotse@imap-institut.de' }, ...extra });
  cleanups.push(async () => {
    await w.stop();
    await transport.close();
  });
  return w;
}

function byReference(received: ReceivedMail[]): Map<string, ReceivedMail[]> {
  const out = new Map<string, ReceivedMail[]>();
  for (const m of received) {
    const ref = parseMime(m.raw).headers.get('x-foerderlotse-reference') ?? '?';
    out.set(ref, [...(out.get(ref) ?? []), m]);
  }
  return out;
}

describe('handoff over SMTP', () => {
  it("delivers each case once, to its programme's address, with subject and body intact", async () => {
    const server = await smtp();
    const { store } = openStore();
    const w = worker(store, server.url);
    const service = new HandoffService({ store, worker: w });
    const komma = makeCase();
    const klima = makeCase({
      programId: 'klimaschutz',
      programName: 'Kommunalrichtlinie Klimaschutz',
      recipient: service.recipientFor('kommunalrichtlinie@z-u-g.org', 'komma@imap-institut.de'),
      question: 'Wird ein Klimaschutzmanagement für zwei Jahre gefördert?',
      replyTo: null,
      profile: null,
    });
    await service.submit(komma);
    await service.submit(klima);
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    for (let i = 0; i < 3; i++) await w.runOnce();

    const got = byReference(server.received);
    expect(server.received).toHaveLength(2);
    const a = got.get(komma.reference)!;
    const b = got.get(klima.reference)!;
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.to).toEqual(['komma@imap-institut.de']);
    expect(b[0]!.to).toEqual(['kommunalrichtlinie@z-u-g.org']);
    expect(a[0]!.from).toBe('foerderlotse@imap-institut.de');

    const ma = parseMime(a[0]!.raw);
    expect(ma.headers.get('subject')).toBe(`[Förderlotse] KommA – Kommunale Anpassung – Anfrage ${komma.reference}`);
    expect(ma.headers.get('to')).toBe('komma@imap-institut.de');
    expect(ma.headers.get('reply-to')).toBe('kaemmerei@musterstadt.de');
    expect(ma.headers.get('message-id')).toBe(`<${komma.reference}.handoff@imap-institut.de>`);
    expect(ma.text).toContain(komma.question);
    expect(ma.text).toContain('Kommune:        Musterstadt');
    expect(ma.text).toContain('[14:01] Förderlotse: Ja, KommA fördert Anpassungskonzepte.');
    expect(ma.text).toContain('„Antragsberechtigt sind Städte, Gemeinden und Landkreise.“');

    const mb = parseMime(b[0]!.raw);
    expect(mb.headers.get('subject')).toBe(`[Förderlotse] Kommunalrichtlinie Klimaschutz – Anfrage ${klima.reference}`);
    expect(mb.text).toContain('Wird ein Klimaschutzmanagement für zwei Jahre gefördert?');
    expect(mb.text).toContain('keine Antwortadresse angegeben');
    expect(mb.text).toContain('kein Profil angegeben');
    expect(mb.headers.has('reply-to')).toBe(false);

    expect((await service.status(komma.reference))?.status).toBe('sent');
    expect((await service.status(klima.reference))?.status).toBe('sent');
  });

  it('keeps a case queued while the server is down and delivers it exactly once after a restart', async () => {
    const port = await freePort();
    const url = `smtp://127.0.0.1:${port}`;
    let now = Date.parse('2026-11-26T13:05:00Z');
    const clock = () => now;

    // First bot process: SMTP is down.
    const first = openStore();
    const w1 = worker(first.store, url, { clock });
    const c = makeCase();
    await new HandoffService({ store: first.store, worker: w1, clock }).submit(c);
    expect(await w1.runOnce()).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    const queued = await first.store.get(c.reference);
    expect(queued).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(queued!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(queued!.nextAttemptAt).toBeGreaterThan(now);
    await w1.stop();
    first.db.close();

    // Restart: new store and worker on the same file; the server is up now on that port.
    const server = await smtp(port);
    const second = openStore(first.file);
    const w2 = worker(second.store, url, { clock });
    expect(await w2.runOnce()).toMatchObject({ claimed: 0 });
    expect(server.received).toHaveLength(0);

    now += 60 * 60_000;
    expect(await w2.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    for (let i = 0; i < 5; i++) {
      now += 60 * 60_000;
      await w2.runOnce();
    }
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual([c.recipient]);
    expect(parseMime(server.received[0]!.raw).headers.get('x-foerderlotse-reference')).toBe(c.reference);
    expect(await second.store.get(c.reference)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up early on a recipient the server rejects with 550', async () => {
    const server = await smtp(0, { 'gibtsnicht@imap-institut.de': { code: 550, message: '5.1.1 Mailbox unavailable' } });
    const { store } = openStore();
    let now = Date.parse('2026-11-26T13:05:00Z');
    const failures: { attempts: number; permanent: boolean }[] = [];
    const w = worker(store, server.url, {
      clock: () => now,
      maxAttemptsOnReject: 2,
      hooks: { onFailed: ({ attempts, permanent }) => void failures.push({ attempts, permanent }) },
    });
    const c = makeCase({ recipient: 'gibtsnicht@imap-institut.de' });
    await store.enqueue(c, now);
    for (let i = 0; i < 4; i++) {
      await w.runOnce();
      now += 2 * 60 * 60_000;
    }
    expect(failures).toEqual([
      { attempts: 1, permanent: false },
      { attempts: 2, permanent: true },
    ]);
    const entry = await store.get(c.reference);
    expect(entry).toMatchObject({ status: 'failed', attempts: 2 });
    expect(entry!.lastError).toContain('550');
    expect(server.received).toHaveLength(0);
  });

  it('lets two running workers on one store deliver each of 20 cases exactly once', async () => {
    const server = await smtp();
    const { store } = openStore();
    const sent: string[] = [];
    const hooks = { onSent: ({ reference }: { reference: string }) => void sent.push(reference) };
    const w1 = worker(store, server.url, { pollIntervalMs: 20, batchSize: 3, hooks });
    const w2 = worker(store, server.url, { pollIntervalMs: 20, batchSize: 3, hooks });
    const cases = Array.from({ length: 20 }, () => makeCase());
    w1.start();
    w2.start();
    const service = new HandoffService({ store, worker: w1 });
    for (const c of cases) await service.submit(c);
    await waitFor(() => server.received.length >= 20, 20_000);
    // Give a duplicate the chance to show up before stopping.
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([w1.stop(), w2.stop()]);

    const got = byReference(server.received);
    expect(server.received).toHaveLength(20);
    for (const c of cases) expect(got.get(c.reference), c.reference).toHaveLength(1);
    expect(sent.sort()).toEqual(cases.map((c) => c.reference).sort());
    for (const c of cases) expect((await store.get(c.reference))?.status).toBe('sent');
  });
});
