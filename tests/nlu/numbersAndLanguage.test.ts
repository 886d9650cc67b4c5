import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlu/language.js';
import { parseGermanNumberWord, parseQuantity } from '../../src/nlu/numbers.js';

describe('parseQuantity', () => {
  it.each([
    ['8000', 8000],
    ['8.000', 8000],
    ['8 000', 8000],
    ['8\u00a0000', 8000],
    ['120.000', 120000],
    ['1.200.000', 1_200_000],
    ['8,5', 9],
    ['8 Tsd.', 8000],
    ['8 Tsd', 8000],
    ['8,5 Tsd.', 8500],
    ['8k', 8000],
    ['8 tausend', 8000],
    ['1,2 Mio', 1_200_000],
    ['2 Millionen', 2_000_000],
    ['achttausend', 8000],
    ['acht tausend', 8000],
    ['zweihundertfünfzig', 250],
    ['einundzwanzigtausend', 21000],
    ['neunhundertneunundneunzigtausendneunhundertneunundneunzig', 999_999],
  ])('reads "%s" as %i', (raw, n) => {
    expect(parseQuantity(raw)).toBe(n);
  });

  it.each([['acht Äpfel'], ['viele'], [''], ['8.00.0'], ['abc']])('rejects "%s"', (raw) => {
    expect(parseQuantity(raw)).toBeNull();
  });

  it.each([
    ['eins', 1],
    ['zwölf', 12],
    ['siebenundvierzig', 47],
    ['hundert', 100],
    ['tausend', 1000],
    ['dreitausendzweihundert', 3200],
  ])('reads the number word "%s" as %i', (w, n) => {
    expect(parseGermanNumberWord(w)).toBe(n);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['When is the deadline for KommA?', 'de-DE', 'en'],
    ['Is a signature needed to apply for KommA?', 'de-DE', 'en'],
    ['Who can apply for the WIR programme?', undefined, 'en'],
    ['Bis wann können wir uns bewerben?', 'en-US', 'de'],
    ['Wer kann sich für KommA bewerben?', 'en-US', 'de'],
    ['Brauchen wir eine Unterschrift?', undefined, 'de'],
  ])('reads "%s" (locale %s) as %s', (text, locale, lang) => {
    expect(detectLanguage(text, locale)).toBe(lang);
  });

  it.each([
    ['KommA?', 'en-US', 'en'],
    ['KommA?', 'de-DE', 'de'],
    ['KommA?', undefined, 'de'],
    ['', 'en-GB', 'en'],
    ['Frist', 'fr-FR', 'de'],
  ])('falls back to the locale for the too-short "%s" (locale %s) → %s', (text, locale, lang) => {
    expect(detectLanguage(text, locale)).toBe(lang);
  });
});

describe('detectLanguage fallback', () => {
  it('uses the configured default when neither the text nor the channel says', async () => {
    const { detectLanguage } = await import('../../src/nlu/language.js');
    expect(detectLanguage('KommA?', undefined, 'en')).toBe('en');
    expect(detectLanguage('KommA?', 'de-DE', 'en')).toBe('de');
    expect(detectLanguage('KommA?')).toBe('de');
  });
});
