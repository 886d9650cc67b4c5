import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDirectLine, type DirectLineHandle } from '../../src/directline/directLineServer.js';
import { registerWebChat } from '../../src/web/webChatPage.js';
import { startBot, type StartedBot } from '../support/startBot.js';
import { isLocal, launchBrowser, skipBrowserTests } from './support/browser.js';

describe.skipIf(skipBrowserTests)('Web Chat page with the real bot', () => {
  let bot: StartedBot;
  let handle: DirectLineHandle | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const requests: string[] = [];

  beforeAll(async () => {
    bot = await startBot();
    // Until the composition root serves the widget itself, wire it here onto the real bot's server.
    if ((await fetch(`${bot.url}/chat`)).status === 404) {
      handle = registerDirectLine(bot.app.server, {
        deliver: (activity) => bot.app.adapter.runInProcess(activity, bot.app.bot.run),
        tokenSecret: randomBytes(32).toString('hex'),
        botName: 'Förderlotse',
      });
      registerWebChat(bot.app.server, { title: 'Förderlotse', accentColor: '#0a5c8a' });
    }
    browser = await launchBrowser();
    browser.context.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    handle?.close();
    await bot?.close();
  });

  it('answers "Wann ist Bewerbungsschluss für KommA?" with the deadline and a citation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${bot.url}/chat`);
    const box = page.getByPlaceholder('Ihre Frage zum Förderaufruf …');
    await box.fill('Wann ist Bewerbungsschluss für KommA?');
    await box.press('Enter');
    const answer = page.locator('.webchat__bubble__content').filter({ hasText: /28\.02\.2023|28\. Februar 2023/ }).first();
    await answer.waitFor({ timeout: 30_000 });
    const text = await answer.innerText();
    // The bot cites the call text: a numbered reference, and the source named in the message or Web Chat's citation list.
    expect(text).toMatch(/\[1\]|\b1\b/);
    const citationList = await answer.locator('.webchat__link-definitions').count();
    if (citationList === 0) expect(text).toMatch(/Quelle|Aus der Ausschreibung/);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat-realbot.png', fullPage: true });
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.close();
  });
});
