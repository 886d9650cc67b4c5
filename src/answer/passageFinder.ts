import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { Intent } from '../nlu/intents.js';
import { findDates, type FoundDate } from '../programs/deadlineStatus.js';
import { stem, words } from '../retrieval/textAnalysis.js';
import { clockTime } from './clockTime.js';
import { normalizeForQuote } from '../knowledge/cleanText.js';
import { extractEntityType, extractPopulation, stateMentions, type ProfileEntityType } from '../nlu/profileEntities.js';
import { parseQuantity } from '../nlu/numbers.js';
import { countedPattern, countedWord, countOf, coverage, focusTerms, isQuestionWord, NUMBER_WORD } from './support.js';

/** What a sentence answering each kind of question tends to contain. */
/** Help given besides money, in a call's own verbs. */
const HELP_GIVEN = /(?<!\p{L})(liefert|liefern|berät|beraten|verleiht|verleihen|leiht|moderiert|moderieren|vermittelt|vermitteln|schult|schulen|coacht)(?!\p{L})|(?<!\p{L})stell(t|en)(?!\p{L})[^.]{0,80}(?<!\p{L})bereit(?!\p{L})|\b(advises|trains|lends|provides|mentors|coaches)\b/iu;
const CUES: Partial<Record<Intent, RegExp>> = {
  deadline: /frist|bis zum|bis spätestens|bis einschließlich|endet|schluss|spätestens|einreich|eingereicht|eingesandt|stichtag|bis wann|eingang|bewerbungen? (gehen|sind)|deadline|until|cut-?off|closing dates?|bis (montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|bis \d{1,2}\.|entgegen|\bby (\*\*)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}\s+[a-z]+\s+\d{4})|\bdeadline\b|\bclosing date\b|\bno later than\b/i,
  signature: /unterschrift|unterschreib|unterschrieben|unterzeichn|formlos|signatur|gegenzeichn|(?<![a-zäöüß])(zu zeichnen|zeichnet|gezeichnet)(?![a-zäöüß])/i,
  anonymity: /anonym|vertraulich|veröffentlich|bekannt geben|bekanntgeben|pressemitteilung|jahresbericht|(?<![a-zäöüß])nennt|(?<![a-zäöüß])nennung|namensnennung|öffentlich bekannt|namentlich|bekannt gegeben|bekanntgegeben|(?<![a-zäöüß])genannt/i,
  eligibility: /bewerben können|können sich|teilnahmevoraussetz|voraussetz|berechtigt|richtet sich|aufgerufen|ruft .* auf|nur über|landkreise|kreisfreie|kommunen|gemeinden|organisationen|träger/i,
  money: /euro|€|pauschale|summe|betrag|zuschuss|förderhöhe|fördermittel|finanzier|förderquote|prozent|%/i,
  benefits: new RegExp(String.raw`erhalten|erhält|bekommt|bekommen|preisgeld|gewinn|leistung|begleit|beratungstag|beratung|unterstütz|pauschale|angebot|zuwendung|förderhöhe|fördersumme|zuschuss|schulung|\bschult\b|workshop|werkstatt|fortbildung|coaching|vernetzung|netzwerktreffen|kostenlos|kostenfrei|bereitgestellt|\d[\d.]*\s*(euro|€)|${HELP_GIVEN.source}`, 'iu'),
  ownFunds: /(stellt|stellen|trägt|tragen|bezahlt|zahlt) (jede|die|jeweilige|ihre) (gemeinde|kommune|stadt)\w* selbst|eigenanteil|eigenmittel|eigenen mitteln|eigene mittel|eigenbeitrag|eigenbeteiligung|eigenleistung|kofinanz|kostenfrei|kostenlos|(eigen|kosten|mittel|beitrag|finanz)\w*.{0,60}nicht erforderlich|nicht erforderlich.{0,60}(eigen|kosten|mittel|beitrag|finanz)|(trägt|zahlt|übernimmt|finanziert) die (kommune|gemeinde|stadt)|(kommune|gemeinde|stadt) (trägt|zahlt|übernimmt|finanziert)|(trägt|zahlt|bringt)\b.{0,60}\bselbst\b|\bden rest\b.{0,40}\b(trägt|zahlt|übernimmt)|\bdie übrigen\b.{0,20}\bprozent\b|\bsteuert\b.{0,40}\bselbst\b|\bselbst\b.{0,20}\bbei\b/i,
  // "Kontakte" (social contacts) is no contact information: an address, a phone or a named contact is.
  contact: /@|ansprechp|kontaktperson|kontaktdaten|telefon|tel\.|fragen (an|richten)|e-mail an|wenden sie sich/i,
  process: /bewerbung|e-mail|einreich|einzureichen|einzusenden|abzugeben|zu richten|eingereicht|formular|verfahren|auswahl|interessenbekundung|portal|hochlad|antragsweg|antragstellung|beizufügen|beifügen|unterlagen|vordruck|steckbrief/i,
  // "Bundesländern" is no change: the word starts there.
  changes: /(?<![a-zäöüß])(ge|ab|ver)?änder|korrigier|ersetz|nachreich|nachgereicht|zurückzieh|berichtig|überarbeit|neue fassung|erhöht|erhöhen|aufgestockt|aufstocken/i,
  funder: /fördert|gefördert|finanziert|ruft|institut|ministerium|stiftung|bundesamt/i,
  about: /ziel|sucht|modellprojekt|aufruf|ruft|mit dem (förder)?programm|\b(fördert|fördern|unterstützt|unterstützen)\b.{0,80}\b(kommunal\w*|kommunen|gemeinden|städte|landkreise)|zweck/i,
};

/** The same cues in calls written in English ("Remember Together 2027 – Call for …"): merged into the German ones. */
const ENGLISH_CUES: Partial<Record<Intent, RegExp>> = {
  signature: /\bsign(ed|s|ature)?\b/i,
  anonymity: /\bpublish(es|ed)?\b|\bnamed\b|\banonym/i,
  eligibility: /\bcan(not)? apply\b|\bmay apply\b|\beligib|\bapplicants?\b/i,
  money: /\bgrant\b|\bfunding\b/i,
  benefits: /\breceives?\b|\bprovided\b|\bpays\b|\bpaired\b|\bmentor|\btraining\b|\bfree of charge\b|\bsupport\b/i,
  ownFunds: /\bown (contribution|funds|share)\b|\bco-?financ/i,
  process: /\battach|\bsubmit|\bapplication form\b|\bonline form\b|\bfilled in\b|\bletter of support\b/i,
  changes: /\bchang(e|ed|es)\b|\breopen/i,
  funder: /\bfinanced\b|\bfunded\b|\bnetwork\b/i,
};
for (const [intent, re] of Object.entries(ENGLISH_CUES) as [Intent, RegExp][]) {
  const german = CUES[intent];
  CUES[intent] = german ? new RegExp(`${german.source}|${re.source}`, german.flags) : re;
}

/** Whether a text carries the cue of a kind of question ("Eigenanteil" for own funds). */
export function hasIntentCue(intent: Intent, text: string): boolean {
  return CUES[intent]?.test(text) ?? false;
}

/** Section headings under which the answer to each kind of question stands. */
const SECTION_CUES: Partial<Record<Intent, RegExp>> = {
  eligibility: /wer kann|wer darf|antragsberecht|voraussetz|teilnahmebeding|zielgruppe|teilnehmen|bewerben|zuwendungsempfänger/i,
  deadline: /frist|termin|zeitplan|bewerbungsschluss|einsendeschluss|deadlines?|key dates|dates\b/i,
  money: /förderung|finanz|zuschuss|höhe|kosten/i,
  benefits: /leistung|erhalten|bieten|unterstützung|angebot/i,
  contact: /kontakt|ansprech|fragen/i,
  process: /einreich|bewerbung|verfahren|ablauf|antrag/i,
  signature: /einreich|bewerbung|unterlagen|antrag|unterschrift|unterzeichn/i,
  changes: /änderung|nachträglich|einreich/i,
};

const chunksByDocs = new WeakMap<ReadonlySet<string>, KnowledgeBase['chunks']>();
const SMALL_CALL = 150;

/** Every passage of a set of documents, in index order; kept per set (a programme's docIds are one set). */
export function allChunksOf(kb: KnowledgeBase, docIds: ReadonlySet<string>): KnowledgeBase['chunks'] {
  let chunks = chunksByDocs.get(docIds);
  if (!chunks) {
    chunks = kb.chunks.filter((c) => docIds.has(c.docId));
    chunksByDocs.set(docIds, chunks);
  }
  return chunks;
}

/** A sentence of a programme's texts that gives an application deadline, with its dates. */
export interface DeadlineSentence {
  docId: string;
  quote: string;
  dates: FoundDate[];
}

/**
 * The sentences of a programme's texts that give an application deadline with a date, in text order. Read once per
 * programme: deadline questions come again and again, and several lookups (the hour, the year, a later round, whether
 * applications are rolling) look through the same sentences.
 */
export function deadlineSentences(kb: KnowledgeBase, docIds: ReadonlySet<string>): readonly DeadlineSentence[] {
  let list = deadlinesByDocs.get(docIds);
  if (!list) {
    list = [];
    for (const chunk of allChunksOf(kb, docIds)) {
      for (const quote of chunk.sentences) {
        const dates = findDates(quote);
        if (dates.length && isApplicationDeadline(quote)) list.push({ docId: chunk.docId, quote, dates });
      }
    }
    deadlinesByDocs.set(docIds, list);
  }
  return list;
}
const deadlinesByDocs = new WeakMap<ReadonlySet<string>, DeadlineSentence[]>();

/** A deadline sentence of the texts that gives this date with an hour ("Antragsfrist: Freitag, 15. Januar 2027, 12:00 Uhr"). */
export function deadlineWithHour(kb: KnowledgeBase, docIds: ReadonlySet<string>, date: string): { docId: string; quote: string } | undefined {
  const found = deadlineSentences(kb, docIds).find((x) => x.dates.some((d) => d.date === date) && clockTime(x.quote));
  return found && { docId: found.docId, quote: found.quote };
}

/** Whether any passage of the documents says something (a pattern over its text). */
export function textsSay(kb: KnowledgeBase, docIds: ReadonlySet<string>, re: RegExp): boolean {
  return allChunksOf(kb, docIds).some((c) => re.test(c.text));
}

/** The passages of a small set of documents (empty for a large one: the search has to do). */
function chunksOf(kb: KnowledgeBase, docIds: ReadonlySet<string>): KnowledgeBase['chunks'] {
  const chunks = allChunksOf(kb, docIds);
  return chunks.length > SMALL_CALL ? [] : chunks;
}

type Hit = ReturnType<KnowledgeBase['retriever']['search']>[number];

/** Search hits followed by every other passage of a small call (ranked last), so a sentence the search ranks low is not missed. */
function withWholeSmallCall(kb: KnowledgeBase, docIds: ReadonlySet<string>, hits: Hit[]): Hit[] {
  const seen = new Set(hits.map((h) => h.chunk));
  for (const chunk of chunksOf(kb, docIds)) if (!seen.has(chunk)) hits.push({ chunk, score: 0, lexical: 0, vector: 0 });
  return hits;
}

const NEGATION = /\b(nicht|kein\w*|ohne)\b/i;

/** A sentence that gives how long something is funded or runs. */
const DURATION_SENTENCE = /^(wie lange|dauer|laufzeit|förderdauer|projektlaufzeit)\??:\s*.{0,20}\b(\d+|zwei|drei|vier|sechs|zwölf|achtzehn)\s*(monate|monaten|jahre|jahren)\b|(laufzeit|förderzeitraum|förderdauer|projektdauer|dauer|zeitraum|über|für)\b.{0,60}\b(\d+|zwei|drei|vier|sechs|zwölf|achtzehn)\s*(monate|monaten|jahre|jahren)\b|\b(\d+|zwei|drei|vier|sechs|zwölf|achtzehn)\s*(monate|monaten|jahre|jahren)\b.{0,40}(laufzeit|gefördert|förderung|begleitung)|\b(förderung|laufzeit|projekt|programm|begleitung|funding|project)\w*\s+(läuft|laufen|dauert|dauern|runs|lasts)\s+(\d+|zwei|drei|vier|sechs|zwölf|achtzehn)\s*(monate|jahre|months|years)\b/i;

/** "Wie lange läuft die Förderung?": the sentence that gives a duration, best ranked first. */
export function findDuration(kb: KnowledgeBase, docIds: ReadonlySet<string>, query: string): FoundPassage | null {
  const hits = kb.retriever.search(`${query} Laufzeit Förderzeitraum Monate Jahre`, { k: 12, docIds });
  for (const h of hits) {
    const line = h.chunk.sentences.find((x) => DURATION_SENTENCE.test(x));
    if (line) return { docId: h.chunk.docId, quote: line, score: h.score, coverage: 1 };
  }
  return null;
}

/** A month and year or a copyright year: "Dortmund, Deutschland, September 2022", "© ILS 2022". */
const PUBLISHED_WHEN = /\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december)\s+(19|20)\d{2}\b|©\s*[\p{L}\s.-]{0,40}(19|20)\d{2}\b|\b(stand|erschienen|veröffentlicht|published)\s*:?\s*(\d{1,2}\.\s*)?(\d{1,2}\.|\p{L}+)?\s*(19|20)\d{2}\b|^(vom|dated)\s+\d{1,2}\.?\s*\p{L}+\s+(19|20)\d{2}\b/iu;

/** When a paper appeared, from its imprint or title page (its first passages), for "Wann ist das Papier erschienen?". */
export function findPublicationDate(kb: KnowledgeBase, docIds: ReadonlySet<string>): FoundPassage | null {
  for (const chunk of allChunksOf(kb, docIds).slice(0, 6)) {
    // "bis Ende Januar 2027" is a deadline, not when the text appeared.
    const line = chunk.sentences.find((x) => PUBLISHED_WHEN.test(x) && x.length < 200 && !/\b(bis|frist|spätestens|einzureichen|eingereicht|einreichen|deadline|until|due)\b/i.test(x));
    if (line) return { docId: chunk.docId, quote: line, score: 1, coverage: 1 };
  }
  return null;
}

/**
 * The kind of applicant a place named in the question is, when the texts list it in brackets after
 * its kind: "Die kreisfreien Städte (Flensburg, Kiel, Lübeck, Neumünster) sind nicht antragsberechtigt"
 * makes "Lübeck" a kreisfreie Stadt.
 */
export function kindOfNamedPlace(kb: KnowledgeBase, docIds: ReadonlySet<string>, question: string): ProfileEntityType | undefined {
  const names = [...question.slice(1).matchAll(/(?<![\p{L}-])(\p{Lu}\p{Ll}{3,}(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/gu)].map((m) => m[1]);
  if (!names.length) return undefined;
  const listed = placesListed(kb, docIds);
  for (const n of names) {
    const kind = listed.get(n);
    if (kind) return kind;
  }
  return undefined;
}

// The places a call lists in brackets after their kind, read once per programme: the scan is costly and every question would repeat it.
const placesByDocs = new WeakMap<ReadonlySet<string>, Map<string, ProfileEntityType>>();

function placesListed(kb: KnowledgeBase, docIds: ReadonlySet<string>): Map<string, ProfileEntityType> {
  let places = placesByDocs.get(docIds);
  if (places) return places;
  places = new Map();
  for (const chunk of allChunksOf(kb, docIds)) {
    if (!chunk.text.includes('(')) continue;
    for (const m of chunk.text.matchAll(/((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*\(([^()]{3,200})\)/gu)) {
      const listed = m[2].split(/,\s*|\s+und\s+|\s+sowie\s+|\s+and\s+/).map((x) => x.trim());
      if (listed.length < 2) continue;
      const kind = extractEntityType(m[1]);
      if (kind) for (const name of listed) if (/^\p{Lu}/u.test(name) && !places.has(name)) places.set(name, kind);
    }
  }
  placesByDocs.set(docIds, places);
  return places;
}

/** A byline: "Von: Nils Hans, Ralf Zimmer-Hegmann", "Autorinnen: …", "Herausgegeben von …". */
const BYLINE = /^(von|autor\S*|verfasst von|herausgegeben von|herausgeber\S*|by|authors?)\s*:?\s+\p{Lu}\p{Ll}+\s+\p{Lu}/iu;

/** The first byline of a programme's texts, for "Wer hat das Papier geschrieben?". */
export function findByline(kb: KnowledgeBase, docIds: ReadonlySet<string>): FoundPassage | null {
  for (const chunk of allChunksOf(kb, docIds)) {
    const line = chunk.sentences.find((x) => BYLINE.test(x) && x.length < 200);
    if (line) return { docId: chunk.docId, quote: line, score: 1, coverage: 1 };
  }
  return null;
}

/** Words the answering sentence of each kind of question tends to use, added to the search. */
const INTENT_WORDS: Partial<Record<Intent, string>> = {
  deadline: 'Frist Bewerbungsfrist Einsendeschluss Bewerbungsschluss Antragsfrist einreichen Eingang',
  signature: 'Unterschrift unterschreiben unterzeichnen',
  anonymity: 'anonym veröffentlicht Namen',
  eligibility: 'antragsberechtigt bewerben teilnehmen Voraussetzungen',
  money: 'Euro Förderung Zuschuss Höhe',
  benefits: 'erhalten Leistungen Begleitung Unterstützung',
  ownFunds: 'Eigenanteil Eigenmittel',
  contact: 'Ansprechpartnerin Ansprechpartner Kontakt Fragen Telefon',
  changes: 'Änderungen nachträglich ändern',
};

/** Sentences that answer the kind of question outright ("Bewerben können sich …", "… 8.000 Euro"). */
const STRONG: Partial<Record<Intent, RegExp>> = {
  deadline: /frist (endet|läuft|ist)|bewerbungsfrist|einsendeschluss|bewerbungsschluss|endet am/i,
  signature: /unterschrift|unterschreib|muss .{0,100}(unterschrieben|unterzeichnet)|zu unterzeichnen|zu unterschreiben/i,
  eligibility: /bewerben können|können sich .{0,60}(bewerben|beteiligen)|antragsberechtigt|teilnahmeberechtigt|richtet sich an/i,
  money: /\d[\d.]*\s*(euro|€)/i,
  benefits: /erhalten|\d+\s*beratungstag|(zuwendung|förderung|zuschuss)\s+beträgt|bis zu \d[\d.]*\s*(euro|€)/i,
  ownFunds: /eigenanteil|eigenmittel|eigenbeitrag|eigenbeteiligung|kofinanz|(stellt|stellen|trägt|tragen|bezahlt|zahlt) (jede|die|jeweilige|ihre) (gemeinde|kommune|stadt)\w* selbst/i,
  contact: /@/,
  process: /zweistufig|(ersten|zweiten) (verfahrens)?stufe|beizufügen|beifügen|bewerbung(en)? (gehen|erfolgt|per)|(antrag|anträge|bewerbung)\w* (werden|wird|ist|sind) .{0,60}(einzureichen|eingereicht|zu stellen)|über das (online-)?portal|online-portal|antragsweg|per e-mail an/i,
};

/** Dates that end something else than the application: the project's runtime, spending, reports. */
const NOT_APPLICATION_END = /projektlaufzeit|laufzeit|förderzeitraum|durchführungszeitraum|bewilligungszeitraum|begleitung (endet|läuft|beginnt)|ausgegeben|verwendungsnachweis|abgeschlossen sein|umgesetzt|stichtag: \d|einwohnerzahl|stand:|entscheidung|bescheid|mitgeteilt|bekanntgegeben|bekannt gegeben|starten|beginnen|beginnt|projektstart|auftakt|webinar|sprechstunde|infoveranstaltung|informationsveranstaltung|infoabend|informationsabend|info-abend|zoom|jury|gewinner|preisverleihung|workshop|nachricht|benachrichtigt|informiert|rückmeldung|erfahren|\bcompleted\b|\bfinished\b|\bcompletion\b|project period|funding period|implementation period|\bdecides?\b|\bdecision\b|\binformed\b|\bnotified\b|information session/i;
/** Dates of population counts or of the text's version are never a deadline. */
// A mail's header line ("Datum: Montag, 23. November 2026"), not a table row labelled so ("Datum: 12.02.2027; Schritt: Bewerbungsschluss").
const NEVER_A_DEADLINE = /einwohner|bevölkerung|stand:|stand vom|\bstand (am |zum )?\d{1,2}\.|^(gesendet|sent|datum|date|von|from|an|to|cc|betreff|subject)\s*:(?![^;]*;\s*[\p{L} -]+:)/iu;
/** What an application deadline sentence speaks of. */
const APPLICATION = /bewerbung|antr(ag|äge)|einsendeschluss|meldefrist|\bmelden sie\b.{0,80}\bbis\b|\bmeldung\b.{0,60}\bbis\b|interessenbekundung|einreich|eingereicht|eingang|bewerbungsfrist|antragsfrist|teilnahmeschluss|anmeldeschluss|stichtag|skizze|\bsubmit|\bproposals?\b|\bapplications?\b|\bcut-?off\b|\bdeadline\b/i;

/** A sentence that continues the one before ("Er ist …", "Diese müssen …"). */
/** "(2) Von der Veröffentlichung nach Absatz 1 kann … abgesehen werden": paragraph (2) is read with the "(1) …" it names. */
function refersToSentenceBefore(s: string, before: string): boolean {
  const named = s.match(/\b(?:nach|gemäß|in|im sinne von|aus)\s+(?:Absatz|Abs\.)\s*(\d+)\b(?!\s*(?:Satz|Nr|Nummer))/i)?.[1];
  return Boolean(named && before.startsWith(`(${named})`) && before.length + s.length < 700);
}
/** A sentence that names a paragraph of its section ("nach Absatz 1"). */
const NAMES_PARAGRAPH = /\b(?:Absatz|Abs\.)\s*\d/i;

/** The last sentence of the passage before this one in the same section, if any. */
function sentenceBefore(kb: KnowledgeBase, docIds: ReadonlySet<string>, chunk: KnowledgeBase['chunks'][number]): string | undefined {
  return sentencesAround(kb, docIds, chunk, -1, 1)[0];
}
/** The first sentence of the passage after this one in the same section, when it is a numbered paragraph. */
function sentenceAfter(kb: KnowledgeBase, docIds: ReadonlySet<string>, chunk: KnowledgeBase['chunks'][number]): string | undefined {
  if (!/^\(\d+\)/.test(chunk.sentences[0] ?? '')) return undefined;
  const following = followingSentence(kb, docIds, chunk);
  return following && /^\(\d+\)/.test(following) ? following : undefined;
}
/** Up to `limit` sentences of the passages before (-1, nearest first) or after (1) this one in the same section. */
function sentencesAround(kb: KnowledgeBase, docIds: ReadonlySet<string>, chunk: KnowledgeBase['chunks'][number], direction: 1 | -1, limit = 4): string[] {
  const all = allChunksOf(kb, docIds);
  const out: string[] = [];
  for (let k = all.findIndex((c) => c.id === chunk.id) + direction; k >= 0 && k < all.length && out.length < limit; k += direction) {
    const c = all[k];
    if (c.docId !== chunk.docId || c.section !== chunk.section) break;
    out.push(...(direction === 1 ? c.sentences : [...c.sentences].reverse()));
  }
  return out.slice(0, limit);
}
/** The first sentence of the passage after this one in the same section. */
function followingSentence(kb: KnowledgeBase, docIds: ReadonlySet<string>, chunk: KnowledgeBase['chunks'][number]): string | undefined {
  return sentencesAround(kb, docIds, chunk, 1, 1)[0];
}
/** "Zusätzlich bestätigt der örtliche Wasserversorger mit seiner Unterschrift …": a further signature after the quoted one. */
const FURTHER_SIGNATURE = /^(zusätzlich|außerdem|ferner|darüber hinaus|ebenso|auch|additionally|in addition|also)\b.{0,160}(unterschrift|unterschreib|unterzeichn|gegenzeichn|signs?\b|signature)/i;

/** The sentence right after a quote that asks for a further signature, in the same section. */
export function furtherSignature(kb: KnowledgeBase, docIds: ReadonlySet<string>, quote: string): string | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const i = chunk.sentences.findIndex((x) => quote.endsWith(x));
    if (i < 0) continue;
    const next = chunk.sentences[i + 1] ?? followingSentence(kb, docIds, chunk);
    return next && FURTHER_SIGNATURE.test(next) ? next : undefined;
  }
  return undefined;
}
/** A sentence that starts by saying what is not paid for ("Nicht finanziert werden …", "Nicht förderfähig sind …"). */
const NOT_FUNDED_START = /^(\d+\.\s*)?(nicht|keine?)\s+(gefördert|finanziert|förderfähig|zuwendungsfähig|bezahlt|erstattet|übernommen)\b/i;
/** A sentence that says what money may pay for. */
const FUNDS_SAID = /gefördert|finanziert|förderfähig|zuwendungsfähig|bezahlt|erstattet|übernommen|verwendet/i;
/** The greeting of a letter or mail. */
const SALUTATION = /^(moin|hallo|hi|liebe[rs]?|sehr geehrte[rs]?|guten (tag|morgen)|dear|hello)\b[^.!?]{0,80}[,!]/i;
/** A sentence that offers another way than the one before ("Alternativ können Sie …"). */
const ALTERNATIVE_START = /^(alternativ|wahlweise|stattdessen|ersatzweise|alternatively|instead)\b/i;
const PRONOUN_START = /^(er|sie|es|dieser|diese|dieses|dies|dafür|hierfür|dabei|erst|this|these|they|it)\b/i;
/** Whether a thing is funded: "förderfähig?", "Wird … gefördert?", "Bezahlt X auch …?", "Can … money be used for …?". */
const THING_FUNDED_ASKED = /förderfähig|gefördert|(?:^|[:.?!–-]\s*)fördert\b|bezahlt|finanziert|übernommen|erstattet|be (funded|covered|used for)|eligible for funding|pay for/i;
/** A sentence ruling on what is or is not funded (the answerer's FUNDED_SAID is only the yes). */
const FUNDING_RULED = /(gefördert|förderfähig|zuwendungsfähig|finanziert|erstattet|übernommen)\b/i;
const WHAT_IS_FUNDED = /was (wird|werden) .{0,60}gefördert|was fördert|what (is|gets|will be) funded|what does .{0,60} fund/i;
const WHERE = /\bwo\b|wohin|\bwhere\b|an wen|adresse|address|\b(bei|an) welche[rnms]? (stelle|behörde|adresse|institution|einrichtung)|\b(which|what) (office|authority|body|address)\b/i;
const ADDRESS = /\b\d{5}\s+\p{Lu}|postfach|\b(bei|an) (der|dem|das|die|den)\s+\p{Lu}[\p{L}-]*(direktion|amt|ministerium|präsidium|stiftung|träger|agentur|stelle|institut|verwaltung|behörde)|\bbeim\s+\p{Lu}[\p{L}-]*(amt|ministerium|präsidium|institut|bundesamt|landesamt)/u;
/** How a change after submission is to be made known ("… unverzüglich schriftlich mitzuteilen"). */
const CHANGE_ASKED = /(?<!\p{L})(ändern|abändern|geändert|änderung\p{L}*|erhöhen|austauschen|überarbeiten)(?!\p{L})|\b(change|amend|revise|revised|raise|increase)\b/iu;
const CHANGE_SAID = /(?<!\p{L})(änderung\p{L}*|ändern|geändert|abänder\p{L}*|erhöhung|erhöht|erhöhen|aufgestockt|überarbeit\p{L}*|zurückgezogen|zurückziehen)(?!\p{L})|\b(changes?|amend\w*|revis\w*|increase)\b/iu;
const REPORT_CHANGE = /mitzuteilen|mitteilen|anzuzeigen|anzeigen|unverzüglich|informieren|melden/i;
const CALL_PUBLISHED = /veröffentlicht (am|seit|vom) \d|\bstand:?\s+\d|in kraft|bundesanzeiger|amtsblatt|staatsanzeiger|ministerialblatt|gesetzblatt/i;
const AMOUNT_QUESTION = /wie ?(viel|hoch)|(selbst|selber) (zahlen|bezahlen|tragen|beisteuern|aufbringen|dazugeben)|(have to|must) (pay|contribute|co-?finance)|welche[nrs]? (summe|höhe|fördersumme|eigenanteil|anteil|prozentsatz|zuschuss|betrag)|how (much|high)|what (amount|share|percentage|proportion)/i;
/** "Den Rest trägt die Gemeinde": the rest of what the sentence before shares out, said only with it. */
const REST_OF_BEFORE = /^(den|der|die|das) (rest|übrigen|restlichen|verbleibenden)(?![a-zäöüß])/i;
/** Words for support as such ("Unterstützung", "Hilfe", "Leistungen"). */
const SUPPORT_WORD = /^(unterstutz|unterstütz|hilf|leistung|angebot|support|help|benefit)/;
/** A sentence introducing the call itself ("Mit dem Förderaufruf „…“ unterstützt das Ministerium …"). */
const CALL_INTRO = /^(mit (dem|diesem)|im rahmen (des|dieses))\s+(förderaufruf|aufruf|programm|förderprogramm|wettbewerb|projekt|modellprojekt)\b|^mit\s+(\p{Lu}[\p{L}-]*\s+){1,5}(\d{4}\s+)?(unterstützt|fördert|hilft)\b/iu;
/** What things cost as experience shows ("Erfahrungsgemäß kostet … rund 900 Euro"): no amount the call pays. */
const COST_ESTIMATE = /erfahrungsgemäß|\bkostet\b.{0,40}\b(rund|etwa|ca\.|ungefähr|durchschnittlich)\b|\bin der regel\b.{0,30}\bkosten\b/i;
/** The funder's share ("übernimmt drei Viertel der Kosten", "75 Prozent der Ausgaben"). */
const FUNDER_SHARE = /(übernimmt|übernehmen|trägt|fördert|erstattet)\b.{0,30}\b(\d+\s*(prozent|%)|drei viertel|die hälfte|zwei drittel|ein drittel|vier fünftel)/i;
/** A council resolution asked about, and a sentence on one. */
export const RESOLUTION_ASKED = /beschluss|council (resolution|decision|approval)|resolution of the council/i;
export const RESOLUTION_SAID = /beschluss|resolution/i;
/** Enclosures asked for, and a sentence that names them. */
const ENCLOSURE_ASKED = /beigefügt|beifügen|beizufügen|beilegen|beigelegt|beiliegen|anhängen|anzuhängen|mitschicken|mitsenden|unterlagen|\battach|\benclos|supporting documents/i;
const ENCLOSURE_SAID = /beizufügen|beigefügt|beifügen|beiliegen|beizulegen|legen\b.{0,60}\bbei\b|anzuhängen|hochzuladen|vorzulegen|einzureichen sind folgende|folgende unterlagen/i;
/** A sentence that adds one more thing to what was said ("erhält außerdem", "Zusätzlich moderiert …"). */
const ADDITIVE = /\b(außerdem|zusätzlich|darüber hinaus|ebenfalls|ferner)\b/i;
const AMOUNT = /\d[\d.,]*\s*(euro|€|prozent|%)|\d+\s*beratungstag/i;
const MAXIMUM = /maximal|höchstens|höchste|maximum|bis zu|at most|maximum/i;

/** What the applicant pays itself, said and asked. */
/** The rate of the costs asked: "Wie viel Prozent …?", "Förderquote", "What percentage …?". */
const RATE_ASKED = /wie ?viel prozent|welche[nrs]? (prozentsatz|anteil|quote)|förderquote|fördersatz|zuschussquote|\bpercentage\b|\bfunding rate\b|\bco-?funding rate\b|\bwhat share\b/i;
const MONEY_IN_EUROS_ASKED = /(?<!\p{L})wie ?viel (\p{L}*geld|euro)(?!\p{L})|(?<!\p{L})wie hoch (ist|sind) (die|der) (fördersumme|zuwendung|zuschuss|förderbetrag|preisgeld)|\bhow much (money|funding)\b/iu;
const EURO_AMOUNT = /\d[\d.,]*\s*(euro|€|eur\b|mio|millionen)|(€|eur)\s*\d/i;
/** A call saying it pays out no money at all ("Es werden keine Zuschüsse … ausgezahlt", "ein reines Beratungsprogramm"). */
export const NO_MONEY_SAID = /(?<!\p{L})keine (zuschüsse|fördermittel|finanziellen? (mittel|förderung|zuschüsse|leistungen)|geldleistungen|auszahlung\w*)(?!\p{L})|(?<!\p{L})kein(en)? geld(?!\p{L})|(?<!\p{L})reine[sn]? beratungs\p{L}*|\bno (money|grants?|funding) (is|are) (paid|given|awarded)\b/iu;
const OWN_SHARE_SAID = /^(\d+\.\s*)?(der |ein )?(eigenanteil|eigenmittel|eigenbeitrag|eigenleistung|kofinanzierung|own contribution|co-?financing)\b/i;
/** What the municipality pays itself ("Die Gemeinde übernimmt 10 Prozent", "Den Rest trägt die Gemeinde"): not what it gets. */
const MUNICIPALITY_PAYS_FIRST = /^(die|jede|eine) (gemeinde|kommune|stadt|antragsteller\p{L}*)\s+(übernimmt|trägt|zahlt|bezahlt|finanziert)(?!\p{L})/iu;
const MUNICIPALITY_PAYS = /^(die|jede|eine) (gemeinde|kommune|stadt|antragsteller\p{L}*)\s+(übernimmt|trägt|zahlt|bezahlt|finanziert)(?!\p{L})|(?<!\p{L})(trägt|zahlt|übernimmt|bezahlt) (die|jede) (gemeinde|kommune|stadt)(?!\p{L})/iu;
/** The applicant's share said as the rest ("den Rest trägt die Gemeinde", "Die Gemeinde übernimmt 10 Prozent"). */
const REST_PAID = new RegExp(`(?=.*(?:\\d|rest|kosten|anteil|prozent|hälfte|viertel|drittel))(?:${MUNICIPALITY_PAYS.source})|(?<!\\p{L})(den|der|die) (rest|übrigen|restlichen)(?!\\p{L}).{0,40}(?<!\\p{L})(trägt|tragen|zahlt|zahlen|übernimmt|bringt|bringen)(?!\\p{L})`, 'iu');
/** The own share named as such in a sentence. */
const OWN_SHARE_WORD = /eigenanteil|eigenmittel|eigenbeitrag|eigenleistung|kofinanz/i;
/** Words for the own share itself. */
const OWN_SHARE_STEM = /^(eigen|kofinanz|selbst|anteil|own|share)/;
const OWN_SHARE_ASKED = /eigen(anteil|mittel|beitrag|leistung)|(selbst|selber) (beisteuern|tragen|zahlen|bezahlen|aufbringen|finanzieren)|kofinanz|own (contribution|share)|co-?financ|pay ourselves/i;

/** An information event or consultation hour of a call. */
export const INFO_EVENT = /info-?veranstaltung\w*|informationsveranstaltung\w*|infowebinar\w*|webinar\w*|infotermin\w*|informationstermin\w*|sprechstunde\w*|auftaktveranstaltung|vernetzungstreffen|netzwerktreffen|info(rmation)? sessions?|info-?stunde\w*|informationsstunde\w*|info(rmation)? hours?/i;

/** People, not the municipality, asked about: participants, volunteers, mentees, members. */

/** Kinds of people a question and a text may both name, English or German. */
const PEOPLE: [RegExp, RegExp][] = [
  [/mentee/i, /mentee/i], [/mentor/i, /mentor/i], [/\bvolunteers\b|\bvolunteer\b(?! fire)|ehrenamtlich\w*|ehrenamtler\w*/i, /ehrenamt|freiwillig/i], [/member|mitglied/i, /mitglied/i],
  [/participant|teilnehmer|teilnehmende/i, /teilnehmer|teilnehmende/i], [/staff|mitarbeit|fachkr/i, /mitarbeit|fachkr/i], [/young|youth|jugendlich/i, /jugendlich/i],
  [/people|persons?\b|menschen|personen/i, /menschen|personen|namen (der|von)/i],
  [/\bchild|\bkids?\b|\bkinder/i, /\bkinder/i],
  [/witness|zeitzeug/i, /zeitzeug/i], [/driver|fahrer/i, /fahrer/i],
];
/** Whether a question asks about people (participants, volunteers, mentees), not about the municipality. */
export function asksAboutPeople(query: string): boolean {
  return PEOPLE.some(([asked]) => asked.test(query));
}

/** Whether a text names the same kind of people the question asks about. */
export function samePeople(query: string, text: string): boolean {
  return PEOPLE.some(([asked, said]) => asked.test(query) && said.test(text));
}

/** Learning the outcome: a date of that is never the application deadline. */
export const OUTCOME = /entscheid|zusage|absage|bescheid|informiert|benachrichtig|mitgeteilt|mitteilung|nachricht|ergebnis|bekanntgabe|bekanntgegeben|bekannt gegeben|bewilligt|\bteil(t|en)\b.{0,100}\bmit\b|\b(notified|informed|announced|announcement|decision|decides|decided)\b/i;
const RELATIVE_TIME = /\b(innerhalb|binnen)\s+(von\s+)?\S+\s+(wochen|monaten|tagen|werktagen)\b|\bwithin\s+\S+\s+(weeks|months|days)\b/i;

/**
 * The sentence telling when applicants learn the outcome ("Bekanntgabe der Modellkommunen: bis 30. April 2027", "Das
 * Programmbüro entscheidet innerhalb von vier Wochen …"), never an application deadline. Of several ("… über diese Anträge
 * entscheidet … im Dezember 2026", "… über die Anträge der zweiten Runde im Juni 2027"): the one that names most of what is
 * asked, an earlier round's only when that is asked.
 */
export function findOutcomeTold(kb: KnowledgeBase, docIds: ReadonlySet<string>, asked: string, focus: string[]): { docId: string; quote: string } | undefined {
  let told: { docId: string; quote: string; score: number } | undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const x of chunk.sentences) {
      if (!OUTCOME.test(x) || !(findDates(x).length > 0 || RELATIVE_TIME.test(x)) || isApplicationDeadline(x)) continue;
      const score = coverage(focus, x, kb.vocabulary, kb.synonyms) - (aboutEarlierRound(x) && !EARLIER_ROUND_ASKED.test(asked) ? 1 : 0);
      if (!told || score > told.score) told = { docId: chunk.docId, quote: x, score };
    }
  }
  return told && { docId: told.docId, quote: told.quote };
}
/** A sentence about the second stage ("Die Verfasser positiv bewerteter Skizzen werden aufgefordert, … einen förmlichen Förderantrag vorzulegen"). */
const SECOND_STAGE_SENTENCE = /vollantr(a|ä)g|zweite[nr]? (verfahrens)?(stufe|phase)|stufe 2\b|förmliche[nr]? (förder|zuwendungs)?antr(a|ä)g|förderantr(a|ä)g|werden aufgefordert|positiv bewertete|full (application|proposal)|second stage|stage 2\b|\binvited\b/i;
/** The first stage of a two-stage procedure: the expression of interest or the outline. */
export const FIRST_STAGE_SENTENCE = /interessenbekundung|interessensbekundung|skizze|stufe 1\b|erste[nr]? (verfahrens)?(stufe|phase)|concept notes?\b|\boutlines?\b|expressions? of interest|first stage|stage 1\b/i;

/** The second stage of a two-stage procedure, when the question asks for it. */
const SECOND_STAGE = /vollantr(a|ä)g|full (application|proposal)|zweite(n)? (stufe|phase)|second stage|förmliche[nr]? (zuwendungs|förder)?antr(a|ä)g|formal application/i;

/** Whether a question asks for the second stage of a two-stage procedure ("Vollantrag"). */
export function asksSecondStage(question: string): boolean {
  return SECOND_STAGE.test(question);
}

/** Handing something in by a time ("… ist bis … einzureichen", "Eingang bis …", "submit by …"). */
const HANDED_IN = /einzureichen|einreichen|eingereicht|eingegangen|eingehen|eingang|vorzulegen|vorliegen|zu stellen|gestellt werden|einzusenden|hochzuladen|submit/i;

/**
 * A two-stage call's second deadline ("Der Vollantrag muss … bis 30. April 2027 eingegangen sein"),
 * for a question that did not ask for it: the sentence and its date, when the texts give one later than `after`.
 */
export function secondStageDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>, after: string): { quote: string; date: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      // Handing in by a date, not being told by one ("Der Landkreis teilt bis zum 26. Februar mit, wer aufgefordert wird").
      if (!SECOND_STAGE_SENTENCE.test(s) || FIRST_STAGE_SENTENCE.test(s) || deadlineFit(s) < 0 || !/\b(bis|spätestens|frist)\b/i.test(s)) continue;
      // "… werden voraussichtlich bis Ende Mai aufgefordert, einen Förderantrag zu stellen" is when the invitation comes.
      if (!HANDED_IN.test(s) || /\bteilt\b.{0,80}\bmit\b|informiert|benachrichtigt|entscheid|aufgefordert|eingeladen|voraussichtlich/i.test(s)) continue;
      // A day, not a month ("bis zum 30. April 2027").
      if (!/\b\d{1,2}\.\s*(\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)/i.test(s)) continue;
      const date = findDates(s).find((d) => d.date && d.date > after)?.date;
      if (date) return { quote: s, date };
    }
  }
  return undefined;
}


/**
 * The date a call moved its deadline to, later than `from`: an update ("Aktualisierung …: Die Bewerbungsfrist wird bis …
 * verlängert.") outranks the date the call first gave, which stays in the text.
 */
export function movedDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>, from: string): { quote: string; date: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      // A moved full-application deadline is not the application's.
      if (!NEW_DEADLINE.test(s) || (SECOND_STAGE_SENTENCE.test(s) && !FIRST_STAGE_SENTENCE.test(s))) continue;
      const date = findDates(s).find((d) => d.date && d.date > from)?.date;
      if (date) return { quote: s, date };
    }
  }
  return undefined;
}

/** The kind of applicant a deadline sentence is for ("Verbandsgemeinden reichen ihre Anträge … ein"): its first named kind. */
const KIND_NAMED = /\b(einheitsgemeinden|verbandsgemeinden|samtgemeinden|verbandsfreien? (städte|gemeinden)|kreisfreien? städte|kreisangehörigen? (städte|gemeinden)|landkreise|ortsgemeinden|ämter|gemeindeverbände|municipalities|districts|counties)\b/i;

/** A sentence with the kind it is for: its own, or the sentence before's ("Verbandsgemeinden reichen … ein. Anträge sind spätestens am …"). */
function withKind(sentences: readonly string[], i: number): { kind: string; text: string } | undefined {
  const own = sentences[i].match(KIND_NAMED)?.[1].toLowerCase();
  if (own) return { kind: own, text: sentences[i] };
  const before = i > 0 ? sentences[i - 1].match(KIND_NAMED)?.[1].toLowerCase() : undefined;
  return before ? { kind: before, text: `${sentences[i - 1]} ${sentences[i]}` } : undefined;
}

/** Handing in by a day ("Anträge sind spätestens am 15. Januar 2027 … vorzulegen"). */
function handInDeadline(sentence: string): boolean {
  return deadlineFit(sentence) > 0 && !SECOND_STAGE_SENTENCE.test(sentence) && /\b(bis|spätestens|frist|by)\b/i.test(sentence) && HANDED_IN.test(sentence);
}

/**
 * Another applicant kind's application deadline ("Einheitsgemeinden … spätestens am 15. Januar 2027";
 * "Verbandsgemeinden … spätestens am 5. Februar 2027"), when the quoted one is for a kind too: the
 * quoted deadline with the sentence that names its kind, and the other kind's date and sentences.
 */
export function otherKindDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>, quote: string, date: string): { quote: string; date: string; ownQuote: string } | undefined {
  const chunks = allChunksOf(kb, docIds);
  let own: { kind: string; text: string } | undefined;
  for (const chunk of chunks) {
    const i = chunk.sentences.findIndex((s) => quote.includes(s) && findDates(s).some((d) => d.date === date));
    if (i >= 0) own = withKind(chunk.sentences, i);
    if (own) break;
  }
  if (!own) return undefined;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.sentences.length; i++) {
      const s = chunk.sentences[i];
      if (quote.includes(s) || !handInDeadline(s)) continue;
      const other = withKind(chunk.sentences, i);
      if (!other || other.kind === own.kind) continue;
      const found = findDates(s).find((d) => d.date && d.date !== date)?.date;
      if (found) return { quote: other.text, date: found, ownQuote: own.text.includes(quote) ? own.text : quote };
    }
  }
  return undefined;
}

/** An amount as written ("25.000 Euro", "EUR 5,000", "€ 15.000"). */
const WRITTEN_AMOUNT = String.raw`(?:(?:EUR|€)\s*)?(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)(?:\s*(?:euro|eur|€)\b)?`;
/** A lower limit of a grant ("Zuwendungen unter 5.000 Euro werden nicht bewilligt", "Mindestfördersumme: 5.000 Euro", "minimum grant is EUR 5,000"). */
const MINIMUM = new RegExp(
  String.raw`\b(?:zuwendungen|förderungen|fördersummen|förderbeträge|beträge|zuschüsse|grants|awards|zuwendung|förderung)\s+(?:unter|von weniger als|below|under|of less than)\s+${WRITTEN_AMOUNT}\s+(?:werden|wird|sind|können|are|will)\s+(?:nicht|not)|\bmindest(?:förder|zuwendungs)?(?:summe|betrag|höhe|zuwendung)\w*\s*(?::|von|beträgt|liegt bei)?\s*${WRITTEN_AMOUNT}|\bbagatellgrenze\D{0,40}?${WRITTEN_AMOUNT}|\bminimum (?:grant|funding|amount)\D{0,20}?${WRITTEN_AMOUNT}`,
  'i',
);
/** "Die Förderung beträgt mindestens 500 Euro und höchstens 3.000 Euro": a lower limit in the sentence on the grant. */
const AT_LEAST = new RegExp(String.raw`\b(?:beträgt|betragen|liegt|liegen|is|amounts to)\s+(?:\p{L}+\s+){0,3}?(?:mindestens|at least|bei mindestens)\s+(?:(?:EUR|€)\s*(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)|(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€))`, 'iu');
/** An upper limit per project ("höchstens 25.000 Euro je Vorhaben", "up to EUR 60,000 per municipality"). */
const GRANT_MAXIMUM = new RegExp(String.raw`\b(?:höchstens|maximal|bis zu|max\.|up to|at most|a maximum of)(?:\s+(?:jedoch|aber|allerdings|insgesamt|however))?\s+${WRITTEN_AMOUNT}\s*(?:euro|eur|€)`, 'i');

function amountOf(m: RegExpMatchArray): number {
  return parseQuantity(m.slice(1).find((x) => x !== undefined) ?? '') ?? NaN;
}

/**
 * A grant's limits as the texts state them: the lower one ("Zuwendungen unter 5.000 Euro werden
 * nicht bewilligt") and the upper one per project, each with its sentence. Own contributions are no limit of the grant.
 */
/** Words of a sentence about the grant itself ("Zuwendung", "Zuschuss", "grant", "fund contribution"). */
export const GRANT_WORDS = /zuwendung|förder|zuschuss|gewährt|grant|funding|award|höchstbetrag|finanziert|übernimmt|erstattet|\bfund contribution\b/i;


type AmountLimit = { amount: number; quote: string; docId: string };

/**
 * A lower limit of a project's costs, not of the grant ("Vorhaben mit zuwendungsfähigen Ausgaben von weniger als 10.000 Euro
 * werden nicht gefördert", "Die förderfähigen Kosten müssen mindestens 5.000 Euro betragen", "Mindestprojektvolumen: 20.000 Euro").
 */
const COST_MINIMUM = new RegExp(
  String.raw`\b(?:vorhaben|projekte|maßnahmen|anträge|projects?|measures)\s+(?:mit|with|whose)\s+(?:\p{L}+\s+){0,2}?(?:ausgaben|kosten|gesamtkosten|gesamtausgaben|costs?|expenditure)\s+(?:von\s+)?(?:weniger als|unter|unterhalb von|below|under|of less than|less than)\s+${WRITTEN_AMOUNT}[^.;]{0,40}?\b(?:nicht|not|keine)\b|\b(?:ausgaben|kosten|gesamtkosten|gesamtausgaben|projektkosten|costs?)\s+(?:\p{L}+\s+){0,2}?(?:müssen|muss|must)\s+(?:\p{L}+\s+){0,2}?(?:mindestens|at least)\s+${WRITTEN_AMOUNT}|\bmindest(?:projekt|investitions|auftrags)?(?:volumen|ausgaben|kosten|projektkosten|gesamtkosten)\w*\s*(?::|von|beträgt|liegt bei|liegt)?\s*(?:bei\s+)?${WRITTEN_AMOUNT}|\bminimum (?:project )?(?:budget|costs?|project size|volume)\D{0,20}?${WRITTEN_AMOUNT}`,
  'iu',
);

type AmountLimits = { min?: AmountLimit; max?: AmountLimit; minCost?: AmountLimit };
const limitsByDocs = new WeakMap<ReadonlySet<string>, AmountLimits>();

/** Read once per programme (its docIds set is the knowledge base's own): questions with a cost ask for them again and again. */
export function findAmountLimits(kb: KnowledgeBase, docIds: ReadonlySet<string>): AmountLimits {
  let found = limitsByDocs.get(docIds);
  if (!found) limitsByDocs.set(docIds, (found = readAmountLimits(kb, docIds)));
  return found;
}

function readAmountLimits(kb: KnowledgeBase, docIds: ReadonlySet<string>): AmountLimits {
  const found: AmountLimits = {};
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      const minCost = s.match(COST_MINIMUM);
      if (minCost && !found.minCost) found.minCost = { amount: amountOf(minCost), quote: s, docId: chunk.docId };
      if (/eigenanteil|eigenmittel|eigenbeitrag|own contribution|co-?financ/i.test(s)) continue;
      const min = s.match(MINIMUM) ?? (GRANT_WORDS.test(s) ? s.match(AT_LEAST) : null);
      if (min && !found.min) found.min = { amount: amountOf(min), quote: s, docId: chunk.docId };
      const max = s.match(GRANT_MAXIMUM);
      if (max && !found.max && GRANT_WORDS.test(s)) found.max = { amount: amountOf(max), quote: s, docId: chunk.docId };
    }
  }
  return found;
}

/**
 * The sentence right after a quote that gives the amount for joint applications, when the quote
 * gives only the single one: "wie viel gibt es dann?" after "gemeinsam bewerben" asks for that.
 */
export function jointAmountAfter(kb: KnowledgeBase, docIds: ReadonlySet<string>, quote: string): string | undefined {
  const last = quote.trim();
  for (const chunk of allChunksOf(kb, docIds)) {
    const i = chunk.sentences.findIndex((x) => last.endsWith(x));
    if (i < 0) continue;
    const next = chunk.sentences[i + 1];
    if (next && JOINT_SAID.test(next) && AMOUNT.test(next)) return next;
  }
  return undefined;
}

/** A deadline counted from an event ("bis zum Ablauf von sechs Wochen nach der Veröffentlichung", "within six weeks of publication"). */
const RELATIVE_DEADLINE = /\b(innerhalb|binnen|bis zum ablauf|spätestens)\b.{0,20}\b(\d+|ein|eine[rm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf)\s+(wochen|woche|monaten|monat|tagen|tage)\s+nach\b|\bwithin (\d+|one|two|three|four|five|six|eight|ten|twelve) (weeks|months|days) (of|after)\b/i;

/** The sentence that sets an application deadline relative to an event, when the texts give one. */
export function findRelativeDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const s = chunk.sentences.find((x) => RELATIVE_DEADLINE.test(x) && APPLICATION.test(x) && !PAST_ROUND.test(x) && !OUTCOME.test(x));
    if (s) return { docId: chunk.docId, quote: s };
  }
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = { ein: 1, eine: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, zwölf: 12, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, ten: 10, twelve: 12 };
/** "sechs Wochen nach (der) Veröffentlichung", "within 8 weeks of publication": a period counted from the text's publication. */
const AFTER_PUBLICATION = /\b(\d+|ein|eine[rm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|one|two|three|four|five|six|eight|ten|twelve)\s+(wochen|woche|monaten|monat|tagen|tage|weeks|months|days)\s+(nach|of|after)\s+(der\s+|dem\s+|the\s+)?(veröffentlichung|bekanntmachung|publication)\b/i;
/** "Veröffentlicht am 16. November 2026": the day the text says it was published. */
const PUBLISHED_ON = /\b(veröffentlicht|bekanntgemacht|bekannt gemacht|erschienen|published)\s+(am|on)\s+(\d{1,2}\.\s*(\d{1,2}\.|\p{L}+)\s*\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4})/iu;

/**
 * The day a deadline counted from publication falls on, when the texts give the publication day once
 * ("… sechs Wochen nach Veröffentlichung dieses Merkblatts" and "Veröffentlicht am 16. November 2026"); undefined otherwise.
 */
export function relativeDeadlineDate(kb: KnowledgeBase, docIds: ReadonlySet<string>, rule: string): { date: string; published: string; docId: string; quote: string } | undefined {
  const m = rule.match(AFTER_PUBLICATION);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
  if (!n) return undefined;
  const said = new Map<string, { docId: string; quote: string }>();
  // The line may be a heading of its own ("Veröffentlicht am 16. November 2026" under the title): the whole text is read, line by line.
  for (const docId of docIds) {
    for (const x of (kb.docs.get(docId)?.text ?? '').split(/\n+/)) {
      const p = x.match(PUBLISHED_ON);
      const date = p ? findDates(p[0]).find((d) => d.date)?.date : undefined;
      if (date && !said.has(date)) said.set(date, { docId, quote: x.trim() });
    }
  }
  // Two publication days (a correction, another version): which one counts is not for the bot to pick.
  if (said.size !== 1) return undefined;
  const [[published, where]] = [...said];
  const [y, mo, d] = published.split('-').map(Number);
  const at = new Date(Date.UTC(y, mo - 1, d));
  const unit = m[2].toLowerCase();
  if (/^(wochen|woche|weeks)$/.test(unit)) at.setUTCDate(at.getUTCDate() + 7 * n);
  else if (/^(tagen|tage|days)$/.test(unit)) at.setUTCDate(at.getUTCDate() + n);
  else at.setUTCMonth(at.getUTCMonth() + n);
  return { date: at.toISOString().slice(0, 10), published, ...where };
}

/** Whether a sentence gives the application deadline (not the project's end, a report, …). */
export function isApplicationDeadline(sentence: string): boolean {
  return deadlineFit(sentence) > 0;
}

/** +1.5 when a sentence's size bound ("weniger als 3.000 Einwohnern") holds for the population asked about, −1 when it does not. */
function sizeFit(sentence: string, population: number): number {
  // A row of a table by population ("5.001 bis 15.000: 12.000 Euro", "bis 5.000: 8.000 Euro"): the row for that size.
  const row = sentence.match(/^(?:(ab|über|mehr als|bis|unter|up to|over)\s+)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s*(?:bis|–|-|to)\s*(\d{1,3}(?:[.,]\d{3})+|\d+))?\s*(?:einwohner\p{L}*|inhabitants)?\s*[:|]/iu);
  if (row) {
    const num = (x: string) => Number(x.replace(/[.,]/g, ''));
    const [lo, hi] = row[3] ? [num(row[2]), num(row[3])] : /^(bis|unter|up to)/i.test(row[1] ?? '') ? [0, num(row[2]) - (/unter/i.test(row[1]) ? 1 : 0)] : row[1] ? [num(row[2]) + (/über|mehr|over/i.test(row[1]) ? 1 : 0), Infinity] : [NaN, NaN];
    if (!Number.isNaN(lo)) return population >= lo && population <= hi ? 3 : -1;
  }
  const m = sentence.match(/\b(weniger als|unter|bis zu|höchstens|mehr als|über|mindestens|ab)\s+(\d{1,3}(?:\.\d{3})+|\d+)\s+einwohner/i);
  if (!m) return 0;
  const n = Number(m[2].replace(/\./g, ''));
  const holds = /weniger|unter/i.test(m[1]) ? population < n : /bis zu|höchstens/i.test(m[1]) ? population <= n : /mehr|über/i.test(m[1]) ? population > n : population >= n;
  return holds ? 1.5 : -1;
}

/** The kind of applicant a question describes ("Wir sind ein Landkreis"). */
const APPLICANT_KIND = /\b(landkreis|kreisfreie stadt|gemeinde|verbandsgemeinde|verwaltungsgemeinschaft|samtgemeinde|amt|stadt|markt)\b/i;

/** Anonymity refused, and a sentence that says what is published. */
const ANONYMITY_REFUSED = /\banonym\w*\b.{0,40}\b(ausgeschlossen|nicht (möglich|vorgesehen|zulässig))|\bohne\s+(\S+\s+){0,2}(nennung|veröffentlichung|aufnahme|erwähnung)\b.{0,60}\bnicht\s+möglich|\banonymous\b.{0,40}\bnot (possible|foreseen|allowed)/i;
const PUBLICATION_SAID = /veröffentlicht|veröffentlichen|erscheint|erscheinen|vorgestellt|\bgenannt\b|bekannt gegeben|\bnenn(en|t)\b|published|listed/i;
/** Confidential until some point ("Bis zur Eröffnung bleibt Ihre Teilnahme vertraulich"): the publication after it is the answer's other half. */
const UNTIL_PUBLISHED = /\bbis zu[mr]?\b.{0,40}\bvertraulich\b|\bvertraulich\b.{0,40}\bbis\b|\berst (nach|mit|ab)\b.{0,60}\b(veröffentlicht|genannt|bekannt)/i;

/** A kind of applicant that rules often differ for, as a question names it ("Wir sind eine Einheitsgemeinde"). */
const ASKER_KIND = /\b(einheitsgemeinde|verbandsgemeinde|samtgemeinde|ortsgemeinde|mitgliedsgemeinde)/i;

/** The funder's share or grant ("Die Stiftung übernimmt 80 Prozent …", "Der Zuschuss beträgt …"). */
const FUNDER_GIVES = /(?<!\p{L})(übernimmt|übernehmen|erstattet|erstatten|gewährt|bezuschusst|erhält|erhalten)(?!\p{L}).{0,80}\d|(?<!\p{L})(zuschuss|zuwendung|förderung|fördersumme)(?!\p{L}).{0,40}(?<!\p{L})(beträgt|in höhe von|von bis zu|bis zu)(?!\p{L})/iu;

/** A sentence for one kind of applicant only ("Bei Landkreisen …", "Für Verbandsgemeinden gilt …"). */
const FOR_KIND = /^(bei|für)\s+(landkreisen|kreisen|verbandsgemeinden|samtgemeinden|ämtern|vereinen|trägern|kreisfreien städten|großen kreisstädten)\b/i;

/** In how many of a call's passages each focus term stands, kept per call. */
const termSpread = new WeakMap<ReadonlySet<string>, Map<string, number>>();

/** The focus without the words that describe a long text as a whole (its title's words, words on many of its passages). */
export function describingWordsOut(kb: KnowledgeBase, docIds: ReadonlySet<string>, focus: string[], maxShare = 0.3): string[] {
  if (focus.length < 2 || allChunksOf(kb, docIds).length < 20) return focus;
  const kept = titleWordsOut(kb, docIds, focus).filter((f) => termShare(kb, docIds, f) < maxShare);
  return kept.length ? kept : focus;
}

/** The words the call's own title says (or a synonym of them: "meeting place" for "Begegnungsorte") taken out: they describe the call. */
export function titleWordsOut(kb: KnowledgeBase, docIds: ReadonlySet<string>, focus: string[]): string[] {
  const titles = [...docIds].map((d) => kb.docs.get(d)?.title ?? '').join(' ');
  return focus.filter((f) => coverage([f], titles, kb.vocabulary, kb.synonyms) === 0);
}

/** The share of a call's passages a term stands in. */
function termShare(kb: KnowledgeBase, docIds: ReadonlySet<string>, f: string): number {
  const chunks = allChunksOf(kb, docIds);
  let spread = termSpread.get(docIds);
  if (!spread) termSpread.set(docIds, (spread = new Map()));
  let n = spread.get(f);
  if (n === undefined) {
    n = chunks.filter((c) => coverage([f], c.text, kb.vocabulary, kb.synonyms) === 1).length;
    spread.set(f, n);
  }
  return chunks.length ? n / chunks.length : 0;
}

/**
 * The focus terms that stand in few of the call's passages, when others stand in many: those tell
 * the passages apart. Empty when every term is common or every term is rare (no reweighting then).
 */
function rareFocus(kb: KnowledgeBase, docIds: ReadonlySet<string>, focus: string[]): string[] {
  if (focus.length < 2 || allChunksOf(kb, docIds).length < 5) return [];
  const share = (f: string) => termShare(kb, docIds, f);
  const rare = focus.filter((f) => { const x = share(f); return x > 0 && x < 0.25; });
  return rare.length && focus.some((f) => share(f) >= 0.3) ? rare : [];
}

/** A question for what a text proposes, and a sentence that proposes. */
const PROPOSAL_ASKED = /\b(schlägt|schlagen|schlug)\b.{0,120}\bvor\b|vorgeschlagen|empfiehlt|empfehlen|empfohlen|(?<![a-zäöüß])(rät|raten|rät)(?![a-zäöüß])|\b(advises?|advice)\b|\b(suggest|suggests|propose|proposes|recommend|recommends)\b/i;
const PROPOSAL_SAID = /\bdenkbar wäre\b|\b(sollte|sollten|könnte|könnten)\b|\bwäre (es )?(sinnvoll|hilfreich|wichtig|wünschenswert)\b|\bempfiehlt\b|\bempfehlen\b|\b(could|should)\b/i;

/** The quote with the proposal that opens the next passage ("Denkbar wäre hier die Einrichtung von Lotsenstellen …"). */
function proposalAfter(kb: KnowledgeBase, docIds: ReadonlySet<string>, chunk: KnowledgeBase['chunks'][number], quote: string): string | undefined {
  const following = followingSentence(kb, docIds, chunk);
  return following && PROPOSAL_SAID.test(following) && quote.length + following.length < 600 ? `${quote} ${following}` : undefined;
}

/** A sentence about a special case named before it or by its opening ("Für eine solche …", "Bei gemeinsamen Anträgen …"). */
const SPECIAL_CASE = /^(für (eine|einen|ein|diese[nrs]?) solche[nrs]?|in (diesem|solchen|diesen) fall|in solchen fällen|bei (einer|einem) solchen|bei gemeinsamen|für gemeinsame)\b/i;

/** Applying together, asked and said. */
const JOINT_ASKED = /gemeinsam|\bzusammen\b|verbund|jointly|together|team up|join forces/i;
const JOINT_SAID = /gemeinsam|verbund|zusammenschl|kooperation|mehrere\w* (gemeinden|kommunen|städte)|partnerkommune/i;

/** Sending by a channel: "per E-Mail", "per Post", "by email". */
/** A question that names a way of sending: "per E-Mail", "by post", "Could we e-mail our application", "Dürfen wir das mailen?". */
export const BY_CHANNEL = /\bper (e-?mail|mail|post|fax|telefax)\b|\bby (e-?mail|post|mail|fax)\b|\b(e-?mail|fax|post)\s+(it|them|this|that|our|the|us|in)\b|\b(mailen|faxen|zumailen)\b|\b(als|as an?)\s+(scan|pdf)\b|\bscanned\b|\beingescannt\w*/i;
/** A sentence that names how applications are submitted. */
const SUBMISSION_WAY = /einzureichen|einreich|postweg|\bper post\b|portal|im original|übersend|übermittel|zu senden|zu schicken/i;
/** The ways of sending a question may ask about, each as the texts write it. */
const CHANNELS: RegExp[] = [/e-?mail|\bmail(en|t)?\b|zumailen/i, /\bpost\b|postweg|postalisch|\bbrief/i, /\bfax|telefax/i, /portal|online/i, /scan/i];

/** Whether a sentence speaks of a way of sending the question names ("per Post" – "auf dem Postweg"). */
function sameChannel(sentence: string, question: string): boolean {
  return CHANNELS.some((c) => c.test(question) && c.test(sentence));
}

/** Whether a sentence refuses the way of sending the question names ("… per E-Mail wahrt die Frist nicht"). */
export function channelRefused(sentence: string, question: string): boolean {
  // "Bei Einreichung per E-Mail ist kein zusätzliches Original per Post erforderlich": something not needed, no way refused.
  const refusal = sentence.replace(/\b(kein\w*|nicht)\s+(\S+\s+){0,4}(erforderlich|nötig|notwendig|verlangt|vorgeschrieben)\b/gi, ' ');
  return sameChannel(sentence, question) && /\b(nicht|kein\w*)\b|ausgeschlossen|unzulässig/i.test(refusal);
}

/** An earlier round named: "In der ersten Runde (…) hat die Stiftung neun Kommunen gefördert". */
const EARLIER_ROUND = /\b(in der|im|aus der) (ersten|vorigen|vorherigen|letzten|vergangenen|früheren|bisherigen)\s+(förder|ausschreibungs)?runde\b|\bpilot(runde|phase|jahr)\b|\bim vorjahr\b|\b(first|previous|last|pilot|earlier) (funding )?round\b/i;

/** The first sentence of a programme's texts that a test accepts. */
export function findSentence(kb: KnowledgeBase, docIds: ReadonlySet<string>, test: (sentence: string) => boolean): { docId: string; quote: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const quote = chunk.sentences.find(test);
    if (quote) return { docId: chunk.docId, quote };
  }
  return undefined;
}

/**
 * A deadline given without a year ("bis zum 31. März") that another deadline sentence of the same
 * texts gives with one ("Antragsfrist (Projektskizze): 31. März 2027"); only when all such sentences agree on the year.
 */
export function sameDeadlineWithYear(kb: KnowledgeBase, docIds: ReadonlySet<string>, dayMonth: string): { docId: string; quote: string; date: string } | undefined {
  let found: { docId: string; quote: string; date: string } | undefined;
  for (const x of deadlineSentences(kb, docIds)) {
    if (aboutEarlierRound(x.quote)) continue;
    for (const d of x.dates) {
      if (!d.date || d.date.slice(5) !== dayMonth) continue;
      if (found && found.date !== d.date) return undefined;
      found ??= { docId: x.docId, quote: x.quote, date: d.date };
    }
  }
  return found;
}

/**
 * A list item that names a thing, quoted with the introduction that rules on it ("Nicht gefördert werden:" above
 * "Klimaanlagen und Klimageräte in Verwaltungsbüros,"), when that introduction passes the test.
 */
export function listItemRuling(kb: KnowledgeBase, docIds: ReadonlySet<string>, things: string[], rules: (intro: string) => boolean, strict = false): { docId: string; quote: string } | undefined {
  if (!things.length) return undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    // "Folie 9 – Nicht förderfähig" over "Grunderwerb, Kauf von Gebäuden": a heading that rules on the lines below it.
    const heading = chunk.section && RULING_HEADING.test(chunk.section) ? headingAsIntro(chunk.section) : undefined;
    for (const [i, item] of chunk.sentences.entries()) {
      if (i < 1 && !heading) continue;
      if (strict ? !namesExactly(things, item, kb) : coverage(things, item, kb.vocabulary, kb.synonyms) < 1 && !namesAllParts(things, item) && !rulesOnAllOfKind(things, item, kb)) continue;
      const intro = listIntro(chunk.sentences, i) ?? heading;
      if (intro && rules(intro)) return { docId: chunk.docId, quote: `${intro} ${item.replace(/[,;]\s*$/, '')}` };
    }
  }
  return undefined;
}

/** A heading read as the introduction of the lines under it: "Folie 9 – Nicht förderfähig:", "Folie 6 – Wer kann beantragen?". */
function headingAsIntro(section: string): string {
  const heading = section.trim();
  return /[:?]$/.test(heading) ? heading : `${heading}:`;
}

/** A list item: short, not a sentence of its own ("Grunderwerb, Kauf von Gebäuden", "b) Baumaßnahmen …,"). */
function listItem(sentence: string): boolean {
  return sentence.length <= 200 && (/[,;]\s*$/.test(sentence) || !/[.!?]\s*$/.test(sentence));
}

/**
 * What a call does not fund, as its list says it: "Nicht zuwendungsfähig sind insbesondere: a) …, b) …" or the lines under
 * "Folie 9 – Nicht förderfähig". The introduction with its items, as long as a quote may be.
 */
export function notFundedList(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  return listUnder(kb, docIds, (section) => RULING_HEADING.test(section) && /nicht|not/i.test(section), (x) => NOT_FUNDED_START.test(x.replace(/^\(?\d+\)?\s*/, '')));
}

/** A heading over who may apply: "Folie 6 – Wer kann beantragen?", "3 Zuwendungsempfänger", "Who can apply". */
const WHO_MAY_APPLY_HEADING = /wer kann (sich )?(beantragen|bewerben|teilnehmen|mitmachen)|wer ist antragsberechtigt|(^|[–:-]\s*|^\d[\d.]*\s+)(antragsberechtigte?|zuwendungsempfänger|teilnahmeberechtigte?)\s*$|who (can|may) apply|eligible applicants/i;

/** Who may apply, as a list under its heading says it ("Folie 6 – Wer kann beantragen?" over its bullets). */
export function mayApplyList(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  return listUnder(kb, docIds, (section) => WHO_MAY_APPLY_HEADING.test(section), () => false);
}

/**
 * A list as the text gives it: the items under a heading that `heading` accepts, or after a sentence that `intro` accepts and
 * that ends in ":". The introduction with its items, as long as a quote may be.
 */
function listUnder(kb: KnowledgeBase, docIds: ReadonlySet<string>, heading: (section: string) => boolean, intro: (sentence: string) => boolean): { docId: string; quote: string } | undefined {
  const chunks = allChunksOf(kb, docIds);
  for (const [n, chunk] of chunks.entries()) {
    const head = chunk.section && heading(chunk.section) ? headingAsIntro(chunk.section) : undefined;
    const start = head ? -1 : chunk.sentences.findIndex((x) => intro(x) && /:\s*$/.test(x));
    if (!head && start < 0) continue;
    // A slide's bullets may each be a passage of their own under the same heading: the passages that follow under it.
    let end = n + 1;
    while (head && end < chunks.length && chunks[end].docId === chunk.docId && chunks[end].section === chunk.section) end++;
    const following = head ? chunks.slice(n, end).flatMap((c) => c.sentences) : chunk.sentences.slice(start + 1);
    const items: string[] = [];
    for (const x of following) {
      if (!listItem(x) || items.join(' ').length + x.length > 500) break;
      items.push(x.replace(/[,;]\s*$/, ''));
    }
    if (items.length >= 2) return { docId: chunk.docId, quote: `${head ?? chunk.sentences[start]} ${items.join('; ')}` };
  }
  return undefined;
}

/** A heading that is itself a ruling on what is funded: "Nicht förderfähig", "Folie 8 – Förderfähige Ausgaben". */
const RULING_HEADING = /(^|[–:-]\s*)(nicht\s+(förderfähig|zuwendungsfähig|gefördert)\w*(\s+(sind|ausgaben|kosten))?|förderfähige\s+(ausgaben|kosten)|zuwendungsfähige\s+(ausgaben|kosten)|not\s+(eligible|fundable)(\s+(costs|expenses))?|eligible\s+(costs|expenses))\s*$/i;

/** "Anschaffungen mit einem Einzelpreis von mehr als 800 Euro (netto)": a price from which a purchase is ruled on. */
const PRICE_LIMIT = /\b(anschaffung|gerät|gegenst[aä]nd|wirtschaftsgüt|ausstattungsgegenst|investition)\p{L}*\b.{0,60}?\b(mehr als|über|oberhalb von|ab)\s+(\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(euro|€)/iu;

/**
 * The sentence (or list item with its introduction) that rules on purchases above a price, with that price:
 * "Nicht gefördert werden … Anschaffungen mit einem Einzelpreis von mehr als 800 Euro (netto)".
 * `from` is whether the price itself is already above the line ("ab 800 Euro").
 */
export function purchasePriceLimit(kb: KnowledgeBase, docIds: ReadonlySet<string>, rules: (s: string) => boolean): { docId: string; quote: string; limit: number; from: boolean } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const [i, s] of chunk.sentences.entries()) {
      const m = s.match(PRICE_LIMIT);
      if (!m) continue;
      const limit = parseQuantity(m[3]);
      if (limit === null) continue;
      const intro = rules(s) ? undefined : listIntro(chunk.sentences, i);
      if (!rules(s) && !(intro && rules(intro))) continue;
      return { docId: chunk.docId, quote: intro ? `${intro} ${s.replace(/[,;]\s*$/, '')}` : s, limit, from: m[2].toLowerCase() === 'ab' };
    }
  }
  return undefined;
}

/** A list item that matches, quoted with the introduction it runs on from when that matches too ("Nicht antragsberechtigt sind: … Initiativen ohne eigene Rechtsform"). */
export function listItemUnder(kb: KnowledgeBase, docIds: ReadonlySet<string>, item: RegExp, intro: RegExp): { docId: string; quote: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const [i, x] of chunk.sentences.entries()) {
      if (i < 1 || !item.test(x)) continue;
      // Items of an exclusion list may be whole sentences: the nearest line before that ends in ":" introduces them.
      const lead = chunk.sentences.slice(Math.max(0, i - 12), i).reverse().find((l) => /:\s*$/.test(l.trim()));
      if (lead && intro.test(lead)) return { docId: chunk.docId, quote: `${lead} ${x.replace(/[,;]\s*$/, '')}` };
    }
  }
  return undefined;
}

/** A page's date line: "Published 9 November 2026 · Version 1.1", "Veröffentlicht am 3. November 2026", "Stand: 1. September 2026". */
const DATE_LINE = /^(published|veröffentlicht( am)?|stand|last updated|updated|aktualisiert( am)?)\b:?\s*(am\s+|on\s+)?(\d{1,2}\.?\s+\p{L}+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})/iu;

/** Words of doing something to a thing: building, buying, renting, equipping. */
const ACTION_STEM = /^(um|neu|aus|an|ab|wieder)?(bau|kauf|miet|sanier|erwerb|anschaff|leasing|renovier|ausstatt|errichtung|abriss|modernisier|umbau|neubau)/;
/** "… jeder Art", "… aller Art", "gleich welcher Art": the item rules on every thing of its kind. */
const OF_ALL_KINDS = /\b(jeder|aller|jeglicher|gleich welcher)\s+art\b/i;

/**
 * "Baumaßnahmen jeder Art, einschließlich Neubau, Umbau und Sanierung von Gebäuden" rules on rebuilding a shop: the
 * doing asked ("Umbau") is named and the item covers every thing of that kind, so what is rebuilt need not be named.
 * Never when what is done is missing: "Kauf … von Fahrzeugen aller Art" says nothing of renting a vehicle.
 */
function rulesOnAllOfKind(things: string[], item: string, kb: KnowledgeBase): boolean {
  if (!OF_ALL_KINDS.test(item)) return false;
  const actions = things.filter((t) => ACTION_STEM.test(t));
  return actions.length > 0 && actions.every((a) => coverage([a], item, kb.vocabulary, kb.synonyms) === 1);
}

/** Each stem stands in a word of the text, whole or as a part of a compound ("buros" in "Verwaltungsbüros"). */
/**
 * Whether a text names each thing as such: its word, a compound ending in it ("Kraftfahrzeuge" for "Fahrzeug"),
 * or a synonym ("Fahrzeuge" for "Kleinbus") – not merely a word that begins alike ("kleinere" for "Kleinbus").
 */
function namesExactly(stems: string[], text: string, kb: KnowledgeBase): boolean {
  const have = words(text).map(stem);
  const named = (st: string) => have.some((h) => h === st || (st.length >= 4 && h.endsWith(st)));
  return stems.every((st) => named(st) || kb.synonyms.alternatives(st).some((alt) => alt.every(named)));
}

function namesAllParts(stems: string[], text: string): boolean {
  const fold = (x: string) => x.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
  const ws = (text.match(/\p{L}+/gu) ?? []).map(fold);
  return stems.every((st) => st.length >= 4 && ws.some((w) => w.startsWith(fold(st)) || w.endsWith(fold(st))));
}

/** The line ending in ":" that item i of a list runs on from; undefined when a full sentence comes between. */
function listIntro(sentences: readonly string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0 && i - j <= 12; j--) {
    const line = sentences[j].trim();
    if (/:$/.test(line)) return line;
    if (/[.!?]$/.test(line)) return undefined;
  }
  return undefined;
}

/** Days and hours: "dienstags und donnerstags von 9 bis 12 Uhr", "Mo–Do 10:00–15:00", "Monday to Thursday, 10 am to 3 pm". */
const HOURS_SAID = /(?<!\p{L})(mo|di|mi|do|fr|montags?|dienstags?|mittwochs?|donnerstags?|freitags?|werktags?|monday|tuesday|wednesday|thursday|friday|weekdays)(?!\p{L}).{0,80}?\d{1,2}([:.]\d{2})?\s*(uhr|h\b|–|-|bis|to|a\.?m\.?|p\.?m\.?)/iu;

/**
 * When a contact can be called: the part of the contact's own lines that gives days and hours, or a
 * sentence of the same section on calling hours ("Telefonische Sprechzeiten: dienstags …"). Never a
 * line about another number (a citizens' hotline in the page footer).
 */
export function contactHours(kb: KnowledgeBase, docIds: ReadonlySet<string>, contact: { phone?: string; email?: string; quote: string }): { docId: string; quote: string } | undefined {
  const phone = contact.phone;
  if (!phone) return undefined;
  const sameNumber = (x: string) => x.replace(/\D/g, '').includes(phone.replace(/\D/g, ''));
  for (const chunk of allChunksOf(kb, docIds)) {
    const mentionsContact = sameNumber(chunk.text) || (contact.email !== undefined && chunk.text.includes(contact.email));
    if (!mentionsContact) continue;
    const line = chunk.sentences.find((x) => HOURS_SAID.test(x) && (sameNumber(x) || /sprechzeit|telefonzeit|erreichbar|servicezeit|office hours|phone hours|can be reached|available/i.test(x)));
    if (line) return { docId: chunk.docId, quote: line };
  }
  return undefined;
}

/** "Anträge können laufend gestellt werden", "Es gibt keine feste Antragsfrist", "applications are accepted on a rolling basis". */
const ROLLING = /\bkeine\s+(feste|festen|bestimmte|starre)\s+(antrags|bewerbungs|einreichungs)?frist|\b(anträge|bewerbungen|anfragen)\s+(können|sind)\s+(\S+\s+){0,2}(laufend|jederzeit|fortlaufend)|\b(laufend|jederzeit|fortlaufend)\s+(gestellt|eingereicht)|\b(antrag|anträge|antragstellung|bewerbung|bewerbungen|einreichung)\s+(ist|sind)\s+(laufend|jederzeit|fortlaufend)\s+möglich|\bno (fixed )?(deadline|closing date)\b|\bon a rolling basis\b|\b(applications?|proposals?) (can|may) be (submitted|made) at any time\b/i;

const UNTIL_FUNDS_LAST = /\b(mittel|haushaltsmittel|fördermittel|budget)\w*\b.{0,40}\b(ausgeschöpft|aufgebraucht|erschöpft|verbraucht)|\bfunds? (are|is|run) (exhausted|out|used up)/i;

/** The sentence saying that applications are taken at any time, when no sentence of the texts gives an application deadline's date. */
/** Cut-off dates that come back each year: "zu vier Stichtagen im Jahr …: 31.03., 30.06., 30.09. und 31.12.", "15 March and 15 September of each year". */
const EVERY_YEAR = /\b(im|pro|je) jahr\b|jährlich|jeweils|alljährlich|quartal|vierteljährlich|each year|every year|annually|quarterly|\bof each\b/i;
const CUTOFF_WORD = /stichtag|cut-?off|einreichungstermin|antragstermin|abgabetermin|einreichungsfrist|antragsfrist|deadline/i;
/** "erster Stichtag 30.09.2026", "der letzte Stichtag ist der 30.09.2028", "last cut-off: 15 September 2028". */
const FIRST_CUTOFF = /\b(erste[rn]?|first)\s+(stichtag|cut-?off|termin)/i;
const LAST_CUTOFF = /\b(letzte[rn]?|last|final)\s+(stichtag|cut-?off|termin)/i;

/** The days and months of a sentence, with or without year words: "31.03., 30.06." as well as "15 March". */
function daysOfYear(sentence: string): string[] {
  const found = new Set<string>();
  for (const m of sentence.matchAll(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)/g)) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) found.add(`${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  for (const d of findDates(sentence)) if (!d.date && d.dayMonth) found.add(d.dayMonth);
  return [...found].sort();
}

/**
 * The next of the cut-off dates a call repeats each year, counted from `today` (YYYY-MM-DD), within its first and last
 * cut-off when it names them; `ended` when the last one is past.
 */
export function nextRecurringCutoff(kb: KnowledgeBase, docIds: ReadonlySet<string>, today: string): { docId: string; quote: string; date?: string; days: string[]; last?: { date: string; quote: string }; ended: boolean } | undefined {
  let rule: { docId: string; quote: string; days: string[] } | undefined;
  let first: string | undefined;
  let last: { date: string; quote: string } | undefined;
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const x of chunk.sentences) {
      if (!rule && CUTOFF_WORD.test(x) && EVERY_YEAR.test(x) && !aboutEarlierRound(x)) {
        const days = daysOfYear(x);
        if (days.length >= 2) rule = { docId: chunk.docId, quote: x, days };
      }
      const dated = findDates(x).filter((d) => d.date);
      for (const d of dated) {
        const before = x.slice(Math.max(0, d.index - 50), d.index);
        if (LAST_CUTOFF.test(before) && !last) last = { date: d.date!, quote: x };
        else if (FIRST_CUTOFF.test(before) && !first) first = d.date;
      }
    }
  }
  if (!rule) return undefined;
  const year = Number(today.slice(0, 4));
  const candidates = [year, year + 1, year + 2].flatMap((y) => rule!.days.map((md) => `${y}-${md}`)).filter((d) => d >= today && (!first || d >= first)).sort();
  const next = candidates[0];
  const ended = last !== undefined && (next === undefined || next > last.date);
  return { ...rule, date: ended ? undefined : next, last, ended };
}

export function rollingApplications(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  // Read once per programme: every deadline question asks it.
  if (rollingByDocs.has(docIds)) return rollingByDocs.get(docIds);
  const found = findRolling(kb, docIds);
  rollingByDocs.set(docIds, found);
  return found;
}
const rollingByDocs = new WeakMap<ReadonlySet<string>, { docId: string; quote: string } | undefined>();

function findRolling(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  if (deadlineSentences(kb, docIds).some((x) => !ROLLING.test(x.quote))) return undefined;
  return rollingSentence(kb, docIds);
}

/** The sentence that lets applications in at any time, whatever cut-off the texts add ("Stichtag zum Jahresende: …"). */
export function rollingSentence(kb: KnowledgeBase, docIds: ReadonlySet<string>): { docId: string; quote: string } | undefined {
  for (const chunk of allChunksOf(kb, docIds)) {
    const i = chunk.sentences.findIndex((x) => ROLLING.test(x));
    if (i < 0) continue;
    // "… laufend gestellt werden. Es gibt keine feste Antragsfrist: … bis die Mittel ausgeschöpft sind.": until when, too.
    const next = chunk.sentences[i + 1];
    const quote = next && (ROLLING.test(next) || UNTIL_FUNDS_LAST.test(next)) ? `${chunk.sentences[i]} ${next}` : chunk.sentences[i];
    return { docId: chunk.docId, quote };
  }
  return undefined;
}

/** An application deadline of the texts still ahead of `today` (YYYY-MM-DD), not of an earlier round, other than `except`. */
export function laterOpenDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>, today: string, except?: string): { docId: string; quote: string; date: string } | undefined {
  for (const x of deadlineSentences(kb, docIds)) {
    if (x.quote === except || aboutEarlierRound(x.quote)) continue;
    const date = x.dates.find((d) => d.date !== undefined && d.date > today)?.date;
    if (date) return { docId: x.docId, quote: x.quote, date };
  }
  return undefined;
}

/** A deadline of one of several rounds: "Deadline Round 1: …", "Stichtag 2. Runde: …". */
const ROUND_LABEL = /\b(round|runde|antragsrunde|förderrunde|durchgang|call|stichtag|cut-?off)\b/i;

/**
 * "Deadline Round 2: 15 September 2027" found, and "Deadline Round 1: 1 February 2027" is still ahead too: the nearest
 * open round's sentence, whose date comes first. Only between sentences that each name a round, or from a round held only if money is left.
 */
export function earlierOpenRound(kb: KnowledgeBase, docIds: ReadonlySet<string>, today: string, found: { quote: string; date: string }, dateOf: (quote: string) => string | undefined): { docId: string; quote: string; date: string } | undefined {
  if (!ROUND_LABEL.test(found.quote)) return undefined;
  // A round held only if money is left is later than the call's own deadline, which names no round.
  const conditional = CONDITIONAL_ROUND.test(found.quote);
  let best: { docId: string; quote: string; date: string } | undefined;
  for (const x of deadlineSentences(kb, docIds)) {
    if (x.quote === found.quote || aboutEarlierRound(x.quote) || !(ROUND_LABEL.test(x.quote) || conditional)) continue;
    const date = dateOf(x.quote);
    if (date && date >= today && date < (best?.date ?? found.date)) best = { docId: x.docId, quote: x.quote, date };
  }
  return best;
}

/** Whether a text speaks of an earlier round ("In der ersten Runde …", "Pilotphase", "previous round"). */
export function aboutEarlierRound(text: string): boolean {
  return PAST_ROUND.test(text) || EARLIER_ROUND.test(text);
}

/** A sentence about an earlier round of the call, not the one open now. */
/** A FAQ question about an earlier round ("Wann war der Bewerbungsschluss der letzten Runde?"). */
const EARLIER_ROUND_QUESTION = /\b(der|die|des|im|in der) (letzten|vorigen|vorherigen|vergangenen|früheren|ersten) (runde|förderrunde|antragsrunde|bewerbungsrunde|ausschreibung|aufrufs?|förderaufrufs?|wettbewerbs?runde)\b|\bvorjahr|\b(last|previous|earlier) (year|round|call)\b/i;

/** A sentence (or FAQ answer) on an earlier round than the current one, when the question does not ask about that round. */
function earlierRoundNotAsked(sentence: string, chunk: { question?: string }, query: string, title: string): boolean {
  if (EARLIER_ROUND_ASKED.test(query) || earlierEdition(query, title)) return false;
  return earlierEdition(sentence, title) || EARLIER_ROUND_QUESTION.test(chunk.question ?? '');
}

/** A sentence on an edition of the call whose year is before the year in the call's own title ("Preis 2025" in "Lindenblatt-Preis 2027"). */
export function earlierEdition(sentence: string, title: string): boolean {
  const own = Number(title.match(/\b(20\d\d)\b/)?.[1] ?? NaN);
  if (!Number.isFinite(own)) return false;
  return [...sentence.matchAll(/\b(?:preis|preises|runde|aufruf|aufrufs|ausschreibung|wettbewerb|wettbewerbs|förderaufruf|förderrunde|call|round|edition|jahrgang)\s+(20\d\d)\b/giu)].some((m) => Number(m[1]) < own);
}

const PAST_ROUND = /\b(erste|vorige|vorherige|letzte|vergangene|frühere|bisherige)n? (förder|ausschreibungs|bewerbungs|antrags|wettbewerbs)?runde\b.{0,80}\b(abgeschlossen|beendet|endete|lief|war)|\bim vorjahr\b|\bin der vorigen runde\b|\b(pilot|previous|first|last|earlier) (funding )?round\b|^rückblick\b|\((antrags|bewerbungs)frist [^)]{4,40}\)\s+(ist|war|wurde)\s+(abgeschlossen|beendet)|\([^)]{0,60}\b(antrags|bewerbungs)frist [^)]{4,40}\)\s+(war|wurde|lief)\b|\([^)]{0,80}frist\w*\b[^)]{0,60}\)\s+([A-Za-zÄÖÜäöüß-]+\s+){0,2}(war|waren|wurde|wurden|lief|liefen|endete)\b|\b(im|in der|aus dem|aus der) (ersten|vorigen|vorherigen|letzten|vergangenen|früheren|bisherigen) (förderaufruf|aufruf|ausschreibung|förderperiode|förderrunde|runde)\b|\b(ist|sind) (bereits )?abgeschlossen\b.{0,60}\b(damalig|vorig|frühere)|\b(bewerbungs|antrags|einreichungs)?frist (war|endete|lief)\b|\b(pilotaufruf|pilotrunde|pilotphase|vorgängeraufruf)\w*\b.{0,80}\b(frist|gefördert|abgeschlossen|endete)|\b(die )?(runde|förderrunde|antragsrunde) \d{4} ist (bereits )?(abgeschlossen|beendet|vorbei)|\bmeldefrist\b.{0,40}\b(war|endete|lief)\b/i;

/** An office passing applications on, not the applicant handing one in. */
const PASSED_ON = /\bprüf(en|t) (die|alle) (eingegangenen |eingereichten )?(anträge|bewerbungen)\b|\bleite[nt] (sie|die (anträge|bewerbungen))\b.{0,100}\bweiter\b|\bfüg(en|t) (ihre|seine) stellungnahme\b|\bforwards? (them|the applications)\b/i;

/** Whether a sentence gives an office's date for passing applications on, not the applicant's. */
export function passesOnApplications(sentence: string): boolean {
  return PASSED_ON.test(sentence) || PASSED_ON_BY_THEM.test(sentence);
}
/** "… und legen sie bis 5. Februar dem Land vor": they (lower-case "sie") pass them on; "Bitte legen Sie uns … vor" asks the reader to hand in. */
const PASSED_ON_BY_THEM = /\blegen sie\b.{0,100}\bvor\b/;

/** A question about that passing on ("Bis wann muss die Kreisverwaltung die Anträge weitergeben?"). */
const PASSING_ON_ASKED = /weiterleit|weitergeleitet|weitergeb|weiterreich|kreisverwaltung|landratsamt|stellungnahme|\bforward/i;

/** How well a dated sentence reads as the application deadline rather than another date. */
/** Labelled rows of a key-facts table. */
const OTHER_ROW = /^(montage|umsetzung|durchführung|fertigstellung|abschluss|projektende|projektlaufzeit|laufzeit|bauende|förderentscheidung|entscheidung|auswahl|bewilligung|info-?veranstaltung|informationsveranstaltung|infoabend|projektbeginn|start|verwendungsnachweis)\s*:/i;
const OTHER_ROW_ASKED = /montage|umsetz|durchführ|fertig|abschluss|projektende|laufzeit|entscheid|auswahl|bewillig|info|beginn|start|verwendungsnachweis/i;
/** A table row labelled for something else ("Montage: bis 15. April 2027", "Förderentscheidung: …") is no application deadline, unless that time is asked for. */
function deadlineFit(sentence: string, query = ''): number {
  if (OTHER_ROW.test(sentence) && !OTHER_ROW_ASKED.test(query)) return -3;
  return deadlineFitOfSentence(sentence, query);
}

function deadlineFitOfSentence(sentence: string, query = ''): number {
  const stage = SECOND_STAGE_SENTENCE.test(sentence) ? -0.5 : FIRST_STAGE_SENTENCE.test(sentence) ? 0.25 : 0;
  if (NEVER_A_DEADLINE.test(sentence)) return -3;
  // "Die Frist des Landes … ist der 26. Februar 2027; diese Frist gilt nur für uns, nicht für Ihre Meldung": someone else's deadline.
  if (NOT_THE_READERS.test(sentence)) return -3;
  // "Die Fortbildung … ist ausgebucht; der Anmeldeschluss war der 1. Dezember": signing up for an event, no application deadline.
  // Asked only when the question names an event: the search text also carries "Anmeldung" as another word for "Bewerbung".
  const asksSignup = SIGN_UP.test(query) && EVENT_KIND.test(query);
  if (EVENT_SIGNUP.test(sentence) && EVENT_KIND.test(sentence) && !APPLYING_NAMED.test(sentence)) return asksSignup ? 0 : -3;
  // "Bis wann kann man sich für die Fortbildung anmelden?": the application deadline is not that.
  if (asksSignup && !EVENT_KIND.test(sentence)) return -3;
  // "Die erste Förderrunde ist abgeschlossen; ihre Bewerbungsfrist endete am …": an earlier round's deadline.
  // Asked for that round ("Bis wann lief die erste Antragsrunde?"), it is the one.
  // "bei der Runde 2026 einsteigen" – "Die erste Wettbewerbsrunde lief bis zum 15. Mai 2026": the round asked by its year.
  if (PAST_ROUND.test(sentence)) return EARLIER_ROUND_ASKED.test(query) || roundYearAsked(query, sentence) ? 3 : -3;
  // "Die Einreichenden werden … im Juni 2027 informiert": when one learns the outcome, not when to apply.
  if (OUTCOME.test(sentence) && !/frist|schluss|stichtag/i.test(sentence)) return -3;
  // "The Small Projects Committee decides about eight weeks after each cut-off date; next meetings: …": the decision's dates.
  if (/\b(decides?|decided|decision|informed|notified|meetings?)\b/i.test(sentence) && !/\b(deadline|closing date|submit\w*|apply by|applications? (must|are to|have to))\b/i.test(sentence)) return -3;
  // "Fehlende Unterlagen können bis 15. März nachgereicht werden, wenn der Antrag fristgerecht eingegangen ist": after the deadline, not it.
  if (LATER_HANDED_IN.test(sentence) && !/nachreich\w*|nachgereicht|nachträglich|missing documents|later|nicht (rechtzeitig )?fertig|nicht rechtzeitig|schaffen .{0,30}nicht|not (be )?ready|won't be ready/i.test(query)) return -2;
  // "Vor Einreichung der Projektskizze bietet die Servicestelle eine Online-Sprechstunde an: … bis zum 23. Februar": an event's dates.
  if (INFO_EVENT.test(sentence) && !/frist|schluss|stichtag|einzureichen|vorzulegen|eingegangen sein/i.test(sentence)) return -3;
  // "Die Kreisverwaltungen prüfen die Anträge … und legen sie bis 5. Februar … vor": an office passing applications on.
  if (passesOnApplications(sentence)) {
    if (!PASSING_ON_ASKED.test(query)) return -2;
    // Asked for ("Bis wann muss die Kreisverwaltung die Anträge weitergeben?"): the office's own date comes first.
    return 3;
  }
  // "Die ursprünglich genannte Frist (15. Januar 2027) wurde verlängert": the date that no longer holds.
  if (SUPERSEDED_DEADLINE.test(sentence) && !NEW_DEADLINE_DATE_AFTER.test(sentence)) return -3;
  // "Bis wann braucht das Landratsamt unseren Antrag?" in the district's own circular: its internal deadline ("Bitte legen Sie uns … vor").
  const atIntermediary = INTERMEDIARY_ASKED.test(query) && /kreisintern|\buns\b|landratsamt|kreisverwaltung/i.test(sentence) ? 2 : 0;
  // "Neue Frist: Freitag, 15. Januar 2027": a corrected or extended deadline replaces the one announced first.
  const renewed = NEW_DEADLINE.test(sentence) ? 2 : 0;
  return (APPLICATION.test(sentence) || renewed ? 1.5 : 0) - (NOT_APPLICATION_END.test(sentence) && !APPLICATION.test(sentence) ? 3 : 0) + stage + renewed + atIntermediary;
}

/** The signed paper form or original sent after the online application. */
export const SIGNED_PAPER = /\b(unterschrieben\w*|unterzeichnet\w*|original\w*|papierform|papierfassung|postalisch\w*|signed|hard copy|by post)\b/i;
/** Asked about it: "Bis wann muss das unterschriebene Formular da sein?", "the signed original". */
export const SIGNED_PAPER_ASKED = /unterschr|unterzeichn|original|papier|post\b|postalisch|signed|signature|hard copy|by post/i;

/** A further round only if money is left: "Falls Mittel verbleiben, folgt ein zweiter Aufruf …", "If funds remain available, a second call will follow". */
const CONDITIONAL_ROUND = /\b(if|falls|sofern|soweit|wenn)\b.{0,60}\b(funds|money|mittel|gelder|haushaltsmittel)\b.{0,40}\b(remain|left|übrig|verbleiben|verfügbar|available|zur verfügung)/i;
/** Asking for a later chance: "noch einen späteren Termin", "another round"; "the second round" names a round, it asks for none later. */
export const LATER_ROUND_ASKED = /\b(später\w*|weitere[nr]?|nächste[nr]?|noch ein(en|e)?)\s+(termin|runde|aufruf|frist|stichtag|chance)\b|\b(another|further|later|next)\s+(call|round|deadline|chance|date)\b|\bzweite chance\b|\bsecond chance\b/i;

/** A round asked by its year ("Runde 2026", "the 2026 round") that the sentence names too. */
function roundYearAsked(query: string, sentence: string): boolean {
  const years = [...query.matchAll(/\b(?:runde|round|wettbewerb|aufruf|ausschreibung|preis)\s+(20\d\d)\b|\b(20\d\d)(?:er)?\s+(?:runde|round)\b/giu)].map((m) => m[1] ?? m[2]);
  return years.some((y) => sentence.includes(y));
}

/** A deadline the text says is not the reader's: "gilt nur für uns", "nicht für Ihre Meldung", "applies only to us". */
const NOT_THE_READERS = /\bgilt nur für (uns|den landkreis|die kreisverwaltung)\b|\bnicht für (ihre|eure) (meldung|bewerbung|anträge|antrag|unterlagen)\b|\bapplies only to (us|the district)\b|\bnot (to|for) your (application|submission)\b/i;

/** A question about an earlier round's deadline ("Bis wann lief die erste Antragsrunde?"). */
export const EARLIER_ROUND_ASKED = /\b(erste[nr]?|vorige[nr]?|letzte[nr]?|vergangene[nr]?|frühere[nr]?)\s+(antrags|förder|bewerbungs|ausschreibungs)?runde|\b(first|previous|last|earlier)\s+(funding |application )?round\b/i;

/** A deadline said to be the earlier one: "die ursprünglich genannte Frist", "the original deadline". */
const SUPERSEDED_DEADLINE = /\b(ursprünglich|bisherig|zunächst|früher|zuvor|alte[nr]?)\w*\s+(genannte\w*\s+|angegebene\w*\s+|vorgesehene\w*\s+)?(frist|bewerbungsfrist|antragsfrist|einreichungsfrist|einsendeschluss|bewerbungsschluss|stichtag|termin)\b|\b(original|originally|previous|earlier|old) (deadline|closing date)\b/i;
/** "… wurde auf den 29. Januar verlängert": the sentence names the new date too. */
const NEW_DEADLINE_DATE_AFTER = /\b(auf|bis zum|bis|to|until)\s+(den\s+|the\s+)?(\w+,?\s+)?\d{1,2}\.?\s*(\d{1,2}\.|\p{L}+)\s*(\d{4})?\s*(verlängert|verschoben|extended|moved)/iu;
/** Signing up: "Anmeldeschluss", "Anmeldung bis", "register by". */
const EVENT_SIGNUP = /\banmelde(schluss|frist)|\banmeldung(en)?\b|\banmelden\b|\bregistration\b|\bregister\b|\bsign[- ]up\b/i;
/** Events one signs up for. */
const EVENT_KIND = /fortbildung|schulung|seminar|workshop|training|tagung|veranstaltung|webinar|kurs\b|exkursion|konferenz|fachtag|sprechstunde|versammlung|meeting\b/i;
/** What one applies with. */
const APPLYING_NAMED = /\b(antrag|anträge|anträgen|bewerbung|bewerbungen|interessenbekundung\w*|projektskizze\w*|antragsfrist|bewerbungsfrist|application|proposal)\b/i;
/** Signing up, said or asked: "anmelden", "registrieren", "register", "sign up". */
export const SIGN_UP = /anmeld|registr|sign(ing)? up/i;
/** A question about handing in at an office in between: the district, its internal deadline. */
const INTERMEDIARY_ASKED = /kreisintern|landratsamt|kreisverwaltung|beim (land)?kreis\b|district office|county office|district administration/i;

/** Handing in later: "nachgereicht", "nachzureichen", "nachträglich". */
export const LATER_HANDED_IN = /nachgereicht|nachreich|nachzureichen|nachgeliefert|nachträglich/i;

/** A deadline given anew: corrected, extended, moved. */
const NEW_DEADLINE = /\bneue[rn]? (frist|bewerbungsfrist|antragsfrist|einreichungsfrist|einsendeschluss|bewerbungsschluss|abgabetermin|stichtag)\b|\b(frist|bewerbungsfrist|antragsfrist|einreichungsfrist|bewerbungsschluss|einsendeschluss|antragsschluss|abgabetermin)\b.{0,100}\b(verlängert|verschoben|geändert|neu festgesetzt)|\bgeänderte[rn]? (frist|bewerbungsfrist|antragsfrist)|\b(new|extended|revised) deadline\b|\bdeadline (has been |was |is )?(extended|moved|postponed)/i;

/** A sentence that makes an exception to the one before it. */
const EXCEPTION_FOLLOWS = /^(wer das nicht (möchte|will|wünscht)|auf (begründeten |ausdrücklichen |schriftlichen )?(wunsch|antrag)|ausnahmsweise|abweichend (davon|hiervon)|davon ausgenommen|ausgenommen (sind|ist)|dies gilt nicht)/i;

/** Stems that name a stage of a two-stage procedure ("projektskizz", "interessenbekund", "vollantrag"). */
const STAGE_STEM = /skizz|bekund|vollantr|förderantr/;

/** A sentence about the other stage of a two-stage procedure than the one asked about scores lower. */
function stageFit(sentence: string, query: string): number {
  const asksFirst = FIRST_STAGE_SENTENCE.test(query) && !SECOND_STAGE.test(query);
  const asksSecond = SECOND_STAGE.test(query) && !FIRST_STAGE_SENTENCE.test(query);
  const first = FIRST_STAGE_SENTENCE.test(sentence);
  const second = SECOND_STAGE_SENTENCE.test(sentence);
  if (asksFirst) return second && !first ? -4 : first && !second ? 0.25 : 0;
  if (asksSecond) return first && !second ? -4 : second && !first ? 0.25 : 0;
  return 0;
}

/** "14. Mai – Eingang der unterschriebenen Teilnahmeerklärung …; sonst verfällt die Zusage": a step after being chosen, unless that is what is asked. */
function afterSelectionStep(sentence: string, query: string): number {
  if (AFTER_SELECTION_STEP.test(query) || SECOND_STAGE.test(query)) return 0;
  return AFTER_SELECTION_STEP.test(sentence) && !/bewerbungsschluss|bewerbungsfrist|einsendeschluss|antragsfrist/i.test(sentence) ? -2 : 0;
}

const AFTER_SELECTION_STEP = /\bzusage\b|\bausgewählte\w* (kommunen|projekte|bewerber\w*|städte|gemeinden)|nach (der |erfolgter )?(auswahl|zusage|bewilligung)|teilnahmeerklärung|kooperationsvertrag|verwendungsnachweis|abschlussbericht/i;

/** A sentence that adds to what an application consists of. */
const PROCESS_MORE = /beizufügen|beifügen|beiliegen|anzuhängen|anlage|nachgereicht|nachreichen|zusätzlich|außerdem|ergänzend/i;

/** Kinds of question whose answer often spans two sentences ("Bewerben können … Kreisangehörige … nur über …"). */
const TWO_SENTENCES = new Set<Intent>(['eligibility', 'benefits', 'process']);

export interface FoundPassage {
  docId: string;
  /** The sentence(s) to quote. */
  quote: string;
  score: number;
  coverage: number;
  /** The heading that names the stage the quote is about ("Projektskizze"), when the quote itself does not. */
  section?: string;
}

/** The fields under a form's signature line: "Ort, Datum  Unterschrift, Name, Funktion". */
const FORM_FIELDS = /^(ort\s*,?\s*(und\s+)?datum|datum)\b[^.]{0,60}\b(unterschrift|stempel)\b[^.]{0,40}$/i;
/** A heading over the works a paper cites. */
const LITERATURE_SECTION = /^(literatur|literaturverzeichnis|quellen|quellenverzeichnis|references|bibliography|bibliografie)\b/i;
/** One entry of a list of works: "Name, Vorname; Name, Vorname (2017): Titel". */
const REFERENCE_ENTRY = /^\p{Lu}[\p{L}'-]+,\s+\p{Lu}[\p{L}.-]*(\s+\p{Lu}[\p{L}.-]*)?(\s*[;/&]\s*\p{Lu}[\p{L}'-]+,\s+\p{Lu}[\p{L}.-]*)*\s*(et al\.\s*)?\((hrsg\.?|ed\.?|eds\.?)?\s*\d{4}[a-z]?\)/u;
/** A sentence of a paper's outline. */
const OUTLINE_SENTENCE = /^(der|im|in dem) (erste|zweite|dritte|vierte|letzte|folgende)n? (teil|kapitel|abschnitt)\b|^(dieses|das vorliegende) (papier|thesenpapier|working paper|arbeitspapier|dokument|kapitel)\b.{0,40}\b(betrachtet|beschreibt|gliedert|behandelt)\b|^(the )?(first|second|third|next|following) (part|chapter|section)\b/i;

/** A question about someone else paying part of the own share. */
const THIRD_PARTY_ASKED = /\b(landkreis|kreis|dritte\w*|stiftung|zuschuss|übernimmt|übernehmen|dazu|beisteuert|third part|district)\b/i;

/** Words for the money a call pays. */
const MONEY_WORD = /^(geld|festbetrag|zuschuss|förderbetrag|fördergeld|zuwendung|pauschale|money|grant|funding)/i;

/** A name in quotation marks: a title, a project, a brochure. */
const QUOTED_NAME = /[„“"«»][^„“”"«»\n]{3,150}[“”"»«]/g;

/** A numbered heading left in the text as a line of its own ("§ 8 Veröffentlichung", "3.2 Antragsberechtigte"). */
const HEADING_LINE = /^(§+\s*\d+[a-z]?|Art(?:ikel|\.)\s*\d+|\d+(?:\.\d+)*\.?|[IVX]+\.)\s+[^.!?:;\d]{1,80}$/u;

/**
 * Finds the sentence of a programme's texts that answers a question of a given kind: sentences
 * are scored by the intent's cue words, the question's own terms and (for FAQ answers) the
 * question they answer. Returns null when no sentence carries the cue.
 */
export function findPassage(
  kb: KnowledgeBase,
  docIds: ReadonlySet<string>,
  query: string,
  intent: Intent,
  askedFocus: string[],
): FoundPassage | null {
  // "Welche Unterstützung außer dem Festbetrag …?": what is set aside is no word the answer needs.
  // "What non-financial support …?" sets the money aside too.
  const besidesWord = query.match(/\b(?:außer|neben|abgesehen von|zusätzlich zu[mr]?|besides|apart from|other than|in addition to|on top of)\s+(?:dem|der|den|the)?\s*([\p{L}-]{3,})/iu)?.[1] ?? (/\bnon-?(financial|monetary)\b|\bnicht-?(finanziell|monetär)\w*/i.test(query) ? 'Geld' : undefined);
  const besides = besidesWord ? stem(besidesWord.toLowerCase()) : undefined;
  const withoutBesides = besides ? askedFocus.filter((f) => f !== besides) : askedFocus;
  // Words that name the text itself ("Studie zu Erfolgsfaktoren kommunaler Integrationsarbeit": its title, or words on most of
  // a long text's pages) tell none of its passages apart: the others decide, when there are others.
  // "Welche Unterstützung außer Geld …?": support is what is asked for, as a kind; no sentence needs the word itself.
  const asked = intent === 'benefits' && besides !== undefined ? withoutBesides.filter((f) => !SUPPORT_WORD.test(f)) : withoutBesides;
  const focus = describingWordsOut(kb, docIds, asked);
  const cue = CUES[intent];
  const strong = STRONG[intent];
  // The question's words alone may miss the sentence ("Bis wann läuft X?" names no deadline word),
  // and the kind's words alone may rank other passages first: both searches, merged.
  const hits = kb.retriever.search(query, { k: 12, docIds });
  const seen = new Set(hits.map((h) => h.chunk));
  if (INTENT_WORDS[intent]) {
    for (const h of kb.retriever.search(`${query} ${INTENT_WORDS[intent]}`, { k: 12, docIds })) if (!seen.has(h.chunk)) {
      seen.add(h.chunk);
      hits.push(h);
    }
  }
  // A call is a few dozen passages: every passage of it is looked at (the search may rank the answer low).
  withWholeSmallCall(kb, docIds, hits);
  // "Welches Beispiel aus Wuppertal nennt die Studie zu Erfolgsfaktoren kommunaler Integrationsarbeit?": in a long text the
  // words it uses everywhere drown the one that matters; that one is searched on its own too.
  // Only for questions of no fixed kind: the others have their own cues ("mitzuteilen" for changes).
  const rare = intent === 'unknown' || intent === 'about' ? rareFocus(kb, docIds, withoutBesides) : [];
  if (rare.length) {
    for (const h of kb.retriever.search(rare.join(' '), { k: 8, docIds })) if (!seen.has(h.chunk)) {
      seen.add(h.chunk);
      hits.push(h);
    }
  }
  const word = countedWord(query);
  const counted = word ? countedPattern(word) : /\bwie viele?\b|\bhow many\b/i.test(query) ? NUMBER_WORD : undefined;
  // "Was passiert, wenn wir nicht ausgewählt werden?" is not answered by "Sollten Sie ausgewählt werden, …".
  const negated = NEGATION.test(query);
  // A long compound the question names ("Integrationskonzept") is what it is about: a sentence without it rarely answers.
  // A long word the text uses all over ("Integrationsarbeit" in a paper on integration work) describes the text, not the question.
  const specific = focus.filter((f) => f.length >= 11 && !isQuestionWord(f) && (allChunksOf(kb, docIds).length < 20 || termShare(kb, docIds, f) < 0.1));
  // "Reicht beim BAMF-Modellprojekt ein einziger Standort?": "Modellprojekt" stands in half the call's passages, "Standort" in one (rare, above).
  // "Wir sind eine Gemeinde mit 2.400 Einwohnern – wie hoch ist unser Eigenanteil?": the sentence for that size.
  const population = extractPopulation(query);
  const quotesAName = /[„“"«»]/.test(query);
  let best: FoundPassage | null = null;
  for (const [rank, h] of hits.entries()) {
    // An FAQ entry asked as the user asks ("Was wird gefördert?") answers with all of its answer.
    // An entry that asks most of what was asked ("Können wir eine vorhandene Bank umrüsten?") counts too, whatever words of the kind it uses.
    const faqHit = h.chunk.kind === 'faq' && (cue ? cue.test(h.chunk.question ?? '') || (focus.length >= 3 && coverage(focus, h.chunk.question ?? '', kb.vocabulary, kb.synonyms) >= 0.6) : focus.length > 0 && coverage(focus, h.chunk.question ?? '', kb.vocabulary, kb.synonyms) === 1);
    const sentences = h.chunk.sentences;
    for (const [i, s] of sentences.entries()) {
      // "§ 8 Veröffentlichung, Vertraulichkeit" names a section; it answers nothing. Nor does a question ("Können wir anonym teilnehmen?").
      if (HEADING_LINE.test(s) || /\?\s*["“”»)]?\s*$/.test(s) || FORM_FIELDS.test(s)) continue;
      // The call's title line names it; it does not say what the call is about.
      if (intent === 'about' && normalizeForQuote(s) === normalizeForQuote(kb.docs.get(h.chunk.docId)?.title ?? '')) continue;
      // A work the text cites ("Gesemann, Frank; Roth, Roland (2017): Erfolgsfaktoren …") is not what the text says.
      if (LITERATURE_SECTION.test(h.chunk.section ?? '') || REFERENCE_ENTRY.test(s)) continue;
      // "Published 9 November 2026 · Version 1.1": the page's own date line tells when it came out, nothing else.
      if (intent !== 'unknown' && intent !== 'deadline' && DATE_LINE.test(s) && s.length < 200) continue;
      // "Ratsbeschluss nötig?" under a signature question: the sentence on the resolution is the one.
      const cueHit = cue ? cue.test(s) || (intent === 'signature' && RESOLUTION_ASKED.test(query) && RESOLUTION_SAID.test(s)) : true;
      const dateHit = intent === 'deadline' && /\d/.test(s) && findDates(s).length > 0;
      if (intent === 'deadline' && !dateHit) continue;
      // A decision, a project start or an event date is never the application deadline.
      if (intent === 'deadline' && deadlineFit(s, query) < 0) continue;
      // "Beim Lindenblatt-Preis 2025 endete die Bewerbungsfrist …" in the text of the 2027 call, or the FAQ answer to
      // "Wann war der Bewerbungsschluss der letzten Runde?": an earlier round's deadline, unless that round is asked about.
      if (intent === 'deadline' && earlierRoundNotAsked(s, h.chunk, query, kb.docs.get(h.chunk.docId)?.title ?? '')) continue;
      // A sentence under a heading for this kind of question ("Zuwendungsvoraussetzungen") counts, even without the cue.
      const sectionCue = Boolean(SECTION_CUES[intent]?.test(h.chunk.section ?? '') || SECTION_CUES[intent]?.test(h.chunk.question ?? ''));
      // "… per E-Mail schicken, um die Frist zu wahren?": the sentence on that way of sending, whatever it is filed under.
      const byChannel = BY_CHANNEL.test(query) && sameChannel(s, query);
      if (!cueHit && !faqHit && !sectionCue && !byChannel) continue;
      // "Dieser Förderaufruf tritt am Tag seiner Veröffentlichung im Bundesanzeiger in Kraft" publishes the call, not its participants.
      if (intent === 'anonymity' && CALL_PUBLISHED.test(s) && !/anonym|teilnehm|namen|namentlich/i.test(s)) continue;
      // "Vollantrag: … werden aufgefordert. Er ist bis zum 15. Februar einzureichen": "Er" is the sentence before.
      // The sentence before may stand in the passage before ("(1) …" above "(2) … nach Absatz 1 …"); looked up only when needed.
      // "Auf Wunsch wird jedoch die Anschrift nicht veröffentlicht": "jedoch" answers the sentence before.
      // "Alternativ können Sie den Papierantrag … einreichen. Er muss … unterschrieben sein": the other way is told with the first.
      // "Anonymous participation is therefore not possible", "Eine anonyme Teilnahme ist daher nicht möglich": a consequence of the sentence before.
      const contrasts = /^[^.;]{0,60}\b(jedoch|therefore|thus|hence|daher|deshalb|deswegen|somit|folglich)\b/i.test(s) || ALTERNATIVE_START.test(s);
      const before = i > 0 ? sentences[i - 1] : NAMES_PARAGRAPH.test(s) || PRONOUN_START.test(s) || contrasts ? sentenceBefore(kb, docIds, h.chunk) : undefined;
      // "Aus dem Festbetrag können … bezahlt werden. Nicht finanziert werden Personalstellen …": what is excluded from what the sentence before names.
      const excludesFromBefore = i > 0 && NOT_FUNDED_START.test(s) && before !== undefined && FUNDS_SAID.test(before) && before.length + s.length < 420;
      const alternative = ALTERNATIVE_START.test(s);
      const pronounLed = before !== undefined && (((PRONOUN_START.test(s) || contrasts) && before.length + s.length < (alternative ? 700 : 360)) || refersToSentenceBefore(s, before) || excludesFromBefore);
      const context = pronounLed ? `${before} ${s}` : s;
      // An FAQ answer is about what its question names ("Werden die Namen der Mentees veröffentlicht? Nur mit Einwilligung."),
      // except for a number asked: that must stand in the answer.
      // A quoted name ("im Projekt “Was bewegt Kommunen? Erfolgsfaktoren …” entstanden") only names a thing, unless the question quotes too.
      const said = quotesAName || intent !== 'unknown' || !/[„“"«»]/.test(context) ? context : context.replace(QUOTED_NAME, ' ');
      let cov = coverage(focus, faqHit && h.chunk.question && !counted && !WHAT_IS_FUNDED.test(query) ? `${h.chunk.question} ${said}` : said, kb.vocabulary, kb.synonyms);
      // "…; den Rest trägt die Gemeinde" says the own share without the word "Eigenanteil".
      if (intent === 'ownFunds' && REST_PAID.test(s) && !OWN_SHARE_WORD.test(s)) cov = Math.max(cov, coverage(focus.filter((f) => !OWN_SHARE_STEM.test(f)), said, kb.vocabulary, kb.synonyms));
      // A section named like the question ("Teilnahmevoraussetzungen") vouches for its sentences.
      const sectionHit = focus.length > 0 && h.chunk.section ? coverage(focus, h.chunk.section, kb.vocabulary, kb.synonyms) : 0;
      let score = (cueHit ? 2 : 0) + (faqHit ? 2.5 : 0) + 3 * cov + (rare.length ? 1.5 * coverage(rare, said, kb.vocabulary, kb.synonyms) : 0) + (dateHit ? 1 : 0) + (strong?.test(s) ? 1.5 : 0) + sectionHit + 1 / (1 + rank);
      // "Muss die Projektskizze unterschrieben sein?" is about the first stage, not the full application that follows.
      // "Der Vollantrag ist … einzureichen. Er ist … zu unterschreiben": "Er" is the full application even when the two are long.
      // The sentence before tells the stage too ("5. Stufe 2 – förmlicher Antrag: … Das Antragsformular ist … zu unterschreiben").
      const stageContext = i > 0 && !FIRST_STAGE_SENTENCE.test(s) && !SECOND_STAGE_SENTENCE.test(s) ? `${sentences[i - 1]} ${s}` : before && PRONOUN_START.test(s) ? `${before} ${s}` : context;
      // A slide or page headed "Projektskizze" / "Vollantrag" tells the stage of the lines under it.
      const headedStage = h.chunk.section && (FIRST_STAGE_SENTENCE.test(h.chunk.section) || SECOND_STAGE_SENTENCE.test(h.chunk.section)) && h.chunk.section.length <= 80 ? `${h.chunk.section}: ` : '';
      // A heading of one stage ("7.2.2 Vorlage förmlicher Förderanträge") decides, whatever the sentence before recalls of the other.
      const oneStageHeading = headedStage !== '' && FIRST_STAGE_SENTENCE.test(headedStage) !== SECOND_STAGE_SENTENCE.test(headedStage) && !FIRST_STAGE_SENTENCE.test(s) && !SECOND_STAGE_SENTENCE.test(s);
      const stage = intent === 'deadline' ? 0 : stageFit(oneStageHeading ? headedStage : `${headedStage}${stageContext}`, query);
      score += stage;
      // "If funds remain available after this deadline, a second call will follow with the deadline 15 June 2027": the call's own deadline comes first.
      if (intent === 'deadline') score += deadlineFit(s, query) + afterSelectionStep(s, query) + (CONDITIONAL_ROUND.test(s) && !LATER_ROUND_ASKED.test(query) ? -2 : 0) + (SECOND_STAGE.test(query) && SECOND_STAGE_SENTENCE.test(context) ? 2.5 : 0);
      // "Das unterschriebene Antragsformular muss bis zum 12. März eingegangen sein": the signed paper that follows the application, unless asked for.
      if (intent === 'deadline' && SIGNED_PAPER.test(s) && !SIGNED_PAPER_ASKED.test(query)) score -= 1;
      // "Die Mitgliederversammlung findet am 22. April statt. Anmeldungen bitte bis zum 31. März": signing up for the event the sentence before names.
      if (intent === 'deadline' && i > 0 && EVENT_SIGNUP.test(s) && !APPLYING_NAMED.test(s) && !EVENT_KIND.test(s) && EVENT_KIND.test(sentences[i - 1]) && !(SIGN_UP.test(query) && EVENT_KIND.test(query))) score -= 3;
      // A section headed for this kind of question ("Wer kann teilnehmen?", "Kontakt") vouches for its sentences.
      if (sectionCue) score += 1.5;
      // "Projektskizze" asked, "Stufe 1" said: the stage is named, so the word is not missing.
      const needed = stage > 0 ? specific.filter((f) => !STAGE_STEM.test(f)) : specific;
      if (needed.length && coverage(needed, context, kb.vocabulary, kb.synonyms) === 0) score -= 2;
      if (population !== undefined) score += sizeFit(s, population);
      // "Wir sind ein Landkreis – gibt es für uns besondere Anforderungen?": "Nur für Landkreise gilt: …".
      const kind = query.match(APPLICANT_KIND)?.[1];
      if (kind && new RegExp(`\\b(nur )?für (die )?${kind.slice(0, 5)}\\p{L}*\\s+gilt|\\bgilt (nur )?für (die )?${kind.slice(0, 5)}`, 'iu').test(s)) score += 2;
      // "Wer unterschreibt, wenn eine Verwaltungsgemeinschaft den Antrag stellt?" – "…, bei einer Verwaltungsgemeinschaft von der oder dem Gemeinschaftsvorsitzenden".
      else if (intent === 'signature' && kind && kind.length >= 8 && new RegExp(`(?<!\\p{L})bei (einer |einem |den )?${kind}\\p{L}*`, 'iu').test(s)) score += 2;
      // "Können wir uns gemeinsam bewerben?": the sentence on joint applications.
      if (intent === 'eligibility' && JOINT_ASKED.test(query) && JOINT_SAID.test(s)) score += 1.5;
      if (negated && intent === 'unknown' && !NEGATION.test(s)) score -= 1.5;
      // "Was wird gefördert?" is not answered by "Nicht gefördert werden …".
      const excludes = /^(nicht|keine?)\b/i.test(s);
      if (!negated && WHAT_IS_FUNDED.test(query)) {
        if (excludes || /\bnicht (gefördert|förderfähig|zuwendungsfähig)/i.test(s)) score -= 1.5;
        // "Gefördert werden: …", "Förderfähig sind …": the sentence that lists what is funded.
        else if (/^(\(\d+\)\s*)?(gefördert werden|förderfähig sind|zuwendungsfähig sind|gefördert wird)\b/i.test(s)) score += 2;
      }
      // "Mähgerät für den Bauhof förderfähig?": the sentence that says whether a named thing is funded, over one that merely names the other word.
      if (intent === 'unknown' && cov > 0 && THING_FUNDED_ASKED.test(query) && !WHAT_IS_FUNDED.test(query) && FUNDING_RULED.test(s)) score += 1;
      // "Mit dem Förderaufruf „…“ unterstützt das Ministerium Kommunen dabei, …": what the call is for, not what it gives.
      if ((intent === 'benefits' || intent === 'money') && CALL_INTRO.test(s)) score -= 2;
      // "Welchen Anteil tragen wir selbst?" – "…, den Rest trägt die Gemeinde": the own share, in other words.
      if (intent === 'ownFunds' && REST_PAID.test(s) && !OWN_SHARE_WORD.test(s)) score += 3;
      // "own share in percent?": a sentence that gives a share of the costs.
      if (intent === 'ownFunds' && /prozent|percent|%|quote|\brate\b/i.test(query) && !/\d/.test(query) && /\d+\s*(prozent|%)|(drei|ein) viertel|die hälfte der (kosten|ausgaben)|zwei drittel|ein drittel/i.test(s)) score += 2;
      // "Wie viel zahlt die Stiftung?": what the funder pays, not the joint case, a cost estimate or the value of volunteer hours.
      if ((intent === 'money' || intent === 'benefits') && AMOUNT_QUESTION.test(query) && !JOINT_ASKED.test(query)) {
        if (/^.{0,60}(gemeinsam|verbund|zusammen)/i.test(s) && !/^.{0,60}(zuwendung|förderung|zuschuss) beträgt/i.test(s)) score -= 1.5;
        if (COST_ESTIMATE.test(s)) score -= 2;
        if (FUNDER_SHARE.test(s)) score += 1;
      }
      // "Was muss dem Antrag beigefügt werden?": the sentence that lists the enclosures.
      if (intent === 'process' && ENCLOSURE_ASKED.test(query)) score += ENCLOSURE_SAID.test(s) ? 2.5 : -0.5;
      // "… as a scanned PDF?": the sentence that names that way of sending.
      if (byChannel) score += 1.5;
      // "Ratsbeschluss nötig?": the sentence on the council's resolution, not the one on who signs.
      if (intent === 'signature' && RESOLUTION_ASKED.test(query)) score += RESOLUTION_SAID.test(s) ? 3 : -1;
      // A letter's subject line names the call; it answers nothing.
      if (/^(betreff|betrifft|subject)\s*:/i.test(s)) score -= 3;
      // "Der erste Teil dieses Thesenpapiers betrachtet …": a paper's outline names its topics without saying anything of them.
      if (OUTLINE_SENTENCE.test(s)) score -= 0.5;
      // A list intro ("Dem Antrag sind beizufügen:") says nothing by itself, unless its items follow in the passage.
      if (/:\s*$/.test(s) && i === sentences.length - 1 && !NUMBER_WORD.test(s)) score -= 2;
      // "Wo reichen wir ein?", "Wohin schicken?": a sentence with an address or a body to send to.
      // An e-mail address is the address when the question asks for one ("An welche Adresse schicken wir …?") and the sentence sends there.
      if (WHERE.test(query)) score += (ADDRESS.test(s) ? 3 : 0) + (/@/.test(s) ? (/adresse|address/i.test(query) && /\b(an|to)\s+\S+@/i.test(s) ? 3 : 1) : 0);
      // "Moin zusammen, … hat uns den folgenden Aufruf geschickt": a mail's greeting or forwarding note says nothing of the call.
      if (SALUTATION.test(s)) score -= 3;
      // The text's title ("Pressemitteilung 142/2026: Land startet Förderaufruf …") names the call; it rules on nothing asked of it.
      if (intent !== 'about' && intent !== 'unknown' && s.trim() === kb.docs.get(h.chunk.docId)?.title?.trim()) score -= 2;
      if (intent === 'changes' && REPORT_CHANGE.test(s)) score += 1.5;
      // "Können wir … noch die Maßnahme ändern?": the sentence on changing, before one on handing in missing papers.
      if (intent === 'changes' && CHANGE_ASKED.test(query) && CHANGE_SAID.test(s)) score += 1.5;
      // "Können wir per E-Mail einreichen?": the sentence that allows or refuses that way.
      if (byChannel && /\bnicht\b|\bnur\b|ausschließlich|wahrt|genügt|reicht|einzureichen|zu (senden|schicken|übersenden)/i.test(s)) score += 2.5;
      // "Eine Vorabkopie per E-Mail ist erwünscht": a copy besides the application, not the way to hand it in.
      // "Schicken Sie den Antrag im Original per Post … und vorab als PDF per E-Mail" names the way too: that one stays.
      if (byChannel && /\bvorab\w*|\bkopie\b|zusätzlich|zur information|advance copy/i.test(s) && !/original|per post|postweg|postalisch|kurier|by post/i.test(s)) score -= 2.5;
      // "E-Mail: … Telefon: …": a line of a contact card, which answers whom to ask, not how to apply.
      if (intent !== 'contact' && /^(e-?mail|telefon|tel\.|fax|telefax|phone|internet|web)\s*:/i.test(s)) score -= 3;
      if (intent === 'money' && /\d/.test(s)) score += 1;
      // "Wie viel Prozent der Kosten übernimmt der Bund?": the rate, not the cap in euros.
      // A rate beside the own share ("Förderquote 70 %, Eigenanteil 30 %") is one; the own share alone is not, nor a cap on combined funding.
      if (intent === 'money' && RATE_ASKED.test(query) && !OWN_SHARE_ASKED.test(query)) {
        const rates = s.replace(/(eigenanteil|eigenmittel|eigenbeitrag|own (share|contribution))\D{0,30}\d+\s*(%|prozent|percent)/gi, ' ');
        score += /\d\s*(%|prozent|percent|v\.\s?h\.)/i.test(rates) ? (/kombin|kumul|doppelt gefördert|combin|cumul/i.test(s) ? 0 : 2) : -1;
      }
      // "Wie viele Kommunen werden 2027 ausgewählt?" is not answered by how many an earlier round had.
      if ((counted || /\bwie viele\b|\bhow many\b/i.test(query)) && aboutEarlierRound(s) && !aboutEarlierRound(query)) score -= 3;
      // A second round's call looks back on the first ("Rückblick auf die erste Runde: … wählte eine Jury 18 Kommunen aus"): not what holds now.
      else if (intent !== 'deadline' && (aboutEarlierRound(s) || aboutEarlierRound(h.chunk.section ?? '')) && !aboutEarlierRound(query)) score -= 2.5;
      // "Wie viele Modellkommunen …?" is answered by a sentence with a number, best one of those things.
      if (counted) {
        const m = counted.exec(s);
        // "mindestens drei Gemeinden" is a condition, not how many there will be; the word asked for beats a kind of it.
        const condition = m && /(mindestens|wenigstens|höchstens|maximal|\bab|unter|über|weniger als|mehr als)\s+$/i.test(s.slice(0, m.index)) && !/\b(darf|dürfen|maximal|höchstens|mindestens|muss|müssen)\b/i.test(query);
        score += !m ? (NUMBER_WORD.test(s) ? 0.5 : 0) : condition ? 0.5 : word && countOf(word).test(s) ? 3 : 1;
      }
      // "Wie viel Geld gibt es?" asks for an amount: a sentence that names one beats one that only speaks of money.
      if ((intent === 'money' || intent === 'benefits' || intent === 'ownFunds') && AMOUNT_QUESTION.test(query)) score += AMOUNT.test(s) ? 1.5 : -1;
      // "Für eine solche Überarbeitung beträgt der Zuschuss höchstens 9.000 Euro", "Bei gemeinsamen Anträgen …": a special case's amount,
      // after the general one unless that case is asked.
      if ((intent === 'money' || intent === 'benefits' || intent === 'ownFunds') && SPECIAL_CASE.test(s) && !(JOINT_ASKED.test(query) && JOINT_SAID.test(s))) score -= 1;
      // "Wir sind eine Einheitsgemeinde – bis wann …?": "Verbandsgemeinden reichen … ein. Anträge sind bis 5. Februar …" is another kind's rule.
      const askerKind = query.match(ASKER_KIND)?.[1].toLowerCase();
      const saidKind = askerKind ? `${before ?? ''} ${s}`.match(ASKER_KIND)?.[1].toLowerCase() : undefined;
      if (askerKind && saidKind) score += saidKind === askerKind ? 1.5 : -2;
      // "Bei Landkreisen unterschreibt die Landrätin": the rule for another kind of applicant than the one asking.
      const forKind = s.match(FOR_KIND)?.[2];
      if (forKind && !new RegExp(forKind.slice(0, 5), 'i').test(query)) score -= 1.5;
      // "Nicht gefördert werden … über 1.000 Euro": what is excluded is no amount on offer.
      if ((intent === 'money' || intent === 'benefits') && excludes) score -= 2;
      // What one gets is best told in amounts: money, consulting days, hours.
      if (intent === 'benefits' && /\d[\d.,]*\s*(euro|€|beratungstage|tage|stunden|wochenstunden)|\b(zwei|drei|vier|fünf|sechs|acht|zehn|zwölf)\s+beratungstage/i.test(s)) score += 1;
      // "Ein Fachbüro berät …", "Die Stiftung stellt einen Muster-Hygieneplan bereit": help given in the call's own verbs, besides the money.
      if (intent === 'benefits' && besides !== undefined && HELP_GIVEN.test(s)) score += 1;
      // "Stadtwerke … bewerben sich nicht selbst, sondern unterstützen ihre Kommune": who applies, not what the call gives.
      if (intent === 'benefits' && /(?<!\p{L})(bewerben|bewirbt|antragsberechtigt|teilnahmeberechtigt|antrag stellen|stellen den antrag)(?!\p{L})/iu.test(s)) score -= 2;
      // "Gefördert werden zum Beispiel Schulungen …" lists what the money may pay for, not what the call gives besides it.
      if (intent === 'benefits' && besides !== undefined && /^(\(\d+\)\s*)?(gefördert werden|förderfähig sind|zuwendungsfähig sind|gefördert wird)\b/i.test(s)) score -= 1.5;
      // "Wie viel gibt es?": what the funder gives, not what a thing costs or what counts towards the own share.
      if (intent === 'money' && !OWN_SHARE_ASKED.test(query) && !/insgesamt|gesamt|in total|overall|altogether|set aside/i.test(query)) score += FUNDER_GIVES.test(s) && !/eigenanteil|eigenmittel/i.test(s) ? 1 : /\bkoste[nt]\b|\bangerechnet\b|\b(zum|des) eigenanteils?\b/i.test(s) ? -1 : 0;
      // "Wie viel gibt es maximal?": the upper limit, not the lower one.
      if (intent === 'money' && MAXIMUM.test(query) && /höchstens|maximal|bis zu|bis (\d|zur höhe)/i.test(s)) score += 1.5;
      // "Wie viel Geld gibt es?" is not answered by what the municipality pays itself ("Eigenanteil: 3.000 Euro").
      // For money, only a sentence whose subject is the municipality ("Die Gemeinde zahlt einen Eigenanteil von 450 Euro"), not "…; den Rest trägt die Gemeinde".
      if ((intent === 'money' || intent === 'benefits') && (OWN_SHARE_SAID.test(s) || (intent === 'benefits' ? MUNICIPALITY_PAYS : MUNICIPALITY_PAYS_FIRST).test(s)) && !OWN_SHARE_ASKED.test(query)) score -= 2;
      // "Wie viel Fördergeld gibt es pro Vorhaben?" asks for euros: an amount answers it before a rate does.
      if (intent === 'money' && MONEY_IN_EUROS_ASKED.test(query) && !OWN_SHARE_ASKED.test(query)) score += EURO_AMOUNT.test(s) ? 0.75 : /\d\s*(%|prozent|percent)/i.test(s) ? -0.5 : 0;
      // "Wie viel Geld gibt es?" – "Es werden keine Zuschüsse … ausgezahlt": an advisory programme's plain no.
      if (intent === 'money' && NO_MONEY_SAID.test(s) && !OWN_SHARE_ASKED.test(query)) score += 3;
      // "Besides the hazard map itself, what else …?": "Zusätzlich moderiert das Netzwerk …" is one of the other things.
      if (intent === 'benefits' && besides !== undefined && ADDITIVE.test(s)) score += 1;
      if (intent === 'contact' && /@/.test(s)) score += 1;
      // "Kann man das nachreichen?": the sentence that allows handing in later.
      if (intent !== 'deadline' && LATER_HANDED_IN.test(query) && LATER_HANDED_IN.test(s)) score += 1.5;
      // "Der Eigenanteil von 30 Prozent ist … zu erbringen" says the own share; "Der Landkreis übernimmt bis zu 3.000 Euro des Eigenanteils" says who helps with it.
      if (intent === 'ownFunds') {
        // "Der Landkreis übernimmt bis zu 3.000 Euro des Eigenanteils" — not "Die Kommune trägt einen Eigenanteil von 25 Prozent".
        const thirdParty = /\b(übernimmt|übernehmen|bezuschusst|erstattet|zahlt|zahlen)\b.{0,60}\b(des|zum|vom) eigen(anteils|mittel)\b|\b(des|zum) eigenanteils?\b.{0,40}\b(übernimmt|übernehmen|bezuschusst|erstattet)\b/i.test(s);
        if (THIRD_PARTY_ASKED.test(query)) score += thirdParty ? 1.5 : 0;
        else if (thirdParty) score -= 1.5;
        else if (/\beigen(anteil|mittel|beitrag)\w*\b.{0,30}\b(von|beträgt|betragen|in höhe von|liegt bei)\s+(mindestens\s+|höchstens\s+)?\d/i.test(s)) score += 1.5;
      }
      // "Welche Unterstützung außer dem Festbetrag …?": the sentence on what is excluded answers nothing.
      if (besides && (coverage([besides], s, kb.vocabulary, kb.synonyms) === 1 || (MONEY_WORD.test(besides) && (AMOUNT.test(s) || /\b(betrag|zuschuss|geld|förderung)\b/i.test(s))))) score -= 2.5;
      // "Werden die Namen der Mentees veröffentlicht?": the entry about those people, not the one about the municipality.
      if (intent === 'anonymity' && samePeople(query, `${h.chunk.question ?? ''} ${s}`)) score += 1.5;
      if (!best || score > best.score) {
        // A whole FAQ answer reads better than one of its sentences; elsewhere keep to the sentence.
        // A long answer (a whole section under a question heading) is quoted by its sentence.
        // "Welche Begleitung außer dem Zuschuss …?": the answer from the sentence past the money set aside.
        const pastBesides = besides !== undefined && i > 0 && sentences.slice(0, i).every((x) => coverage([besides], x, kb.vocabulary, kb.synonyms) === 1 || AMOUNT.test(x) || OWN_SHARE_SAID.test(x));
        const whole = (pastBesides ? sentences.slice(i) : sentences).join(' ');
        // "Werden die Namen der Kinder veröffentlicht?" under "Wird unsere Gemeinde genannt? Ja. …": the sentence on those people alone.
        const aboutThosePeople = intent === 'anonymity' && asksAboutPeople(query) && samePeople(query, s);
        let quote = faqHit && whole.length <= 480 && !aboutThosePeople ? whole : context;
        // A long one from its start, as far as it fits, when that reaches the best sentence ("Was wird gefördert?" and its items).
        if (faqHit && whole.length > 480) {
          const lead: string[] = [];
          for (const x of sentences) if ([...lead, x].join(' ').length <= 480) lead.push(x); else break;
          if (lead.length > i) quote = lead.join(' ');
        }
        // "Nein. …" answers the FAQ's own question, which may not be the user's: quote the question too.
        // "Nur mit ihrer schriftlichen Einwilligung." answers its question only with it.
        if (h.chunk.question && !aboutThosePeople && (/^(ja|nein|yes|no|nur|erst|auch|ebenfalls|grundsätzlich|in der regel)\b/i.test(faqHit ? sentences[0] : s) || (faqHit && quote.length < 120))) quote = `${h.chunk.question} ${quote}`;
        const next = sentences[i + 1];
        // "Die geförderten Gemeinden … werden … veröffentlicht. Eine anonyme Förderung ist ausgeschlossen.": the refusal with its reason.
        const proposal = !faqHit && PROPOSAL_ASKED.test(query) && !PROPOSAL_SAID.test(s) && i === sentences.length - 1 ? proposalAfter(kb, docIds, h.chunk, quote) : undefined;
        // "Welche Unterstützung außer dem Geld …?": every sentence around it that names support, not money.
        const moneyLike = (x: string) => coverage([besides!], x, kb.vocabulary, kb.synonyms) === 1 || AMOUNT.test(x) || OWN_SHARE_SAID.test(x);
        if (besides !== undefined && !faqHit && !moneyLike(s)) {
          let from = i;
          let to = i;
          // "Ein Messteam erfasst … Jede Gemeinde erhält außerdem …", "Zusätzlich moderiert das Netzwerk …": one more of the things given.
          const added = (k: number) => ADDITIVE.test(sentences[k]) || ADDITIVE.test(sentences[k - 1]);
          while (from > 0 && !moneyLike(sentences[from - 1]) && (cue?.test(sentences[from - 1]) || /:\s*$/.test(sentences[from - 1]) || added(from)) && sentences.slice(from - 1, to + 1).join(' ').length <= 480) from--;
          while (to + 1 < sentences.length && !moneyLike(sentences[to + 1]) && sentences.slice(from, to + 2).join(' ').length <= 480) to++;
          quote = sentences.slice(from, to + 1).join(' ');
          // A list of things given, one line each ("- Die Behörde leiht … aus." "- Sie stellt Warnschilder bereit."): the lines around it too.
          const goesOn = (x: string, after: string) => !moneyLike(x) && (cue?.test(x) || ADDITIVE.test(x) || ADDITIVE.test(after) || PRONOUN_START.test(after));
          if (from === 0) for (const x of sentencesAround(kb, docIds, h.chunk, -1)) {
            if (quote.includes(x) || !goesOn(x, quote) || x.length + quote.length > 480) break;
            quote = `${x} ${quote}`;
          }
          if (to === sentences.length - 1) for (const x of sentencesAround(kb, docIds, h.chunk, 1)) {
            if (quote.includes(x)) continue;
            if (!goesOn(x, x) || x.length + quote.length > 480) break;
            quote = `${quote} ${x}`;
          }
        } else if (!faqHit && i > 0 && quote === s && REST_OF_BEFORE.test(s) && !AMOUNT.test(s) && sentences[i - 1].length + s.length < 420) quote = `${sentences[i - 1]} ${s}`;
        else if (!faqHit && next && (s.length < 70 || (TWO_SENTENCES.has(intent) && cue?.test(next) && s.length + next.length < 320))) quote = `${s} ${next}`;
        // "… beträgt 10 Prozent. Für Gemeinden mit weniger als 3.000 Einwohnern beträgt er 5 Prozent.": the rule for the size asked about.
        else if (!faqHit && next && population !== undefined && sizeFit(next, population) > 0) quote = `${s} ${next}`;
        // "Welche Schnittstelle schlägt das Papier vor?" – "… wichtig, Schnittstellen … zu schaffen. Denkbar wäre hier die Einrichtung von Lotsenstellen …": the proposal follows.
        else if (proposal) quote = proposal;
        else if (!faqHit && next && PROPOSAL_ASKED.test(query) && PROPOSAL_SAID.test(next) && !PROPOSAL_SAID.test(s) && quote.length + next.length < 600) quote = `${quote} ${next}`;
        // "Verwaltungsgemeinschaften können … Nur für Verwaltungsgemeinschaften gilt: …": the next sentence goes on about the same thing.
        else if (!faqHit && next && cov > 0 && quote === context && context.length + next.length < 400 && coverage(focus, next, kb.vocabulary, kb.synonyms) >= cov) quote = `${context} ${next}`;
        // "Was rät das Papier …?" – "Im Landkreis Osnabrück beispielsweise …": an example of the advice in the sentence before.
        if (!faqHit && quote === s && PROPOSAL_ASKED.test(query) && /\b(beispielsweise|zum beispiel|etwa)\b|\bz\.\s?B\./i.test(s.slice(0, 80))) {
          const advice = i > 0 ? sentences[i - 1] : sentenceBefore(kb, docIds, h.chunk);
          if (advice && advice.length + s.length < 700) quote = `${advice} ${s}`;
        }
        // "1. Preis: 25.000 Euro", "2. Preis: 15.000 Euro", …: lines of the same shape are read together, with the line that announces them.
        const shape = (x: string | undefined) => x?.match(/^(?:\d+\.\s*)?(\p{L}+)[^:]{0,30}:\s/u)?.[1].toLowerCase();
        // Each such line may be a passage of its own: the lines around it in the same section count too.
        if (!faqHit && quote === s && shape(s)) {
          const before = [...sentences.slice(0, i)].reverse().concat(sentencesAround(kb, docIds, h.chunk, -1, 8));
          const after = sentences.slice(i + 1).concat(sentencesAround(kb, docIds, h.chunk, 1, 8));
          const earlier = before.slice(0, before.findIndex((x) => shape(x) !== shape(s)) < 0 ? before.length : before.findIndex((x) => shape(x) !== shape(s)));
          const later = after.slice(0, after.findIndex((x) => shape(x) !== shape(s)) < 0 ? after.length : after.findIndex((x) => shape(x) !== shape(s)));
          const lead = before[earlier.length];
          const intro = lead && /:\s*$/.test(lead) ? [lead] : [];
          const run = [...intro, ...earlier.reverse(), s, ...later].join(' ');
          if (earlier.length + later.length > 0 && run.length < 480) quote = run;
        }
        // "(1) Gefördert werden: …" is said by its items: as many as fit.
        if (!faqHit && /:\s*$/.test(s) && next) for (const item of sentences.slice(i + 2, i + 5)) if (!quote.includes(item) && quote.length + item.length < 420) quote = `${quote} ${item}`;
        // "Das Preisgeld beträgt insgesamt 400.000 Euro. Es wird wie folgt vergeben:": the items the quote's last sentence announces.
        const announcing = !faqHit && !/:\s*$/.test(s) && /:\s*$/.test(quote) ? sentences.findIndex((x, k) => k > i && quote.endsWith(x)) : -1;
        if (announcing > 0) for (const item of sentences.slice(announcing + 1, announcing + 7)) if (!quote.includes(item) && quote.length + item.length < 480) quote = `${quote} ${item}`;
        // The steps of applying often take a third sentence ("Beizufügen ist ein Beschluss …").
        const third = sentences[i + 2];
        if (!faqHit && intent === 'process' && quote.length > s.length && third && (PROCESS_MORE.test(third) || cue?.test(third)) && quote.length + third.length < 480) quote = `${quote} ${third}`;
        // "Die Übersendung per E-Mail wahrt die Frist nicht.": the sentence before says which way does.
        // "Schicken Sie … im Original per Post … Ein Scan oder eine E-Mail allein reicht nicht": the way, and the way asked about refused right after it.
        if (!faqHit && quote === context && byChannel && SUBMISSION_WAY.test(s) && !channelRefused(s, query)) {
          const following = next ?? (i === sentences.length - 1 ? followingSentence(kb, docIds, h.chunk) : undefined);
          if (following && channelRefused(following, query) && quote.length + following.length < 600) quote = `${quote} ${following}`;
        }
        if (!faqHit && quote === s && BY_CHANNEL.test(query) && channelRefused(s, query)) {
          const way = i > 0 ? sentences[i - 1] : sentenceBefore(kb, docIds, h.chunk);
          if (way && SUBMISSION_WAY.test(way) && way.length + s.length < 800) quote = `${way} ${s}`;
        }
        // "Die Kommunen werden grundsätzlich genannt. Wer das nicht möchte, kann …": the exception belongs to the rule.
        else if (!faqHit && next && quote === context && EXCEPTION_FOLLOWS.test(next) && quote.length + next.length < 500) quote = `${quote} ${next}`;
        // "(1) … veröffentlicht die Namen …" followed by "(2) Von der Veröffentlichung nach Absatz 1 kann … abgesehen werden": the exception belongs to the rule.
        const after = i === sentences.length - 1 ? sentenceAfter(kb, docIds, h.chunk) : undefined;
        if (!faqHit && after && quote.endsWith(s) && refersToSentenceBefore(after, s)) quote = `${quote} ${after}`;
        // "Alternativ können Sie den Papierantrag … einreichen. Er muss … unterschrieben sein": the way it is the alternative to comes first.
        if (!faqHit && ALTERNATIVE_START.test(quote) && quote !== s) {
          const prior = i >= 2 ? sentences[i - 2] : sentenceBefore(kb, docIds, h.chunk);
          if (prior && prior.length + quote.length < 900) quote = `${prior} ${quote}`;
        } else if (!faqHit && ALTERNATIVE_START.test(quote)) {
          const prior = i >= 1 ? sentences[i - 1] : sentenceBefore(kb, docIds, h.chunk);
          if (prior && prior.length + quote.length < 900) quote = `${prior} ${quote}`;
        }
        // "Die Bewerbung unterschreibt die Leitung des Fachbereichs. Eine Unterschrift der Bürgermeisterin … ist nicht erforderlich.": who signs, then who need not.
        // "Dort bestätigt die Gemeinde ihn elektronisch. Eine handschriftliche Unterschrift ist nicht erforderlich.": what is done instead.
        // "Für die Projektskizze ist keine Unterschrift erforderlich.": and who signs the full application later, which is what follows for the asker.
        if (intent === 'signature' && !faqHit && FIRST_STAGE_SENTENCE.test(s) && !SECOND_STAGE_SENTENCE.test(s) && /keine unterschrift|nicht (unterschrieben|unterzeichnet)|ohne unterschrift|muss nicht/i.test(s)) {
          const later = findSentence(kb, docIds, (x) => SECOND_STAGE_SENTENCE.test(x) && /unterschrieben|unterschreib|unterzeichn|zu zeichnen/i.test(x) && !/keine unterschrift/i.test(x));
          if (later && !quote.includes(later.quote) && s.length + later.quote.length < 600) quote = `${s} ${later.quote}`;
        }
        const signer = intent === 'signature' && !faqHit && i > 0 && /nicht (erforderlich|nötig|notwendig)/i.test(s) && /\b(unterschreibt|unterschreiben|unterzeichnet|unterzeichnen|zeichnet|zeichnen)\b|\bbestätigt\b.{0,60}\b(elektronisch|digital|online)/i.test(sentences[i - 1]) ? sentences[i - 1] : undefined;
        if (signer && !quote.includes(signer) && quote.length + signer.length < 480) {
          quote = `${signer} ${quote}`;
          // "Der Antrag wird im Förderportal gestellt. Dort bestätigt die Gemeinde ihn elektronisch. …": "Dort" needs the sentence before.
          if (i >= 2 && (PRONOUN_START.test(signer) || /^(dort|dabei|hier|darin)\b/i.test(signer)) && quote.length + sentences[i - 2].length < 480) quote = `${sentences[i - 2]} ${quote}`;
        }
        // "Das Ministerium veröffentlicht eine Liste aller geförderten Gemeinden. Eine Förderung ohne Aufnahme in diese Liste ist nicht möglich.": the refusal belongs to it.
        if (intent === 'anonymity' && !faqHit && next && quote.endsWith(s) && ANONYMITY_REFUSED.test(next) && !ANONYMITY_REFUSED.test(s) && quote.length + next.length < 480) quote = `${quote} ${next}`;
        const reason = intent === 'anonymity' && !faqHit && (ANONYMITY_REFUSED.test(s) || UNTIL_PUBLISHED.test(s)) ? (i > 0 ? sentences[i - 1] : sentenceBefore(kb, docIds, h.chunk)) : undefined;
        if (reason && PUBLICATION_SAID.test(reason) && !quote.includes(reason) && quote.length + reason.length < 480) quote = `${reason} ${quote}`;
        // The words that describe the whole text count as covered: the passage is in that text.
        const described = withoutBesides.length - focus.length;
        const covered = described > 0 ? (cov * focus.length + described) / withoutBesides.length : cov;
        best = { docId: h.chunk.docId, quote, score, coverage: covered, ...(headedStage ? { section: h.chunk.section } : {}) };
      }
    }
  }
  return best;
}

/** A time in a sentence: a date, a month, a year, a season. */
const TIME = /\b(innerhalb|binnen|within)\s+(von\s+)?(\d+|\p{L}+)\s+(tage[n]?|wochen|monate[n]?|jahre[n]?|days|weeks|months|years)\b|\b\d{1,2}\.\s?\d{1,2}\.(\s?\d{2,4})?|\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|june|july|october|december)\b|\b20\d\d\b|\b(frühjahr|sommer|herbst|winter|quartal|jahresende|jahresbeginn)\b/iu;

/** Words of an update to a call ("Aktualisierung (Stand …)", "verschoben", "verlängert"). */
const UPDATE_NOTE = /aktualisierung|\bupdate\b|verschoben|verlegt|verlängert|postponed|rescheduled|neuer termin/i;
const YEAR_AS_TIME = /\bjahr(es)?\s+20\d\d\b|\b(im jahr|im laufe des jahres|ab|bis|ende|anfang|mitte|seit|von|until|by|from|early|late|during)\s+(\p{L}+\s+){0,2}20\d\d\b|\b(in|im)\s+20\d\d\b/iu;

/** Asking when one learns the outcome ("bewilligt", "Zusage") is answered by a sentence on decisions. */
const RESULT_WORD = /^(bewillig|zusag|bescheid|entscheid|ergebnis|auswahl|ausgewahlt|gefordert|forderentscheid|forderzusag)/;
const RESULT = /entscheid|bescheid|zusage|bewillig|auswahl|ausgewählt|mitgeteilt|benachrichtigt|bekanntgegeben|bekannt gegeben/i;

/**
 * "Wann entscheidet die Jury?", "Wann ist die Infoveranstaltung?": the sentence that gives a time
 * for the thing asked about (it must name it); null when no such sentence is found.
 */
export function findWhenPassage(kb: KnowledgeBase, docIds: ReadonlySet<string>, query: string, focus: string[], notTheDeadline = false): FoundPassage | null {
  if (focus.length === 0) return null;
  // A small call's every passage is looked at too (a table row "Jurysitzung: Ende April" ranks low).
  const hits = withWholeSmallCall(kb, docIds, kb.retriever.search(query, { k: 12, docIds }));
  let best: FoundPassage | null = null;
  for (const [rank, h] of hits.entries()) {
    h.chunk.sentences.forEach((s, i) => {
      if (!TIME.test(s)) return;
      // "… Referat 734 Mainz, 9. November 2026", "Stand: 1. Oktober 2026": when the text was written, not when anything happens.
      if (DATELINE.test(s) || /^(Betreff|Bezug|Subject|Re)\s*:/i.test(s)) return;
      // "Wann erfahren wir, ob der Antrag bewilligt ist?" is not answered by the application deadline.
      if (notTheDeadline && isApplicationDeadline(s)) return;
      // "Rückblick auf die erste Runde: Im Juli 2026 wählte eine Jury … aus": when it happened then is not when it happens now.
      if ((aboutEarlierRound(s) || aboutEarlierRound(h.chunk.section ?? '')) && !aboutEarlierRound(query)) return;
      // "Eine Jury wählt … aus. Die Auswahl erfolgt im Mai 2027": the thing may be named just before.
      const prev = h.chunk.sentences[i - 1];
      const own = coverage(focus, s, kb.vocabulary, kb.synonyms) + (RESULT.test(s) && focus.some((f) => RESULT_WORD.test(f)) ? 0.5 : 0);
      // Only a short sentence before is quoted along: the time must stay near the answer's start.
      const withPrev = prev && prev.length + s.length < 260 ? coverage(focus, `${prev} ${s}`, kb.vocabulary, kb.synonyms) : 0;
      // A sentence that names the thing itself beats one that needs the sentence before.
      const cov = Math.max(own, withPrev * 0.8);
      if (cov === 0) return;
      // A day or a month says when; a year alone is often part of a name ("Förderaufruf 2027", "Sichere Krötenwege 2027"),
      // so a dated sentence lower in the ranking still beats it.
      const dated = TIME.test(s.replace(/\b20\d\d\b/g, ' ')) ? 1.5 : 0;
      // A year alone answers "when" only as a time ("im Jahr 2027", "bis Ende 2027"), not as part of a name.
      if (!dated && !YEAR_AS_TIME.test(s)) return;
      // "Aktualisierung: … Die Jury tagt deshalb erst am 18. März 2027.": an update's time replaces the one first given.
      const at = h.chunk.text.indexOf(s);
      const updated = UPDATE_NOTE.test(s) || (at > 0 && UPDATE_NOTE.test(h.chunk.text.slice(Math.max(0, at - 250), at))) ? 1 : 0;
      const score = 3 * cov + dated + updated + 1 / (1 + rank);
      if (!best || score > best.score) best = { docId: h.chunk.docId, quote: withPrev > own ? `${prev} ${s}` : s, score, coverage: Math.min(1, cov) };
    });
  }
  return best;
}

/** A letter's or notice's place and date, or its version line. */
const DATELINE = /(^|\s)(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}[\p{L}-]+,\s*(den\s+)?\d{1,2}\.\s*(\d{1,2}\.|\p{L}+)\s*\d{4}\b|^(Stand|Vom|Veröffentlicht|Erschienen)\b[:\s]|\b[Ss]tand:?\s+\d{1,2}\.\s?\d{1,2}\.|\b[Ss]eite \d+ (von|\/) \d+/u;

/** Small words an expansion may have that its abbreviation skips ("Bundesamt für Migration und Flüchtlinge"). */
const LINK_WORDS = new Set(['und', 'für', 'der', 'die', 'das', 'des', 'den', 'dem', 'von', 'vom', 'zur', 'zum', 'im', 'in', 'am', 'an', 'auf', 'mit', 'of', 'and', 'for', 'the']);

/** Whether the initials of an expansion's words (small words may be skipped) spell the abbreviation. */
function spells(abbr: string, expansion: string): boolean {
  const letters = abbr.replace(/[^\p{L}]/gu, '').toLowerCase();
  const parts = expansion.split(/[\s-]+/).filter(Boolean);
  const walk = (li: number, wi: number): boolean => {
    if (li === letters.length) return parts.slice(wi).every((w) => LINK_WORDS.has(w.toLowerCase()));
    if (wi === parts.length) return false;
    const w = parts[wi].toLowerCase();
    // One to four letters of a word's start: "KoDo" from "Kommunale Dolmetschpools", "KommA" from "Kommunale Allianzen".
    for (let n = 1; n <= 4 && li + n <= letters.length; n++) if (w.startsWith(letters.slice(li, li + n)) && walk(li + n, wi + 1)) return true;
    return LINK_WORDS.has(w) && walk(li, wi + 1);
  };
  return parts.length >= 2 && walk(0, 0);
}

/**
 * "Wofür steht WIR?": the sentence that spells the abbreviation out, as "WIR (Wegweisende
 * Integrationsansätze Realisieren)" or "Kommunale Dolmetschpools (KoDo)", and the expansion.
 */
export function findExpansion(kb: KnowledgeBase, docIds: ReadonlySet<string>, abbr: string): (FoundPassage & { expansion: string }) | null {
  const esc = abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`(?<![\\p{L}])${esc}\\s*\\(([^()]{5,120})\\)`, 'u');
  const before = new RegExp(`[„"]?([\\p{L}][^()„"“]{4,120}?)[“"]?\\s*\\(${esc}(?:\\s+\\d{4})?\\)`, 'u');
  for (const c of allChunksOf(kb, docIds)) {
    // A heading spells it out too: "Förderaufruf „Gemeinsam Dorf gestalten …“ (GDG 2027)".
    for (const sentence of [...c.sentences, ...(c.section ? [c.section] : [])]) {
      const a = sentence.match(after);
      if (a && spells(abbr, a[1].trim())) return { docId: c.docId, quote: sentence, score: 1, coverage: 1, expansion: a[1].trim() };
      const b = sentence.match(before);
      if (b) {
        // The expansion is the shortest run of words before the brackets that spells the abbreviation.
        const words = b[1].trim().split(/\s+/);
        for (let i = words.length - 1; i >= 0; i--) {
          const candidate = words.slice(i).join(' ').replace(/^[„"]|[“"]$/g, '');
          // „Gemeinsam Dorf gestalten – Begegnungsorte …“ (GDG): the name before its subtitle.
          const name = candidate.split(/\s+[–—-]\s+/)[0];
          for (const x of [candidate, name]) if (spells(abbr, x)) return { docId: c.docId, quote: sentence, score: 1, coverage: 1, expansion: x };
        }
      }
    }
  }
  return null;
}

/** A list of alternatives in a question: "Verwaltungsgemeinschaften, Gemeindeverwaltungsverbände oder Landkreise". */
const ENUMERATION = /(?:[\p{L}-]{4,}\s*,\s*)+[\p{L}-]{4,}\s+(?:oder|bzw\.|or)\s+[\p{L}-]{4,}|[\p{L}-]{6,}\s+(?:oder|or)\s+[\p{L}-]{6,}/u;

/**
 * "Dürfen wir schon im März anfangen, bevor der Bescheid da ist?" when the call's FAQ asks "Dürfen wir
 * schon vor dem Bescheid mit der Stelle beginnen?": an FAQ entry whose own question the user's
 * question contains almost wholly (details like "im März" aside), and whose entry covers a good part
 * of the user's words. Quoted with its question, so the reader sees what it answers.
 */
/** An FAQ entry quoted with its question: the whole answer when it is short, else its first sentence. */
function faqQuote(c: KnowledgeBase['chunks'][number]): string {
  const answer = c.sentences.join(' ');
  return answer.length <= 480 ? `${c.question} ${answer}` : `${c.question} ${c.sentences[0]}`;
}

/** An FAQ entry whose question speaks of every one of the things given ("… zum Stichtag schon unterschrieben …?"), with its answer. */
export function faqOnAll(kb: KnowledgeBase, docIds: ReadonlySet<string>, things: RegExp[]): { docId: string; quote: string } | undefined {
  for (const c of allChunksOf(kb, docIds)) {
    if (c.kind !== 'faq' || !c.question || !things.every((t) => t.test(c.question!))) continue;
    return { docId: c.docId, quote: faqQuote(c) };
  }
  return undefined;
}

export function findFaqAnswer(kb: KnowledgeBase, docIds: ReadonlySet<string>, question: string, focus: string[], opts: { applicantWords?: boolean } = {}): FoundPassage | null {
  if (focus.length === 0) return null;
  // "in NRW" asks what "aus Nordrhein-Westfalen" does: a state by its short name is the state.
  const states = stateMentions(question.toLowerCase()).map((m) => m.name);
  if (states.length) question = `${question} ${states.join(' ')}`;
  // "… hat 21.000 Einwohner": a size given speaks to an entry on the population limit.
  if (extractPopulation(question) !== undefined) question = `${question} Einwohnergrenze Einwohnerzahl`;
  let best: (FoundPassage & { reverse: number }) | null = null;
  for (const c of allChunksOf(kb, docIds)) {
    if (c.kind !== 'faq' || !c.question) continue;
    // For who may apply, the kinds of applicant are what an entry asks ("Kann sich ein Landkreis für seine Gemeinden bewerben?").
    const own = focusTerms(c.question, [], kb.vocabulary).filter((f) => !isQuestionWord(f) || (opts.applicantWords && f.length >= 5));
    if (own.length === 0) continue;
    // "Können sich Verwaltungsgemeinschaften, Gemeindeverwaltungsverbände oder Landkreise bewerben?": one of a list asked is the list asked.
    const list = c.question.match(ENUMERATION)?.[0];
    const siblings = list ? new Set(focusTerms(list, [], kb.vocabulary)) : new Set<string>();
    const listHit = [...siblings].some((f) => own.includes(f) && coverage([f], question, kb.vocabulary, kb.synonyms) === 1);
    const reverse = listHit
      ? own.filter((f) => siblings.has(f) || coverage([f], question, kb.vocabulary, kb.synonyms) === 1).length / own.length
      : coverage(own, question, kb.vocabulary, kb.synonyms);
    const forward = coverage(focus, c.text, kb.vocabulary, kb.synonyms);
    // One word of its own ("Dürfen wir andere Fördermittel dazunehmen?") must be a long one, and the entry must cover more of the question.
    // An entry whose every word the question has ("Können sich auch Gemeinden aus Nordrhein-Westfalen bewerben?") asks it, however much else the asker tells.
    const minForward = own.length === 1 ? 0.5 : reverse === 1 && own.length >= 3 ? 0.25 : 0.4;
    if (reverse < 0.75 || forward < minForward || (own.length === 1 && own[0].length < 6)) continue;
    const quote = faqQuote(c);
    if (!best || reverse + forward > best.reverse + best.coverage) best = { docId: c.docId, quote, score: reverse + forward, coverage: forward, reverse };
  }
  return best && { docId: best.docId, quote: best.quote, score: best.score, coverage: best.coverage };
}
