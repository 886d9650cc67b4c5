import { Embeddings } from '@langchain/core/embeddings';
import { STOPWORDS, normalizeWord, words } from './textAnalysis.js';

export const EMBEDDING_DIMENSIONS = 256;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * An offline embedder: hashed character 3- and 4-grams plus whole words, signed and L2-normalised
 * (the "hashing trick"). It captures spelling similarity (typos, inflection, compounds), not meaning;
 * semantic quality comes from the lexical side, the term list and the curated facts.
 */
export class HashedNgramEmbeddings extends Embeddings {
  constructor(private readonly dimensions = EMBEDDING_DIMENSIONS) {
    super({});
  }

  /** Synchronous embedding, used on the hot path to avoid promise overhead. */
  embed(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const raw of words(text)) {
      const w = normalizeWord(raw).replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
      if (STOPWORDS.has(w) || w.length < 2) continue;
      this.add(v, `w:${w}`, 1);
      const padded = `^${w}$`;
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= padded.length; i++) this.add(v, padded.slice(i, i + n), 0.35);
      }
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < v.length; i++) v[i] /= norm;
    return v;
  }

  private add(v: Float32Array, feature: string, weight: number): void {
    const h = fnv1a(feature);
    v[h % this.dimensions] += h & 0x80000000 ? -weight : weight;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.embed(d)));
  }

  async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embed(document));
  }
}
