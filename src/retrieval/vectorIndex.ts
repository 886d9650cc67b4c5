import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const SEARCH_EF = 64;

/** Approximate nearest neighbours over chunk embeddings (cosine), backed by hnswlib. */
export class VectorIndex {
  private constructor(private readonly hnsw: Hnsw) {}

  /** Builds an index; addPoint blocks the event loop, so call it from ingestion, not from a turn. */
  static build(vectors: readonly ArrayLike<number>[], dimensions: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 100, randomSeed: 42 });
    vectors.forEach((v, i) => hnsw.addPoint(Array.from(v), i));
    hnsw.setEf(SEARCH_EF);
    return new VectorIndex(hnsw);
  }

  static read(file: string, dimensions: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.readIndexSync(file);
    // ef is not persisted by hnswlib: set it after every read.
    hnsw.setEf(SEARCH_EF);
    return new VectorIndex(hnsw);
  }

  write(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Nearest chunks with cosine similarity (1 = identical direction). */
  search(vector: ArrayLike<number>, k: number, allow?: (index: number) => boolean): { index: number; score: number }[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const res = this.hnsw.searchKnn(Array.from(vector), n, allow);
    return res.neighbors.map((index, i) => ({ index, score: 1 - res.distances[i] }));
  }
}
