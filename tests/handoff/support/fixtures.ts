import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { HandoffLogger } from '../../../src/handoff/deliveryWorker.js';
import type { HandoffCase } from '../../../src/handoff/outboxStore.js';

let counter = 0;

/** A complete case with realistic German content; every call gets a new reference unless overridden. */
export function makeCase(overrides: Partial<HandoffCase> = {}): HandoffCase {
  counter += 1;
  return {
    reference: `FL-2611-T${String(counter).padStart(4, '0')}`,
    programId: 'komma',
    programName: 'KommA – Kommunale Anpassung',
    recipient: 'komma@imap-institut.de',
    createdAt: '2026-11-26T13:05:00.000Z',
    locale: 'de',
    userKey: 'u-3f9a1c',
    question: 'Können wir als Gemeinde mit 4.800 Einwohnern auch einen Antrag für Klimaanpassung stellen?',
    replyTo: 'kaemmerei@musterstadt.de',
    profile: { Kommune: 'Musterstadt', Bundesland: 'Hessen', Einwohnerzahl: '4.800' },
    transcript: [
      { from: 'user', text: 'Gibt es Förderung für Hitzeaktionspläne?', at: '2026-11-26T13:01:00.000Z' },
      { from: 'bot', text: 'Ja, KommA fördert Anpassungskonzepte.\nDie Frist endet am 31.01.2027.', at: '2026-11-26T13:01:05.000Z' },
      { from: 'user', text: 'Können wir als Gemeinde mit 4.800 Einwohnern auch einen Antrag stellen?', at: '2026-11-26T13:03:00.000Z' },
    ],
    citations: [
      { title: 'Förderaufruf KommA 2026, Abschnitt 3', quote: 'Antragsberechtigt sind Städte, Gemeinden und Landkreise.', url: 'https://example.org/komma.pdf' },
    ],
    ...overrides,
  };
}

/** Logger that keeps every call, so tests can check what was (not) logged. */
export function recordingLogger(): HandoffLogger & { lines: { level: string; fields: Record<string, unknown>; msg: string }[] } {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push({ level, fields, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A loopback port that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real smtp-server on 127.0.0.1 that stores what it receives; `reject` maps an address to an SMTP error. */
export async function startSmtpServer(
  port = 0,
  reject: Record<string, { code: number; message: string }> = {},
): Promise<{ port: number; url: string; received: ReceivedMail[]; close(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const r = reject[address.address];
      if (!r) return callback();
      callback(Object.assign(new Error(r.message), { responseCode: r.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `check` is true or the time is up. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
