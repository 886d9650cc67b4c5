import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { APPLICANT_SUBJECT, AUTHOR_QUESTION, classifyIntent, CONTACT_TIMES, FACTUAL_INTENTS, MISSED, type Intent } from '../nlu/intents.js';
import type { Lang } from '../nlu/language.js';
import type { ProgramDetector } from '../nlu/programDetector.js';
import { impliedCall, namingCall } from '../nlu/impliedProgram.js';
import { extractDistrict, extractEntityType, extractPopulation, extractProfileFacts, stateMentions, type ProfileFacts } from '../nlu/profileEntities.js';
import { englishContentWords, type TermList } from '../nlu/termList.js';
import { deadlineStatus, findDates, type DeadlineStatus } from '../programs/deadlineStatus.js';
import { evaluateEligibility, type ApplicantProfile, type Verdict, type VerdictReason } from '../programs/eligibility.js';
import type { FactTopic, Program } from '../programs/programSchema.js';
import { formatDate, formatDayMonth, formatNumber, type Translate } from '../i18n.js';
import { parseQuantity } from '../nlu/numbers.js';
import { detectLanguage } from '../nlu/language.js';
import { correctSpelling } from '../nlu/spelling.js';
import { asksToApplyAgain, findPriorRoundRule } from './priorRounds.js';
import { sentenceRulingOn, thingsAsked } from './askedThings.js';
import { askedPlaces, findClosedList, findMissingRequirement, findNamedCondition, findNamedExclusion } from './namedExclusions.js';
import { askedMembers, jointCap, jointMaxMembers, jointRefused, limitForEachPartner, partnerPopulations } from './jointApplications.js';
import { grantCaps, grantRates, populationRow, SIZE_CLASS_ASKED, workOut, workOutByGroup } from './grantCalculator.js';
import { describingWordsOut, findSentence, FIRST_STAGE_SENTENCE, jointAmountAfter } from './passageFinder.js';
import { allChunksOf, mayApplyList, notFundedList, deadlineSentences, asksAboutPeople, asksSecondStage, RESOLUTION_ASKED, RESOLUTION_SAID, channelRefused, findRelativeDeadline, INFO_EVENT, samePeople, BY_CHANNEL, LATER_HANDED_IN, OUTCOME, SIGN_UP, aboutEarlierRound, deadlineWithHour, findOutcomeTold, laterOpenDeadline, NO_MONEY_SAID, relativeDeadlineDate, contactHours, faqOnAll, listItemRuling, listItemUnder, purchasePriceLimit, earlierOpenRound, nextRecurringCutoff, rollingSentence, rollingApplications, sameDeadlineWithYear, findAmountLimits, findByline, findPublicationDate, kindOfNamedPlace, hasIntentCue, otherKindDeadline, passesOnApplications, secondStageDeadline, textsSay, findDuration, findExpansion, findFaqAnswer, findPassage, findWhenPassage, isApplicationDeadline, movedDeadline, furtherSignature, EARLIER_ROUND_ASKED, earlierEdition, LATER_ROUND_ASKED, titleWordsOut, SIGNED_PAPER, SIGNED_PAPER_ASKED } from './passageFinder.js';
import { COUNT_QUESTION, countedWord, countedPattern, coverage, focusTerms, isQuestionWord, NUMBER_WORD, unknownTopic } from './support.js';
import type { Answer, Citation, Suggestion } from './types.js';
import { escapeMarkdown } from '../bot/markdown.js';
import { escapeRegExp, normalizeWord, stem, words } from '../retrieval/textAnalysis.js';
import { splitSentences } from '../knowledge/sentences.js';
import { clockTime } from './clockTime.js';
import { normalizeForQuote } from '../knowledge/cleanText.js';

export interface AnswerRequest {
  text: string;
  lang: Lang;
  now: Date;
  /** The programme the conversation was last about, for follow-ups like "Und bis wann?". */
  programId?: string;
  /** The user's saved pre-application profile, if any. */
  profile?: ApplicantProfile;
  /** What the previous question asked, for "Und bei WIR?". */
  lastIntent?: string;
  /** The intent when the caller classified the message already. */
  intent?: Intent;
  /** Applying jointly was asked just before ("… gemeinsam bewerben, und wie viel gibt es dann?"). */
  jointBefore?: boolean;
}

const FOLLOW_UP = /^\s*(und|and|what about|how about|wie (ist|sieht) es|gilt das|auch|bei|für|for|dasselbe|same)\b/i;
/** "Gab es dazu auch Infoveranstaltungen?": a word that points back at what was asked before. */
const POINTS_BACK = /\b(dazu|dafür|dabei|davon|darüber|daran|darauf|hierzu|hierfür|hierbei|to it|for it|of it)\b/i;
/** Whether a message goes on from the one before. */
function followsUp(text: string): boolean {
  return FOLLOW_UP.test(text) || POINTS_BACK.test(text);
}

export interface AnswererDeps {
  kb: KnowledgeBase;
  detector: ProgramDetector;
  terms: TermList;
  t: Translate;
}

/** Topics a curated fact may answer for an intent, best first. */
const TOPICS_FOR: Partial<Record<Intent, FactTopic[]>> = {
  signature: ['signature'],
  anonymity: ['anonymity'],
  ownFunds: ['ownFunds', 'money'],
  changes: ['changes'],
  deadline: ['deadline'],
  money: ['money', 'benefits'],
  benefits: ['benefits', 'money'],
  contact: ['contact'],
  eligibility: ['eligibility'],
  process: ['process'],
  funder: ['funder', 'about'],
  about: ['about'],
};

const SUGGESTABLE: Intent[] = ['deadline', 'eligibility', 'signature', 'money', 'contact', 'anonymity'];

/** Kinds of question whose answer is a rule, not a time, even when asked with "wann". */
const NOT_A_TIME = new Set<Intent>(['signature', 'anonymity', 'ownFunds', 'eligibility', 'contact']);
/** How a question for a time begins: "Wann …", "Und wann …", "wan …" (typed fast), "When …". */
/** "Wer sitzt namentlich in der Jury?", "Wie heißt die Coachin?": a question for a person's name. */
const ASKS_NAME = /\bwie hei(ß|ss)(t|en)\b|\bnamentlich\b|\bnames? of\b|\bwhat (is|are) (the |their |his |her )?names?\b|\bwer (sitzt|sitzen|gehört|gehören|ist|sind)\b.{0,30}\b\p{L}*(jury|gremium|ausschuss|beirat|kommission)|\bwho (sits|is|are) (on|in) the\b.{0,40}\b(jury|panel|committee|board)\b|\bmembers of the (jury|panel|committee|board)\b|\b(jury|panel|committee)\s+members\b/iu;
/** A person named in a sentence: "Frau Kranich", "Dr. Lena Haverkamp", "Bianka Certa". */
const PERSON_NAME = /\b(Frau|Herr|Dr\.|Prof\.|Ms\.?|Mr\.?)\s+\p{Lu}|\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?=\s*[,;.()]|\s+\(|\s+(und|oder|sowie|and|or)\s)/u;
/** "Gibt es 2028 eine neue Runde?": a round the texts would have to announce. */
const NEXT_ROUND = /\b(neue|nächste|weitere|kommende)\w* (runde|ausschreibung|förderrunde|aufruf|durchgang|ausschreibungsrunde)|\b(next|new|another|future) (round|call)\b/i;
const NEXT_ROUND_SAID = /\b(neue|nächste|weitere|erneute|kommende|zweite|dritte)\w* (runde|ausschreibung|förderrunde|aufruf|durchgang|ausschreibungsrunde)|\b(erneut|wieder|nochmals) ausgeschrieben|\b(next|new|second|third) (round|call)\b|\bstichtage\b|\bnächste[nr]? stichtag|\bcut-?off dates\b|\b(weitere|spätere)[nr]? (termin|stichtag)/i;
/** "Dürfen wir das Geld für … verwenden?", "Can we use the money to …?": whether something may be paid from the grant. */
const USE_OF_MONEY = /\bmit (dem|diesem) geld\b|\bmit (den |diesen )?(fördermitteln|mitteln|geldern)\b|\baus (den |dem )?[\p{L}-]*(mitteln|geldern|zuschuss)\b|\b(fördert|anschaffen|beschaffen|kaufen|zahlen)\b|\b(verwenden|einsetzen|nutzen|bezahlen|bezahlt|finanzieren|finanziert|abrechnen|gefördert|förderfähig|zuwendungsfähig)\b|\b(use|spend)\b.{0,40}\b(money|grant|funding|funds)\b|\b(money|grant|funding|funds)\b.{0,30}\b(be )?(used|spent)\b|\b(pay for|be funded|fundable|eligible (cost|expense)s?)\b/iu;
/** Whether the question sentence asks if a thing (not the asker) is funded. */
function asksIfThingFunded(question: string): boolean {
  const asked = questionSentence(question);
  return THING_FUNDABLE.test(asked) && !APPLICANT_SUBJECT.test(asked.toLowerCase());
}
/** Stems of funding itself ("gefördert", "Zuschuss"): what a question asks to be funded is something else. */
const FUNDING_WORD = /^(gefordert|forder|zuschuss|finanzier|bezahl|zuwend|geld|kost|mittel|betrag|ausgab|erstatt|ubernomm|ubernehm)/;
/** A question sentence that refers to something said before it ("Zahlt Ortswerk das?", "Geht sowas?"). */
const REFERS_BACK = /\b(das|dies|dieses|sowas|so etwas|den|ihn|es)\b/i;
/** "einen Kleinbus anschaffen", "neue Stühle kaufen": the thing a sentence says is to be bought or paid for. */
function boughtThing(text: string): string | undefined {
  return text.match(/\b(?:einen?|eine[nm]?|neue[nrs]?|ein paar|unsere[nrs]?)\s+(\p{Lu}\p{L}{3,})\s+(?:für\s+(?:ca\.\s+|rund\s+|etwa\s+)?[\d.,]+\s*(?:€|euro)\s+)?(?:anschaffen|kaufen|beschaffen|finanzieren|bezahlen|abrechnen|mieten|leasen|anmieten)\b/iu)?.[1];
}
/** Stems of who pays and of time spans, which name no thing to be funded. */
const PAYER_OR_TIME = /^(land|bund|kreis|landkreis|stiftung|fond|programm|jahr|monat|woch|erst|zweit|nachst|ganz)$/;
/** Rules a question may ask about that only a sentence stating them answers. */
const RULES_ASKED: { asked: RegExp; said: RegExp }[] = [
  // A deadline on a weekend or holiday.
  {
    asked: /\b(sonntag|samstag|sonnabend|wochenende|feiertag|sunday|saturday|weekend|(public|bank) holiday)\p{L}*\b.{0,120}\b(verschieb|verschoben|verlänger|gilt|zählt|nächste|folgende|montag|werktag|move|moved|extend|next|monday|working day|business day)|\b(verschieb|verschoben|verlänger|gilt|zählt|move|moved|extend)\p{L}*\b.{0,120}\b(sonntag|samstag|sonnabend|wochenende|feiertag|sunday|saturday|weekend|holiday)/iu,
    said: /\b(sonntag|samstag|sonnabend|wochenende|feiertag|werktag|sunday|saturday|weekend|holiday|working day|business day)/i,
  },
  // When and how the money is paid out.
  {
    asked: /\b(ausgezahlt|auszahl\p{L}*|zahlt\b.{0,60}\baus\b|überwiesen|abgerufen|mittelabruf|paid out|pay(s)? out|disburse\p{L}*|payment of the (grant|funds|money))/iu,
    said: /\b(ausgezahlt|auszahl\p{L}*|überwiesen|überweis\p{L}*|abgerufen|abruf\p{L}*|vorschuss|abschlag\p{L}*|erstattet|paid|payment|disburse\p{L}*|instal?ments?|transferred)\b/iu,
  },
];

/** A joint application asked about: its amounts may differ from a single one's. */
const JOINT_ASKED = /\bgemeinsam|\bverbund|\bzusammen mit|\bpartnergemeinde|\bjoint|\btogether with\b/i;

/** Whether there is a deadline at all: "Gibt es eine Abgabefrist?", "eine feste Frist?", "Is there a fixed deadline?". */
const FIXED_DEADLINE_ASKED = /\bgibt es\b.{0,80}(frist|stichtag|termin|deadline)|\bfeste[rn]? (frist|termin|stichtag|antragsfrist|abgabefrist)|\bis there (a|any) (fixed )?(deadline|closing date|cut-?off)|\bfixed (deadline|closing date|date)\b/i;

/** An association asking: "unser Verein", "ein e. V.", "our association", "our club". */
const ASSOCIATION_ASKS = /\b(unser|unsere[mnr]?|ein|eine|our|a)\s+(\p{L}+\s+){0,2}?(\p{L}*verein|e\.\s?v\.|association|club)(?!\p{L})/iu;

/** An asker without a legal form: "ohne Verein", "kein e. V.", "nicht eingetragen", "lose Initiative". */
const NO_LEGAL_FORM_ASKER = /\b(ohne|kein(en)?)\s+(eigenen\s+|eingetragenen\s+)?(verein|e\.\s?v\.|rechtsform)|\bnicht eingetragen|\blose[rn]?\s+(initiative|gruppe|zusammenschluss)|\bwithout (a |being a )?(registered )?(association|legal form)/i;
/** A text on groups without a legal form: "Initiativen ohne eigene Rechtsform", "nicht rechtsfähige Vereinigungen". */
const NO_LEGAL_FORM_SAID = /ohne (eigene |eigenständige )?rechtsform|nicht rechtsfähig|nicht eingetragen|informelle (gruppen|initiativen)|without (a )?legal (form|personality)/i;

/** Kinds of question a call answers by its structure, whatever words the asker uses. */
const STRUCTURAL_INTENTS = new Set<Intent>(['deadline', 'contact', 'signature', 'anonymity', 'process', 'changes', 'money', 'ownFunds']);
const SIGNATURE_WORD = /unterschr|unterzeichn|signat|\bsign/i;
/** Papers handed in after the deadline: "nachreichen", "Unterlagen", "Beschluss". */
const PAPERS_LATER = /nachreich|nachgereicht|unterlage|beschluss/i;

/** The last of several cut-off dates asked for: "die allerletzte Gelegenheit", "der letzte Stichtag", "the final cut-off". */
const LAST_CHANCE_ASKED = /(aller)?letzte[nr]? (gelegenheit|chance|stichtag|termin|möglichkeit)|\bwie lange\b.{0,60}\bnoch\b|\b(last|final) (chance|cut-?off|deadline|date|opportunity)\b|\bhow long\b.{0,60}\bstill\b/i;

/** Making a project run longer: "verlängert", "Verlängerung", "extended", "extension". */
const EXTENSION_ASKED = /\bverläng\p{L}*|\bextend\p{L}*|\bextension\b|\bprolong\p{L}*/iu;

/** "Gibt es eine Mindestfördersumme?", "eine Untergrenze für die Antragssumme?", "What is the minimum grant?" */
const MIN_GRANT_ASKED = /\bmindest(förder|zuwendungs|antrags)?(summe|betrag|höhe|zuwendung|förderung)|\buntergrenze\b|\bbagatellgrenze\b|\b(minimum|smallest|lowest) (grant|amount|funding|sum)\b|\bmindestens beantragen\b|\bmindest(projekt)?(volumen|kosten|ausgaben|budget)|\bminimum (project )?(budget|costs?|size|volume)\b|\b(mindestens|wenigstens) kosten\b|\bmindestens\b.{0,20}\b(umfang|volumen|budget)\b/i;
/** Asking how big a project must at least be, not how small a grant may be. */
const MIN_COST_ASKED = /\bmindest(projekt)?(volumen|kosten|ausgaben|budget)|\bminimum (project )?(budget|costs?|size|volume)\b|\b(mindestens|wenigstens) kosten\b|\bmindestens\b.{0,20}\b(umfang|volumen|budget)\b|\b(project|vorhaben|projekt)\b.{0,30}\b(mindestens|at least)\b/i;
/** A lower limit asked of something else than the grant: inhabitants, own funds, partners. */
const NOT_GRANT_MINIMUM = /einwohner|inhabitant|population|eigenanteil|eigenmittel|eigenbeitrag|own (share|contribution|funds)|partner|teilnehm|laufzeit|dauer/i;
/** "Eine Mindestfördersumme gibt es nicht", "keine Untergrenze", "there is no minimum". */
const NO_MINIMUM_SAID = /\bkeine?n?\s+(mindest\p{L}*|untergrenze|bagatellgrenze)|\b(mindest(förder)?(summe|betrag)|untergrenze|bagatellgrenze)\p{L}*\s+(gibt es|besteht|existiert)\s+nicht\b|\bno minimum\b/iu;

/** The price of a thing the question tells: "einen Rasentraktor für 2.500 Euro netto". */
function priceTold(question: string): number | undefined {
  const m = question.match(/(?<![\d.,])(\d{1,3}(?:[.\s]\d{3})+|\d+)\s*(euro|€|eur)\b/i);
  return m ? (parseQuantity(m[1]) ?? undefined) : undefined;
}

/** "Sind Smartphones … förderfähig?", "Is a trailer also eligible?": a yes/no question whether something is funded. */
const THING_FUNDABLE = /^\s*(sind|ist|werden|wird|wären|wäre|is|are|would|will)\b.{0,100}\b(förderfähig|zuwendungsfähig|gefördert|finanziert|eligible|fundable|funded|covered)\b|^\s*(übernimmt|übernehmen|bezahlt|zahlt|finanziert|fördert|erstattet|bezuschusst)\s+(das land|der bund|die stiftung|der fonds|der landkreis|der kreis|das programm|das ministerium|man|ihr|sie)\b.{0,40}\b(auch|etwa|zum beispiel|z\. ?b\.)\s/i;
/** A sentence saying the call pays for something. */
const FUNDED_SAID = /(?<![a-zäöüß])(übernimmt|übernehmen|gefördert werden|gefördert wird|förderfähig sind|förderfähig ist|zuwendungsfähig sind|finanziert|erstattet|bezuschusst)\b|(?<!nicht\s)(?<![a-zäöüß])(förderfähige|zuwendungsfähige) (ausgaben|kosten)\s*:|\b(werden|wird)\s+([\p{L}-]+\s+){0,6}gefördert(?!\p{L})/iu;
/** A sentence that excludes something from funding. */
const NOT_FUNDED = /^nicht\s+(gefördert|finanziert)\s+(werden|wird)\b|\b(fördern|fördert|finanziert|finanzieren|bezahlt|bezahlen|übernimmt|übernehmen)\s+(wir|sie|es|dieses programm|das programm|die stiftung|der fonds|das land)\s+nicht\b|\b(werden|wird|sind|ist)\s+nicht\s+(gefördert|förderfähig|zuwendungsfähig|finanziert|übernommen|erstattet)\b|\bnicht\s+(förderfähig|zuwendungsfähig)\s+(sind|ist)\b|\bnicht\s+(förderfähig|zuwendungsfähig)\s*:|\bvon der förderung ausgeschlossen\b/i;
/**
 * The deadline among a sentence's dates: "Veröffentlicht am 1. Oktober 2026 · Bewerbungsschluss: 1. Dezember 2026"
 * gives the one after the deadline word, not the first.
 */
function deadlineDateIn(quote: string, now?: Date): ReturnType<typeof findDates>[number] | undefined {
  const dates = findDates(quote);
  if (dates.length < 2) return dates[0];
  // "Cut-off dates: 12 November 2026 and 11 March 2027", "Stichtage: …": rounds; the next one counts, or the last when all are past.
  if (now && ROUNDS.test(quote)) {
    const today = now.toISOString().slice(0, 10);
    const full = dates.filter((d) => d.date);
    if (full.length >= 2) return full.find((d) => d.date! >= today) ?? full.at(-1);
  }
  // "Deadline Round 1: 1 February 2027, … projects starting between 1 May and …": the date right after the round's label.
  const attached = dates.find((d) => /(schluss|frist|bis|spätestens|deadline|closing date|\bby)\W{0,3}(zum|zur|am|einschließlich)?\s*(\p{L}+,?\s+(der\s+|den\s+)?)?$|(deadline|frist|stichtag|closing date)\s+(round|runde|phase|stufe|stage)\s*\d+\s*[:–-]?\s*$/iu.test(quote.slice(Math.max(0, d.index - 40), d.index)));
  // A table row read as one line ("Gruppe A … 29. Januar 2027 14. Mai 2027 Gruppe B … 26. Februar 2027 …"): which date is whose
  // is not for a sentence to say; the quote is shown as it is.
  if (!attached && new Set(dates.map((d) => d.date ?? d.dayMonth)).size >= 3) return undefined;
  return attached ?? dates[0];
}

/** Deadlines in rounds: "Cut-off dates: …", "Stichtage: …", "Einreichungsfristen: …". */
const ROUNDS = /cut-?off dates|stichtage|einreichungsfristen|einreichungstermine|antragsfristen|bewerbungsfristen|in rounds|in runden|deadlines:/i;
/** A question for a population limit ("Ab wie vielen Einwohnern …?"). */
/** "Gibt es für uns eine Einwohnergrenze?": whether a rule exists for the asker's kind, not a verdict on their size. */
const LIMIT_FOR_US = /\b(gibt es|gilt|gelten|is there|does .{0,20} apply)\b.{0,40}\b(einwohnergrenze|einwohnerobergrenze|obergrenze\b.{0,30}\beinwohner|größengrenze|mindestgröße|mindesteinwohnerzahl|population (limit|cap|threshold))/i;
/** A call saying it sets no limit on size: "Eine Einwohnergrenze gilt nicht.", "unabhängig von ihrer Größe". */
const NO_SIZE_LIMIT = /\b(einwohnergrenze|größengrenze|mindestgröße|mindesteinwohnerzahl|größenbeschränkung)\w*\s+(gilt|gibt es|besteht|existiert)\s+nicht\b|\bkeine\s+(einwohnergrenze|größengrenze|mindestgröße|mindesteinwohnerzahl|größenbeschränkung|beschränkung der einwohnerzahl)\b|\bunabhängig von (der|ihrer|deren) (einwohnerzahl|größe)\b|\bno (population|size) (limit|threshold|minimum)\b|\bregardless of (their )?(size|population)\b/i;
const ASKS_SIZE_LIMIT = /\bab wie viele?n? einwohner|wie viele einwohner\w* (muss|müssen|braucht|brauchen|darf|dürfen)|\b(mindest|höchst)einwohner|einwohnergrenze|mindestgröße|\bhow many (inhabitants|residents)\b.{0,40}\b(need|must|required|allowed)|population (limit|threshold|minimum)|minimum (size|population)/i;
const PRESS_CONTACT = /\bpresse\w*|pressesprecher\w*|medienanfragen|media (contact|enquiries|inquiries)|\bpress (office|contact|officer)/i;
const TECH_CONTACT = /technische\w* (fragen|probleme\w*)|it-service|servicedesk|service-desk|portal-support|support@|technical (questions|problems|support)|help ?desk/i;
const TECH_ASKED = /technisch|portal|registrier|passwort|login|anmeldung im|hochlad|upload|organisationskonto|technical|log in|password|account/i;
const PRESS_ASKED = /\bpresse(stelle|sprecher\w*|kontakt\w*|anfrage\w*|referat|abteilung|büro)\b|\bmedienanfrage\w*|journalist\w*|\bpress (office|contact|officer|enquir\w*|inquir\w*|team)\b|\bmedia (contact|enquir\w*|inquir\w*|relations)\b|\b(für|als) (die )?presse\b|\bfor (the )?press\b/i;
const REPORT_ASKED = /\b(final report|interim report|report|reports|reporting)\b|\w*bericht\b|\w*berichte\b|verwendungsnachweis/i;
const WHEN_START = String.raw`^\s*((und|aber|also|ok|okay|and|so)\s*,?\s+)?(wann?|ab wann|bis wann|when|until when|by when|in welche[mn] (zeitraum|monat|jahr|quartal)|welche[rn]? zeitraum|an welche[mn] (tag|tagen|datum)|on which (dates?|days?)|which (dates?|days?)|what dates?)\b`;
/** A question for a time. */
const WHEN = new RegExp(WHEN_START, 'i');
/** A question for the hour of a deadline ("Bis zu welcher Uhrzeit …?"). */
/** "… am 2. Juli einreichen?", "Können wir Mitte Juli nachreichen?": a question about sending on a day it names. */
const SUBMIT_ON = /\b(einreich\w*|eingereicht|nachreich\w*|abgeb\w*|abgegeben|abschick\w*|abgeschickt|schicken|geschickt|einsenden|versandt|hochladen|hochgeladen|bewerben|anmelden|submit|submitted|apply|send|sent|hand in|upload|uploaded)\b/i;
const NAMES_DEADLINE = /frist|deadline|stichtag|schluss\b|closing date/i;
const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, january: 1, februar: 2, february: 2, märz: 3, maerz: 3, march: 3, april: 4, mai: 5, may: 5, juni: 6, june: 6, juli: 7, july: 7,
  august: 8, september: 9, oktober: 10, october: 10, november: 11, dezember: 12, december: 12,
};

/**
 * Only the size is unknown, and the kind asked about fits: the call's size limit for that kind, to answer "yes, within it".
 */
function onlyPopulationMissing(program: Program, verdict: Verdict, profile: ApplicantProfile): Extract<Program['rules'][number], { type: 'population' }> | undefined {
  if (verdict.status !== 'unclear' || verdict.missing.length !== 1 || verdict.missing[0] !== 'population' || !profile.entityType) return undefined;
  if (!verdict.reasons.some((r) => r.status === 'ok') || !verdict.reasons.every((r) => r.status === 'ok' || r.status === 'info')) return undefined;
  const type = profile.entityType;
  // A town not said to be in a district or not is either kind.
  const kinds: string[] = type === 'stadt' ? ['kreisfreie_stadt', 'kreisangehoerige_stadt'] : [type];
  const limits = program.rules.filter((r): r is Extract<Program['rules'][number], { type: 'population' }> => r.type === 'population' && (r.min !== undefined || r.max !== undefined) && (!r.appliesTo || r.appliesTo.some((a) => kinds.includes(a))));
  return limits.length === 1 ? limits[0] : undefined;
}

/** What a call gives: money in amounts or shares, advice, coaching, events. */
const SUPPORT_SAID = /\d[\d.,]*\s*(euro|€|%|prozent|percent)|beratung|begleitung|coaching|workshop|schulung|qualifizierung|vernetzung|unterstütz|zuschuss|zuwendung|förderung (von|in höhe)|advice|support|grant of/i;

/** A worked example of the grant ("Beispiel: förderfähige Ausgaben 120.000 € → Zuschuss 108.000 €"), which is no rule of it. */
const WORKED_EXAMPLE = /^\W*(rechen)?beispiel\b|beispielrechnung|^\W*(example|worked example)\b/i;

/** "Was wird nicht gefördert?", "Welche Kosten sind nicht förderfähig?", "What can't we claim?": the list of what is not funded. */
const WHAT_NOT_FUNDED_ASKED = /\bwas\s+(wird|werden|ist|sind)\b[^,?]{0,40}\bnicht\s+(gefördert|förderfähig|zuwendungsfähig|finanziert|bezahlt)|\bwelche\s+(kosten|ausgaben)\b[^,?]{0,40}\bnicht\s+(gefördert|förderfähig|zuwendungsfähig|finanziert|abrechenbar)|\bwhat\b(?!\s+if\b)[^,?]{0,40}\bnot\s+(funded|eligible|covered|fundable)|\bwhat\b(?!\s+if\b)[^,?]{0,40}\b(can't|cannot|can not)\s+(we\s+)?(claim|fund|pay for|spend)|\b(ineligible|non-eligible|not eligible)\s+(costs|expenses)\b/i;

/** The passed deadline of the texts in the period the asker says they missed ("Ende September"), if there is one. */
function missedDeadline(kb: KnowledgeBase, docIds: ReadonlySet<string>, text: string, today: string): { docId: string; quote: string; date: string } | undefined {
  const period = proposedPeriod(text, today);
  if (!period) return undefined;
  for (const x of deadlineSentences(kb, docIds)) {
    const date = x.dates.find((d) => d.date !== undefined && d.date < today && d.date >= period.from && d.date <= period.to)?.date;
    if (date) return { docId: x.docId, quote: x.quote, date };
  }
  return undefined;
}

/** The day, or the days of a month ("Mitte Juli 2027", "end of July 2027"), a question names, as ISO dates. */
function proposedPeriod(question: string, today: string): { from: string; to: string } | undefined {
  const found = findDates(question);
  const day = found.find((d) => d.date !== undefined)?.date;
  if (day) return { from: day, to: day };
  // Without a year ("am 31. März", "Ende Oktober"): that day in the year that puts it nearest to today.
  const nextYear = (monthDay: string) => {
    const y = Number(today.slice(0, 4));
    const distance = (year: number) => Math.abs(Date.parse(`${year}-${monthDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`));
    return [y - 1, y, y + 1].reduce((best, year) => (distance(year) < distance(best) ? year : best), y);
  };
  const dayMonth = found.find((d) => d.dayMonth !== undefined)?.dayMonth;
  if (dayMonth) {
    const iso = `${nextYear(dayMonth)}-${dayMonth}`;
    return { from: iso, to: iso };
  }
  const m = question.toLowerCase().match(/\b(anfang|mitte|ende|early|mid|late|end of|beginning of)?\s*-?\s*(januar|jänner|january|februar|february|märz|maerz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember|december)(?:\s+(\d{4}))?\b/);
  if (!m) return undefined;
  const month = MONTHS[m[2]];
  const part = m[1] ?? '';
  const lastOf = (y: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const [a, bOf] = /anfang|early|beginning/.test(part) ? [1, () => 10] : /mitte|mid/.test(part) ? [11, () => 20] : /ende|late|end/.test(part) ? [21, lastOf] : [1, lastOf];
  const mm = String(month).padStart(2, '0');
  const year = m[3] ? Number(m[3]) : nextYear(`${mm}-${String(bOf(2001)).padStart(2, '0')}`);
  const iso = (d: number) => `${year}-${mm}-${String(d).padStart(2, '0')}`;
  return { from: iso(a), to: iso(bOf(year)) };
}

/** Today as the deadline status knows it (the deadline minus the days left, or plus the days since). */
function todayOf(status: Exclude<DeadlineStatus, { kind: 'noYear' }>): string {
  const offset = status.kind === 'open' ? -status.daysLeft : status.kind === 'closed' ? status.daysAgo : 0;
  return new Date(Date.parse(`${status.date}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

const ASKS_HOUR = /uhrzeit|wie ?viel uhr|um wie ?viel|what time|which time|\bhour\b/i;


/** A passage with the heading that names its stage, for checking what it speaks of. */
function withHeading(p: { quote: string; section?: string }): string {
  return p.section ? `${p.section} ${p.quote}` : p.quote;
}

/** Anonymous taking part refused in so many words. */
const NO_ANONYMITY_SAID = /\b(ein\s+)?verzicht\s+auf\s+(die\s+|diese\s+|eine\s+)?(veröffentlichung|nennung|namensnennung)\s+ist\s+(\p{L}+\s+)?(nicht\s+möglich|ausgeschlossen)|\bauf\s+(die\s+|diese\s+)?(veröffentlichung|nennung)\s+kann\s+nicht\s+verzichtet\s+werden|\b(opting out of|waiving) (the )?publication is not possible|\banonyme\s+(teilnahme|förderung|bewerbung|antragstellung|beteiligung)\s+ist\s+(daher\s+|deshalb\s+|leider\s+)?(nicht\s+möglich|ausgeschlossen)|\banonyme\s+(anträge|bewerbungen|beiträge|teilnahmen)\s+sind\s+(daher\s+|deshalb\s+|leider\s+)?(nicht\s+(möglich|zulässig|vorgesehen)|ausgeschlossen)|\b(teilnahme|förderung|bewerbung|beteiligung)\s+ohne\s+(\p{L}+\s+){0,4}?(nennung|veröffentlichung)\b.{0,60}\b(ist|wäre)\s+(daher\s+|leider\s+)?(nicht\s+(möglich|vorgesehen|zulässig)|ausgeschlossen)|\banonymous\s+(participation|funding|application)\s+is\s+(therefore\s+|thus\s+)?(not\s+possible|excluded)|\banonyme\s+(teilnahme|förderung|bewerbung|antragstellung|beteiligung)(\s+oder\s+\p{L}+)?\s*(→|:|–)\s*(nicht\s+möglich|ausgeschlossen|nein)\b|\banonymous\s+(applications|entries|submissions|proposals)\s+are\s+(therefore\s+|thus\s+)?(not\s+(possible|permitted|accepted)|excluded)/iu;

/** Whether it is too late now: the deadline's status. */
/** "Fördert das Land sowas?", "Wird das gefördert?", "bekommen wir dafür Geld?", "can this be funded?". */
const FUNDED_AT_ALL = /\b(fördert|fördern|gefördert|förderfähig|bezuschusst|finanziert)\b|\b(bekommen|kriegen|erhalten|gibt es)\b.{0,25}\b(geld|zuschuss|förderung|mittel)\b|\b(fund|funds|funded|fundable|eligible for funding)\b/i;

/** Applications that were not funded: "Abgelehnte Anträge", "nicht ausgewählte Kommunen", "unsuccessful applicants". */
const ONLY_THE_UNSUCCESSFUL = /\b(abgelehnte\w*|nicht (ausgewählte|berücksichtigte|bewilligte|geförderte|erfolgreiche)\w*|erfolglose\w*|rejected|unsuccessful|not selected|not funded)\b/i;

/** A sentence that sets the application's own deadline beside the signed paper ("Anträge sind bis … einzureichen; das Original folgt …"). */
function isApplicationDeadlineOnly(sentence: string): boolean {
  return /\b(anträge|bewerbungen|applications)\b.{0,60}\b(bis|by)\b/i.test(sentence);
}

/**
 * Asking who signs, or whether someone else may: "Wer muss unterschreiben?", "Reicht die Sachbearbeiterin?", "… or can somebody else sign it?".
 * "Muss unser Bürgermeister die Skizze unterschreiben?" asks whether it is signed at all.
 */
const WHO_SIGNS = /\bwer\b[^?]{0,60}\b(unterschreib\w*|unterzeichn\w*|unterschrift)|\bwho\b[^?]{0,40}\bsign|\b(somebody|someone|anyone) else\b[^?]{0,20}\bsign|\b(jemand anderes?|ein(e|en)? andere[rn]?)\b[^?]{0,40}\b(unterschreib|unterzeichn)|\b(sachbearbeiter\w*|fachbereichsleiter\w*|kämmerer|kämmerin|amtsleiter\w*|stellvertret\w*|deputy)\b/i;
/** A sentence naming who signs: "von der Bürgermeisterin … oder einer bevollmächtigten Person", "signed by the mayor or an authorised person". */
const SIGNER_SAID = /\b(bürgermeister\w*|oberbürgermeister\w*|landr(at|ätin)|hauptverwaltungsbeamt\w*|verwaltungsspitze|vertretungsberechtigt\w*|bevollmächtigt\w*|zur vertretung|gesetzlich\w* vertret\w*|mayor|authori[sz]ed|legal representative)\b/i;

/** Kinds of FAQ entry that answer only their own matter. */
const NARROW_ENTRY_KINDS = new Set<Intent>(['signature', 'anonymity', 'deadline', 'contact', 'changes']);

/**
 * "Wie lang darf die Skizze sein?" – "Muss die Projektskizze unterschrieben werden? Nein.": an FAQ entry on a narrow matter (a signature,
 * a date, a contact) that the question does not ask about answers nothing asked. One on who may apply or on money may answer a broad question.
 */
function entryOnOtherMatter(quote: string, question: string): boolean {
  const entry = quote.match(FAQ_YES_NO);
  if (!entry) return false;
  const kind = classifyIntent(entry[1]).intent;
  return NARROW_ENTRY_KINDS.has(kind) && !classifyIntent(question).all.includes(kind);
}

/** Words for a text and for what it says: "paper", "study", "call", "name", "mention". */
const DOCUMENT_WORDS = /^(paper|papers|study|studies|report|document|documents|text|texts|call|calls|guideline|guidelines|programme|program|scheme|name|names|say|says|said|mention|mentions|mentioned|list|lists|state|states|stated|describe|describes)$/;

/** Asking for the results of a round: how many or which were funded. */
const PAST_RESULTS_ASKED = /\b(how many|which|wie viele|welche)\b.{0,80}\b(got|received|were (funded|selected|awarded|granted|chosen)|have been (funded|selected|awarded)|did\b.{0,50}\b(fund|select|support|award)|wurden|bekamen|erhielten|haben\b.{0,40}\b(bekommen|erhalten))\b/i;
/** A sentence telling past results: "2026 wurden 14 Gemeinden gefördert", "bisher erhielten …". */
const PAST_RESULTS_SAID = /\bwurden\b.{0,80}\b(gefördert|ausgewählt|bewilligt|ausgezeichnet|unterstützt|vergeben)|\b(erhielten|bekamen)\b|\bhaben\b.{0,60}\b(erhalten|bekommen)\b|\b(bisher|bislang)\b|\b(were|have been) (funded|selected|awarded|granted)\b/i;

/** "Läuft die Antragsphase noch?", "is it currently taking applications?": whether applying is possible now. */
const STILL_OPEN_ASKED = /\b(noch|derzeit|aktuell|gerade|momentan|zurzeit|jetzt)\b.{0,40}\b(offen|möglich|läuft|laufen|bewerben|beantragen|einreichen|stellen|Anträge|Antrag)\b|\b(läuft|laufen|geht|gehen)\b.{0,30}\bnoch\b|\b(still|currently|now|at the moment)\b.{0,40}\b(open|possible|apply|submit|taking|accepting|accept)\b|\b(taking|accepting) applications\b/i;

const ASKS_IF_TOO_LATE = /\b(is it|are we|ist es|sind wir|wären wir|would we be)\b.{0,25}\b(too late|zu spät)\b|\b(already|schon|jetzt|now) (too late|zu spät)\b/i;

/** A sentence on handing something in after the deadline. */
const HANDED_IN_LATER = new RegExp(`${LATER_HANDED_IN.source}|submitted later|later submission`, 'i');
/** A question about arriving late. */
const LATE = /zu spät|verspät|nicht (rechtzeitig )?fertig|nicht rechtzeitig|not (be )?ready in time|nach (dem|der) (stichtag|frist|fristende|einsendeschluss|bewerbungsschluss|antragsfrist)|nach ablauf der frist|after the deadline|too late|\blate\b/i;
/** A question for when things start ("Ab wann laufen die Projekte?", "Wann geht es los?"). */
const START_QUESTION = /\bab wann\b|wann (beginn|start|fang|geht .{0,30}los|laufen)|when (do|does|will) .{0,40}(start|begin)/i;
/** Stems that only say "time" ("Termin", "Datum"): no topic of a when-question. */
const TIME_WORD = /^(frist|termin|datum|zeit|tag|monat|jahr|woch|end|lauf|lauft)/;
/** Stems of taking part in a call: a when-question with only these asks for the deadline. */
const TAKING_PART = /^(mitmach|teilnehm|teilnahm|bewerb|beantrag|antrag|einreich|anmeld|registrier|mitwirk|beteilig|interess|meld|abgeb|schick|send|einsend|dabei|apply|submit|register)/;
/** A question for the time of something other than the application ("Wann entscheidet die Jury?"). */
const EVENT_WORDS = String.raw`\b(jury|auswahl|ausgewählt|entscheid\w*|entschieden|erfahren|wei(?=ß)|weiss|wissen|bewillig\w*|bescheid|zusage|ergebnis\w*|info-?veranstaltung|informationsveranstaltung|veranstaltung|webinar|sprechstunde|beginn\w*|beginnt|startet|start|auftakt\w*|workshop|treffen|netzwerktreffen|laufzeit|projektende|abgeschlossen|fertig|fertiggestellt|umgesetzt|verwendungsnachweis|decide|decision|selected|selection|start|begin|event|webinar|consultation|office hours?|session|information hour|info hour|infostunde|meeting(?![\s-]*(place|places|space|spaces|point|points|room|rooms))|workshop|conference|sprechstunde|fachtag|konferenz|completed|finished|report|reports|reporting|\w*bericht\w*|nachweis\w*|abrechnung|auszahl\w*|ausgezahlt|überwies\w*|überweis\w*|paid|pay|pays|payout|payments?|disburs\w*|geliefert|lieferung|delivered|delivery|buy|bought|purchas\w*|spend|spent|installed|install|built|build)(e?n|s)?\b`;
/** Something other than applying that a "when" question may ask about. */
const OTHER_EVENT = new RegExp(String.raw`${WHEN_START}.*${EVENT_WORDS}`, 'i');
const NAMES_EVENT = new RegExp(EVENT_WORDS, 'i');
const APPLICATION_WORDS = /frist|bewerb|antrag\b|antrags|interessens?bekund|einreich|eingereicht|einsend|eingesandt|abgeb|abgegeben|skizze|anmeld|(?<![a-zäöü])melden\b|anträge|deadline|apply|application|submi|schluss/i;

const SUBMIT = /\b(schick|send|einreich|eingereicht|abgeb|übermittel|hochlad|einsend)\w*/i;
/**
 * Whether a sentence gives a number of the things counted ("rund 20 Kommunen"), not a threshold of
 * them ("Anträge von mindestens drei Kommunen"), which answers another question.
 */
function countsThing(quote: string, word: string, question: string): boolean {
  // "Wie viele Kommunen …?" is answered by "zwölf Städte und Gemeinden" too.
  const m = countedPattern(word).exec(quote);
  if (!m) return false;
  // "Wie viele Gemeinden will die Stiftung fördern?" is not answered by "Bis zu drei Gemeinden können sich gemeinsam bewerben".
  const sentence = splitSentences(quote).find((x) => countedPattern(word).test(x)) ?? quote;
  if (SELECTING.test(question) && !SELECTING.test(sentence) && /bewerb|antrag|anträge|gemeinsam/i.test(sentence)) return false;
  // "Wie viele Seiten darf die Skizze haben?" asks for the limit itself.
  return ASKS_LIMIT.test(question) || !THRESHOLD_BEFORE.test(quote.slice(0, m.index));
}
/** Being chosen or funded, as a count is asked of it ("Wie viele … werden gefördert?"). */
const SELECTING = /(?<![a-zäöüß])(fördern|fördert|gefördert)(?![a-zäöüß])|ausgewählt|auswählen|ausgesucht|begleitet|aufgenommen|unterstützt|funded|selected|chosen/i;
const ASKS_LIMIT = /\b(darf|dürfen|maximal|höchstens|mindestens|muss|müssen|max|min)\b/i;
const THRESHOLD_BEFORE = /(mindestens|wenigstens|höchstens|maximal|\bab|unter|über|weniger als|mehr als)\s+$/i;

/** Sentences that say yes or no outright about a signature or an own contribution. */
const NO_SIGNATURE = /unterschrift\b[^.;]{0,60}\bnicht\s+(erforderlich|nötig|notwendig)|(muss|müssen|braucht|brauchen)\s+nicht\s+(\w+\s+){0,2}(unterschrieben|unterzeichnet)|nicht\s+unterschrieben\s+werden|(keine|nicht)\s+(formale\s+)?unterschrift\s+(ist\s+)?(nötig|erforderlich|notwendig)|unterschrift\s+ist\s+([^.;,]{0,30}\s)?nicht\s+(nötig|erforderlich|notwendig)|ohne unterschrift|formlose? (e-?mail|bewerbung|interessenbekundung)|unterschrift\s+(braucht|brauchen|benötigt|benötigen)\s+(ihr|sie|man|es)\b.{0,60}\bnicht\b|(braucht|brauchen) (ihr|sie|man) keine unterschrift|weder\s+(eine\s+)?unterschrift|keine\s+unterschrift\s+(nötig|erforderlich|notwendig|verlangt|benötigt)|unterschrift\s*:\s*([^.:]{0,40}\s)?(nicht\s+(erforderlich|nötig|notwendig)|nein\b|keine\b|entfällt)/i;
const SIGNATURE = /\b(ist|sind|muss|müssen)\b.{0,360}\b(zu unterzeichnen|zu unterschreiben|zu zeichnen|unterschrieben|unterzeichnet|gezeichnet)\b|(^|→|:|–)\s*(rechtsverbindliche\s+)?unterschrift\s+(der|des|durch)\s+(\p{L}+\s+)?(bürgermeister|oberbürgermeister|landr(at|ätin)|amtsdirektor|hauptverwaltungsbeamt|vertretungsberechtigt|verwaltungsspitze|verwaltungsleitung)(?![^.;]{0,80}(?<!\p{L})(nicht|kein\p{L}*|entfällt|freiwillig)(?!\p{L}))/iu;
const NO_OWN_FUNDS = /\b(kein|keinen)\s+(eigenanteil|eigenbeitrag|eigenbeteiligung)|(eigenanteil|eigenbeitrag|eigenbeteiligung)\s+(ist|wird)\s+nicht|eigenanteil\s+fällt\s+nicht|ohne eigenanteil|(eigenanteil|eigenbeitrag|eigenbeteiligung|eigenmittel)\s+(verlangt|fordert|erwartet|erhebt)\s+(\S+\s+){0,3}nicht\b/i;
/** The whole budget of a call, and amounts that are per project or per applicant. */
const TOTAL = /\binsgesamt\b|gesamt(budget|summe|volumen|mittel|förder)|\b(in total|total|overall)\b/i;
const TOTAL_SAID = /insgesamt|gesamt(budget|summe|volumen|mittel|betrag|fördersumme)|budget|fördervolumen|zur verfügung|bereitgestellt|bereit\b|in total|overall/i;
/** A question for the criteria of selection, and a sentence that gives criteria. */
const SELECTION_CRITERIA = /kriteri\w*\b.{0,60}\b(wählt|wählen|ausgewählt|ausgesucht|auswahl|entscheid\w*|vergeben|bewertet)|(auswahl|bewertungs)kriteri|selection criteria|criteria .{0,30}(select|chosen|choose)/i;
const CRITERIA_SAID = /kriteri|bewertet|bewertung|gewichtet|punkte|maßstab|berücksichtigt werden|ausschlaggebend|vorrangig|bevorzugt|insbesondere/i;
const PER_UNIT = /\b(je|pro)\s+(?!nach\b)\p{L}{3,}/iu;
/** Words of applying itself (form, portal, procedure), which a call's procedure contact answers for. */
const PROCEDURE_WORDS = /formular|portal|verfahren|antragstellung|einreich|hochlad|upload|technisch|login|zugang|easy-online/i;
/** A question whether one may hand in several applications. */
const MULTIPLE_ENTRIES = /(mehrere|zwei|drei|mehr als eine?n?|weitere[nr]?)\s+([\wäöüß]+-)?(beiträge|anträge|bewerbungen|projekte|vorhaben|einreichungen|skizzen|projektskizzen|ideenskizzen|interessenbekundungen)|(trotzdem|zusätzlich|noch)\s+(noch\s+)?(einen\s+)?(eigenen|weiteren|zweiten)\s+antrag/i;
/** A sentence that allows one application each ("Jede Verwaltung darf einen Beitrag einreichen"). */
const ONLY_ONE = /nur (ein|eine|einen) (beitrag|antrag|bewerbung|projektskizze|skizze)\b|jede\w* \w+ (darf|kann) (nur )?(einen|eine|ein) (beitrag|antrag|bewerbung|projektskizze|skizze)\b|(darf|kann) sich nur einmal bewerben|genau (eine|einen) (projektskizze|skizze|antrag|bewerbung)\b|je (gemeinde|verwaltung|kommune|landkreis) (kann|darf|ist) nur|nicht zusätzlich/i;
/** A question about applying together with others. */
const JOINT_QUESTION = new RegExp(String.raw`${MULTIPLE_ENTRIES.source}|gemeinsam|\bzusammen\b.{0,40}\b(bewerb|beantrag|einreich|antrag|teilnehm|mitmach)|\b(zwei|drei|vier|mehrere\w*)\s+(\p{L}+\s+)?(nachbar)?(gemeinden|kommunen|städte|landkreise|kreise|dörfer)|verbund|kooperation|\bjoint(ly)?\b|\btogether\b|team up|join forces|partner (municipalit|towns|communit)|\bsich\b.{0,40}\b(stelle|lotsenstelle|\p{L}*stelle|\p{L}+in|\p{L}+en)\s+teilen\b|\bteilen sich\b|\bshare (a|one|the)\b`, 'iu');
const NO_JOINT = /(gemeinsame|verbund|kooperations)\w*\s+(\w+\s+){0,3}(bewerbungen|anträge|antragstellung|bewerbung)\b.{0,60}\b(nicht (vorgesehen|möglich|zulässig|gestattet)|ausgeschlossen)|(nur|ausschließlich) (einzeln|allein)/i;
const JOINT_OK = /(gemeinsame|verbund)\w*\s+(\w+\s+){0,3}(bewerbungen|anträge|antragstellung|bewerbung)\b.{0,60}\b(möglich|erwünscht|zulässig|willkommen|ausdrücklich)|können (auch )?gemeinsam (beantragt|eingereicht|gestellt)|(können|dürfen) (auch )?(einen )?gemeinsamen antrag|(können|dürfen) sich (auch )?gemeinsam\b.{0,80}\b(bewerben|beteiligen|teilnehmen)|antragsberechtigt sind\b.{0,200}\bzusammenschlüsse von (mindestens )?(zwei|drei|vier|\d+) (gemeinden|kommunen)/i;
const OWN_FUNDS_HOW = /anrechn|abdecken|bestreiten|angerechnet|erbring|einsetzen|verwenden|nutzen|als eigenanteil|spenden|finanzier|\büber (mittel|spenden|dritt)|\bdurch\b|ersetz|\bdecken\b|\bzählen\b|\bgelten\b|count towards|be covered by/i;
/** The funder's share in words or figures; the rest is the applicant's ("drei Viertel …; den Rest trägt die Gemeinde"). */
const FRACTIONS: Record<string, number> = { 'drei viertel': 75, 'die hälfte': 50, 'vier fünftel': 80, 'neun zehntel': 90 };
function restShare(quote: string): number | undefined {
  if (!/\b(den|der|die) (rest|übrigen|restlichen)\b.{0,40}\b(trägt|tragen|zahlt|zahlen|übernimmt|bringt|bringen)\b/i.test(quote)) return undefined;
  const m = quote.match(/(übernimmt|übernehmen|trägt|fördert|erstattet|zahlt)\b.{0,30}?\b(\d{1,2})\s*(prozent|%)|(übernimmt|übernehmen|trägt|zahlt)\b.{0,30}?\b(drei viertel|die hälfte|vier fünftel|neun zehntel)/i);
  if (!m) return undefined;
  const funded = m[2] ? Number(m[2]) : FRACTIONS[m[5].toLowerCase()];
  return funded > 0 && funded < 100 ? 100 - funded : undefined;
}
const OWN_FUNDS = /eigenanteil\s+(von|in höhe von)\s+(mindestens\s+)?(\d+\s*(%|prozent))/i;

/** A question whether one can stay unnamed (as opposed to one whether names are published). */
const ASKS_ANONYMITY = /anonym|\bohne\b|ungenannt|nicht\s+(namentlich\s+)?(genannt|veröffentlicht|öffentlich)|vertraulich|geheim|confidential|without|unnamed/i;
const ASKS_PUBLICATION = /veröffentlich|öffentlich|genannt|bekannt gegeben|publish|publicly|\bpublic\b|\bnamed\b/i;
/** A sentence that makes the participants public (negated forms are sorted out by statesPublished). */
const PUBLISHED = /(?<!\p{L})ohne\s+(\S+\s+){0,2}\p{L}*(nennung|veröffentlichung|aufnahme|erwähnung)(?!\p{L}).{0,60}(?<!\p{L})nicht\s+möglich|anonyme\s+(teilnahme|förderung|bewerbung|antragstellung|beteiligung)\s+(ist\s+)?(daher\s+|deshalb\s+)?(nicht\s+(möglich|vorgesehen)|ausgeschlossen)|anonymous\s+(participation|funding|application)\s+is\s+(therefore\s+|thus\s+)?(not\s+(possible|foreseen|allowed)|excluded)|nicht\s+anonym|\b(werden|wird)\b.{0,140}?\b(veröffentlicht|öffentlich\s+(bekannt\s+gegeben|gemacht)|bekannt\s+geben|bekanntgeben|genannt|vorgestellt)\b|\b(veröffentlicht|veröffentlichen|nennt|nennen)\s+(\S+\s+){0,6}die\s+(namen|liste)\b|\b(veröffentlicht|veröffentlichen|nennt|nennen)\s+(\S+\s+){0,3}alle\s+(geförderten|teilnehmenden|ausgewählten)\b|^\W*(veröffentlichung|nennung)\s+(aller|sämtlicher)\s+(ze|zuwendungsempfänger\p{L}*|geförderten|teilnehmenden|ausgewählten|kommunen|gemeinden|projekte|vorhaben)(?!\p{L})/iu;
const STAYS_UNNAMED = /anonyme\s+teilnahme\s+(ist\s+)?möglich|anonym\s+(teilnehmen|bleiben)|erfolgt\s+anonym|ohne\s+(namens)?nennung|nur\s+in\s+anonymisierter|\b(kein\w*|nicht|nie|niemals)\s+(\w+\s+){0,3}(namentlich\s+)?(genannt|veröffentlicht)|verzicht\w*\b.{0,80}\b(nennung|veröffentlichung)|(nennung|veröffentlichung)\b.{0,40}\bverzicht|von\s+der\s+(veröffentlichung|nennung)\b(?:(?!\bnicht\b).){0,160}\babgesehen/i;
/** Funding only with the place named. */
const NAMING_REQUIRED = /(?<!\p{L})ohne\s+(\S+\s+){0,2}\p{L}*(nennung|veröffentlichung|aufnahme|erwähnung)(?!\p{L}).{0,60}(?<!\p{L})nicht\s+möglich/giu;
/** Anonymity granted when asked for ("Auf Wunsch …", "… kann verzichtet werden"). */
const ON_REQUEST = /auf\s+(\S+\s+){0,3}(wunsch|antrag)\b|(?<!nicht )verzicht|(?<!nicht )abgesehen|wer das nicht möchte/i;
/** A waiver granted only in a case the text names ("…, wenn Tatsachen eine Gefährdung befürchten lassen"). */
const WAIVER_CONDITION = /\b(wenn|sofern|falls|soweit)\b/i;
/** Publication that depends on something ("nur wenn sie zustimmen"). */
const CONDITIONAL = /auf\s+(\S+\s+){0,3}(wunsch|antrag)\b|(?<!nicht )verzicht|(?<!nicht )abgesehen|grundsätzlich|in der regel|standardmäßig|normalerweise|wer das nicht möchte|zustimm|einverständnis|einwillig|sofern|es sei denn|nur,?\s+(dann|mit|wenn|falls|nach)/i;
/** Published only if those named agree: "nur, wenn Sie ausdrücklich schriftlich einwilligen", "nur mit ihrer Zustimmung". */
const ONLY_WITH_CONSENT = /\bnur,?\s+(mit|wenn|nach|sofern|falls)\b.{0,80}\b(einwillig\w*|zustimm\w*|einverständnis\w*|einverstanden)|\b(mit|nach)\s+(ausdrücklicher\s+|vorheriger\s+|schriftlicher\s+)*(einwilligung|zustimmung)\b.{0,40}\b(veröffentlicht|genannt)|\bonly (with|if|after)\b.{0,60}\b(consent|agree)/i;

function statesPublished(quote: string): boolean {
  const m = quote.match(PUBLISHED);
  if (!m) return false;
  if (/^(anonyme|nicht\s+anonym)/i.test(m[0]) || /^ohne\b/i.test(m[0])) return true;
  return !/\b(kein\w*|nicht|nie|ohne)\b/i.test(m[0]);
}

/** "Reicht es, wenn …?", "Genügt eine E-Mail?": whether something suffices, which a plain "must be signed" does not answer. */
const ASKS_SUFFICIENCY = /\b(reicht|reichen|genügt|genügen|ausreichend|langt|enough|suffice|sufficient)\b/i;

/** "Muss … unterschrieben werden? Nein. …": a call's own FAQ entry, quoted with its question, that answers yes or no. */
const FAQ_YES_NO = /^([^?]{8,240}\?)\s+(ja|nein)\b\s*[.,!–-]/i;
const NEGATING = /\b(nicht|kein\w*|ohne|nie)\b/i;
/** Not being chosen, asked and said ("wenn wir nicht ausgewählt werden", "Bei einer nicht erfolgreichen Bewerbung …"). */
const NOT_SELECTED_ASKED = /\b(nicht|kein\w*)\s+(ausgewählt|genommen|angenommen|berücksichtigt|erfolgreich\w*|gefördert|zum zug)\b|\bwählt\s+uns\s+nicht\b|\bnimmt\s+uns\s+nicht\b|\babgelehnt\b|\babsage\b|\bnot\s+(selected|successful|chosen|accepted|funded)\b|\bunsuccessful\b|\brejected\b/i;
const NOT_SELECTED_SAID = /\bnicht\s+erfolgreiche\w*\s+(bewerbung|antrag|interessenbekundung)|\bnicht\s+ausgewählte\w*\b|\b(bewerbung|antrag)\w*\s+(nicht|keinen)\s+(erfolg|berücksichtigt|ausgewählt)|\babsage\w*\b.{0,60}\b(erhalten|bekommen)\b.{0,80}\b(angebot|teilnehm|fortbildung)|\bunsuccessful (applicants|applications)\b/i;

/** Combining the grant with other funding, asked and said. */
/** A sentence on when applying opens again ("… können ab dem 1. Juli 2027 gestellt werden", "Die nächste Runde beginnt …"). */
const REOPENS = /\bab (dem )?\d{1,2}\.\s*(\d{1,2}\.|\p{L}+)\s*\d{4}\b.{0,60}\b(gestellt|eingereicht|beantragt|möglich)|\b(nächste|neue|weitere)[nr]? (runde|antragsrunde|förderrunde|aufruf|ausschreibung)\b.{0,80}\d{4}|\bförderjahr \d{4}\b.{0,80}\bab (dem )?\d/iu;
/** When applying starts, asked: "Ab wann nimmt das Portal Anträge an?", "From when can we apply?". */
const OPENING_ASKED = /(?<!\p{L})ab wann(?!\p{L})|\bfrom (when|what date)\b|\bwhen (does|do|will) .{0,50}\b(open|start|begin)\b|(?<!\p{L})(beginnt|startet|öffnet)(?!\p{L}).{0,50}(?<!\p{L})(antragstellung|bewerbungsphase|antragsphase|einreichung|portal)|(?<!\p{L})wann (beginnt|startet|öffnet)(?!\p{L})|freigeschaltet/iu;
/** A sentence saying from which day applications are taken ("Anträge können ab dem 1. Dezember 2026 gestellt werden"). */
const OPENING_SAID = /\bab (dem )?\d{1,2}\.\s*(\d{1,2}\.|\p{L}+)\s*\d{4}\b.{0,80}\b(gestellt|eingereicht|beantragt|möglich|entgegengenommen|angenommen|freigeschaltet|geöffnet)|\b(freigeschaltet|geöffnet|öffnet)\b.{0,60}\b\d{4}\b|\b(applications?|proposals?) (can|may) be (submitted|made) (from|as of|starting)\b|\bopens? on\b/iu;
/** Today as YYYY-MM-DD, to compare with the dates of a text. */
function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}
/** Getting money at all ("could we get … money", "bekommen wir … Geld"). */
const GETTING_MONEY = /\b(get|receive|bekommen|erhalten|kriegen)\b.{0,40}\b(money|funding|grant|geld|förderung|zuschuss)\b|\b(money|funding|geld|förderung)\b.{0,30}\b(get|receive|bekommen|erhalten|kriegen)\b/i;
/** What a call funds, asked without naming anything ("Was wird gefördert?", "What does X fund?"). */
const WHAT_FUNDED_ASKED = /was (wird|werden) .{0,40}gefördert|was fördert|what (is|gets|will be) funded|what does .{0,40} (fund|pay for|support)\b|what can .{0,30} be funded/i;
/** Going straight to the second stage of a two-stage call, asked; and a sentence that lets only those invited make it. */
const DIRECT_SECOND_STAGE = /\b(gleich|direkt|sofort|unmittelbar|ohne (vorherige |eine )?(projekt)?skizze)\b.{0,40}\b(vollantrag|förmlichen (förder)?antrag)|\bvollantrag\b.{0,40}\b(gleich|direkt|sofort|ohne (projekt)?skizze)\b|\bfull (application|proposal)\b.{0,30}\b(directly|straight away|right away|without)\b|\b(directly|straight)\b.{0,30}\bfull (application|proposal)\b/i;
const INVITED_ONLY = /\b(nur|ausschließlich|lediglich)\b.{0,100}\b(aufgefordert|eingeladen|aufforderung|einladung)\b|\bnur auf (aufforderung|einladung)\b|\bohne (vorherige |schriftliche )?(aufforderung|einladung)\b.{0,60}\bnicht (berücksichtigt|angenommen|bearbeitet|zugelassen)|\bonly\b.{0,60}\binvited\b/i;
/** Starting the work before the approval ("vorzeitiger Maßnahmebeginn"), asked and said. */
/** An FAQ answer that makes an exception to a rule ("Eine Ausnahme gilt für …", "ausnahmsweise"). */
const FAQ_EXCEPTION = /\b(eine )?ausnahme (gilt|besteht|bilden|machen)|\bausnahmsweise\b|\ban exception (is|applies)\b/i;
const EARLY_START_ASKED = /\b(vor|bevor|before)\s+(der|dem|the|receiving the|getting the)?\s*([\wäöüß]+-)?(bewilligung|zusage|bescheid|zuwendungsbescheid|förderzusage|approval|grant decision)\w*\b.{0,40}\b(anfangen|beginnen|starten|loslegen|start|begin)\b|\b(anfangen|beginnen|starten|loslegen|start|begin)\b.{0,60}\b(vor|bevor|before)\s+(der|dem|the|we get the|we receive the)?\s*([\wäöüß]+-)?(bewilligung|zusage|bescheid|zuwendungsbescheid|förderzusage|approval)|vorzeitig\w*\s+(maßnahme|vorhaben)?beginn|early start/i;
/** A rule that forbids starting before the approval. */
const EARLY_START_FORBIDDEN = /\b(darf|dürfen|darf noch|ist|sind)\b.{0,60}\bnicht\b.{0,40}\b(begonnen|beginnen|angefangen)|\bnicht vor\b.{0,60}\b(begonnen|beginnen)|\berst nach\b.{0,60}\b(begonnen|beginnen|starten)|\bkein(en)? vorzeitige[nr]? (maßnahme|vorhaben)?beginn|\bmust not (be )?(start|begin|started|begun)|\bnot be (started|begun)\b|\b(ausgeschlossen|nicht gefördert|nicht förderfähig|nicht zuwendungsfähig)\b.{0,80}\bbegonnen\b|\bbegonnen\b.{0,60}\b(ausgeschlossen|nicht gefördert|nicht förderfähig|nicht zuwendungsfähig)\b/i;
const EARLY_START_SAID = /vorzeitig|maßnahmebeginn|vorhabenbeginn|(nicht|noch nicht|erst)\b.{0,40}\bbegonnen|begonnen werden|beginnen (darf|dürfen)|(vor|nach) (der|dem) (bewilligung|zusage|bescheid|zuwendungsbescheid)\w*.{0,40}(begonnen|beginnen|anfangen)|early start|started before/i;
const COMBINING_ASKED = /kombinier|kumulier|doppelförderung|\bmit (geld|mitteln|fördermitteln|förderung|zuschüssen) (aus|von) (einem|einer|anderen|weiteren|dem|der)\b|\bcombin(e|ed|ing)\b|\b(together|along) with (other|another|further) (funding|grants?|programmes?|programs?)\b|\bstack(ed|ing)?\b.{0,30}\b(funding|grants?)/i;
const COMBINING_SAID = /kombinier|kumulier|doppelförderung|\bandere\w* (öffentliche\w* )?(förder|mittel|programm|zuschüss|zuwendung)|\bweitere\w* (förder|mittel|zuschüss)|drittmittel|combin|\bother (public )?(funding|grants?|programmes?)/i;
/** What holds after the funding ends, asked and said. */
const AFTER_FUNDING_ASKED = /nach (dem )?(ende|ablauf|auslaufen) (der|des) (förder|projekt|programm)|nach (dem )?förderende|weiter(zu)?(betreiben|führen|laufen)|weiterbetrieb|fortführen|fortzuführen|after the (funding|grant|programme|program|project) (ends|has ended|ended|runs out)|keep (it )?(running|operating|going)|continue (to (run|operate)|running|operating)/i;
const AFTER_FUNDING_SAID = /nach (dem )?(ende|ablauf)|danach|weiter(zu)?(betreiben|führen|laufen)|weiterbetrieb|fortgeführt|fortführ|fortzuführen|verstetig|mindestens .{0,30}(jahre|monate) (lang )?(betrieben|weitergeführt)|after|beyond|continue/i;
/** An FAQ answer that rules something out without a plain "Nein" ("Gemeinsame Bewerbungen sind nicht vorgesehen"). */
const FAQ_REFUSES = /\?\s+[^?]{0,120}\b(nicht vorgesehen|nicht möglich|nicht zulässig|ausgeschlossen|nicht antragsberechtigt|können sich nicht|dürfen sich nicht)\b/i;

const CHANGE_REFUSED = /\bnicht (mehr )?(möglich|zulässig|vorgesehen)\b|\b(kann|können|darf|dürfen)\b.{0,60}\bnicht mehr (erhöht|geändert|ergänzt|ausgetauscht|aufgestockt) werden\b|\bausgeschlossen\b|\bno longer (possible|accepted)\b|\bnot (possible|permitted|allowed|accepted)\b/i;

/** The FAQ's yes or no, when the user asks the same thing the same way round; undefined otherwise. */
function faqYesNo(quote: string, question: string): { key: string; share?: string } | undefined {
  const m = quote.match(FAQ_YES_NO);
  const asked = questionSentence(question);
  if (!m || !YES_NO_QUESTION.test(asked) || !YES_NO_QUESTION.test(m[1])) return undefined;
  // "Kann man ohne Unterschrift …?" against "Muss man unterschreiben?": the other way round, so no plain answer.
  if (NEGATING.test(m[1]) !== NEGATING.test(asked)) return undefined;
  const content = (x: string) => new Set((x.toLowerCase().match(/[\p{L}]{4,}/gu) ?? []).map((w) => stem(w)));
  const theirs = content(m[1]);
  const ours = [...content(asked)];
  const shared = ours.filter((w) => theirs.has(w)).length;
  if (shared < 2 || shared / Math.max(1, Math.min(theirs.size, ours.length)) < 0.5) return undefined;
  // "Bekommen wir die Pauschale auch, wenn wir eine vorhandene Bank umrüsten?" – "Können wir eine vorhandene Bank umrüsten? Ja, …":
  // the entry's yes is not about a thing the question names and the entry's question does not.
  const nouns = [...asked.slice(1).matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{4,}/gu)].map((n) => stem(n[0].toLowerCase()));
  if (nouns.some((n) => !theirs.has(n) && ![...theirs].some((t) => t.includes(n) || n.includes(t)))) return undefined;
  return { key: m[2].toLowerCase() === 'ja' ? 'faqYes' : 'faqNo' };
}

const NEGATING_EN = /\b(not|no|without|never)\b|n't\b/i;
/** Ways of sending: a question about one is not answered by an entry about another. */
const CHANNEL_WORDS: RegExp[] = [/e-?mail|\bmail\b/i, /\bpost(al)?\b|postweg|\bletter\b|brief/i, /\bfax/i, /portal|online/i];

/**
 * An English yes/no question answered by a German FAQ entry ("Reicht es …? Nein."): the entry was
 * chosen because every thing asked is in it; the same polarity and no other way of sending than asked.
 */
function englishFaqYesNo(quote: string, question: string, coverage: number, unknownWords: number): { key: string; share?: string } | undefined {
  const m = quote.match(FAQ_YES_NO);
  const asked = questionSentence(question);
  // "Can we write our outline in English?" – "Können wir mehrere Standorte in einer Skizze bündeln? Ja.": only "outline" was understood;
  // an entry's yes or no is passed on only when the term list knows more than one thing of the question, or (nearly) all it says.
  if (unknownWords >= 2) return undefined;
  // "Can we e-mail a scanned copy …?" – "Reicht es, wenn wir … eingescannt per E-Mail schicken? Nein.": the same way of sending asked, its other words may differ.
  const sameWay = m !== null && BY_CHANNEL.test(asked) && CHANNEL_WORDS.some((c) => c.test(m[1]) && c.test(asked));
  if (!m || coverage < (sameWay ? 0.5 : 0.99) || !YES_NO_QUESTION.test(asked) || !YES_NO_QUESTION.test(m[1])) return undefined;
  if (NEGATING.test(m[1]) !== NEGATING_EN.test(asked)) return undefined;
  if (CHANNEL_WORDS.some((c) => c.test(m[1]) !== c.test(asked))) return undefined;
  return { key: m[2].toLowerCase() === 'ja' ? 'faqYes' : 'faqNo' };
}

function plainAnswer(intent: Intent, quote: string, question: string): { key: string; share?: string } | undefined {
  // "Können wir nach Fristende noch die Maßnahme ändern?" – "Änderungen am Antrag … sind nach Ablauf der Antragsfrist nicht mehr möglich.": no.
  if (intent === 'changes' && YES_NO_QUESTION.test(questionSentence(question)) && splitSentences(quote).length === 1 && CHANGE_REFUSED.test(quote) && !/\b(nur|lediglich|ausschließlich|außer|only|except)\b/i.test(quote)) return { key: 'faqNo' };
  // "Können wir den Antrag per E-Mail schicken?" – "Die Übersendung … per E-Mail wahrt die Frist nicht.": a plain no for that way.
  if (BY_CHANNEL.test(question) && YES_NO_QUESTION.test(questionSentence(question))) {
    const refusing = splitSentences(quote).find((x) => channelRefused(x, question));
    if (refusing && !/\b(nur|ausschließlich|lediglich)\b/i.test(refusing)) return { key: 'channelRefused' };
  }
  // "Dürfen wir das Geld für den Umbau verwenden?" – "Baumaßnahmen … werden nicht gefördert.": a plain no, unless the sentence makes an exception.
  if ((USE_OF_MONEY.test(question) || asksIfThingFunded(question)) && YES_NO_QUESTION.test(questionSentence(question))) {
    const refusing = splitSentences(quote).find((x) => NOT_FUNDED.test(x));
    if (refusing && splitSentences(quote).length === 1 && !/\b(sofern|wenn|soweit|außer|ausgenommen|es sei denn|nur|jedoch|aber)\b/i.test(refusing)) return { key: 'notFunded' };
    // "Can the money be used for a crossing island (Querungshilfe)?" – "Für kleine bauliche Maßnahmen …, etwa … Querungshilfen …, übernimmt das Land 65 Prozent": yes.
    if (!refusing && FUNDED_SAID.test(quote) && !/\bnicht\b|\bkein\w*\b|ausgeschlossen/i.test(quote)) return { key: 'funded' };
  }
  if (intent === 'signature' && ASKS_SUFFICIENCY.test(question) && !NO_SIGNATURE.test(quote)) return undefined;
  // "Will the names of our mentees be published?" is not answered by a sentence about municipalities being named.
  // "Bei uns wurden Ratsmitglieder bedroht. Wird unsere Teilnahme veröffentlicht?": the question sentence says whose names.
  const asksPeople = asksAboutPeople(questionSentence(question));
  if (intent === 'anonymity' && asksPeople && !samePeople(question, quote)) return undefined;
  if (intent === 'anonymity') {
    // "Wir veröffentlichen die Namen … nur, wenn Sie ausdrücklich schriftlich einwilligen": neither a plain yes nor a no.
    // Of the people asked about: consent of the mentees says nothing of the municipality's name.
    const consent = splitSentences(quote).find((x) => ONLY_WITH_CONSENT.test(x));
    // "Eine anonyme Teilnahme ist nicht möglich … Namen einzelner Feuerwehrleute nur mit Einwilligung": the consent is for others.
    const restSaysPublished = consent !== undefined && statesPublished(quote.replace(consent, ' '));
    if ((ASKS_ANONYMITY.test(question) || ASKS_PUBLICATION.test(question)) && consent && !restSaysPublished && splitSentences(quote).length <= 2 && (asksPeople || !asksAboutPeople(consent.replace(/\bteilnehmende\w*\s+(kommunen|gemeinden|städte|landkreise|kreise)\b/gi, '')))) return { key: 'onlyWithConsent' };
    // "Ganz ohne Nennung des Ortes ist eine Förderung nicht möglich" names the place; it does not keep it unnamed.
    // "Können wir anonym teilnehmen? Nein. …": the call's own entry on just that decides; its question is no statement.
    const entry = quote.match(FAQ_YES_NO);
    if (entry && ASKS_ANONYMITY.test(question) && ASKS_ANONYMITY.test(entry[1]) && !asksAboutPeople(entry[1])) {
      if (entry[2].toLowerCase() === 'nein') return { key: 'noAnonymity' };
      return { key: ON_REQUEST.test(quote) ? 'anonymityOnRequest' : 'anonymityPossible' };
    }
    const statement = entry ? quote.slice(entry[1].length) : quote;
    // "Abgelehnte Anträge werden nicht veröffentlicht": unnamed only when not funded, which is no way to take part unnamed.
    // Asked about just those ("Werden auch die abgelehnten Skizzen veröffentlicht?"), it is the answer.
    const unnamed = splitSentences(statement.replace(NAMING_REQUIRED, ' ')).some((x) => STAYS_UNNAMED.test(x) && (!ONLY_THE_UNSUCCESSFUL.test(x) || ONLY_THE_UNSUCCESSFUL.test(question)));
    const published = statesPublished(statement);
    if (ASKS_ANONYMITY.test(question)) {
      // "Eine anonyme Teilnahme ist nicht möglich, …": said in so many words, whatever else the passage allows for others.
      if (NO_ANONYMITY_SAID.test(quote)) return { key: 'noAnonymity' };
      // "Die Namen werden veröffentlicht … nur bei einer Gefährdung kann davon abgesehen werden; eine anonyme Teilnahme ist nicht vorgesehen": an exception, neither a yes nor a no.
      if (unnamed && published && (/nicht\s+vorgesehen|ausgeschlossen|nicht\s+möglich/i.test(quote) || WAIVER_CONDITION.test(quote))) return { key: 'anonymityOnlyException' };
      // "… kann auf Antrag abgesehen werden, wenn eine Gefährdung droht": only in that case, which a plain yes would hide.
      if (unnamed && ON_REQUEST.test(quote) && WAIVER_CONDITION.test(quote)) return undefined;
      if (unnamed) return { key: ON_REQUEST.test(quote) ? 'anonymityOnRequest' : 'anonymityPossible' };
      if (published && !CONDITIONAL.test(quote)) return { key: 'noAnonymity' };
    } else if (ASKS_PUBLICATION.test(question)) {
      if (published && !unnamed && !CONDITIONAL.test(quote)) return { key: 'published' };
      // "… werden öffentlich bekannt gegeben. Auf begründeten Wunsch kann auf die Nennung verzichtet werden."
      if (published && unnamed && ON_REQUEST.test(quote)) return { key: WAIVER_CONDITION.test(quote) ? 'publishedWithException' : 'publishedUnlessAsked' };
      if (unnamed && !published && !ON_REQUEST.test(quote)) return { key: 'notPublished' };
    }
    return undefined;
  }
  if (MULTIPLE_ENTRIES.test(question)) return ONLY_ONE.test(quote) ? { key: 'onlyOne' } : undefined;
  if ((intent === 'eligibility' || intent === 'unknown') && JOINT_QUESTION.test(question)) {
    if (NO_JOINT.test(quote)) return { key: 'noJoint' };
    if (JOINT_OK.test(quote)) return { key: 'joint' };
    return undefined;
  }
  // "Müssen wir das Unterschriebene im Original per Post schicken?" asks how to send it, not whether to sign.
  if (intent === 'signature' && /original|per post|scan|einscann|pdf|per e-?mail|mailen|digital|elektronisch/i.test(question)) return undefined;
  // "Brauchen wir einen Ratsbeschluss?": the yes or no of the sentence on the resolution, not of signing.
  if (intent === 'signature' && RESOLUTION_ASKED.test(question)) {
    // "Braucht die Bewerbung … einen Gemeinderatsbeschluss? Nein.": the entry's own answer.
    const entry = quote.match(/^([^?]{0,200}\?)\s+(ja|nein)\b/i);
    if (entry && RESOLUTION_SAID.test(entry[1])) return { key: (entry[2].toLowerCase() === 'ja') !== NEGATING.test(entry[1]) ? 'faqYes' : 'faqNo' };
    const said = splitSentences(quote).find((x) => RESOLUTION_SAID.test(x) && !/\?\s*$/.test(x));
    if (!said) return undefined;
    if (/\b(nicht|kein\w*)\b[^.]{0,40}\b(nötig|erforderlich|notwendig|verlangt|vorausgesetzt|benötigt)|\bohne\b[^.]{0,30}beschluss|\bkein\w*\b[^.]{0,30}beschluss|\bweder\b[^.]{0,120}\bbeschluss/i.test(said)) return { key: 'faqNo' };
    if (/\b(nötig|erforderlich|notwendig|beizufügen|vorzulegen|muss|müssen|setzt)\b/i.test(said)) return { key: 'faqYes' };
    return undefined;
  }
  // "Wer unterschreibt den Antrag?" asks who, not whether.
  if (intent === 'signature' && /^\s*(wer|who)\b/i.test(question)) return undefined;
  // "Für die Skizze keine Unterschrift … erst der förmliche Antrag muss unterschrieben werden": both, so the quote says it.
  const body = quote.replace(/^[^?]{0,200}\?\s+/, '');
  if (intent === 'signature' && NO_SIGNATURE.test(body) && SIGNATURE.test(body.replace(NO_SIGNATURE, ''))) {
    // "Muss die Skizze unterschrieben werden?" – "Für die Projektskizze ist keine Unterschrift erforderlich. Der Vollantrag wird … unterschrieben": no, for the sketch.
    const noFor = splitSentences(body).find((x) => NO_SIGNATURE.test(x));
    if (noFor && (FIRST_STAGE_SENTENCE.test(question) || /\b(outline|sketch|expression of interest|first stage)\b/i.test(question)) && !asksSecondStage(question) && FIRST_STAGE_SENTENCE.test(noFor)) return { key: 'noSignature' };
    return undefined;
  }
  if (intent === 'signature') {
    // "Muss die Bewerbung unterschrieben werden? Nein. …": the entry's own answer to a question about signing.
    const entry = quote.match(/^([^?]{0,200}\?)\s+(ja|nein)\b/i);
    if (entry && /unterschr|unterzeichn|signatur|sign/i.test(entry[1])) {
      const yes = (entry[2].toLowerCase() === 'ja') !== NEGATING.test(entry[1]);
      return { key: yes ? 'signature' : 'noSignature' };
    }
    if (NO_SIGNATURE.test(body)) return { key: 'noSignature' };
    if (SIGNATURE.test(body)) return { key: 'signature' };
  }
  // "Dürfen wir Stiftungsgelder anrechnen?", "… durch eigenes Personal erbringen?" ask how, not whether: the quote
  // answers — with a plain no when it refuses, and a plain yes only when it allows without a limit ("bis zur Hälfte").
  if (intent === 'ownFunds' && OWN_FUNDS_HOW.test(question)) {
    if (!YES_NO_QUESTION.test(questionSentence(question))) return undefined;
    if (OWN_SHARE_REFUSED.test(quote)) return { key: 'notCounted' };
    if (OWN_SHARE_ALLOWED.test(quote) && !OWN_SHARE_LIMITED.test(quote)) return { key: 'counted' };
    return undefined;
  }
  if (intent === 'ownFunds') {
    if (NO_OWN_FUNDS.test(quote)) return { key: 'noOwnFunds' };
    const share = quote.match(OWN_FUNDS)?.[3];
    if (share) return { key: 'ownFunds', share: share.replace(/prozent/i, '%') };
    // "Die Stiftung übernimmt drei Viertel der Kosten …; den Rest trägt die Gemeinde": the rest, worked out.
    const rest = restShare(quote);
    if (rest !== undefined) return { key: 'ownFunds', share: `${rest} %` };
  }
  return undefined;
}

/** A way of bringing the own share that a call refuses, allows, or allows only in part. */
const OWN_SHARE_REFUSED = /\b(nicht|keine?)\b[^.;]{0,60}\b(angerechnet|anerkannt|eingesetzt|eingebracht|erbracht|verwendet|berücksichtigt)\b|\bdürfen nicht\b[^.;]{0,60}\b(angerechnet|eingesetzt|verwendet)/i;
const OWN_SHARE_ALLOWED = /\b(kann|können|dürfen|darf)\b[^.;]{0,100}\b(angerechnet|eingesetzt|eingebracht|erbracht|verwendet|genutzt)\b/i;
const OWN_SHARE_LIMITED = /\bbis zu|bis zur|höchstens|maximal|hälfte|teilweise|anteilig|\bteil\b|\bnicht\b/i;

/** Stems of selecting, taking in or supporting ("ausgewählt", "nimmt … auf", "gefördert"). */
const SELECTION_VERB = /^(begleit|betreut|ausgesucht|aussuch|ausgew[aä]hl|ausw[aä]hl|w[aä]hlt|gew[aä]hlt|unterst[uü]tz|gef[oö]rdert|f[oö]rdert|aufgenomm|aufnehm|nimmt|genomm|vergeb|bekomm|erhalt|gesucht|sucht|select|support|fund|accept)/;

/** Kinds of question whose subject is fixed (a deadline, a signature …): what comes before the question is context. */
const SITUATION_MAY_PRECEDE = new Set<Intent>(['deadline', 'signature', 'anonymity', 'ownFunds', 'contact', 'changes']);

// A programme's names as one pattern (longest first), built once per programme: this runs every turn.
const namePatterns = new WeakMap<Program, RegExp | null>();

function namesOf(program: Program): RegExp | null {
  let re = namePatterns.get(program);
  if (re === undefined) {
    const names = [program.name, program.shortName, ...program.aliases].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
    // "Kreis-Ehrenamtsfonds" for the name "Ehrenamtsfonds": a word joined on in front is part of the name, not a "Kreis" that asks;
    // one joined on behind is what is asked about ("IRIS-Projektskizze"), unless it only says what the name is ("Zweiklang-Stiftung").
    re = names.length ? new RegExp(`(?<![\\p{L}])(?:[\\p{L}]+-)?(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:-(?:stiftung|fonds|fond|programm|programms|förderprogramm|förderung|aufruf|förderaufruf|wettbewerb|initiative|team|foundation|fund))?(?![\\p{L}])`, 'giu') : null;
    namePatterns.set(program, re);
  }
  return re;
}

/** The text without the names of the programmes it names. */
function withoutNames(text: string, programs: Program[]): string {
  let out = text;
  for (const p of programs) {
    const re = namesOf(p);
    if (re) out = out.replace(re, ' ');
  }
  return out;
}

/** A curated or passage lead without its "Ja –"/"Nein –", for questions that asked for something else. */
function withoutYesNo(text: string): string {
  return capitalize(text.replace(/^(ja|nein|yes|no)(, auf wunsch|, in der regel|, as a rule)?\s*[–,:-]\s*/i, ''));
}

/** "Ginge es ohne Unterschrift?": asked the other way round, so the yes or no of "Ist eine Unterschrift nötig?" turns over. */
const ASKS_WITHOUT_SIGNATURE = /\bohne\b.{0,30}\b(unterschr|unterzeichn|signatur)|\bwithout\b.{0,30}\bsignat/i;
/** A question about learning the outcome: decision, notice, yes or no. */
const WHEN_OR_HOW_SOON = /(?<!\p{L})(wann|bis wann|ab wann|wie schnell|wie lange|wie bald)(?!\p{L})|\b(when|by when|how (soon|long|quickly))\b/iu;
const OUTCOME_ASKED = /(?<![\p{L}])(weiß|weiss|wissen|erfahren|erfährt)(?![\p{L}]).{0,60}(?<![\p{L}])ob(?![\p{L}])|\b(entscheid\w*|bescheid|zusage|absage|benachrichtig\w*|informiert)\b|\b(know|learn|find out|hear)\b.{0,40}\b(whether|if)\b|\b(decision|notified|informed)\b/iu;

/** "Ist der Antrag ohne seine Unterschrift ungültig?": whether it fails without one, the yes and no of needing it. */
const FAILS_WITHOUT = /\b(ungültig|unwirksam|abgelehnt|zurückgewiesen|nicht (gültig|wirksam|angenommen)|invalid|void|rejected|refused|not (valid|accepted))\b/i;

function turnedYesNo(text: string): string {
  const m = text.match(/^(ja|nein|yes|no)(?=\s*[–,:-]\s)/i);
  if (!m) return text;
  const other: Record<string, string> = { ja: 'Nein', nein: 'Ja', yes: 'No', no: 'Yes' };
  return other[m[1].toLowerCase()] + text.slice(m[1].length);
}

function capitalize(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** The sentences to cite, each once, in order. */
function distinctQuotes(found: { docId: string; quote: string }[]): { docId: string; quote: string }[] {
  return found.filter((q, i, all) => all.findIndex((x) => x.quote === q.quote) === i).map(({ docId, quote }) => ({ docId, quote }));
}

/** A part of a text written with capitals, as a sentence: "– müssen wir da …?" starts with a verb, not with a noun. */
function asSentence(part: string, text: string): string {
  return /\p{Lu}/u.test(text) ? part.trimStart().replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : part;
}

/** The last sentence that asks something (the whole text when it is one sentence). */
function questionSentence(text: string): string {
  // Typed all in lower case ("bei uns gabs drohbriefe. kann man …"), any full stop ends a sentence.
  // Not after a day's number ("Ist der 3. März die Frist?") or an ordinal.
  // A year ends a sentence too ("… der 30. September 2025. Ist die Antragstellung damit vorbei?").
  const sentences = text.split(/\p{Lu}/u.test(text) ? /(?<=[^\d\s][.!?]|\?|\b\d{4}\.)\s+(?=\p{Lu})/u : /(?<=[^\d\s][.!?]|\?|\b\d{4}\.)\s+/u).filter((x) => x.trim());
  // "Der Aufruf kam erst jetzt – können wir noch einen Antrag stellen?": the question after the dash.
  if (sentences.length < 2) {
    // "Angenommen, … teurer wird: Können wir die Summe noch erhöhen?": the question after the colon too.
    const parts = text.split(/\s[–—-]\s|:\s+(?=\p{Lu}\p{Ll}+\s)/u);
    const last = parts[parts.length - 1];
    return parts.length > 1 && /\?\s*$/.test(last) && last.length >= 15 ? last : text;
  }
  return [...sentences].reverse().find((x) => /\?\s*$/.test(x)) ?? sentences[sentences.length - 1];
}

/** "Wofür steht …?", "Was bedeutet die Abkürzung …?", "What does … stand for?". */
const ASKS_EXPANSION = /wofür steht|wofuer steht|was bedeutet (die abkürzung|das kürzel|die abkuerzung)|was heißt (die abkürzung|das kürzel)|abkürzung\b.{0,40}\b(bedeutet|heißt|steht)|what does .{1,40} stand for|what is .{1,20} short for/i;
/** A word with two or more capitals: "WIR", "KoDo", "BAMF". */
const ABBREVIATION = /(?<![\p{L}])\p{Lu}\p{L}*\p{Lu}\p{L}*(?![\p{L}])/gu;

/**
 * "Wie viele Modellkommunen begleitet das Projekt, das die Antirassismus-Beauftragte fördert und IMAP
 * umsetzt?": a clause that only says which programme is meant names no topic of the question.
 */
function withoutDescription(text: string): string {
  // "Der WIR-Aufruf beschreibt einen partizipativen Prozess – welches Produkt soll dabei herauskommen?": what stands before the dash sets the scene.
  const afterDash = text.match(/\s[–—-]\s+((?:und |and )?(?:wie|was|welche\w*|wer|wen|wem|wo|wann|woher|wohin|an wie|how|what|which|who|where|when)\b[^–—]*\?)\s*$/i)?.[1];
  if (afterDash && afterDash.length >= 15) text = afterDash;
  return text.replace(/,\s*(das|die|der|den|dem|welches|welche|welcher)\b[^,?–]{0,140}\b(fördert|gefördert|finanziert|umsetzt|umgesetzt|initiiert|durchführt|durchgeführt|ausschreibt|ausgeschrieben|betreut|leitet|verantwortet|anbietet|auslobt)(\s+(hat|haben|wird|werden))?\b/gi, ' ');
}

/** A question about what holds once selected ("falls wir genommen werden", "nach der Auswahl"). */
const AFTER_SELECTION = /\b(falls|wenn|sobald) (wir|man|unsere \w+|die \w+) (ausgewählt|genommen|angenommen|gefördert|bewilligt|zugelassen) (werden|wird|sind|ist)|nach der (auswahl|zusage|bewilligung|förderzusage)|im fall(e)? einer (auswahl|zusage|förderung)|\bif (we are|we're|we get) (selected|chosen|accepted|funded)|after (selection|being selected|approval)/i;

/** A question whether one must do something. */
const MUST_QUESTION = /^\s*(müssen|muss|brauchen|braucht)\b|^\s*(do|does) (we|i|you|they|our \w+) (have|need) to\b|^\s*must (we|i)\b|^\s*(are|is) (we|our \w+) (required|obliged) to\b/i;
/** "Welche Städte wurden ausgewählt?": who was chosen in the end, which a call text cannot know. */
const ASKS_RESULT = /\bwelche (städte|gemeinden|kommunen|landkreise|orte|projekte|modellkommunen)\b.{0,60}\b(wurden|sind|haben)\b.{0,40}\b(ausgewählt|gefördert|gewonnen|teilgenommen|dabei)|which (towns|cities|municipalities|districts|projects) (were|have been) (selected|chosen|funded)/i;
/** A sentence that names who was chosen. */
const RESULT_SAID = /(wurden|sind) (bereits )?(ausgewählt|gefördert)\s*:|ausgewählt wurden|die (ausgewählten|geförderten) (kommunen|städte|gemeinden) (sind|lauten)/i;
/** "Wie viel Geld insgesamt?": a total of money, which needs an amount in the sentence. */
const MONEY_TOTAL = /(wie ?viel|how much)\b.{0,30}\b(geld|mittel|euro|money|funding)\b.{0,60}\b(insgesamt|gesamt|in total|overall|total)|\bgesamtbudget|total budget/i;

/** "Stimmt das?", "Ist das richtig?": asking to confirm what was said before. */
const CONFIRM_QUESTION = /^\s*(stimmt|stimmen|richtig|korrekt|passt) (das|so)\b|\b(ist|wäre) das (so )?(richtig|korrekt)\b|^\s*(is|was) (that|this) (right|correct)\b/i;

/** A question for a phone number. */
const ASKS_PHONE = /telefon|rufnummer|durchwahl|anrufen|\bnummer\b|phone|\bcall (them|her|him)\b/i;

/** A project under way before the application: "Wir haben schon angefangen", "bereits laufende Projekte", "already started". */
const STARTED_ALREADY = /\b(schon|bereits)\b.{0,80}\b(angefangen|begonnen|gestartet|losgelegt|läuft|laufende\w*|bestehende\w*|beauftragt|gebucht|bestellt)\b|\b(auftrag|aufträge|vertrag|verträge|bestellung)\b.{0,90}\b(schon|bereits)\b.{0,30}\b(unterschrieben|unterzeichnet|erteilt|vergeben|abgeschlossen)\b|\b(schon|bereits)\b.{0,30}\b(auftrag|vertrag)\w*\b.{0,40}\b(unterschrieben|unterzeichnet|erteilt|vergeben|abgeschlossen)\b|\balready (started|begun|running|under way|underway|awarded|signed|commissioned|booked|ordered|hired)/i;
/** What a call says about such projects. */
const BEGUN_BEFORE = /begonnen|vorzeitig|maßnahmebeginn|projektbeginn|bereits (laufende|bestehende)|vor (der|dem) (bewilligung|zuwendungsbescheid|projektstart|antragstellung)/i;

/** "Was sagt/empfiehlt das Papier …?": a question about what a text says, which a paper answers. */
const REACH = /(?:telefon|tel\.?|fon|phone)\s*:?\s*\+?\d[\d ()/-]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** The part of a contact's quote that is about that person: from after the previous person's number or address to the end of their own. */
function ownPart(c: { quote: string; name?: string }): string {
  const at = c.name ? c.quote.indexOf(c.name) : -1;
  if (at < 0) return c.quote;
  const before = c.quote.slice(0, at);
  const start = Math.max(0, ...[...before.matchAll(REACH)].map((m) => (m.index ?? 0) + m[0].length));
  const after = c.quote.slice(at);
  const own = [...after.matchAll(REACH)][0];
  return c.quote.slice(start, own ? at + (own.index ?? 0) + own[0].length : undefined);
}

/** A day with its month and maybe a time: "am 16. Februar um 11-12 Uhr", "16 February 2027, 10:00". */
const MONTH_NAMES = Object.keys(MONTHS).join('|');
const DATED_PART = new RegExp(String.raw`(?:\b(?:am|on)\s+)?\b\d{1,2}\.?\s*(${MONTH_NAMES})\b(?:\s+\d{4})?(?:,?\s*(?:um|at|von|from)?\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?)?\s*(?:uhr|h\b|am\b|pm\b)?)?`, 'giu');
const MONTH_WORD = new RegExp(String.raw`\b(${MONTH_NAMES})\b`, 'giu');

/** The one dated part of a sentence that names several, when the question names its month. */
/** "joint application – max grant?" – "… höchstens 18.000 Euro je Gemeinde. Bei gemeinsamen Bewerbungen sind es höchstens 30.000 Euro.": the joint amount first. */
function jointPartAsked(quote: string, question: string): string | undefined {
  if (!JOINT_QUESTION.test(question) || !/\d/.test(quote)) return undefined;
  const sentences = splitSentences(quote);
  const joint = sentences.findIndex((x) => /gemeinsam|verbund|zusammen/i.test(x) && /\d[\d.,]*\s*(euro|€|prozent|%)/i.test(x));
  return joint > 0 ? sentences[joint] : undefined;
}

function datedPartAsked(quote: string, question: string): string | undefined {
  const parts = [...quote.matchAll(DATED_PART)];
  if (parts.length < 2) return undefined;
  const monthOf = (m: string) => MONTHS[m.toLowerCase()];
  const asked = [...question.matchAll(MONTH_WORD)].map((m) => monthOf(m[1]));
  if (asked.length !== 1) return undefined;
  const fitting = parts.filter((p) => monthOf(p[1]) === asked[0]);
  return fitting.length === 1 ? fitting[0][0].trim() : undefined;
}

/** When a paper appeared: "Wann ist das Papier erschienen?", "Aus welchem Jahr ist die Studie?", "When was the paper published?". */
const PUBLICATION_ASKED = /\b(wann|seit wann|von wann|aus welchem jahr|in welchem jahr|welches jahr|wie alt|when|which year|what year|how old)\b.{0,60}\b(erschienen|erscheint|veröffentlicht|herausgegeben|herausgekommen|publiziert|geschrieben|verfasst|entstanden|published|released|written|issued|appeared|come out|came out)\b|\b(erscheinungsjahr|erscheinungsdatum|veröffentlichungsdatum|publication date|year of publication)\b|\baus welchem jahr\b|\bwhat year\b.{0,40}\b(paper|study)\b/i;
/** The text itself as what appeared: the call, the notice, the guideline. */
const TEXT_ITSELF = /\b(aufruf|förderaufruf|ausschreibung|bekanntmachung|richtlinie|förderrichtlinie|call|announcement|guidelines?)\b/i;
const PAPER_SAYS = /\bwas (sagt|schreibt|empfiehlt|schlägt|rät|rat|fordert|steht)\b|\b(schlägt|schlagen|empfiehlt|empfehlen|nennt|nennen|fordert|fordern|beschreibt|beschreiben)\b.{0,80}\b(papier|paper|studie|autor\w*)\b|\b(papier|paper|studie|working-paper)\b.{0,80}(\bvor\s*[?.!]*\s*$|\b(empfiehlt|nennt|fordert|beschreibt)\b)|\blaut (dem|der|des)\b|what does .{0,60}\b(say|suggest|recommend|propose)|which .{0,40}\bdoes .{0,60}\b(suggest|recommend|propose)/i;
/** Kinds of question a paper can be asked about as a topic ("Eigenanteil", "Verfahren"): only with words of applying are they about applying to it. */
const NEEDS_APPLYING_WORDS = new Set<Intent>(['eligibility', 'ownFunds', 'process']);

/** Kinds of question that only a call can answer (a deadline, a signature, how to apply). */
const APPLYING_INTENTS = new Set<Intent>(['deadline', 'signature', 'anonymity', 'changes', 'process', 'eligibility', 'ownFunds']);
const DURATION = /wie lange|laufzeit|förderzeitraum|förderdauer|dauer\b|how long|duration|funding period/i;

/** "Wie lange läuft die Förderung?": a question for a duration, not for the application deadline or an amount. */
function asksDuration(text: string): boolean {
  return DURATION.test(text) && !APPLICATION_WORDS.test(text) && !/how much/i.test(text);
}

/** A question asked for yes or no ("Können wir …?", "Is there …?"). */
/**
 * A project's own costs named in a question ("ein Dorffest mit 3.000 Euro Gesamtkosten", "a project
 * costing EUR 40,000", "Kosten von rund 12.000 Euro"): the amount, read as people write numbers.
 */
const PROJECT_COST = /(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€)(?!\p{L})(?=.{0,40}(?<!\p{L})(?:gesamtkosten|kosten|ausgaben|budget|volumen)(?!\p{L}))|(?<!\p{L})(?:gesamtkosten|projektkosten|kosten|kostet|ausgaben|gesamtausgaben|budget|volumen|costs?|costing)(?!\p{L})\D{0,45}?(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€)|(?<!\p{L})(?:für|for|zusammen|insgesamt|in total|altogether|in sum)\s+(?:rund|ca\.?|etwa|circa|ungefähr|knapp|about|around|approx\.?|roughly)?\s*(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€)|(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€)\s+(?:geschätzt|veranschlagt|kalkuliert|beziffert|angesetzt|estimated|budgeted)(?!\p{L})/iu;
function projectCost(text: string): number | undefined {
  // "EUR 2,000" is "2,000 Euro".
  const m = text.replace(/(?:\bEUR|€)\s*(\d[\d.,]*\d|\d)/g, '$1 Euro').match(PROJECT_COST);
  return (m && parseQuantity(m[1] ?? m[2] ?? m[3] ?? m[4])) ?? undefined;
}

/** Where a question asks a second thing: ", und wie hoch …", "und was müssen wir …", ", and who …". */
const SECOND_QUESTION = /^(.{4,}?),?\s+(?:und|and)\s+((?:(?:for|with|by|to|from|für|mit|von|an|bei|in) (?=(?:how|what|which|whom|wie|was|welche|wem|wen)\b))?(?:wie|was|wer|wen|wem|wann|wo|wohin|welche\w*|bis wann|ab wann|nach welchen|gibt es|gibt|zahlt|übernimmt|hilft|bekommen|bekommt|erhalten|erhält|zählt|gilt|reicht|muss|müssen|brauchen|dürfen|darf|durfte|durften|können|kann|konnte|konnten|wird|wurde|werden|how|what|who|whom|when|where|which|do|does|is|are|can|could|must|will|would)\b[^?]{4,})\?\s*$/i;
/** A question word or verb at the start of the first part: it is a question of its own. */
const ASKS_FIRST = /^\s*(?:(?:mit|in|an|bei|von|für|zu|aus|ab|bis|seit|um|nach|with|in|for|to|from|by) )?(wie ?viel\w*|wie|was|wer|wen|wem|wann|wo|wohin|welche\w*|bis wann|ab wann|gibt es|muss|müssen|brauchen|können|kann|dürfen|darf|ist|sind|how|what|who|when|where|which|do|does|is|are|can|must)\b/i;

/** The two questions of "…, und …?", each as a question; the second as a follow-up ("Und wie hoch …?"). */
function compoundParts(text: string): [string, string] | undefined {
  // "Wir sind eine Stadt mit 24.000 Einwohnern. Wie viel gibt es, und wie hoch ist unser Eigenanteil?": the description goes with both.
  const asked = questionSentence(text.trim());
  const told = asked !== text.trim() && text.trim().endsWith(asked) ? text.trim().slice(0, text.trim().length - asked.length).trim() : '';
  // "Werden die Namen veröffentlicht? Und dürfen auch Leute ohne deutschen Pass mitmachen?": two question sentences.
  const questions = text.trim().split(/(?<=\?)\s+/);
  if (questions.length >= 2 && questions.slice(-2).every((q) => /\?$/.test(q)) && /^(und|and|also|außerdem|auch|plus)\b/i.test(questions.at(-1)!) && questions.at(-2)!.length >= 12) {
    return [questions.slice(0, -1).join(' '), questions.at(-1)!];
  }
  const m = (told ? asked : text.trim()).match(SECOND_QUESTION);
  // A short first part ("Geht das, und …") stands on the description before it.
  // "Örtchen am Weg: wie viel …, und wann …?": the name before the colon labels the questions.
  const first = m?.[1].replace(/^[^:?]{2,60}:\s*/, '');
  if (!m || !first || (m[1].length < 12 && !told) || !(ASKS_FIRST.test(first) || YES_NO_QUESTION.test(first)) || /\?/.test(m[1])) return undefined;
  const english = /^(how|what|who|whom|when|where|which|do|does|is|are|can|must)\b/i.test(m[2]);
  // "When is the deadline …, and can we still submit one?", "Bis wann läuft die Frist, und schaffen wir das noch?": the same thing asked on; the first answer says it.
  if (classifyIntent(m[1]).intent === 'deadline' && /\b(still|noch)\b/i.test(m[2]) && /\b(one|it|that|das|es|dies)\b/i.test(m[2]) && !findDates(m[2]).length) return undefined;
  const before = told ? `${told} ` : '';
  // "Was muss der Skizze beigefügt werden, und was später dem Vollantrag?": the second part borrows the first's verb.
  const verb = !english && /\s\p{Lu}[\p{L}-]*$/u.test(m[2]) ? m[1].match(/(?:\s\p{Ll}+){1,3}$/u)?.[0] : undefined;
  // "By when is the full application due, and who may submit one?": "one" is the full application.
  const stage = asksSecondStage(m[1]) && !asksSecondStage(m[2]) && /\b(one|it|ihn|ihm|das|den)\b/i.test(m[2]) ? (english ? ' (full application)' : ' (Vollantrag)') : '';
  return [`${before}${m[1]}?`, `${before}${english ? 'And' : 'Und'} ${m[2]}${verb ?? ''}${stage}?`];
}

/** An amount of money, a share, or a plain statement that there is no money. */
const AMOUNT_SAID = /\d[\d.,]*\s*(euro|€|eur\b|mio|millionen|prozent|%)|(€|eur)\s*\d|kostenfrei|kostenlos|unentgeltlich|nicht ausgezahlt|kein(e)? (geld|finanzielle)|keine (zuschüsse|fördermittel|geldleistungen)|beratungstag|free of charge|no (money|funding)/i;


/** A statement turned into a question by its tail ("Die Frist ist doch Ende Januar, oder?", "…, right?"). */
const TAG_QUESTION = /,\s*(oder|nicht wahr|gell|ne|stimmt'?s|richtig|right|correct|isn'?t it|wasn'?t it)\s*\?\s*$/i;
const YES_NO_QUESTION = /^\s*(fördert|fördern|bezahlt|bezahlen|zahlt|zahlen|übernimmt|übernehmen|finanziert|finanzieren|unterstützt|unterstützen|akzeptiert|akzeptieren|könnte|könnten|würde|würden|dürfte|müsste|sollte|kommen|kommt|passt|passen|ist|sind|war|waren|kann|können|konnte|konnten|darf|dürfen|durfte|durften|gibt|gab|muss|müssen|musste|mussten|hat|haben|hatte|hatten|hätte|hätten|wäre|wären|brauchen|braucht|brauchte|reicht|reichte|geht|ging|wird|werden|wurde|wurden|bleibt|bleiben|soll|sollen|gilt|gelten|galt|zählt|zählen|lässt|lassen|kostet|bekommen|bekommt|erhalten|erhält|erfährt|erfahren|can|is|are|do|does|may|could|must|will|would|should|shall|were|did|has|have|had|was(?=\s+(?:it|that|this|there|the|our|my|a|an|we|he|she|they)\b))\b/i;
const APPLYING_WORDS = new RegExp(`${APPLICATION_WORDS.source}|beantrag|teilnehm|teilnahme|mitmach|ausschreibung|aufruf|take part|participate|call\\b`, 'i');

const OWN_FUNDS_WORDS = /eigen(mittel|anteil|leistung|beitrag|beteiligung)|kofinanz|kostenfrei|kostenlos|keine kosten/i;

/** Kinds of question about a call's terms, where an applicant named in it ("Vereine", "Gemeinden") is not the topic. */
const APPLICANT_NOT_TOPIC = new Set<Intent>(['benefits', 'money', 'ownFunds', 'deadline', 'signature', 'anonymity', 'contact', 'changes']);
const APPLICANT_STEMS = new Set(
  'verein vereine gemeinde gemeinden kommune kommunen landkreis landkreise stadt städte träger organisation organisationen kreis kreise antragsteller teilnehmer verbandsgemeinde verbandsgemeinden ortsgemeinde ortsgemeinden samtgemeinde samtgemeinden einheitsgemeinde einheitsgemeinden amt ämter markt märkte verwaltungsgemeinschaft'.split(' ').map((w) => stem(w)),
);

/** Words that describe the asker: kind and size ("amtsfreie", "Einwohnern"). */
const ASKER_WORD = /^(einwohn|amtsfrei|amtsangehor|kreisfrei|kreisangehor|verbandsfrei|inhabit|resident)/;

/** The applicant's own administration ("unserer Gemeindeverwaltung"): who asks, not what is asked. */
const APPLICANT_INSTITUTION = /^(gemeinde|kommunal|kommun|stadt|kreis|landkreis|amts|verbandsgemeinde)(verwalt|haushalt|kass)/;

/** A question for the conditions of taking part, not only whether one may. */
const REQUIREMENTS_QUESTION = /voraussetzung|bedingung|erfüllen|mitbringen|requirement|condition|criteria|kriterien/i;
/** Verdict reasons that are conditions besides who applies (leadership support, a named coordinator). */
const CONDITION_REASON = /\.(leadership|contact)(Required|Missing|Given)$/;

const ELIGIBILITY_CUE = /\b(can|could|may|might) (we|i|our \w+|it|they|the \w+|a \w+) (have )?(apply|applied|take part|taken part|participate|participated|join|joined)\b|\bon our own\b|\beligible\b|kann (die|der|das|sie|er|es|man) (selbst|direkt|auch)|selbst (einreichen|bewerben|beantragen|teilnehmen|mitmachen)|direkt (einreichen|bewerben|beantragen)|passt|passen|in frage|infrage|in betracht|zugelassen|können wir|dürfen wir|kommen wir|geeignet|förderfähig|bewerben|teilnehmen|mitmachen|beantragen|antrag stellen|antrag\w*\s+(\S+\s+){0,4}stellen|geht das|ginge das|ging das|wäre das möglich|gegangen|etwas für uns|offen für|für uns (möglich|machbar|drin|zugänglich)|fit|suit|eligible|apply|qualify|can we|(was|is|would) (that|this|it) (have been |be )?possible/i;

const ENGLISH_FILLER = new Set('what does do did say says tell about the this that paper call programme program is it its please explain describe information more anything something there here which how when where who whom with from into'.split(' '));

/** True when an English question names something beyond the programme ("… about the weather?"). */
function hasEnglishTopic(text: string, program: Program): boolean {
  const names = new Set(`${program.shortName} ${program.aliases.join(' ')}`.toLowerCase().split(/[^a-zäöüß0-9]+/));
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => w.length >= 4 && !ENGLISH_FILLER.has(w) && !names.has(w));
}

function hasProfileFacts(f: ProfileFacts): boolean {
  return f.entityType !== undefined || f.population !== undefined || f.state !== undefined;
}

/** Messages that ask nothing of a call. */
const SMALLTALK = new Set<Intent>(['greeting', 'thanks', 'help', 'listPrograms']);

/** "Welche Programme passen zu uns?": a question about the calls in general, not one of them. */
const ASKS_FOR_CALLS = /\b(welche[nrs]?|alle[nr]?|andere[nr]?|weitere[nr]?|which|what|any|other)\s+(\p{L}+\s+)?(programme|aufrufe|ausschreibungen|förderprogramme|fördermöglichkeiten|förderaufrufe|wettbewerbe|calls|programmes|programs|funding (opportunities|programmes|calls))\b/iu;

/**
 * Answers one message from programme facts first, retrieval second, and abstains third.
 * Free of botbuilder: the bot layer turns the Answer into an activity.
 */
export class Answerer {
  private readonly textLanguage = new Map<string, Lang>();

  constructor(private readonly deps: AnswererDeps) {}

  answer(asked: AnswerRequest): Answer {
    // "sind bewirtungskosten förderfähg?": a slip in a long German word is read as the word of the texts it stands for.
    // English has too many short real words one letter apart ("contact"/"contract").
    const req = asked.lang === 'de' ? { ...asked, text: correctSpelling(asked.text, this.deps.kb.vocabulary) } : asked;
    // "Wie viel Förderung gibt es pro Projekt, und wie hoch ist der Eigenanteil?": two questions, two answers.
    const parts = compoundParts(req.text);
    if (parts) {
      const named = this.deps.detector.detect(req.text);
      const programId = named.length === 1 ? named[0].id : req.programId;
      const first = this.answerOne({ ...req, text: parts[0], programId, intent: undefined });
      if ((first.kind === 'answer' || first.kind === 'verdict') && first.programId) {
        // "…, und gibt der Landkreis etwas dazu?": a second part that points back asks on about the first part's matter.
        const pointsBack = POINTS_BACK.test(parts[1]) && classifyIntent(parts[1]).intent === 'unknown';
        const jointBefore = JOINT_QUESTION.test(parts[0]) && /\b(dann|then|in (that|this) case|in diesem fall)\b/i.test(parts[1]);
        const second = this.answerOne({ ...req, text: parts[1], programId: first.programId, lastIntent: undefined, intent: pointsBack ? first.intent : undefined, jointBefore });
        // A quote whose every sentence the first answer quotes already adds nothing; one that goes on past them does.
        const newQuotes = second.citations.filter((c) => splitSentences(c.quote).some((x) => !first.citations.some((f) => f.quote.includes(x))));
        if (second.kind === 'answer' && second.programId === first.programId) {
          // The second part's passage is one the first answer quotes already: that answer says it.
          if (!newQuotes.length) return first;
          return { ...first, text: `${first.text}\n\n${second.text}`, details: [...first.details, ...second.details], citations: [...first.citations, ...newQuotes] };
        }
        // One part the texts answer, the other not: the answer, and plainly that the rest is not in the texts.
        // A quote of the first answer may already say it ("Die Kommune trägt 25 Prozent … selbst"): then no such note.
        if (second.kind === 'abstain') {
          // The first answer's quote may say it ("Bis zur Hälfte des Eigenanteils darf … erbracht werden"): then that answer alone.
          if (second.intent !== 'unknown' && first.citations.some((c) => hasIntentCue(second.intent, c.quote))) return first;
          const program = this.deps.kb.programsById.get(first.programId);
          const rest = parts[1].replace(/^(Und|And)\s+/, '');
          const note = this.deps.t(req.lang, 'abstain.part', { question: escapeMarkdown(rest), program: program?.shortName ?? '' });
          return { ...first, text: `${first.text}\n\n${note}` };
        }
      }
    }
    return this.answerOne(req);
  }

  private answerOne(req: AnswerRequest): Answer {
    const { kb, detector } = this.deps;
    const fullIntent = classifyIntent(req.text).intent;
    let rawIntent = req.intent ?? fullIntent;
    // An English question no pattern knows ("Do we need a co-payment?") is read through the term
    // list's German words ("Eigenanteil"), which the German patterns know.
    // "Is a trailer eligible?": the term list's "eligible" names no applicant here.
    if (rawIntent === 'unknown' && req.lang === 'en' && !asksIfThingFunded(req.text)) rawIntent = this.intentOfTerms(req.text);
    const found = detector.detectWithStrength(req.text);
    // "Und an welche Adresse schicken wir die Interessenbekundung?": a word another call uses as its name keeps the conversation's call.
    const keepsContext = !found.distinct && req.programId !== undefined && followsUp(req.text) && kb.programsById.has(req.programId) && !found.programs.some((p) => p.id === req.programId);
    const detected = keepsContext ? [] : found.programs;
    // "Bis wann läuft die Landesförderung für Begegnungstreffs?": a call described by words of its title is asked about as
    // if named ("… die Treffpunkt Zusammenhalt"), so its describing words are not taken for a topic its texts lack; when
    // they cannot be replaced ("Treffpunkt-Förderung"), the call is taken as the one asked about below.
    // An English question is read through the words it writes with a capital ("the Treffpunkt programme", an English
    // call's "Twinning Bridges") and the term list's German words for it ("meeting place" → "Treffpunkt");
    // it keeps its own words, the call is only taken as the one asked about. Only a question of a known kind: an English
    // question of no kind is checked too loosely against a German text to be answered from a call it does not name.
    const implied = detected.length === 0 && req.programId === undefined && !SMALLTALK.has(rawIntent) && !ASKS_FOR_CALLS.test(req.text) ? (req.lang === 'de' ? impliedCall(req.text, kb) : rawIntent !== 'unknown' ? impliedCall(req.text, kb, this.deps.terms.heads(req.text)) : undefined) : undefined;
    if (implied && implied.words.length && req.lang === 'de') {
      const named = namingCall(req.text, implied);
      if (named !== req.text && detector.detect(named).includes(implied.program)) return this.answerOne({ ...req, text: named });
    }
    // "Willkommen im Amt", "Ortsmitte gemeinsam": a programme's name describes no applicant and asks nothing.
    const ownWords = withoutNames(req.text, detected);
    // "Wer ist Ansprechpartner für Rural Futures Micro-Grants?": a word of the programme's name ("Grants") asks nothing.
    if (ownWords !== req.text && rawIntent === fullIntent) {
      const own = classifyIntent(ownWords).intent;
      if (own !== 'unknown' && own !== rawIntent) rawIntent = own;
    }
    const facts = extractProfileFacts(ownWords);
    // "im Landkreis Wettertal" where the call's name holds "Wettertal": the district as written, the name left in.
    const district = !facts.district ? extractDistrict(req.text) : undefined;
    if (district && detected.some((p) => [p.shortName, ...p.aliases].some((a) => a.toLowerCase().includes(district.toLowerCase())))) facts.district = district;
    // "Is the Hanseatic City of Lübeck eligible?": the call's own list says what kind Lübeck is.
    if (detected.length === 1 && (facts.entityType === undefined || facts.entityType === 'stadt')) {
      const kind = kindOfNamedPlace(kb, kb.docIdsOf(detected[0]), ownWords);
      if (kind) facts.entityType = kind;
    }
    let intent = rawIntent;
    // A described applicant plus an eligibility cue is an eligibility question ("… passt das?").
    // A money question after the description ("… wollen uns gemeinsam bewerben. Welche Pauschale gäbe es dann?") stays one.
    const describesApplicant = facts.entityType !== undefined || facts.population !== undefined;
    if ((intent === 'unknown' || intent === 'about' || intent === 'benefits' || intent === 'profileCheck' || (intent === 'money' && !/wie (viel|hoch)|how much|welche[nrs]? (fest|förder)?(betrag|pauschale|zuschuss|summe|quote|satz|anteil)|förderquote|fördersatz|\bmaximal\b|höchstbetrag|(what|which) (funding )?(rate|share|percentage)|maximum (grant|amount|funding)/i.test(req.text) && ELIGIBILITY_CUE.test(questionSentence(req.text))) || (intent === 'process' && ELIGIBILITY_CUE.test(questionSentence(req.text)))) && describesApplicant && ELIGIBILITY_CUE.test(req.text)) intent = 'eligibility';

    // "Kleinstadt, knapp 31.000 EW – lohnt sich ein Antrag?" asks whether it may apply; with a project's cost told it asks about the money.
    if (intent === 'unknown' && describesApplicant && /\blohnt sich\b.{0,30}\b(antrag|bewerbung|teilnahme)/i.test(req.text) && !/\d[\d.,]*\s*(€|euro)/i.test(req.text)) intent = 'eligibility';
    // "Sind Smartphones förderfähig?", "Is a trailer eligible?": whether a thing is funded, not who may apply.
    // "Dürfen wir mit dem Zuschuss die Miete bezahlen?": whether a thing is paid for, not how much there is.
    if (intent === 'money' && USE_OF_MONEY.test(req.text) && YES_NO_QUESTION.test(questionSentence(req.text)) && !/wie (viel|hoch)|how much|welche[nrs]? (betrag|summe|anteil)/i.test(req.text) && !describesApplicant) intent = 'unknown';
    // "Drei Dörfer wollen einen gemeinsamen Antrag stellen. Ist das möglich?" asks who may apply, and how.
    if ((intent === 'process' || intent === 'unknown') && JOINT_QUESTION.test(ownWords) && /möglich|geht das|ging das|ginge das|dürfen|darf|durften|können|kann|konnten|erlaubt|zulässig|possible|allowed|can we/i.test(req.text)) intent = 'eligibility';
    // "Dürfen wir mehrere Beiträge einreichen?" asks how many one may hand in: the call's sentence on that.
    if (MULTIPLE_ENTRIES.test(req.text)) intent = 'unknown';
    // "Wie viele Kommunen sollen gefördert werden?" asks for a number, not whether one may apply.
    // "Wie viele Geräte kann eine Gemeinde höchstens beantragen?": "eine Gemeinde" there is anyone, not the asker described.
    const countedThing = req.text.match(/\b(?:wie ?viele|how many)\s+(\p{L}{3,}(?:\s+\p{L}{3,})?)/iu)?.[1] ?? '';
    const countsThings = countedThing !== '' && !/kommun|gemeind|partner|municipal|town|städt|kreis|district/i.test(countedThing);
    if (intent === 'eligibility' && /\bwie ?viele\b|\bhow many\b/i.test(req.text) && (!describesApplicant || countsThings)) intent = 'unknown';
    // "An wie viele Kommunen geht die Begleitung?" counts municipalities, it does not ask what they get.
    if ((intent === 'benefits' || intent === 'money') && /\b(wie viele|how many)\s+(\p{L}+\s+)?(kommunen|modellkommunen|gemeinden|städte|landkreise|kreise|projekte|vorhaben|standorte|regionen|municipalities|towns|projects)\b/iu.test(req.text)) intent = 'unknown';
    // "Could we e-mail our signed application?", "Dürfen wir den unterschriebenen Antrag mailen?": how to send it, not whether to sign.
    // "… as a scanned PDF with the mayor's signature?": how to send the signed application, not whether to sign.
    if (intent === 'signature' && BY_CHANNEL.test(req.text) && /\b(signed|unterschriebene[nrs]?|unterzeichnete[nrs]?)\s+\p{L}|\bwith (the|a|our|his|her) [\p{L}'’]+ signature\b|\bmit (der |einer )?unterschrift\b/iu.test(req.text)) intent = 'process';
    // "Wie lange läuft die Förderung?", "How long is the funding period?": a duration, not the application deadline.
    if ((intent === 'deadline' || intent === 'money' || intent === 'benefits' || intent === 'eligibility') && asksDuration(req.text)) intent = 'unknown';
    // "Was passiert, wenn der Antrag erst nach dem Stichtag ankommt?" asks about lateness, not for the date.
    // "Is it too late now to hand in our application?", "Sind wir schon zu spät dran?" ask whether the deadline has passed.
    if (intent === 'deadline' && LATE.test(req.text) && !ASKS_IF_TOO_LATE.test(req.text) && !LATER_ROUND_ASKED.test(req.text)) intent = 'unknown';
    // "How many municipalities received HitzeFit funding in previous years?" asks for past results, not whether the asker may apply.
    if (PAST_RESULTS_ASKED.test(questionSentence(req.text)) && (intent === 'eligibility' || intent === 'profileCheck' || intent === 'money' || intent === 'benefits')) intent = 'unknown';
    // "Gibt es noch einen späteren Termin?", "Is there a second call?": a later round's deadline.
    if (intent === 'unknown' && LATER_ROUND_ASKED.test(questionSentence(req.text))) intent = 'deadline';
    // "Was rät das Papier den Fördergebern …?": what a text advises funders, not who funds it.
    if (intent === 'funder' && PAPER_SAYS.test(req.text)) intent = 'unknown';
    // "Sind Planungs- und Architektenleistungen förderfähig?": whether a thing is funded, not what support the call offers.
    if (intent === 'benefits' && THING_FUNDABLE.test(questionSentence(req.text))) intent = 'unknown';
    if (intent === 'greeting' || intent === 'thanks' || intent === 'help') return this.smalltalk(intent, req.lang);
    if (intent === 'listPrograms') return this.listPrograms(req.lang);

    // "Und bei WIR?" asks the previous question about another programme.
    if (intent === 'unknown' && detected.length && req.lastIntent && FACTUAL_INTENTS.has(req.lastIntent as Intent) && (followsUp(req.text) || req.text.trim().split(/\s+/).length <= 4)) {
      intent = req.lastIntent as Intent;
    }
    const contextProgram = req.programId ? kb.programsById.get(req.programId) : undefined;
    // "Und wann werden die Gewinner bekanntgegeben?": a follow-up keeps the programme even when its kind of question is new.
    const programs = detected.length ? detected : contextProgram && (intent !== 'unknown' || followsUp(req.text)) ? [contextProgram] : implied ? [implied.program] : [];
    const profile: ApplicantProfile = { ...(req.profile ?? {}), ...facts };

    if (programs.length === 0) {
      if (intent === 'eligibility' && hasProfileFacts(facts)) return this.verdictsForAll(profile, req);
      return this.withoutProgram(intent, req);
    }
    // A specific thing the texts never mention ("Verwendungsnachweis") must not get a loosely related answer.
    // A described applicant names places and things of its own ("Landkreis Nordfriesland", "Heimatverein"): no topic.
    const describedForVerdict = intent === 'eligibility' && hasProfileFacts(facts);
    // "Bei uns gab es Drohungen. Können wir anonym mitmachen?": for a question with a fixed subject, the sentences before it tell the situation.
    // So does a described applicant before a money question, unless the question points back at something of it ("dafür").
    // So does a project's cost told before ("Unser Boule-Platz kostet 30.000 Euro. Wie hoch ist der Zuschuss?"): the question is the money.
    const costBefore = questionSentence(req.text) !== req.text && projectCost(req.text.replace(questionSentence(req.text), ' ')) !== undefined;
    const describedBeforeMoney = intent === 'money' && (describesApplicant || costBefore) && !/\b(dafür|dafuer|damit|davon|hierfür|for (it|that|this|them))\b/i.test(questionSentence(req.text));
    const topicText = SITUATION_MAY_PRECEDE.has(intent) || describedBeforeMoney ? questionSentence(req.text) : req.text;
    // "Aus wessen Budget …?", "Welches Ressort stellt das Geld?": who funds it is the whole question, whatever it calls the money.
    // For who funds it, the words for money and budgets are the question itself; anything else it names ("die Wartung der Sirenen") must be in the texts.
    const topicOfAsking = intent === 'funder' ? topicText.replace(/(?<!\p{L})(budget|etat|topf|haushalt\p{L}*|geld|mittel\p{L}*|ressort|ministeri\p{L}*|behörde|förder\p{L}*|finanz\p{L}*|einrichtung|durchführung|umsetzung|träger|zuständig\p{L}*|stammt|kommt|organisation|institution)(?!\p{L})/giu, ' ') : topicText;
    // "Unser Abwasserzweckverband … Kann der Zweckverband selbst einen Antrag stellen?" – "Zweckverbände … sind nicht antragsberechtigt.":
    // an applicant the call excludes by name, whatever else the question tells.
    // A state alone ("ein Ortsteil von Freiberg in Sachsen") says nothing of the kind that asks: the exclusion may still name it.
    // "Eine Nachbarschaftshilfe, aber ohne Verein" – "Nicht antragsberechtigt sind … Initiativen ohne eigene Rechtsform": a group with no
    // legal form, whatever place the question names ("bei uns im Dorf").
    const informal = intent === 'eligibility' && programs.length === 1 && NO_LEGAL_FORM_ASKER.test(ownWords) ? findSentence(kb, kb.docIdsOf(programs[0]), (x) => NO_LEGAL_FORM_SAID.test(x) && /nicht (antrags|teilnahme)berechtigt|ausgeschlossen|können (keine|nicht)/i.test(x)) ?? listItemUnder(kb, kb.docIdsOf(programs[0]), NO_LEGAL_FORM_SAID, /nicht (antrags|teilnahme)berechtigt|ausgeschlossen/i) : undefined;
    if (informal) return this.answerOf(programs[0], intent, this.deps.t(req.lang, 'passage.faqNo', { program: programs[0].shortName, quote: escapeMarkdown(informal.quote) }), [this.citation(programs[0], informal.docId, informal.quote)], req.lang);
    if (intent === 'eligibility' && programs.length === 1 && (!hasProfileFacts(facts) || (!facts.entityType && facts.population === undefined))) {
      const excluded = findNamedExclusion(kb, kb.docIdsOf(programs[0]), questionSentence(ownWords));
      if (excluded) return this.answerOf(programs[0], intent, this.deps.t(req.lang, 'passage.faqNo', { program: programs[0].shortName, quote: escapeMarkdown(excluded.quote) }), [this.citation(programs[0], excluded.docId, excluded.quote)], req.lang);
    }
    // A German question's nouns cannot be looked up in a call written in English: there the passage checks decide.
    // Only for questions whose answer the call's structure gives (a date, a signer, a contact): what a thing is called, it does not.
    const germanTexts = programs.some((p) => this.languageOf(p) === 'de') || !STRUCTURAL_INTENTS.has(intent);
    if (FACTUAL_INTENTS.has(intent) && req.lang === 'de' && germanTexts && !describedForVerdict && unknownTopic(asSentence(topicOfAsking, req.text), programs, kb.topicVocabulary(programs))) return this.abstain(intent, req.lang, programs[0]);
    if (programs.length > 1 && FACTUAL_INTENTS.has(intent)) return this.several(programs.slice(0, 3), intent, profile, req);
    return this.forProgram(programs[0], intent, profile, req, hasProfileFacts(facts));
  }

  /**
   * How many content words of an English question the term list does not know, leaving out the call's name and words for the
   * text itself or for mentioning ("What success factors does the ILS paper name?" asks only about success factors).
   */
  private unknownEnglish(text: string, program: Program): number {
    return this.deps.terms.unknownWords(withoutNames(text, [program])).filter((w) => !DOCUMENT_WORDS.test(w)).length;
  }

  /** The intent of the term list's German words for an English text; 'unknown' when they name more than one. */
  private intentOfTerms(text: string): Intent {
    const german = this.deps.terms.expand(text);
    if (!german.length) return 'unknown';
    const { all } = classifyIntent(german.join(' '));
    const factual = all.filter((i) => FACTUAL_INTENTS.has(i));
    return factual.length === 1 ? factual[0] : 'unknown';
  }

  /** "Laut Ausschreibung X: „…“" (a paper: "Im X heißt es: „…“"); the quote inert in markdown. */
  private quoteLead(program: Program, quote: string, lang: Lang, question?: string): string {
    // "Um wie viel Uhr begann die Infoveranstaltung im Februar?" – "Am 31. Januar um 14-15 Uhr und am 16. Februar um 11-12 Uhr …": the one asked for first.
    const part = question ? datedPartAsked(quote, question) ?? jointPartAsked(quote, question) : undefined;
    if (part) return this.deps.t(lang, 'passage.partFirst', { part: escapeMarkdown(part), program: program.shortName, quote: escapeMarkdown(quote) });
    // An English call quoted to an English question needs no "(in German)".
    const same = lang === 'en' && this.languageOf(program) === 'en' ? 'SameLanguage' : '';
    return this.deps.t(lang, program.kind === 'research' ? `passage.leadResearch${same}` : `passage.lead${same}`, { program: program.shortName, quote: escapeMarkdown(quote) });
  }

  /** The language a programme's text is written in, read once from its beginning. */
  private languageOf(program: Program): Lang {
    let lang = this.textLanguage.get(program.id);
    if (!lang) {
      lang = detectLanguage(this.deps.kb.docs.get(program.docIds[0])?.text.slice(0, 4000) ?? '', 'de-DE');
      this.textLanguage.set(program.id, lang);
    }
    return lang;
  }

  /** An answer that is a sentence of the texts, quoted and cited. */
  private quoteAnswer(program: Program, intent: Intent, found: { docId: string; quote: string }, lang: Lang, question?: string): Answer {
    return this.answerOf(program, intent, this.quoteLead(program, found.quote, lang, question), [this.citation(program, found.docId, found.quote)], lang);
  }

  /** German search text for a question, with the term list's German words for English ones. */
  private searchText(text: string, lang: Lang): string {
    const extra = this.deps.terms.expand(text);
    const same = this.deps.kb.synonyms.expand(text);
    return extra.length || same.length || lang === 'en' ? `${text} ${[...extra, ...same].join(' ')}` : text;
  }

  private citation(program: Program | undefined, docId: string, quote: string): Citation {
    const doc = this.deps.kb.docs.get(docId);
    return {
      title: program?.documentTitle ?? doc?.title ?? docId,
      quote,
      url: program?.url,
      docId,
      version: doc ? `${doc.hash.slice(0, 8)} (${doc.modified})` : undefined,
    };
  }

  private suggestions(program: Program | undefined, exclude: Intent, lang: Lang, extra: ('check' | 'handoff')[] = []): Suggestion[] {
    const { t } = this.deps;
    const out: Suggestion[] = [];
    if (program && program.kind === 'call') {
      for (const i of SUGGESTABLE) {
        if (i === exclude || out.length >= 3) continue;
        out.push({ title: t(lang, `suggest.${i}.title`), value: t(lang, `suggest.${i}.value`, { program: program.shortName }) });
      }
    }
    if (extra.includes('check')) out.push({ title: t(lang, 'suggest.check.title'), value: t(lang, 'suggest.check.value') });
    if (extra.includes('handoff')) out.push(this.handoffSuggestion(lang, program));
    return out;
  }

  private answerOf(program: Program, intent: Intent, text: string, citations: Citation[], lang: Lang, kind: Answer['kind'] = 'answer', details: string[] = []): Answer {
    return {
      kind, intent, text, details, citations, programId: program.id, grounded: citations.length > 0,
      suggestions: this.suggestions(program, intent, lang, kind === 'verdict' ? ['check', 'handoff'] : ['handoff']),
    };
  }

  private handoffSuggestion(lang: Lang, program?: Program): Suggestion {
    const { t } = this.deps;
    return { title: t(lang, 'suggest.handoff.title'), value: program ? t(lang, 'suggest.handoff.value', { program: program.shortName }) : t(lang, 'suggest.handoff.valueGeneral') };
  }

  /**
   * The grant for a project's eligible costs, worked out from the call's rate, cap and minimum (see grantCalculator):
   * "Rechnerisch: 90 % von 450.000 Euro = 405.000 Euro; Ihr Eigenanteil läge bei 45.000 Euro." Rates for other groups
   * are named beside it; nothing when the texts give no rate that holds for the asker.
   */
  private workedGrant(kb: KnowledgeBase, docIds: ReadonlySet<string>, cost: number, question: string, minimum: { amount: number; quote: string; docId: string } | undefined, lang: Lang): { text: string; quotes: { docId: string; quote: string }[] } | undefined {
    // "Our registered association …" asks as an association, whatever "the district volunteering fund" makes of it.
    const asker = ASSOCIATION_ASKS.test(question) ? 'organisation' : extractEntityType(question);
    const worked = workOut(kb, docIds, cost, question, extractPopulation(question), minimum, asker);
    if (!worked) {
      // Rates by size or kind of applicant, and the question tells neither: the sum for each group.
      const groups = workOutByGroup(kb, docIds, cost);
      if (!groups.length) return undefined;
      const money = (n: number) => formatNumber(lang, Math.round(n * 100) / 100);
      const lines = groups.map((g) => this.deps.t(lang, g.capped ? 'passage.workedGroupCapped' : 'passage.workedGroup', { who: g.who, rate: formatNumber(lang, g.rate.value), grant: money(g.grant) }));
      const byMeasure = groups.every((g) => g.rate.label && !g.rate.applicant && !g.rate.condition);
      const text = `${this.deps.t(lang, byMeasure ? 'passage.workedByMeasure' : 'passage.workedByGroup', { cost: money(cost) })} ${lines.join('; ')}. ${this.deps.t(lang, 'passage.workedNote')}`;
      const quotes = distinctQuotes(groups.map((g) => g.rate));
      return { text, quotes };
    }
    const t = this.deps.t;
    const money = (n: number) => formatNumber(lang, Math.round(n * 100) / 100);
    const rate = (r: { value: number }) => formatNumber(lang, r.value);
    const values = { rate: rate(worked.rate), cost: money(cost), raw: money(worked.raw), grant: money(worked.grant), cap: worked.cap ? money(worked.cap.value) : '', min: worked.belowMinimum ? money(worked.belowMinimum.amount) : '', own: money(cost - worked.grant) };
    const caps = worked.caps.map((c) => `${money(c.value)} ${lang === 'de' ? 'Euro' : 'EUR'}${c.label ? ` (${c.label})` : ''}`).join(lang === 'de' ? ' bzw. ' : ' or ');
    const key = worked.belowMinimum ? 'passage.workedBelowMinimum' : worked.aboveEveryCap ? 'passage.workedAboveCaps' : worked.cap ? 'passage.workedCapped' : worked.rate.upTo ? 'passage.workedUpTo' : 'passage.worked';
    const parts = [t(lang, key, { ...values, caps })];
    if (worked.caps.length && !worked.aboveEveryCap) parts.push(t(lang, 'passage.workedCapsDiffer', { caps }));
    for (const o of worked.others.filter((x) => x.rate.condition?.phrase)) parts.push(t(lang, 'passage.workedOther', { who: o.rate.condition?.phrase ?? '', rate: rate(o.rate), grant: money(o.grant) }));
    parts.push(t(lang, 'passage.workedNote'));
    const quotes = distinctQuotes([worked.rate, ...worked.others.map((o) => o.rate), ...(worked.cap ? [worked.cap] : []), ...worked.caps, ...(worked.belowMinimum ? [worked.belowMinimum] : [])]);
    return { text: parts.join(' '), quotes };
  }

  abstain(intent: Intent, lang: Lang, program?: Program): Answer {
    const { t } = this.deps;
    return {
      kind: 'abstain', intent, grounded: false, citations: [], details: [], programId: program?.id,
      text: program ? t(lang, 'abstain.program', { program: program.shortName }) : t(lang, 'abstain.general'),
      suggestions: [this.handoffSuggestion(lang, program), { title: t(lang, 'suggest.list.title'), value: t(lang, 'suggest.list.value') }],
    };
  }

  private smalltalk(intent: Intent, lang: Lang): Answer {
    const { t } = this.deps;
    return {
      kind: 'smalltalk', intent, grounded: false, citations: [], details: [],
      text: t(lang, `smalltalk.${intent}`),
      suggestions: [
        { title: t(lang, 'suggest.list.title'), value: t(lang, 'suggest.list.value') },
        { title: t(lang, 'suggest.check.title'), value: t(lang, 'suggest.check.value') },
        { title: t(lang, 'suggest.example.title'), value: t(lang, 'suggest.example.value') },
      ],
    };
  }

  private listPrograms(lang: Lang): Answer {
    const { t, kb } = this.deps;
    const calls = kb.programs.filter((p) => p.kind === 'call');
    const other = kb.programs.filter((p) => p.kind !== 'call');
    const lines = calls.map((p) => `- ${p.name}`);
    if (other.length) lines.push(t(lang, 'list.other', { names: other.map((p) => p.name).join('; ') }));
    return {
      kind: 'smalltalk', intent: 'listPrograms', grounded: false, citations: [], details: lines,
      text: t(lang, 'list.intro', { count: calls.length }),
      suggestions: calls.slice(0, 4).map((p) => ({ title: p.shortName, value: t(lang, 'suggest.about.value', { program: p.shortName }) })),
    };
  }

  /**
   * A deadline status in words, e.g. "… endete am 28.02.2023 – sie ist abgelaufen", with the hour
   * when the quote gives one ("12:00 Uhr" can matter more than the day); asked for an hour the
   * quote does not give, it says so.
   */
  deadlineText(program: Program, status: DeadlineStatus, lang: Lang, label?: string, source?: { quote: string; question: string }): string {
    const { t } = this.deps;
    const name = program.shortName;
    const what = label ?? t(lang, 'deadline.defaultLabel');
    const time = source ? clockTime(source.quote) : undefined;
    // "Können wir Mitte Juli 2027 noch einreichen?" names when they would send, not what the deadline is.
    const asked = source ? questionSentence(source.question) : '';
    // "Wir haben am 1. Dezember um 14 Uhr abgeschickt. Zählt die noch?": the sending is told before the question.
    const sent = source && !SUBMIT_ON.test(asked) && SUBMIT_ON.test(source.question) && !findDates(asked).length ? source.question : asked;
    const when = source && status.kind !== 'noYear' && SUBMIT_ON.test(sent) && !NAMES_DEADLINE.test(asked) ? proposedPeriod(sent, todayOf(status)) : undefined;
    let inTime = when && status.kind !== 'noYear' ? (when.to <= status.date ? 'deadline.inTime' : when.from > status.date ? 'deadline.tooLate' : undefined) : undefined;
    // "am 1. Dezember um 14 Uhr abgeschickt" on the last day: the hour decides, when both are known.
    if (when && status.kind !== 'noYear' && when.from === status.date && when.to === status.date) {
      const askedHour = clockTime(sent);
      inTime = !askedHour ? inTime : !time ? undefined : askedHour <= time ? 'deadline.inTime' : 'deadline.tooLate';
    }
    // "War der 6. November die Antragsfrist?", "… doch der 20. März, oder?", "Ende Oktober – gilt das wieder?": a day or
    // month the asker names as the deadline is confirmed or corrected first. Without a year it is placed nearest to the deadline.
    const confirming = source && (YES_NO_QUESTION.test(asked) || CONFIRM_QUESTION.test(asked) || TAG_QUESTION.test(asked) || /\bgilt (das|der|die) (wieder|noch|auch)\b/i.test(asked));
    // "Den Termin Ende September haben wir verschlafen. Ist … gelaufen?" tells a date missed, it claims no deadline.
    const missed = source !== undefined && MISSED.test(source.question);
    const claimed = confirming && !when && !missed && status.kind !== 'noYear' ? proposedPeriod(source.question, status.date) : undefined;
    const claimVerdict = claimed && status.kind !== 'noYear' ? (claimed.from <= status.date && status.date <= claimed.to ? 'deadline.sameDate' : 'deadline.otherDate') : undefined;
    const verdict = inTime ? `${t(lang, inTime)} ` : claimVerdict ? `${t(lang, claimVerdict)} ` : '';
    const hour = time ? ` ${t(lang, 'deadline.atTime', { time })}` : source && ASKS_HOUR.test(source.question) ? ` ${t(lang, 'deadline.noTime')}` : '';
    switch (status.kind) {
      case 'closed':
        return verdict + t(lang, 'deadline.closed', { program: name, label: what, date: formatDate(lang, status.date), days: formatNumber(lang, status.daysAgo) }) + hour;
      case 'today':
        return verdict + t(lang, 'deadline.today', { program: name, label: what, date: formatDate(lang, status.date) }) + hour;
      case 'open':
        return verdict + t(lang, 'deadline.open', { program: name, label: what, date: formatDate(lang, status.date), days: formatNumber(lang, status.daysLeft), count: status.daysLeft }) + hour;
      case 'noYear':
        return t(lang, 'deadline.noYear', { program: name, label: what, date: formatDayMonth(lang, status.day, status.month) }) + hour;
    }
  }

  private forProgram(program: Program, intent: Intent, profile: ApplicantProfile, req: AnswerRequest, profileInText: boolean): Answer {
    // "amtsfreie gemeinde …, 7000 ppl – could we get weckruf money?": whether the described applicant gets it at all, not how much.
    if (intent === 'money' && profileInText && YES_NO_QUESTION.test(questionSentence(req.text)) && GETTING_MONEY.test(questionSentence(req.text)) && !/wie ?viel|wie hoch|how much|welche[nrs]? (summe|betrag|höhe)|amount|rate|quote|satz|ändert|change/i.test(req.text)) intent = 'eligibility';
    const { t, kb } = this.deps;
    const lang = req.lang;
    const docId = program.docIds[0];
    const docIds = kb.docIdsOf(program);

    // "Wir haben exakt 20.000 Einwohner. Welche Kategorie gilt für uns?": the row of the size classes that holds the number.
    if (SIZE_CLASS_ASKED.test(questionSentence(req.text)) && profile.population !== undefined) {
      const row = populationRow(kb, docIds, profile.population);
      if (row) return this.quoteAnswer(program, intent, row, lang, req.text);
    }
    // "Welche Kommunen wurden ausgewählt?": a call text cannot know who was chosen, unless it lists them.
    if (ASKS_RESULT.test(req.text) && !textsSay(kb, docIds, RESULT_SAID)) return this.abstain(intent, lang, program);
    // "Was haben wir davon, wenn unsere Bewerbung nicht genommen wird?": the sentence on unsuccessful applications, not what the chosen get.
    if (NOT_SELECTED_ASKED.test(req.text) && intent !== 'deadline' && intent !== 'contact') {
      const said = findSentence(kb, docIds, (x) => NOT_SELECTED_SAID.test(x));
      if (said) return this.quoteAnswer(program, intent, said, lang, req.text);
    }
    // "Unser Caterer möchte selbst eine Skizze einreichen. Geht das?" – "Private Schulträger, Caterer … können keine Skizze einreichen": no.
    if ((intent === 'unknown' || intent === 'process' || intent === 'eligibility') && !profileInText && YES_NO_QUESTION.test(questionSentence(req.text))) {
      const excluded = findNamedExclusion(kb, docIds, withoutNames(req.text, [program]));
      if (excluded) return this.answerOf(program, 'eligibility', t(lang, 'passage.faqNo', { program: program.shortName, quote: escapeMarkdown(excluded.quote) }), [this.citation(program, excluded.docId, excluded.quote)], lang);
    }
    // "Können wir gleich einen Vollantrag stellen?", "Who may submit a full application?": only those invited may, as the call says.
    const direct = DIRECT_SECOND_STAGE.test(req.text);
    const whoSecond = asksSecondStage(req.text) && /\b(wer|who)\b/i.test(questionSentence(req.text)) && /\b(darf|dürfen|kann|können|may|can|allowed)\b/i.test(req.text);
    const invited = direct || whoSecond ? findSentence(kb, docIds, (x) => INVITED_ONLY.test(x)) : undefined;
    if (invited && !direct) return this.quoteAnswer(program, 'eligibility', invited, lang);
    if (invited) {
      // Going straight to it is a no; the first stage's deadline sentence says what comes first.
      const first = findSentence(kb, docIds, (x) => FIRST_STAGE_SENTENCE.test(x) && /einzureichen|einreichen|reichen\b.{0,80}\bein\b/i.test(x) && findDates(x).length > 0 && !INVITED_ONLY.test(x));
      const quote = first ? `${first.quote} ${invited.quote}` : invited.quote;
      return this.answerOf(program, 'process', t(lang, 'passage.faqNo', { program: program.shortName, quote: escapeMarkdown(quote) }), [this.citation(program, invited.docId, quote)], lang);
    }
    // "Braucht es einen Beschluss des Gemeinderats?" is not answered by what the text says about signing.
    if (intent === 'signature' && RESOLUTION_ASKED.test(req.text) && !textsSay(kb, docIds, RESOLUTION_SAID)) return this.abstain(intent, lang, program);
    // "Können wir uns auf das ILS-Papier bewerben?": a research paper is no call; say so rather than quote it.
    // "Was schlägt das Papier vor, damit Kommunen besser durch Antragsverfahren kommen?" asks what it says, not how to apply.
    const asksApplying = !PAPER_SAYS.test(req.text) && ((APPLYING_INTENTS.has(intent) && (!NEEDS_APPLYING_WORDS.has(intent) || APPLYING_WORDS.test(req.text))) || /\b(bewerben|beantragen|antrag stellen)\b/i.test(req.text));
    // "Wann ist das ILS-Papier erschienen?": the date of its imprint, not "it has no deadline".
    // "Wann wurde der Aufruf veröffentlicht?" asks the same of a call; "Wann werden die Namen veröffentlicht?" does not.
    // "Who wrote it and when did it come out?": the byline, whose citation names the year.
    if (PUBLICATION_ASKED.test(req.text) && !AUTHOR_QUESTION.test(req.text) && (program.kind === 'research' || (TEXT_ITSELF.test(req.text) && !asksAboutPeople(req.text)))) {
      const published = findPublicationDate(kb, docIds);
      return published ? this.quoteAnswer(program, 'unknown', published, lang) : this.abstain(intent, lang, program);
    }
    if (program.kind === 'research' && asksApplying) {
      const about = program.facts.find((f) => f.topic === 'about');
      const lead = t(lang, 'research.notACall', { program: program.shortName });
      return this.answerOf(program, intent, YES_NO_QUESTION.test(req.text) ? `${t(lang, 'research.no')} – ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead, about ? [this.citation(program, docId, about.quote)] : [], lang);
    }
    // "Wie lange läuft die Förderung?": the sentence with the duration, or nothing.
    if (intent === 'unknown' && asksDuration(req.text)) {
      const d = findDuration(kb, docIds, this.searchText(req.text, lang));
      // "Wie lange müssen wir die Börse nach dem Ende der Förderung weiterbetreiben?" is not answered by how long the funding runs.
      if (d && AFTER_FUNDING_ASKED.test(req.text) && !AFTER_FUNDING_SAID.test(d.quote)) return this.abstain(intent, lang, program);
      // "Kann die Laufzeit verlängert werden?" is not answered by how long it runs: a sentence on extending it, or nothing.
      if (EXTENSION_ASKED.test(req.text)) {
        const ext = findSentence(kb, docIds, (x) => EXTENSION_ASKED.test(x) && DURATION.test(x));
        return ext ? this.quoteAnswer(program, intent, { docId: ext.docId, quote: ext.quote }, lang) : this.abstain(intent, lang, program);
      }
      return d ? this.quoteAnswer(program, intent, d, lang) : this.abstain(intent, lang, program);
    }
    // "Dürfen wir schon anfangen, bevor der Bescheid da ist?" – "Mit dem Vorhaben darf vor der Bewilligung nicht begonnen worden sein.": its rule, a no when it forbids.
    // "Den Auftrag … haben wir schon unterschrieben. Lässt sich das noch fördern?": the same rule, told for what was done.
    if (EARLY_START_ASKED.test(req.text) || (intent !== 'deadline' && STARTED_ALREADY.test(req.text))) {
      // The rule itself before a list that merely names such projects among others ("Nicht gefördert werden … 8. Maßnahmen, mit denen … begonnen wurde").
      const candidates: { docId: string; quote: string; next?: string }[] = [];
      for (const chunk of allChunksOf(kb, docIds)) chunk.sentences.forEach((x, i) => { if (EARLY_START_SAID.test(x) && /bewilligung|zusage|bescheid|approval|grant/i.test(x)) candidates.push({ docId: chunk.docId, quote: x, next: chunk.sentences[i + 1] }); });
      const ruleFirst = (c: { quote: string }) => (EARLY_START_FORBIDDEN.test(c.quote) ? 2 : 0) + (/vorzeitig|early start/i.test(c.quote) ? 1 : 0) - c.quote.length / 1000;
      const best = candidates.sort((a, b) => ruleFirst(b) - ruleFirst(a))[0];
      // "… darf erst nach Zugang des Bescheides begonnen werden. Auf schriftlichen Antrag kann … einem vorzeitigen Maßnahmebeginn zustimmen": the exception belongs to it.
      const next = best?.next ?? '';
      const exception = /vorzeitig\p{L}*\s+(maßnahme|vorhaben)?beginn|early start/iu.test(next) && /zustimm|zulass|zugelassen|genehmig|approve|allow/i.test(next);
      // "Als Beginn gilt schon die Vergabe eines Bau- oder Lieferauftrags": what counts as starting belongs to it too.
      const startDefined = /\bals (vorhaben|maßnahme|maßnahmen|projekt)?beginn gilt|\bgilt als (vorhaben|maßnahme|maßnahmen|projekt)?beginn/iu.test(next);
      const rule = best ? { docId: best.docId, quote: exception || startDefined ? `${best.quote} ${next}` : best.quote } : undefined;
      if (rule) {
        if (EARLY_START_FORBIDDEN.test(rule.quote) && !exception && YES_NO_QUESTION.test(questionSentence(req.text))) {
          return this.answerOf(program, intent, t(lang, 'passage.faqNo', { program: program.shortName, quote: escapeMarkdown(rule.quote) }), [this.citation(program, rule.docId, rule.quote)], lang);
        }
        return this.quoteAnswer(program, intent, rule, lang, req.text);
      }
    }
    // "Wir haben schon mit dem Umbau angefangen – kann das noch gefördert werden?": without a rule on starting early, the sentence on projects begun before.
    if (intent !== 'deadline' && STARTED_ALREADY.test(req.text)) {
      const begun = findPassage(kb, docIds, `${this.searchText(req.text, lang)} begonnen Beginn vorzeitig Bewilligung`, 'unknown', ['begonn']);
      if (begun && BEGUN_BEFORE.test(begun.quote)) return this.quoteAnswer(program, intent, begun, lang);
    }
    // "Unsere Rückendeckungserklärung wird bis zur Frist nicht fertig – ist das ein Problem?": the sentence on handing it in later, about that document.
    // "… oder sind wir zu spät dran?" asks whether the deadline has passed, not what may follow it.
    if (LATE.test(req.text) && !ASKS_IF_TOO_LATE.test(req.text) && !/\b(antrag|bewerbung|application)\b.{0,40}\b(zu spät|late)\b/i.test(req.text)) {
      const named = focusTerms(req.text, [program], kb.vocabulary).filter((f) => f.length >= 11);
      const later = findPassage(kb, docIds, `${this.searchText(req.text, lang)} nachgereicht nachreichen nachträglich`, 'unknown', named);
      if (later && HANDED_IN_LATER.test(later.quote) && (named.length === 0 || later.coverage > 0)) return this.quoteAnswer(program, 'deadline', later, lang);
    }
    // "Wofür steht die Abkürzung WIR?": the text's own spelling-out, or nothing.
    if (ASKS_EXPANSION.test(req.text)) {
      // "Wofür steht LIV bei KOMPASS?" asks for LIV: the programme's own name only when it is the only one named.
      const named = req.text.match(ABBREVIATION) ?? [];
      const others = named.filter((a) => !program.aliases.includes(a.toLowerCase()) && program.shortName.toLowerCase() !== a.toLowerCase());
      for (const abbr of others.length ? others : named) {
        // The programme's own texts first; another text may spell out a name they only use ("BAMF").
        const found = findExpansion(kb, docIds, abbr) ?? findExpansion(kb, new Set(kb.chunks.map((c) => c.docId)), abbr);
        const source = found && (kb.programOfDoc(found.docId) ?? program);
        if (found && source) return this.answerOf(source, intent, t(lang, 'passage.expansion', { abbr, expansion: found.expansion }), [this.citation(source, found.docId, found.quote)], lang);
      }
      return this.abstain(intent, lang, program);
    }
    // "Wer hat das Papier geschrieben?": its byline.
    if (intent === 'funder' && AUTHOR_QUESTION.test(req.text)) {
      const byline = findByline(kb, docIds);
      return byline ? this.quoteAnswer(program, intent, byline, lang) : this.abstain(intent, lang, program);
    }
    // "Ab wie vielen Einwohnern darf man mitmachen?": a size limit the texts never give is no question for a verdict or a fact.
    // "Gibt es eine Einwohnergrenze?": no, when the call says so ("Eine Einwohnergrenze gilt nicht."); yes, with the call's limit.
    if (LIMIT_FOR_US.test(questionSentence(req.text))) {
      const none = findSentence(kb, docIds, (x) => NO_SIZE_LIMIT.test(x));
      const limit = program.rules.find((r): r is Extract<Program['rules'][number], { type: 'population' }> => r.type === 'population');
      const said = none ? { key: 'passage.faqNo', quote: none.quote, docId: none.docId } : limit ? { key: 'passage.faqYes', quote: limit.quote, docId } : undefined;
      if (said) return this.answerOf(program, 'eligibility', t(lang, said.key, { program: program.shortName, quote: escapeMarkdown(said.quote) }), [this.citation(program, said.docId, said.quote)], lang);
    }
    if (ASKS_SIZE_LIMIT.test(req.text) && !program.rules.some((r) => r.type === 'population' || r.type === 'jointBelow') && !textsSay(kb, docIds, /\d[\d.]*\s*(einwohner|ew\b)/i)) return this.abstain(intent, lang, program);
    // "Gibt es 2028 eine neue Runde?": only a text that speaks of another round can answer.
    if (NEXT_ROUND.test(req.text) && !textsSay(kb, docIds, NEXT_ROUND_SAID)) return this.abstain(intent, lang, program);
    // Only a question for a time: "Wann braucht man eine Unterschrift?" is about the signature.
    // The question itself: "Über welchen Zeitraum läuft die Förderung – bis wann muss der Umbau abgeschlossen sein?" asks the last part.
    // "… als Modellkommune melden? Bis wann ging das eigentlich?": a question without a noun of its own asks about the sentence before.
    const asked = questionSentence(req.text);
    const about = /(?<=\s)\p{Lu}\p{Ll}/u.test(asked) ? asked : req.text;
    // "Bis wann muss der Abschlussbericht eingereicht werden?", "deadline for the final report": a report is sent in, but it is no application.
    const reportAsked = REPORT_ASKED.test(asked);
    // "Gab es Online-Infoveranstaltungen? Wann fanden die statt?": the event is named in the sentence before.
    const eventBefore = about !== asked && NAMES_EVENT.test(about);
    const whenQuestion = reportAsked ? WHEN.test(asked) || /\bdeadline|\bdue\b|frist/i.test(asked) : lang === 'de' ? WHEN.test(asked) && (!APPLICATION_WORDS.test(about) || OTHER_EVENT.test(asked) || eventBefore) : OTHER_EVENT.test(req.text);
    // "Kann ich mich noch für die Infoveranstaltung anmelden?": the event's date and how to take part, never the application deadline.
    if (intent === 'deadline' && !whenQuestion && INFO_EVENT.test(asked) && !APPLICATION_WORDS.test(asked.replace(INFO_EVENT, '').replace(/\banmeld\w*|(?<![a-zäöü])melden\b/gi, ''))) {
      const faq = lang === 'de' ? findFaqAnswer(kb, docIds, req.text, focusTerms(req.text, [program], kb.vocabulary)) : null;
      if (faq && faq.coverage >= 0.5 && INFO_EVENT.test(faq.quote)) return this.quoteAnswer(program, intent, faq, lang);
      const when = this.whenAnswer(program, intent, { ...req, text: asked });
      if (when) return when;
    }
    // "Wir waren schon in der ersten Runde dabei – dürfen wir wieder?": the call's rule on earlier participants decides, not the profile.
    if ((intent === 'eligibility' || (intent === 'deadline' && !WHEN.test(req.text))) && asksToApplyAgain(req.text)) {
      const rule = findPriorRoundRule(kb, docIds);
      if (rule) {
        const key = rule.verdict === 'yes' ? 'passage.faqYes' : rule.verdict === 'no' ? 'passage.faqNo' : undefined;
        const text = key ? t(lang, key, { program: program.shortName, quote: escapeMarkdown(rule.quote) }) : undefined;
        if (text) return this.answerOf(program, 'eligibility', text, [this.citation(program, rule.docId, rule.quote)], lang);
        return this.quoteAnswer(program, 'eligibility', rule, lang);
      }
    }
    // "Wann erfahren wir, ob wir ausgewählt wurden?", "When will we find out whether we were chosen?": when the decision is told,
    // never a deadline that only mentions being chosen ("Wird die Kommune ausgewählt, muss bis … ein Beschluss vorliegen").
    if ((intent === 'deadline' || intent === 'unknown' || intent === 'process') && OUTCOME_ASKED.test(asked) && WHEN_OR_HOW_SOON.test(asked)) {
      const told = findOutcomeTold(kb, docIds, asked, focusTerms(asked, [program], kb.vocabulary));
      if (told) return this.quoteAnswer(program, 'deadline', told, lang, req.text);
    }
    // "Über die Anträge wird zu vier Stichtagen im Jahr entschieden: 31.03., 30.06., …": the next of them, from the clock.
    // "Die Unterschrift kriegen wir erst nach dem Stichtag – ist die Frist gerissen?": something else at the deadline, which the call's
    // FAQ may answer ("Muss der Antrag zum Stichtag schon unterschrieben vorliegen? Nein. …"); never the next cut-off instead.
    const otherThing = intent === 'deadline' ? [SIGNATURE_WORD, PAPERS_LATER].find((re) => re.test(req.text)) : undefined;
    const otherThingAtDeadline = otherThing !== undefined;
    if (otherThing) {
      const faq = faqOnAll(kb, docIds, [otherThing, /stichtag|frist|deadline|cut-?off|eingang/i]);
      // Its question is not the asker's: quoted as it stands, with its own yes or no, never turned into a verdict on theirs.
      if (faq) return this.quoteAnswer(program, intent, faq, lang);
    }
    // "Wann war der Bewerbungsschluss beim Lindenblatt-Preis 2025?" asks about an earlier edition: its sentence, not the current deadline.
    if (intent === 'deadline' && !reportAsked && !OTHER_EVENT.test(req.text) && !EARLIER_ROUND_ASKED.test(req.text) && !earlierEdition(req.text, program.documentTitle) && !otherThingAtDeadline) {
      const recurring = this.recurringCutoffAnswer(program, req);
      if (recurring) return recurring;
    }
    if (!NOT_A_TIME.has(intent) && whenQuestion) {
      const when = this.whenAnswer(program, intent, req);
      if (when) return when;
    }
    // "Wir wollten noch bei der Runde 2026 einsteigen. Geht das noch?": that round's own sentence, not the current deadline.
    if (intent === 'deadline' && program.deadline && !EARLIER_ROUND_ASKED.test(req.text) && !earlierEdition(req.text, program.documentTitle)) {
      const d = program.deadline;
      const status = deadlineStatus(d, req.now);
      return this.answerOf(program, intent, this.deadlineText(program, status, lang, d.label?.[lang], { quote: d.quote, question: req.text }), [this.citation(program, docId, d.quote)], lang);
    }
    // "Können sich zwei Nachbargemeinden gemeinsam bewerben?" asks about applying jointly, not for a verdict on a profile.
    // "Ortsmitte gemeinsam" is a name: only the question's own words ask about applying together.
    const ownWords = withoutNames(req.text, [program]);
    const asksJoint = intent === 'eligibility' && JOINT_QUESTION.test(ownWords) && profile.population === undefined;
    // "Müssen wir andere Gemeinden beteiligen?", "Do we have to involve …?" asks for a duty, which a verdict's "Ja" would not answer.
    const asksDuty = MUST_QUESTION.test(questionSentence(req.text)) || LIMIT_FOR_US.test(questionSentence(req.text));
    // "Vier benachbarte Einheitsgemeinden … gemeinsam?" – "Bis zu drei benachbarte Antragsberechtigte …": too many partners, whatever else fits.
    if ((intent === 'eligibility' || intent === 'unknown') && JOINT_QUESTION.test(ownWords)) {
      const members = askedMembers(ownWords);
      const most = members !== undefined ? jointMaxMembers(kb, docIds) : undefined;
      if (members !== undefined && most && members > most.max) {
        const text = t(lang, 'passage.jointTooMany', { program: program.shortName, max: most.max, count: members, quote: escapeMarkdown(most.quote) });
        return this.answerOf(program, 'eligibility', text, [this.citation(program, most.docId, most.quote)], lang);
      }
    }
    if (intent === 'eligibility' && !asksJoint && !asksDuty && program.rules.length > 0 && (profileInText || hasProfileFacts(profile))) {
      // "Zwei Nachbargemeinden (6.300 und 4.900 Einwohner) … gemeinsam?": the call's rule for joint applications decides.
      if (JOINT_QUESTION.test(ownWords)) {
        const joint = this.jointVerdict(program, profile, ownWords, lang, req.text);
        if (joint) return joint;
      }
      // "Our Verbandsgemeinde in Cochem-Zell …": one of the call's districts named bare, without "Landkreis".
      const districts = program.rules.find((r): r is Extract<Program['rules'][number], { type: 'districts' }> => r.type === 'districts');
      const bareDistrict = districts && !profile.district ? districts.allowed.find((d) => new RegExp(`(?<!\\p{L})${escapeRegExp(d)}(?!\\p{L})`, 'iu').test(ownWords)) : undefined;
      const verdict = evaluateEligibility(program, bareDistrict ? { ...profile, district: bareDistrict } : profile);
      // "Kann sich unsere Verwaltungsgemeinschaft bewerben?": a kind the rules do not know, which the call's FAQ answers itself.
      // "Kann sich ein Landkreis für seine Gemeinden bewerben? Nein. Landkreise können sich nur für ihre eigene Verwaltung bewerben":
      // an FAQ entry that asks what was asked and answers it plainly qualifies the main text's rules, which a verdict reads.
      const faq = lang === 'de' ? findFaqAnswer(kb, docIds, req.text, focusTerms(withoutDescription(req.text), [program], kb.vocabulary), { applicantWords: true }) : null;
      // "Grundsätzlich nicht. Eine Ausnahme gilt für Gemeinden …, die …": an exception to the rule the verdict read, in the call's FAQ.
      const faqRules = faq !== null && ((faq.coverage >= 0.5 && (verdict.status === 'unclear' || FAQ_YES_NO.test(faq.quote) || FAQ_REFUSES.test(faq.quote))) || (verdict.status === 'no' && FAQ_EXCEPTION.test(faq.quote)));
      if (faq && faqRules) {
        // The entry asks what was asked ("Können sich Verwaltungsgemeinschaften … bewerben? Nein."): its yes or no leads.
        const said = faq.quote.match(FAQ_YES_NO);
        // "Gilt die Einwohnergrenze auch für Samtgemeinden? Nein." answers whether a limit applies, not "Können wir uns bewerben?": no yes or no of its own then.
        const sameQuestion = /bewerb|teilnehm|antrag|mitmach|berechtigt|beteilig|förder/i.test(said?.[1] ?? '');
        const key = said && sameQuestion && YES_NO_QUESTION.test(questionSentence(req.text)) && NEGATING.test(said[1]) === NEGATING.test(questionSentence(req.text)) ? (said[2].toLowerCase() === 'ja' ? 'faqYes' : 'faqNo') : undefined;
        if (!key) return this.quoteAnswer(program, intent, faq, lang);
        return this.answerOf(program, intent, t(lang, `passage.${key}`, { program: program.shortName, quote: escapeMarkdown(faq.quote) }), [this.citation(program, faq.docId, faq.quote)], lang);
      }
      // "Teilnehmen können nur die acht Gemeinden …: Brunnried, …": a call for places it names decides by the asker's name.
      const listed = verdict.status !== 'no' && !districts ? this.closedListVerdict(program, docIds, verdict, ownWords) : undefined;
      if (listed) return this.verdictAnswer(program, listed, profile, lang, req.text);
      // "… mit Berufsfeuerwehr": something the asker names that the call excludes outright.
      const excluded = verdict.status !== 'no' ? findNamedExclusion(kb, docIds, ownWords) : undefined;
      if (excluded) {
        const reason = { status: 'no' as const, key: 'verdict.reason.namedExcluded', values: { what: excluded.word }, quote: excluded.quote };
        return this.verdictAnswer(program, { ...verdict, status: 'no', reasons: [reason, ...verdict.reasons.filter((r) => r.status === 'ok' || r.status === 'info')], missing: [] }, profile, lang, req.text);
      }
      // "… ohne Katzenschutzverordnung – bekommen wir trotzdem Geld?": a condition the asker says they do not meet.
      const unmet = verdict.status !== 'no' ? findMissingRequirement(kb, docIds, ownWords) : undefined;
      if (unmet) {
        const reason = { status: 'no' as const, key: 'verdict.reason.namedMissing', values: { what: unmet.word }, quote: unmet.quote };
        return this.verdictAnswer(program, { ...verdict, status: 'no', reasons: [reason, ...verdict.reasons.filter((r) => r.status === 'ok' || r.status === 'info')], missing: [] }, profile, lang, req.text);
      }
      // "… warmes Mittagessen gibt es bei uns nur zweimal pro Woche": a condition on what the asker describes, quoted for them to judge.
      const condition = verdict.status === 'fits' || verdict.status === 'unclear' ? findNamedCondition(kb, docIds, ownWords) : undefined;
      if (condition) {
        const reason: VerdictReason = { status: 'conditional', key: 'verdict.reason.namedCondition', values: { what: condition.word }, quote: condition.quote };
        const known = verdict.reasons.filter((r) => r.status === 'ok' || r.status === 'info');
        return this.verdictAnswer(program, { ...verdict, status: 'conditional', reasons: [reason, ...known], missing: [] }, profile, lang, req.text);
      }
      return this.verdictAnswer(program, verdict, profile, lang, req.text);
    }
    if (intent === 'funder' && (program.funder || program.implementer)) {
      const parts: string[] = [];
      const cites: Citation[] = [];
      if (program.funder) {
        parts.push(t(lang, 'funder.funder', { program: program.shortName, funder: lang === 'en' ? program.funder.valueEn ?? program.funder.value : program.funder.value }));
        cites.push(this.citation(program, docId, program.funder.quote));
      }
      if (program.implementer) {
        parts.push(t(lang, 'funder.implementer', { implementer: lang === 'en' ? program.implementer.valueEn ?? program.implementer.value : program.implementer.value }));
        cites.push(this.citation(program, docId, program.implementer.quote));
      }
      return this.answerOf(program, intent, parts.join(' '), cites, lang);
    }
    // "Unter welcher Nummer erreiche ich …?": a phone number, or plainly none.
    // "Wann kann ich dort anrufen?": the hours the contact section gives, never those of another line (a hotline in the footer).
    if (intent === 'contact' && CONTACT_TIMES.test(req.text.toLowerCase())) {
      const c = program.contacts.length ? this.contactFor(program, req.text) : undefined;
      const hours = c?.phone ? contactHours(kb, docIds, c) : undefined;
      if (!c || !hours) return this.abstain(intent, lang, program);
      const lead = t(lang, c.name ? 'contact.hoursNamed' : 'contact.hours', { program: program.shortName, name: c.name, phone: c.phone, quote: escapeMarkdown(hours.quote) });
      return this.answerOf(program, intent, lead, [this.citation(program, hours.docId, hours.quote)], lang);
    }
    if (intent === 'contact' && ASKS_PHONE.test(req.text) && program.contacts.length) {
      const named = program.contacts.find((c) => c.name && req.text.toLowerCase().includes(c.name.toLowerCase().split(/\s+/).at(-1)!));
      const chosen = named ?? this.contactFor(program, req.text);
      // "Das Portal hängt – wen rufe ich an?": the technical help, by the way it gives, rather than someone else's number.
      const techAsked = TECH_ASKED.test(req.text) && TECH_CONTACT.test(chosen.quote);
      const c = chosen.phone || named || techAsked ? chosen : program.contacts.find((x) => x.phone) ?? chosen;
      if (c.phone) return this.answerOf(program, intent, t(lang, !c.email ? 'contact.namedPhoneOnly' : c.name ? 'contact.namedPhone' : 'contact.genericPhone', { program: program.shortName, email: c.email ?? '', name: c.name ?? '', phone: c.phone }), [this.citation(program, docId, c.quote)], lang);
      const mail = c.email ? c : program.contacts.find((x) => x.email);
      return this.answerOf(program, intent, t(lang, mail ? 'contact.noPhone' : 'contact.noPhoneNoMail', { program: program.shortName, who: mail?.name ? `${mail.name}, ` : '', email: mail?.email ?? '' }), mail ? [this.citation(program, docId, mail.quote)] : [], lang);
    }
    // "Verschiebt sich die Frist, wenn sie auf einen Sonntag fällt?", "Wird vorab ausgezahlt?": a question on a rule of its own
    // is answered by a sentence that states that rule, never by the deadline or the amount next to it.
    const ruleAsked = RULES_ASKED.find((r) => r.asked.test(req.text));
    if (ruleAsked) {
      const best = findPassage(kb, docIds, this.searchText(req.text, lang), intent, []);
      const ruling = best && ruleAsked.said.test(best.quote) ? best : findSentence(kb, docIds, (x) => ruleAsked.said.test(x));
      return ruling ? this.quoteAnswer(program, intent, { docId: ruling.docId, quote: ruling.quote }, lang) : this.abstain(intent, lang, program);
    }
    // "Gibt es eine Mindestfördersumme?": the lower limit the texts state, or that there is none; never the upper one instead.
    if ((intent === 'money' || intent === 'unknown') && MIN_GRANT_ASKED.test(req.text) && !NOT_GRANT_MINIMUM.test(req.text)) {
      const limits = findAmountLimits(kb, docIds);
      // The limit asked for first; a text with only the other one answers with that, which says what the lower limit is.
      const min = MIN_COST_ASKED.test(req.text) ? limits.minCost ?? limits.min : limits.min ?? limits.minCost;
      if (min) return this.quoteAnswer(program, 'money', { docId: min.docId, quote: min.quote }, lang);
      const none = findSentence(kb, docIds, (x) => NO_MINIMUM_SAID.test(x));
      if (none) return this.quoteAnswer(program, 'money', { docId: none.docId, quote: none.quote }, lang);
      return this.abstain(intent, lang, program);
    }
    // "Wir planen ein Dorffest mit 3.000 Euro Gesamtkosten – bekommen wir dafür Geld?": the call's limits per project.
    // "Stühle und ein Beamer, zusammen 7.500 Euro. Fördert das Land sowas?" asks about the things, and about their cost.
    const costAsked = intent === 'money' || intent === 'eligibility' || intent === 'ownFunds' || (intent === 'unknown' && FUNDED_AT_ALL.test(questionSentence(req.text)));
    const cost = costAsked ? projectCost(req.text) : undefined;
    const limits = cost !== undefined ? findAmountLimits(kb, docIds) : undefined;
    // "Vorhaben mit Ausgaben von weniger als 10.000 Euro werden nicht gefördert": too small a project, whatever it buys.
    if (cost !== undefined && limits?.minCost && cost < limits.minCost.amount) {
      const amount = (n: number) => formatNumber(lang, n);
      return this.answerOf(program, intent, t(lang, 'passage.belowMinimumCost', { cost: amount(cost), min: amount(limits.minCost.amount), program: program.shortName }), [this.citation(program, limits.minCost.docId, limits.minCost.quote)], lang);
    }
    if (cost !== undefined && limits && intent !== 'unknown') {
      // "Zuwendungsfähige Ausgaben von 450.000 Euro – wie viel bekommen wir?": the grant worked out from the one rate and the cap.
      const worked = JOINT_ASKED.test(req.text) && !/verbund/i.test(req.text) ? undefined : this.workedGrant(kb, docIds, cost, req.text, limits.min, lang);
      if (worked) return this.answerOf(program, intent, worked.text, worked.quotes.map((q) => this.citation(program, q.docId, q.quote)), lang);
      if (limits.min && cost < limits.min.amount) {
        const amount = (n: number) => formatNumber(lang, n);
        return this.answerOf(program, intent, t(lang, 'passage.belowMinimum', { cost: amount(cost), min: amount(limits.min.amount) }), [this.citation(program, docId, limits.min.quote)], lang);
      }
      // "Unser Projekt kostet 2.400 Euro – müssen wir selbst etwas dazuzahlen?" – "Ein Eigenanteil ist nicht erforderlich" and a cap above the cost: no.
      const noOwn = intent === 'ownFunds' ? findSentence(kb, docIds, (x) => NO_OWN_FUNDS.test(x)) : undefined;
      if (noOwn && limits.max && cost <= limits.max.amount) {
        const amount = (n: number) => formatNumber(lang, n);
        const quotes = distinctQuotes([noOwn, limits.max]);
        return this.answerOf(program, intent, t(lang, 'passage.noOwnFundsWithinCap', { cost: amount(cost), cap: amount(limits.max.amount) }), quotes.map((q) => this.citation(program, q.docId, q.quote)), lang);
      }
      const limit = limits.max ?? limits.min;
      if (limit && intent !== 'ownFunds') return this.quoteAnswer(program, intent, { docId, quote: limit.quote }, lang);
    }
    // "Muss die ganze Stadtverwaltung mitmachen, oder kann sich auch nur ein Fachbereich bewerben?": an FAQ entry that asks just that
    // answers better than the general fact on who may apply.
    if (intent === 'eligibility' && lang === 'de' && !profileInText && !hasProfileFacts(profile)) {
      const faq = findFaqAnswer(kb, docIds, req.text, focusTerms(req.text, [program], kb.vocabulary).filter((f) => !APPLICANT_STEMS.has(f)));
      if (faq && faq.coverage >= 0.5) return this.quoteAnswer(program, intent, faq, lang);
    }
    for (const topic of TOPICS_FOR[intent] ?? []) {
      const fact = program.facts.find((f) => f.topic === topic);
      if (!fact) continue;
      // A money fact answers an own-contribution question only when it speaks of one ("Eigenmittel sind nicht nötig").
      if (intent === 'ownFunds' && topic !== 'ownFunds' && !OWN_FUNDS_WORDS.test(`${fact.answer.de} ${fact.quote}`)) continue;
      // "Reicht eine formlose E-Mail?" is not answered by the "Nein" of "Brauchen wir eine Unterschrift? Nein – …".
      let text = fact.answer[lang];
      // "Werden die Modellkommunen veröffentlicht?" is not answered by the "Ja" of "Können wir anonym teilnehmen? Ja – …".
      // "Und falls wir genommen werden – müssen wir dann etwas unterschreiben?" asks about later, which the fact's "Nein" is not about.
      const otherYesNo = (intent === 'signature' && ASKS_SUFFICIENCY.test(req.text)) || (intent === 'anonymity' && ASKS_PUBLICATION.test(req.text) && !ASKS_ANONYMITY.test(req.text)) || AFTER_SELECTION.test(req.text);
      if (otherYesNo) text = withoutYesNo(text);
      else if (intent === 'signature' && ASKS_WITHOUT_SIGNATURE.test(req.text) && !FAILS_WITHOUT.test(req.text)) text = turnedYesNo(text);
      return this.answerOf(program, intent, text, [fact.quote, ...(fact.moreQuotes ?? [])].map((q) => this.citation(program, docId, q)), lang);
    }
    // "An welche Adresse schicken wir die Skizze?": for a call read from its text, the sentence that
    // says where submissions go, which may not be the contact for questions.
    const submitting = !program.curated && SUBMIT.test(req.text);
    if (intent === 'contact' && program.contacts.length && program.contacts[0].email && !submitting) {
      const c = this.contactFor(program, req.text);
      // "Wie heißt die Coachin …?": an address is no name.
      if (ASKS_NAME.test(req.text) && !c.name) return this.abstain(intent, lang, program);
      const key = !c.email ? 'contact.namedPhoneOnly' : c.name ? (c.phone ? 'contact.namedPhone' : 'contact.named') : c.phone ? 'contact.genericPhone' : 'contact.generic';
      const lead = t(lang, key, { program: program.shortName, email: c.email, name: c.name, phone: c.phone });
      return this.answerOf(program, intent, lead, [this.citation(program, docId, c.quote)], lang);
    }

    // No curated fact: the texts themselves, sentence by sentence.
    // A German question about a call written in English searches with the term list's English words too.
    const germanAboutEnglish = lang === 'de' && this.languageOf(program) === 'en';
    const query = germanAboutEnglish ? `${this.searchText(req.text, lang)} ${this.deps.terms.english(req.text).join(' ')}` : this.searchText(req.text, lang);
    // English words are not in German texts: an English question is checked by its term-list German words.
    // One German word per term-list entry: "signature" is one thing asked, not "Unterschrift", "unterschreiben" and "unterschrieben".
    // Names the texts use as they are ("Welcoming America", "Belit Onay") count in English too.
    const ownNames = lang === 'en'
      ? [
          ...(req.text.match(/(?<=\S\s+)\p{Lu}[\p{L}-]{3,}/gu) ?? []),
          // "mentees", "Jugendforum": words the term list does not know but the call's own text uses.
          ...this.deps.terms.unknownWords(req.text),
        ].filter((w, i, all) => all.indexOf(w) === i && kb.vocabularyOf(program).has(w.toLowerCase()) && !program.aliases.some((a) => a.includes(w.toLowerCase())))
      : [];
    // "a certificate of good conduct (Führungszeugnis)": the German word the asker gives is what must be in the answer, text or not.
    if (lang === 'en') for (const m of req.text.matchAll(/\((\p{Lu}[\p{L}-]{5,})\)/gu)) if (!program.aliases.some((a) => a.includes(m[1].toLowerCase()))) ownNames.push(m[1]);
    // An English question about a call written in English is checked by its own words, as a German one about a German call.
    const sameEnglish = lang === 'en' && this.languageOf(program) === 'en';
    const focusSource = sameEnglish ? englishContentWords(withoutDescription(req.text)).join(' ') : lang === 'en' ? [...this.deps.terms.heads(req.text), ...ownNames].join(' ') : withoutDescription(req.text);
    // "Was bekommen Vereine?": who asks is not what is asked about, except when who may apply is the question.
    // "Wird veröffentlicht, wie viel Geld …?" asks whether something is published, not for the amount.
    const asksCount = COUNT_QUESTION.test(req.text) && intent !== 'anonymity';
    // "Wie viele Modellkommunen werden ausgewählt?": taking in is how the counted things come about, not a topic of its own.
    // "Wir sind ein Landkreis in Rheinland-Pfalz. Gibt es …?": the state says where the asker is, not what is asked.
    const stateWords = new Set(stateMentions(focusSource.toLowerCase()).flatMap((m) => m.name.toLowerCase().split(/[\s-]+/).map((w) => stem(w))));
    // "Unsere amtsfreie Stadt mit 7.800 Einwohnern hat kein eigenes Hallenbad. War das ein Ausschlussgrund?": the asker's description is not the topic.
    const describedAsker = profileInText && intent === 'unknown' && lang === 'de';
    const focus = focusTerms(focusSource, [program], kb.vocabulary, []).filter((f) => (!APPLICANT_NOT_TOPIC.has(intent) || !APPLICANT_STEMS.has(f)) && !(describedAsker && ASKER_WORD.test(f)) && !(asksCount && SELECTION_VERB.test(f)) && !APPLICANT_INSTITUTION.test(f) && !stateWords.has(f));
    // "Wie viele Kommunen …?": what is counted is the topic, even a word as common as "Kommunen".
    const counted = asksCount ? countedWord(req.text) : undefined;
    const countedStem = counted ? stem(normalizeWord(counted)) : undefined;
    if (countedStem && !focus.includes(countedStem)) focus.push(countedStem);
    // "Wer darf mitmachen?" about a call whose applicants were read from its text: that sentence.
    const asksWho = /\bwer\b|\bwelche\b.{0,40}\b(kommunen|antragsteller|träger|organisationen|gemeinden|städte)|antragsberechtigt|teilnahmeberechtigt|\bwho\b/i.test(req.text);
    // "Folie 6 – Wer kann beantragen?" over its bullets: that list, before any one line of it.
    const rule = intent === 'eligibility' && !program.curated && asksWho ? ((!profileInText ? mayApplyList(kb, docIds) : undefined) ?? program.rules.find((r) => r.type === 'entityTypes' && !r.excluded)) : undefined;
    // "What does the ILS paper propose for the application process?": what a paper says, not how to apply to it.
    const paperSays = program.kind === 'research' && (PAPER_SAYS.test(req.text) || /\b(propose|proposes|suggest|suggests|recommend|recommends)\b/i.test(req.text)) && intent === 'process';
    // "Was wird nicht gefördert?": the call's list of what it does not fund, whole.
    const notFunded = (intent === 'unknown' || intent === 'money' || intent === 'benefits') && WHAT_NOT_FUNDED_ASKED.test(questionSentence(req.text)) ? notFundedList(kb, docIds) : undefined;
    if (notFunded) return this.quoteAnswer(program, intent, notFunded, lang);
    let passage = rule ? { docId, quote: rule.quote, score: 1, coverage: 1 } : findPassage(kb, docIds, query, submitting && intent === 'contact' ? 'process' : paperSays ? 'unknown' : intent, focus);
    // "Dürfen wir zwei Skizzen einreichen?": the sentence that allows only one, wherever the search landed.
    if (MULTIPLE_ENTRIES.test(req.text) && YES_NO_QUESTION.test(questionSentence(req.text)) && !(passage && ONLY_ONE.test(passage.quote))) {
      const one = findSentence(kb, docIds, (x) => ONLY_ONE.test(x));
      if (one) passage = { docId: one.docId, quote: one.quote, score: 1, coverage: 1 };
    }
    // "Welche Fördersumme gibt es?" with no figures of one's own: the call's rate and cap, not its worked example.
    // "Welche Unterstützung erhalten Kommunen?" answered by a sentence on the notice or on the own share alone: the same.
    const noSupportSaid = intent === 'benefits' && passage !== null && !/\b(außer|neben|besides|apart from|other than)\b/i.test(req.text) && (!SUPPORT_SAID.test(passage.quote) || (/eigenanteil|eigenmittel|anrechenbar|own (share|contribution)/i.test(passage.quote) && !/zuschuss|zuwendung|förderquote|fördersatz|übernimmt|beträgt|grant/i.test(passage.quote)));
    if (passage && (noSupportSaid || (intent === 'money' && WORKED_EXAMPLE.test(passage.quote))) && !/\d|beispiel|example|rechn/i.test(req.text)) {
      const rate = grantRates(kb, docIds).find((r) => !r.condition && !r.applicant && !r.label && !r.group);
      const cap = grantCaps(kb, docIds).find((c) => !c.condition && !c.applicant);
      // Both from the same text, so that one citation holds them.
      const figures = [...new Set([rate?.quote, cap && (!rate || cap.docId === rate.docId) ? cap.quote : undefined].filter((q): q is string => q !== undefined))];
      if (figures.length) passage = { docId: (rate ?? cap)!.docId, quote: figures.map((q, i) => (i < figures.length - 1 && !/[.!?;]$/.test(q) ? `${q};` : q)).join(' '), score: 1, coverage: 1 };
    }
    // "Brauchen wir die Unterschrift der Bürgermeisterin?" about a call in English: a passage that says nothing of signing or publishing answers nothing.
    // (The German words of the question cannot be looked for in it; the kind of question is all there is to go by.)
    if ((intent === 'signature' || intent === 'anonymity') && germanAboutEnglish && passage && !RESOLUTION_ASKED.test(req.text) && !hasIntentCue(intent, withHeading(passage))) return this.abstain(intent, lang, program);
    // "How many municipalities got money in the 2026 round?": only a sentence on past results answers it, not one that merely has a number.
    if (passage && PAST_RESULTS_ASKED.test(questionSentence(req.text)) && !PAST_RESULTS_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    if (passage && intent === 'unknown' && entryOnOtherMatter(passage.quote, req.text)) return this.abstain(intent, lang, program);
    // "Brauchen wir vorher einen Beschluss des Gemeinderats?": only a sentence on a resolution answers it, not one on "vorherige Zustimmung".
    if (passage && (intent === 'unknown' || intent === 'process') && RESOLUTION_ASKED.test(questionSentence(req.text)) && !RESOLUTION_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    // "Can we write our outline in English?": one thing understood ("outline" → "Skizze") and more not; a passage on that one thing does not answer it.
    // A German word the question gives ("(Querungshilfe)") or one of the call's own is understood too.
    // A name the question quotes ("the predecessor programme "Engagement vernetzen"") names a thing, it asks nothing.
    const quotedNames = [...req.text.matchAll(/["“„‘]([^"“”„‘’]{3,80})["”“’]/g)].map((m) => m[1].toLowerCase()).join(' ');
    const ownTopics = ownNames.filter((w) => !quotedNames.includes(w.toLowerCase()));
    // Of an English question about a German call, the words the term list does not know when it knows just one thing.
    const littleUnderstood = lang === 'en' && !sameEnglish && this.deps.terms.heads(req.text).length <= 1 ? this.unknownEnglish(req.text, program) : 0;
    if (intent === 'unknown' && ownTopics.length === 0 && littleUnderstood >= 2) return this.abstain(intent, lang, program);
    if (intent === 'unknown') {
      // An English question's German words come from a whole term-list entry (several synonyms): one hit suffices.
      const needed = lang === 'en' && !sameEnglish ? 0.34 : focus.length >= 3 ? 0.6 : 0.5;
      // "Wie hoch ist das Stundenhonorar für Sprachmittler?": the long compound is what is asked; a sentence on the rest does not answer it.
      // Only what the question sentence itself names: "Der Streit um unsere Flüchtlingsunterkunft liegt beim Gericht." tells the situation.
      const asked = questionSentence(req.text);
      const askedStems = asked === req.text ? undefined : new Set(focusTerms(asked, [program], kb.vocabulary, []));
      const askedFocus = askedStems ? focus.filter((f) => askedStems.has(f)) : focus;
      // Words that describe a long text as a whole ("Studie zu Erfolgsfaktoren …") need not stand in the passage.
      const missesSpecific = Boolean(passage && lang === 'de' && this.lacksSpecific(describingWordsOut(kb, docIds, askedFocus, 0.1), withHeading(passage)));
      // "What does Blattweise fund?" names nothing but the call: the sentence on what is funded answers it.
      const whatFunded = focus.length === 0 && passage !== null && WHAT_FUNDED_ASKED.test(req.text) && /gefördert|förderfähig|zuwendungsfähig/i.test(passage.quote);
      // "Können wir auch einen Batteriespeicher für die Schule finanzieren?" – "Nicht gefördert werden Batteriespeicher, …": the
      // sentence that rules on the rarest thing asked answers whether it is funded, whatever else the question names.
      // The thing is named in the question sentence ("Im Rathaus ist es unerträglich. Fördert … Klimageräte …?"), not in the situation told before it.
      // Who pays and when ("Übernimmt das Land … in den ersten Jahren …?") is not the thing asked about.
      const inQuestion = askedFocus.filter((f) => !FUNDING_WORD.test(f) && !PAYER_OR_TIME.test(f));
      // "Wir wollen … einen Kleinbus anschaffen. Zahlt Ortswerk das?": a question pointing back asks about the thing bought before.
      const boughtBefore = inQuestion.length === 0 && REFERS_BACK.test(asked) ? boughtThing(req.text) : undefined;
      const thingWords = boughtBefore ? [stem(normalizeWord(boughtBefore))] : inQuestion;
      const rarest = [...thingWords].sort((a, b) => b.length - a.length)[0];
      const asksThing = rarest !== undefined && rarest.length >= 5 && (USE_OF_MONEY.test(req.text) || THING_FUNDABLE.test(asked)) && YES_NO_QUESTION.test(asked);
      // "Nicht gefördert werden: – Klimaanlagen und Klimageräte in Verwaltungsbüros, – …": the item that names the thing, ruled by its list's introduction.
      // The item must name everything the question sentence asks about: "Miete … für leerstehende Ladenlokale" says nothing of rebuilding a shop.
      // "Einen Rasentraktor für 2.500 Euro netto anschaffen?" – "Nicht gefördert werden … Anschaffungen mit einem Einzelpreis von
      // mehr als 800 Euro": the price told decides, whether or not the call names the thing.
      const price = asksThing ? priceTold(asked) : undefined;
      const priceRule = price !== undefined ? purchasePriceLimit(kb, docIds, (x) => NOT_FUNDED.test(x)) : undefined;
      const overPrice = priceRule && price !== undefined && (priceRule.from ? price >= priceRule.limit : price > priceRule.limit) ? priceRule : undefined;
      const rules = (x: string) => NOT_FUNDED.test(x) || FUNDED_SAID.test(x);
      let listed = overPrice ?? (asksThing ? listItemRuling(kb, docIds, thingWords, rules, boughtBefore !== undefined) : undefined);
      // "die Miete fürs Bürgerhaus und das Honorar der Moderatorin": when nothing rules on all the words, what rules on the
      // things themselves ("Förderfähig sind Honorare für Moderation …, Raummiete") answers; the rest only says which.
      const passageRules = asksThing && passage !== null && rules(passage.quote) && coverage([rarest], passage.quote, kb.vocabulary, kb.synonyms) === 1;
      if (asksThing && !listed && !passageRules && !boughtBefore) {
        const heads = thingsAsked(asked).map((w) => stem(normalizeWord(w))).filter((h) => thingWords.includes(h));
        if (heads.length && heads.length < thingWords.length) {
          listed = listItemRuling(kb, docIds, heads, rules) ?? sentenceRulingOn(kb, docIds, heads, (x) => FUNDED_SAID.test(x), (x) => NOT_FUNDED.test(x));
        }
      }
      if (listed) passage = { docId: listed.docId, quote: listed.quote, score: 1, coverage: 1 };
      const rulesOnThing = asksThing && passage !== null && (listed !== undefined || passageRules);
      // Only the sentence that names the thing is quoted, so its yes or no leads.
      const ruling = rulesOnThing && passage && !listed ? splitSentences(passage.quote).find((x) => (NOT_FUNDED.test(x) || FUNDED_SAID.test(x)) && coverage([rarest], x, kb.vocabulary, kb.synonyms) === 1) : undefined;
      if (ruling && passage) passage = { ...passage, quote: ruling, coverage: 1 };
      // "Was muss die Gemeinde mit dem Mähgut machen?", "… auch im Winter in Betrieb?": a thing the call never names is not
      // answered by a sentence on the rest of the question.
      const namesUnknown = lang === 'de' && passage !== null && passage.coverage <= 0.75 && !whatFunded && !rulesOnThing && unknownTopic(asked, [program], kb.topicVocabulary([program]));
      if (namesUnknown || (!whatFunded && !rulesOnThing && (!passage || focus.length === 0 || passage.coverage < needed || missesSpecific))) {
        // The call's FAQ may ask the same thing in its own words.
        const faq = lang === 'de' ? findFaqAnswer(kb, docIds, req.text, focus) : null;
        if (faq && !entryOnOtherMatter(faq.quote, req.text)) return this.quoteAnswer(program, intent, faq, lang);
        if (focus.length === 0 && !(lang === 'en' && hasEnglishTopic(req.text, program))) {
          const about = program.facts.find((f) => f.topic === 'about');
          if (about) return this.answerOf(program, 'about', about.answer[lang], [this.citation(program, docId, about.quote)], lang);
          // "Gibt es eine Förderung für einen Bürgerbus?" names only the call: what it is about, from its text.
          const aim = program.curated ? null : findPassage(kb, docIds, query, 'about', []);
          if (aim) return this.quoteAnswer(program, 'about', aim, lang);
        }
        return this.abstain(intent, lang, program);
      }
    }
    // "Anträge können laufend gestellt werden … bis die Mittel ausgeschöpft sind": no date to give, whatever date a passage has ("Stand 1. November 2026").
    const rolling = intent === 'deadline' && !OTHER_EVENT.test(req.text) ? rollingApplications(kb, docIds) : undefined;
    if (rolling) return this.answerOf(program, intent, t(lang, 'deadline.rolling', { program: program.shortName, quote: escapeMarkdown(rolling.quote) }), [this.citation(program, rolling.docId, rolling.quote)], lang);
    if (!passage && intent === 'deadline' && !OTHER_EVENT.test(req.text)) {
      // "Anträge sind bis zum Ablauf von sechs Wochen nach der Veröffentlichung … einzureichen": no date to state, the rule to quote.
      const relative = findRelativeDeadline(kb, docIds);
      // "… sechs Wochen nach Veröffentlichung dieses Merkblatts" and "Veröffentlicht am 16. November 2026": the day itself, with both sentences.
      const computed = relative ? relativeDeadlineDate(kb, docIds, relative.quote) : undefined;
      if (relative && computed) {
        const text = `${this.deadlineText(program, deadlineStatus({ date: computed.date }, req.now), lang)} ${t(lang, 'deadline.computed', { published: formatDate(lang, computed.published) })}`;
        return this.answerOf(program, intent, text, [this.citation(program, relative.docId, relative.quote), this.citation(program, computed.docId, computed.quote)], lang);
      }
      if (relative) return this.answerOf(program, intent, t(lang, 'deadline.relative', { program: program.shortName, quote: escapeMarkdown(relative.quote) }), [this.citation(program, relative.docId, relative.quote)], lang);
    }
    if (!passage) return this.abstain(intent, lang, program);
    // "Wer sitzt namentlich in der Jury?" is not answered by a sentence that names no one.
    // Whether names are published ("Will the names of our volunteers be published?") is no question for a name.
    // Nor is "ohne dass unsere Stadt namentlich auftaucht": being named is what an anonymity question is about.
    const asksPublication = intent === 'anonymity' && (ASKS_PUBLICATION.test(req.text) || !/^\s*(wer|wen|wem|who|whom)\b/i.test(questionSentence(req.text)));
    if (!asksPublication && ASKS_NAME.test(req.text) && !PERSON_NAME.test(passage.quote)) return this.abstain(intent, lang, program);
    // "Wie viel Geld stellt der Bund insgesamt bereit?" is not answered by an amount per project.
    // Nor by a sentence that names no total at all ("Landkreise zahlen einen Eigenbeitrag von 2.500 Euro").
    if (TOTAL.test(req.text) && ((PER_UNIT.test(passage.quote) && !TOTAL.test(passage.quote)) || !TOTAL_SAID.test(passage.quote))) return this.abstain(intent, lang, program);
    if (MONEY_TOTAL.test(req.text) && !splitSentences(passage.quote).some((x) => TOTAL_SAID.test(x) && /\d[\d.,]*\s*(euro|€|mio|millionen)/i.test(x))) return this.abstain(intent, lang, program);
    // "Wie viel Geld …?" is answered by an amount, a share or plainly no money, not by a sentence that has none.
    if (intent === 'money' && /wie ?viel|wie hoch|how much|welche[nrs]? (betrag|summe|höhe)\b/i.test(req.text) && !AMOUNT_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    if (ASKS_RESULT.test(req.text) && !RESULT_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    // "Dürfen wir den Zuschuss mit Geld aus einem Landesprogramm kombinieren?" needs a sentence on combining funding.
    if (COMBINING_ASKED.test(req.text) && !COMBINING_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    // "Dürfen wir schon vor der Bewilligung anfangen?" needs a sentence on an early start, not the date approvals go out.
    if (EARLY_START_ASKED.test(req.text) && !EARLY_START_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    // "Nach welchen Kriterien wird ausgewählt?" is not answered by when or by whom.
    if (SELECTION_CRITERIA.test(req.text) && !CRITERIA_SAID.test(passage.quote)) return this.abstain(intent, lang, program);
    // "What is the total budget?" → "Gesamtbudget": a specific thing asked in English must be in the quote, as in German.
    // A deadline question's other words describe the asker ("with partner towns in Ireland"), unless they name another event.
    const deadlineOfCall = intent === 'deadline' && !OTHER_EVENT.test(req.text) && findDates(passage.quote).length > 0;
    // "… to renovate the building for our meeting place?" about a call for "Begegnungsorte": what the call is about is no specific thing asked.
    if (lang === 'en' && !deadlineOfCall && this.lacksSpecific(titleWordsOut(kb, docIds, focus), withHeading(passage), lang)) return this.abstain(intent, lang, program);
    // "Wie viele Seiten …?" asks for a number: a passage without one does not answer it.
    // A number answers only when the passage is about everything the question names.
    // "Wie viel müssen wir selbst zahlen?" – "Mindestens ein Drittel der Kosten …": a share in words is a number too.
    const shareInWords = (intent === 'ownFunds' || intent === 'money') && /(?<!\p{L})(hälfte|drittel|viertel|fünftel|zehntel|half|third|quarter)(?!\p{L})/iu.test(passage.quote);
    // "Wie viel Geld gibt es?" – "Es werden keine Zuschüsse … ausgezahlt": none is an answer too.
    const noMoney = intent === 'money' && (NO_MONEY_SAID.test(passage.quote) || /nicht ausgezahlt/i.test(passage.quote));
    if (asksCount && !noMoney && ((!NUMBER_WORD.test(passage.quote) && !shareInWords) || (counted !== undefined && focus.length > 1 && passage.coverage < 0.5))) return this.abstain(intent, lang, program);
    // "Wie viele Kommunen werden 2027 ausgewählt?" – "In der ersten Runde … neun Kommunen": that was another round.
    if (asksCount && aboutEarlierRound(passage.quote) && !aboutEarlierRound(req.text)) return this.abstain(intent, lang, program);
    // "Wie viele Vorhaben werden ausgewählt?": a number of those things, not any number.
    if (counted && !countsThing(passage.quote, counted, req.text)) return this.abstain(intent, lang, program);
    // "Können wir uns gemeinsam bewerben, und wie viel gibt es dann?": the joint amount that follows the single one.
    if (intent === 'money' && (req.jointBefore || JOINT_QUESTION.test(req.text))) {
      const joint = jointAmountAfter(kb, docIds, passage.quote);
      if (joint) return this.quoteAnswer(program, intent, { docId: passage.docId, quote: `${passage.quote} ${joint}` }, lang, req.text);
    }
    // "Können wir uns bewerben, ohne dass unser Name veröffentlicht wird?" – the publication sentence was found, and the call also says
    // "Eine anonyme Antragstellung ist nicht möglich.": that sentence leads, the found one is cited beside it.
    const alsoCited: { docId: string; quote: string }[] = [];
    if (intent === 'anonymity' && ASKS_ANONYMITY.test(req.text) && !asksAboutPeople(questionSentence(req.text)) && !NO_ANONYMITY_SAID.test(passage.quote)) {
      const refused = findSentence(kb, docIds, (x) => NO_ANONYMITY_SAID.test(x));
      if (refused) {
        alsoCited.push({ docId: passage.docId, quote: passage.quote });
        passage = { ...passage, docId: refused.docId, quote: refused.quote };
      }
    }
    const cite = [this.citation(program, passage.docId, passage.quote), ...alsoCited.map((c) => this.citation(program, c.docId, c.quote))];
    // "Um Anmeldung bis 11. Dezember wird gebeten": signing up for an event has a date, but it is no application deadline.
    const eventSignup = intent === 'deadline' && SIGN_UP.test(passage.quote) && !isApplicationDeadline(passage.quote);
    if (intent === 'deadline' && !eventSignup) {
      // "Ab wann nimmt das Förderportal Anträge an?": the first day, not the last.
      if (OPENING_ASKED.test(questionSentence(req.text))) {
        const opening = findSentence(kb, docIds, (x) => OPENING_SAID.test(x) && findDates(x).some((d) => d.date !== undefined));
        const date = opening ? findDates(opening.quote).find((d) => d.date)?.date : undefined;
        // Without such a sentence, the deadline and its quote are still the closest the texts come.
        if (opening && date) {
          const key = date <= todayIso(req.now) ? 'deadline.opensPast' : 'deadline.opensFuture';
          return this.answerOf(program, intent, t(lang, key, { program: program.shortName, date: formatDate(lang, date), quote: escapeMarkdown(opening.quote) }), [this.citation(program, opening.docId, opening.quote)], lang);
        }
      }
      let found = deadlineDateIn(passage.quote, req.now);
      // "Bis wann lief die erste Antragsrunde?": the date of the sentence on that round, not of the one after it.
      if (aboutEarlierRound(req.text) || EARLIER_ROUND_ASKED.test(req.text)) {
        const earlier = splitSentences(passage.quote).find((x) => aboutEarlierRound(x));
        const date = earlier ? findDates(earlier)[0] : undefined;
        if (date) found = date;
      }
      let movedFrom: string | undefined;
      // "Unsere Skizze wurde positiv bewertet. Bis wann müssen wir den Vollantrag einreichen?": never the outline's date under the full application's name.
      if (found && asksSecondStage(questionSentence(req.text)) && FIRST_STAGE_SENTENCE.test(passage.quote) && !/vollantr(a|ä)g|förmlichen? (förder)?antrag|zweite(n)? stufe|stufe 2\b/i.test(passage.quote)) {
        const second = found.date ? secondStageDeadline(kb, docIds, found.date) : undefined;
        if (!second) return this.abstain(intent, lang, program);
        passage = { ...passage, quote: second.quote };
        found = deadlineDateIn(second.quote, req.now);
      }
      // "Aktualisierung: Die Bewerbungsfrist wird bis Freitag, 29. Januar 2027, verlängert.": the moved date, and the first one named as such.
      const moved = found?.date ? movedDeadline(kb, docIds, found.date) : undefined;
      if (moved && found?.date) {
        cite.push(this.citation(program, passage.docId, moved.quote));
        movedFrom = found.date;
        passage = { ...passage, quote: moved.quote };
        found = deadlineDateIn(moved.quote, req.now);
      }
      // "Projektskizzen können bis zum 31. März eingereicht werden" and in the key facts "Antragsfrist … 31. März 2027": the year from there.
      const withYear = found?.dayMonth ? sameDeadlineWithYear(kb, docIds, found.dayMonth) : undefined;
      if (withYear) found = { date: withYear.date, index: 0 };
      // Several rounds still ahead: the nearest one is the deadline to meet.
      const nearer = found?.date && !movedFrom && !asksSecondStage(req.text) ? earlierOpenRound(kb, docIds, todayIso(req.now), { quote: passage.quote, date: found.date }, (x) => deadlineDateIn(x, req.now)?.date) : undefined;
      if (nearer) {
        passage = { ...passage, docId: nearer.docId, quote: nearer.quote };
        cite[0] = this.citation(program, nearer.docId, nearer.quote);
        found = deadlineDateIn(nearer.quote, req.now);
      }
      // "Gibt es noch einen späteren Termin?": the next deadline after the one found, with its sentence (and its condition).
      const laterAsked = found?.date && LATER_ROUND_ASKED.test(req.text) ? laterOpenDeadline(kb, docIds, found.date, passage.quote) : undefined;
      if (laterAsked && found?.date && laterAsked.date > found.date) {
        passage = { ...passage, docId: laterAsked.docId, quote: laterAsked.quote };
        cite[0] = this.citation(program, laterAsked.docId, laterAsked.quote);
        found = deadlineDateIn(laterAsked.quote, req.now);
      }
      if (found) {
        const status = deadlineStatus(found, req.now);
        // "Bis wann muss der Vollantrag eingereicht sein?": said as that deadline, not as the application's.
        const label = asksSecondStage(req.text)
          ? this.deps.t(lang, 'deadline.secondStageLabel')
          : passesOnApplications(passage.quote) ? this.deps.t(lang, 'deadline.passOnLabel')
          // "Bis wann muss das unterschriebene Formular vorliegen?" – "… muss bis zum 12. März eingegangen sein": that deadline, by its name.
          : SIGNED_PAPER.test(passage.quote) && SIGNED_PAPER_ASKED.test(req.text) && !isApplicationDeadlineOnly(passage.quote) ? this.deps.t(lang, 'deadline.signedPaperLabel') : undefined;
        // "Anträge sind bis zum 15. Januar 2027 möglich" and elsewhere "Antragsfrist: Freitag, 15. Januar 2027, 12:00 Uhr": the hour from there.
        const hourSaid = found.date && !clockTime(passage.quote) ? deadlineWithHour(kb, docIds, found.date) : undefined;
        if (hourSaid) cite.push(this.citation(program, hourSaid.docId, hourSaid.quote));
        if (withYear && withYear.quote !== hourSaid?.quote) cite.push(this.citation(program, withYear.docId, withYear.quote));
        // "Falls wir Ende Januar nicht fertig werden – gibt es einen späteren Termin?": the asker's date is no date to check against the later one.
        let text = this.deadlineText(program, status, lang, label, { quote: hourSaid?.quote ?? passage.quote, question: laterAsked ? '' : req.text });
        if (movedFrom) text += ` ${t(lang, 'deadline.moved', { date: formatDate(lang, movedFrom) })}`;
        // A two-stage call: the full application's deadline too, for whoever is invited to it.
        const second = !label && found.date ? secondStageDeadline(kb, docIds, found.date) : undefined;
        if (second) {
          text += ` ${t(lang, 'deadline.secondStageToo', { date: formatDate(lang, second.date) })}`;
          cite.push(this.citation(program, passage.docId, second.quote));
        }
        // A closed deadline, and the call names when applying opens again ("Anträge für das Förderjahr 2028 können ab dem 1. Juli 2027 gestellt werden").
        const reopens = status.kind === 'closed' ? findSentence(kb, docIds, (x) => REOPENS.test(x) && findDates(x).some((d) => 'date' in d && d.date !== undefined && d.date > todayIso(req.now))) : undefined;
        if (reopens && reopens.quote !== passage.quote) {
          text += ` ${t(lang, 'deadline.reopens', { quote: escapeMarkdown(reopens.quote) })}`;
          cite.push(this.citation(program, reopens.docId, reopens.quote));
        }
        // "Anträge können laufend … gestellt werden" beside "Stichtag zum Jahresende: 15. November": both; asked whether there is a
        // fixed deadline at all, the rolling rule leads.
        const rollingToo = !label ? rollingSentence(kb, docIds) : undefined;
        if (rollingToo && !passage.quote.includes(rollingToo.quote)) {
          text = FIXED_DEADLINE_ASKED.test(req.text) ? `${t(lang, 'deadline.rolling', { program: program.shortName, quote: escapeMarkdown(rollingToo.quote) })} ${t(lang, 'deadline.cutoffToo')} ${text}` : `${text} ${t(lang, 'deadline.alsoRolling', { quote: escapeMarkdown(rollingToo.quote) })}`;
          cite.push(this.citation(program, rollingToo.docId, rollingToo.quote));
        }
        // "Den Termin Ende September haben wir verschlafen. Ist … gelaufen?": that deadline is over, this one is still open.
        const missed = status.kind === 'open' && MISSED.test(req.text) ? missedDeadline(kb, docIds, req.text, todayIso(req.now)) : undefined;
        if (missed) {
          // "Ist … damit für uns gelaufen?" is answered no; "Können wir uns trotzdem noch bewerben?" gets no no.
          const overAsked = /\b(gelaufen|vorbei|erledigt|zu spät|aus und vorbei|over|too late)\b/i.test(questionSentence(req.text));
          text = `${t(lang, overAsked ? 'deadline.missedNotOver' : 'deadline.missedButOpen', { date: formatDate(lang, missed.date) })} ${text}`;
          if (missed.quote !== passage.quote) cite.push(this.citation(program, missed.docId, missed.quote));
        }
        // "Wir wollten in der ersten Runde mitmachen. Geht das noch?" – that round is over; the next one's deadline is still ahead.
        const later = status.kind === 'closed' && !reopens && !second ? laterOpenDeadline(kb, docIds, todayIso(req.now), passage.quote) : undefined;
        // Asked about the round that is over ("Wir wollten in der ersten Runde mitmachen. Geht das noch?"), that one leads.
        if (later && status.kind === 'closed' && STILL_OPEN_ASKED.test(req.text) && !EARLIER_ROUND_ASKED.test(req.text) && !earlierEdition(req.text, program.documentTitle)) {
          // "Is it currently taking applications?": yes, until the later date; the passed one comes second.
          text = `${this.deadlineText(program, deadlineStatus({ date: later.date }, req.now), lang, label, { quote: later.quote, question: req.text })} ${t(lang, 'deadline.earlierPassed', { date: formatDate(lang, status.date) })}`;
          cite.unshift(this.citation(program, later.docId, later.quote));
        } else if (later) {
          text += ` ${t(lang, 'deadline.laterOpen', { date: formatDate(lang, later.date) })}`;
          cite.push(this.citation(program, later.docId, later.quote));
        }
        // "Einheitsgemeinden … bis 15. Januar", "Verbandsgemeinden … bis 5. Februar": whoever did not say which they are hears both.
        const otherKind = !label && !second && found.date && !extractEntityType(req.text) ? otherKindDeadline(kb, docIds, passage.quote, found.date) : undefined;
        if (otherKind) {
          text += ` ${t(lang, 'deadline.otherKindToo', { date: formatDate(lang, otherKind.date) })}`;
          cite[0] = this.citation(program, passage.docId, otherKind.ownQuote);
          cite.push(this.citation(program, passage.docId, otherKind.quote));
        }
        return this.answerOf(program, intent, text, cite, lang);
      }
    }
    // "Wer muss unterschreiben?", "Does our mayor have to sign it personally?" – "Muss der Antrag zum Stichtag schon unterschrieben
    // vorliegen? Nein.": who signs is asked, and the sentence that names the signer answers it.
    if (intent === 'signature' && WHO_SIGNS.test(req.text) && !SIGNER_SAID.test(passage.quote)) {
      const signer = findSentence(kb, docIds, (x) => SIGNER_SAID.test(x) && /unterschr|unterzeichn|\bsign/i.test(x));
      if (signer) {
        passage = { ...passage, docId: signer.docId, quote: signer.quote, coverage: 1 };
        cite.splice(0, cite.length, this.citation(program, signer.docId, signer.quote));
      }
    }
    // "Reicht die Unterschrift unseres Bürgermeisters?" – "… unterschreibt der Bürgermeister. Zusätzlich bestätigt der Wasserversorger mit seiner Unterschrift …": no, and who else signs.
    if (intent === 'signature') {
      const further = furtherSignature(kb, docIds, passage.quote);
      if (further) {
        const quote = `${passage.quote} ${further}`;
        const cites = [this.citation(program, passage.docId, quote)];
        if (ASKS_SUFFICIENCY.test(req.text) && YES_NO_QUESTION.test(questionSentence(req.text))) return this.answerOf(program, intent, t(lang, 'passage.faqNo', { program: program.shortName, quote: escapeMarkdown(quote) }), cites, lang);
        passage = { ...passage, quote };
        cite.splice(0, cite.length, ...cites);
      }
    }
    // The quote comes from a source: inert in markdown, like every quote the bot shows. A yes/no
    // question gets its yes or no first when the sentence says it plainly.
    let plain = plainAnswer(intent, passage.quote, ownWords) ?? (lang === 'en' ? englishFaqYesNo(passage.quote, req.text, passage.coverage, littleUnderstood) : faqYesNo(passage.quote, ownWords));
    // A "not funded" sentence answers no only when it is about the thing asked ("Honorare" is not "Baumaßnahmen").
    if (plain?.key === 'notFunded' && passage.coverage < 0.5) plain = undefined;
    // A yes needs the sentence to name everything asked: "Gefördert werden Jungbäume" says nothing of a mower.
    if (plain?.key === 'funded' && passage.coverage < 1) plain = undefined;
    let lead = plain
      ? t(lang, `passage.${plain.key}`, { program: program.shortName, quote: escapeMarkdown(passage.quote), share: plain.share ?? '' })
      : this.quoteLead(program, passage.quote, lang, req.text);
    // "Wie hoch ist der Eigenanteil?" is no yes/no question: the fact without "Ja –".
    if (plain && !YES_NO_QUESTION.test(questionSentence(req.text))) lead = withoutYesNo(lead);
    else if (plain && intent === 'signature' && ASKS_WITHOUT_SIGNATURE.test(req.text) && !FAILS_WITHOUT.test(req.text)) lead = turnedYesNo(lead);
    const details = intent === 'eligibility' && !asksJoint && !program.curated && program.rules.length === 0 && hasProfileFacts(profile) ? [t(lang, 'verdict.noRules')] : [];
    return { ...this.answerOf(program, intent, lead, cite, lang, 'answer', details), debug: { query, hits: [], coverage: passage.coverage } };
  }

  /** Whether a long compound asked about, no mere question word ("Gesamtbudget", not "Landesprogramm"), is missing from a quote. */
  private lacksSpecific(focus: string[], quote: string, lang: Lang = 'de'): boolean {
    const { kb } = this.deps;
    // An English question's German words come from the term list, one per entry and already chosen: "Verlängerung" is specific.
    const min = lang === 'en' ? 9 : 11;
    return focus.some((f) => f.length >= min && !isQuestionWord(f) && coverage([f], quote, kb.vocabulary, kb.synonyms) < 1);
  }

  /**
   * The contact for what is asked: "Wer beantwortet Fragen zum Antragsverfahren?" picks the one
   * whose lines name the procedure; otherwise the call's first contact.
   */
  private contactFor(program: Program, question: string): Program['contacts'][number] {
    const { kb } = this.deps;
    // Everyone the text gives a way to reach: an address or at least a phone number. A press office
    // answers journalists: only a question about the press goes there.
    const reachable = program.contacts.filter((c) => c.email || c.phone);
    const forPress = (c: Program['contacts'][number]) => PRESS_CONTACT.test(c.quote);
    // A technical help desk ("IT-Servicedesk Förderportal … beantwortet keine inhaltlichen Fragen") answers only technical questions.
    const forTech = (c: Program['contacts'][number]) => TECH_CONTACT.test(c.quote);
    const pool = TECH_ASKED.test(question) || reachable.every(forTech) ? reachable : reachable.filter((c) => !forTech(c));
    const withEmail = PRESS_ASKED.test(question) || pool.every(forPress) ? pool : pool.filter((c) => !forPress(c));
    if (withEmail.length === 1) return withEmail[0];
    if (withEmail.length < 2) return program.contacts[0];
    // Even question words tell contacts apart here ("Online-Formular", "Verfahren").
    // Words of contacting ("Ansprechpartner", "Telefon") are in every contact line: they tell none apart.
    const focus = focusTerms(question, [program], kb.vocabulary).filter((f) => !/^(ansprech|kontakt|telefon|mail|email|erreich|anruf|nummer|durchwahl)/.test(f));
    if (!focus.length) return withEmail[0];
    let best = withEmail[0];
    let bestCov = 0;
    let bestScore = 0;
    // Choosing between contacts is no claim of fact: "Bewerbungsportal" may pick the one for the "Online-Portal".
    const fit = (text: string) => {
      const heads = words(text).map((w) => stem(w)).filter((h) => h.length >= 5);
      return focus.reduce((sum, f) => sum + (coverage([f], text, kb.vocabulary, kb.synonyms) === 1 ? 1 : heads.some((h) => f.endsWith(h)) ? 0.5 : 0), 0);
    };
    for (const c of withEmail) {
      const cov = fit(c.quote);
      // "Fachliche Fragen: Herr A, Tel. … Fragen zum Zuwendungsrecht: Frau B, Tel. …": what stands with the person's own name counts twice.
      const score = cov + fit(ownPart(c));
      if (score > bestScore) [best, bestCov, bestScore] = [c, cov, score];
    }
    // "Frage zum Online-Formular" goes to whoever answers on the procedure, the rest to the one for content.
    if (bestCov < 1 && PROCEDURE_WORDS.test(question)) return withEmail.find((c) => PROCEDURE_WORDS.test(c.quote)) ?? best;
    return best;
  }

  /**
   * "Wann beginnt die Begleitung?", "Wann entscheidet die Jury?": the sentence that gives the time of
   * the thing asked about (as a deadline answer when it is the application deadline after all);
   * an abstention when something other than applying is named and no time for it is found;
   * undefined when the question is about applying after all ("Bis wann kann man mitmachen?").
   */
  /** The next of the cut-off dates a call repeats each year, or the last one when that is asked; undefined for a call without them. */
  private recurringCutoffAnswer(program: Program, req: AnswerRequest): Answer | undefined {
    const { t, kb } = this.deps;
    const lang = req.lang;
    const recurring = nextRecurringCutoff(kb, kb.docIdsOf(program), todayIso(req.now));
    if (!recurring) return undefined;
    const all = recurring.days.map((md) => formatDayMonth(lang, Number(md.slice(3)), Number(md.slice(0, 2)))).join(', ');
    const quotes = [recurring, ...(recurring.last && recurring.last.quote !== recurring.quote ? [{ docId: recurring.docId, quote: recurring.last.quote }] : [])];
    const cite = quotes.map((q) => this.citation(program, q.docId, q.quote));
    const last = recurring.last ? formatDate(lang, recurring.last.date) : '';
    if (recurring.ended || !recurring.date) return this.answerOf(program, 'deadline', t(lang, 'deadline.recurringEnded', { program: program.shortName, all, last }), cite, lang);
    const status = deadlineStatus({ date: recurring.date }, req.now);
    const days = status.kind === 'open' ? status.daysLeft : 0;
    const next = t(lang, 'deadline.recurringNext', { program: program.shortName, date: formatDate(lang, recurring.date), days: formatNumber(lang, days), count: days, all });
    // "Wann ist die allerletzte Gelegenheit?": the last cut-off leads, the next one follows.
    if (recurring.last && LAST_CHANCE_ASKED.test(req.text)) return this.answerOf(program, 'deadline', `${t(lang, 'deadline.recurringLastFirst', { program: program.shortName, last })} ${next}`, cite, lang);
    return this.answerOf(program, 'deadline', recurring.last ? `${next} ${t(lang, 'deadline.recurringLast', { last })}` : next, cite, lang);
  }

  private whenAnswer(program: Program, intent: Intent, req: AnswerRequest): Answer | undefined {
    const { t, kb } = this.deps;
    const lang = req.lang;
    // English words are not in the German texts: an English question is read through its term-list words.
    // A call written in English is searched by the question's own words.
    const source = lang === 'en' ? (this.languageOf(program) === 'en' ? englishContentWords(req.text).join(' ') : this.deps.terms.heads(req.text).join(' ')) : req.text;
    // "… ein gefördertes Projekt fertig sein?": being funded is what every sentence of the call is about; the thing asked is the rest.
    let focus = focusTerms(source, kb.programs, kb.vocabulary).filter((f) => !TIME_WORD.test(f));
    if (focus.some((f) => !FUNDING_WORD.test(f))) focus = focus.filter((f) => !FUNDING_WORD.test(f));
    // "Ab wann laufen die Projekte?": the start, whatever the text calls it.
    if (!focus.length && START_QUESTION.test(req.text)) focus = [stem('projektstart')];
    const found = focus.length ? findWhenPassage(kb, kb.docIdsOf(program), this.searchText(req.text, lang), focus, OTHER_EVENT.test(req.text)) : null;
    // "Ab wann weiß eine Kommune, ob sie gefördert wird?" is answered by when the decision is told, not by when projects must end.
    const when = found && OUTCOME_ASKED.test(req.text) && !OUTCOME.test(found.quote) && !/auswahl|ausgewählt|auswähl|jury|selection|selected/i.test(found.quote) ? null : found;
    if (when) {
      const cite = [this.citation(program, when.docId, when.quote)];
      const date = isApplicationDeadline(when.quote) ? findDates(when.quote)[0] : undefined;
      if (date) return this.answerOf(program, 'deadline', this.deadlineText(program, deadlineStatus(date, req.now), lang), cite, lang);
      // "Um wie viel Uhr begann die Infoveranstaltung im Februar?" – "Am 31. Januar um 14-15 Uhr und am 16. Februar um 11-12 Uhr …": the one asked for first.
      const answer = this.quoteAnswer(program, 'deadline', when, lang, req.text);
      // "am Donnerstag, 14. Januar": a day and month without a year is said as such, never completed by guessing.
      const dates = findDates(when.quote);
      if (dates.length > 0 && dates.every((d) => !('date' in d && d.date))) return { ...answer, text: `${answer.text}\n\n${t(lang, 'when.noYear')}` };
      return answer;
    }
    if (lang === 'en') return OTHER_EVENT.test(req.text) ? this.abstain(intent, lang, program) : undefined;
    // Named something else ("Jury", "Verfügungsfonds … ausgegeben") and no time for it: never the
    // application deadline instead.
    const nouns = new Set([...req.text.slice(1).matchAll(/(?<![\p{L}])\p{Lu}\p{L}+/gu)].map((m) => stem(normalizeWord(m[0]))));
    if (OTHER_EVENT.test(req.text) || focus.some((f) => nouns.has(f) && !TAKING_PART.test(f))) return this.abstain(intent, lang, program);
    return undefined;
  }

  /**
   * A joint application: none if the call rules them out; else, when the question gives the
   * partners' sizes and the call a cap they share, the sum against that cap in place of one size.
   */
  private jointVerdict(program: Program, profile: ApplicantProfile, ownWords: string, lang: Lang, question: string): Answer | undefined {
    const { kb, t } = this.deps;
    const docIds = kb.docIdsOf(program);
    const refused = jointRefused(kb, docIds);
    if (refused) {
      // "1.600 Einwohner … zusammen mit der Nachbargemeinde?": no joint route, and the size alone says why that was asked.
      const size = profile.population !== undefined ? evaluateEligibility(program, profile).reasons.find((r) => r.status === 'no' && r.key.startsWith('verdict.reason.population')) : undefined;
      const text = t(lang, 'passage.faqNo', { program: program.shortName, quote: escapeMarkdown(refused.quote) });
      const cites = [this.citation(program, refused.docId, refused.quote), ...(size?.quote ? [this.citation(program, program.docIds[0], size.quote)] : [])];
      return this.answerOf(program, 'eligibility', size ? `${text} ${this.reasonText(size, lang)}` : text, cites, lang);
    }
    const sizes = partnerPopulations(ownWords);
    const cap = sizes && jointCap(kb, docIds);
    // "Wir (4.100 Einwohner) … mit der Kreisstadt (27.000 Einwohner) gemeinsam?" – "Die Einwohnergrenze gilt für jede beteiligte Gemeinde einzeln": each partner against it.
    const each = sizes && !cap ? limitForEachPartner(kb, docIds) : undefined;
    const over = each && sizes ? sizes.map((n) => evaluateEligibility(program, { ...profile, population: n }).reasons.find((r) => r.status === 'no' && r.key.startsWith('verdict.reason.populationAbove'))).find((r) => r !== undefined) : undefined;
    if (each && over) {
      const base = evaluateEligibility(program, { ...profile, population: undefined });
      const others = base.reasons.filter((r) => !r.key.startsWith('verdict.reason.population') && !r.key.startsWith('verdict.reason.joint'));
      const reason: VerdictReason = { status: 'no', key: 'verdict.reason.jointEachAbove', values: { population: Number(over.values?.population ?? 0), max: Number(over.values?.max ?? 0) }, quote: each.quote };
      // The limit's own sentence is cited beside it; "Ihre Kommune" of the plain size reason would be the wrong partner.
      const limit: VerdictReason = { status: 'ok', key: 'verdict.reason.populationLimitIs', values: { max: Number(over.values?.max ?? 0) }, quote: over.quote };
      return this.verdictAnswer(program, { ...base, status: 'no', reasons: [reason, limit, ...others], missing: base.missing.filter((m) => m !== 'population') }, profile, lang, question);
    }
    // "two villages of about 4,000 inhabitants each … together?": the call's joint route for small ones, with as many partners as it allows.
    const route = sizes && !cap ? program.rules.find((r): r is Extract<Program['rules'][number], { type: 'jointBelow' }> => r.type === 'jointBelow') : undefined;
    if (sizes && route && sizes.some((n) => n < route.threshold)) {
      const base = evaluateEligibility(program, { ...profile, population: undefined });
      const others = base.reasons.filter((r) => !r.key.startsWith('verdict.reason.population') && !r.key.startsWith('verdict.reason.joint'));
      const tooMany = !route.asQuoted && sizes.length > route.partnersMax + 1;
      const reason: VerdictReason = tooMany
        ? { status: 'no' as const, key: 'verdict.reason.jointTooMany', values: { max: route.partnersMax + 1, count: sizes.length }, quote: route.quote }
        : { status: 'ok' as const, key: 'verdict.reason.jointRoute', values: { threshold: route.threshold, count: sizes.length }, quote: route.quote };
      const worst = tooMany || others.some((r) => r.status === 'no') ? 'no' : others.some((r) => r.status === 'conditional') ? 'conditional' : 'fits';
      return this.verdictAnswer(program, { ...base, status: worst, reasons: tooMany ? [reason, ...others] : [...others.filter((r) => r.status !== 'ok'), reason, ...others.filter((r) => r.status === 'ok')], missing: base.missing.filter((m) => m !== 'population') }, profile, lang, question);
    }
    if (!sizes || !cap) return undefined;
    const total = sizes.reduce((a, b) => a + b, 0);
    const base = evaluateEligibility(program, { ...profile, population: undefined });
    const others = base.reasons.filter((r) => !r.key.startsWith('verdict.reason.population') && !r.key.startsWith('verdict.reason.joint'));
    const within = total <= cap.max;
    const reason = { status: within ? ('ok' as const) : ('no' as const), key: within ? 'verdict.reason.jointSumWithin' : 'verdict.reason.jointSumAbove', values: { population: total, max: cap.max }, quote: cap.quote };
    const worst = others.some((r) => r.status === 'no') ? 'no' : others.some((r) => r.status === 'conditional') ? 'conditional' : 'fits';
    const status = within ? worst : 'no';
    return this.verdictAnswer(program, { ...base, status, reasons: within ? [...others.filter((r) => r.status !== 'ok'), reason, ...others.filter((r) => r.status === 'ok')] : [reason, ...others], missing: base.missing.filter((m) => m !== 'population') }, profile, lang, question);
  }

  /**
   * A call open only to the places it lists: the asker's place in the list is a yes, a place the call does not name at
   * all a no, and otherwise a yes only on that condition, with the list.
   */
  private closedListVerdict(program: Program, docIds: ReadonlySet<string>, verdict: Verdict, ownWords: string): Verdict | undefined {
    const { kb } = this.deps;
    const list = findClosedList(kb, docIds);
    if (!list) return undefined;
    const places = askedPlaces(ownWords);
    const known = verdict.reasons.filter((r) => r.status === 'ok' || r.status === 'info');
    const inList = places.find((p) => list.names.some((n) => n.toLowerCase() === p.toLowerCase()));
    if (inList) return { ...verdict, status: 'fits', reasons: [{ status: 'ok', key: 'verdict.reason.listed', values: { place: inList }, quote: list.quote }, ...known], missing: [] };
    const unknown = places.find((p) => {
      const said = new RegExp(`(?<!\\p{L})${escapeRegExp(p)}(?!\\p{L})`, 'u');
      return !allChunksOf(kb, docIds).some((c) => said.test(c.text));
    });
    if (unknown) return { ...verdict, status: 'no', reasons: [{ status: 'no', key: 'verdict.reason.notListed', values: { place: unknown }, quote: list.quote }, ...known], missing: [] };
    if (verdict.status === 'fits') {
      return { ...verdict, status: 'conditional', reasons: [{ status: 'conditional', key: 'verdict.reason.onlyListed', values: { names: list.names.join(', ') }, quote: list.quote }, ...known], missing: [] };
    }
    return undefined;
  }

  private verdictAnswer(program: Program, verdict: Verdict, profile: ApplicantProfile, lang: Lang, question = ''): Answer {
    const { t } = this.deps;
    const docId = program.docIds[0];
    const decisive = verdict.reasons.find((r) => r.status !== 'ok' && r.status !== 'info') ?? verdict.reasons.find((r) => r.status === 'ok');
    // Unclear with no reason and nothing to ask for: no verdict to give, and "Unklar –" alone would say nothing.
    if (verdict.status === 'unclear' && !decisive && !verdict.missing.length) return this.abstain('eligibility', lang, program);
    const reasonText = (r: Verdict['reasons'][number]) => this.reasonText(r, lang);
    // Below the size to apply alone: "Nur gemeinsam – …" says it better than "Ja, aber …".
    const joint = verdict.status === 'conditional' && decisive?.key.startsWith('verdict.reason.jointOnly');
    const via = verdict.status === 'conditional' && decisive?.key === 'verdict.reason.onlyVia';
    let lead = t(lang, joint ? 'verdict.lead.jointOnly' : via ? 'verdict.lead.onlyVia' : `verdict.lead.${verdict.status}`, { program: program.shortName, reason: decisive ? reasonText(decisive) : '' });
    // Only the state is unknown and everything else fits a call for one or two states: yes, on that condition, rather than a question back.
    // A call of one Land's body ("Spielinsel Thüringen", "Das Thüringer Ministerium …") is for that Land, said or not.
    const stateRule = program.rules.find((r): r is Extract<Program['rules'][number], { type: 'states' }> => r.type === 'states' && (!r.mentionedOnly || r.allowed.length === 1));
    let sizeQuote: string | undefined;
    const sizeLimit = onlyPopulationMissing(program, verdict, profile);
    const onlyStateMissing = verdict.status === 'unclear' && verdict.missing.length === 1 && verdict.missing[0] === 'state' && verdict.reasons.every((r) => r.status === 'ok' || r.status === 'info');
    if (onlyStateMissing && stateRule && stateRule.allowed.length <= 4) {
      const or = lang === 'en' ? ' or ' : ' oder ';
      const states = stateRule.allowed.length > 1 ? `${stateRule.allowed.slice(0, -1).join(', ')}${or}${stateRule.allowed.at(-1)}` : stateRule.allowed[0];
      lead = t(lang, decisive ? 'verdict.lead.fitsIfState' : 'verdict.lead.fitsIfStateOnly', { program: program.shortName, states, reason: decisive ? reasonText(decisive) : '' });
      verdict = { ...verdict, reasons: [...verdict.reasons, { status: 'info', key: 'verdict.reason.stateRequired', values: { allowed: stateRule.allowed.join(', ') }, quote: stateRule.quote }] };
    } else if (sizeLimit && decisive) {
      // "Dürfen sich auch kreisfreie Städte bewerben?": the kind may, within the size limit; that is the answer, not a question back.
      const size = sizeLimit.min !== undefined && sizeLimit.max !== undefined ? 'Between' : sizeLimit.max !== undefined ? 'Max' : 'Min';
      lead = t(lang, `verdict.lead.fitsIfPopulation${size}`, { min: formatNumber(lang, sizeLimit.min ?? 0), max: formatNumber(lang, sizeLimit.max ?? 0), reason: reasonText(decisive) });
      sizeQuote = sizeLimit.quote;
    } else if (verdict.status === 'unclear' && verdict.missing.length) {
      lead = t(lang, 'verdict.lead.missing', { program: program.shortName, missing: verdict.missing.map((m) => t(lang, `profile.field.${m}`)).join(', ') });
    }
    // "Welche Voraussetzungen müssen wir erfüllen?" asks for the conditions: in the call's own words, right after the verdict.
    const conditions = REQUIREMENTS_QUESTION.test(question) ? [...new Set(verdict.reasons.filter((r) => CONDITION_REASON.test(r.key) && r.quote).map((r) => r.quote!))] : [];
    if (conditions.length) lead = `${lead} ${t(lang, 'verdict.conditionsQuoted', { quotes: conditions.map((q) => t(lang, 'quoted', { quote: escapeMarkdown(q) })).join(' ') })}`;
    const details = verdict.reasons.filter((r) => r !== decisive).map((r) => `${t(lang, `verdict.mark.${r.status}`)} ${reasonText(r)}`);
    // Rules read from an uncurated call's text rest on its sentences alone; the reader should know.
    if (!program.curated) details.push(t(lang, 'verdict.derived'));
    const quotes = [...new Set([decisive?.quote, sizeQuote, ...verdict.reasons.map((r) => r.quote)].filter((q): q is string => Boolean(q)))];
    return this.answerOf(program, 'eligibility', lead, quotes.slice(0, 3).map((q) => this.citation(program, docId, q)), lang, 'verdict', details);
  }

  /** A verdict reason in words; entity types and numbers are localised. */
  reasonText(r: Verdict['reasons'][number], lang: Lang): string {
    const { t } = this.deps;
    const v: Record<string, string | number> = { ...r.values };
    for (const k of ['population', 'min', 'max', 'threshold'] as const) if (typeof v[k] === 'number') v[k] = formatNumber(lang, v[k] as number);
    if (typeof v.type === 'string') v.type = t(lang, `entityType.plural.${v.type}`);
    if (typeof v.via === 'string') v.via = t(lang, `verdict.via.${v.via}`);
    if (typeof v.allowed === 'string' && r.key.startsWith('verdict.reason.type')) v.allowed = String(v.allowed).split(',').map((a) => t(lang, `entityType.plural.${a}`)).join(', ');
    if (typeof v.allowed === 'string' && r.key === 'verdict.reason.cityKindMatters') v.allowed = String(v.allowed).split(',').map((a) => t(lang, `entityType.plural.${a}`)).join(', ');
    return t(lang, r.key, v);
  }

  private verdictsForAll(profile: ApplicantProfile, req: AnswerRequest): Answer {
    const { t, kb } = this.deps;
    const lang = req.lang;
    const lines: string[] = [];
    const cites: Citation[] = [];
    for (const p of kb.programs.filter((x) => x.kind === 'call')) {
      const v = evaluateEligibility(p, profile);
      const decisive = v.reasons.find((r) => r.status !== 'ok' && r.status !== 'info');
      const why = v.status === 'unclear' && !p.rules.length ? t(lang, 'verdict.noRulesShort') : decisive ? this.reasonText(decisive, lang) : v.missing.length ? t(lang, 'verdict.missingShort', { missing: v.missing.map((m) => t(lang, `profile.field.${m}`)).join(', ') }) : '';
      lines.push(`${t(lang, `verdict.mark.${v.status}`)} **${p.shortName}**: ${t(lang, `verdict.status.${v.status}`)}${why ? ` – ${why}` : ''}`);
      const q = decisive?.quote ?? v.reasons[0]?.quote;
      if (q) cites.push(this.citation(p, p.docIds[0], q));
    }
    return {
      kind: 'verdict', intent: 'eligibility', grounded: cites.length > 0, citations: cites.slice(0, 5), details: lines,
      text: t(lang, 'verdict.overview'),
      suggestions: [{ title: t(lang, 'suggest.check.title'), value: t(lang, 'suggest.check.value') }],
    };
  }

  private several(programs: Program[], intent: Intent, profile: ApplicantProfile, req: AnswerRequest): Answer {
    const parts = programs.map((p) => this.forProgram(p, intent, profile, req, false));
    const text = parts.map((a, i) => `**${programs[i].shortName}:** ${a.text}`).join('\n\n');
    return {
      kind: 'answer', intent, text, details: [], grounded: parts.some((a) => a.grounded),
      citations: parts.flatMap((a) => a.citations).slice(0, 6),
      suggestions: [], programId: undefined,
    };
  }

  /** The one call limited to the single state a question names, if exactly one is. */
  private onlyCallOfState(text: string): Program | undefined {
    const lower = text.toLowerCase();
    const mentions = stateMentions(lower);
    const states = [...new Set(mentions.map((m) => m.name))];
    if (states.length !== 1) return undefined;
    // Only a state said of a programme ("das hessische Programm", "the Rhineland-Palatinate programme"),
    // not where the asker is ("Wir in Hessen möchten uns bewerben").
    const ofProgram = mentions.some(({ index }) => {
      const word = lower.slice(index).match(/^[\p{L}-]+/u)?.[0] ?? '';
      const after = lower.slice(index + word.length, index + word.length + 40);
      const before = lower.slice(Math.max(0, index - 30), index);
      // "über das Land Rheinland-Pfalz fördern lassen", "vom Land Sachsen": the state as the funder.
      if (/\b(das|dem|vom|des) land(es)?\s+$/.test(before)) return true;
      return /(isch\w*|er|ian)$/.test(word) && !/\b(wir|we)\s+(in|aus|from)\s*$/.test(before) ? true : /^\s+(\S+\s+){0,3}(programm|programme|program|aufruf|call|landesprogramm|förderprogramm|richtlinie|förderrichtlinie|directive|guideline|funding|initiative|project|projekt)/.test(after) || /(programm|programme|program|aufruf|call|directive|richtlinie)\s+(für|in|of|for|from|des landes|im land)\s+$/.test(before);
    });
    if (!ofProgram) return undefined;
    const calls = this.deps.kb.programs.filter(
      (p) => p.kind === 'call' && p.rules.some((r) => r.type === 'states' && !r.mentionedOnly && r.allowed.length <= 3 && r.allowed.includes(states[0])),
    );
    return calls.length === 1 ? calls[0] : undefined;
  }

  /** The one call whose text uses words of these stems, when all such words point to the same call. */
  private onlyCallUsing(stems: string[]): Program | undefined {
    const { kb } = this.deps;
    let found: Program | undefined;
    for (const f of stems) {
      const users = kb.programs.filter((p) => [...kb.vocabularyOf(p)].some((w) => w.startsWith(f)));
      if (users.length !== 1) continue;
      if (found && found !== users[0]) return undefined;
      found = users[0];
    }
    return found?.kind === 'call' ? found : undefined;
  }

  /** The one programme whose texts contain a name the question quotes (three words or more, in any quotation marks). */
  private onlyTextQuoting(text: string): Program | undefined {
    const { kb } = this.deps;
    const names = [...text.matchAll(/(?:^|[\s(])['‘„“"«»]([^'‘’„“”"«»]{8,120})['’“”"«»]/g)].map((m) => normalizeForQuote(m[1]).toLowerCase()).filter((n) => n.split(' ').length >= 3);
    if (!names.length) return undefined;
    const owners = new Set<Program>();
    // The passages the search finds for the names: a text that has a name verbatim ranks it high.
    for (const n of names) {
      for (const { chunk } of kb.retriever.search(n, { k: 20 })) {
        const p = normalizeForQuote(chunk.text).toLowerCase().includes(n) ? kb.programOfDoc(chunk.docId) : undefined;
        if (p) owners.add(p);
      }
    }
    return owners.size === 1 ? [...owners][0] : undefined;
  }

  private withoutProgram(intent: Intent, req: AnswerRequest): Answer {
    const { kb, t } = this.deps;
    const lang = req.lang;
    // Nothing in any text is about this ("Wohngeld", "weather"): say so rather than ask which programme.
    const calls = kb.programs;
    // English: nothing the term list knows, or mostly words it does not ("register my child for a daycare place in Munich").
    const offTopicEnglish = () => {
      const unknown = this.deps.terms.unknownWords(req.text).length;
      return this.deps.terms.expand(req.text).length === 0 || (unknown >= 3 && this.deps.terms.heads(req.text).length <= 1);
    };
    // "… über das Land Rheinland-Pfalz fördern lassen. Bis wann …?": the one call of that state, if its text knows what is asked.
    const ofState = FACTUAL_INTENTS.has(intent) ? this.onlyCallOfState(req.text) : undefined;
    if (ofState && lang === 'de' && !unknownTopic(questionSentence(req.text), [ofState], kb.topicVocabulary([ofState]))) return this.forProgram(ofState, intent, {}, req, false);
    if (lang === 'de' ? unknownTopic(req.text, calls, kb.topicVocabulary(calls)) : offTopicEnglish() && !/\b(komma|wir|bamf|ils)\b/i.test(req.text) && !this.onlyCallOfState(req.text)) {
      return this.abstain(intent, lang);
    }
    // Only a distinctive word can point at one text: not a verb of asking, a place or a short word.
    const focus = focusTerms(req.text, [], kb.vocabulary).filter((f) => !isQuestionWord(f) && f.length >= 5);
    // A question specific enough to point at one text ("Sachkostenpauschale") needs no programme name.
    if (focus.length > 0) {
      const query = this.searchText(req.text, lang);
      const hits = kb.retriever.search(query, { k: 6 }).map((h) => ({ h, cov: coverage(focus, h.chunk.text, kb.vocabulary, kb.synonyms) }));
      // The passage that covers the question best (the first of equals), not merely the top-ranked one.
      const best = hits.reduce<(typeof hits)[number] | undefined>((b, x) => (!b || x.cov > b.cov ? x : b), undefined);
      if (best) {
        const top = best.h;
        const program = kb.programOfDoc(top.chunk.docId);
        const cov = best.cov;
        const otherDocs = hits.filter((x) => x.h.chunk.docId !== top.chunk.docId && x.cov >= cov);
        // Two of three words (2/3 < 0.67) or more; with fewer words, all of them.
        const needed = focus.length >= 3 ? 0.66 : 1;
        if (program && cov >= needed && otherDocs.length === 0 && (intent !== 'unknown' || focus.length >= 1)) {
          return this.forProgram(program, intent, {}, req, false);
        }
      }
    }
    // "Can our staff still register for the training 'Digitale Gewalt gegen Amts- und Mandatsträger'?": a name in quotes that one text has.
    const quoted = this.onlyTextQuoting(req.text);
    if (quoted) return this.forProgram(quoted, intent, {}, req, false);
    // "… für die Brandenburger Orientierungsstellen": a long word only one call's text uses names that call.
    // German words only: an English word may stand in one German text by chance (an English summary).
    const owner = req.lang === 'de' ? this.onlyCallUsing(focus.filter((f) => f.length >= 9)) : undefined;
    if (owner) return this.forProgram(owner, intent, {}, req, false);
    // "the Rhineland-Palatinate programme for …", "das hessische Programm": the one call for that state.
    const stateCall = this.onlyCallOfState(req.text);
    if (stateCall && FACTUAL_INTENTS.has(intent)) return this.forProgram(stateCall, intent, {}, req, false);
    if (intent === 'unknown') return this.abstain(intent, lang);
    const candidates = kb.programs.filter((p) => p.kind === 'call');
    return {
      kind: 'clarify', intent, grounded: false, citations: [], details: [],
      text: t(lang, 'clarify.which', { names: candidates.map((p) => p.shortName).join(', ') }),
      // Only the programme's name goes back: the follow-up keeps the question's intent ("Und bei KommA?").
      suggestions: candidates.slice(0, 5).map((p) => ({ title: p.shortName, value: p.shortName })),
    };
  }
}
