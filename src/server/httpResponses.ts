import type { ServerResponse } from 'node:http';

/** The one body every authentication failure gets: fixed, short, nothing about why. */
export const UNAUTHORIZED_BODY = { error: 'unauthorized', message: 'Unauthorized' } as const;

/** Headers for every response when the caller passes none: no sniffing, no framing, nothing loads. */
export const DEFAULT_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** Short error codes and messages by status: what a client may learn, and nothing else. */
const ERRORS: Record<number, [string, string]> = {
  400: ['bad_request', 'Malformed request'],
  401: [UNAUTHORIZED_BODY.error, UNAUTHORIZED_BODY.message],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  406: ['not_acceptable', 'Not acceptable'],
  408: ['request_timeout', 'Request timeout'],
  413: ['payload_too_large', 'Request body too large'],
  414: ['uri_too_long', 'URI too long'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  429: ['too_many_requests', 'Too many requests; please wait a moment and try again.'],
};

/** The public `{ error, message }` for a status; 5xx and unknown codes say only "Internal error". */
export function publicError(status: number): { error: string; message: string } {
  const known = ERRORS[status];
  if (known) return { error: known[0], message: known[1] };
  if (status >= 500) return { error: 'internal_error', message: 'Internal error' };
  return { error: 'bad_request', message: 'Request refused' };
}

/** Writes a JSON answer that is never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', String(Buffer.byteLength(text)));
  res.end(text);
}
