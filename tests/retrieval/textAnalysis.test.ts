import { describe, expect, it } from 'vitest';
import { decompound, editDistance, normalizeWord, stem, terms, words } from '../../src/retrieval/textAnalysis.js';

const VOCAB = new Set(['bewerbung', 'frist', 'ausschreibung', 'sachkosten', 'kosten', 'sach', 'pauschale', 'einwohner', 'zahl', 'förderung', 'summe', 'modell', 'kommune']);

describe('decompound', () => {
  it.each([
    ['bewerbungsfrist', ['bewerbung', 'frist']],
    ['ausschreibungsfrist', ['ausschreibung', 'frist']],
    ['einwohnerzahl', ['einwohner', 'zahl']],
    ['förderungssumme', ['förderung', 'summe']],
    ['modellkommune', ['modell', 'kommune']],
    ['sachkostenpauschale', ['sachkosten', 'pauschale']],
  ])('splits "%s" into %j with the vocabulary', (word, parts) => {
    expect(decompound(word, VOCAB)).toEqual(parts);
  });

  it.each([['frist'], ['bewerbung'], ['unbekanntwort'], ['kurz']])('leaves "%s" whole (no split covers it)', (word) => {
    expect(decompound(word, VOCAB)).toEqual([]);
  });

  it('needs the parts in the vocabulary', () => {
    expect(decompound('bewerbungsfrist', new Set())).toEqual([]);
  });

  // token; messages are cut at 2,000 characters) blocks the event loop for hours — one message stalls the whole bot.
  it('gives up on a 110-letter token in well under 50 ms', () => {
    const t0 = performance.now();
    expect(decompound('y'.repeat(110), VOCAB)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});

describe('terms and stems', () => {
  it('drops German and English stop words', () => {
    expect(terms('Bis ist die Frist für das Programm and the deadline')).toEqual([stem('frist'), stem('programm'), stem('deadline')]);
  });

  it('gives inflected forms and umlaut spellings one stem', () => {
    expect(stem('städte')).toBe(stem('stadte'));
    expect(stem('kommunen')).toBe(stem('kommune'));
    expect(stem('bewerbungen')).toBe(stem('bewerbung'));
  });

  it('adds stems of compound parts when a vocabulary is given', () => {
    expect(terms('Bewerbungsfrist', VOCAB)).toEqual([stem('bewerbungsfrist'), stem('bewerbung'), stem('frist')]);
    expect(terms('Bewerbungsfrist')).toEqual([stem('bewerbungsfrist')]);
  });

  it('keeps dates, e-mail parts and hyphenated words as tokens', () => {
    expect(words('Bis 28.2.2023 an komma@imap-institut.de, Online-Fortbildungen!')).toEqual(['bis', '28.2.2023', 'an', 'komma', 'imap-institut.de', 'online-fortbildungen']);
  });

  it('folds ß and case', () => {
    expect(normalizeWord('Maßnahmen')).toBe('massnahmen');
  });
});

describe('editDistance (Damerau-Levenshtein)', () => {
  it.each([
    ['frist', 'frist', 0],
    ['frist', 'first', 1],
    ['bewerbungsfrist', 'bewerbungsfirst', 1],
    ['komma', 'kommt', 1],
    ['anonym', 'anonymm', 1],
    ['unterschrift', 'unterschirft', 1],
    ['abc', 'xyz', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it('stops early and reports max+1 when the words are far apart', () => {
    expect(editDistance('förderung', 'unterschrift', 2)).toBe(3);
  });
});
