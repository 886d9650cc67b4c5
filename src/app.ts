import { join } from 'node:path';
import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { Config } from './config.js';
import { Answerer } from './answer/answerer.js';
import { FoerderAdapter } from './bot/foerderAdapter.js';
import { FoerderBot, type Flows } from './bot/foerderBot.js';
import { TurnStateStore } from './bot/conversationState.js';
import { textReply } from './bot/replyBuilder.js';
import { createTranslator } from './i18n.js';
import { ensureIndex } from './knowledge/ensureIndex.js';
import type { KnowledgeBase } from './knowledge/knowledgeBase.js';
import { createLogger, hashId, type Logger } from './logger.js';
import { detectLanguage } from './nlu/language.js';
import { ProgramDetector } from './nlu/programDetector.js';
import { TermList } from './nlu/termList.js';
import { createHttpServer } from './server/httpServer.js';
import { createStorage } from './storage/createStorage.js';
import { createTurnLock } from './storage/turnLock.js';
import { startRetention } from './storage/retention.js';
import type { AppStorage } from './storage/appStorage.js';
import { SqliteStorage } from './storage/sqliteStorage.js';
import { parseStorageUrl } from './storage/createStorage.js';
import pg from 'pg';
import { loadFlow } from './dialogs/flowSchema.js';
import { FlowRouter } from './dialogs/flowRouter.js';
import { createMailTransport, DeliveryWorker, HandoffService, PostgresOutboxStore, SqliteOutboxStore, type OutboxStore } from './handoff/index.js';

export interface AppOptions {
  clock?: () => Date;
  logger?: Logger;
  /** Print ingestion progress (the CLI start does; tests do not). */
  progress?: (line: string) => void;
}

export interface App {
  server: restify.Server;
  kb: KnowledgeBase;
  storage: AppStorage;
  bot: FoerderBot;
  adapter: FoerderAdapter;
  handoff: HandoffService;
  worker: DeliveryWorker;
  logger: Logger;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** Security headers for every response; pages add their own CSP on top. */
export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Wires the service from a parsed configuration. The composition root's only collaborator. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? (config.TODAY ? () => new Date(`${config.TODAY}T12:00:00Z`) : () => new Date());
  const authenticated = Boolean(config.MicrosoftAppId);

  const kb = await ensureIndex(config.KNOWLEDGE_DIR, { ingestIfStale: !config.NO_INGEST_ON_START, progress: opts.progress });
  const storage = await createStorage(config.STORAGE_URL, config.DATA_DIR);
  const turnLock = createTurnLock(config.STORAGE_URL);
  const stopRetention = startRetention(storage, config.RETENTION_DAYS, { onPurged: (n) => n && logger.info({ event: 'retention_purged', items: n }) });

  const { t } = createTranslator(config.LOCALES_DIR);
  const answerer = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary), terms: TermList.load(join(config.KNOWLEDGE_DIR, 'terms.yaml')), t });
  const detector = new ProgramDetector(kb.programs, kb.vocabulary);

  // Handoff: a durable outbox next to the bot state, delivered by SMTP or written as .eml files.
  let outbox: OutboxStore;
  let outboxPool: pg.Pool | undefined;
  if (parseStorageUrl(config.STORAGE_URL).kind === 'postgres') {
    outboxPool = new pg.Pool({ connectionString: config.STORAGE_URL, max: 4 });
    outbox = await PostgresOutboxStore.open(outboxPool);
  } else {
    outbox = new SqliteOutboxStore((storage as SqliteStorage).db);
  }
  const transport = createMailTransport({ smtpUrl: config.SMTP_URL, outboxDir: config.OUTBOX_DIR });
  if (!config.SMTP_URL) logger.warn({ event: 'handoff_to_files', outbox: transport.describe() }, 'SMTP_URL ist leer: Übergaben werden als .eml-Dateien abgelegt, nicht versendet');
  const worker = new DeliveryWorker({ store: outbox, transport, logger, compose: { from: config.HANDOFF_FROM_EMAIL } });
  const handoff = new HandoffService({ store: outbox, worker });
  worker.start();

  const flows: Flows = new FlowRouter({
    kb, answerer, detector, t, storage, handoff,
    flows: { check: loadFlow(config.DIALOGS_DIR, 'foerder-check.yaml'), handoff: loadFlow(config.DIALOGS_DIR, 'handoff.yaml') },
    defaultHandoffEmail: config.HANDOFF_DEFAULT_EMAIL, retentionDays: config.RETENTION_DAYS, logSalt: config.LOG_SALT, logger,
  });
  const bot = new FoerderBot({
    answerer, t, store: new TurnStateStore(storage), turnLock, logger, clock, flows,
    maxTextChars: config.MAX_TEXT_CHARS, retentionDays: config.RETENTION_DAYS, logSalt: config.LOG_SALT,
  });

  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new FoerderAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn_error', err: error?.name, detail: String(error?.message ?? '').slice(0, 200), conv: hashId(context.activity.conversation?.id, config.LOG_SALT) });
    if (context.activity.type === 'message') {
      const lang = detectLanguage(typeof context.activity.text === 'string' ? context.activity.text : '', context.activity.locale);
      await context.sendActivity(textReply(t(lang, 'error'), lang)).catch(() => undefined);
    }
  };

  const server = createHttpServer({
    adapter, logic: bot.run, logger, authenticated, serviceUrlAllowlist: config.SERVICE_URL_ALLOWLIST, maxBodyBytes: config.MAX_BODY_BYTES,
    ratePerMinute: config.RATE_LIMIT_PER_MINUTE, logSalt: config.LOG_SALT, securityHeaders: SECURITY_HEADERS,
    health: async () => {
      let storageOk = true;
      try {
        await storage.read(['health/probe']);
      } catch {
        storageOk = false;
      }
      return { live: true, ready: storageOk, details: { index: kb.version, chunks: kb.chunks.length, storage: storageOk ? 'ok' : 'unreachable' } };
    },
  });

  return {
    server, kb, storage, bot, adapter, logger, handoff, worker,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as { port: number };
          resolve({ port: addr.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}` });
        });
      }),
    close: async () => {
      await stopRetention();
      await worker.stop();
      await transport.close?.();
      await new Promise<void>((r) => server.close(() => r()));
      await turnLock.close();
      await storage.close();
      await outboxPool?.end();
    },
  };
}
