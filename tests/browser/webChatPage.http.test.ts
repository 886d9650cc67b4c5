import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebChat, type WebChatPageOptions } from '../../src/web/webChatPage.js';
import { startRestify } from '../directline/support/testServer.js';

async function serve(opts: WebChatPageOptions) {
  return startRestify((server) => registerWebChat(server, opts));
}

describe('chat page over HTTP', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve({ title: 'KommA <Förderlotse> & "Co"', accentColor: '#0a5c8a' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('sends a strict CSP and the other security headers on the page', async () => {
    const res = await fetch(`${s.url}/chat`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const host = new URL(s.url).host;
    expect(csp).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'sha256-/);
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host};`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(html).toContain(`data-style-nonce="${nonce?.replace(/=/g, '&#61;')}"`);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|\sstyle=|\son[a-z]+=/);
  });

  it('escapes the configured title and ignores hostile query parameters', async () => {
    const html = await (await fetch(`${s.url}/chat?accent=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&locale=%3Cx%3E&embed=%3Cb%3E`)).text();
    expect(html).toContain('KommA &#60;Förderlotse&#62; &#38; &#34;Co&#34;');
    expect(html).not.toContain('<Förderlotse>');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('data-accent="#0a5c8a"');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('class="fl-standalone"');
  });

  it('speaks English and takes a valid accent colour when the embed snippet asks for it', async () => {
    const html = await (await fetch(`${s.url}/chat?embed=1&locale=en-US&accent=%23aa3300`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('data-accent="#aa3300"');
    expect(html).toContain('Please do not enter personal data');
    expect(html).toContain('class="fl-embed"');
  });

  it('serves Web Chat from this server with caching headers, gzip and 304 on revalidation', async () => {
    const res = await fetch(`${s.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('max-age=');
    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
    const again = await fetch(`${s.url}/webchat/webchat.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const raw = await import('node:http').then(
      (http) =>
        new Promise<{ encoding: string | undefined; body: Buffer }>((resolve) => {
          http.get(`${s.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (r) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
          });
        }),
    );
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8')).toContain('renderWebChat');
  });

  it('serves the embed snippet for other sites with both languages baked in', async () => {
    const res = await fetch(`${s.url}/embed.js`);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const js = await res.text();
    expect(js).toContain('"openChat":"Chat öffnen"');
    expect(js).toContain('"openChat":"Open chat"');
    expect(js).not.toContain('__WIDGET_STRINGS__');
    expect((await fetch(`${s.url}/chat.js`)).headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await fetch(`${s.url}/chat.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('lets the page reach a remote Direct Line (Azure) only when configured', async () => {
    const azure = await serve({ title: 'X', accentColor: '#000000', directLineDomain: 'https://europe.directline.botframework.com/v3/directline' });
    try {
      const res = await fetch(`${azure.url}/`);
      expect(res.headers.get('content-security-policy')).toContain(
        'https://europe.directline.botframework.com wss://europe.directline.botframework.com',
      );
      expect(await res.text()).toContain('data-direct-line-domain="https://europe.directline.botframework.com/v3/directline"');
    } finally {
      await azure.close();
    }
  });

  it.each([
    [{ accentColor: 'red' }, /accentColor/],
    [{ frameAncestors: ["'self'; script-src *"] }, /frameAncestors/],
    [{ title: '' }, /title/],
  ])('refuses invalid options %j', async (bad, message) => {
    await expect(serve({ title: 'X', accentColor: '#000000', ...bad })).rejects.toThrow(message);
  });
});
