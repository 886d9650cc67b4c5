import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { Metrics } from './metrics.js';

export interface MetricsRouteOptions {
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; otherwise it is open (restrict it at the proxy). */
  token?: string;
  /** Default /metrics. */
  path?: string;
  /** Called before each scrape, e.g. to flush batched observations. */
  beforeScrape?: () => void;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** GET /metrics in Prometheus text format, optionally behind a bearer token. */
export function registerMetricsRoute(server: restify.Server, metrics: Metrics, opts: MetricsRouteOptions = {}): void {
  const path = opts.path ?? '/metrics';
  // Compared as fixed-length digests in constant time, so the response time does not leak the token.
  const expected = opts.token ? digest(opts.token) : null;
  server.get(path, async (req: restify.Request, res: restify.Response) => {
    if (expected) {
      const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? '').trim());
      if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
        res.status(401);
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ error: 'unauthorized', message: 'Unauthorized' }));
        metrics.httpRequest(path, 401);
        return;
      }
    }
    try {
      // Turn observations are batched; a scrape sees everything handled so far.
      opts.beforeScrape?.();
      const body = await metrics.text();
      res.status(200);
      res.setHeader('content-type', metrics.contentType);
      res.setHeader('cache-control', 'no-store');
      res.end(body);
      metrics.httpRequest(path, 200);
    } catch {
      res.status(500);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: 'internal_error', message: 'Internal error' }));
      metrics.httpRequest(path, 500);
    }
  });
}
