import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDirectLine, type DirectLineHandle } from '../../src/directline/directLineServer.js';
import { registerWebChat } from '../../src/web/webChatPage.js';
import { CARD_TITLE, CITATION_TITLE, SUGGESTION, WELCOME, createFakeBot } from '../directline/support/fakeBot.js';
import { startRestify } from '../directline/support/testServer.js';
import { isLocal, launchBrowser, skipBrowserTests } from './support/browser.js';

const PLACEHOLDER = 'Ihre Frage zum Förderaufruf …';
const ACCENT = '#7a1f5c';

describe.skipIf(skipBrowserTests)('Web Chat page in headless Chromium', () => {
  let chat: Awaited<ReturnType<typeof startRestify>>;
  let handle: DirectLineHandle;
  let host: Server;
  let hostUrl: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  const requests: string[] = [];
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    // The programme's own website, on another origin, embedding the snippet.
    host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Programmseite</title></head>
<body><h1>KommA – Programmseite</h1><script src="${chat.url}/embed.js" data-accent-color="${ACCENT}" data-title="KommA-Chat"></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

    const bot = createFakeBot();
    chat = await startRestify((server) => {
      handle = registerDirectLine(server, { deliver: bot.deliver, tokenSecret: 'browser-test-secret-browser-test-secret-0123', botName: 'Förderlotse' });
      registerWebChat(server, { title: 'Förderlotse KommA', accentColor: ACCENT, frameAncestors: ["'self'", hostUrl] });
    });

    browser = await launchBrowser();
    context = browser.context;
    context.on('request', (r) => requests.push(r.url()));
    context.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleProblems.push(m.text());
    });
    // Records CSP violations from inside the page; Playwright init scripts are exempt from the page's CSP.
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
    });
  });

  afterAll(async () => {
    await browser?.close();
    handle?.close();
    await chat?.close();
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
  });

  // Web Chat repeats each message in a screen-reader label, so text lookups take the bubble itself.
  const bubble = (page: Page | FrameLocator, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text }).first();

  async function waitUntil(probe: () => boolean, what: string, ms = 10_000): Promise<void> {
    const started = Date.now();
    while (!probe()) {
      if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function send(page: Page, text: string): Promise<void> {
    const box = page.getByPlaceholder(PLACEHOLDER);
    await box.fill(text);
    await box.press('Enter');
  }

  it('answers a question with a citation, follows a suggested action, renders a card and keeps hostile markup inert', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${chat.url}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');

    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.title()).toBe('Förderlotse KommA – Fragen zu Förderaufrufen');
    await bubble(page, WELCOME).waitFor();
    await page.getByText('Bitte geben Sie keine personenbezogenen Daten ein').waitFor();
    const headerColour = await page.locator('.fl-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe('rgb(122, 31, 92)');

    await send(page, 'Wann ist Bewerbungsschluss für KommA?');
    await bubble(page, 'Bewerbungsschluss ist der 28.02.2023').waitFor();
    await page.locator('.webchat__link-definitions').getByText(CITATION_TITLE).first().waitFor();

    await page.getByRole('toolbar', { name: 'Empfohlene Aktionen' }).getByRole('button', { name: SUGGESTION }).click();
    await bubble(page, 'Antragsberechtigt sind Kommunen').waitFor();

    await send(page, 'Zeig mir die Karte');
    await page.locator('.ac-adaptiveCard').getByText(CARD_TITLE).waitFor();

    await send(page, 'xss bitte');
    const hostile = page.locator('.webchat__bubble__content').filter({ hasText: 'Achtung:' });
    await hostile.waitFor();
    const shown = await hostile.innerText();
    expect(shown).toContain('<script>window.__flXss = 1</script>');
    expect(shown).toContain('onerror=');
    expect(await hostile.locator('img, script, a[href^="javascript:"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __flXss?: number }).__flXss)).toBeUndefined();

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat.png', fullPage: true });

    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(consoleProblems.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(requests.some((u) => u.endsWith('/webchat/webchat.js'))).toBe(true);
    await page.close();
  });

  it('opens the chat from the one-tag embed snippet on another site', async () => {
    const page = await context.newPage();
    await page.goto(hostUrl);
    const button = page.getByRole('button', { name: 'Chat öffnen' });
    await button.waitFor();
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 31, 92)');
    await button.click();
    expect(await page.locator('button[aria-expanded]').getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Chat schließen' }).waitFor();
    const frame = page.frameLocator('iframe[title="KommA-Chat"]');
    await bubble(frame, WELCOME).waitFor();
    await frame.getByPlaceholder(PLACEHOLDER).fill('Wann ist Bewerbungsschluss?');
    await frame.getByPlaceholder(PLACEHOLDER).press('Enter');
    await bubble(frame, 'Bewerbungsschluss ist der 28.02.2023').waitFor();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat-embed.png' });
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.close();
  });

  it('cannot be framed by a site that is not configured', async () => {
    const stranger = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Fremde Seite</title><iframe src="${chat.url}/chat?embed=1" title="fremd"></iframe>`);
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`http://127.0.0.1:${(stranger.address() as AddressInfo).port}/`);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // Chromium replaces a frame refused by frame-ancestors with its own error page.
      await waitUntil(() => frame?.url().startsWith('chrome-error:') ?? false, 'the refused frame');
      expect(fetched).toContain('/chat');
      expect(fetched).not.toContain('/chat.js');
      await page.close();
    } finally {
      stranger.closeAllConnections();
      await new Promise<void>((resolve) => stranger.close(() => resolve()));
    }
  });
});
