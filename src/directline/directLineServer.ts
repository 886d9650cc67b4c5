import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { exchangeAzureToken } from './azureTokenExchange.js';
import { type Conversation, ConversationStore, type ConversationSubscriber } from './conversationStore.js';
import { forbidden, missingToken, notFound, tooManyRequests } from './directLineErrors.js';
import { clientActivitySchema, startBodySchema, watermarkSchema } from './directLineSchemas.js';
import { DirectLineTokens, type TokenClaims, conversationIdSchema, newConversationId, newUserId } from './directLineToken.js';
import {
  type MinimalLogger,
  bearerToken,
  clientIp,
  parseOrThrow,
  publicBase,
  readJsonBody,
  route,
  sendJson,
  silentLogger,
} from './httpHelpers.js';
import { FixedWindowRateLimiter } from './rateLimiter.js';
import type { RouteRequest } from './routeServer.js';

/** How the Direct Line endpoints reach the bot and how strict they are. */
export interface DirectLineOptions {
  /** Runs one turn of the bot in-process and resolves with its replies. */
  deliver: (activity: Activity) => Promise<Partial<Activity>[]>;
  /** HMAC key for tokens, at least 32 bytes; a random one per process is fine (tokens then die with the process). */
  tokenSecret: string;
  /** Lifetime of conversation tokens; default 1800 s, as Azure's. */
  tokenTtlSeconds?: number;
  now?: () => number;
  /** Open conversations at most; default 5000. */
  maxConversations?: number;
  /** Anonymous conversation starts and token requests per IP and minute; default 20 (offices share NAT addresses). */
  startRateLimitPerMinute?: number;
  /** Posted activities per conversation and minute; default 30. */
  postRateLimitPerMinute?: number;
  /** Public base URL (https://bot.example.de); default: derived from each request's Host header. */
  publicUrl?: string;
  botId?: string;
  botName?: string;
  logger?: MinimalLogger;
  /** Azure Direct Line secret; when set, GET /api/directline/token hands out Azure tokens instead of local ones. */
  azureSecret?: string;
  /** Azure Direct Line base, e.g. the European one; default global. */
  azureDomain?: string;
  /** Injectable fetch for the Azure token exchange. */
  fetch?: typeof fetch;
  /** Honour X-Forwarded-For/-Proto (only behind a reverse proxy you run). */
  trustProxy?: boolean;
  /** Conversations without any request or stream ping for this long are forgotten; default 3600 s. */
  conversationIdleSeconds?: number;
  /** Activities kept per conversation for polling and reconnects; default 500. */
  maxActivitiesPerConversation?: number;
  maxBodyBytes?: number;
  /** Deliver a conversationUpdate (bot and user added) when a conversation starts, so the bot can greet; default true. */
  sendConversationUpdate?: boolean;
  channelId?: 'directline' | 'webchat';
}

/** Lets the composition root and tests stop timers and sockets and wait for queued turns. */
export interface DirectLineHandle {
  close(): void;
  idle(): Promise<void>;
  conversationCount(): number;
}

const optionsSchema = z.object({
  tokenSecret: z.string().refine((s) => Buffer.byteLength(s) >= 32, 'must be at least 32 bytes'),
  tokenTtlSeconds: z.number().int().min(60).max(86_400).default(1800),
  maxConversations: z.number().int().min(1).default(5000),
  startRateLimitPerMinute: z.number().int().min(1).default(20),
  postRateLimitPerMinute: z.number().int().min(1).default(30),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  botId: z.string().min(1).default('foerderlotse'),
  botName: z.string().optional(),
  azureSecret: z.string().optional(),
  azureDomain: z.url({ protocol: /^https$/ }).optional(),
  trustProxy: z.boolean().default(false),
  conversationIdleSeconds: z.number().int().min(60).default(3600),
  maxActivitiesPerConversation: z.number().int().min(10).default(500),
  maxBodyBytes: z.number().int().min(1024).default(256 * 1024),
  sendConversationUpdate: z.boolean().default(true),
  channelId: z.enum(['directline', 'webchat']).default('directline'),
});

const BASE = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const STREAM_TOKEN_TTL_SECONDS = 120;
const MAX_PENDING_TURNS = 5;
const HEARTBEAT_MS = 30_000;
// Service-internal reply types that Azure Direct Line does not forward to clients either.
const HIDDEN_REPLY_TYPES = new Set(['trace', 'invokeResponse', 'delay']);

/** Serves the Direct Line 3.0 endpoints (REST, polling, WebSocket stream, tokens) that Web Chat's client uses, plus GET /api/directline/token. */
export function registerDirectLine(server: restify.Server, options: DirectLineOptions): DirectLineHandle {
  const cfg = optionsSchema.parse(options);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const tokens = new DirectLineTokens(cfg.tokenSecret, now);
  const store = new ConversationStore({
    maxConversations: cfg.maxConversations,
    idleMs: cfg.conversationIdleSeconds * 1000,
    maxLog: cfg.maxActivitiesPerConversation,
    now,
  });
  const startLimiter = new FixedWindowRateLimiter(cfg.startRateLimitPerMinute, now);
  const postLimiter = new FixedWindowRateLimiter(cfg.postRateLimitPerMinute, now);
  const bot = { id: cfg.botId, ...(cfg.botName ? { name: cfg.botName } : {}), role: 'bot' };

  const limitStart = (req: RouteRequest): void => {
    const d = startLimiter.take(clientIp(req, cfg.trustProxy));
    if (!d.allowed) throw tooManyRequests(d.retryAfterSeconds);
  };

  const authorize = (req: RouteRequest, conversationId?: string): TokenClaims => {
    const token = bearerToken(req);
    if (!token) throw missingToken();
    const claims = tokens.verify(token, 'conversation');
    if (!claims || (conversationId !== undefined && claims.conv !== conversationId)) throw forbidden();
    return claims;
  };

  const conversationParam = (req: RouteRequest): string => {
    const parsed = conversationIdSchema.safeParse(req.params?.conversationId);
    // A malformed id cannot belong to any token, so it is as forbidden as a foreign one.
    if (!parsed.success) throw forbidden();
    return parsed.data;
  };

  const expiresIn = (claims: TokenClaims): number => Math.max(0, claims.exp - Math.floor(now() / 1000));

  const streamUrl = (req: RouteRequest, claims: TokenClaims, watermark?: string): string => {
    const base = publicBase(req, cfg.publicUrl, cfg.trustProxy).replace(/^http/, 'ws');
    const stream = tokens.issue('stream', claims.conv, claims.user, STREAM_TOKEN_TTL_SECONDS);
    const wm = watermark ? `&watermark=${encodeURIComponent(watermark)}` : '';
    return `${base}${BASE}/conversations/${claims.conv}/stream?t=${stream.token}${wm}`;
  };

  const conversationBody = (req: RouteRequest, claims: TokenClaims, token: string, watermark?: string) => ({
    conversationId: claims.conv,
    token,
    expires_in: expiresIn(claims),
    streamUrl: streamUrl(req, claims, watermark),
  });

  const runTurn = async (conv: Conversation, inbound: Partial<Activity>): Promise<void> => {
    try {
      const replies = await options.deliver(structuredClone(inbound) as Activity);
      for (const reply of replies) publishReply(conv, reply, inbound);
    } catch (err) {
      logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err), activityType: inbound.type }, 'bot turn failed');
    }
  };

  const publishReply = (conv: Conversation, reply: Partial<Activity>, inbound: Partial<Activity>): void => {
    const type = reply.type ?? 'message';
    if (HIDDEN_REPLY_TYPES.has(type)) return;
    // A snapshot: the bot may keep mutating its objects, and the log must stay plain JSON.
    const r = JSON.parse(JSON.stringify(reply)) as Partial<Activity>;
    delete r.id;
    conv.append(
      {
        ...r,
        type,
        channelId: cfg.channelId,
        serviceUrl: inbound.serviceUrl,
        conversation: { id: conv.id } as Activity['conversation'],
        // A reply must never look like the user's own message in the widget.
        from: { ...bot, ...(r.from ?? {}), role: 'bot' } as Activity['from'],
        recipient: { id: conv.userId, role: 'user' } as Activity['recipient'],
        replyToId: r.replyToId ?? inbound.id,
        timestamp: new Date(now()) as Activity['timestamp'],
        locale: r.locale ?? inbound.locale,
      },
      type === 'typing',
    );
  };

  const startConversation = (serviceUrl: string, claims: TokenClaims, locale: string | undefined): Conversation => {
    const conv = store.create(claims.conv, claims.user);
    conv.locale = locale;
    if (cfg.sendConversationUpdate) {
      const user = { id: claims.user, role: 'user' };
      const update: Partial<Activity> = {
        type: 'conversationUpdate',
        id: `${conv.id}|start`,
        channelId: cfg.channelId,
        serviceUrl,
        conversation: { id: conv.id } as Activity['conversation'],
        from: user as Activity['from'],
        recipient: bot as Activity['recipient'],
        membersAdded: [bot, user] as Activity['membersAdded'],
        timestamp: new Date(now()) as Activity['timestamp'],
        ...(locale ? { locale } : {}),
      };
      conv.enqueueTurn(() => runTurn(conv, update), MAX_PENDING_TURNS);
    }
    return conv;
  };

  server.post(
    `${BASE}/tokens/generate`,
    route(logger, 'tokens/generate', async (req, res) => {
      limitStart(req);
      // Client-chosen user ids are not honoured: the server binds a fresh one so visitors cannot impersonate each other.
      parseOrThrow(startBodySchema, await readJsonBody(req, cfg.maxBodyBytes), 'body');
      const issued = tokens.issue('conversation', newConversationId(), newUserId(), cfg.tokenTtlSeconds);
      sendJson(res, 200, { conversationId: issued.claims.conv, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${BASE}/tokens/refresh`,
    route(logger, 'tokens/refresh', async (req, res) => {
      const claims = authorize(req);
      const issued = tokens.issue('conversation', claims.conv, claims.user, cfg.tokenTtlSeconds);
      sendJson(res, 200, { conversationId: claims.conv, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${BASE}/conversations`,
    route(logger, 'conversations/start', async (req, res) => {
      const presented = bearerToken(req);
      let claims: TokenClaims;
      let token: string;
      if (presented) {
        claims = authorize(req);
        token = presented;
      } else {
        limitStart(req);
        const issued = tokens.issue('conversation', newConversationId(), newUserId(), cfg.tokenTtlSeconds);
        claims = issued.claims;
        token = issued.token;
      }
      const body = parseOrThrow(startBodySchema, await readJsonBody(req, cfg.maxBodyBytes), 'body');
      const serviceUrl = publicBase(req, cfg.publicUrl, cfg.trustProxy);
      const existing = store.get(claims.conv);
      if (existing && existing.userId !== claims.user) throw forbidden();
      if (!existing) startConversation(serviceUrl, claims, body?.locale);
      sendJson(res, existing ? 200 : 201, conversationBody(req, claims, token));
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId`,
    route(logger, 'conversations/reconnect', async (req, res) => {
      const id = conversationParam(req);
      const claims = authorize(req, id);
      const watermark = parseOrThrow(watermarkSchema, queryParam(req, 'watermark') ?? '', 'watermark');
      if (!store.get(id)) throw notFound();
      sendJson(res, 200, conversationBody(req, claims, bearerToken(req) ?? '', watermark));
    }),
  );

  server.post(
    `${BASE}/conversations/:conversationId/activities`,
    route(logger, 'activities/post', async (req, res) => {
      const id = conversationParam(req);
      const claims = authorize(req, id);
      const conv = store.get(id);
      if (!conv) throw notFound();
      const d = postLimiter.take(id);
      if (!d.allowed) throw tooManyRequests(d.retryAfterSeconds);
      const posted = parseOrThrow(clientActivitySchema, await readJsonBody(req, cfg.maxBodyBytes), 'activity');
      const { from, ...rest } = posted;
      const inbound: Partial<Activity> = {
        ...(rest as Partial<Activity>),
        channelId: cfg.channelId,
        serviceUrl: publicBase(req, cfg.publicUrl, cfg.trustProxy),
        conversation: { id } as Activity['conversation'],
        // The token decides who speaks, whatever id the client put into `from`.
        from: { id: claims.user, ...(from?.name ? { name: from.name } : {}), role: 'user' } as Activity['from'],
        recipient: bot as Activity['recipient'],
        timestamp: new Date(now()) as Activity['timestamp'],
        locale: posted.locale ?? conv.locale,
      };
      const isTyping = posted.type === 'typing';
      // Refuse before echoing, so a message the bot will never see is not shown as sent.
      if (!isTyping && !conv.hasRoomForTurn(MAX_PENDING_TURNS)) throw tooManyRequests(2);
      // The echo is what Web Chat waits for to mark the message as sent.
      const stored = conv.append(inbound, isTyping);
      if (!isTyping) conv.enqueueTurn(() => runTurn(conv, stored), MAX_PENDING_TURNS);
      sendJson(res, 200, { id: stored.id });
    }),
  );

  server.get(
    `${BASE}/conversations/:conversationId/activities`,
    route(logger, 'activities/get', async (req, res) => {
      const id = conversationParam(req);
      authorize(req, id);
      const watermark = parseOrThrow(watermarkSchema, queryParam(req, 'watermark') ?? '', 'watermark');
      const conv = store.get(id);
      if (!conv) throw notFound();
      sendJson(res, 200, conv.since(watermark));
    }),
  );

  server.get(
    '/api/directline/token',
    route(logger, 'api/directline/token', async (req, res) => {
      limitStart(req);
      if (cfg.azureSecret) {
        const t = await exchangeAzureToken(
          { secret: cfg.azureSecret, domain: cfg.azureDomain, fetch: options.fetch },
          newUserId(),
        );
        sendJson(res, 200, t);
        return;
      }
      const issued = tokens.issue('conversation', newConversationId(), newUserId(), cfg.tokenTtlSeconds);
      sendJson(res, 200, { conversationId: issued.claims.conv, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  // WebSocket stream: same HTTP server, authorised by the stream token in the URL.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakSet<WebSocket>();

  const refuse = (socket: Duplex, status: number, reason: string, code: string): void => {
    const body = JSON.stringify({ error: { code, message: reason } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };

  const attach = (conv: Conversation, ws: WebSocket, watermark: string): void => {
    // One stream per conversation, as Azure: a newer connection replaces an older one.
    for (const old of conv.subscribers) old.close(1000, 'collision');
    const sub: ConversationSubscriber = {
      push: (set) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(set));
      },
      close: (code, reason) => ws.close(code, reason),
    };
    alive.add(ws);
    const backlog = conv.since(watermark);
    if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
    conv.subscribers.add(sub);
    ws.on('message', () => {
      conv.lastSeen = now();
    });
    ws.on('pong', () => alive.add(ws));
    ws.on('close', () => conv.subscribers.delete(sub));
    ws.on('error', () => ws.terminate());
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // An absolute-form or malformed target must not take the process down.
      return refuse(socket, 400, 'Bad Request', 'BadArgument');
    }
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Nobody else upgrades on this server: close instead of leaving the socket open.
      socket.destroy();
      return;
    }
    const claims = tokens.verify(url.searchParams.get('t') ?? '', 'stream');
    if (!claims || claims.conv !== match[1]) return refuse(socket, 403, 'Forbidden', 'TokenInvalid');
    const watermark = watermarkSchema.safeParse(url.searchParams.get('watermark') ?? '');
    if (!watermark.success) return refuse(socket, 400, 'Bad Request', 'BadArgument');
    const conv = store.get(claims.conv);
    if (!conv) return refuse(socket, 404, 'Not Found', 'NotFound');
    wss.handleUpgrade(req, socket, head, (ws) => attach(conv, ws, watermark.data));
  };
  server.server.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
    const ended = store.sweep();
    if (ended > 0) logger.info({ ended, open: store.size }, 'idle direct line conversations ended');
    startLimiter.prune();
    postLimiter.prune();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close: () => {
      clearInterval(heartbeat);
      server.server.off('upgrade', onUpgrade);
      store.clear();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
    idle: async () => {
      await Promise.all([...store.all()].map((c) => c.idle()));
    },
    conversationCount: () => store.size,
  };
}

/** One query parameter, read from the raw URL so no query parser plugin is needed. */
function queryParam(req: RouteRequest, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}
