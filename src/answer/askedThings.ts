import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { allChunksOf } from './passageFinder.js';
import { coverage } from './support.js';
import { stem, words } from '../retrieval/textAnalysis.js';

/**
 * "Können wir die Miete fürs Bürgerhaus und das Honorar der Moderatorin abrechnen?" asks about two things, the rent
 * and the fee; "fürs Bürgerhaus" and "der Moderatorin" only say which. A call's "Förderfähig sind Honorare für
 * Moderation …, Raummiete, …" rules on both without naming the hall or the person.
 */

/** A determiner before a thing named ("die Miete", "unsere Honorare"), with up to one adjective between. */
const THING_AFTER_DETERMINER = /(?<!\p{L})(die|der|das|den|dem|des|ein|eine|einen|einem|einer|eines|unser|unsere|unseren|unserem|unserer|unseres)\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}-]{2,})/gu;
/** Determiners that can start a genitive attribute ("das Honorar der Moderatorin"). */
const GENITIVE = /^(der|des|einer|eines|unserer|unseres)$/i;
/** Words before a determiner that make its noun say where or for what, not what is asked about. */
const PREPOSITION = /^(für|fürs|bei|beim|von|vom|zu|zum|zur|mit|aus|an|am|auf|in|im|über|nach|durch|gegen|ohne|um|unter|vor|wegen|während|seit|bis)$/i;

/**
 * The nouns a question asks about as things, as written: each noun after a determiner that is neither in a
 * prepositional phrase ("bei der Zukunftswerkstatt", "fürs Bürgerhaus") nor a genitive attribute of the noun before it.
 * Only capitalised nouns: a question typed all in lower case gives none.
 */
export function thingsAsked(question: string): string[] {
  const things: string[] = [];
  for (const m of question.matchAll(THING_AFTER_DETERMINER)) {
    const before = question.slice(0, m.index).trimEnd().split(/\s+/).pop() ?? '';
    if (PREPOSITION.test(before)) continue;
    if (GENITIVE.test(m[1]) && /^\p{Lu}/u.test(before) && !/[,.;:!?]$/.test(before)) continue;
    things.push(m[2]);
  }
  return things;
}

/** A sentence names a thing by its word or as the end of a compound ("Miete" in "Raummiete"), however short. */
function namesThing(kb: KnowledgeBase, thing: string, sentence: string): boolean {
  return coverage([thing], sentence, kb.vocabulary, kb.synonyms) === 1 || words(sentence).some((w) => w.length >= thing.length + 3 && stem(w).endsWith(thing));
}

/**
 * The one sentence of a programme's texts that rules on every thing (`stems`) – funded or not – when no sentence rules
 * the other way on them all. Two rulings that disagree ("Raummiete ist förderfähig", "Miete für Büros nicht") answer nothing.
 */
export function sentenceRulingOn(kb: KnowledgeBase, docIds: ReadonlySet<string>, stems: string[], funded: (s: string) => boolean, notFunded: (s: string) => boolean): { docId: string; quote: string } | undefined {
  let found: { docId: string; quote: string; no: boolean } | undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      // "Zuwendungsfähig sind … Raummieten …; nicht zuwendungsfähig sind dagegen …": each clause rules on what it names.
      for (const clause of s.split(/;\s+|,\s+(?=(?:dagegen|jedoch|aber|nicht)\s)/i)) {
        const no = notFunded(clause);
        if ((!no && !funded(clause)) || !stems.every((h) => namesThing(kb, h, clause))) continue;
        if (found && found.no !== no) return undefined;
        found ??= { docId: chunk.docId, quote: clause.trim(), no };
      }
    }
  }
  return found && { docId: found.docId, quote: found.quote };
}
