/** Signing algorithms Bot Framework tokens use (botframework-connector's AllowedSigningAlgorithms). */
const ALLOWED_ALGS = new Set(['RS256', 'RS384', 'RS512']);
/** botbuilder's clock tolerance for exp/nbf, in seconds; the precheck must not be stricter. */
const CLOCK_TOLERANCE_S = 300;
const BEARER = /^Bearer ([A-Za-z0-9_-]{2,8192})\.([A-Za-z0-9_-]{2,8192})\.([A-Za-z0-9_-]{2,8192})$/;

/** Why a request was refused before signature validation; `undefined` means "looks like a JWT, verify it". */
export type BearerProblem = 'missing_token' | 'malformed_token' | 'unsupported_alg' | 'expired_token' | 'token_not_yet_valid';

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cheap structural check of the Authorization header before botbuilder validates the token:
 * refuses missing, malformed, non-RSA, token without `exp`, expired and not-yet-valid tokens without
 * a key fetch — and without botbuilder's console.error stack trace for expired tokens. It never
 * accepts anything by itself; the signature, issuer, audience and serviceUrl are botbuilder's job.
 */
export function precheckBearer(header: string | undefined, nowMs: number = Date.now()): BearerProblem | undefined {
  if (!header || !header.trim()) return 'missing_token';
  const m = BEARER.exec(header);
  if (!m) return 'malformed_token';
  const head = decodePart(m[1]);
  const payload = decodePart(m[2]);
  if (!head || !payload) return 'malformed_token';
  if (typeof head.alg !== 'string' || !ALLOWED_ALGS.has(head.alg)) return 'unsupported_alg';
  if (typeof payload.iss !== 'string' || typeof payload.exp !== 'number') return 'malformed_token';
  const now = nowMs / 1000;
  if (payload.exp + CLOCK_TOLERANCE_S <= now) return 'expired_token';
  if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_TOLERANCE_S > now) return 'token_not_yet_valid';
  return undefined;
}
