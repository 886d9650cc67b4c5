import type restify from 'restify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';
import { hashId } from '../logger.js';
import { sendJson } from './httpResponses.js';

export interface IpRateLimiterOptions {
  /** Take the client from X-Forwarded-For (its last entry, the one our proxy added); only behind a trusted reverse proxy. */
  trustProxy?: boolean;
  /** Requests this returns true for pass without counting (e.g. `/api/messages`, whose callers share Microsoft's IPs). */
  exempt?: (path: string) => boolean;
  /** Gets one warn line per client and window when it goes over the limit. */
  logger?: Logger;
  logSalt?: string;
  /** Observes each refusal (metrics). */
  onLimited?: (path: string) => void;
}

/** The address a request comes from: the socket peer, or with `trustProxy` the proxy's last X-Forwarded-For entry. */
export function clientAddress(req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }, trustProxy = false): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    const list = (Array.isArray(fwd) ? fwd.join(',') : (fwd ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
    const last = list[list.length - 1];
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The rate-limit bucket of an address: IPv4 as is, IPv6 by its /64 network (one host usually owns a whole /64). */
export function ipBucket(address: string): string {
  const a = address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!a.includes(':')) return a;
  const [head, tail] = a.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The request's path; '' where restify cannot parse the URL (a malformed Host header makes req.path() throw). */
export function requestPath(req: restify.Request): string {
  try {
    return req.path();
  } catch {
    return '';
  }
}

/** Whether the client asked for a page rather than an API answer. */
function wantsText(req: restify.Request): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('application/json');
}

/**
 * Per-IP rate limiting as a restify handler, for the web endpoints (chat page, widget assets, Direct
 * Line token/API). Use it server-wide — `server.pre(createIpRateLimiter(120, { exempt: (p) => p === '/api/messages' }))`
 * — or per route — `server.get('/chat', createIpRateLimiter(30), handler)`. Each call has its own
 * counters (one-minute windows, in memory). Over the limit it answers 429 with Retry-After — a short
 * JSON error, or a polite plain-text line for browsers — and stops the chain.
 */
export function createIpRateLimiter(perMinute: number, opts: IpRateLimiterOptions = {}): restify.RequestHandler {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`createIpRateLimiter: perMinute must be a positive integer, got ${perMinute}`);
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return function ipRateLimit(req: restify.Request, res: restify.Response, next: restify.Next): void {
    const path = requestPath(req);
    if (opts.exempt?.(path)) return next();
    const bucket = ipBucket(clientAddress(req, opts.trustProxy));
    limiter.consume(bucket).then(
      () => next(),
      (rej: unknown) => {
        // Only a RateLimiterRes means "over the limit"; anything else is our fault and must not block traffic.
        if (!(rej instanceof RateLimiterRes)) return next();
        const retryAfter = Math.max(1, Math.ceil(rej.msBeforeNext / 1000));
        if (rej.consumedPoints === perMinute + 1) opts.logger?.warn({ event: 'ip_rate_limited', client: hashId(bucket, opts.logSalt ?? ''), path: path.slice(0, 100) });
        opts.onLimited?.(path);
        res.setHeader('retry-after', String(retryAfter));
        if (wantsText(req)) {
          res.status(429);
          res.setHeader('content-type', 'text/plain; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end('Zu viele Anfragen – bitte warten Sie einen Moment und versuchen Sie es dann erneut.\nToo many requests – please wait a moment and try again.\n');
        } else {
          sendJson(res, 429, { error: 'too_many_requests', message: 'Too many requests; please wait a moment and try again.' });
        }
        return next(false);
      },
    );
  };
}
