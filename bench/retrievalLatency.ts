import { join } from 'node:path';
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { EMBEDDING_DIMENSIONS, HashedNgramEmbeddings, KnowledgeBase, VectorIndex } from './project.js';
import { seededRandom, shuffled, summarize, type Summary } from './stats.js';
import { scaleCorpus } from './syntheticCorpus.js';
import { sampleCpu, sharesUnder } from './cpuProfile.js';
import type { Workspace } from './workspace.js';

export interface RetrievalScaleResult {
  chunks: number;
  docs: number;
  /** `kb.retriever.search(query, { k: 8 })`, ms. */
  search: Summary;
  /** Medians of the search's parts, each timed on its own next to the full search (ms). */
  parts: { queryTerms: number; lexicalSearch: number; embed: number; vectorSearch: number };
  /** Shares of the search's CPU time from a sampling profile of a separate pass (fusion is what search does itself). */
  profile: Record<string, number>;
  /** Garbage-collection pauses during the measuring loop (they explain most of the p99). */
  gc: GcStats;
  /** Postings entries BM25 walks per query, on average. */
  postingsPerQuery: number;
  build: { corpusMs: number; embedMs: number; hnswMs: number; readMs: number; kbMs: number; heapMB: number };
}

export interface GcStats {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Scavenges of the young generation (grow with what a search allocates). */
  minor: number;
  /** Steps of incremental marking of the old generation (follow heap growth, e.g. a freshly built index). */
  incremental: number;
  /** Mark-compact collections of the whole heap (grow with heap size, not with allocation rate). */
  major: number;
  majorMaxMs: number;
}

/** Builds the hnswlib index in a worker thread with a heartbeat, then reads it back from the temp file. */
async function buildVectors(vectors: Float32Array, count: number, file: string, progress: (l: string) => void): Promise<{ index: VectorIndex; hnswMs: number; readMs: number }> {
  const started = performance.now();
  const beat = setInterval(() => progress(`    hnswlib baut ${count.toLocaleString('de-DE')} Vektoren … ${Math.round((performance.now() - started) / 1000)} s`), 10_000);
  try {
    const hnswMs = await new Promise<number>((resolve, reject) => {
      const w = new Worker(new URL('./vectorBuildWorker.js', import.meta.url), { workerData: { flat: vectors.buffer, count, dimensions: EMBEDDING_DIMENSIONS, file } });
      w.once('message', (m: { ms: number }) => resolve(m.ms));
      w.once('error', reject);
      w.once('exit', (code) => code !== 0 && reject(new Error(`vector build worker exited with ${code}`)));
    });
    const t = performance.now();
    const index = VectorIndex.read(file, EMBEDDING_DIMENSIONS);
    return { index, hnswMs, readMs: performance.now() - t };
  } finally {
    clearInterval(beat);
  }
}

/** Counts GC pauses by kind from now until stop(). */
function watchGc(): { stop(): Promise<GcStats> } {
  const stats: GcStats = { count: 0, totalMs: 0, maxMs: 0, minor: 0, major: 0, incremental: 0, majorMaxMs: 0 };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      stats.count++;
      stats.totalMs += e.duration;
      stats.maxMs = Math.max(stats.maxMs, e.duration);
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) stats.minor++;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL) stats.incremental++;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
        stats.major++;
        stats.majorMaxMs = Math.max(stats.majorMaxMs, e.duration);
      }
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    // Entries are delivered asynchronously: let them arrive before disconnecting.
    stop: async () => {
      await new Promise((r) => setTimeout(r, 20));
      obs.disconnect();
      return stats;
    },
  };
}

function median(xs: number[]): number {
  return summarize(xs).median;
}

/**
 * Median and p99 of hybrid search over synthetic corpora scaled from the ingested chunks, with the
 * time split into query analysis, BM25, embedding, HNSW and fusion.
 */
export async function measureRetrieval(opts: {
  base: KnowledgeBase;
  sizes: number[];
  queries: readonly string[];
  rounds: number;
  ws: Workspace;
  progress: (line: string) => void;
}): Promise<RetrievalScaleResult[]> {
  const embedder = new HashedNgramEmbeddings();
  const results: RetrievalScaleResult[] = [];
  const cacheDir = opts.ws.dir('vectors');
  for (const size of opts.sizes) {
    opts.progress(`  ${size.toLocaleString('de-DE')} Abschnitte: Korpus erzeugen …`);
    let t = performance.now();
    const corpus = scaleCorpus(opts.base.chunks, [...opts.base.docs.values()], size);
    const corpusMs = performance.now() - t;

    t = performance.now();
    const flat = new Float32Array(new SharedArrayBuffer(size * EMBEDDING_DIMENSIONS * 4));
    corpus.chunks.forEach((c, i) => flat.set(embedder.embed(`${c.section} ${c.text}`), i * EMBEDDING_DIMENSIONS));
    const embedMs = performance.now() - t;
    opts.progress(`    eingebettet in ${(embedMs / 1000).toFixed(1)} s; hnswlib-Index wird gebaut …`);
    const built = await buildVectors(flat, size, join(cacheDir, `vectors-${size}.hnsw`), opts.progress);
    opts.progress(`    hnswlib: ${(built.hnswMs / 1000).toFixed(1)} s; BM25-Index wird gebaut …`);

    t = performance.now();
    const kb = KnowledgeBase.fromParts({ version: `bench-${size}`, createdAt: new Date().toISOString(), docs: corpus.docs, chunks: corpus.chunks, programs: opts.base.programs, vectors: built.index });
    const kbMs = performance.now() - t;
    // Production searches a heap that settled long ago; collect the build's garbage first (run.mjs passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    // GC entries are reported asynchronously; let that collection's arrive before the observer starts.
    await new Promise((r) => setTimeout(r, 50));
    const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
    opts.progress(`    BM25: ${(kbMs / 1000).toFixed(1)} s; messe …`);

    const rnd = seededRandom(size);
    for (let r = 0; r < 5; r++) for (const q of opts.queries) kb.retriever.search(q, { k: 8 });
    // Each search is paired with its parts as HybridSearch.search runs them (k * 3 candidates per side);
    // the order alternates so neither side always finds the caches warm.
    const total: number[] = [];
    const qt: number[] = [];
    const lex: number[] = [];
    const emb: number[] = [];
    const vec: number[] = [];
    let touched = 0;
    const gc = watchGc();
    for (let r = 0; r < opts.rounds; r++) {
      for (const q of shuffled(opts.queries, rnd)) {
        const full = () => {
          const s = performance.now();
          kb.retriever.search(q, { k: 8 });
          return performance.now() - s;
        };
        const before = r % 2 === 1 ? full() : 0;
        const t0 = performance.now();
        const terms = kb.lexical.queryTerms(q);
        const t1 = performance.now();
        kb.lexical.search(terms, 24);
        const t2 = performance.now();
        const v = embedder.embed(q);
        const t3 = performance.now();
        built.index.search(v, 24);
        const t4 = performance.now();
        const searchMs = r % 2 === 1 ? before : full();
        total.push(searchMs);
        qt.push(t1 - t0);
        lex.push(t2 - t1);
        emb.push(t3 - t2);
        vec.push(t4 - t3);
        if (r === 0) touched += terms.reduce((n, term) => n + (kb.lexical.idf(term) > 0 ? postingsLength(kb, term) : 0), 0);
      }
    }
    const gcStats = await gc.stop();
    const search = summarize(total);
    const parts = { queryTerms: median(qt), lexicalSearch: median(lex), embed: median(emb), vectorSearch: median(vec) };
    const profile = sharesUnder(
      await sampleCpu(() => {
        for (let r = 0; r < Math.max(20, opts.rounds / 2); r++) for (const q of opts.queries) kb.retriever.search(q, { k: 8 });
      }),
      (f) => f.functionName === 'search' && f.url.endsWith('/retrieval/hybridSearch.js'),
      (f) =>
        f.url.endsWith('/retrieval/lexicalIndex.js') ? (f.functionName === 'queryTerms' ? 'queryTerms' : 'bm25')
        : f.url.endsWith('/retrieval/vectorIndex.js') ? 'hnsw'
        : f.url.endsWith('/retrieval/hashedNgramEmbeddings.js') ? 'embed'
        : 'fusion',
      'fusion',
    );
    results.push({
      chunks: size, docs: corpus.docs.length, search, parts, profile, gc: gcStats, postingsPerQuery: Math.round(touched / opts.queries.length),
      build: { corpusMs, embedMs, hnswMs: built.hnswMs, readMs: built.readMs, kbMs, heapMB },
    });
    opts.progress(`    Median ${search.median.toFixed(3)} ms, p99 ${search.p99.toFixed(3)} ms`);
  }
  return results;
}

/** Postings length of a term, recovered from its idf (the index keeps postings private). */
function postingsLength(kb: KnowledgeBase, term: string): number {
  const n = kb.lexical.size;
  const idf = kb.lexical.idf(term);
  // idf = ln(1 + (n - df + 0.5) / (df + 0.5)), solved for df.
  const e = Math.exp(idf) - 1;
  return (n + 0.5 - 0.5 * e) / (1 + e);
}
