import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chunkBlocks, type Chunk } from './chunker.js';
import { listSourceFiles, readSourceDocument, type SourceDocument } from './sourceDocument.js';
import { INDEX_FORMAT, type Manifest, type StoredDoc } from './indexFiles.js';
import { readIndexSnapshot, readCurrentVersion } from './indexStore.js';
import { buildPrograms, QuoteNotFoundError, readProgramFiles, verifyQuotes } from '../programs/loadPrograms.js';
import { EMBEDDING_DIMENSIONS, HashedNgramEmbeddings } from '../retrieval/hashedNgramEmbeddings.js';
import { VectorIndex } from '../retrieval/vectorIndex.js';

export interface IngestOptions {
  knowledgeDir: string;
  /** Progress lines for the terminal. */
  progress?: (line: string) => void;
  now?: () => Date;
}

export interface IngestResult {
  version: string;
  sources: number;
  chunks: number;
  reusedSources: number;
  embedded: number;
  changed: boolean;
}

async function hashProgramsDir(dir: string): Promise<string> {
  const h = createHash('sha256');
  h.update(`format:${INDEX_FORMAT}`);
  try {
    for (const n of (await readdir(dir)).sort()) {
      if (/\.ya?ml$/.test(n)) h.update(n).update(await readFile(join(dir, n)));
    }
  } catch {
    /* no curated programmes */
  }
  return h.digest('hex');
}

/** Hash of the sources' state, compared with the manifest to see whether the index is stale. */
export async function sourcesFingerprint(knowledgeDir: string): Promise<{ files: Map<string, string>; programsHash: string }> {
  const dir = join(knowledgeDir, 'sources');
  const files = new Map<string, string>();
  for (const f of await listSourceFiles(dir)) files.set(f, createHash('sha256').update(await readFile(join(dir, f))).digest('hex'));
  return { files, programsHash: await hashProgramsDir(join(knowledgeDir, 'programs')) };
}

/** True when the published index does not match the sources and curated facts on disk. */
export async function indexIsStale(knowledgeDir: string): Promise<boolean> {
  const indexDir = join(knowledgeDir, 'index');
  const version = await readCurrentVersion(indexDir);
  if (!version) return true;
  try {
    const manifest = (await readIndexSnapshot(indexDir, version)).manifest;
    const fp = await sourcesFingerprint(knowledgeDir);
    if (manifest.format !== INDEX_FORMAT || manifest.programsHash !== fp.programsHash) return true;
    if (manifest.sources.length !== fp.files.size) return true;
    return manifest.sources.some((s) => fp.files.get(s.file) !== s.hash);
  } catch {
    return true;
  }
}

/**
 * Builds the index from knowledge/sources and knowledge/programs and publishes it atomically:
 * everything is written to a new version folder first, then one rename of the pointer file
 * switches readers over, so a crash mid-write leaves the previous index in use.
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const say = opts.progress ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const sourcesDir = join(opts.knowledgeDir, 'sources');
  const indexDir = join(opts.knowledgeDir, 'index');
  await mkdir(indexDir, { recursive: true });

  const files = await listSourceFiles(sourcesDir);
  if (files.length === 0) throw new Error(`No sources in ${sourcesDir} (.txt, .md, .html, .pdf)`);
  say(`Quellen: ${files.length} Dateien in ${sourcesDir}`);

  // Earlier index: unchanged sources keep their chunks and embeddings.
  const previous = new Map<string, { chunks: Chunk[]; vectors: Float32Array[] }>();
  const prevVersion = await readCurrentVersion(indexDir);
  if (prevVersion) {
    try {
      const snap = await readIndexSnapshot(indexDir, prevVersion);
      if (snap.manifest.format === INDEX_FORMAT) {
        for (const s of snap.manifest.sources) {
          const idx = snap.chunks.map((c, i) => (c.docId === s.id ? i : -1)).filter((i) => i >= 0);
          previous.set(s.hash, { chunks: idx.map((i) => snap.chunks[i]), vectors: idx.map((i) => snap.vectors[i]) });
        }
      }
    } catch {
      say('Vorheriger Index nicht lesbar – alles wird neu berechnet.');
    }
  }

  const docs: SourceDocument[] = [];
  for (const [i, f] of files.entries()) {
    const doc = await readSourceDocument(sourcesDir, f);
    if (docs.some((d) => d.id === doc.id)) throw new Error(`Two sources map to the same id "${doc.id}": rename one of them (${f})`);
    docs.push(doc);
    say(`[${i + 1}/${files.length}] ${f}: ${doc.blocks.length} Abschnitte${previous.has(doc.hash) ? ' (unverändert)' : ''}`);
  }

  const programFiles = await readProgramFiles(join(opts.knowledgeDir, 'programs'));
  const problems = verifyQuotes(programFiles, new Map(docs.map((d) => [d.file, d])));
  if (problems.length) throw new QuoteNotFoundError(problems);
  const programs = buildPrograms(programFiles, docs);
  say(`Programme: ${programs.length} (${programFiles.length} kuratiert, alle Zitate gefunden)`);

  const embedder = new HashedNgramEmbeddings();
  const chunks: Chunk[] = [];
  const vectors: Float32Array[] = [];
  let reused = 0;
  let embedded = 0;
  for (const doc of docs) {
    const prev = previous.get(doc.hash);
    if (prev && prev.chunks.length) {
      reused++;
      // Same content under a new file name: the chunks move to the new document id.
      chunks.push(...prev.chunks.map((c) => (c.docId === doc.id ? c : { ...c, docId: doc.id, id: c.id.replace(/^[^#]*#/, `${doc.id}#`) })));
      vectors.push(...prev.vectors);
      continue;
    }
    const docChunks = chunkBlocks(doc.id, doc.blocks);
    for (const c of docChunks) {
      chunks.push(c);
      vectors.push(embedder.embed(`${c.section} ${c.text}`));
      embedded++;
    }
  }
  say(`Abschnitte: ${chunks.length} (${embedded} neu eingebettet, ${reused} Quellen unverändert übernommen)`);

  // The sources were hashed when read; only the curated facts still need a fingerprint.
  const programsHash = await hashProgramsDir(join(opts.knowledgeDir, 'programs'));
  const contentHash = createHash('sha256').update(programsHash).update(docs.map((d) => d.hash).join(',')).digest('hex').slice(0, 12);
  const version = `${now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${contentHash}`;
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    version,
    createdAt: now().toISOString(),
    embedder: { name: 'hashed-char-ngrams-v1', dimensions: EMBEDDING_DIMENSIONS },
    programsHash,
    sources: docs.map((d) => ({ file: d.file, id: d.id, hash: d.hash, title: d.title, modified: d.modified, chunks: chunks.filter((c) => c.docId === d.id).length })),
    chunkCount: chunks.length,
  };
  const storedDocs: StoredDoc[] = docs.map((d) => ({ id: d.id, file: d.file, title: d.title, hash: d.hash, modified: d.modified, text: d.text }));

  const tmp = join(indexDir, `.tmp-${version}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, 'content.json'), JSON.stringify({ docs: storedDocs, chunks, programs }));
  const flat = new Float32Array(vectors.length * EMBEDDING_DIMENSIONS);
  vectors.forEach((v, i) => flat.set(v, i * EMBEDDING_DIMENSIONS));
  await writeFile(join(tmp, 'embeddings.f32'), Buffer.from(flat.buffer));
  VectorIndex.build(vectors, EMBEDDING_DIMENSIONS).write(join(tmp, 'vectors.hnsw'));
  // The manifest is written last: a version folder without one is never read.
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const finalDir = join(indexDir, version);
  await rm(finalDir, { recursive: true, force: true });
  await rename(tmp, finalDir);
  const pointerTmp = join(indexDir, `.current-${process.pid}.json`);
  await writeFile(pointerTmp, JSON.stringify({ version }));
  await rename(pointerTmp, join(indexDir, 'current.json'));
  say(`Index veröffentlicht: ${version}`);

  // Keep the previous version for readers that still have it open; remove older ones.
  for (const entry of await readdir(indexDir)) {
    if (entry === version || entry === prevVersion || entry === 'current.json') continue;
    if (entry.startsWith('.tmp-') || existsSync(join(indexDir, entry, 'manifest.json')) || entry.startsWith('.current-')) {
      await rm(join(indexDir, entry), { recursive: true, force: true });
    }
  }
  return { version, sources: docs.length, chunks: chunks.length, reusedSources: reused, embedded, changed: version !== prevVersion };
}
