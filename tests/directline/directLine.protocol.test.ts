import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { Activity } from 'botbuilder';
import { registerDirectLine, type DirectLineHandle, type DirectLineOptions } from '../../src/directline/directLineServer.js';
import { FetchXMLHttpRequest } from './support/fetchXmlHttpRequest.js';
import { CITATION_TITLE, SUGGESTION, WELCOME, createFakeBot } from './support/fakeBot.js';
import { startRestify } from './support/testServer.js';

// DirectLineJS looks these up on the global object, as in a browser.
const g = globalThis as Record<string, unknown>;
g.XMLHttpRequest = FetchXMLHttpRequest;
g.WebSocket = NodeWebSocket;
const { DirectLine, ConnectionStatus } = await import('botframework-directlinejs');
type DirectLineClient = InstanceType<typeof DirectLine>;
type DlActivity = { id?: string; type: string; text?: string; from: { id: string; role?: string }; entities?: unknown[]; suggestedActions?: { actions: { title?: string }[] }; replyToId?: string; channelData?: unknown };

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

interface Running {
  url: string;
  domain: string;
  handle: DirectLineHandle;
  bot: ReturnType<typeof createFakeBot>;
  close(): Promise<void>;
}

async function startDirectLine(extra: Partial<DirectLineOptions> = {}): Promise<Running> {
  const bot = createFakeBot();
  let handle!: DirectLineHandle;
  const s = await startRestify((server) => {
    handle = registerDirectLine(server, { deliver: bot.deliver, tokenSecret: SECRET, startRateLimitPerMinute: 1000, botId: 'foerderlotse-test', ...extra });
  });
  return {
    url: s.url,
    domain: `${s.url}/v3/directline`,
    handle,
    bot,
    close: async () => {
      handle.close();
      await s.close();
    },
  };
}

function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const v = probe();
      if (v) return resolve(v);
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}

function collect(dl: DirectLineClient): { seen: DlActivity[]; stop(): void } {
  const seen: DlActivity[] = [];
  const sub = dl.activity$.subscribe((a: unknown) => seen.push(a as DlActivity));
  return { seen, stop: () => sub.unsubscribe() };
}

function post(dl: DirectLineClient, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    dl.postActivity({ type: 'message', from: { id: 'chosen-by-client', name: 'Test' }, text, locale: 'de-DE' } as never).subscribe(
      (id: string) => resolve(id),
      (err: unknown) => reject(err),
    );
  });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function startAnonymous(r: Running): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const res = await fetch(`${r.domain}/conversations`, { method: 'POST' });
  expect(res.status).toBe(201);
  return (await res.json()) as { conversationId: string; token: string; streamUrl: string };
}

describe('Direct Line 3.0 endpoints driven by the real DirectLineJS client', () => {
  let r: Running;
  const clients: DirectLineClient[] = [];

  beforeAll(async () => {
    r = await startDirectLine();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.end();
  });
  afterAll(async () => {
    await r.close();
  });

  it('starts a conversation without a token, echoes the user message and streams the reply over WebSocket', async () => {
    FetchXMLHttpRequest.recorder = [];
    const dl = new DirectLine({ domain: r.domain, conversationStartProperties: { locale: 'de-DE' } });
    clients.push(dl);
    const { seen, stop } = collect(dl);
    await waitFor(() => dl.connectionStatus$.getValue() === ConnectionStatus.Online, 'online');
    await waitFor(() => seen.find((a) => a.text === WELCOME), 'welcome message from conversationUpdate');

    const id = await post(dl, 'Wann ist Bewerbungsschluss?');
    const echo = await waitFor(() => seen.find((a) => a.id === id), 'echo of the posted activity');
    const reply = await waitFor(() => seen.find((a) => a.replyToId === id && a.type === 'message'), 'reply');
    stop();

    expect(echo.from.role).toBe('user');
    expect(echo.from.id).toMatch(/^dl_/);
    expect(reply.text).toContain('28.02.2023');
    expect(JSON.stringify(reply.entities)).toContain(CITATION_TITLE);
    expect(reply.suggestedActions?.actions[0]?.title).toBe(SUGGESTION);
    expect(seen.some((a) => a.type === 'typing')).toBe(true);
    expect(seen.some((a) => a.type === 'trace')).toBe(false);
    expect(FetchXMLHttpRequest.recorder.filter((q) => q.url.includes('/activities?watermark='))).toEqual([]);

    const delivered = r.bot.received.find((a) => a.id === id) as Activity;
    expect(delivered).toMatchObject({
      channelId: 'directline',
      serviceUrl: r.url,
      locale: 'de-DE',
      text: 'Wann ist Bewerbungsschluss?',
      from: { id: echo.from.id, role: 'user' },
      recipient: { id: 'foerderlotse-test' },
    });
    expect(delivered.conversation.id).toBe(id.split('|')[0]);
    expect(delivered.timestamp).toBeTruthy();
    const update = r.bot.received.find((a) => a.type === 'conversationUpdate' && a.conversation.id === delivered.conversation.id);
    expect(update?.membersAdded?.map((m) => m.id)).toEqual(['foerderlotse-test', echo.from.id]);
  });

  it('works over polling too: the watermark advances and nothing arrives twice', async () => {
    FetchXMLHttpRequest.recorder = [];
    const tokenRes = await json(await fetch(`${r.url}/api/directline/token`));
    const dl = new DirectLine({ domain: r.domain, token: String(tokenRes.token), webSocket: false, pollingInterval: 200 });
    clients.push(dl);
    const { seen, stop } = collect(dl);
    const first = await post(dl, 'Erste Frage');
    await waitFor(() => seen.find((a) => a.replyToId === first && a.type === 'message'), 'first reply');
    const second = await post(dl, 'Zweite Frage');
    await waitFor(() => seen.find((a) => a.replyToId === second && a.type === 'message'), 'second reply');
    await new Promise((res) => setTimeout(res, 600)); // a few more polls, which must bring nothing new
    stop();

    const ids = seen.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([first, second]));
    expect(seen[0]?.text).toBe(WELCOME);
    const watermarks = FetchXMLHttpRequest.recorder
      .filter((q) => q.method === 'GET' && q.url.includes('/activities?watermark='))
      .map((q) => Number(new URL(q.url).searchParams.get('watermark') || '0'));
    expect(watermarks.length).toBeGreaterThan(2);
    expect([...watermarks].sort((a, b) => a - b)).toEqual(watermarks);
    expect(watermarks.at(-1)).toBeGreaterThan(watermarks[0] ?? 0);
    expect(String(tokenRes.conversationId)).toBe(first.split('|')[0]);
  });

  it('refreshes a token, and the refreshed token reconnects the real client to the same conversation', async () => {
    const started = await startAnonymous(r);
    const refreshed = await fetch(`${r.domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${started.token}` } });
    expect(refreshed.status).toBe(200);
    const body = await json(refreshed);
    expect(body.conversationId).toBe(started.conversationId);
    expect(body.token).not.toBe(started.token);
    expect(body.expires_in).toBe(1800);

    const dl = new DirectLine({ domain: r.domain, token: String(body.token), conversationId: started.conversationId, webSocket: true });
    clients.push(dl);
    const { seen, stop } = collect(dl);
    await waitFor(() => seen.find((a) => a.text === WELCOME), 'backlog replayed on reconnect');
    const id = await post(dl, 'Nach dem Erneuern');
    await waitFor(() => seen.find((a) => a.replyToId === id && a.type === 'message'), 'reply after refresh');
    stop();
  });

  it('reconnects after the stream drops and replays what was missed from its watermark, without duplicates', async () => {
    const { token, conversationId } = (await json(await fetch(`${r.url}/api/directline/token`))) as { token: string; conversationId: string };
    // random: () => 0 makes the client retry after the minimum delay (3 s) instead of up to 15 s.
    const dl = new DirectLine({ domain: r.domain, token, random: () => 0 } as never);
    clients.push(dl);
    const { seen, stop } = collect(dl);
    await waitFor(() => seen.find((a) => a.text === WELCOME), 'welcome');

    const auth = { Authorization: `Bearer ${token}` };
    const { streamUrl } = (await json(await fetch(`${r.domain}/conversations/${conversationId}?watermark=`, { headers: auth }))) as { streamUrl: string };
    const intruder = new NodeWebSocket(streamUrl); // same token's second stream: the server drops the client's older one
    await new Promise((resolve) => intruder.once('open', resolve));
    const posted = await fetch(`${r.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Während der Unterbrechung', from: { id: 'x' } }),
    });
    const { id } = (await json(posted)) as { id: string };
    await waitFor(() => seen.find((a) => a.replyToId === id && a.type === 'message'), 'reply replayed after reconnect', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    intruder.close();
    const ids = seen.filter((a) => a.type !== 'typing').map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.filter((a) => a.id === id)).toHaveLength(1);
  });

  it('answers 403 to a wrong token, a tampered token and a stream token used as bearer', async () => {
    const a = await startAnonymous(r);
    const activities = `${r.domain}/conversations/${a.conversationId}/activities`;
    const [h, p, s] = a.token.split('.') as [string, string, string];
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), exp: 9_999_999_999 })).toString('base64url')}.${s}`;
    const streamToken = new URL(a.streamUrl).searchParams.get('t') ?? '';
    for (const token of ['nonsense', tampered, `${a.token.slice(0, -2)}xx`, streamToken]) {
      const res = await fetch(activities, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(403);
      const body = await json(res);
      expect(body).toEqual({ error: { code: 'TokenInvalid', message: expect.any(String) } });
    }
    expect((await fetch(activities)).status).toBe(401);
  });

  it("answers 403 when one conversation's token is used on another conversation", async () => {
    const a = await startAnonymous(r);
    const b = await startAnonymous(r);
    const auth = { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${r.domain}/conversations/${b.conversationId}/activities`, { headers: auth })).status).toBe(403);
    expect((await fetch(`${r.domain}/conversations/${b.conversationId}`, { headers: auth })).status).toBe(403);
    const posted = await fetch(`${r.domain}/conversations/${b.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', text: 'hijack' }),
    });
    expect(posted.status).toBe(403);
    const got = await json(await fetch(`${r.domain}/conversations/${b.conversationId}/activities`, { headers: { Authorization: `Bearer ${b.token}` } }));
    expect(JSON.stringify(got)).not.toContain('hijack');

    const foreignStream = a.streamUrl.replace(a.conversationId, b.conversationId);
    const status = await new Promise<number>((resolve) => {
      const ws = new NodeWebSocket(foreignStream);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('answers 400 naming the field for a malformed activity or body', async () => {
    const a = await startAnonymous(r);
    const url = `${r.domain}/conversations/${a.conversationId}/activities`;
    const headers = { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' };
    const wrongType = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text: 42 }) });
    expect(wrongType.status).toBe(400);
    expect(String(((await json(wrongType)).error as { message: string }).message)).toMatch(/^activity\.text:/);
    const badJson = await fetch(url, { method: 'POST', headers, body: '{"type": "message",' });
    expect(badJson.status).toBe(400);
    expect(((await json(badJson)).error as { message: string }).message).toMatch(/^body:/);
    const noType = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ text: 'x' }) });
    expect(((await json(noType)).error as { message: string }).message).toMatch(/^activity\.type:/);
    const badWatermark = await fetch(`${url}?watermark=abc`, { headers });
    expect(badWatermark.status).toBe(400);
  });

  it('hands out Azure tokens from GET /api/directline/token when a secret is configured, never the secret itself', async () => {
    const calls: { url: string; auth: string | null; body: string }[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), auth: new Headers(init?.headers).get('authorization'), body: String(init?.body) });
      return new Response(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }), { status: 200 });
    }) as typeof fetch;
    const azure = await startDirectLine({ azureSecret: 'the-azure-secret', azureDomain: 'https://europe.directline.botframework.com/v3/directline', fetch: fakeFetch });
    try {
      const res = await fetch(`${azure.url}/api/directline/token`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toEqual({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 });
      expect(text).not.toContain('the-azure-secret');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(calls).toEqual([{ url: 'https://europe.directline.botframework.com/v3/directline/tokens/generate', auth: 'Bearer the-azure-secret', body: expect.stringMatching(/"id":"dl_/) }]);
    } finally {
      await azure.close();
    }
  });
});

describe('Direct Line limits', () => {
  it('answers 403 once a token has expired (injected clock), also for refresh', async () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const r = await startDirectLine({ now: () => clock, tokenTtlSeconds: 1800 });
    try {
      const a = await startAnonymous(r);
      const auth = { Authorization: `Bearer ${a.token}` };
      expect((await fetch(`${r.domain}/conversations/${a.conversationId}/activities`, { headers: auth })).status).toBe(200);
      clock += 1801 * 1000;
      expect((await fetch(`${r.domain}/conversations/${a.conversationId}/activities`, { headers: auth })).status).toBe(403);
      expect((await fetch(`${r.domain}/tokens/refresh`, { method: 'POST', headers: auth })).status).toBe(403);
    } finally {
      await r.close();
    }
  });

  it('answers 429 with Retry-After when one IP starts too many anonymous conversations', async () => {
    const r = await startDirectLine({ startRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${r.domain}/conversations`, { method: 'POST' })).status);
      const limited = await fetch(`${r.domain}/conversations`, { method: 'POST' });
      expect(statuses).toEqual([201, 201, 201]);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${r.url}/api/directline/token`)).status).toBe(429);
      expect(r.handle.conversationCount()).toBe(3);
    } finally {
      await r.close();
    }
  });
});
