import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/retrieval/lexicalIndex.js';
import { stem } from '../../src/retrieval/textAnalysis.js';

const TEXTS = [
  'Die Kommunen erhalten Beratung und Begleitung für Kommunen.',
  'Die Kommunen erhalten eine Sachkostenpauschale von 8.000 Euro.',
  'Die Kommunen erhalten Beratung durch das Institut.',
  'Kommunen Kommunen Kommunen Kommunen.',
];

describe('LexicalIndex (BM25)', () => {
  const index = new LexicalIndex(TEXTS, new Set(['sachkosten', 'pauschale']));

  it('ranks the document with the rare term first', () => {
    const hits = index.search('Kommunen Sachkostenpauschale', 4);
    expect(hits[0].index).toBe(1);
  });

  it('gives a rare term a higher idf than a common one', () => {
    expect(index.idf(stem('sachkostenpauschale'))).toBeGreaterThan(index.idf(stem('beratung')));
    expect(index.idf(stem('beratung'))).toBeGreaterThan(index.idf(stem('kommunen')));
    expect(index.idf('gibtesnicht')).toBe(0);
  });

  it('matches a compound part of the query against the whole word in a text', () => {
    const hits = index.search('Wie hoch ist die Pauschale?', 4);
    expect(hits.map((h) => h.index)).toEqual([1]);
  });

  it('normalises by length, so a short text with the term beats a long one with it once', () => {
    const idx = new LexicalIndex(['Frist.', `Frist ${'und weitere lange Worte '.repeat(20)}`], new Set());
    expect(idx.search('Frist', 2).map((h) => h.index)).toEqual([0, 1]);
  });

  it('returns at most k hits, sorted by score, and respects an allow filter', () => {
    const all = index.search('Kommunen Beratung', 2);
    expect(all).toHaveLength(2);
    expect(all[0].score).toBeGreaterThanOrEqual(all[1].score);
    const filtered = index.search('Kommunen Beratung', 4, (i) => i === 1 || i === 3);
    expect(filtered.map((h) => h.index).sort()).toEqual([1, 3]);
  });

  it('finds nothing for unknown or stop words only', () => {
    expect(index.search('Wetter Parkausweis', 3)).toEqual([]);
    expect(index.search('und die der', 3)).toEqual([]);
  });

  it('gives the same scores on repeated searches (its scratch buffer is reset)', () => {
    const a = index.search('Kommunen Beratung Institut', 4);
    const b = index.search('Kommunen Beratung Institut', 4);
    expect(b).toEqual(a);
  });

  it('keeps the top k correct when many documents match', () => {
    const texts = Array.from({ length: 200 }, (_, i) => (i === 137 ? 'Frist Frist Frist.' : `Frist ${'Füllwort '.repeat(1 + (i % 7))}`));
    const idx = new LexicalIndex(texts, new Set());
    expect(idx.search('Frist', 3)[0].index).toBe(137);
  });
});
