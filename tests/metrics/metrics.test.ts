import restify from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, registerMetricsRoute, type Metrics } from '../../src/metrics/metrics.js';

const T0 = Date.parse('2026-11-21T12:00:00Z');

/** The value of one sample line, e.g. sample(text, 'foerderlotse_turns_total{channel="msteams",intent="deadline",kind="answer"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the metrics registry', () => {
  it('counts turns by channel, intent and kind, and abstentions by programme', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.observeTurn({ channelId: 'msteams', intent: 'deadline', kind: 'answer', ms: 40, programId: 'komma' });
    m.observeTurn({ channelId: 'msteams', intent: 'deadline', kind: 'answer', ms: 60, programId: 'komma' });
    m.observeTurn({ channelId: 'webchat', intent: 'unknown', kind: 'abstain', ms: 120, programId: 'komma' });
    m.observeTurn({ channelId: 'emulator', intent: 'unknown', kind: 'abstain', ms: 3 });
    const text = await m.text();
    expect(sample(text, 'foerderlotse_turns_total{channel="msteams",intent="deadline",kind="answer"}')).toBe(2);
    expect(sample(text, 'foerderlotse_turns_total{channel="webchat",intent="unknown",kind="abstain"}')).toBe(1);
    expect(sample(text, 'foerderlotse_abstentions_total{program="komma"}')).toBe(1);
    expect(sample(text, 'foerderlotse_abstentions_total{program="none"}')).toBe(1);
    expect(text).toContain('# TYPE foerderlotse_answer_latency_seconds histogram');
    expect(sample(text, 'foerderlotse_answer_latency_seconds_count{kind="answer"}')).toBe(2);
    expect(sample(text, 'foerderlotse_answer_latency_seconds_sum{kind="answer"}')).toBeCloseTo(0.1);
    expect(sample(text, 'foerderlotse_answer_latency_seconds_bucket{le="0.05",kind="answer"}')).toBe(1);
    expect(sample(text, 'foerderlotse_answer_latency_seconds_bucket{le="+Inf",kind="abstain"}')).toBe(2);
  });

  it('counts handoffs queued, sent and failed, reading 0 before the first', async () => {
    const m = createMetrics({ defaultMetrics: false });
    expect(sample(await m.text(), 'foerderlotse_handoffs_total{status="sent"}')).toBe(0);
    m.handoffQueued();
    m.handoffQueued();
    m.handoffSent();
    m.handoffFailed({ permanent: false });
    m.handoffFailed();
    const text = await m.text();
    expect(sample(text, 'foerderlotse_handoffs_total{status="queued"}')).toBe(2);
    expect(sample(text, 'foerderlotse_handoffs_total{status="sent"}')).toBe(1);
    expect(sample(text, 'foerderlotse_handoffs_total{status="failed"}')).toBe(1);
    expect(sample(text, 'foerderlotse_handoff_retries_total')).toBe(1);
  });

  it('counts feedback up and down per programme', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.feedback('up', 'komma');
    m.feedback('down', 'komma');
    m.feedback('down', 'komma');
    m.feedback('down');
    const text = await m.text();
    expect(sample(text, 'foerderlotse_feedback_total{direction="up",program="komma"}')).toBe(1);
    expect(sample(text, 'foerderlotse_feedback_total{direction="down",program="komma"}')).toBe(2);
    expect(sample(text, 'foerderlotse_feedback_total{direction="down",program="none"}')).toBe(1);
  });

  it('reports the index size, and its age as of the scrape', async () => {
    let now = T0;
    const m = createMetrics({ defaultMetrics: false, now: () => now });
    expect(sample(await m.text(), 'foerderlotse_index_chunks')).toBe(0);
    m.setIndex({ chunks: 321, createdAt: '2026-11-21T11:00:00Z', version: '20261121T110000Z-abc' });
    let text = await m.text();
    expect(sample(text, 'foerderlotse_index_chunks')).toBe(321);
    expect(sample(text, 'foerderlotse_index_age_seconds')).toBe(3600);
    expect(sample(text, 'foerderlotse_index_info{version="20261121T110000Z-abc"}')).toBe(1);
    now += 90_000;
    text = await m.text();
    expect(sample(text, 'foerderlotse_index_age_seconds')).toBe(3690);
    m.setIndex({ chunks: 400, createdAt: new Date(now), version: 'v2' });
    text = await m.text();
    expect(sample(text, 'foerderlotse_index_age_seconds')).toBe(0);
    expect(text).not.toContain('20261121T110000Z-abc');
  });

  it('counts HTTP requests by route and status', async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.httpRequest('/api/messages', 200);
    m.httpRequest('/api/messages', 429);
    m.httpRequest('/api/messages', 200);
    const text = await m.text();
    expect(sample(text, 'foerderlotse_http_requests_total{route="/api/messages",status="200"}')).toBe(2);
    expect(sample(text, 'foerderlotse_http_requests_total{route="/api/messages",status="429"}')).toBe(1);
  });

  it('keeps label values bounded whatever a client sends', async () => {
    const m = createMetrics({ defaultMetrics: false });
    for (let i = 0; i < 50; i++) {
      m.observeTurn({ channelId: `evil-${i}`, intent: `x${i}`, kind: `k${i}`, ms: 1, programId: `p"}\n${i}` });
      m.httpRequest(`/random/${'x'.repeat(100)}${i}`, 1000 + i);
    }
    m.observeTurn({ channelId: 'msteams', intent: 'deadline', kind: 'abstain', ms: Number.NaN, programId: 'a'.repeat(100) });
    const text = await m.text();
    expect(sample(text, 'foerderlotse_turns_total{channel="other",intent="other",kind="other"}')).toBe(50);
    expect(sample(text, 'foerderlotse_abstentions_total{program="other"}')).toBe(1);
    expect(sample(text, 'foerderlotse_http_requests_total{route="other",status="other"}')).toBe(50);
    expect(text).not.toContain('evil');
  });

  it('includes the process and Node.js default metrics unless switched off', async () => {
    expect(await createMetrics().text()).toMatch(/^process_cpu_user_seconds_total /m);
    expect(await createMetrics({ defaultMetrics: false }).text()).not.toContain('process_cpu');
  });
});

describe('GET /metrics', () => {
  let server: restify.Server | undefined;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  async function serve(metrics: Metrics, opts?: { token?: string }): Promise<string> {
    server = restify.createServer({ name: 'metrics-test', handleUncaughtExceptions: false });
    registerMetricsRoute(server, metrics, opts);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`;
  }

  it('serves the Prometheus text format', async () => {
    const m = createMetrics();
    m.observeTurn({ channelId: 'webchat', intent: 'deadline', kind: 'answer', ms: 12 });
    const url = await serve(m);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(sample(text, 'foerderlotse_turns_total{channel="webchat",intent="deadline",kind="answer"}')).toBe(1);
    expect(text).toContain('# HELP foerderlotse_turns_total');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    // The scrape itself is counted, and shows up in the next scrape.
    expect(sample(await (await fetch(url)).text(), 'foerderlotse_http_requests_total{route="/metrics",status="200"}')).toBe(1);
  });

  it('answers 401 without the bearer token when one is configured', async () => {
    const url = await serve(createMetrics({ defaultMetrics: false }), { token: 's3cret-token' });
    for (const authorization of [undefined, 'Bearer wrong', 'Basic czNjcmV0LXRva2Vu', 'Bearer s3cret-token-and-more']) {
      const res = await fetch(url, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain('foerderlotse_');
    }
    const ok = await fetch(url, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('foerderlotse_turns_total');
  });
});
