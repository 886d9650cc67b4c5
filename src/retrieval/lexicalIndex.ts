import { editDistance, terms, weightedTerms } from './textAnalysis.js';

export interface ScoredHit {
  index: number;
  score: number;
}

/** BM25 over stemmed, decompounded terms, with postings in typed arrays for speed at 100k chunks. */
export class LexicalIndex {
  private readonly termIds = new Map<string, number>();
  private postingsDocs: Int32Array[] = [];
  private postingsTf: Float32Array[] = [];
  private readonly docLengths: Float32Array;
  private readonly avgLength: number;
  private readonly scratch: Float32Array;
  // Reused between queries: a query touches tens of thousands of postings at 100k chunks.
  private readonly touched: Int32Array;
  private readonly k1 = 1.2;
  private readonly b = 0.75;

  constructor(
    texts: readonly string[],
    private readonly vocabulary: ReadonlySet<string>,
  ) {
    const lists = new Map<number, number[]>();
    this.docLengths = new Float32Array(texts.length);
    let total = 0;
    texts.forEach((text, doc) => {
      const counts = new Map<string, number>();
      const ts = terms(text, vocabulary);
      for (const t of ts) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.docLengths[doc] = ts.length;
      total += ts.length;
      for (const [t, c] of counts) {
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(t, id);
        }
        let l = lists.get(id);
        if (!l) lists.set(id, (l = []));
        l.push(doc, c);
      }
    });
    for (const [id, l] of lists) {
      const docs = new Int32Array(l.length / 2);
      const tfs = new Float32Array(l.length / 2);
      for (let i = 0; i < docs.length; i++) {
        docs[i] = l[2 * i];
        tfs[i] = l[2 * i + 1];
      }
      this.postingsDocs[id] = docs;
      this.postingsTf[id] = tfs;
    }
    this.avgLength = texts.length ? total / texts.length : 1;
    this.scratch = new Float32Array(texts.length);
    this.touched = new Int32Array(texts.length);
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** Query terms as the index sees them (stems and compound parts, deduplicated); a misspelt term becomes its nearest indexed term. */
  queryTerms(query: string): string[] {
    return [...this.queryWeights(query).keys()];
  }

  /** Query terms with their weights (compound parts count half), misspelt terms mapped as in queryTerms. */
  queryWeights(query: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [t, w] of weightedTerms(query, this.vocabulary)) {
      const known = this.termIds.has(t) ? t : (this.nearestTerm(t) ?? t);
      out.set(known, Math.max(out.get(known) ?? 0, w));
    }
    return out;
  }

  private readonly nearest = new Map<string, string | null>();

  /** The indexed term one or two edits away from an unknown one ("kooperatiosvertrag"), cached. */
  private nearestTerm(term: string): string | null {
    if (term.length < 6) return null;
    let hit = this.nearest.get(term);
    if (hit !== undefined) return hit;
    hit = null;
    const max = term.length >= 10 ? 2 : 1;
    let best = max + 1;
    for (const known of this.termIds.keys()) {
      if (Math.abs(known.length - term.length) > max) continue;
      const d = editDistance(term, known, max);
      if (d < best) {
        best = d;
        hit = known;
      }
    }
    if (this.nearest.size > 10_000) this.nearest.clear();
    this.nearest.set(term, hit);
    return hit;
  }

  /** Inverse document frequency of a term, 0 when unknown. */
  idf(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const df = this.postingsDocs[id].length;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Top-k chunks by BM25; `allow` restricts to some chunk indices. */
  search(query: string | string[], k: number, allow?: (index: number) => boolean, weights?: ReadonlyMap<string, number>): ScoredHit[] {
    const qTerms = Array.isArray(query) ? query : this.queryTerms(query);
    const touched = this.touched;
    let nTouched = 0;
    const scores = this.scratch;
    for (const t of qTerms) {
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      const docs = this.postingsDocs[id];
      const tfs = this.postingsTf[id];
      const idf = Math.log(1 + (this.size - docs.length + 0.5) / (docs.length + 0.5)) * (weights?.get(t) ?? 1);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        const tf = tfs[i];
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.docLengths[d]) / this.avgLength);
        if (scores[d] === 0) touched[nTouched++] = d;
        scores[d] += (idf * tf * (this.k1 + 1)) / norm;
      }
    }
    const hits: ScoredHit[] = [];
    let floor = -Infinity;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i];
      const s = scores[d];
      scores[d] = 0;
      if (s <= floor || (allow && !allow(d))) continue;
      hits.push({ index: d, score: s });
      if (hits.length > k * 4) {
        hits.sort((a, b) => b.score - a.score);
        hits.length = k;
        floor = hits[k - 1].score;
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, k);
  }
}
