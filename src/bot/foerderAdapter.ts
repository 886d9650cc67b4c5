import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { ClaimsIdentity, type ConnectorClient, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { createRequire } from 'node:module';

// The connector's serializer knows only a few Entity fields and drops the rest, which strips Teams'
// citation entities from replies posted to a channel. Declaring additional properties keeps them.
const connectorMappers = createRequire(import.meta.url)('botframework-connector/lib/connectorApi/models/mappers.js') as {
  Entity: { type: { additionalProperties?: unknown } };
};
connectorMappers.Entity.type.additionalProperties = { type: { name: 'Object' } };

/** The channel's credentials were missing, malformed, forged or expired. */
export class AuthRejectedError extends Error {
  constructor(readonly reason: string, cause?: unknown) {
    super('Unauthorized', { cause });
    this.name = 'AuthRejectedError';
  }
}

const AUTH_TIMEOUT_MS = 10_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('authentication timed out'), { name: 'AuthTimeout' })), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export interface TurnResult {
  status: number;
  body?: unknown;
}

/**
 * CloudAdapter with authentication separated from the turn, so any authentication failure maps to
 * 401 (botbuilder otherwise answers a forged JWT with 500 and its internal error text), and with an
 * in-process entry for the on-premise Direct Line endpoints.
 */
export class FoerderAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Authenticates the request, then runs the turn; auth failures throw AuthRejectedError. */
  async handle(activity: Activity, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<TurnResult> {
    let auth: AuthenticateRequestResult;
    try {
      // The OpenID metadata fetch has no timeout of its own: a hanging identity provider must not hang requests.
      auth = await withTimeout(this.auth.authenticateRequest(activity, authHeader), AUTH_TIMEOUT_MS);
    } catch (err) {
      throw new AuthRejectedError((err as Error)?.name ?? 'error', err);
    }
    const res = await this.processActivity(auth, activity, logic);
    return { status: res?.status ?? 200, body: res?.body };
  }

  /** Runs one turn in-process with expectReplies and returns the bot's replies (used by Direct Line). */
  async runInProcess(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const auth: AuthenticateRequestResult = {
      audience: '',
      claimsIdentity: new ClaimsIdentity([], 'anonymous'),
      // Replies are buffered (expectReplies), so no connector call is ever made.
      connectorFactory: { create: async () => ({}) as ConnectorClient },
    };
    const res = await this.processActivity(auth, { ...activity, deliveryMode: 'expectReplies' } as Activity, logic);
    const body = res?.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  }
}
