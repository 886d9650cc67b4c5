import type { Chunk } from '../knowledge/chunker.js';
import type { LexicalIndex } from './lexicalIndex.js';
import type { VectorIndex } from './vectorIndex.js';
import type { HashedNgramEmbeddings } from './hashedNgramEmbeddings.js';

export interface RetrievalHit {
  chunk: Chunk;
  /** Fused score: 0.7 × BM25 relative to the best hit + 0.3 × cosine similarity. */
  score: number;
  lexical: number;
  vector: number;
}

export interface SearchOptions {
  k?: number;
  /** Only chunks of these documents. */
  docIds?: ReadonlySet<string>;
  /** Extra lexical terms (already stemmed), e.g. from the bilingual term list or the intent. */
  extraTerms?: string[];
}

// Relative score fusion: BM25 scaled to the best hit, plus cosine similarity. The lexical side
// carries meaning; the n-gram vectors only spelling similarity, so they weigh less. (Rank fusion
// punished the best keyword match whenever its long text was not among the vector neighbours.)
const LEXICAL_WEIGHT = 0.7;
const EXACT_SEARCH_MAX = 3000;
const VECTOR_WEIGHT = 0.3;

/**
 * Hybrid retrieval: BM25 over stemmed, decompounded terms and hnswlib over hashed n-gram vectors,
 * fused by relative score. The answerer calls `search` directly; LangChain's BaseRetriever around it
 * (hybridRetriever.ts) is loaded only when something asks for that interface, because LangChain's
 * callback and tracing modules take about a quarter of a second to load at start.
 */
export class HybridSearch {
  private readonly chunksByDoc = new Map<string, number[]>();

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex,
    private readonly embedder: HashedNgramEmbeddings,
    /** The chunk embeddings, for exact search within a few documents. */
    private readonly embeddings?: readonly Float32Array[],
  ) {
    chunks.forEach((c, i) => {
      const list = this.chunksByDoc.get(c.docId);
      if (list) list.push(i);
      else this.chunksByDoc.set(c.docId, [i]);
    });
  }

  /** Exact cosine over a few documents' chunks: cheaper than hnswlib calling a JS filter per visited node. */
  private exactVectorSearch(query: Float32Array, docIds: ReadonlySet<string>, k: number): { index: number; score: number }[] | null {
    if (!this.embeddings) return null;
    const candidates: number[] = [];
    for (const d of docIds) candidates.push(...(this.chunksByDoc.get(d) ?? []));
    if (candidates.length > EXACT_SEARCH_MAX) return null;
    const scored = candidates.map((index) => {
      const v = this.embeddings![index];
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * query[i];
      return { index, score: dot };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }

  get size(): number {
    return this.chunks.length;
  }

  /** The hot path: synchronous, no callbacks. */
  search(query: string, options: SearchOptions = {}): RetrievalHit[] {
    const k = options.k ?? 8;
    const docIds = options.docIds;
    const allow = docIds ? (i: number) => docIds.has(this.chunks[i].docId) : undefined;
    const weights = this.lexical.queryWeights(query);
    const qTerms = [...weights.keys(), ...(options.extraTerms ?? [])];
    const lex = this.lexical.search(qTerms, k * 3, allow, weights);
    const queryVector = this.embedder.embed(query);
    const vec = (docIds && this.exactVectorSearch(queryVector, docIds, k * 3)) || this.vectors.search(queryVector, k * 3, allow);
    const fused = new Map<number, { score: number; lexical: number; vector: number }>();
    const top = lex[0]?.score || 1;
    for (const h of lex) fused.set(h.index, { score: (LEXICAL_WEIGHT * h.score) / top, lexical: h.score, vector: 0 });
    for (const h of vec) {
      const e = fused.get(h.index) ?? { score: 0, lexical: 0, vector: 0 };
      e.score += VECTOR_WEIGHT * Math.max(0, h.score);
      e.vector = h.score;
      fused.set(h.index, e);
    }
    return [...fused.entries()]
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, k)
      .map(([i, e]) => ({ chunk: this.chunks[i], ...e }));
  }
}
