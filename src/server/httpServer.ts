import restify from 'restify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logger.js';
import { hashId } from '../logger.js';
import { AuthRejectedError, type FoerderAdapter } from '../bot/foerderAdapter.js';
import { describeZodError, incomingActivitySchema } from './activitySchema.js';
import { isAllowedServiceUrl } from './serviceUrlPolicy.js';

export interface HttpServerOptions {
  adapter: FoerderAdapter;
  logic: (context: import('botbuilder').TurnContext) => Promise<void>;
  logger: Logger;
  authenticated: boolean;
  serviceUrlAllowlist: string[];
  maxBodyBytes: number;
  ratePerMinute: number;
  logSalt: string;
  /** Readiness: index loaded, storage reachable. */
  health: () => Promise<{ live: boolean; ready: boolean; details: Record<string, unknown> }>;
  /** Extra headers for every response (security headers). */
  securityHeaders?: Record<string, string>;
  onRequest?: (route: string, status: number) => void;
}

type Res = restify.Response;

function sendJson(res: Res, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The HTTP face: POST /api/messages (size limit, zod check, serviceUrl policy, per-conversation
 * rate limit, auth failures → 401 with a fixed body), GET /healthz and /readyz.
 */
export function createHttpServer(opts: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'foerderlotse', handleUncaughtExceptions: false });
  const limiter = new RateLimiterMemory({ points: opts.ratePerMinute, duration: 60 });

  server.pre((req, res, next) => {
    for (const [k, v] of Object.entries(opts.securityHeaders ?? {})) res.setHeader(k, v);
    return next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: opts.maxBodyBytes, mapParams: false, mapFiles: false, rejectUnknown: true }));

  // restify's own errors (413, 400 bad JSON, 404, 405) as short JSON without internals.
  server.on('restifyError', (req: restify.Request, res: Res, err: { statusCode?: number; body?: { code?: string }; message?: string; toJSON?: () => unknown }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const code = status === 413 ? 'payload_too_large' : status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status >= 500 ? 'internal_error' : 'bad_request';
    const message = status === 413 ? `Request body larger than ${opts.maxBodyBytes} bytes` : status >= 500 ? 'Internal error' : status === 404 ? 'Not found' : 'Malformed request (expected a JSON Bot Framework activity)';
    err.toJSON = () => ({ error: code, message });
    opts.onRequest?.(req.getRoute()?.path?.toString() ?? 'unknown', status);
    return cb();
  });

  server.post('/api/messages', async (req: restify.Request, res: Res) => {
    const parsed = incomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      sendJson(res, 400, { error: 'bad_request', message: `Invalid activity: ${describeZodError(parsed.error)}` });
      opts.onRequest?.('/api/messages', 400);
      return;
    }
    const activity = parsed.data as unknown as Activity;
    const inProcessReplies = activity.deliveryMode === 'expectReplies';
    if (!inProcessReplies && !isAllowedServiceUrl(activity.serviceUrl, { authenticated: opts.authenticated, allowlist: opts.serviceUrlAllowlist })) {
      opts.logger.warn({ event: 'service_url_rejected', channel: activity.channelId });
      sendJson(res, 403, { error: 'forbidden', message: 'serviceUrl is not allowed' });
      opts.onRequest?.('/api/messages', 403);
      return;
    }
    try {
      await limiter.consume(`${activity.channelId}:${activity.conversation.id}`);
    } catch {
      res.setHeader('retry-after', '60');
      sendJson(res, 429, { error: 'too_many_requests', message: 'Too many messages in this conversation; please wait a minute.' });
      opts.onRequest?.('/api/messages', 429);
      return;
    }
    const authHeader = String(req.headers.authorization ?? '');
    try {
      const result = await opts.adapter.handle(activity, authHeader, opts.logic);
      if (result.body !== undefined) sendJson(res, result.status, result.body);
      else {
        res.status(result.status);
        res.end();
      }
      opts.onRequest?.('/api/messages', result.status);
    } catch (err) {
      if (err instanceof AuthRejectedError) {
        opts.logger.warn({ event: 'auth_rejected', channel: activity.channelId, reason: err.reason });
        sendJson(res, 401, { error: 'unauthorized', message: 'Unauthorized' });
        opts.onRequest?.('/api/messages', 401);
        return;
      }
      opts.logger.error({ event: 'request_failed', conv: hashId(activity.conversation.id, opts.logSalt), err: (err as Error)?.name, detail: String((err as Error)?.message ?? '').slice(0, 200) });
      sendJson(res, 500, { error: 'internal_error', message: 'Internal error' });
      opts.onRequest?.('/api/messages', 500);
    }
  });

  server.get('/healthz', async (req: restify.Request, res: Res) => {
    const h = await opts.health();
    sendJson(res, h.live ? 200 : 503, { status: h.live ? 'ok' : 'starting', ...h.details });
  });
  server.get('/readyz', async (req: restify.Request, res: Res) => {
    const h = await opts.health();
    sendJson(res, h.ready ? 200 : 503, { status: h.ready ? 'ready' : 'not_ready', ...h.details });
  });
  return server;
}
