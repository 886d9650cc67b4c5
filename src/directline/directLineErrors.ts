/** Machine-readable error codes, shaped like the Direct Line service's own `{ error: { code } }` bodies. */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingToken'
  | 'TokenInvalid'
  | 'NotFound'
  | 'TooManyRequests'
  | 'PayloadTooLarge'
  | 'Capacity'
  | 'UpstreamError'
  | 'ServerError';

/** An error the HTTP layer turns into a status code and a short JSON body; never carries a stack to the client. */
export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

/** 400 naming the offending field. */
export const badArgument = (field: string, problem: string): DirectLineError =>
  new DirectLineError(400, 'BadArgument', `${field}: ${problem}`);

/** 403 for a token that is wrong, foreign to the conversation or expired; one message so callers learn nothing. */
export const forbidden = (): DirectLineError => new DirectLineError(403, 'TokenInvalid', 'Token is invalid, expired or not valid for this conversation');

/** 401 for a request that carries no bearer token at all. */
export const missingToken = (): DirectLineError => new DirectLineError(401, 'MissingToken', 'Authorization: Bearer <token> is required');

/** 404 for a conversation that never existed or has expired. */
export const notFound = (): DirectLineError => new DirectLineError(404, 'NotFound', 'Conversation not found or expired');

/** 429 with a Retry-After in seconds. */
export const tooManyRequests = (retryAfterSeconds: number): DirectLineError =>
  new DirectLineError(429, 'TooManyRequests', 'Too many requests, please retry later', retryAfterSeconds);
