import type { Program } from '../programs/programSchema.js';
import { withoutStates } from './profileEntities.js';
import { STOPWORDS, decompound, escapeRegExp, normalizeWord, stem, words } from '../retrieval/textAnalysis.js';

/** What the finder needs of the knowledge base. */
export interface ProgramTexts {
  readonly programs: readonly Program[];
  /** All words of all texts (for splitting compounds). */
  readonly vocabulary: ReadonlySet<string>;
  readonly docs: ReadonlyMap<string, { text: string }>;
}

interface Profile {
  program: Program;
  stems: ReadonlySet<string>;
  /** Nouns of five letters or more, for compounds ("Zukunftswerkstatt" holds "Werkstatt"). */
  long: readonly string[];
  /** The words of its names and title: a question using one describes the call itself. */
  title: Omit<Profile, 'program' | 'title'>;
}

/** The words written with a capital: German nouns (and names), not verbs like "treffen". */
function nounsOf(text: string): string {
  return (text.match(NOUN) ?? []).join(' ');
}

const NOUN = /\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*/gu;

const profilesOf = new WeakMap<ProgramTexts, Profile[]>();

function profiles(texts: ProgramTexts): Profile[] {
  let list = profilesOf.get(texts);
  if (!list) {
    list = texts.programs.map((program) => {
      const vocabulary = new Set(words(program.docIds.map((d) => nounsOf(texts.docs.get(d)?.text ?? '')).join(' ')));
      const titleWords = words([program.name, program.shortName, program.documentTitle, ...program.aliases].join(' '));
      return {
        program,
        stems: new Set([...vocabulary].map(stem)),
        long: [...vocabulary].filter((w) => w.length >= 5),
        title: { stems: new Set(titleWords.map(stem)), long: titleWords.filter((w) => w.length >= 5 && !STOPWORDS.has(w)) },
      };
    });
    profilesOf.set(texts, list);
  }
  return list;
}

/** Words that describe any funding call, never one in particular. */
const GENERIC = /^(förder|foerder|programm|richtlinie|aufruf|antrag|anträge|antrags|zuschuss|zuwendung|kommun|gemeinde|städt|stadt|landkreis|kreis|projekt|vorhaben|bewerbung|ausschreibung|wettbewerb|einwohner|mittel|kosten|geld|frist|termin|stichtag|landes|bundes|frage|häufig|informationen|hinweis|merkblatt|presse|mitteilung|newsletter|anlage|seite)/;

/** Whether a profile's texts use a word: the same stem, or a compound of it ("Treff" in "Treffpunkte", "Werkstatt" in "Zukunftswerkstatt"). */
function uses(p: Omit<Profile, 'program' | 'title'>, word: string, tail: boolean): boolean {
  if (p.stems.has(stem(word))) return true;
  if (word.length < 5) return false;
  return p.long.some((v) => (v.startsWith(word) && v.length - word.length <= 6) || (!tail && word.length >= 6 && v.endsWith(word)));
}

/** The back parts of a compound no split covers ("Dorftreff" → "treff", "Begegnungstreffs" → "treffs", "treff"). */
function tails(word: string): string[] {
  const out: string[] = [];
  for (let i = 3; i + 5 <= word.length; i++) {
    const tail = word.slice(i);
    out.push(tail);
    if (/[sn]$/.test(tail) && tail.length >= 6) out.push(tail.slice(0, -1));
  }
  return out;
}

/**
 * The one call a question describes without naming it ("die Landesförderung für Begegnungstreffs",
 * "die Ehrenamts-Werkstatt beim Kreis Dornholt"): words, or parts of compound words, that only its
 * texts use among the calls (German nouns: capitalised). A word of its title counts double; at least two
 * such points are needed, and no other call may come close. `titleWords` (an English question's words put into
 * German: "meeting place" → "Treffpunkt") count only where they are a call's title word: "Unterschrift" for
 * "sign" is what is asked, not which call.
 */
export function impliedCall(text: string, texts: ProgramTexts, titleWords: readonly string[] = []): { program: Program; words: string[] } | undefined {
  const all = profiles(texts);
  const calls = all.filter((p) => p.program.kind === 'call');
  if (calls.length < 2) return undefined;
  // "Wir in Hessen …" says where the asker is: a state points at a call only as its funder (see onlyCallOfState).
  text = withoutStates(text);
  const score = new Map<Profile, number>();
  const said = new Map<Profile, Set<string>>();
  // German nouns are written with a capital: "beantragen" or "selbst" describe no call.
  const written: string[] = text.match(NOUN) ?? [];
  // "Treffpunkt-Förderung": each part of a joined word is weighed on its own too.
  const tokens = [...written.map((w) => ({ w, titleOnly: false })), ...titleWords.map((w) => ({ w, titleOnly: true }))]
    .flatMap(({ w, titleOnly }) => [w, ...(w.includes('-') ? w.split('-') : [])].map((source) => ({ token: normalizeWord(source), source, titleOnly })));
  const seen = new Set<string>();
  for (const { token, source, titleOnly } of tokens) {
    if (token.length < 5 || STOPWORDS.has(token) || /\d/.test(token) || seen.has(token)) continue;
    seen.add(token);
    const whole = [token, ...decompound(token, texts.vocabulary)];
    const parts = [...whole, ...tails(token)].filter((w) => w.length >= 5 && !GENERIC.test(w));
    const best = new Map<Profile, number>();
    for (const part of parts) {
      const tail = !whole.includes(part);
      // A word of one call's title describes that call, whatever other texts use it in passing.
      const titled = calls.filter((p) => uses(p.title, part, tail));
      const users = titled.length || titleOnly ? titled : calls.filter((p) => uses(p, part, tail));
      if (users.length !== 1) continue;
      const p = users[0];
      best.set(p, Math.max(best.get(p) ?? 0, titled.length ? 2 : 1));
    }
    for (const [p, s0] of best) {
      // One short word ("Dialog") is too common to name a call on its own: it counts half.
      const s = token.length >= 8 ? s0 : s0 / 2;
      score.set(p, (score.get(p) ?? 0) + s);
      // Only a word of the call's title stands for its name; "Miete" or "Dornholt" stay what the question is about.
      if (s0 === 2) said.set(p, (said.get(p) ?? new Set()).add(source));
    }
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && second[1] * 3 > first[1])) return undefined;
  return { program: first[0].program, words: [...(said.get(first[0]) ?? [])] };
}

/**
 * The question with the words that described the call put as its name ("für unseren Bürgertreff" → "für unseren
 * Treffpunkt Zusammenhalt"), so that it reads as a question naming the call. A word joined to another by a hyphen
 * stays ("Lindenhof-Projekt" is not "Ortswerk 2027-Projekt"): then the question keeps its words, and the call is
 * taken as the one asked about without them being replaced.
 */
export function namingCall(text: string, found: { program: Program; words: string[] }): string {
  let out = text;
  found.words.forEach((w, i) => {
    out = out.replace(new RegExp(`(?<![\\p{L}\\d-])${escapeRegExp(w)}(?![\\p{L}\\d-])`, 'u'), i === 0 ? found.program.shortName : ' ');
  });
  return out;
}
