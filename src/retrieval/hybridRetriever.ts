import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
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
const VECTOR_WEIGHT = 0.3;

/**
 * Hybrid retrieval: BM25 over stemmed, decompounded terms and hnswlib over hashed n-gram vectors,
 * fused by relative score. Implements LangChain's BaseRetriever so another retriever can replace it.
 */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ['foerderlotse', 'retrieval'];

  constructor(
    private readonly chunks: readonly Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex,
    private readonly embedder: HashedNgramEmbeddings,
  ) {
    super({});
  }

  get size(): number {
    return this.chunks.length;
  }

  /** The hot path: synchronous, no callbacks. */
  search(query: string, options: SearchOptions = {}): RetrievalHit[] {
    const k = options.k ?? 8;
    const docIds = options.docIds;
    const allow = docIds ? (i: number) => docIds.has(this.chunks[i].docId) : undefined;
    const qTerms = [...this.lexical.queryTerms(query), ...(options.extraTerms ?? [])];
    const lex = this.lexical.search(qTerms, k * 3, allow);
    const vec = this.vectors.search(this.embedder.embed(query), k * 3, allow);
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

  async _getRelevantDocuments(query: string): Promise<Document[]> {
    return this.search(query).map(
      (h) =>
        new Document({
          pageContent: h.chunk.text,
          metadata: { chunkId: h.chunk.id, docId: h.chunk.docId, section: h.chunk.section, score: h.score, lexical: h.lexical, vector: h.vector },
        }),
    );
  }
}
