import type { Program } from '../programs/programSchema.js';
import { STOPWORDS, editDistance } from '../retrieval/textAnalysis.js';

function fold(s: string): string {
  return s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[„“”"'»«]/g, '').replace(/[-–—_/]+/g, ' ').replace(/[^\p{L}\d ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

const COMMON_WORDS = ['kommt', 'komme', 'kommen', 'komm', 'kommst', 'summe', 'immer', 'zimmer', 'nimmt', 'stimmt', 'kamen', 'warum', 'wieso', 'weltoffenheit', 'bundesamts', 'comma', 'commas'];

const COMMON = new Set(COMMON_WORDS);

interface AliasMatcher {
  program: Program;
  folded: string;
  /** Aliases that are everyday words ("wir") only count in the exact spelling ("WIR"). */
  exact?: RegExp;
  fuzzy: boolean;
  /** Other programmes whose texts use this one-word alias too ("Interessenbekundung"): weak evidence when any. */
  usedBy: ReadonlySet<Program>;
  /** For an everyday alias: other words of the name; next to one of them it counts in any spelling ("wir hessen"). */
  companions?: ReadonlySet<string>;
}

/** A paper referred to as such ("das Papier", "laut der Studie", "the paper"), not a paper form ("das Papierformular"). */
const THE_PAPER = / (das|dem|im|des|dieses|diesem|the|this|laut|according to)( ils)? (papier|working paper|thesenpapier|arbeitspapier|forschungspapier|paper|forschungsarbeit)(?= )(?! (formular|antrag|form|version|fassung|copy|application))| (der|die|diese|dieser|laut|the|this) (studie|study) /;

/** Words of programme names too common to vouch for an everyday alias next to them. */
const WEAK_COMPANIONS = new Set(['programm', 'programme', 'programms', 'kommune', 'kommunen', 'aufruf', 'foerderung', 'projekt', 'modellprojekt']);

/** True when `word` stands right before or after one of `others` in the tokens. */
function nextTo(tokens: string[], word: string, others: ReadonlySet<string>): boolean {
  return tokens.some((t, i) => t === word && (others.has(tokens[i - 1] ?? '') || others.has(tokens[i + 1] ?? '')));
}

/** Finds the programmes a message is about by name, abbreviation, alias or a near-miss spelling. */
export class ProgramDetector {
  private readonly matchers: AliasMatcher[] = [];

  /** Words that are one typo away from a programme name but are ordinary words ("kommt" ~ "KommA"). */
  private readonly ordinary: ReadonlySet<string>;

  /**
   * `vocabulary` holds the words of all texts, `wordsOf` those of one programme's texts: a one-word
   * alias that another programme's text also uses only counts when no programme is named more distinctly.
   */
  constructor(
    private readonly programs: Program[],
    vocabulary: ReadonlySet<string>,
    private readonly wordsOf: (p: Program) => ReadonlySet<string>,
  ) {
    this.ordinary = new Set([...vocabulary, ...COMMON_WORDS].map(fold));
    const usedBy = (p: Program, alias: string): ReadonlySet<Program> =>
      new Set(alias.includes(' ') ? [] : programs.filter((o) => o !== p && wordsOf(o).has(alias.replace(/ß/g, 'ss'))));
    for (const p of programs) {
      const names = new Set<string>([p.shortName, ...p.aliases]);
      for (const alias of names) {
        const folded = fold(alias);
        if (folded.length < 3) continue;
        const everyday = STOPWORDS.has(folded) || folded.length <= 3;
        const exactSpelling = alias === alias.toLowerCase() ? alias.toUpperCase() : alias;
        this.matchers.push({
          program: p,
          folded,
          exact: everyday ? new RegExp(`(^|[^\\p{L}])${exactSpelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}])`, 'u') : undefined,
          fuzzy: !folded.includes(' ') && folded.length >= 5,
          usedBy: usedBy(p, alias.toLowerCase()),
          companions: everyday ? new Set(fold(p.shortName).split(' ').filter((w) => w !== folded && w.length >= 5 && !WEAK_COMPANIONS.has(w))) : undefined,
        });
      }
    }
  }

  /** A multi-word name with a typo in its longer words ("Nachbarschaft digtal"). */
  private fuzzyPhrase(alias: string[], tokens: string[]): boolean {
    if (alias.length > 6) return false;
    for (let i = 0; i + alias.length <= tokens.length; i++) {
      let typos = 0;
      const ok = alias.every((a, j) => {
        const t = tokens[i + j];
        if (t === a) return true;
        // Long words may be two letters off ("komunalen" for "kommunale").
        const max = a.length >= 9 ? 2 : 1;
        // A short word may be off by one too when the rest of a name of three words or more stands as it is ("Mobil im Dorff").
        const shortOk = a.length === 4 && alias.length >= 3 && t !== undefined && t.length >= 4;
        if ((a.length < 5 && !shortOk) || this.ordinary.has(t) || Math.abs(t.length - a.length) > max || editDistance(t, a, max) > max) return false;
        typos++;
        return true;
      });
      if (ok && typos <= 1) return true;
    }
    // "anpaken vorort" for "Anpacken vor Ort": words run together or split apart, with at most one typo, in a long name.
    const joined = alias.join('');
    if (joined.length < 12) return false;
    for (let i = 0; i < tokens.length; i++) {
      for (let k = 1; k <= alias.length + 1 && i + k <= tokens.length; k++) {
        const run = tokens.slice(i, i + k).join('');
        if (Math.abs(run.length - joined.length) <= 1 && editDistance(run, joined, 1) <= 1 && !(k === 1 && this.ordinary.has(run))) return true;
      }
    }
    return false;
  }

  /** Programmes named in the text, best match first. */
  detect(text: string): Program[] {
    return this.detectWithStrength(text).programs;
  }

  /**
   * The programmes named, and whether any is named distinctly: "Interessenbekundung" is an alias
   * of one call but a word of others' texts too, so on its own it names none for sure.
   */
  detectWithStrength(text: string): { programs: Program[]; distinct: boolean } {
    const folded = ` ${fold(text)} `;
    const tokens = folded.trim().split(' ');
    const scores = new Map<Program, number>();
    const distinct = new Set<Program>();
    const shared = new Map<Program, AliasMatcher[]>();
    const bump = (m: AliasMatcher, s: number) => {
      const weak = m.usedBy.size > 0;
      scores.set(m.program, Math.max(scores.get(m.program) ?? 0, weak ? 1 : s));
      if (!weak) distinct.add(m.program);
      else shared.set(m.program, [...(shared.get(m.program) ?? []), m]);
    };
    this.exactPass(text, folded, tokens, bump);
    // Typo tolerance only when no name was found as written: it is the costly part.
    if (scores.size === 0) this.fuzzyPass(tokens, bump);
    // "Was sagt das Papier zur Verstetigung?": when the texts hold one paper, the paper is that one.
    if (scores.size === 0 && THE_PAPER.test(folded)) {
      const papers = this.programs.filter((p) => p.kind === 'research');
      if (papers.length === 1) {
        scores.set(papers[0], 1);
        distinct.add(papers[0]);
      }
    }
    // "Interessenbekundung für die Hitzeschutzpläne": a shared word that the text of a programme named
    // distinctly uses too belongs to that programme, not to a second one ("… und BAMF" still names BAMF).
    const explained = (p: Program) => !distinct.has(p) && (shared.get(p) ?? []).every((m) => [...distinct].some((d) => m.usedBy.has(d)));
    const named = [...scores.entries()].filter(([p]) => distinct.size === 0 || !explained(p));
    return { programs: named.sort((a, b) => b[1] - a[1]).map(([p]) => p), distinct: distinct.size > 0 };
  }

  private exactPass(text: string, folded: string, tokens: string[], bump: (m: AliasMatcher, s: number) => void): void {
    for (const m of this.matchers) {
      if (m.exact) {
        if (m.exact.test(text) || (m.companions?.size && nextTo(tokens, m.folded, m.companions))) bump(m, m.folded.length + 10);
        continue;
      }
      if (folded.includes(` ${m.folded} `)) {
        bump(m, m.folded.length + 10);
        continue;
      }
      // Compounds like "KommA-Bewerbung" or "WIR-Programm" fold to separate words; prefixes of a token count too.
      if (!m.folded.includes(' ') && tokens.some((t) => t.startsWith(m.folded) && m.folded.length >= 5)) {
        bump(m, m.folded.length + 5);
        continue;
      }
    }
  }

  private fuzzyPass(tokens: string[], bump: (m: AliasMatcher, s: number) => void): void {
    for (const m of this.matchers) {
      if (m.exact) continue;
      if (m.folded.includes(' ') && this.fuzzyPhrase(m.folded.split(' '), tokens)) {
        bump(m, m.folded.length);
        continue;
      }
      // "orts herz" for "OrtsHerz": a one-word name written as two words.
      if (m.fuzzy && tokens.some((t, i) => t.length >= 3 && (tokens[i + 1]?.length ?? 0) >= 3 && t + tokens[i + 1] === m.folded)) {
        bump(m, m.folded.length);
        continue;
      }
      if (m.fuzzy) {
        const max = m.folded.length >= 9 ? 2 : 1;
        // A word of this programme's own text ("Ehrenamtslotsin" for "Ehrenamtslotsen") may name it; one of another's may not.
        const nearMiss = (t: string) => Math.abs(t.length - m.folded.length) <= max && editDistance(t, m.folded, max) <= max;
        if (tokens.some((t) => nearMiss(t) && (!this.ordinary.has(t) || (t.length >= 9 && !COMMON.has(t) && !this.usedElsewhere(t, m.program))))) {
          bump(m, m.folded.length);
          continue;
        }
        // "Hitzeschutz" for "Hitzeschutzpläne": the front of a long one-word name, when no other programme's text uses that word;
        // "modelregion" for "Modellregionen": that front with one typo.
        const front = (t: string) => m.folded.startsWith(t) || (t.length >= 9 && !this.ordinary.has(t) && [t.length - 1, t.length, t.length + 1].some((l) => l < m.folded.length && editDistance(t, m.folded.slice(0, l), 1) <= 1));
        if (m.folded.length >= 10 && tokens.some((t) => t.length >= 7 && t.length >= 0.6 * m.folded.length && front(t) && !this.usedElsewhere(t, m.program))) bump(m, m.folded.length);
      }
    }
  }

  private foldedWords?: Map<Program, ReadonlySet<string>>;

  /** Whether a (folded) word occurs in the texts of a programme other than the given one. */
  private usedElsewhere(word: string, program: Program): boolean {
    this.foldedWords ??= new Map(this.programs.map((p) => [p, new Set([...this.wordsOf(p)].map(fold))]));
    return this.programs.some((o) => o !== program && this.foldedWords!.get(o)!.has(word));
  }
}
