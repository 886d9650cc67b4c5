import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../support/startBot.js';

/** Sends raw bytes (what fetch refuses to send) and returns the status line, or how the connection ended. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    const done = (v: string) => {
      socket.destroy();
      resolve(v);
    };
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.setTimeout(3000, () => done(data ? data.split('\r\n')[0] : 'timeout'));
    socket.on('data', (c) => (data += c));
    socket.on('close', () => done(data ? data.split('\r\n')[0] : 'closed'));
    socket.on('error', () => done(data ? data.split('\r\n')[0] : 'closed'));
  });
}

const WS = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

let bot: StartedBot;
const uncaught: string[] = [];
const onUncaught = (e: unknown) => void uncaught.push(String((e as Error)?.message ?? e));
beforeAll(async () => {
  bot = await startBot();
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  // A socket the bot left hanging (a failed case) would keep close() waiting for ever.
  await Promise.race([bot?.close(), new Promise((r) => setTimeout(r, 5000))]);
});

/** The bot survived: no uncaught exception, and it still answers. */
async function expectAlive(): Promise<void> {
  expect(uncaught.splice(0)).toEqual([]);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
}

describe('requests restify cannot parse into a URL', () => {
  it.each([
    ['a page with a markup Host header', 'GET /chat HTTP/1.1\r\nHost: evil"><x>\r\nConnection: close\r\n\r\n'],
    ['a Host header with a space', 'GET /healthz HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'],
    ['a Host header with a bad port', 'GET /healthz HTTP/1.1\r\nHost: x:99999\r\nConnection: close\r\n\r\n'],
    ['/api/messages with a broken IPv6 Host', 'POST /api/messages HTTP/1.1\r\nHost: [::1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'],
    ['an absolute-form target with a broken host', 'GET http://[::1/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  ])('answers %s with 400, and the process lives on', async (_n, request) => {
    expect(await raw(bot.port, request)).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive();
  });

  it('refuses a WebSocket upgrade with a malformed Host header without dying', async () => {
    expect(await raw(bot.port, `GET /v3/directline/conversations/x/stream HTTP/1.1\r\nHost: evil"><x>\r\n${WS}`)).toMatch(/^HTTP\/1\.1 4\d\d |^closed$/);
    await expectAlive();
  });

  it('refuses a WebSocket upgrade with a malformed absolute-form target without dying', async () => {
    // Fails while src/directline's upgrade handler calls `new URL(req.url, …)` outside a try.
    expect(await raw(bot.port, `GET http://[::1/v3/directline/conversations/x/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n${WS}`)).toMatch(/^HTTP\/1\.1 4\d\d |^closed$/);
    await expectAlive();
  });
});
