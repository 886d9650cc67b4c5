const UNITS: Record<string, number> = {
  ein: 1, eins: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const TENS: Record<string, number> = {
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};

function below100(s: string): number | null {
  if (s === '') return 0;
  if (s in UNITS) return UNITS[s];
  if (s in TENS) return TENS[s];
  const m = s.match(/^(\p{L}+?)und(\p{L}+)$/u);
  if (m && m[1] in UNITS && m[2] in TENS) return UNITS[m[1]] + TENS[m[2]];
  return null;
}

function below1000(s: string): number | null {
  const i = s.indexOf('hundert');
  if (i < 0) return below100(s);
  const head = s.slice(0, i);
  const h = head === '' ? 1 : below100(head);
  const rest = below100(s.slice(i + 'hundert'.length));
  return h === null || rest === null ? null : h * 100 + rest;
}

/** Parses a German number word like "achttausendfünfhundert" (up to 999 999); null if it is none. */
export function parseGermanNumberWord(word: string): number | null {
  const s = word.toLowerCase();
  if (!/^[a-zäöüß]+$/.test(s) || s.length < 3) return null;
  const i = s.indexOf('tausend');
  if (i < 0) {
    const v = below1000(s);
    return v && v > 0 ? v : null;
  }
  const head = s.slice(0, i);
  const th = head === '' ? 1 : below1000(head);
  const rest = below1000(s.slice(i + 'tausend'.length));
  return th === null || rest === null ? null : th * 1000 + rest;
}

/**
 * Parses a number as people write it in German or English: "8.000", "8 000", "8000", "8,5",
 * "8 Tsd.", "8k", "1,2 Mio", "achttausend". Returns null for anything else.
 */
export function parseQuantity(raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\u00a0/g, ' ');
  const word = parseGermanNumberWord(s.replace(/\s+/g, ''));
  if (word !== null) return word;
  const m = s.match(/^(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s*(tsd\.?|tausend|k|mio\.?|millionen|million|thousand)?$/);
  if (!m) return null;
  let num: number;
  // Groups of three after a dot, a space or a comma are thousands ("8.000", "8 000", "8,000"); "8,5" is a decimal.
  if (/^\d{1,3}([.,\s]\d{3})+$/.test(m[1]) && !(m[2] && /,/.test(m[1]))) num = Number(m[1].replace(/[.,\s]/g, ''));
  else num = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(num)) return null;
  const unit = m[2] ?? '';
  if (/^(tsd|tausend|k|thousand)/.test(unit)) num *= 1000;
  if (/^(mio|million)/.test(unit)) num *= 1_000_000;
  return Math.round(num);
}
