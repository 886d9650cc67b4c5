import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeMail } from '../../src/handoff/composeMail.js';
import { MailDeliveryError } from '../../src/handoff/handoffErrors.js';
import { createMailTransport, FileOutboxTransport, SmtpTransport } from '../../src/handoff/mailTransport.js';
import { makeCase } from './support/fixtures.js';
import { parseMime } from './support/parseMime.js';

const root = mkdtempSync(join(tmpdir(), 'fl-outbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const from = 'foerderlotse@imap-institut.de';

describe('FileOutboxTransport', () => {
  it('writes one parseable UTF-8 .eml named after the reference', async () => {
    const dir = join(root, 'one');
    const transport = new FileOutboxTransport(dir);
    const c = makeCase({ reference: 'FL-2611-7K3Q9' });
    await transport.send(composeMail(c, { from }));
    expect(readdirSync(dir)).toEqual(['FL-2611-7K3Q9.eml']);

    const msg = parseMime(readFileSync(join(dir, 'FL-2611-7K3Q9.eml')));
    expect(msg.headers.get('mime-version')).toBe('1.0');
    expect(msg.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(msg.headers.get('subject')).toBe('[Förderlotse] KommA – Kommunale Anpassung – Anfrage FL-2611-7K3Q9');
    expect(msg.headers.get('from')).toBe('Förderlotse <foerderlotse@imap-institut.de>');
    expect(msg.headers.get('to')).toBe('komma@imap-institut.de');
    expect(msg.headers.get('reply-to')).toBe('kaemmerei@musterstadt.de');
    expect(msg.headers.get('message-id')).toBe('<FL-2611-7K3Q9.handoff@imap-institut.de>');
    expect(msg.headers.get('x-foerderlotse-reference')).toBe('FL-2611-7K3Q9');
    expect(msg.headers.get('date')).toBeTruthy();
    // Header lines stay 7-bit: non-ASCII must be MIME-encoded, not raw.
    expect(msg.rawHeaders).toMatch(/^[\x00-\x7F]*$/);
    expect(msg.text).toContain(c.question);
    expect(msg.text).toContain('[14:01] Förderlotse: Ja, KommA fördert Anpassungskonzepte.');
  });

  it('writes a case sent twice, even at once, only once and leaves no temp files', async () => {
    const dir = join(root, 'twice');
    const transport = new FileOutboxTransport(dir);
    const mail = composeMail(makeCase({ reference: 'FL-2611-22222' }), { from });
    await transport.send(mail);
    const first = readFileSync(join(dir, 'FL-2611-22222.eml'));
    await Promise.all([transport.send(mail), transport.send(mail), new FileOutboxTransport(dir).send(mail)]);
    expect(readdirSync(dir)).toEqual(['FL-2611-22222.eml']);
    expect(readFileSync(join(dir, 'FL-2611-22222.eml')).equals(first)).toBe(true);
  });

  it('refuses a reference that could escape the folder', async () => {
    const dir = join(root, 'evil');
    const mail = composeMail(makeCase(), { from });
    mail.headers['X-Foerderlotse-Reference'] = '../../etc/passwd';
    const err = await new FileOutboxTransport(dir).send(mail).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailDeliveryError);
    expect((err as MailDeliveryError).permanent).toBe(true);
  });

  it('is chosen when no SMTP URL is configured, and describes where mail goes', () => {
    const files = createMailTransport({ smtpUrl: '', outboxDir: join(root, 'cfg') });
    expect(files).toBeInstanceOf(FileOutboxTransport);
    expect(files.describe()).toBe(`files in ${join(root, 'cfg')}`);
    const smtp = createMailTransport({ smtpUrl: 'smtp://user:secret@mail.example.org:587', outboxDir: 'x' });
    expect(smtp).toBeInstanceOf(SmtpTransport);
    expect(smtp.describe()).toBe('SMTP smtp://mail.example.org:587');
    expect(() => createMailTransport({ smtpUrl: 'http://mail.example.org', outboxDir: 'x' })).toThrow(/smtp:\/\//);
    const bad = (() => {
      try {
        createMailTransport({ smtpUrl: 'smtp://user:geheim@[bad', outboxDir: 'x' });
      } catch (err) {
        return err as Error;
      }
    })();
    expect(bad?.message).toBe('SMTP_URL is not a valid URL');
    expect(JSON.stringify(bad, Object.getOwnPropertyNames(bad))).not.toContain('geheim');
  });
});
