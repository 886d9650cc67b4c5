import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startBot } from '../support/startBot.js';

const run = promisify(execFile);
const ACCEPTANCE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'acceptance');
const present = existsSync(join(ACCEPTANCE, 'run.mjs'));

/** Runs the public acceptance harness (it speaks only the Bot Framework protocol) against a real bot. */
async function acceptance(args: string[], sources: Record<string, string> = {}): Promise<string> {
  const bot = await startBot({ sources, now: () => new Date() });
  try {
    const { stdout } = await run(process.execPath, [join(ACCEPTANCE, 'run.mjs'), ...args], { env: { ...process.env, BOT_URL: bot.url }, timeout: 120_000 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? String(e) }));
    return stdout;
  } finally {
    await bot.close();
  }
}

describe.runIf(present)('the public acceptance sample (../shared/acceptance)', () => {
  it('passes every seed-call case over the Bot Framework protocol', async () => {
    const out = await acceptance([]);
    expect(out).toMatch(/eval: \d+ passed, 0 failed/);
  });

  it('passes the unseen-call cases after the call text is only dropped into knowledge/sources', async () => {
    const text = readFileSync(join(ACCEPTANCE, 'newcall', 'nachbarschaft-digital-2029.txt'), 'utf8');
    const out = await acceptance(['--new'], { 'nachbarschaft-digital-2029.txt': text });
    expect(out).toMatch(/eval: 4 passed, 0 failed/);
  });
});
