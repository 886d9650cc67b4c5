import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../support/startBot.js';

let bot: StartedBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot?.close());

const MARKUP = '%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E';

describe('security headers on everything the bot serves', () => {
  it.each([
    ['GET', '/'], ['GET', '/chat'], ['GET', '/chat.js'], ['GET', '/healthz'], ['GET', '/readyz'], ['GET', '/does-not-exist'], ['POST', '/api/messages'], ['GET', '/api/messages'],
  ])('%s %s carries nosniff, a CSP with frame-ancestors and no-referrer', async (method, path) => {
    const res = await fetch(`${bot.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    await res.text();
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src [^;]+/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors [^;]+/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each([['/'], ['/chat']])('the page %s allows only its own scripts (no inline script, no eval) and reflects nothing from the URL', async (path) => {
    const res = await fetch(`${bot.url}${path}?q=${MARKUP}&locale=${MARKUP}&title=${MARKUP}#${MARKUP}`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const scriptSrc = /script-src ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:/);
    expect(res.headers.get('content-security-policy')).toMatch(/object-src 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/base-uri 'none'/);
    expect(html).not.toMatch(/<script>alert|onerror=alert/);
    // Inline event handlers would need 'unsafe-inline'; the page must not rely on them.
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('answers a spoofed Host header without echoing it into the page or its CSP', async () => {
    const { port } = new URL(bot.url);
    const { status, csp, html } = await new Promise<{ status: number; csp: string; html: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/chat', headers: { host: 'evil.example"><script>alert(1)</script>' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: String(res.headers['content-security-policy'] ?? ''), html: body }));
      });
      req.on('error', reject);
    });
    expect(status).toBeLessThan(500);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('evil.example');
    expect(csp).not.toMatch(/<script>|evil\.example/);
  });
});
