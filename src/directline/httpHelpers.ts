import type { ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { z } from 'zod';
import { DirectLineError, badArgument } from './directLineErrors.js';
import type { RouteHandler, RouteRequest } from './routeServer.js';

/** The logger shape these modules need; pino satisfies it. */
export interface MinimalLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: MinimalLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

// Host header values we are willing to echo into URLs and CSP: a DNS name or IP literal with an optional port.
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Headers every JSON API answer carries: never cached, never sniffed. */
const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** Writes a JSON response with the API headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.writeHead(status, { ...API_HEADERS, ...extra, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Maps any error to a short JSON error; unexpected ones become a 500 and are logged, never echoed. */
export function sendError(res: ServerResponse, err: unknown, logger: MinimalLogger, where: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof DirectLineError) {
    const extra: Record<string, string> = err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
    sendJson(res, err.status, { error: { code: err.code, message: err.message } }, extra);
    return;
  }
  logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err), where }, 'directline request failed');
  sendJson(res, 500, { error: { code: 'ServerError', message: 'Internal error' } });
}

/** Wraps a handler so every failure ends in `sendError`. */
export function route(logger: MinimalLogger, where: string, handler: RouteHandler): RouteHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      sendError(res, err, logger, where);
    }
  };
}

/** Reads and JSON-parses the body (or takes what a body parser already left); undefined when empty. */
export async function readJsonBody(req: RouteRequest, maxBytes: number): Promise<unknown> {
  const pre = req.body;
  if (pre !== undefined && pre !== null && !(typeof pre === 'string' || Buffer.isBuffer(pre))) return pre;
  let raw: string;
  if (typeof pre === 'string' || Buffer.isBuffer(pre)) {
    raw = pre.toString();
  } else {
    if (req.readableEnded) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += b.length;
      if (size > maxBytes) throw new DirectLineError(413, 'PayloadTooLarge', `body: larger than ${maxBytes} bytes`);
      chunks.push(b);
    }
    raw = Buffer.concat(chunks).toString('utf8');
  }
  if (Buffer.byteLength(raw) > maxBytes) throw new DirectLineError(413, 'PayloadTooLarge', `body: larger than ${maxBytes} bytes`);
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badArgument('body', 'not valid JSON');
  }
}

/** Parses `value` with `schema` or throws a 400 naming the first offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, root: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].join('.');
  throw badArgument(field, issue?.message ?? 'invalid');
}

/** The bearer token of the request, if any. */
export function bearerToken(req: RouteRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  // DirectLineJS built without a token sends "Bearer undefined": treat it as no token, i.e. an anonymous start.
  return m?.[1] === 'undefined' || m?.[1] === 'null' ? undefined : m?.[1];
}

/** The caller's IP; X-Forwarded-For only counts behind a trusted reverse proxy. */
export function clientIp(req: RouteRequest, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    // The last entry is the one our own proxy added; earlier ones are whatever the client sent.
    const list = (Array.isArray(fwd) ? fwd.join(',') : fwd)?.split(',').map((x) => x.trim()).filter(Boolean) ?? [];
    const last = list[list.length - 1];
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The validated Host header, or undefined when absent or odd-looking. */
export function requestHost(req: RouteRequest): string | undefined {
  const host = req.headers.host;
  return host && HOST_PATTERN.test(host) ? host : undefined;
}

/** The public base URL (scheme://host[:port], no trailing slash): the configured one, else derived from the request. */
export function publicBase(req: RouteRequest, publicUrl: string | undefined, trustProxy: boolean): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = requestHost(req);
  if (!host) throw badArgument('Host', 'missing or malformed');
  const forwardedProto = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : '';
  const secure = (req.socket as TLSSocket).encrypted === true || forwardedProto === 'https';
  return `${secure ? 'https' : 'http'}://${host}`;
}
