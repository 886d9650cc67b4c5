import { createHmac, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { FoerderAdapter } from '../../src/bot/foerderAdapter.js';
import { configSchema } from '../../src/config.js';
import { botAuthenticationConfig } from '../../src/server/botAuthConfig.js';
import { createHttpServer, UNAUTHORIZED_BODY, type HttpServerOptions } from '../../src/server/httpServer.js';
import { startBot, type StartedBot } from '../support/startBot.js';
import { captureLogger } from './support/captureLogger.js';
import { deadUrl, generateSigningKey, signJwt, startOpenIdStub, unsignedJwt, type OpenIdStub, type SigningKey } from './support/openIdStub.js';

const APP_ID = randomUUID();
const CHANNEL_ISSUER = 'https://api.botframework.com';
// The Emulator's v1 issuer (botframework.com tenant), one of botbuilder's fixed emulator issuers.
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const FIXED_401 = JSON.stringify(UNAUTHORIZED_BODY);
// Text that would betray internals: stack frames, botbuilder's error messages, fetch errors, key material.
const INTERNALS = /\bat \S+ \(|\w+Error\b|Error:|ECONNREFUSED|openid|Signing Key|claim|audience|issuer|AppId|BEGIN |stack/i;

const now = () => Math.floor(Date.now() / 1000);
const realKey = generateSigningKey();
const sameKidForgery: SigningKey = { ...generateSigningKey(realKey.kid) };
const unknownKey = generateSigningKey();

/** Claims of a Teams channel token for this bot, as Bot Framework issues them. */
function channelClaims(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, iat: now() - 60, nbf: now() - 60, exp: now() + 3600, ...over };
}
const bearer = (claims: Record<string, unknown>, key: SigningKey = realKey, header: Record<string, unknown> = {}) => `Bearer ${signJwt(claims, key, header)}`;

function hs256(claims: Record<string, unknown>, secret: string): string {
  const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: realKey.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function activity(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    conversation: { id: `a:${randomUUID()}`, conversationType: 'personal' },
    from: { id: `29:${randomUUID()}`, name: 'Sachbearbeiterin' },
    recipient: { id: `28:${APP_ID}`, name: 'Förderlotse' },
    text: 'Hallo',
    locale: 'de-DE',
    // Replies come back in the HTTP response: no outgoing call (and no AAD token fetch) in these tests.
    deliveryMode: 'expectReplies',
    ...over,
  };
}

interface AuthBot {
  url: string;
  logger: ReturnType<typeof captureLogger>;
  close(): Promise<void>;
}

/** The HTTP face and the adapter as src/app.ts wires them, with a trivial echo as the bot. */
async function startAuthBot(metadataUrl: string, extra: Partial<HttpServerOptions> = {}): Promise<AuthBot> {
  const logger = captureLogger();
  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthenticationConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    }),
  );
  const adapter = new FoerderAdapter(auth);
  const logic = async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  };
  const server = createHttpServer({
    adapter, logic, logger, authenticated: true, serviceUrlAllowlist: [], maxBodyBytes: 256 * 1024, ratePerMinute: 1000, logSalt: 'test',
    health: async () => ({ live: true, ready: true, details: {} }),
    ...extra,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, logger, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function post(url: string, body: Record<string, unknown>, authorization?: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

let stub: OpenIdStub;
let bot: AuthBot;
let consoleSpies: MockInstance[] = [];
const consoleLines = (): string[] => consoleSpies.flatMap((s) => s.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(' ')));

beforeAll(async () => {
  stub = await startOpenIdStub([realKey], { endorsements: ['msteams', 'emulator', 'webchat'] });
  bot = await startAuthBot(stub.metadataUrl);
});
afterAll(async () => {
  await bot?.close();
  await stub?.close();
});
beforeEach(() => {
  bot.logger.clear();
  consoleSpies = (['error', 'warn', 'log'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
});
afterEach(() => {
  for (const s of consoleSpies) s.mockRestore();
});

/** The rejection contract: 401, the fixed body, a Bearer challenge, exactly one warn line, no stack trace anywhere. */
function expectRejected(r: { status: number; text: string; headers: Headers }, logger: AuthBot['logger'], reason?: string): void {
  expect(r.status).toBe(401);
  expect(r.text).toBe(FIXED_401);
  expect(r.text).not.toMatch(/\bat \S+ \(|ECONNREFUSED|Signing Key|claim|openid/i);
  expect(r.headers.get('www-authenticate')).toBe('Bearer');
  const warns = logger.at('warn');
  expect(warns).toHaveLength(1);
  expect(warns[0].obj.event).toBe('auth_rejected');
  // A short code for operators, never botbuilder's message text.
  expect(String(warns[0].obj.reason)).toMatch(/^[a-z_]{3,40}$/);
  expect(logger.at('error')).toHaveLength(0);
  expect(JSON.stringify(logger.entries)).not.toMatch(/\n\s+at |"stack"/);
  // botbuilder writes some failures to the console itself; whatever it writes must not be a stack trace.
  for (const line of consoleLines()) expect(line).not.toMatch(/\n\s+at /);
  if (reason) expect(warns[0].obj.reason).toBe(reason);
}

describe('channel authentication with an app id', () => {
  it('accepts a valid channel token (issuer, audience = app id, serviceurl claim matching) and runs the turn', async () => {
    const r = await post(bot.url, activity({ text: 'Frage' }), bearer(channelClaims()));
    expect(r.status).toBe(200);
    expect((JSON.parse(r.text) as { activities: { text: string }[] }).activities.map((a) => a.text)).toEqual(['echo: Frage']);
    expect(bot.logger.at('warn')).toHaveLength(0);
    expect(stub.hits).toEqual(expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/keys']));
  });

  it('accepts a valid Emulator token (v1, appid = app id)', async () => {
    const claims = { iss: EMULATOR_ISSUER, aud: APP_ID, appid: APP_ID, ver: '1.0', nbf: now() - 60, exp: now() + 3600 };
    const r = await post(bot.url, activity({ channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/' }), bearer(claims));
    expect(r.status).toBe(200);
    expect(r.text).toContain('echo: Hallo');
  });

  // [case, Authorization header, activity overrides, log reason when the HTTP layer decides it]
  const rejections: [string, () => string | undefined, Record<string, unknown>?, string?][] = [
    ['a request without an Authorization header', () => undefined, {}, 'missing_token'],
    ['an empty Authorization header', () => '', {}, 'missing_token'],
    ['a malformed header "Bearer abc"', () => 'Bearer abc', {}, 'malformed_token'],
    ['a Basic credential', () => `Basic ${Buffer.from('user:pass').toString('base64')}`, {}, 'malformed_token'],
    ['a token for another audience', () => bearer(channelClaims({ aud: randomUUID() }))],
    ['a token from another issuer', () => bearer(channelClaims({ iss: 'https://login.evil.example/' }))],
    ['an expired token', () => bearer(channelClaims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })), {}, 'expired_token'],
    ['a token that is not valid yet', () => bearer(channelClaims({ nbf: now() + 3600, exp: now() + 7200 })), {}, 'token_not_yet_valid'],
    ['a token without exp', () => bearer(channelClaims({ exp: undefined })), {}, 'malformed_token'],
    ['a token signed by another key under the published key id (forged)', () => bearer(channelClaims(), sameKidForgery)],
    ['a token signed by an unpublished key', () => bearer(channelClaims(), unknownKey)],
    ['an unsigned token (alg none)', () => `Bearer ${unsignedJwt(channelClaims(), realKey.kid)}`, {}, 'malformed_token'],
    ['an HS256 token (algorithm confusion)', () => `Bearer ${hs256(channelClaims(), 'guess')}`, {}, 'unsupported_alg'],
    ['a valid token whose serviceurl claim names another host', () => bearer(channelClaims({ serviceurl: 'https://evil.example/' }))],
    ['a valid token on a channel the key is not endorsed for', () => bearer(channelClaims()), { channelId: 'slack' }],
    ['an Emulator token issued to another app', () => bearer({ iss: EMULATOR_ISSUER, aud: randomUUID(), appid: randomUUID(), ver: '1.0', nbf: now() - 60, exp: now() + 3600 }), { channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/' }],
    ['a valid token on the ASE channel path (not used on-premise)', () => bearer(channelClaims()), { channelId: 'AseChannel' }, 'unsupported_channel'],
  ];

  it.each(rejections)('refuses %s with 401 and the fixed body, logging one warn line', async (_name, header, over, reason) => {
    const r = await post(bot.url, activity(over ?? {}), header());
    expectRejected(r, bot.logger, reason);
  });

  it('refuses with 401 (not 500) when the OpenID endpoint is down', async () => {
    const down = await startAuthBot(await deadUrl('/v1/.well-known/openidconfiguration'));
    try {
      const r = await post(down.url, activity(), bearer(channelClaims()));
      expectRejected(r, down.logger, 'openid_unavailable');
    } finally {
      await down.close();
    }
  });

  it('refuses with 401 when the OpenID endpoint answers with an error', async () => {
    const broken = await startAuthBot(`${stub.metadataUrl.replace('/v1/.well-known/openidconfiguration', '')}/missing/openid-configuration`);
    try {
      const r = await post(broken.url, activity(), bearer(channelClaims()));
      expectRejected(r, broken.logger);
    } finally {
      await broken.close();
    }
  });

  it('does not let refused requests use up a conversation’s rate limit', async () => {
    const limited = await startAuthBot(stub.metadataUrl, { ratePerMinute: 2 });
    try {
      const a = activity();
      for (let i = 0; i < 5; i++) expect((await post(limited.url, a, bearer(channelClaims(), unknownKey))).status).toBe(401);
      expect((await post(limited.url, a, bearer(channelClaims()))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers 429 after too many failed authentications from one client, when that limit is configured', async () => {
    const limited = await startAuthBot(stub.metadataUrl, { authFailuresPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await post(limited.url, activity(), 'Bearer abc')).status).toBe(401);
      const r = await post(limited.url, activity(), 'Bearer abc');
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.text).not.toMatch(INTERNALS);
    } finally {
      await limited.close();
    }
  });

  it('refuses a serviceUrl outside the allow-list even with a valid token, before any outgoing call', async () => {
    const evil = 'https://evil.example/';
    const r = await post(bot.url, activity({ serviceUrl: evil, deliveryMode: undefined }), bearer(channelClaims({ serviceurl: evil })));
    expect(r.status).toBe(403);
    expect(r.text).not.toMatch(INTERNALS);
  });
});

describe('botAuthenticationConfig', () => {
  it('keeps botbuilder’s defaults when nothing is overridden', () => {
    expect(botAuthenticationConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' })).toEqual({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  });

  it('fills every other parameter with the public-cloud value when one is overridden', () => {
    const c = botAuthenticationConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '', ToBotFromChannelOpenIdMetadataUrl: 'https://keys.example/openid' });
    expect(c).toMatchObject({ ToBotFromChannelOpenIdMetadataUrl: 'https://keys.example/openid', ToBotFromChannelTokenIssuer: CHANNEL_ISSUER, ToChannelFromBotOAuthScope: 'https://api.botframework.com', ValidateAuthority: true });
    expect(String(c.ToBotFromEmulatorOpenIdMetadataUrl)).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
  });

  it('refuses key metadata over plain http except on loopback', () => {
    const s = { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
    expect(() => botAuthenticationConfig({ ...s, ToBotFromChannelOpenIdMetadataUrl: 'http://keys.example/openid' })).toThrow(/ToBotFromChannelOpenIdMetadataUrl: must be an https URL/);
    expect(() => botAuthenticationConfig({ ...s, ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/openid' })).not.toThrow();
  });
});

// Runs once src/config.ts and src/app.ts pass the OpenID settings through (see the security report).
const wired = 'ToBotFromChannelOpenIdMetadataUrl' in (configSchema as unknown as { shape: Record<string, unknown> }).shape;

describe.runIf(wired)('the real app with an app id', () => {
  let app: StartedBot;
  beforeAll(async () => {
    app = await startBot({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', ToBotFromChannelOpenIdMetadataUrl: stub.metadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: stub.metadataUrl } });
  });
  afterAll(async () => app?.close());

  it('answers a valid channel token with 200 and replies', async () => {
    const r = await post(app.url, activity({ text: 'Bis wann können wir uns für KommA bewerben?' }), bearer(channelClaims()));
    expect(r.status).toBe(200);
    expect((JSON.parse(r.text) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'Bearer abc'],
    ['forged', bearer(channelClaims(), sameKidForgery)],
  ])('refuses a %s token with 401 and the fixed body', async (_n, header) => {
    const r = await post(app.url, activity(), header);
    expect(r.status).toBe(401);
    expect(r.text).toBe(FIXED_401);
  });
});
