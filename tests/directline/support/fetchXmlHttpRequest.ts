/** One request the shim made, for assertions on what the real client sent. */
export interface RecordedRequest {
  method: string;
  url: string;
  status: number;
}

type Handler = ((this: FetchXMLHttpRequest, ev: { type: string }) => void) | null;

/**
 * The slice of XMLHttpRequest that rxjs 5's Observable.ajax (used inside DirectLineJS) needs, over Node's fetch,
 * so the unmodified client runs in Node without an extra package.
 */
export class FetchXMLHttpRequest {
  static readonly DONE = 4;
  static recorder: RecordedRequest[] = [];

  readyState = 0;
  status = 0;
  statusText = '';
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  // rxjs only wires onerror when `upload` exists.
  readonly upload = {};
  onreadystatechange: Handler = null;
  onload: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;

  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private responseHeaders = new Headers();
  private readonly controller = new AbortController();
  private aborted = false;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([k, v]) => `${k}: ${v}`).join('\r\n');
  }

  abort(): void {
    this.aborted = true;
    this.controller.abort();
  }

  send(body?: string): void {
    void this.run(body);
  }

  private async run(body?: string): Promise<void> {
    let timedOut = false;
    const timer = this.timeout > 0 ? setTimeout(() => { timedOut = true; this.controller.abort(); }, this.timeout) : undefined;
    try {
      const res = await fetch(this.url, { method: this.method, headers: this.headers, body, signal: this.controller.signal });
      this.status = res.status;
      this.statusText = res.statusText;
      this.responseHeaders = res.headers;
      this.responseText = await res.text();
      this.response = this.responseType === 'json' ? parseJson(this.responseText) : this.responseText;
      FetchXMLHttpRequest.recorder.push({ method: this.method, url: this.url, status: this.status });
      this.readyState = 4;
      this.onreadystatechange?.call(this, { type: 'readystatechange' });
      this.onload?.call(this, { type: 'load' });
    } catch {
      this.readyState = 4;
      if (this.aborted) return;
      if (timedOut) this.ontimeout?.call(this, { type: 'timeout' });
      else this.onerror?.call(this, { type: 'error' });
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
