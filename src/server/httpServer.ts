import restify from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { hashId } from '../logger.js';
import { AuthRejectedError, type FoerderAdapter } from '../bot/foerderAdapter.js';
import { authRejectionReason } from './authRejectionReason.js';
import { describeZodError, incomingActivitySchema } from './activitySchema.js';
import { precheckBearer } from './bearerPrecheck.js';
import { DEFAULT_SECURITY_HEADERS, UNAUTHORIZED_BODY, publicError, sendJson } from './httpResponses.js';
import { clientAddress, createIpRateLimiter, ipBucket, requestPath } from './ipRateLimiter.js';
import { checkJsonShape, DEFAULT_JSON_LIMITS } from './jsonLimits.js';
import { isAllowedServiceUrl, isLoopback } from './serviceUrlPolicy.js';

export interface HttpServerOptions {
  adapter: FoerderAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  authenticated: boolean;
  serviceUrlAllowlist: string[];
  maxBodyBytes: number;
  /** Messages per conversation (and per user) and minute on /api/messages. */
  ratePerMinute: number;
  logSalt: string;
  /** Readiness: index loaded, storage reachable. */
  health: () => Promise<{ live: boolean; ready: boolean; details: Record<string, unknown> }>;
  /** Headers for every response (security headers); default DEFAULT_SECURITY_HEADERS. Pages add their own CSP on top. */
  securityHeaders?: Record<string, string>;
  onRequest?: (route: string, status: number) => void;
  /** Requests per client IP and minute on every route except /api/messages; off when unset. */
  ipRatePerMinute?: number;
  /** Path prefixes the per-IP limit skips besides /api/messages (e.g. an API with its own limits). */
  ipRateExemptPrefixes?: string[];
  /** Client IP from X-Forwarded-For; set only behind a trusted reverse proxy. */
  trustProxy?: boolean;
  /**
   * Failed channel authentications per client IP and minute before further attempts get 429; off
   * when unset. Behind a reverse proxy set `trustProxy` too, or one client's failures block everyone.
   */
  authFailuresPerMinute?: number;
  /** Deepest JSON nesting accepted on /api/messages (default 64). */
  maxJsonDepth?: number;
  /** Most JSON values accepted in one /api/messages body (default 20,000). */
  maxJsonNodes?: number;
  /** Without an app id, accept /api/messages only from loopback peers (default true). */
  anonymousLoopbackOnly?: boolean;
}

type Res = restify.Response;

const MESSAGES = '/api/messages';
const JSON_TYPE = /^application\/(?:json|[a-z0-9.+-]+\+json)$/;

/** The restify error shape the 'restifyError' event hands over. */
interface RestifyErr {
  statusCode?: number;
  name?: string;
  toJSON?: () => unknown;
  toString?: () => string;
}

/**
 * The HTTP face. POST /api/messages: JSON content type, body size, nesting depth, zod check of the
 * activity, loopback-only anonymous mode, bearer precheck, serviceUrl allow-list, per-conversation
 * and per-user rate limits, then authentication (every failure → 401 with UNAUTHORIZED_BODY and one
 * warn line) and the turn. GET /healthz and /readyz. Every error answer is short JSON with no
 * internals; compressed bodies are refused everywhere (the body limit counts compressed bytes).
 */
export function createHttpServer(opts: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'foerderlotse', handleUncaughtExceptions: false });
  // Slow senders cannot hold a connection for minutes; turns run after the body is read.
  server.server.headersTimeout = Math.min(server.server.headersTimeout || 60_000, 20_000);
  server.server.requestTimeout = Math.min(server.server.requestTimeout || 300_000, 30_000);

  const conversationLimiter = new RateLimiterMemory({ keyPrefix: 'conv', points: opts.ratePerMinute, duration: 60 });
  const userLimiter = new RateLimiterMemory({ keyPrefix: 'user', points: opts.ratePerMinute, duration: 60 });
  const authFailuresPerMinute = opts.authFailuresPerMinute;
  const authFailures = authFailuresPerMinute ? new RateLimiterMemory({ keyPrefix: 'authfail', points: authFailuresPerMinute, duration: 60 }) : undefined;
  const jsonLimits = { maxDepth: opts.maxJsonDepth ?? DEFAULT_JSON_LIMITS.maxDepth, maxNodes: opts.maxJsonNodes ?? DEFAULT_JSON_LIMITS.maxNodes };
  const headers = opts.securityHeaders ?? DEFAULT_SECURITY_HEADERS;
  const anonymousLoopbackOnly = opts.anonymousLoopbackOnly ?? true;

  const reply = (res: Res, route: string, status: number, body: unknown): void => {
    sendJson(res, status, body);
    opts.onRequest?.(route, status);
  };

  server.pre((req, res, next) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    // restify's router builds `new URL('http://' + Host + url)` and throws an uncaught exception —
    // which ends the process — for a malformed Host header or request target; refuse those here.
    try {
      req.getUrl();
    } catch {
      reply(res, 'invalid', 400, { error: 'bad_request', message: 'Malformed Host header or request target' });
      return next(false);
    }
    return next();
  });

  // Before any body is read: refuse what we would refuse anyway after reading it.
  server.pre((req, res, next) => {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      reply(res, requestPath(req), 415, { error: 'unsupported_media_type', message: 'Compressed request bodies are not accepted' });
      return next(false);
    }
    if (req.method !== 'POST' || requestPath(req) !== MESSAGES) return next();
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > opts.maxBodyBytes) {
      reply(res, MESSAGES, 413, { error: 'payload_too_large', message: `Request body larger than ${opts.maxBodyBytes} bytes` });
      return next(false);
    }
    if (!JSON_TYPE.test(String(req.getContentType() ?? '').toLowerCase())) {
      reply(res, MESSAGES, 400, { error: 'bad_request', message: 'Content-Type: expected application/json' });
      return next(false);
    }
    return next();
  });

  if (opts.ipRatePerMinute) {
    const exempt = [MESSAGES, ...(opts.ipRateExemptPrefixes ?? [])];
    server.pre(
      createIpRateLimiter(opts.ipRatePerMinute, {
        trustProxy: opts.trustProxy,
        exempt: (path) => exempt.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`)),
        logger: opts.logger,
        logSalt: opts.logSalt,
        onLimited: (path) => opts.onRequest?.(path, 429),
      }),
    );
  }

  server.use(restify.plugins.bodyParser({ maxBodySize: opts.maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }));

  // restify's own errors (413, 400 bad JSON, 404, 405, 415) and thrown ones as short JSON without internals.
  server.on('restifyError', (req: restify.Request, res: Res, err: RestifyErr, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const body = publicError(status);
    if (status === 413) body.message = `Request body larger than ${opts.maxBodyBytes} bytes`;
    else if (status === 400 && requestPath(req) === MESSAGES) body.message = 'Malformed request (expected a JSON Bot Framework activity)';
    // A plain Error has no statusCode, and restify would then send `InternalError(String(err))` — the message.
    err.statusCode = status;
    err.toJSON = () => body;
    err.toString = () => body.message;
    if (status >= 500) opts.logger.error({ event: 'request_failed', route: requestPath(req).slice(0, 100), status, err: err.name });
    opts.onRequest?.(req.getRoute()?.path?.toString() ?? 'unknown', status);
    return cb();
  });

  server.post(MESSAGES, async (req: restify.Request, res: Res) => {
    let conv = '';
    try {
      const shapeProblem = checkJsonShape(req.body, jsonLimits);
      if (shapeProblem) return reply(res, MESSAGES, 400, { error: 'bad_request', message: `Invalid activity: ${shapeProblem}` });
      const parsed = incomingActivitySchema.safeParse(req.body);
      if (!parsed.success) return reply(res, MESSAGES, 400, { error: 'bad_request', message: `Invalid activity: ${describeZodError(parsed.error)}` });
      const activity = parsed.data as unknown as Activity;
      conv = hashId(activity.conversation.id, opts.logSalt);
      const peer = req.socket.remoteAddress ?? '';
      const client = ipBucket(clientAddress(req, opts.trustProxy));
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';

      const refuse = (reason: string): void => {
        opts.logger.warn({ event: 'auth_rejected', reason, channel: activity.channelId, client: hashId(client, opts.logSalt) });
        void authFailures?.penalty(client, 1).catch(() => undefined);
        res.setHeader('www-authenticate', 'Bearer');
        reply(res, MESSAGES, 401, UNAUTHORIZED_BODY);
      };

      if (!opts.authenticated) {
        // Emulator mode trusts every caller, so only this machine may call.
        if (anonymousLoopbackOnly && !isLoopback(peer)) return refuse('anonymous_not_loopback');
      } else {
        const failures = await authFailures?.get(client);
        if (failures && authFailuresPerMinute && failures.consumedPoints >= authFailuresPerMinute) {
          res.setHeader('retry-after', String(Math.max(1, Math.ceil(failures.msBeforeNext / 1000))));
          return reply(res, MESSAGES, 429, { error: 'too_many_requests', message: 'Too many failed authentication attempts; please wait a minute.' });
        }
        const problem = precheckBearer(authHeader);
        if (problem) return refuse(problem);
        // ASE channel tokens skip the serviceUrl claim check and are not used on-premise.
        if (activity.channelId === 'AseChannel') return refuse('unsupported_channel');
      }

      if (!isAllowedServiceUrl(activity.serviceUrl, { authenticated: opts.authenticated, allowlist: opts.serviceUrlAllowlist })) {
        opts.logger.warn({ event: 'service_url_rejected', channel: activity.channelId, conv });
        return reply(res, MESSAGES, 403, { error: 'forbidden', message: 'serviceUrl is not allowed' });
      }

      const convKey = `${activity.channelId}:${activity.conversation.id}`;
      const userKey = `${activity.channelId}:${activity.from.id}`;
      try {
        await conversationLimiter.consume(convKey);
      } catch (rej) {
        return tooMany(res, rej, 'conversation', activity.channelId, conv);
      }
      try {
        await userLimiter.consume(userKey);
      } catch (rej) {
        void conversationLimiter.reward(convKey, 1).catch(() => undefined);
        return tooMany(res, rej, 'user', activity.channelId, conv);
      }

      let result;
      try {
        result = await opts.adapter.handle(activity, authHeader, opts.logic);
      } catch (err) {
        if (!(err instanceof AuthRejectedError)) throw err;
        // A refused caller must not use up the conversation's or the user's allowance.
        void conversationLimiter.reward(convKey, 1).catch(() => undefined);
        void userLimiter.reward(userKey, 1).catch(() => undefined);
        return refuse(authRejectionReason(err));
      }
      if (result.body !== undefined) return reply(res, MESSAGES, result.status, result.body);
      res.statusCode = result.status;
      res.setHeader('cache-control', 'no-store');
      res.end();
      opts.onRequest?.(MESSAGES, result.status);
    } catch (err) {
      opts.logger.error({ event: 'request_failed', route: MESSAGES, conv, err: err instanceof Error ? err.name : typeof err, detail: String((err as Error)?.message ?? '').slice(0, 200) });
      if (res.headersSent) res.destroy();
      else reply(res, MESSAGES, 500, publicError(500));
    }
  });

  function tooMany(res: Res, rej: unknown, scope: 'conversation' | 'user', channel: string, conv: string): void {
    if (!(rej instanceof RateLimiterRes)) throw rej;
    if (rej.consumedPoints === opts.ratePerMinute + 1) opts.logger.warn({ event: 'rate_limited', scope, channel, conv });
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(rej.msBeforeNext / 1000))));
    reply(res, MESSAGES, 429, {
      error: 'too_many_requests',
      message: scope === 'conversation' ? 'Too many messages in this conversation; please wait a minute.' : 'Too many messages from this user; please wait a minute.',
    });
  }

  server.get('/healthz', async (req: restify.Request, res: Res) => {
    const h = await opts.health();
    reply(res, '/healthz', h.live ? 200 : 503, { status: h.live ? 'ok' : 'starting', ...h.details });
  });
  server.get('/readyz', async (req: restify.Request, res: Res) => {
    const h = await opts.health();
    reply(res, '/readyz', h.ready ? 200 : 503, { status: h.ready ? 'ready' : 'not_ready', ...h.details });
  });
  return server;
}

export { createIpRateLimiter } from './ipRateLimiter.js';
export { UNAUTHORIZED_BODY } from './httpResponses.js';
