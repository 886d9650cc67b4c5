import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ISSUER = 'foerderlotse-directline';
// Fixed header: a token announcing any other algorithm is rejected before its signature is looked at.
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Conversation ids are server-made base64url strings; the pattern also keeps them safe in URLs and logs. */
export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a conversation id');
/** User ids bound into tokens; the `dl_` prefix marks them as server-issued, as Azure Direct Line does. */
export const userIdSchema = z.string().regex(/^dl_[A-Za-z0-9_-]{8,64}$/, 'not a user id');

export type TokenKind = 'conversation' | 'stream';

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  typ: z.enum(['conversation', 'stream']),
  conv: conversationIdSchema,
  // `user` is the claim name Web Chat and DirectLineJS read to learn the user id.
  user: userIdSchema,
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(8).max(64),
});

export type TokenClaims = z.infer<typeof claimsSchema>;

export interface IssuedToken {
  token: string;
  /** Seconds until the token expires, as Direct Line's `expires_in`. */
  expiresIn: number;
  claims: TokenClaims;
}

/** A fresh random conversation id. */
export const newConversationId = (): string => randomBytes(16).toString('base64url');

/** A fresh random user id, bound into the token so one visitor cannot act as another. */
export const newUserId = (): string => `dl_${randomBytes(12).toString('base64url')}`;

/** HMAC-signed (HS256) JWTs granting one conversation to one user until they expire. */
export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(secret: string, private readonly now: () => number) {
    if (Buffer.byteLength(secret) < 32) throw new Error('Direct Line token secret must be at least 32 bytes long');
    this.key = Buffer.from(secret);
  }

  /** Issues a token of `kind` for the conversation and user, valid for `ttlSeconds`. */
  issue(kind: TokenKind, conversationId: string, userId: string, ttlSeconds: number): IssuedToken {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = claimsSchema.parse({
      iss: ISSUER,
      typ: kind,
      conv: conversationId,
      user: userId,
      iat,
      exp: iat + ttlSeconds,
      jti: randomBytes(9).toString('base64url'),
    });
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresIn: ttlSeconds, claims };
  }

  /** Returns the claims of a genuine, unexpired token of `kind`, or null for anything else. */
  verify(token: string, kind: TokenKind): TokenClaims | null {
    if (token.length > 2048) return null;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success || parsed.data.typ !== kind) return null;
    return parsed.data.exp * 1000 > this.now() ? parsed.data : null;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
