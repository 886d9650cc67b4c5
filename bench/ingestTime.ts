import { ingest, indexIsStale } from './project.js';
import { summarize, type Summary } from './stats.js';
import type { Workspace } from './workspace.js';

export interface IngestTimeResult {
  runs: number;
  sources: number;
  chunks: number;
  /** Ingest into a knowledge copy without an index. The first run also pays module warm-up. */
  fresh: Summary;
  firstFreshMs: number;
  /** Ingest again with nothing changed (chunks and embeddings reused, index rewritten). */
  reingest: Summary;
  /** The start-up check whether the published index matches the sources. */
  staleCheck: Summary;
}

/** Times fresh ingests and unchanged re-ingests of the seed sources; returns the last copy with its index. */
export async function measureIngest(ws: Workspace, runs: number): Promise<{ result: IngestTimeResult; knowledgeDir: string }> {
  const fresh: number[] = [];
  const again: number[] = [];
  const check: number[] = [];
  let knowledgeDir = '';
  let sources = 0;
  let chunks = 0;
  for (let i = 0; i < runs; i++) {
    knowledgeDir = ws.knowledgeCopy();
    let t = performance.now();
    const r = await ingest({ knowledgeDir });
    fresh.push(performance.now() - t);
    sources = r.sources;
    chunks = r.chunks;
    t = performance.now();
    const r2 = await ingest({ knowledgeDir });
    again.push(performance.now() - t);
    if (r2.embedded !== 0 || r2.reusedSources !== r.sources) throw new Error(`Re-ingest recomputed ${r2.embedded} chunks although nothing changed`);
    t = performance.now();
    const stale = await indexIsStale(knowledgeDir);
    check.push(performance.now() - t);
    if (stale) throw new Error('The index is stale right after ingesting');
  }
  return {
    knowledgeDir,
    result: { runs, sources, chunks, fresh: summarize(fresh), firstFreshMs: fresh[0], reingest: summarize(again), staleCheck: summarize(check) },
  };
}
