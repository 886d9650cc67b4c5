const BY_NAME: Record<string, string> = {
  FetchError: 'openid_unavailable',
  TokenExpiredError: 'expired_token',
  NotBeforeError: 'token_not_yet_valid',
  JsonWebTokenError: 'bad_signature',
};

/** botbuilder's messages (connector 4.23) mapped to short codes. */
function fromMessage(message: string): string | undefined {
  if (/Failed to load (openID config|Keys)/i.test(message)) return 'openid_unavailable';
  if (/expired/i.test(message)) return 'expired_token';
  if (/invalid signature/i.test(message)) return 'bad_signature';
  if (/Signing Key could not be retrieved/i.test(message)) return 'unknown_key';
  if (/endorsement/i.test(message)) return 'not_endorsed';
  if (/Invalid AppId|audience/i.test(message)) return 'wrong_audience';
  if (/ServiceUrl claim/i.test(message)) return 'service_url_mismatch';
  if (/Issuer|No valid identity|Is not authenticated/i.test(message)) return 'untrusted_token';
  return undefined;
}

/**
 * A short log code for why a token was refused, for operators only — clients always get the same
 * fixed 401 body. Reads the wrapped error (`cause`) when the adapter keeps it, else the adapter's
 * `reason` (the inner error's name).
 */
export function authRejectionReason(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  if (cause) {
    const name = (cause as Error)?.name ?? '';
    return BY_NAME[name] ?? fromMessage(String((cause as Error)?.message ?? '')) ?? 'invalid_token';
  }
  const reason = (err as { reason?: unknown })?.reason;
  if (typeof reason === 'string') return BY_NAME[reason] ?? (/^[A-Za-z_]{1,40}$/.test(reason) && reason !== 'Error' ? reason : 'invalid_token');
  return 'invalid_token';
}
