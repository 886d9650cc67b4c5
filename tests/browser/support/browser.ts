import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when the suite should be skipped on purpose; a missing Chromium otherwise fails loudly. */
export const skipBrowserTests = process.env.SKIP_BROWSER_TESTS === '1';

/** Fails with a message that says what to do when Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (Debian: apt-get install chromium) or set SKIP_BROWSER_TESTS=1 to skip the browser tests.`,
    );
  }
}

/** Headless Chromium with a throw-away profile, cut off from Google services so it makes no requests of its own. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'fl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 900, height: 900 },
    locale: 'de-DE',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** True for URLs that stay on this machine's loopback address (or never hit the network at all). */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
