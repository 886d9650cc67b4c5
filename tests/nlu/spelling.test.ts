import { describe, expect, it } from 'vitest';
import { correctSpelling, oneSlipFrom } from '../../src/nlu/spelling.js';

const vocabulary = new Set(['förderfähig', 'eigenanteil', 'einwohnern', 'zukunftswerkstatt', 'bewerben', 'erreichen', 'sachen', 'gesucht', 'bewirtung', 'vorliegen', 'beitragen', 'genehmigten']);

describe('correctSpelling', () => {
  it('reads a long word with a letter left out or two letters swapped as the word of the texts', () => {
    expect(correctSpelling('sind bewirtungskosten förderfähg?', vocabulary)).toBe('sind bewirtungskosten förderfähig?');
    expect(correctSpelling('wie hoch eigenantiel bei 3000 einwonern', vocabulary)).toBe('wie hoch eigenanteil bei 3000 einwohnern');
  });

  it('leaves real words that are forms of or one letter from another word of the texts', () => {
    // A changed letter, an added letter or a missing last letter make other real words.
    for (const text of ['Wie viele haben sich beworben?', 'wie erreiche ich sie', 'Gemeinde in Sachsen', 'schon fest gebucht']) expect(correctSpelling(text, vocabulary)).toBe(text);
  });

  it('leaves short words, words of the texts and words with digits', () => {
    expect(correctSpelling('kaffe und kuchen, 2027er Runde, Bewirtung', vocabulary)).toBe('kaffe und kuchen, 2027er Runde, Bewirtung');
  });

  it('corrects only towards the words questions turn on, never towards any other word of the texts', () => {
    // "vorlegen"/"vorliegen", "betragen"/"beitragen", "genehmigen"/"genehmigten" are real words one letter apart.
    for (const text of ['Bis wann müssen wir den Plan vorlegen?', 'Wie viel betragen die Kosten?', 'Muss der Kreis das genehmigen?', 'Zukunftswerkstat Ehrenamt']) expect(correctSpelling(text, vocabulary)).toBe(text);
  });
});

describe('oneSlipFrom', () => {
  it('knows a left-out letter and a swap, not a changed or added letter', () => {
    expect(oneSlipFrom('einwonern', 'einwohnern')).toBe(true);
    expect(oneSlipFrom('eigenantiel', 'eigenanteil')).toBe(true);
    expect(oneSlipFrom('beworben', 'bewerben')).toBe(false);
    expect(oneSlipFrom('sachsen', 'sachen')).toBe(false);
    expect(oneSlipFrom('erreiche', 'erreichen')).toBe(false);
  });
});
