import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { HybridRetriever } from '../../src/retrieval/hybridRetriever.js';
import { HybridSearch } from '../../src/retrieval/hybridSearch.js';
import { useSeedsWithNewCall } from '../knowledge/tempKnowledge.js';

const DOC = {
  komma: 'komma-informationsschreiben-2023',
  wir: 'hessen-wir-integrationsstrategien-2019',
  bamf: 'bamf-zusammenhalt-trotz-distanz',
  weltoffen: 'weltoffene-kommune-modellprojekt',
  ils: 'ils-was-bewegt-kommunen-2022',
  nd: 'nachbarschaft-digital-2029',
};

const knowledge = useSeedsWithNewCall();
let kb: KnowledgeBase;
beforeAll(() => {
  kb = knowledge.kb();
});

describe('the retriever contract (HybridRetriever over an ingested index)', () => {
  it('is a LangChain BaseRetriever over the same search the answerer uses (loaded on first use)', async () => {
    expect(kb.retriever).toBeInstanceOf(HybridSearch);
    expect(kb.retriever.size).toBe(kb.chunks.length);
    const lc = await kb.langChainRetriever();
    expect(lc).toBeInstanceOf(HybridRetriever);
    expect(lc).toBeInstanceOf(BaseRetriever);
    expect(lc.hybrid).toBe(kb.retriever);
    expect(await kb.langChainRetriever()).toBe(lc);
  });

  it.each([
    ['Muss die Bewerbung von der Verwaltungsleitung unterschrieben werden?', DOC.komma, 'Unterschrift'],
    ['Ist für die Bewerbung eine Unterschrift der Landrätin nötig?', DOC.nd, 'Unterschrift'],
    ['Ist eine anonyme Teilnahme bei Gefährdungslagen möglich?', DOC.komma, 'anonyme Teilnahme'],
    ['Wo werden die Anträge eingereicht, beim Regierungspräsidium Darmstadt?', DOC.wir, 'Regierungspräsidium'],
    ['Summe von bis zu 20.000 Euro für Integrationsstrategien', DOC.wir, '20.000 Euro'],
    ['Was ist der Selbstcheck zur Weltoffenheit?', DOC.weltoffen, 'Selbstcheck'],
    ['Frist zur Interessensbekundung beim BAMF', DOC.bamf, 'Interessensbekundung'],
    ['Was sagt die Studie zur Regelförderung?', DOC.ils, 'Regelförderung'],
    ['Wie hoch ist die Sachkostenpauschale?', DOC.nd, 'Sachkostenpauschale'],
    ['Wie viele Beratungstage bekommen Pilotregionen?', DOC.nd, 'Beratungstage'],
  ])('finds the passage for "%s" first, in the right document', (question, docId, word) => {
    const hits = kb.retriever.search(question, { k: 5 });
    expect(hits[0].chunk.docId).toBe(docId);
    // A section heading is indexed with its passages ("… braucht Regelförderung …" heads the ones about it).
    expect(`${hits[0].chunk.section ?? ''} ${hits[0].chunk.text}`).toContain(word);
  });

  it.each(['Kooperationsvertrag', 'Regierungspräsidium', 'Sachkostenpauschale', 'Gefährdungslagen', 'Clearingverfahren', 'Prozessbegleitung', 'Webinare'])(
    'ranks a chunk containing the rare word "%s" first',
    (word) => {
      expect(kb.retriever.search(word, { k: 5 })[0].chunk.text).toContain(word);
    },
  );

  it('ranks the lexically best chunk for "Ausschreibungsfrist" in the top 3', () => {
    const hits = kb.retriever.search('Ausschreibungsfrist', { k: 5 });
    expect(hits.slice(0, 3).some((h) => h.chunk.text.includes('Der Ausschreibungsfrist geht bis zum 28. Februar 2023.'))).toBe(true);
  });

  it.each([[DOC.bamf], [DOC.wir], [DOC.nd]])('returns only chunks of the allowed document %s', (docId) => {
    const hits = kb.retriever.search('Frist Bewerbung Förderung Kommunen', { k: 6, docIds: new Set([docId]) });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.chunk.docId).toBe(docId);
  });

  it('finds the deadline of one programme when the search is restricted to its documents', () => {
    const hits = kb.retriever.search('Bis wann läuft die Frist?', { k: 3, docIds: new Set([DOC.nd]) });
    expect(hits[0].chunk.text).toContain('Die Bewerbungsfrist endet am 15. Januar 2029.');
  });

  it('returns nothing when the allowed documents have no chunks', () => {
    expect(kb.retriever.search('Frist', { k: 5, docIds: new Set(['gibt-es-nicht']) })).toEqual([]);
  });

  it('returns at most k hits, best first, with fused and component scores', () => {
    const hits = kb.retriever.search('Unterschrift Kooperationsvertrag', { k: 4 });
    expect(hits).toHaveLength(4);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(hits[0].lexical).toBeGreaterThan(0);
    expect(hits[0].vector).toBeGreaterThan(0);
    expect(hits[0].vector).toBeLessThanOrEqual(1.0001);
  });

  it('takes extra (already stemmed) terms into account', () => {
    const without = kb.retriever.search('Was gibt es?', { k: 3 });
    const withTerms = kb.retriever.search('Was gibt es?', { k: 3, extraTerms: kb.lexical.queryTerms('Sachkostenpauschale') });
    expect(without.some((h) => h.chunk.text.includes('Sachkostenpauschale'))).toBe(false);
    expect(withTerms[0].chunk.text).toContain('Sachkostenpauschale');
  });

  it.each([
    ['Bewerbungsfirst', 'Bewerbungsfrist', DOC.nd],
    ['Selbstchek', 'Selbstcheck', undefined],
    ['Gefärdungslagen', 'Gefährdungslagen', undefined],
    ['Regelfördrung', 'Regelförderung', undefined],
    ['Regierungspräsidum Darmstadt', 'Regierungspräsidium', undefined],
    ['Sachkostenpauchsale', 'Sachkostenpauschale', undefined],
  ])('tolerates the typo "%s" (finds "%s" in the top 3)', (typo, word, docId) => {
    const hits = kb.retriever.search(typo, { k: 3, docIds: docId ? new Set([docId]) : undefined });
    expect(hits.some((h) => h.chunk.text.includes(word))).toBe(true);
  });

  it('tolerates the typo "Kooperatiosvertrag" (finds "Kooperationsvertrag" in the top 5)', () => {
    expect(kb.retriever.search('Kooperatiosvertrag', { k: 5 }).some((h) => h.chunk.text.includes('Kooperationsvertrag'))).toBe(true);
  });

  it('splits a compound in the question into parts the index knows ("Bewerbungsfrist" → bewerbung + frist)', () => {
    const q = kb.lexical.queryTerms('Bewerbungsfrist');
    expect(q).toEqual(expect.arrayContaining(['bewerbungsfrist', 'bewerb', 'frist']));
  });

  it('answers LangChain invoke() with Documents that carry chunk metadata', async () => {
    const docs = await (await kb.langChainRetriever()).invoke('Wie hoch ist die Sachkostenpauschale?');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThanOrEqual(8);
    expect(docs[0]).toBeInstanceOf(Document);
    expect(docs[0].pageContent).toContain('Sachkostenpauschale');
    expect(docs[0].metadata).toMatchObject({ docId: DOC.nd, section: 'Leistungen' });
    expect(kb.chunks.some((c) => c.id === docs[0].metadata.chunkId && c.text === docs[0].pageContent)).toBe(true);
    for (const d of docs) expect(typeof d.metadata.score).toBe('number');
  });

  it('is deterministic: the same question gives the same ranking', () => {
    const a = kb.retriever.search('Wer kann sich bewerben?', { k: 8 }).map((h) => h.chunk.id);
    const b = kb.retriever.search('Wer kann sich bewerben?', { k: 8 }).map((h) => h.chunk.id);
    expect(b).toEqual(a);
  });

  it('copes with a question that has no content words', () => {
    expect(() => kb.retriever.search('und oder die der', { k: 3 })).not.toThrow();
    expect(() => kb.retriever.search('', { k: 3 })).not.toThrow();
  });
});
