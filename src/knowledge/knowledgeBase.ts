import { join } from 'node:path';
import type { Chunk } from './chunker.js';
import type { StoredDoc } from './indexFiles.js';
import { readCurrentVersion, readIndexSnapshot } from './indexStore.js';
import type { Program } from '../programs/programSchema.js';
import { HashedNgramEmbeddings } from '../retrieval/hashedNgramEmbeddings.js';
import { HybridSearch } from '../retrieval/hybridSearch.js';
import type { HybridRetriever } from '../retrieval/hybridRetriever.js';
import { LexicalIndex } from '../retrieval/lexicalIndex.js';
import { normalizeWord, stem, words } from '../retrieval/textAnalysis.js';
import { VectorIndex } from '../retrieval/vectorIndex.js';
import { Synonyms } from '../nlu/synonyms.js';

/** The loaded index: documents, chunks, programmes and the retriever over them. */
export class KnowledgeBase {
  readonly docs: Map<string, StoredDoc>;
  readonly programsById: Map<string, Program>;
  private readonly programByDoc = new Map<string, Program>();

  constructor(
    readonly version: string,
    readonly createdAt: string,
    docs: StoredDoc[],
    readonly chunks: Chunk[],
    readonly programs: Program[],
    readonly retriever: HybridSearch,
    readonly lexical: LexicalIndex,
    readonly vocabulary: ReadonlySet<string>,
    /** German synonyms (knowledge/synonyms.yaml): read with the questions, not part of the index. */
    readonly synonyms: Synonyms = Synonyms.none,
  ) {
    this.docs = new Map(docs.map((d) => [d.id, d]));
    this.programsById = new Map(programs.map((p) => [p.id, p]));
    for (const p of programs) for (const d of p.docIds) this.programByDoc.set(d, p);
  }

  /** Builds the in-memory structures from chunks (used by load and by benchmarks). */
  static fromParts(args: {
    version: string; createdAt: string; docs: StoredDoc[]; chunks: Chunk[]; programs: Program[]; vectors: VectorIndex; embeddings?: Float32Array[]; synonyms?: Synonyms;
  }): KnowledgeBase {
    const vocabulary = buildVocabulary(args.chunks.map((c) => c.text), args.programs);
    const lexical = new LexicalIndex(args.chunks.map((c) => `${c.section} ${c.text}`), vocabulary);
    const retriever = new HybridSearch(args.chunks, lexical, args.vectors, new HashedNgramEmbeddings(), args.embeddings);
    return new KnowledgeBase(args.version, args.createdAt, args.docs, args.chunks, args.programs, retriever, lexical, vocabulary, args.synonyms);
  }

  /** Loads the published index from knowledge/index; throws when none exists. */
  static async load(knowledgeDir: string): Promise<KnowledgeBase> {
    const indexDir = join(knowledgeDir, 'index');
    const version = await readCurrentVersion(indexDir);
    if (!version) throw new Error(`No index in ${indexDir}: run "npm run ingest"`);
    const snap = await readIndexSnapshot(indexDir, version);
    const vectors = VectorIndex.read(snap.vectorFile, snap.manifest.embedder.dimensions);
    return KnowledgeBase.fromParts({
      version, createdAt: snap.manifest.createdAt, docs: snap.docs, chunks: snap.chunks, programs: snap.programs, vectors, embeddings: snap.vectors,
      synonyms: Synonyms.load(join(knowledgeDir, 'synonyms.yaml')),
    });
  }

  private langChain?: Promise<HybridRetriever>;

  /** The index as a LangChain BaseRetriever (loaded on first use; see hybridSearch.ts for why not at start). */
  langChainRetriever(): Promise<HybridRetriever> {
    this.langChain ??= import('../retrieval/hybridRetriever.js').then((m) => new m.HybridRetriever(this.retriever));
    return this.langChain;
  }

  private readonly vocabByProgram = new Map<string, Set<string>>();

  /** Words of one programme's texts and names (cached). */
  vocabularyOf(program: Program): ReadonlySet<string> {
    let v = this.vocabByProgram.get(program.id);
    if (!v) {
      const texts = program.docIds.map((d) => this.docs.get(d)?.text ?? '');
      v = buildVocabulary(texts, [program]);
      this.vocabByProgram.set(program.id, v);
    }
    return v;
  }

  private readonly topicCache = new Map<string, { vocabulary: Set<string>; stems: Set<string>; stemsByLength: Map<number, string[]>; sortedStems: string[]; synonyms: Synonyms }>();

  /** Words and their stems of some programmes' texts together (cached per set of programmes). */
  topicVocabulary(programs: Program[]): { vocabulary: ReadonlySet<string>; stems: ReadonlySet<string>; stemsByLength: ReadonlyMap<number, readonly string[]>; sortedStems: readonly string[]; synonyms: Synonyms } {
    const key = programs.map((p) => p.id).sort().join('|');
    let v = this.topicCache.get(key);
    if (!v) {
      const vocabulary = new Set<string>();
      for (const p of programs) for (const w of this.vocabularyOf(p)) vocabulary.add(w);
      const stems = new Set([...vocabulary].map((w) => stem(w)));
      // Typo matching compares only stems of about the same length.
      const stemsByLength = new Map<number, string[]>();
      for (const s of stems) {
        const list = stemsByLength.get(s.length);
        if (list) list.push(s);
        else stemsByLength.set(s.length, [s]);
      }
      v = { vocabulary, stems, stemsByLength, sortedStems: [...stems].sort(), synonyms: this.synonyms };
      if (this.topicCache.size > 64) this.topicCache.clear();
      this.topicCache.set(key, v);
    }
    return v;
  }

  programOfDoc(docId: string): Program | undefined {
    return this.programByDoc.get(docId);
  }

  /** Chunk ids of one programme's documents. */
  docIdsOf(program: Program): ReadonlySet<string> {
    let ids = this.docIdSets.get(program.id);
    if (!ids) this.docIdSets.set(program.id, (ids = new Set(program.docIds)));
    return ids;
  }

  private readonly docIdSets = new Map<string, Set<string>>();
}

/** Words of the corpus (and programme names) that compound splitting may use as parts. */
export function buildVocabulary(texts: string[], programs: Program[]): Set<string> {
  const vocab = new Set<string>();
  const add = (t: string) => {
    for (const w of words(t)) {
      const n = normalizeWord(w);
      if (n.length >= 3 && !/\d/.test(n)) vocab.add(n);
      // "Online-Informationsveranstaltung" also holds "online" and "informationsveranstaltung".
      if (n.includes('-')) for (const part of n.split('-')) if (part.length >= 3 && !/\d/.test(part)) vocab.add(part);
    }
  };
  texts.forEach(add);
  programs.forEach((p) => add(`${p.name} ${p.aliases.join(' ')}`));
  // Common parts of questions that are not always in the texts.
  add('frist schluss bewerbung antrag förderung summe einwohner kommune gemeinde stadt kreis pauschale kosten termin datum unterschrift teilnahme');
  return vocab;
}
