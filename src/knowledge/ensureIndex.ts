import { ingest, indexIsStale } from './ingest.js';
import { KnowledgeBase } from './knowledgeBase.js';

/** Loads the index, ingesting first when it is missing or older than the sources. */
export async function ensureIndex(knowledgeDir: string, opts: { ingestIfStale: boolean; progress?: (l: string) => void }): Promise<KnowledgeBase> {
  if (opts.ingestIfStale && (await indexIsStale(knowledgeDir))) {
    opts.progress?.('Index fehlt oder ist veraltet – Ingestion läuft …');
    await ingest({ knowledgeDir, progress: opts.progress });
  }
  return KnowledgeBase.load(knowledgeDir);
}
