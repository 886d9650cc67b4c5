import { describe, expect, it } from 'vitest';
import { AuthRejectedError } from '../../src/bot/foerderAdapter.js';
import { authRejectionReason } from '../../src/server/authRejectionReason.js';
import { precheckBearer } from '../../src/server/bearerPrecheck.js';

const NOW = Date.UTC(2026, 10, 21, 12) ;
const s = NOW / 1000;
const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k' }) => `Bearer ${part(header)}.${part(payload)}.c2lnbmF0dXJl`;
const ok = { iss: 'https://api.botframework.com', aud: 'app', exp: s + 3600, nbf: s - 60 };

describe('precheckBearer', () => {
  it('lets a well-formed, current RS256 token through to signature validation', () => {
    expect(precheckBearer(jwt(ok), NOW)).toBeUndefined();
    expect(precheckBearer(jwt(ok, { alg: 'RS512', kid: 'k' }), NOW)).toBeUndefined();
  });

  it.each<[string, string | undefined, string]>([
    ['no header', undefined, 'missing_token'],
    ['blank', '   ', 'missing_token'],
    ['no scheme', 'abc.def.ghi', 'malformed_token'],
    ['lower-case scheme (botbuilder wants "Bearer")', jwt(ok).replace('Bearer', 'bearer'), 'malformed_token'],
    ['two spaces', jwt(ok).replace('Bearer ', 'Bearer  '), 'malformed_token'],
    ['two parts', 'Bearer abc.def', 'malformed_token'],
    ['empty signature (alg none)', jwt(ok).replace(/\.[^.]+$/, '.'), 'malformed_token'],
    ['header not JSON', 'Bearer bm90IGpzb24.e30.c2ln', 'malformed_token'],
    ['payload an array', `Bearer ${part({ alg: 'RS256' })}.${part([1])}.c2ln`, 'malformed_token'],
    ['HS256', jwt(ok, { alg: 'HS256' }), 'unsupported_alg'],
    ['none', jwt(ok, { alg: 'none' }), 'unsupported_alg'],
    ['no exp', jwt({ ...ok, exp: undefined }), 'malformed_token'],
    ['exp as a string', jwt({ ...ok, exp: String(s + 3600) }), 'malformed_token'],
    ['no iss', jwt({ ...ok, iss: undefined }), 'malformed_token'],
    ['expired beyond the 5-minute tolerance', jwt({ ...ok, exp: s - 301 }), 'expired_token'],
    ['not valid for another hour', jwt({ ...ok, nbf: s + 3600 }), 'token_not_yet_valid'],
    ['a header of 30 kB', `Bearer ${'a'.repeat(10_000)}.${'b'.repeat(10_000)}.${'c'.repeat(10_000)}`, 'malformed_token'],
  ])('refuses %s', (_n, header, problem) => expect(precheckBearer(header, NOW)).toBe(problem));

  it('keeps botbuilder’s 5-minute clock tolerance', () => {
    expect(precheckBearer(jwt({ ...ok, exp: s - 200 }), NOW)).toBeUndefined();
    expect(precheckBearer(jwt({ ...ok, nbf: s + 200 }), NOW)).toBeUndefined();
  });
});

describe('authRejectionReason', () => {
  const wrapped = (cause: Error) => Object.assign(new AuthRejectedError(cause.name), { cause });
  const named = (name: string, message = '') => Object.assign(new Error(message), { name });

  it.each<[string, Error, string]>([
    ['an OpenID fetch failure', named('FetchError', 'request to http://x failed, reason: connect ECONNREFUSED'), 'openid_unavailable'],
    ['a failed key download', new Error('Failed to load Keys: 500'), 'openid_unavailable'],
    ['an expired token', new Error('The token has expired'), 'expired_token'],
    ['a bad signature', named('JsonWebTokenError', 'invalid signature'), 'bad_signature'],
    ['an unknown key', new Error('Signing Key could not be retrieved.'), 'unknown_key'],
    ['a wrong audience', new Error('Unauthorized. Invalid AppId passed on token: 123'), 'wrong_audience'],
    ['an untrusted issuer', new Error('Unauthorized. No valid identity.'), 'untrusted_token'],
    ['a serviceUrl mismatch', new Error('Unauthorized. ServiceUrl claim do not match.'), 'service_url_mismatch'],
    ['a missing endorsement', new Error('Could not validate endorsement for key: k with endorsements: a'), 'not_endorsed'],
    ['anything else', new Error('boom'), 'invalid_token'],
  ])('names %s from the wrapped error', (_n, cause, reason) => expect(authRejectionReason(wrapped(cause))).toBe(reason));

  it('falls back to the adapter’s reason (the inner error’s name) and never returns free text', () => {
    expect(authRejectionReason(new AuthRejectedError('FetchError'))).toBe('openid_unavailable');
    expect(authRejectionReason(new AuthRejectedError('Error'))).toBe('invalid_token');
    expect(authRejectionReason(new AuthRejectedError('has spaces: and text'))).toBe('invalid_token');
    expect(authRejectionReason('x')).toBe('invalid_token');
  });
});
