import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { gzipSync } from 'node:zlib';
import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FoerderAdapter } from '../../src/bot/foerderAdapter.js';
import { createHttpServer, createIpRateLimiter, UNAUTHORIZED_BODY, type HttpServerOptions } from '../../src/server/httpServer.js';
import { startBot, type StartedBot } from '../support/startBot.js';
import { conversation, startChannel } from '../support/channel.js';
import { captureLogger } from './support/captureLogger.js';

const MAX_BODY = 64 * 1024;
const RATE = 3;
// Case-sensitive: class names like TypeError, not our own "internal_error" code.
const INTERNALS = /\bat \S+ \(|[A-Z][A-Za-z]*Error\b|Error:|secret|postgres:|\/srv\/|stack|Invalid JSON|Unexpected token/;
/** This machine's first non-loopback IPv4 address, to play a remote host; undefined in a sandbox without one. */
const EXTERNAL_IP = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

let bot: StartedBot;
let channel: Awaited<ReturnType<typeof startChannel>>;

beforeAll(async () => {
  bot = await startBot({ env: { MAX_BODY_BYTES: String(MAX_BODY), RATE_LIMIT_PER_MINUTE: String(RATE) } });
  channel = await startChannel();
});
afterAll(async () => {
  await channel?.close();
  await bot?.close();
});

function activity(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message', channelId: 'emulator', serviceUrl: channel.serviceUrl, conversation: { id: randomUUID() },
    from: { id: `u-${randomUUID()}` }, recipient: { id: 'bot' }, text: 'Hallo', locale: 'de-DE', ...over,
  };
}

async function postRaw(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = { 'content-type': 'application/json' }, url = bot.url): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** A short JSON error with the security headers, and nothing internal in it. */
function expectShortError(r: { status: number; text: string; headers: Headers }, status: number, error: string): { error: string; message: string } {
  expect(r.status).toBe(status);
  expect(r.text.length).toBeLessThan(300);
  expect(r.text).not.toMatch(INTERNALS);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
  const body = JSON.parse(r.text) as { error: string; message: string };
  expect(body.error).toBe(error);
  return body;
}

describe('POST /api/messages request limits', () => {
  it('answers a body larger than MAX_BODY_BYTES with 413', async () => {
    const r = await postRaw(JSON.stringify(activity({ text: 'x'.repeat(MAX_BODY) })));
    expectShortError(r, 413, 'payload_too_large');
  });

  it('answers an oversized chunked body (no Content-Length) with 413', async () => {
    const { port } = new URL(bot.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"type":"message","text":"');
      for (let i = 0; i < 20; i++) req.write('y'.repeat(8 * 1024));
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  it('refuses a gzip-compressed body (the size limit would count compressed bytes) with 415', async () => {
    const bomb = gzipSync(Buffer.from(JSON.stringify(activity({ text: ' '.repeat(5_000_000) }))));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    const r = await postRaw(new Uint8Array(bomb), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expectShortError(r, 415, 'unsupported_media_type');
  });

  it('answers invalid JSON with 400 without the parser’s message', async () => {
    const r = await postRaw('{"type":"message", "text": "unterminated');
    expectShortError(r, 400, 'bad_request');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['']])('answers Content-Type %j with 400 naming Content-Type', async (type) => {
    const r = await postRaw(JSON.stringify(activity()), type ? { 'content-type': type } : {});
    expect(expectShortError(r, 400, 'bad_request').message).toContain('Content-Type');
  });

  it('accepts application/json with a charset', async () => {
    const r = await postRaw(JSON.stringify(activity({ deliveryMode: 'expectReplies' })), { 'content-type': 'application/json; charset=utf-8' });
    expect(r.status).toBe(200);
  });

  it('answers a missing conversation.id with 400 naming the field', async () => {
    const r = await postRaw(JSON.stringify(activity({ conversation: {} })));
    expect(expectShortError(r, 400, 'bad_request').message).toContain('conversation.id');
  });

  it.each([
    ['a JSON array', '[1,2,3]', '(body)'],
    ['JSON null', 'null', '(body)'],
    ['a number as type', JSON.stringify({ type: 5 }), 'type'],
    ['from missing', JSON.stringify({ type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } }), 'from'],
  ])('answers %s with 400 naming the field', async (_n, body, field) => {
    expect(expectShortError(await postRaw(body), 400, 'bad_request').message).toContain(field);
  });

  it('answers deeply nested JSON with 400', async () => {
    const body = JSON.stringify(activity()).slice(0, -1) + `,"channelData":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(expectShortError(await postRaw(body), 400, 'bad_request').message).toMatch(/nested deeper than \d+ levels/);
  });

  it('answers a body with too many JSON values with 400', async () => {
    const body = JSON.stringify(activity({ channelData: { many: Array.from({ length: 25_000 }, () => 0) } }));
    expect(expectShortError(await postRaw(body), 400, 'bad_request').message).toMatch(/more than \d+ JSON values/);
  });

  it.each([['someUnknownType'], ['typing'], ['messageReaction'], ['event'], ['endOfConversation']])('acknowledges a %s activity with 200/202 and no reply', async (type) => {
    const c = conversation(bot.url, channel);
    const r = await c.post({ type });
    expect([200, 202]).toContain(r.status);
    expect(r.replies).toEqual([]);
  });

  it('answers other paths and methods with short JSON 404/405', async () => {
    expectShortError(await asResult(await fetch(`${bot.url}/admin`)), 404, 'not_found');
    expectShortError(await asResult(await fetch(`${bot.url}/api/messages`)), 405, 'method_not_allowed');
  });
});

describe('serviceUrl policy in anonymous (Emulator) mode', () => {
  let capture: http.Server;
  let hits: string[] = [];
  let capturePort = 0;
  beforeAll(async () => {
    capture = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
    await new Promise<void>((r) => capture.listen(0, '0.0.0.0', () => r()));
    capturePort = (capture.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((r) => capture.close(() => r())));

  const refused = (): [string, () => string][] => [
    ['this machine’s external address', () => `http://${EXTERNAL_IP ?? '192.0.2.1'}:${capturePort}/`],
    ['0.0.0.0 (reaches this machine on Linux)', () => `http://0.0.0.0:${capturePort}/`],
    ['a public host', () => 'https://example.com/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['loopback with credentials', () => `http://user:pass@127.0.0.1:${capturePort}/`],
    ['a non-http scheme', () => 'file:///etc/passwd'],
  ];

  it.each(refused())('refuses a serviceUrl pointing at %s with 403, and sends nothing', async (_n, serviceUrl) => {
    hits = [];
    const url = serviceUrl();
    for (const deliveryMode of [undefined, 'expectReplies']) {
      const r = await postRaw(JSON.stringify(activity({ serviceUrl: url, deliveryMode })));
      expectShortError(r, 403, 'forbidden');
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toEqual([]);
  });

  it('does reply to a loopback serviceUrl (the capture server would have seen a reply)', async () => {
    hits = [];
    const r = await postRaw(JSON.stringify(activity({ serviceUrl: `http://127.0.0.1:${capturePort}/` })));
    expect(r.status).toBe(200);
    expect(hits.some((h) => h.startsWith('POST /v3/conversations/'))).toBe(true);
  });
});

describe('rate limits', () => {
  it(`answers 429 after RATE_LIMIT_PER_MINUTE (${RATE}) messages in one conversation, politely, and other conversations go on`, async () => {
    const c = conversation(bot.url, channel);
    for (let i = 0; i < RATE; i++) expect((await c.say('Hallo')).status).toBe(200);
    const r = await c.say('Hallo');
    expect(r.status).toBe(429);
    expect(Number(r.body && JSON.parse(r.body).message.length)).toBeGreaterThan(0);
    expect(JSON.parse(r.body).message).toMatch(/please wait/i);
    expect(r.replies).toEqual([]);
    expect((await conversation(bot.url, channel).say('Hallo')).status).toBe(200);
  });

  it('limits one user across conversations too', async () => {
    const userId = `u-${randomUUID()}`;
    for (let i = 0; i < RATE; i++) expect((await conversation(bot.url, channel, { userId }).say('Hallo')).status).toBe(200);
    expect((await conversation(bot.url, channel, { userId }).say('Hallo')).status).toBe(429);
  });

  it('limits a route per IP with createIpRateLimiter, as JSON for APIs and a polite line for browsers', async () => {
    const server = bot.app.server as restify.Server;
    server.get('/test/limited', createIpRateLimiter(2), (_req: restify.Request, res: restify.Response, next: restify.Next) => {
      res.send(200, { ok: true });
      return next();
    });
    expect((await fetch(`${bot.url}/test/limited`)).status).toBe(200);
    expect((await fetch(`${bot.url}/test/limited`)).status).toBe(200);
    const api = await fetch(`${bot.url}/test/limited`);
    expectShortError(await asResult(api), 429, 'too_many_requests');
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await fetch(`${bot.url}/test/limited`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/bitte warten Sie/);
  });
});

describe('the HTTP face built directly (createHttpServer)', () => {
  /** createHttpServer with an anonymous adapter and a given turn logic, listening on `host`. */
  async function startFace(extra: Partial<HttpServerOptions> = {}, host = '127.0.0.1') {
    const logger = captureLogger();
    const server = createHttpServer({
      adapter: new FoerderAdapter(new ConfigurationBotFrameworkAuthentication({})),
      logic: async (context: TurnContext) => void (await context.sendActivity('ok')),
      logger, authenticated: false, serviceUrlAllowlist: [], maxBodyBytes: MAX_BODY, ratePerMinute: 100, logSalt: 't',
      health: async () => ({ live: true, ready: true, details: {} }),
      ...extra,
    });
    await new Promise<void>((r) => server.listen(0, host, () => r()));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, port, logger, server, close: () => new Promise<void>((r) => server.close(() => r())) };
  }
  const message = (over: Record<string, unknown> = {}) => JSON.stringify({ type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: randomUUID() }, from: { id: randomUUID() }, text: 'hi', deliveryMode: 'expectReplies', ...over });

  it('never leaks a thrown error: the turn throws → 500 "Internal error", one error line, no stack', async () => {
    const face = await startFace({ logic: async () => { throw new Error('secret detail at /srv/db/password.txt'); } });
    try {
      const r = await postRaw(message(), undefined, face.url);
      expect(expectShortError(r, 500, 'internal_error').message).toBe('Internal error');
      expect(face.logger.at('error')).toHaveLength(1);
      expect(JSON.stringify(face.logger.entries)).not.toMatch(/\n\s+at |"stack"/);
    } finally {
      await face.close();
    }
  });

  it.each<[string, () => never]>([
    ['an Error', () => { throw new Error('secret: connection string postgres://u:p@db/x'); }],
    ['a TypeError', () => { throw new TypeError('secret: cannot read postgres://u:p@db/x'); }],
    ['a string', () => { throw 'secret: postgres://u:p@db/x'; }],
  ])('never leaks %s thrown by another route: a failing health check → 500 "Internal error"', async (_n, fail) => {
    const face = await startFace({ health: async () => fail() });
    try {
      const r = await asResult(await fetch(`${face.url}/healthz`));
      expect(expectShortError(r, 500, 'internal_error').message).toBe('Internal error');
      expect(face.logger.at('error')).toHaveLength(1);
      expect(JSON.stringify(face.logger.entries)).not.toMatch(/postgres:|\n\s+at /);
    } finally {
      await face.close();
    }
  });

  it('puts the security headers on every answer (200, 400, 404, 413)', async () => {
    const face = await startFace();
    try {
      for (const r of [
        await asResult(await fetch(`${face.url}/healthz`)),
        await postRaw('{', undefined, face.url),
        await asResult(await fetch(`${face.url}/nope`)),
        await postRaw('x'.repeat(MAX_BODY + 1), undefined, face.url),
      ]) {
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      }
    } finally {
      await face.close();
    }
  });

  it('limits every route but /api/messages per IP when ipRatePerMinute is set', async () => {
    const face = await startFace({ ipRatePerMinute: 2 });
    try {
      expect((await fetch(`${face.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${face.url}/readyz`)).status).toBe(200);
      expectShortError(await asResult(await fetch(`${face.url}/healthz`)), 429, 'too_many_requests');
      for (let i = 0; i < 4; i++) expect((await postRaw(message(), undefined, face.url)).status).toBe(200);
      expect(face.logger.at('warn').filter((e) => e.obj.event === 'ip_rate_limited')).toHaveLength(1);
    } finally {
      await face.close();
    }
  });

  it.runIf(EXTERNAL_IP)('refuses anonymous (Emulator-mode) requests from a non-loopback peer with 401', async () => {
    const face = await startFace({}, '0.0.0.0');
    try {
      const r = await postRaw(message(), undefined, `http://${EXTERNAL_IP}:${face.port}`);
      expect(r.status).toBe(401);
      expect(r.text).toBe(JSON.stringify(UNAUTHORIZED_BODY));
      expect(face.logger.at('warn').map((e) => e.obj.reason)).toEqual(['anonymous_not_loopback']);
      expect((await postRaw(message(), undefined, face.url)).status).toBe(200);
    } finally {
      await face.close();
    }
  });
});

/** fetch's Response as the { status, text, headers } the helpers take. */
async function asResult(res: Response): Promise<{ status: number; text: string; headers: Headers }> {
  return { status: res.status, text: await res.text(), headers: res.headers };
}
