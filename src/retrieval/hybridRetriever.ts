import { BaseRetriever } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { HybridSearch } from './hybridSearch.js';

/**
 * LangChain's retriever interface over the hybrid search, so another LangChain component can use
 * the index (or another retriever can replace it): `invoke(query)` gives Documents with the chunk's
 * id, document, section and scores as metadata.
 */
export class HybridRetriever extends BaseRetriever {
  lc_namespace = ['foerderlotse', 'retrieval'];

  constructor(readonly hybrid: HybridSearch) {
    super({});
  }

  async _getRelevantDocuments(query: string): Promise<Document[]> {
    return this.hybrid.search(query).map(
      (h) =>
        new Document({
          pageContent: h.chunk.text,
          metadata: { chunkId: h.chunk.id, docId: h.chunk.docId, section: h.chunk.section, score: h.score, lexical: h.lexical, vector: h.vector },
        }),
    );
  }
}
