import { randomUUID } from 'node:crypto';
import http from 'node:http';

/** An activity as a channel receives it from the bot. */
export type Reply = Record<string, any>;

/** A loopback channel: captures what the bot posts to serviceUrl, like Teams or the Emulator would receive. */
export async function startChannel(): Promise<{ serviceUrl: string; inbox: Map<string, Reply[]>; close(): Promise<void> }> {
  const inbox = new Map<string, Reply[]>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const m = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities/);
      if (req.method === 'POST' && m) {
        const conv = decodeURIComponent(m[1]);
        try {
          const list = inbox.get(conv) ?? [];
          list.push(JSON.parse(body));
          inbox.set(conv, list);
        } catch {
          /* not JSON: ignored, as a channel would reject it */
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { serviceUrl: `http://127.0.0.1:${port}/`, inbox, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface ConversationOptions {
  locale?: string;
  channelId?: string;
  userId?: string;
  conversationId?: string;
  /** Use deliveryMode expectReplies (replies in the HTTP response) instead of the loopback channel. */
  expectReplies?: boolean;
}

/** One conversation with the bot over HTTP, speaking the Bot Framework activity schema. */
export function conversation(botUrl: string, channel: { serviceUrl: string; inbox: Map<string, Reply[]> } | null, opts: ConversationOptions = {}) {
  const conversationId = opts.conversationId ?? randomUUID();
  const user = { id: opts.userId ?? `user-${randomUUID().slice(0, 8)}`, name: 'Test User' };
  let n = 0;
  async function post(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[]; body: string }> {
    const before = channel?.inbox.get(conversationId)?.length ?? 0;
    const full = {
      channelId: opts.channelId ?? 'emulator',
      serviceUrl: channel?.serviceUrl ?? 'http://127.0.0.1:9/',
      conversation: { id: conversationId },
      from: user,
      recipient: { id: 'bot', name: 'Förderlotse' },
      locale: opts.locale ?? 'de-DE',
      id: `${conversationId}|${++n}`,
      timestamp: new Date().toISOString(),
      ...(opts.expectReplies || !channel ? { deliveryMode: 'expectReplies' } : {}),
      ...activity,
    };
    const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(full) });
    const body = await res.text();
    let replies: Reply[] = channel ? (channel.inbox.get(conversationId) ?? []).slice(before) : [];
    if (full.deliveryMode === 'expectReplies') {
      try {
        replies = (JSON.parse(body) as { activities?: Reply[] }).activities ?? [];
      } catch {
        replies = [];
      }
    }
    return { status: res.status, replies, body };
  }
  return {
    conversationId,
    user,
    start: () => post({ type: 'conversationUpdate', membersAdded: [user, { id: 'bot' }] }),
    say: (text: string, extra: Record<string, unknown> = {}) => post({ type: 'message', text, ...extra }),
    post,
  };
}

/** Everything a person would read in replies: text, card texts, suggested actions. */
export function readable(replies: Reply[]): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (v == null) return;
    if (typeof v === 'string') {
      out.push(v);
      return;
    }
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (['text', 'title', 'subtitle', 'value', 'altText', 'fallbackText', 'label', 'placeholder', 'facts', 'body', 'items', 'columns', 'actions', 'card', 'choices', 'inlines'].includes(k)) walk(x);
      }
    }
  };
  for (const a of replies) {
    if (a.type !== 'message') continue;
    if (a.text) out.push(a.text);
    for (const att of a.attachments ?? []) walk(att.content);
    for (const s of a.suggestedActions?.actions ?? []) out.push(s.title ?? s.value ?? '');
  }
  return out.join('\n');
}

/** The citation entities' documents and quotes. */
export function citations(replies: Reply[]): { name: string; abstract: string; url?: string }[] {
  return replies.flatMap((a) => (a.entities ?? []).flatMap((e: Reply) => (e.citation ?? []).map((c: Reply) => ({ name: c.appearance?.name, abstract: c.appearance?.abstract, url: c.appearance?.url }))));
}
