import snowball from 'snowball-stemmers';

const german = snowball.newStemmer('german');

/** German and English words that carry no meaning for retrieval. */
export const STOPWORDS = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei beim bin bis bist da dadurch daher damit dann darf darauf darum das dass dein deine dem den denn der des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige er es etwas euch euer für gegen gibt hat hatte hätte haben habe hier ich ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jetzt kann kannst können könnte man manche mehr mein meine mit muss müssen möchte nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so soll sollen sollte sonst über um und uns unser unsere unter viel vom von vor war waren was weil welche welchem welchen welcher welches wenn wer werden wie wir wird wo wollen würde zu zum zur zwischen bitte gerne mal denn eigentlich möchten würden könnten sollten unserer unseren unserem unseres eure euren eurem eurer ihrem ihres mehrere mehrerer mehreren einigen etwas solche solchen so dafür dabei darüber daran darin davon dazu dagegen danach daneben darunter dafuer darueber
   a an and are as at be by can could do does for from has have how i if in is it its of on or our please should so that the their them there these this to us was we what when where which who will with would you your`
    .split(/\s+/),
);

/** Lower-cases, folds ß, and strips diacritics-free punctuation; keeps umlauts for the stemmer. */
/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/ß/g, 'ss');
}

/** Splits text into word tokens (letters and digits, including inner hyphens and dots of dates). */
export function words(text: string): string[] {
  // No real word is longer than 60 letters; longer tokens are noise (or an attack on the analysers).
  // Gender forms are the word they extend: "Einwohner*innendialoge" is "Einwohnerdialoge", "Bürgermeister:in" is "Bürgermeister".
  const plain = text.includes('*') || text.includes(':') || text.includes('_') || text.includes('/') ? text.replace(GENDER_FORM, '$1') : text;
  return (plain.match(/[\p{L}\d]+(?:[-'.][\p{L}\d]+)*/gu) ?? []).filter((w) => w.length <= MAX_WORD).map(normalizeWord);
}

const MAX_WORD = 60;
const GENDER_FORM = /(\p{Ll})[*:_/](?:innen|in(?!\p{L}))/gu;

const stemCache = new Map<string, string>();
/** German Snowball stem, cached; umlauts folded afterwards so "Städte" and "Stadte" meet. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = german.stem(word).replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const LINKERS = ['', 's', 'es', 'n', 'en'];

/**
 * Splits a German compound into known parts ("Bewerbungsfrist" → bewerbung, frist) using the
 * corpus vocabulary; returns [] when no split covers the whole word.
 */
export function decompound(word: string, vocabulary: ReadonlySet<string>): string[] {
  if (word.length < 8 || word.length > 40) return [];
  let cache = decompoundCache.get(vocabulary);
  if (!cache) decompoundCache.set(vocabulary, (cache = new Map()));
  let parts = cache.get(word);
  if (parts === undefined) {
    parts = split(word, vocabulary, 0);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, parts);
  }
  return parts;
}

// Splitting is the costliest step of query analysis; the vocabulary is fixed per index, so cache per vocabulary.
const decompoundCache = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

function split(word: string, vocabulary: ReadonlySet<string>, depth: number): string[] {
  if (word.length < 8 || depth > 3) return [];
  for (let i = word.length - 4; i >= 4; i--) {
    const head = word.slice(0, i);
    // The cheap test first: only a known head is worth splitting the tail for.
    let base = '';
    for (const link of LINKERS) {
      if (link && !head.endsWith(link)) continue;
      const b = link ? head.slice(0, -link.length) : head;
      if (b.length >= 3 && vocabulary.has(b)) {
        base = b;
        break;
      }
    }
    if (!base) continue;
    const tail = word.slice(i);
    const tailParts = vocabulary.has(tail) ? [tail] : split(tail, vocabulary, depth + 1);
    if (tailParts.length) return [base, ...tailParts];
  }
  return [];
}

/**
 * Query terms with weights: a word's own stem counts fully, the parts of a compound half
 * ("Regelförderung" is better evidence than any "Förderung").
 */
export function weightedTerms(text: string, vocabulary?: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (t: string, w: number) => out.set(t, Math.max(out.get(t) ?? 0, w));
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    add(stem(w), 1);
    if (vocabulary) for (const part of decompound(w, vocabulary)) add(stem(part), PART_WEIGHT);
  }
  return out;
}

const PART_WEIGHT = 0.5;

/** Index terms of a text: stems of content words plus stems of compound parts. */
export function terms(text: string, vocabulary?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.push(stem(w));
    if (vocabulary) for (const part of decompound(w, vocabulary)) out.push(stem(part));
  }
  return out;
}

// Three reusable rows: edit distance runs in hot loops (typo matching) and must not allocate.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Damerau-Levenshtein (optimal string alignment) distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
    rowC = new Int32Array(n + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}
