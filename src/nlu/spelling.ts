import { normalizeWord } from '../retrieval/textAnalysis.js';

/**
 * Typos in the words that carry a question ("förderfähg", "eigenantiel", "einwonern") make every pattern and every
 * coverage check miss. A long word the texts never use, one slip (a letter left out or two swapped) away from exactly one
 * of the words questions turn on, is read as that word – only those words: German makes too many real words one letter
 * from another ("betragen"/"beitragen", "genehmigen"/"genehmigten", "vorlegen"/"vorliegen") to correct towards any word
 * of the texts. Only long words, and the first two letters must agree ("wollten"/"sollten").
 */
const MIN_LENGTH = 7;

/** The words questions turn on, as the texts write them. */
const TARGETS = new Set(
  `förderfähig förderfähige förderfähigen zuwendungsfähig zuwendungsfähige zuwendungsfähigen eigenanteil eigenanteils eigenmittel
   einwohner einwohnern einwohnerinnen einwohnerzahl unterschrift unterschreiben unterschrieben unterzeichnen unterzeichnet
   bürgermeister bürgermeisterin oberbürgermeister landrätin antragsberechtigt antragsberechtigte teilnahmeberechtigt
   bewerbungsfrist bewerbungsschluss antragsfrist einreichungsfrist stichtag ansprechpartner ansprechpartnerin ansprechperson
   anonym anonyme veröffentlicht veröffentlichung fördersumme förderquote fördersatz zuschuss zuschüsse höchstbetrag
   antragstellung interessenbekundung projektskizze kommunen gemeinden landkreis landkreise kreisfreie kreisangehörige
   gefördert förderung fördermittel finanziert bewerbung bewerben abgelaufen bewilligung bewilligt`.split(/\s+/).map((w) => w.replace(/ß/g, 'ss')),
);

/**
 * Whether a word is another with one slip: a letter left out (not the last unless doubled: "erreiche" is a form of
 * "erreichen"), or two neighbours swapped. A letter changed or added too often makes another real word ("beworben"/"bewerben",
 * "gebucht"/"gesucht", "Sachsen"/"Sachen", "contract"/"contact").
 */
export function oneSlipFrom(typed: string, word: string): boolean {
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i++;
  // A doubled last letter left single ("Zukunftswerkstat") is a slip, not a form.
  if (word.length === typed.length + 1) return (i < typed.length || word[i] === word[i - 1]) && typed.slice(i) === word.slice(i + 1);
  if (word.length !== typed.length || i + 1 >= typed.length) return false;
  return typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
}

/** The one word questions turn on, used by the texts, that a misspelt word stands for, if there is exactly one. */
function correctionOf(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  const n = normalizeWord(word);
  if (n.length < MIN_LENGTH || vocabulary.has(n) || TARGETS.has(n) || !/^\p{L}+$/u.test(n)) return undefined;
  const candidates = [...TARGETS].filter((w) => w.startsWith(n.slice(0, 2)) && vocabulary.has(w) && oneSlipFrom(n, w));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The text with each misspelt long word replaced by the one word of the texts it stands for, in the writer's case. */
export function correctSpelling(text: string, vocabulary: ReadonlySet<string>): string {
  return text.replace(/\p{L}+/gu, (w) => {
    const fix = correctionOf(w, vocabulary);
    // A word with "ß" is left as written: the vocabulary spells it "ss", and the patterns look for "ß".
    if (!fix || w.includes('ß')) return w;
    return w[0] === w[0].toUpperCase() ? fix[0].toUpperCase() + fix.slice(1) : fix;
  });
}
