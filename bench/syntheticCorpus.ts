import type { Chunk, StoredDoc } from './project.js';
import { seededRandom, shuffled } from './stats.js';

/** Names that occur in the seed sources (programmes, people, places) and may be swapped. */
const NAMES_IN_SOURCES = [
  'KommA', 'BAMF', 'ILS', 'IMAP', 'PHINEO', 'Bertelsmann', 'Hessen', 'NRW', 'Berlin', 'Dortmund', 'Winterhagen', 'Godeffroy', 'Certa',
  'Franke', 'Hegmann', 'Zimmer', 'Reimann', 'Pätzold', 'Kirchhoff', 'Gesemann', 'Dymarz', 'Roth', 'Ralf', 'Bettina', 'Ricarda', 'Nils', 'Gudrun', 'Hans',
];
const NAME_RE = new RegExp(`\\b(${NAMES_IN_SOURCES.join('|')})\\b`, 'g');
/** Names a larger collection of calls and papers would mention instead. */
const OTHER_NAMES = [
  'Bielefeld', 'Kassel', 'Gießen', 'Marburg', 'Hanau', 'Fulda', 'Essen', 'Bochum', 'Münster', 'Leipzig', 'Erfurt', 'Jena', 'Kiel', 'Lübeck',
  'Rostock', 'Mainz', 'Trier', 'Ulm', 'Augsburg', 'Passau', 'Sachsen', 'Bayern', 'Brandenburg', 'Thüringen', 'BMFSFJ', 'DStGB', 'KGSt', 'Difu',
  'Schmidt', 'Müller', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
  'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Aylin', 'Jonas', 'Miriam', 'Tobias',
];
const TOKEN_RE = /[\p{L}\d]+(?:[-'.][\p{L}\d]+)*/gu;
const MAX_CHARS = 420;

export interface SyntheticCorpus {
  chunks: Chunk[];
  docs: StoredDoc[];
}

/**
 * Scales the ingested chunks to `size`: the real chunks first, then variants of them with sentences
 * swapped in from other chunks, numbers and names substituted and words of the corpus sprinkled in,
 * so vocabulary and term frequencies stay those of the real texts.
 */
export function scaleCorpus(real: readonly Chunk[], realDocs: readonly StoredDoc[], size: number, seed = 7): SyntheticCorpus {
  const rnd = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const sentencePool = real.flatMap((c) => c.sentences);
  // The token stream (not the set) keeps the corpus' word frequencies when sampling.
  const tokenPool = real.flatMap((c) => c.text.match(TOKEN_RE) ?? []);
  const mutate = (s: string) =>
    s
      .replace(/\d+/g, (d) => String(Math.floor(rnd() * 9 + 1)) + Array.from({ length: d.length - 1 }, () => Math.floor(rnd() * 10)).join(''))
      .replace(NAME_RE, (n) => (rnd() < 0.5 ? pick(OTHER_NAMES) : n));
  const sprinkle = (s: string) => {
    const words = s.split(' ');
    const extra = Math.floor(rnd() * 7);
    for (let i = 0; i < extra; i++) words.splice(Math.floor(rnd() * (words.length + 1)), 0, pick(tokenPool));
    return words.join(' ');
  };

  const chunks: Chunk[] = real.slice(0, size).map((c) => ({ ...c }));
  const docs = new Map<string, StoredDoc>(realDocs.map((d) => [d.id, d]));
  for (let i = chunks.length; i < size; i++) {
    const base = real[i % real.length];
    const docId = `${base.docId}~v${Math.floor(i / real.length)}`;
    if (!docs.has(docId)) {
      const d = docs.get(base.docId);
      docs.set(docId, { id: docId, file: `${docId}.txt`, title: `${d?.title ?? base.docId} (Variante)`, hash: '', modified: d?.modified ?? '', text: '' });
    }
    let sentences = [...base.sentences];
    if (rnd() < 0.5) sentences[Math.floor(rnd() * sentences.length)] = pick(sentencePool);
    if (rnd() < 0.35 && sentences.join(' ').length < MAX_CHARS) sentences.push(pick(sentencePool));
    if (rnd() < 0.3) sentences = shuffled(sentences, rnd);
    sentences = sentences.map(mutate);
    const k = Math.floor(rnd() * sentences.length);
    sentences[k] = sprinkle(sentences[k]);
    const question = base.question === undefined ? undefined : mutate(base.question);
    const body = sentences.join(' ');
    const section = rnd() < 0.2 ? pick(real).section : base.section;
    chunks.push({ id: `${docId}#s${i}`, docId, section, kind: base.kind, sentences, text: question ? `${question} ${body}` : body, ...(question ? { question } : {}) });
  }
  return { chunks, docs: [...docs.values()] };
}
