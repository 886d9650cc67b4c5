import { loadConfig } from './config.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';

/** The composition root: reads the environment once, wires the app, starts listening. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const app = await createApp(config, { logger, progress: (l) => process.stderr.write(`${l}\n`) });
  // Without an app id the bot accepts anyone, so it only listens on loopback (Emulator mode).
  const host = config.HOST ?? (config.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  if (!config.MicrosoftAppId && host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    process.stderr.write('HOST: ohne MicrosoftAppId (Emulator-Modus) darf der Bot nur auf 127.0.0.1 lauschen.\n');
    process.exit(1);
  }
  const { url } = await app.listen(config.PORT, host);
  logger.info({ event: 'started', url, mode: config.MicrosoftAppId ? 'authenticated' : 'emulator', index: app.kb.version, startupMs: Math.round(performance.now() - started) });
  process.stderr.write(`Förderlotse läuft auf ${url} (Index ${app.kb.version}, ${app.kb.chunks.length} Abschnitte)\n`);
  const stop = async (signal: string) => {
    logger.info({ event: 'stopping', signal });
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

await main();
