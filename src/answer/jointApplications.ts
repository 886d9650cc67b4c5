import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { parseQuantity } from '../nlu/numbers.js';
import { allChunksOf } from './passageFinder.js';

/**
 * "Zwei Nachbargemeinden (6.300 und 4.900 Einwohner) planen einen gemeinsamen Antrag – geht das?"
 * A joint application is judged by the call's rule for joint applications: whether there are any,
 * and the population cap they share. The size of one partner says nothing about it.
 */

/** The call rules joint applications out ("Gemeinsame Bewerbungen sind nicht vorgesehen"). */
const JOINT_REFUSED =
  /\bgemeinsame\s+(bewerbungen|anträge|bewerbung|antrag|interessenbekundungen)\s+(\p{L}+\s+){0,3}(sind|ist|werden)\s+(\p{L}+\s+)?(nicht\s+(vorgesehen|möglich|zulässig|zugelassen|förderfähig)|ausgeschlossen)\b|\b(können|dürfen)\s+sich\s+nicht\s+gemeinsam\s+bewerben\b|\bjoint\s+applications\s+(are|is)\s+not\s+(possible|accepted|eligible|foreseen)\b/iu;

/** A population cap for joint applications ("Für gemeinsame Anträge gilt eine Obergrenze von zusammen 12.000 Einwohnern"). */
const JOINT_CAP =
  /\b(gemeinsame\w*|zusammen|joint)\b[^.]{0,80}?\b(obergrenze|höchstens|maximal|nicht mehr als|bis zu|up to|at most|no more than)\s+(von\s+)?(zusammen\s+|insgesamt\s+|together\s+)?(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(einwohner|inhabitants|residents)/i;

const NUMBER = String.raw`(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d{4,7})`;
const PEOPLE = String.raw`(einwohner\w*|ew\b|bewohner\w*|inhabitants|residents|people)`;
const COUNT_WORDS: Record<string, number> = { zwei: 2, drei: 3, vier: 4, two: 2, three: 3, four: 4, beide: 2, both: 2 };
/** Numbers in words, for how many partners a call allows and a question names. */
const NUMBER_WORDS: Record<string, number> = { zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COUNT = String.raw`(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})`;
/** Partners in a joint application, as calls and questions name them. */
const MEMBERS = String.raw`(gemeinden|kommunen|antragsberechtigte|schulträger|städte|träger|partner\p{L}*|mitglieder|landkreise|dörfer|villages|municipalities|towns|communities|school authorities|authorities|districts|cities|\p{L}*gemeinden)`;
const JOINT_MAX = new RegExp(String.raw`(?:bis zu|höchstens|maximal|nicht mehr als|up to|at most)\s+${COUNT}\s+(?:[\p{L}-]+\s+){0,2}?${MEMBERS}(?!\p{L})`, 'iu');
const ASKED_COUNT = new RegExp(String.raw`(?<!\p{L})${COUNT}\s+(?:[\p{L}-]+\s+){0,2}?${MEMBERS}(?!\p{L})`, 'iu');

/** The most partners a joint application may have ("Bis zu drei benachbarte Antragsberechtigte …", "ein Verbund umfasst höchstens vier Schulträger"). */
export function jointMaxMembers(kb: KnowledgeBase, docIds: ReadonlySet<string>): (JointRule & { max: number }) | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      if (!/gemeinsam|verbund|zusammen/i.test(s)) continue;
      const m = s.match(JOINT_MAX);
      const max = m ? (NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])) : undefined;
      if (max && max >= 2) return { docId: chunk.docId, quote: s, max };
    }
  }
  return undefined;
}

/** How many partners a question names ("Vier benachbarte Einheitsgemeinden", "Five school authorities"). */
export function askedMembers(text: string): number | undefined {
  const m = text.match(ASKED_COUNT);
  return m ? (NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])) : undefined;
}

export interface JointRule {
  docId: string;
  quote: string;
}

/** The sentence that rules joint applications out, if the call has one. */
export function jointRefused(kb: KnowledgeBase, docIds: ReadonlySet<string>): JointRule | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const quote = chunk.sentences.find((s) => JOINT_REFUSED.test(s));
    if (quote) return { docId: chunk.docId, quote };
  }
  return undefined;
}

/** The shared population cap of joint applications, if the call sets one. */
export function jointCap(kb: KnowledgeBase, docIds: ReadonlySet<string>): (JointRule & { max: number }) | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      const m = s.match(JOINT_CAP);
      const max = m ? parseQuantity(m[5]) : null;
      if (max) return { docId: chunk.docId, quote: s, max };
    }
  }
  return undefined;
}

/** A question about applying together. */
const JOINTLY = /\b(gemeinsam\w*|zusammen|kooperation\w*|verbund\w*|jointly|together|joint)\b/i;

/** The text's rule that a size limit holds for each partner: "Die Einwohnergrenze … gilt für jede beteiligte Gemeinde einzeln." */
export function limitForEachPartner(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const quote = chunk.sentences.find((x) => /\b(einwohner\w*|inhabitants|population)\b/i.test(x) && /\b(jede[nr]?|jeweils|einzeln|each|every)\b.{0,40}\b(beteiligte\w*|partner\w*|gemeinde|kommune|municipality|partner)\b|\b(each|every) (participating )?(partner|municipality)\b/i.test(x) && !/\b(zusammen|insgesamt|together|in total|combined)\b/i.test(x));
    if (quote) return { docId: chunk.docId, quote };
  }
  return undefined;
}

/**
 * The partners' populations a question gives: "6.300 und 4.900 Einwohner", "4,800, 4,500 and 3,900
 * inhabitants", "zwei Gemeinden mit je rund 6.000 Einwohnern". Undefined unless there are two or more.
 */
export function partnerPopulations(text: string): number[] | undefined {
  const t = text.replace(/(\d),(\d{3})\b/g, '$1.$2');
  // "je rund 6.000", "each with about 6,000": one size for every partner counted before it.
  // "two villages of about 4,000 inhabitants each", "zwei Gemeinden mit rund 4.000 Einwohnern jeweils": the same, said after the number.
  const each =
    t.match(new RegExp(String.raw`\b(zwei|drei|vier|two|three|four|beide|both)\b[^.?!]{0,80}?\b(je|jeweils|each)\s+(mit\s+|with\s+)?(rund|etwa|ca\.?|knapp|about|around|roughly)?\s*${NUMBER}\s*${PEOPLE}`, 'i')) ??
    t.match(new RegExp(String.raw`\b(zwei|drei|vier|two|three|four|beide|both)\b[^.?!]{0,80}?\b(of|with|mit|von)\s+(?:(?:rund|etwa|ca\.?|knapp|about|around|roughly)\s+)?()()${NUMBER}\s*${PEOPLE}\s+(?:each|jeweils)\b`, 'i'));
  if (each) {
    const n = parseQuantity(each[5]);
    return n ? Array(COUNT_WORDS[each[1].toLowerCase()]).fill(n) : undefined;
  }
  // "Wir (4.100 Einwohner) würden gern mit der Kreisstadt nebenan (27.000 Einwohner) gemeinsam …": each partner's size said apart.
  const apart = [...t.matchAll(new RegExp(String.raw`${NUMBER}\s*${PEOPLE}`, 'gi'))].map((m) => parseQuantity(m[1])).filter((n): n is number => n !== null && n > 0);
  // "zusammen haben wir 16.000 Einwohner" is a total, not a partner.
  const total = new RegExp(String.raw`\b(zusammen|insgesamt|gemeinsam|together|in total|combined)\b[^.?!]{0,40}?${NUMBER}\s*${PEOPLE}`, 'i').test(t);
  if (apart.length >= 2 && JOINTLY.test(t) && !total) return apart;
  // A list of numbers that ends in the people word: "6.300 und 4.900 Einwohner".
  const list = t.match(new RegExp(String.raw`${NUMBER}((?:\s*,\s*|\s+(?:und|and|sowie)\s+|\s*,\s*(?:und|and)\s+)${NUMBER})+\s*${PEOPLE}`, 'i'));
  if (!list) return undefined;
  const numbers = [...list[0].matchAll(new RegExp(NUMBER, 'g'))].map((m) => parseQuantity(m[1])).filter((n): n is number => n !== null && n > 0);
  return numbers.length >= 2 ? numbers : undefined;
}
