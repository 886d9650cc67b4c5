import { STOPWORDS, decompound, stem, words } from '../retrieval/textAnalysis.js';
import type { Program } from '../programs/programSchema.js';

/** Words of questions that say nothing about what is asked ("Bewerbung", "Programm", "sagt"). */
const GENERIC = new Set(
  `bewerb bewerbung bewerbungen kommun kommune kommunen programm programms projekt projekts ausschreib ausschreibung aufruf frag frage fragen gibt geben sagt sag steht stehen text texte papier dokument information informationen wissen erfahr erfahren
   viel viele wie welch welche genau eigentlich bitte mal etwa ungefahr denn auch noch schon hier dort thema bezug bzgl bezuglich moglich konnen muss brauch brauchen man leute wer wann was wo wohin
   call text paper document programme program project tell say says know please about does apply application`
    .split(/\s+/)
    .map((w) => stem(w)),
);

function stemsWithParts(text: string, vocabulary: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.add(stem(w));
    for (const part of decompound(w, vocabulary)) out.add(stem(part));
  }
  return out;
}

/** The content stems of a question that a supporting passage must contain. */
export function focusTerms(question: string, programs: Program[], vocabulary: ReadonlySet<string>, ignore: string[] = []): string[] {
  const programWords = new Set<string>();
  for (const p of programs) for (const w of words(`${p.shortName} ${p.aliases.join(' ')}`)) programWords.add(stem(w));
  for (const w of ignore) programWords.add(stem(w));
  const out: string[] = [];
  for (const w of words(question)) {
    if (STOPWORDS.has(w) || w.length < 3 || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (GENERIC.has(s) || programWords.has(s)) continue;
    out.push(s);
  }
  return [...new Set(out)];
}

/** Share of focus terms a passage contains (stems, compound parts, or a shared 5+ letter prefix). */
export function coverage(focus: string[], passage: string, vocabulary: ReadonlySet<string>): number {
  if (focus.length === 0) return 1;
  const have = stemsWithParts(passage, vocabulary);
  let hit = 0;
  for (const f of focus) {
    if (have.has(f)) {
      hit++;
      continue;
    }
    for (const h of have) {
      const n = Math.min(f.length, h.length);
      if (n >= 5 && (f.startsWith(h) || h.startsWith(f)) && Math.abs(f.length - h.length) <= 4) {
        hit++;
        break;
      }
    }
  }
  return hit / focus.length;
}
