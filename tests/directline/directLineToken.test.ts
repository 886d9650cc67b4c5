import { describe, expect, it } from 'vitest';
import { DirectLineTokens, newConversationId, newUserId } from '../../src/directline/directLineToken.js';

const SECRET = 'token-test-secret-token-test-secret-0123456789';

describe('DirectLineTokens', () => {
  it('round-trips its own tokens as JWTs whose user claim Web Chat can read', () => {
    const t = new DirectLineTokens(SECRET, () => 1_000_000);
    const conv = newConversationId();
    const user = newUserId();
    const issued = t.issue('conversation', conv, user, 1800);
    expect(t.verify(issued.token, 'conversation')).toMatchObject({ conv, user, exp: 1000 + 1800 });
    const payload = JSON.parse(Buffer.from(issued.token.split('.')[1] ?? '', 'base64url').toString()) as { user: string };
    expect(payload.user).toBe(user);
  });

  it.each([
    ['another key', (tok: string) => tok, new DirectLineTokens(`${SECRET}x`, () => 1_000_000)],
    ['a changed signature', (tok: string) => `${tok.slice(0, -1)}${tok.endsWith('A') ? 'B' : 'A'}`, undefined],
    ['alg none', (tok: string) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${tok.split('.')[1]}.`, undefined],
    ['garbage', () => 'a.b.c', undefined],
  ])('rejects a token with %s', (_name, mutate, verifier) => {
    const t = new DirectLineTokens(SECRET, () => 1_000_000);
    const issued = t.issue('conversation', newConversationId(), newUserId(), 1800);
    expect((verifier ?? t).verify(mutate(issued.token), 'conversation')).toBeNull();
  });

  it('rejects expired tokens and tokens of the other kind', () => {
    let now = 1_000_000;
    const t = new DirectLineTokens(SECRET, () => now);
    const stream = t.issue('stream', newConversationId(), newUserId(), 60);
    expect(t.verify(stream.token, 'conversation')).toBeNull();
    expect(t.verify(stream.token, 'stream')).not.toBeNull();
    now += 60_000;
    expect(t.verify(stream.token, 'stream')).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => new DirectLineTokens('short', Date.now)).toThrow(/32 bytes/);
  });
});
