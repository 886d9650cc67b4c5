import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { stem, words } from '../retrieval/textAnalysis.js';
import { allChunksOf } from './passageFinder.js';

/**
 * "Wir sind eine kreisfreie Stadt mit Berufsfeuerwehr – können wir mitmachen?" The applicant's type,
 * size and state may fit every rule while the call excludes something else the asker names
 * ("Ausgenommen sind Städte mit einer Berufsfeuerwehr"). Such a question gets that exclusion, not a yes.
 */

/** A clause that excludes applicants. */
const EXCLUSION =
  /\b(ist|sind)\s+nicht\s+dabei\b|\b(nimmt|nehmen)\s+(\S+\s+){0,2}nicht\s+teil\b|\bausgenommen\s+(sind|ist|bleiben|werden)\b|\b(sind|ist|bleiben|werden)\s+(\S+\s+){0,3}ausgeschlossen\b|\bausgeschlossen\s+(sind|ist)\b|\bnicht\s+(antrags|bewerbungs|teilnahme)berechtigt\b|\b(können|dürfen)\s+(sich\s+)?(\S+\s+){0,2}nicht\s+((allein|alleine|eigenständig|selbstständig|selbständig|einzeln|direkt)\s+)?(bewerben|teilnehmen|beantragen)\b|\b(können|dürfen)\s+keine?n?\s+(\S+\s+)?(skizzen?|projektskizzen?|anträge|antrag|bewerbung(en)?|interessenbekundung(en)?)\s+(einreichen|stellen|abgeben)\b|\b(are|is)\s+(\S+\s+){0,2}(excluded|not eligible)\b/i;
/** The same said by a heading or FAQ question over a list ("Wer ist nicht antragsberechtigt?"). */
const EXCLUDING_HEADING = /\bnicht\s+(antrags|bewerbungs|teilnahme)berechtigt\b|\bausgeschlossen\b|\bnot\s+eligible\b|\bexcluded\b/i;

/**
 * Words for kinds of applicants, sizes and places: the rules on type, population and state judge those.
 * Associations of municipalities ("Verbandsgemeinden", "Samtgemeinden") are no kind the rules know: an exclusion names them.
 */
const APPLICANT_WORDS =
  /^(stadt|städte|kreisstadt|kreisstädte|gemeinde|gemeinden|kommune|kommunen|kommunal\w*|landkreis\w*|kreis|kreise|kreisfrei\w*|kreisangehörig\w*|ortsgemeinde\w*|amtsangehörig\w*|verbandsfrei\w*|einheitsgemeinde\w*|großstädte|großstadt|mittelstädte|kleinstädte|einwohner\w*|bundesland|bundesländer|länder|landes\w*|\w*träger\w*|antragsteller\w*|bewerber\w*|municipalit\w*|counties|county|districts?|cities|city|towns?|inhabitants|residents|applicants?)$/i;
/** Parts of a municipality, which an exclusion may name as applicants ("Ortsteile … können sich nicht allein bewerben"). */
const PART_OF_MUNICIPALITY = /^(ortsteil\w*|ortschaft\w*|stadtteil\w*|gemeindeteil\w*|stadtbezirk\w*|ortsbezirk\w*)$/i;
/** Words of applying and funding themselves: every exclusion and every eligibility question has them. */
const PROCEDURE_WORDS =
  /^(teilnehm\w*|teilnahme\w*|bewerb\w*|beantrag\w*|antrag\w*|anträge\w*|berechtigt\w*|förder\w*|gefördert\w*|programm\w*|ausschreibung\w*|aufruf\w*|mitmachen|ausgeschlossen\w*|ausgenommen|zuwendung\w*|projekt\w*|vorhaben|apply\w*|applic\w*|eligib\w*|participat\w*|excluded|funding|funded|programme\w*|project\w*)$/i;
/** Before a word, it says the asker does not have it ("keine Berufsfeuerwehr", "without"). */
const NEGATED_BEFORE = /\b(kein|keine|keinen|keiner|ohne|nicht|no|without|not)\s+(\S+\s+){0,2}$/i;

const MIN_WORD = 6;
/** A word in more passages than this is the call's topic, not a named exclusion. */
const MAX_PASSAGES = 3;

const passagesByStem = new WeakMap<object, Map<string, number>>();

/**
 * In how many passages each stem occurs: of all texts, or of one programme's (`docIds`), counted
 * once per knowledge base or programme.
 */
function passageCounts(kb: KnowledgeBase, docIds?: ReadonlySet<string>): Map<string, number> {
  const key = docIds ?? kb;
  let counts = passagesByStem.get(key);
  if (!counts) {
    counts = new Map();
    for (const chunk of docIds ? allChunksOf(kb, docIds) : kb.chunks) for (const s of new Set(words(chunk.text).map(stem))) counts.set(s, (counts.get(s) ?? 0) + 1);
    passagesByStem.set(key, counts);
  }
  return counts;
}

export interface NamedExclusion {
  docId: string;
  quote: string;
  /** The word of the question the exclusion names, as the call writes it. */
  word: string;
}

/** The clause of a sentence that carries the exclusion ("Ausgenommen sind Städte mit einer Berufsfeuerwehr"). */
function excludingClause(sentence: string): string | undefined {
  return sentence.split(/[:;]|\s[–-]\s/).find((part) => EXCLUSION.test(part));
}

/**
 * Big towns within a district are a legal category of their own, named by several words ("große kreisangehörige Stadt" in
 * Rhineland-Palatinate, "Große Kreisstadt" in Bavaria, Baden-Württemberg and Saxony): a word-by-word match misses them.
 */
const BIG_DISTRICT_TOWN = /gro(?:ß|ss)e[nrs]?\s+(?:kreisangehörige[nrs]?\s+st(?:a|ä)dt\p{L}*|kreisst(?:a|ä)dt\p{L}*|selbst(?:ä|a)ndige[nrs]?\s+st(?:a|ä)dt\p{L}*)|major district towns?/iu;

/** An exclusion of the call that names a rare word of the question (its programme names removed) the asker says applies to them. */
export function findNamedExclusion(kb: KnowledgeBase, docIds: ReadonlySet<string>, question: string): NamedExclusion | undefined {
  const category = question.match(BIG_DISTRICT_TOWN);
  if (category && !NEGATED_BEFORE.test(question.slice(0, category.index))) {
    for (const chunk of allChunksOf(kb, docIds)) for (const s of chunk.sentences) {
      const clause = excludingClause(s);
      const named = clause?.match(BIG_DISTRICT_TOWN);
      if (named) return { docId: chunk.docId, quote: s, word: named[0] };
    }
  }
  // The call's own passages: another call that is all about "Zweckverbände" does not make the word this call's topic.
  const counts = passageCounts(kb, docIds);
  const asked = new Map<string, string>();
  for (const m of question.matchAll(/[\p{L}]+/gu)) {
    const w = m[0];
    if (w.length < MIN_WORD || APPLICANT_WORDS.test(w) || PROCEDURE_WORDS.test(w)) continue;
    if (NEGATED_BEFORE.test(question.slice(0, m.index))) continue;
    // "im Landkreis Mellerau-Fichtach" names the district, not the excluded town "Mellerau".
    if ((question[m.index - 1] === '-' || question[m.index + w.length] === '-') && /(?:land)?kreis(?:es)?\s+[\p{L}-]*$/iu.test(question.slice(0, m.index + w.length))) continue;
    asked.set(stem(w.toLowerCase()), w);
  }
  if (!asked.size) return undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    const underHeading = chunk.question !== undefined && EXCLUDING_HEADING.test(chunk.question);
    for (const s of chunk.sentences) {
      const clause = underHeading ? s : excludingClause(s);
      // An exclusion of applicants names them ("Städte mit …", "Gemeinden, die …"); one of costs or projects is not this.
      if (!clause || (!underHeading && !clause.split(/[^\p{L}]+/u).some((w) => APPLICANT_WORDS.test(w) || PART_OF_MUNICIPALITY.test(w)))) continue;
      // "Amtsfreie Gemeinden mit mehr als 25.000 Einwohnern sind … ausgeschlossen": a size limit, which the rule on population judges.
      if (/\d[\d.]*\s*(einwohner|inhabitants|residents)/i.test(clause)) continue;
      const english = /\b(excluded|not eligible)\b/i.test(clause);
      // "Gemeinden, die einer Verwaltungsgemeinschaft angehören, können keinen eigenen Antrag stellen": the association they belong to is not excluded.
      const excludedPart = clause.replace(/\b(die|der|das)\s+(einer|einem|einen)\s+[\p{L}-]+\s+(angehören|angehört|angehörig\p{L}*)/giu, ' ');
      for (const w of excludedPart.match(/[\p{L}]+/gu) ?? []) {
        // What a German clause excludes is a noun, written with a capital ("Städte mit einer Berufsfeuerwehr").
        if (w.length < MIN_WORD || APPLICANT_WORDS.test(w) || PROCEDURE_WORDS.test(w) || (!english && !/^\p{Lu}/u.test(w))) continue;
        const st = stem(w.toLowerCase());
        if (!asked.has(st) || (counts.get(st) ?? 0) > MAX_PASSAGES) continue;
        return { docId: chunk.docId, quote: underHeading ? `${chunk.question} ${s}` : s, word: w };
      }
    }
  }
  return undefined;
}

/** A clause that requires something of every applicant ("Die Gemeinde muss eine Katzenschutzverordnung haben"). */
const REQUIREMENT = /\b(muss|müssen)\b.{0,100}\b(haben|besitzen|vorweisen|vorliegen|nachweisen|beschlossen|verfügen)\b|\bvoraussetzung\s+(ist|sind|für)\b|\bsetz(t|en)\b.{0,60}\bvoraus\b|\b(must|need to)\s+(have|hold|show)\b/i;
/** The asker says they lack a thing: "ohne Katzenschutzverordnung", "keine Verordnung", "haben … nicht". */
const LACKED = /(?<!\p{L})(ohne|kein|keine|keinen|keiner|without|no)\s+(\p{L}+\s+){0,2}$/iu;

/**
 * "Stadt … ohne Katzenschutzverordnung – bekommen wir trotzdem Geld?": a condition of the call the asker says they do not meet.
 * A condition with alternatives ("… eine Verordnung haben oder ihren Erlass beschlossen haben") counts as unmet only when
 * the asker says they lack more than one thing.
 */
export function findMissingRequirement(kb: KnowledgeBase, docIds: ReadonlySet<string>, question: string): NamedExclusion | undefined {
  const lacked = new Map<string, string>();
  for (const m of question.matchAll(/[\p{L}]+/gu)) {
    if (namesSomething(m[0]) && LACKED.test(question.slice(0, m.index))) lacked.set(stem(m[0].toLowerCase()), m[0]);
  }
  if (!lacked.size) return undefined;
  return rareWordIn(kb, docIds, lacked, (s) => {
    const clause = s.split(/;\s/).find((part) => REQUIREMENT.test(part));
    return clause && (lacked.size >= 2 || !/\boder\b|\bor\b/i.test(clause)) ? clause : undefined;
  });
}

/** A description that says something holds only partly ("nur zweimal pro Woche", "noch nicht abgestimmt", "only twice a week"). */
const QUALIFIED = /(?<!\p{L})(nur|noch nicht|bisher nicht|erst|nicht (jeden|an jedem|immer|alle)|only|not yet|not every|not always)(?!\p{L})/iu;
/** A sentence that sets a condition ("Voraussetzung ist, dass …", "… muss … angeboten werden"). */
const CONDITION = /\bvoraussetzung\b|\bsetz(t|en)\b.{0,60}\bvoraus\b|\b(muss|müssen)\b.{0,100}\b(haben|vorliegen|angeboten|nachweisen|verfügen)\b/i;

/**
 * "… warmes Mittagessen gibt es bei uns nur zweimal pro Woche. Kommen wir in Frage?": a condition of the call on something the
 * asker describes ("Voraussetzung ist, dass … an jedem Schultag ein warmes Mittagessen angeboten wird"). Whether what they
 * describe meets it is theirs to judge; the condition is quoted rather than a plain yes. Only what the asker qualifies
 * ("nur zweimal pro Woche", "noch nicht") counts: what they simply have meets the condition.
 */
export function findNamedCondition(kb: KnowledgeBase, docIds: ReadonlySet<string>, question: string): NamedExclusion | undefined {
  const named = new Map<string, string>();
  for (const part of question.split(/(?<=[.;!?])\s+|;\s*/)) {
    if (!QUALIFIED.test(part)) continue;
    for (const m of part.matchAll(/[\p{L}]+/gu)) if (namesSomething(m[0]) && /^\p{Lu}/u.test(m[0])) named.set(stem(m[0].toLowerCase()), m[0]);
  }
  if (!named.size) return undefined;
  return rareWordIn(kb, docIds, named, (s) => (CONDITION.test(s) ? s : undefined));
}

/** A word that may name a thing of the asker's: long enough, no kind of applicant, no word of applying. */
function namesSomething(word: string): boolean {
  return word.length >= MIN_WORD && !APPLICANT_WORDS.test(word) && !PROCEDURE_WORDS.test(word);
}

/** The first sentence whose chosen clause names, as a capitalised noun found in few passages, one of the asked words. */
function rareWordIn(kb: KnowledgeBase, docIds: ReadonlySet<string>, asked: ReadonlyMap<string, string>, clauseOf: (sentence: string) => string | undefined): NamedExclusion | undefined {
  const counts = passageCounts(kb);
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      const clause = clauseOf(s);
      if (!clause) continue;
      for (const w of clause.match(/[\p{L}]+/gu) ?? []) {
        if (!namesSomething(w) || !/^\p{Lu}/u.test(w)) continue;
        const st = stem(w.toLowerCase());
        if (asked.has(st) && (counts.get(st) ?? 0) <= MAX_PASSAGES) return { docId: chunk.docId, quote: s, word: w };
      }
    }
  }
  return undefined;
}

/**
 * "Teilnehmen können nur die acht Gemeinden, in denen …: Brunnried, Eschelbach … und Weidling." A call for
 * places it names one by one: whether the asker may take part depends on their name being in that list.
 */
export interface ClosedList {
  docId: string;
  quote: string;
  names: string[];
}

/** "nur (die) … Gemeinden/Kommunen/Städte …", "only the following municipalities …": the list that follows is all there is. */
const ONLY_LISTED = /\bnur\b[^.:]{0,140}\b(gemeinden|kommunen|städte|orte|ortsgemeinden|landkreise|kreise|ämter)\b|\bonly\b[^.:]{0,140}\b(municipalities|towns|cities|villages|districts)\b/i;
/** A list of proper names after a colon or in brackets: "…: Brunnried, Eschelbach und Weidling". */
const NAME_LIST = /(?::\s*|\()((?:\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?:(?:,\s*|\s+und\s+|\s+sowie\s+|,?\s+and\s+)\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?){2,})/u;

const IN_REGIONS = /\b(in|im|aus)\s+(den|dem|der)?\s*(land)?(kreis|bezirk|region)|\bin\s+the\s+(districts?|counties|regions?)\b/i;

const closedLists = new WeakMap<ReadonlySet<string>, ClosedList | null>();

/** The call's closed list of named participants, read once per programme. */
export function findClosedList(kb: KnowledgeBase, docIds: ReadonlySet<string>): ClosedList | undefined {
  let found = closedLists.get(docIds);
  if (found === undefined) {
    found = null;
    outer: for (const chunk of allChunksOf(kb, docIds)) {
      for (const sentence of chunk.sentences) {
        const only = ONLY_LISTED.exec(sentence);
        if (!only) continue;
        const list = NAME_LIST.exec(sentence.slice(only.index));
        // "nur Kommunen in den Landkreisen Cochem-Zell, …" lists the districts the places lie in, not the places.
        if (!list || IN_REGIONS.test(sentence.slice(only.index, only.index + list.index))) continue;
        const names = list[1].split(/,\s*|\s+und\s+|\s+sowie\s+|,?\s+and\s+/).map((n) => n.trim()).filter(Boolean);
        found = { docId: chunk.docId, quote: sentence, names };
        break outer;
      }
    }
    closedLists.set(docIds, found);
  }
  return found ?? undefined;
}

/** The place the asker names as theirs: "die Gemeinde Lindenreuth", "the municipality of Lindenreuth", "Lindenreuth municipality". */
const OWN_PLACE =
  /(?<!\p{L})(?:[Gg]emeinde|[Ss]tadt|[Mm]arkt|[Mm]arktgemeinde|[Oo]rtsgemeinde|[Kk]ommune|[Dd]orf|[Ll]andkreis|[Kk]reis|[Aa]mt)\s+(\p{Lu}[\p{L}-]{2,})|(?<!\p{L})(?:[Mm]unicipality|[Tt]own|[Cc]ity|[Vv]illage|[Dd]istrict)\s+of\s+(\p{Lu}[\p{L}-]{2,})|(?<!\p{L})(\p{Lu}[\p{L}-]{2,})\s+(?:municipality|town council)\b|(?<!\p{L})[Ww]ir\s+(?:sind|aus)\s+(\p{Lu}[\p{L}-]{2,})|(?<!\p{L})[Ww]e\s+are\s+(\p{Lu}[\p{L}-]{2,})/gu;
/** Words that stand where a name would ("The municipality", "Unsere Gemeinde"). */
const NOT_A_NAME = /^(the|our|this|that|a|an|die|der|das|unsere?|diese[rs]?|eine?|jede|welche|ihre?|no|every|each)$/i;

/** Places the question names as the asker's, in the call's list or not ("Lindenreuth"). */
export function askedPlaces(question: string): string[] {
  const places: string[] = [];
  const re = new RegExp(OWN_PLACE.source, OWN_PLACE.flags);
  for (let m = re.exec(question); m; m = re.exec(question)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    // "The municipality of Lindenreuth": "The" is no name, and the match after it may still hold one.
    if (NOT_A_NAME.test(name)) re.lastIndex = m.index + name.length;
    else places.push(name);
  }
  return places;
}
