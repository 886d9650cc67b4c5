import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk } from './chunker.js';
import { contentSchema, currentPointerSchema, manifestSchema, type Manifest, type StoredDoc } from './indexFiles.js';
import { programFileSchema, type Program } from '../programs/programSchema.js';

export interface IndexSnapshot {
  version: string;
  manifest: Manifest;
  docs: StoredDoc[];
  chunks: Chunk[];
  programs: Program[];
  vectors: Float32Array[];
  vectorFile: string;
}

/** The published index version, or null when none was published yet. */
export async function readCurrentVersion(indexDir: string): Promise<string | null> {
  try {
    return currentPointerSchema.parse(JSON.parse(await readFile(join(indexDir, 'current.json'), 'utf8'))).version;
  } catch {
    return null;
  }
}

const programShape = programFileSchema.pick({ id: true, kind: true, name: true, shortName: true });

/** Reads one published index version; every file is checked with zod. */
export async function readIndexSnapshot(indexDir: string, version: string): Promise<IndexSnapshot> {
  const dir = join(indexDir, version);
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  const content = contentSchema.parse(JSON.parse(await readFile(join(dir, 'content.json'), 'utf8')));
  const raw = await readFile(join(dir, 'embeddings.f32'));
  const flat = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const dims = manifest.embedder.dimensions;
  if (flat.length !== content.chunks.length * dims) throw new Error(`Index ${version}: embeddings do not match chunks`);
  const vectors = content.chunks.map((_, i) => flat.slice(i * dims, (i + 1) * dims));
  const programs = content.programs.map((p) => {
    programShape.parse(p);
    return p as unknown as Program;
  });
  return { version, manifest, docs: content.docs, chunks: content.chunks, programs, vectors, vectorFile: join(dir, 'vectors.hnsw') };
}
