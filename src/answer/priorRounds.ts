import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { allChunksOf } from './passageFinder.js';

/**
 * "Wir waren schon in der ersten Runde dabei – dürfen wir uns wieder bewerben?" The call's own rule
 * for earlier participants decides such a question, not the applicant's type, size or state: a
 * Gemeinde that fits every rule may still be barred as a round-1 municipality.
 */

/** The question asks about applying once more. */
const AGAIN = /\b(erneut|wieder|nochmal|nochmals|noch ?einmal|ein zweites mal|again|re-?apply|second time|another application)\b|\b(now|jetzt)\b.{0,20}\b(apply|bewerben|beantragen|einen (neuen )?antrag)\b/i;

/** The asker took part or was funded before ("schon in der ersten Runde", "2026 schon Geld bekommen", "already funded"). */
const TOOK_PART_BEFORE =
  /\b(erste[nr]?|vorige[nr]?|vorherige[nr]?|letzte[nr]?|vergangene[nr]?|frühere[nr]?)\s+(förder|ausschreibungs|bewerbungs|[\p{L}]+-)?runde\b|\brunde\s*1\b|\b(schon|bereits)\b.{0,80}\b(gefördert|geld|teilgenommen|dabei|mitgemacht|bekommen|erhalten|förderung|modellkommune)\b|\b(first|previous|earlier|last|pilot)\s+(funding\s+)?round\b|\balready\b.{0,60}\b(funded|took part|taken part|participated|received|part of)\b|\b(were|was)\s+(one of|among|part of)\b.{0,80}\bround\b|\b(received|got|were awarded|was awarded)\b.{0,40}\b(funding|grant|money)\b.{0,20}\bin 20\d\d\b|\b20\d\d\b.{0,30}\b(gefördert|geld bekommen|förderung erhalten)\b/iu;

/** A call sentence about earlier participants ("Kommunen, die in der ersten Runde gefördert wurden, …"). */
const EARLIER_PARTICIPANTS =
  /\b(erste[nr]?|vorige[nr]?|vorherige[nr]?|früheren|letzten|vergangenen)\s+(förder|ausschreibungs)?runde\b|\b(im|aus dem|in der)\s+(förderaufruf|aufruf|ausschreibung|förderrunde|runde|förderjahr)\s+20\d\d\b.{0,40}\bgefördert|\brunde\s*1\b|\b(bereits|schon)\b.{0,60}\b(gefördert|teilgenommen|ausgewählt|modellkommune)|\b(first|previous|earlier)\s+round\b|\balready\s+(funded|selected|taken part)\b/i;

/** The sentence speaks of applying. */
const APPLYING = /bewerb|antragsberechtigt|beantrag|teilnehm|teilnahme|antrag stellen|mitmachen|förderfähig|ausgeschlossen|\bapply|\beligible|\bexcluded/i;

/** It says whether applying again is possible. */
const RULES_ON_AGAIN = /\b(erneut|wieder|noch einmal|nochmals|nicht\s+(mehr\s+)?antragsberechtigt|ausgeschlossen|nicht\s+teilnehmen|again|not eligible|excluded)\b/i;

const SAYS_NO = /\bnicht\s+(erneut|wieder|noch einmal|nochmals)\b|\bnicht\s+(mehr\s+)?(antrags|bewerbungs)berechtigt\b|\b(können|dürfen)\s+(sich\s+)?nicht\b|\bausgeschlossen\b|\bnot\s+(eligible|apply|again)\b|\bcannot\b|\bexcluded\b/i;
const SAYS_YES = /\b(sind|ist)\s+(auch\s+)?erneut\s+(antrags|bewerbungs)berechtigt\b|\b(können|dürfen|darf|kann)\s+(sich\s+)?(auch\s+)?(erneut|wieder|noch einmal)\b|\b(can|may)\s+apply\s+again\b/i;
/** A limit on the rule ("Ausgeschlossen sind nur …", "allerdings nur für …", "wenn …"): no plain yes or no. */
const QUALIFIED = /\bnur\b|\ballerdings\b|\bsofern\b|\bwenn\b|\bfalls\b|\bonly\b|\bprovided\b|\bif\b/i;
/** A heading or FAQ question over those who may not apply. */
const EXCLUDING = /\bnicht\s+(antrags|bewerbungs|teilnahme)berechtigt\b|\bausgeschlossen\b|\bnicht\s+(bewerben|teilnehmen)\b|\bnot\s+eligible\b|\bexcluded\b|\bcannot apply\b/i;
const FAQ_ANSWER = /^(ja|nein|yes|no)\b/i;

export interface PriorRoundRule {
  docId: string;
  quote: string;
  /** What the rule says for earlier participants; undefined when it is qualified. */
  verdict?: 'yes' | 'no';
}

/** Whether a question asks if earlier participants may apply again. */
export function asksToApplyAgain(question: string): boolean {
  return AGAIN.test(question) && TOOK_PART_BEFORE.test(question);
}

/** The call's rule on earlier participants applying again, with the answer of an FAQ entry that asks it. */
export function findPriorRoundRule(kb: KnowledgeBase, docIds: ReadonlySet<string>): PriorRoundRule | undefined {
  let best: (PriorRoundRule & { score: number }) | undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    // An FAQ entry that asks it ("Können sich Bibliotheken aus der ersten Runde erneut bewerben?") answers it.
    const q = chunk.question;
    if (q && EARLIER_PARTICIPANTS.test(q) && APPLYING.test(q) && RULES_ON_AGAIN.test(q) && chunk.sentences.length && (!best || best.score < 3)) {
      const said = chunk.sentences[0].match(FAQ_ANSWER)?.[1].toLowerCase();
      const quote = [q, ...chunk.sentences.slice(0, chunk.sentences[0].length < 12 ? 2 : 1)].join(' ');
      best = { docId: chunk.docId, quote, verdict: said ? (said === 'ja' || said === 'yes' ? 'yes' : 'no') : undefined, score: 3 };
      continue;
    }
    // "Wer ist nicht antragsberechtigt?" over a list naming earlier rounds' participants.
    const earlier = q && EXCLUDING.test(q) ? chunk.sentences.find((x) => EARLIER_PARTICIPANTS.test(x)) : undefined;
    if (q && earlier && (!best || best.score < 3)) {
      best = { docId: chunk.docId, quote: `${q} ${earlier}`, verdict: 'no', score: 3 };
      continue;
    }
    const ss = chunk.sentences;
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i];
      if (!EARLIER_PARTICIPANTS.test(s) || !APPLYING.test(s)) continue;
      const score = (RULES_ON_AGAIN.test(s) ? 2 : 0) + (/\?\s*$/.test(s) ? 1 : 0);
      if (score === 0 || (best && best.score >= score)) continue;
      // An FAQ question ("Können sich Bibliotheken aus der ersten Runde erneut bewerben?") is answered by what follows it.
      if (/\?\s*$/.test(s)) {
        const answer = ss[i + 1];
        if (!answer || !FAQ_ANSWER.test(answer)) continue;
        const said = answer.match(FAQ_ANSWER)![1].toLowerCase();
        const plain = said === 'ja' || said === 'yes' ? 'yes' : 'no';
        best = { docId: chunk.docId, quote: [s, answer, ss[i + 2]].filter(Boolean).slice(0, answer.length < 12 ? 3 : 2).join(' '), verdict: plain, score };
        continue;
      }
      // A heading question and its answer read as one sentence ("… erneut bewerben? Ja, wenn …").
      const inline = s.match(/\?\s+(ja|nein|yes|no)\b/i)?.[1].toLowerCase();
      const verdict = inline ? (inline === 'ja' || inline === 'yes' ? 'yes' : 'no') : QUALIFIED.test(s) ? undefined : SAYS_YES.test(s) ? 'yes' : SAYS_NO.test(s) ? 'no' : undefined;
      // "… können sich erneut bewerben, allerdings nur … Für sie beträgt der Zuschuss höchstens 25.000 Euro": what holds for them follows.
      const next = ss[i + 1];
      const forThem = next && /^(für sie|für diese|dabei|hierbei|in diesem fall|for them|in this case)\b/i.test(next) && s.length + next.length < 600;
      best = { docId: chunk.docId, quote: forThem ? `${s} ${next}` : s, verdict, score };
    }
  }
  if (!best) return undefined;
  const { score: _score, ...rule } = best;
  return rule;
}
