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

/** Words that belong to asking about a topic, a role or an applicant, not to what is asked about. */
const DOMAIN = new Set(
  `frist fristen bewerbungsfrist bewerbungsschluss einsendeschluss stichtag termin datum ende endet enden läuft laufen lauft spätestens offen geschlossen abgelaufen vorbei einreich eingereicht einreichen abgeben abgegeben beworben bewerben
   unterschrift unterschreib unterschrieben unterzeichn signatur anonym anonymitat veroffentlich öffentlich namentlich name namen
   geld summe betrag euro förder forder fordersumme fördermittel zuschuss finanzier kosten kostet kostenlos kostenfrei eigenmittel eigenanteil unterstutzung unterstützung leistung leistungen bekommen erhalten gibt
   kontakt ansprechpartner ansprechperson adresse mail email schick schicken senden wende wenden melden
   änder ander anderung änderung nachträglich einreichung teilnahme teilnehmen mitmachen beteiligen antrag anträge antragsteller berechtigt voraussetzung voraussetzungen
   landrat landrätin landrats bürgermeister bürgermeisterin oberbürgermeister dezernent dezernentin leitung verwaltungsleitung verwaltungsspitze verwaltung chef chefin amt
   landkreis kreis kreise stadt städte gemeinde gemeinden kommune kommunen kreisfrei kreisfreie kreisangehörig kreisangehörige verein vereine träger organisation organisationen
   einwohner einwohnerinnen einwohnern bundesland land hessen bayern partner partnerkommune gemeinsam aufruf ausschreibung programm projekt modellprojekt modellkommune
   deadline signature sign anonymous money funding amount grant contact apply application eligible support mayor district city town municipality`
    .split(/\s+/)
    .map((w) => stem(w)),
);

/**
 * True when a factual question names something specific (a long word, e.g. "Verwendungsnachweis")
 * that appears nowhere in the corpus: then no passage can answer it, however related the topic.
 */
export function unknownTopic(question: string, intent: string, programs: Program[], kb: { vocabulary: ReadonlySet<string> }): boolean {
  void intent;
  const focus = focusTerms(question, programs, kb.vocabulary).filter((f) => !DOMAIN.has(f) && f.length >= 6);
  if (focus.length === 0) return false;
  const stems = corpusStems(kb.vocabulary);
  return focus.some((f) => {
    if (stems.has(f)) return false;
    const raw = words(question).find((w) => stem(w) === f) ?? f;
    // A compound of question words ("Antragsfrist") is no new topic; one of corpus words may be ("Zwischenbericht").
    const parts = decompound(raw, kb.vocabulary);
    if (parts.length && parts.every((p) => DOMAIN.has(stem(p)) || GENERIC.has(stem(p)))) return false;
    // Inflected forms: a corpus stem that extends the word, or one it extends by a few letters.
    for (const s of stems) if (s.length >= 6 && (s.startsWith(f) || (f.startsWith(s) && f.length - s.length <= 3))) return false;
    return true;
  });
}

const stemCacheByVocab = new WeakMap<ReadonlySet<string>, Set<string>>();
function corpusStems(vocabulary: ReadonlySet<string>): Set<string> {
  let s = stemCacheByVocab.get(vocabulary);
  if (!s) {
    s = new Set([...vocabulary].map((w) => stem(w)));
    stemCacheByVocab.set(vocabulary, s);
  }
  return s;
}
