import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { RouteRequest } from '../directline/routeServer.js';

/** An in-memory file served with an ETag, conditional GET and gzip when the client accepts it. */
export class StaticAsset {
  readonly etag: string;
  private gzipped: Buffer | undefined;

  constructor(
    private readonly body: Buffer,
    private readonly contentType: string,
    private readonly headers: Record<string, string>,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  /** Answers the request with the asset, 304 if the client's copy is current. */
  send(req: RouteRequest, res: ServerResponse): void {
    const common = { ...this.headers, ETag: this.etag, Vary: 'Accept-Encoding', 'X-Content-Type-Options': 'nosniff' };
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === this.etag)) {
      res.statusCode = 304;
      res.writeHead(304, common);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && this.body.length > 1024;
    // Compressed once on first use: webchat.js shrinks from ~4 MB to ~1 MB.
    if (gzip) this.gzipped ??= gzipSync(this.body);
    const payload = gzip && this.gzipped ? this.gzipped : this.body;
    res.statusCode = 200;
    res.writeHead(200, {
      ...common,
      'Content-Type': this.contentType,
      'Content-Length': String(payload.length),
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : payload);
  }
}
