import { join } from 'node:path';
import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { Config } from './config.js';
import { Answerer } from './answer/answerer.js';
import { FoerderAdapter } from './bot/foerderAdapter.js';
import { FoerderBot } from './bot/foerderBot.js';
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
import { botAuthenticationConfig } from './server/botAuthConfig.js';
import { createStorage } from './storage/createStorage.js';
import { createTurnLock } from './storage/turnLock.js';
import { startRetention } from './storage/retention.js';
import type { AppStorage } from './storage/appStorage.js';
import { SqliteStorage } from './storage/sqliteStorage.js';
import { parseStorageUrl } from './storage/createStorage.js';
import type pg from 'pg';
import { randomBytes } from 'node:crypto';
import { loadFlow } from './dialogs/flowSchema.js';
import { registerDirectLine } from './directline/directLineServer.js';
import { AZURE_DIRECT_LINE_DOMAIN } from './directline/azureTokenExchange.js';
import { registerWebChat } from './web/webChatPage.js';
import { createMetrics, registerMetricsRoute } from './metrics/metrics.js';
import { openFeedbackStore } from './feedback/openFeedbackStore.js';
import { createTurnRecorder } from './feedback/turnRecorder.js';
import { FlowRouter } from './dialogs/flowRouter.js';
import { createMailTransport, DeliveryWorker, HandoffService, PostgresOutboxStore, SqliteOutboxStore, type OutboxStore } from './handoff/index.js';

/** How long after the server listens the flows' engine is loaded (it is not needed to answer questions). */
const FLOW_ENGINE_DELAY_MS = 500;

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

/** Wires the service from a parsed configuration. The composition root's only collaborator. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const clock = opts.clock ?? (config.TODAY ? () => new Date(`${config.TODAY}T12:00:00Z`) : () => new Date());
  const authenticated = Boolean(config.MicrosoftAppId);

  const kb = await ensureIndex(config.KNOWLEDGE_DIR, { ingestIfStale: !config.NO_INGEST_ON_START, progress: opts.progress });
  const onPoolError = (err: Error) => logger.warn({ event: 'db_pool_error', err: err?.name });
  const storage = await createStorage(config.STORAGE_URL, config.DATA_DIR, { onPoolError });
  // Each running turn holds one pooled connection for its advisory lock; the pool bounds concurrent turns per instance.
  const turnLock = createTurnLock(config.STORAGE_URL, { onPoolError, maxConnections: 16, waitMs: 5_000 });
  const stopRetention = startRetention(storage, config.RETENTION_DAYS, {
    onPurged: (n) => n && logger.info({ event: 'retention_purged', items: n }),
    onError: (err) => logger.warn({ event: 'retention_failed', err: (err as Error)?.name }),
  });

  const { t } = createTranslator(config.LOCALES_DIR);
  const defaultLang = config.DEFAULT_LOCALE === 'en-US' ? 'en' : 'de';
  const metrics = createMetrics();
  metrics.setIndex({ chunks: kb.chunks.length, createdAt: kb.createdAt, version: kb.version });
  const feedback = await openFeedbackStore(config.STORAGE_URL, config.DATA_DIR, {
    sqliteDb: storage instanceof SqliteStorage ? storage.db : undefined,
    keep: kb.programs.flatMap((p) => [p.id, ...p.name.split(/[^\p{L}\p{N}-]+/u)]).filter((w) => w.length >= 3),
  });
  const recordTurn = createTurnRecorder(feedback.store, { clock, onError: (err) => logger.warn({ event: 'feedback_record_failed', err: (err as Error)?.name }) });
  const answerer = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p)), terms: TermList.load(join(config.KNOWLEDGE_DIR, 'terms.yaml')), t });
  const detector = new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p));

  // Handoff: a durable outbox next to the bot state, delivered by SMTP or written as .eml files.
  let outbox: OutboxStore;
  let outboxPool: pg.Pool | undefined;
  if (parseStorageUrl(config.STORAGE_URL).kind === 'postgres') {
    // Loaded only when configured: most installations run on SQLite, and pg adds start-up time.
    const { default: pgModule } = await import('pg');
    outboxPool = new pgModule.Pool({ connectionString: config.STORAGE_URL, max: 4 });
    outbox = await PostgresOutboxStore.open(outboxPool);
  } else {
    outbox = new SqliteOutboxStore((storage as SqliteStorage).db);
  }
  const transport = createMailTransport({ smtpUrl: config.SMTP_URL, outboxDir: config.OUTBOX_DIR });
  if (!config.SMTP_URL) logger.warn({ event: 'handoff_to_files', outbox: transport.describe() }, 'SMTP_URL ist leer: Übergaben werden als .eml-Dateien abgelegt, nicht versendet');
  const worker = new DeliveryWorker({
    store: outbox, transport, logger, compose: { from: config.HANDOFF_FROM_EMAIL },
    hooks: { onQueued: () => metrics.handoffQueued(), onSent: () => metrics.handoffSent(), onFailed: (i: { permanent?: boolean }) => metrics.handoffFailed({ permanent: i.permanent }) },
  });
  const handoff = new HandoffService({ store: outbox, worker });
  worker.start();

  const flows = new FlowRouter({
    kb, answerer, detector, t, storage, handoff,
    flows: { check: loadFlow(config.DIALOGS_DIR, 'foerder-check.yaml'), handoff: loadFlow(config.DIALOGS_DIR, 'handoff.yaml') },
    defaultHandoffEmail: config.HANDOFF_DEFAULT_EMAIL, retentionDays: config.RETENTION_DAYS, logSalt: config.LOG_SALT, logger,
  });
  const bot = new FoerderBot({
    answerer, t, store: new TurnStateStore(storage), turnLock, logger, clock, flows,
    maxTextChars: config.MAX_TEXT_CHARS, defaultLang, retentionDays: config.RETENTION_DAYS, logSalt: config.LOG_SALT,
    feedback: feedback.store,
    onFeedback: (direction, programId) => metrics.feedback(direction, programId),
    onTurn: (e) => {
      // One line per turn for operators: what kind of turn, never its text.
      logger.info({ event: 'turn', channel: e.channelId, intent: e.intent, kind: e.kind, program: e.programId, ms: Math.round(e.ms * 10) / 10 });
      metrics.observeTurn(e);
      void recordTurn(e);
    },
  });

  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthenticationConfig({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: config.ToBotFromEmulatorOpenIdMetadataUrl,
      ToBotFromChannelTokenIssuer: config.ToBotFromChannelTokenIssuer,
    }) as never,
  );
  const adapter = new FoerderAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ event: 'turn_error', err: error?.name, detail: String(error?.message ?? '').slice(0, 200), conv: hashId(context.activity.conversation?.id, config.LOG_SALT) });
    if (context.activity.type === 'message') {
      const lang = detectLanguage(typeof context.activity.text === 'string' ? context.activity.text : '', context.activity.locale, defaultLang);
      await context.sendActivity(textReply(t(lang, 'error'), lang)).catch(() => undefined);
    }
  };

  const server = createHttpServer({
    adapter, logic: bot.run, logger, authenticated, serviceUrlAllowlist: config.SERVICE_URL_ALLOWLIST, maxBodyBytes: config.MAX_BODY_BYTES,
    ratePerMinute: config.RATE_LIMIT_PER_MINUTE, logSalt: config.LOG_SALT,
    onRequest: (route, status) => metrics.httpRequest(route, status),
    // Direct Line has its own limits; office NATs share one address, so its polling is exempt.
    ipRatePerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
    ipRateExemptPrefixes: ['/v3/directline'],
    trustProxy: config.TRUST_PROXY,
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

  registerMetricsRoute(server, metrics, { token: config.METRICS_TOKEN || undefined, beforeScrape: () => bot.flushObservers() });

  // The website widget: Web Chat served by the bot, talking to the bot's own Direct Line endpoints.
  const directLine = registerDirectLine(server, {
    deliver: (activity) => adapter.runInProcess(activity, bot.run),
    // A random key per start means widget tokens end with a restart; set DIRECT_LINE_TOKEN_SECRET to keep them.
    tokenSecret: config.DIRECT_LINE_TOKEN_SECRET || randomBytes(32).toString('hex'),
    publicUrl: config.PUBLIC_URL || undefined,
    botName: config.WIDGET_TITLE,
    logger,
    azureSecret: config.DIRECT_LINE_SECRET || undefined,
    startRateLimitPerMinute: Math.max(1, Math.round(config.RATE_LIMIT_IP_PER_MINUTE / 6)),
    trustProxy: config.TRUST_PROXY,
  });
  registerWebChat(server, {
    title: config.WIDGET_TITLE, accentColor: config.WIDGET_ACCENT_COLOR, locale: config.DEFAULT_LOCALE,
    localesDir: config.LOCALES_DIR, publicUrl: config.PUBLIC_URL || undefined,
    directLineDomain: config.DIRECT_LINE_SECRET ? AZURE_DIRECT_LINE_DOMAIN : undefined,
    frameAncestors: ["'self'", ...config.WIDGET_FRAME_ANCESTORS],
  });
  // Retention also covers handoff records and feedback events.
  const retentionMs = config.RETENTION_DAYS * 86_400_000;
  const purgeTimer = setInterval(() => {
    const cutoff = clock().getTime() - retentionMs;
    void handoff.purgeOlderThan(cutoff).catch(() => undefined);
    void feedback.store.purgeOlderThan(new Date(cutoff)).catch(() => undefined);
  }, 3_600_000);
  purgeTimer.unref();

  return {
    server, kb, storage, bot, adapter, logger, handoff, worker,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          // The flows' engine loads once the service answers, so the first Förder-Check does not wait for it.
          setTimeout(() => void flows.prepare().catch((err) => logger.warn({ event: 'flow_engine_failed', err: (err as Error)?.name })), FLOW_ENGINE_DELAY_MS).unref();
          const addr = server.address() as { port: number };
          resolve({ port: addr.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}` });
        });
      }),
    close: async () => {
      clearInterval(purgeTimer);
      bot.flushObservers();
      // Open WebSockets would otherwise keep the server from closing.
      directLine.close();
      await stopRetention();
      await worker.stop();
      await transport.close?.();
      await new Promise<void>((r) => server.close(() => r()));
      await turnLock.close();
      await storage.close();
      await outboxPool?.end();
      await feedback.close();
    },
  };
}
