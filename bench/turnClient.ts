import http from 'node:http';
import type { BenchQuestion } from './questions.js';

/** One HTTP exchange: wall time from request start to the last body byte, and what came back. */
export interface Exchange {
  ms: number;
  status: number;
  body: string;
}

/** A Bot Framework channel stand-in: posts activities with deliveryMode expectReplies over one keep-alive socket. */
export class TurnClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly port: number;
  private readonly host: string;
  private n = 0;

  constructor(baseUrl: string) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
  }

  /** Sends one request; resolves with the timing taken around the request only. */
  request(method: 'GET' | 'POST', path: string, payload?: string): Promise<Exchange> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        {
          host: this.host, port: this.port, path, method, agent: this.agent,
          headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** One message turn; throws unless the service answered 200 with at least one reply activity. */
  async turn(conversationId: string, userId: string, q: BenchQuestion): Promise<number> {
    const activity = {
      type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: conversationId }, from: { id: userId, name: 'Bench' }, recipient: { id: 'bot', name: 'Förderlotse' },
      locale: q.locale, id: `${conversationId}|${++this.n}`, timestamp: new Date().toISOString(), deliveryMode: 'expectReplies', text: q.text,
    };
    const ex = await this.request('POST', '/api/messages', JSON.stringify(activity));
    // Checked outside the timed region: parsing is the channel's work, not the bot's.
    const replies = ex.status === 200 ? ((JSON.parse(ex.body) as { activities?: { type?: string; text?: string }[] }).activities ?? []) : [];
    if (ex.status !== 200 || !replies.some((a) => a.type === 'message')) {
      throw new Error(`Turn "${q.text}" got HTTP ${ex.status} with ${replies.length} replies: ${ex.body.slice(0, 200)}`);
    }
    return ex.ms;
  }

  close(): void {
    this.agent.destroy();
  }
}
