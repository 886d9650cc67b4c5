import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { INTENTS } from '../nlu/intents.js';

export { registerMetricsRoute, type MetricsRouteOptions } from './metricsRoute.js';

/** What the bot's onTurn hook reports; structurally the BotDeps.onTurn event. */
export interface TurnObservation {
  channelId?: string;
  intent: string;
  kind: string;
  ms: number;
  programId?: string;
}

export interface IndexInfo {
  chunks: number;
  /** When the index was built (ISO string from the manifest, or a Date). */
  createdAt: string | Date;
  version: string;
}

/** The service's Prometheus metrics; every label value is bounded, whatever a client sends. */
export interface Metrics {
  readonly registry: Registry;
  /** Content type of `text()`: Prometheus text format 0.0.4. */
  readonly contentType: string;
  /** One finished turn: turns_total, the latency histogram, and abstentions_total for kind 'abstain'. */
  observeTurn(e: TurnObservation): void;
  handoffQueued(): void;
  handoffSent(): void;
  /** A delivery failed; a transient failure that will be retried counts as a retry, not a failure. */
  handoffFailed(opts?: { permanent?: boolean }): void;
  feedback(direction: 'up' | 'down', programId?: string | null): void;
  /** The loaded index; its age is computed at every scrape. */
  setIndex(info: IndexInfo): void;
  httpRequest(route: string, status: number): void;
  /** The registry in Prometheus text format. */
  text(): Promise<string>;
}

export interface MetricsOptions {
  /** Also export process and Node.js runtime metrics (prom-client defaults). Default true. */
  defaultMetrics?: boolean;
  /** Clock for the index age; injected by tests. */
  now?: () => number;
}

const CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test', 'slack', 'telegram', 'email', 'sms']);
const KINDS = new Set(['answer', 'verdict', 'abstain', 'clarify', 'smalltalk', 'flow', 'other']);
const KNOWN_INTENTS = new Set<string>([...INTENTS, 'unknown']);
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// channelId and programme come from requests or data: unbounded label values would let a client flood the TSDB.
const channel = (id: string | undefined) => (id && CHANNELS.has(id) ? id : 'other');
const intent = (i: string) => (KNOWN_INTENTS.has(i) ? i : 'other');
const kind = (k: string) => (KINDS.has(k) ? k : 'other');
const program = (p: string | null | undefined) => (!p ? 'none' : /^[a-z0-9][a-z0-9_-]{0,39}$/i.test(p) ? p.toLowerCase() : 'other');
const route = (r: string) => (/^\/[\w/.:-]{0,60}$/.test(r) ? r : 'other');
const statusLabel = (s: number) => (Number.isInteger(s) && s >= 100 && s <= 599 ? String(s) : 'other');

/** Creates the metrics on their own registry (so tests and several apps in one process do not collide). */
export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const now = opts.now ?? Date.now;
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const turns = new Counter({ name: 'foerderlotse_turns_total', help: 'Message turns handled, by channel, intent and kind of reply', labelNames: ['channel', 'intent', 'kind'] as const, registers });
  const latency = new Histogram({ name: 'foerderlotse_answer_latency_seconds', help: 'Time from receiving a message to the reply being ready', labelNames: ['kind'] as const, buckets: LATENCY_BUCKETS, registers });
  const abstentions = new Counter({ name: 'foerderlotse_abstentions_total', help: 'Questions the bot could not answer from the sources, by programme', labelNames: ['program'] as const, registers });
  const handoffs = new Counter({ name: 'foerderlotse_handoffs_total', help: 'Handoff cases by outcome: queued, sent, failed (permanently)', labelNames: ['status'] as const, registers });
  const handoffRetries = new Counter({ name: 'foerderlotse_handoff_retries_total', help: 'Handoff deliveries that failed transiently and will be retried', registers });
  const feedback = new Counter({ name: 'foerderlotse_feedback_total', help: 'Feedback on answers, by direction and programme', labelNames: ['direction', 'program'] as const, registers });
  const http = new Counter({ name: 'foerderlotse_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'] as const, registers });

  let index: { chunks: number; createdAtMs: number; version: string } | null = null;
  new Gauge({
    name: 'foerderlotse_index_chunks', help: 'Chunks in the loaded knowledge index', registers,
    collect() {
      if (index) this.set(index.chunks);
    },
  });
  new Gauge({
    name: 'foerderlotse_index_age_seconds', help: 'Seconds since the loaded knowledge index was built', registers,
    collect() {
      if (index && Number.isFinite(index.createdAtMs)) this.set(Math.max(0, (now() - index.createdAtMs) / 1000));
    },
  });
  const indexInfo = new Gauge({ name: 'foerderlotse_index_info', help: 'The loaded knowledge index version (value is always 1)', labelNames: ['version'] as const, registers });

  // Series that should read 0 rather than be absent before the first event.
  for (const s of ['queued', 'sent', 'failed']) handoffs.inc({ status: s }, 0);
  handoffRetries.inc(0);
  for (const d of ['up', 'down']) feedback.inc({ direction: d, program: 'none' }, 0);

  return {
    registry,
    contentType: registry.contentType,
    observeTurn(e) {
      const k = kind(e.kind);
      turns.inc({ channel: channel(e.channelId), intent: intent(e.intent), kind: k });
      if (Number.isFinite(e.ms) && e.ms >= 0) latency.observe({ kind: k }, e.ms / 1000);
      if (k === 'abstain') abstentions.inc({ program: program(e.programId) });
    },
    handoffQueued: () => handoffs.inc({ status: 'queued' }),
    handoffSent: () => handoffs.inc({ status: 'sent' }),
    handoffFailed: ({ permanent = true } = {}) => (permanent ? handoffs.inc({ status: 'failed' }) : handoffRetries.inc()),
    feedback: (direction, programId) => feedback.inc({ direction: direction === 'up' ? 'up' : 'down', program: program(programId) }),
    setIndex(info) {
      const createdAtMs = info.createdAt instanceof Date ? info.createdAt.getTime() : Date.parse(info.createdAt);
      index = { chunks: info.chunks, createdAtMs, version: info.version };
      indexInfo.reset();
      indexInfo.set({ version: info.version.slice(0, 64) }, 1);
    },
    httpRequest: (r, s) => http.inc({ route: route(r), status: statusLabel(s) }),
    text: () => registry.metrics(),
  };
}
