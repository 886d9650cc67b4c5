import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger, type Logger } from '../../src/logger.js';

export interface StartedBot {
  url: string;
  port: number;
  app: App;
  /** Temporary folder with this bot's knowledge/ copy and data/. */
  dir: string;
  close(): Promise<void>;
}

export interface StartBotOptions {
  /** Extra environment variables (as in .env). */
  env?: Record<string, string>;
  /** Fixed clock for deadline checks; default 2026-11-21 12:00 UTC. */
  now?: Date | (() => Date);
  logger?: Logger;
  /** Extra source files to add to the knowledge copy: name → text, or bytes (a PDF). */
  sources?: Record<string, string | Buffer>;
  /** Reuse a directory from an earlier start (restart tests). */
  dir?: string;
  keepDir?: boolean;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Starts the real bot (createApp) on 127.0.0.1 with its own copy of knowledge/ and a temp data dir. */
export async function startBot(opts: StartBotOptions = {}): Promise<StartedBot> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'foerderlotse-bot-'));
  const knowledgeDir = join(dir, 'knowledge');
  if (!opts.dir) {
    mkdirSync(knowledgeDir, { recursive: true });
    for (const part of ['sources', 'programs', 'terms.yaml', 'synonyms.yaml']) cpSync(join(ROOT, 'knowledge', part), join(knowledgeDir, part), { recursive: true });
  }
  for (const [name, text] of Object.entries(opts.sources ?? {})) writeFileSync(join(knowledgeDir, 'sources', name), text);
  const config = loadConfig({
    KNOWLEDGE_DIR: knowledgeDir,
    DIALOGS_DIR: join(ROOT, 'dialogs'),
    LOCALES_DIR: join(ROOT, 'locales'),
    DATA_DIR: join(dir, 'data'),
    OUTBOX_DIR: join(dir, 'outbox'),
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const now = opts.now ?? new Date('2026-11-21T12:00:00Z');
  const clock = typeof now === 'function' ? now : () => now;
  const app = await createApp(config, { clock, logger: opts.logger ?? silentLogger });
  const { port, url } = await app.listen(0, '127.0.0.1');
  return {
    url, port, app, dir,
    close: async () => {
      await app.close();
      if (!opts.keepDir && !opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
