import { STOPWORDS, decompound, editDistance, normalizeWord, stem, words } from '../retrieval/textAnalysis.js';
import type { Program } from '../programs/programSchema.js';
import { Synonyms } from '../nlu/synonyms.js';

/** Words of questions that say nothing about what is asked ("Bewerbung", "Programm", "sagt"). */
const GENERIC_WORDS = (
  `förderfähig förderfähige förderfähiger förderfahig gilt gelten galt art arten schlägt schlagt vorgeschlagen zusammentun bewerb bewerbung bewerbungen kommun kommune kommunen förderung förderprogramm förderprogramme angebot angebote passend passende passendes programm programms projekt projekts ausschreib ausschreibung aufruf frag frage fragen gibt geben sagt sag steht stehen text texte papier dokument information informationen wissen erfahr erfahren
   tagt tagen findet statt stattfinden teilnehmen mitmachen beteiligen einreichen einreicht einzureichen
   geht gehen klappt klappen funktioniert funktionieren machen macht bezahlt bezahlen übernommen übernimmt erstattet
   reicht reichen genügt genügen dürfen darf durf per kommen kommt tun nachdem passiert passieren geschieht braucht brauchts gibts isses ne nen zahlt zahlen einfach gern jemand inzwischen konkret woran arbeitet arbeiten selbst hinter bringen bring nimmt nehmen letzt letzten letzte falls erfährt erfahrt wofür wofur steht stehen abkürzung abkurz bedeutet bedeuten mich mir dich dir euch
   irgendwas irgendetwas irgendwie irgendwann irgendwo irgendwer irgendein irgendeine
   lust kohle topf beachten beachtet beachte berücksichtigen erstmal zunächst problem probleme liegt liegen trotzdem dennoch besondere besonderen besonderer spezielle speziellen nicht nichts mussten müssten hätten wären könnten sollten dran drauf drin ging gingen lief liefen gab gabs war waren dieselbe derselbe dasselbe denselben derselben komplett vollständig ganz kein keine keinen keiner höchstens hochstens maximal mindestens zusammen
   nötig notig notwendig erforderlich erlaubt zulässig zulassig gestattet verpflichtend pflicht okay ok
   erfüllen erfüllt kriterien kriterium viel viele wieviel wieviele wievielen hoch höhe gross groß lang wie welch welche genau eigentlich nennt nennen genannt beschreibt beschreiben erklärt läuft laufen lauft bitte mal etwa ungefahr denn auch noch schon hier dort thema bezug bzgl bezuglich moglich konnen muss brauch brauchen man leute wer wann was wo wohin
   sein seine seinen seinem seiner bringt zeigt zeigen loswerden studie meldung pressemitteilung gut mitzumachen teilzunehmen
   januar februar märz marz april mai juni juli august september oktober november dezember january february march june july october december
   einzig einzige einzigen einziger alleine ausschließlich lediglich bloß anteil anteile max maximal
   rät rat raten empfiehlt empfehlen fordert fordern
   ding dings zeug sache nochmal nochmals eben aktuell derzeit momentan gerade stimmt stimmen richtig korrekt passt
   kriegt kriegen kriegst bekommt bekommen angestoßen initiiert wessen mittel mitteln reinstecken reinsteckt umsonst eigenes gedacht
   roll rolle spielt spiel spielen bedeut bedeutung stellenwert situation sieht seh sehen einschatz einschätzung
   ruckfrag rückfrage rückfragen nachfrag nachfrage nachfragen anlieg anliegen korrektur korrekturen lass lassen lasst lässt verfug verfügung betracht ausschlussgrund
   call text paper document programme program project tell say says know please about does apply application`
    .split(/\s+/)
);
const GENERIC = new Set(GENERIC_WORDS.map((w) => stem(w)));

function stemsWithParts(text: string, vocabulary: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.add(stem(w));
    // The word as written too: the stemmer cuts "Grundschulung" to "grundschul" but leaves "Schulung" whole.
    if (w.length >= 8) out.add(w);
    for (const part of decompound(w, vocabulary)) out.add(stem(part));
    // "Kita-Plätzen": its parts as well.
    if (w.includes('-')) for (const part of w.split('-')) if (part.length >= 3) out.add(stem(part));
  }
  return out;
}

/** Words of a question, hyphenated compounds ("Kita-Platzvergabe") as their parts. */
function questionWords(text: string): string[] {
  return words(text).flatMap((w) => (w.includes('-') ? w.split('-').filter((p) => p.length >= 3) : [w]));
}

/** A programme's name with a typo ("lebndig" for "lebendig") is still its name, not a topic. */
function misspeltNameWord(s: string, names: ReadonlySet<string>): boolean {
  if (s.length < 5) return false;
  const max = s.length >= 8 ? 2 : 1;
  for (const n of names) if (n.length >= 5 && Math.abs(n.length - s.length) <= max && editDistance(n, s, max) <= max) return true;
  // "Dorff" for "Dorf": one letter added to a short name word.
  for (const n of names) if (n.length === 4 && s.length === 5 && s.startsWith(n)) return true;
  return false;
}

/** The content stems of a question that a supporting passage must contain. */
const GENERIC_BY_LENGTH = new Map<number, string[]>();
for (const g of GENERIC_WORDS) GENERIC_BY_LENGTH.set(g.length, [...(GENERIC_BY_LENGTH.get(g.length) ?? []), g]);
const misspeltCache = new Map<string, boolean>();

/** A question word typed wrongly ("wievil", "frgen"): one letter off a word that asks nothing by itself, the first letter right ("Verfahren" is no "erfahren"). */
function misspeltGeneric(word: string): boolean {
  if (word.length < 5 || word.length > 14) return false;
  let verdict = misspeltCache.get(word);
  if (verdict === undefined) {
    verdict = false;
    for (let len = word.length - 1; len <= word.length + 1 && !verdict; len++) verdict = (GENERIC_BY_LENGTH.get(len) ?? []).some((g) => g.length >= 5 && g[0] === word[0] && editDistance(g, word, 1) <= 1);
    if (misspeltCache.size > 10_000) misspeltCache.clear();
    misspeltCache.set(word, verdict);
  }
  return verdict;
}

export function focusTerms(question: string, programs: Program[], vocabulary: ReadonlySet<string>, ignore: string[] = []): string[] {
  const programWords = new Set<string>();
  const nameWords = new Set<string>();
  for (const p of programs) {
    for (const w of words(`${p.shortName} ${p.aliases.join(' ')}`)) {
      programWords.add(stem(w));
      nameWords.add(w);
    }
  }
  for (const w of ignore) programWords.add(stem(w));
  const out: string[] = [];
  // "vor Ort" says where, as a phrase: no word of it is what is asked about.
  for (const w of questionWords(question.replace(/\bvor Ort\b/gi, ' '))) {
    if (STOPWORDS.has(w) || w.length < 3 || /\d/.test(w)) continue;
    const s = stem(w);
    if (GENERIC.has(s) || programWords.has(s) || misspeltNameWord(w, nameWords) || (misspeltGeneric(w) && !vocabulary.has(w))) continue;
    out.push(s);
  }
  return [...new Set(out)];
}

// Passages are the index's sentences, scored again for every question that retrieves them: their
// stems are kept per vocabulary (one per index), bounded so a huge corpus cannot fill the memory.
const passageStems = new WeakMap<ReadonlySet<string>, Map<string, Set<string>>>();
const PASSAGE_CACHE_MAX = 20_000;

function stemsOfPassage(passage: string, vocabulary: ReadonlySet<string>): Set<string> {
  let cache = passageStems.get(vocabulary);
  if (!cache) passageStems.set(vocabulary, (cache = new Map()));
  let have = cache.get(passage);
  if (!have) {
    have = stemsWithParts(passage, vocabulary);
    if (cache.size >= PASSAGE_CACHE_MAX) cache.clear();
    cache.set(passage, have);
  }
  return have;
}

/**
 * The same compound with a shortened first part: "Infoveranstaltung" / "Informationsveranstaltung".
 * German compounds end in what they are; the shorter first part must begin the longer one, so
 * "Verwendungsnachweis" is not "Nachweis" and "Antragsfrist" is not "Bewerbungsfrist".
 */
function shortenedCompound(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  if (n < 6) return false;
  const headA = a.slice(0, a.length - n);
  const headB = b.slice(0, b.length - n);
  return headA.length >= 3 && headB.length >= 3 && headA !== headB && (headA.startsWith(headB) || headB.startsWith(headA));
}

/** A compound ending in the word: "Interessenbekundungsverfahren" is a "Verfahren" (German compounds end in what they are). */
function endsCompound(compound: string, word: string): boolean {
  return word.length >= 6 && compound.length >= word.length + 4 && compound.endsWith(word);
}

/** Share of focus terms a passage contains (stems, compound parts, or a shared 5+ letter prefix). */
export function coverage(focus: string[], passage: string, vocabulary: ReadonlySet<string>, synonyms: Synonyms = Synonyms.none): number {
  if (focus.length === 0) return 1;
  const have = stemsOfPassage(passage, vocabulary);
  let hit = 0;
  for (const f of focus) {
    if (passageHas(have, f) || compoundInPassage(have, f, vocabulary)) hit++;
    // "Verwaltungsspitze" asked, "Leitung der Gesamtverwaltung" written: every word of one synonym is there.
    else if (synonyms.foundBy(f, (a) => passageHas(have, a))) hit++;
  }
  return hit / focus.length;
}

const SEPARABLE = /^(ein|an|auf|aus|ab|mit|nach|vor|zu|weiter|zurück|zurueck|hoch|her|hin)(?=\p{L}{4})/u;

/** "einscannen" → "eingescan": a separable verb's participle puts "ge" after its prefix. */
function participleStart(f: string): string | undefined {
  // Verb stems are short; a long one is a compound noun ("Auswahlgremium" is no "aus|wählen").
  if (f.length > 10) return undefined;
  const prefix = SEPARABLE.exec(f)?.[1];
  return prefix ? `${prefix}ge${f.slice(prefix.length, prefix.length + 4)}` : undefined;
}

/** A verb with a separable particle that is a word of its own ("zusammenarbeiten" → "arbeiten … zusammen"). */
const SEPARATED = /^(zusammen|teil|statt|fest|weiter|fort|bereit|hinzu|vorbei)(\p{L}{4,})$/u;

function passageHas(have: ReadonlySet<string>, f: string): boolean {
  if (have.has(f)) return true;
  // "Mit wem sollen die Lotsen zusammenarbeiten?" — "Die Lotsen arbeiten eng mit … zusammen."
  const separated = SEPARATED.exec(f);
  if (separated && have.has(stem(separated[1])) && [...have].some((h) => h.startsWith(separated[2].slice(0, 4)))) return true;
  const participle = participleStart(f);
  for (const h of have) {
    // "Jury" in "Jurysitzung": a short word as the first part of a compound.
    if (f.length === 4 && h.length >= 8 && h.startsWith(f)) return true;
    if (participle && h.startsWith(participle)) return true;
    const n = Math.min(f.length, h.length);
    // A shared prefix ("Förderung"/"Fördermittel"), or a shared head of a compound
    // ("Infoveranstaltung"/"Informationsveranstaltung": German compounds end in what they are).
    if ((n >= 5 && (f.startsWith(h) || h.startsWith(f)) && Math.abs(f.length - h.length) <= 4) || shortenedCompound(f, h) || endsCompound(h, f)) return true;
    // "Personal" in "Personalleistungen": a word of some length as the first part of a compound.
    if (f.length >= 7 && h.length > f.length + 4 && h.startsWith(f)) return true;
    // A long word typed wrongly ("Projektkonzpet"): one or two letters off, by length.
    // The first letter is rarely the one mistyped; checking it first spares most of the costly comparisons.
    if (f.length >= 8 && h[0] === f[0] && Math.abs(f.length - h.length) <= (f.length >= 10 ? 2 : 1) && editDistance(f, h, f.length >= 10 ? 2 : 1) <= (f.length >= 10 ? 2 : 1)) return true;
  }
  return false;
}

/** A compound the passage writes apart: "Gemeinderatsbeschluss" in "ein Beschluss des Gemeinderats" (every part there). */
function compoundInPassage(have: ReadonlySet<string>, f: string, vocabulary: ReadonlySet<string>): boolean {
  const parts = decompound(f, vocabulary);
  return parts.length >= 2 && parts.every((p) => p.length >= 3 && passageHas(have, stem(p)));
}

/** Words that belong to asking about a topic, a role or an applicant, not to what is asked about. */
const DOMAIN_LIST = `frist fristen bewerbungsfrist bewerbungsschluss einsendeschluss stichtag termin datum ende endet enden läuft laufen lauft spätestens offen geschlossen abgelaufen vorbei einreich eingereicht einreichen abgeben abgegeben beworben bewerben
   unterschrift unterschreib unterschrieben unterzeichn signatur anonym anonymitat veroffentlich öffentlich namentlich name namen
   geld summe betrag euro prozent prozentsatz maximum minimum höchstsumme mindestsumme förderquote gefördert gefordert fördern fordern fördert fordert förder forder fordersumme fördermittel höchstförderung höchstbetrag förderhöchstbetrag maximalbetrag maximalförderung mindestbetrag zuschuss finanzier kosten kostet kostenlos kostenfrei eigenmittel eigenanteil anrechenbar unterstutzung unterstützung leistung leistungen bekommen erhalten gibt
   kontakt ansprechpartner ansprechperson adresse mail email schick schicken senden wende wenden melden
   änder ander anderung änderung geändert geandert verändert abgabe nachträglich einreichung teilnahme teilnehmen mitmachen beteiligen antrag anträge antragsteller berechtigt voraussetzung voraussetzungen
   ortsname ortsnamen gemeindename namensnennung
   antragsfrist antragsschluss abgabefrist einreichungsfrist anmeldeschluss anmeldefrist
   phase bewerbungsphase antragsphase einreichungsphase zeitraum bewerbungszeitraum antragszeitraum uhrzeit uhr runde auswahlrunde förderrunde antragsrunde bewerbungsrunde durchgang gelegenheit chance möglichkeit
   rückfrage rückfragen nachfrage nachfragen zuständig zuständige telefonnummer nummer rufnummer durchwahl handynummer erreichbar
   landrat landrätin landrats bürgermeister bürgermeisterin oberbürgermeister dezernent dezernentin leitung verwaltungsleitung verwaltungsspitze verwaltung chef chefin amt rathaus stadtverwaltung gemeindeverwaltung hauptverwaltungsbeamter hauptverwaltungsbeamtin
   landkreis kreis kreise stadt städte gemeinde gemeinden kommune kommunen kreisfrei kreisfreie kreisangehörig kreisangehörige verein vereine träger organisation organisationen
   einwohner einwohnerinnen einwohnern einwohnergrenze anforderung anforderungen besonderheiten einwohnerzahl mindestgröße größengrenze obergrenze untergrenze bundesland land hessen bayern partner partnerkommune gemeinsam aufruf förderaufruf ausschreibung programm förderprogramm richtlinie förderrichtlinie projekt modellprojekt modellkommune
   formular unterlagen dokument dokumente bewerbungsunterlagen antragsformular bewerbungsformular interessenbekundung interessensbekundung
   insgesamt insgesammt gesamt gesamte jährlich jaehrlich kohle knete zusammen maximal höchstens mindestens
   gebühr gebühren teilnahmegebühr bearbeitungsgebühr
   schritt schritte ablauf abläufe verfahren stufe stufen etappe etappen vorgehen prozedere problem probleme
   anfang mitte beginn monatsende jahresende monatsanfang jahresanfang wochenende quartal halbjahr moment augenblick zeitpunkt
   jahr jahre jahres zeit zeitraum ziel ziele tag tage monat monate woche wochen info infos link seite webseite website frau herr team stelle
   baden württemberg bayern berlin brandenburg bremen hamburg hessen mecklenburg vorpommern niedersachsen nordrhein westfalen rheinland pfalz saarland sachsen anhalt schleswig holstein thüringen nrw
   deadline signature sign anonymous money funding amount grant contact apply application eligible support mayor district city town municipality`.split(/\s+/);
const DOMAIN = new Set(DOMAIN_LIST.map((w) => stem(w)));
/** "das Dorftreff-Programm OrtsHerz": a word joined to a word for the call. */
const DESCRIBES_CALL = /(\p{L}{3,})-(programm|förderprogramm|landesprogramm|bundesprogramm|förderung|aufruf|förderaufruf|wettbewerb|fonds|richtlinie)(?!\p{L})/giu;
/** Any compound for a deadline ("Abgabeschluss", "Meldefrist") asks for one; not "…termin": an "Infotermin" is a topic of its own. */
const DEADLINE_COMPOUND = /^(abgabe|einsende|bewerbungs|anmelde|antrags|einreichungs|melde|teilnahme)schluss$|^(?!\p{L}*bindungsfrist)\p{L}{3,}(frist|stichtag)$/u;
const DOMAIN_WORDS: ReadonlySet<string> = new Set(DOMAIN_LIST.map((w) => w.toLowerCase()));
const DOMAIN_BY_LENGTH = new Map<number, string[]>();
for (const d of DOMAIN) DOMAIN_BY_LENGTH.set(d.length, [...(DOMAIN_BY_LENGTH.get(d.length) ?? []), d]);

/**
 * True when a factual question names something specific (a long word, e.g. "Verwendungsnachweis")
 * that the programme's own texts never mention: then no passage of them can answer it, however
 * related the topic. English questions are not checked (their words are not in German texts).
 */
/** What an asker calls their own plans: "unser Vorhaben", "unsere Projektidee". */
const OWN_THING = /^(vorhaben|projekt\p{L}*|idee|projektidee|anliegen|konzept|plan|planung|pläne|initiative|maßnahmen?)$/iu;

export function unknownTopic(
  question: string,
  programs: Program[],
  topic: { vocabulary: ReadonlySet<string>; stems: ReadonlySet<string>; stemsByLength?: ReadonlyMap<number, readonly string[]>; sortedStems?: readonly string[]; synonyms?: Synonyms },
): boolean {
  if (programs.length === 0) return false;
  const vocab = topic.vocabulary;
  const raws = words(question.replace(/-/g, ' '));
  // Topics are nouns, and German writes nouns capitalised: a capitalised word that does not start a
  // sentence. Verbs and adjectives the text does not use ("braucht", "direkt") are no topic.
  const nouns = new Set<string>();
  const hasCapitals = /\p{Lu}/u.test(question);
  for (const m of question.replace(/-/g, ' ').matchAll(/(^|[.!?:]\s*|\s)([\p{L}]+)/gu)) {
    const startsSentence = m[1] === '' || /[.!?:]/.test(m[1]);
    // "nach dem Abschicken", "beim Ausfüllen": a verb used as a noun names an action, not a topic.
    // "… aus Bielefeld", "in Oberbayern": a place names where the applicant is, not what is asked.
    const place = /(?:^|\s)(aus|in|im landkreis|im kreis|bei)\s*$/i.test(question.slice(0, m.index + m[1].length)) && /^\p{Lu}/u.test(m[2]);
    if (place) continue;
    // "zu unserem Vorhaben", "für unsere Idee": the asker's own thing, not a topic of the call.
    if (OWN_THING.test(m[2]) && /(?:^|\s)(unser|unsere|unserem|unseren|unserer|unseres|mein|meine|meinem|meinen|meiner|meines)\s*$/i.test(question.slice(0, m.index + m[1].length))) continue;
    const nominalisedVerb = /(?:^|\s)(dem|beim|zum|vom)\s*$/i.test(question.slice(0, m.index + m[1].length)) && /en$/.test(m[2]);
    // Typed without capitals ("antragsportal hängt – wen ruf ich …"), short words are mostly verbs: only longer ones may be topics.
    if (!nominalisedVerb && (hasCapitals ? /^\p{Lu}/u.test(m[2]) && !startsSentence : m[2].length >= 6)) nouns.add(stem(m[2].toLowerCase().replace(/ß/g, 'ss')));
  }
  // "das Dorftreff-Programm OrtsHerz": a word joined to "Programm" describes the call, it asks about nothing.
  for (const m of question.matchAll(DESCRIBES_CALL)) nouns.delete(stem(normalizeWord(m[1])));
  const focus = focusTerms(question.replace(/-/g, ' '), programs, vocab).filter((f) => !DOMAIN.has(f) && !DEADLINE_COMPOUND.test(f) && f.length >= 4 && nouns.has(f));
  const unknown = (f: string) => isUnknownTerm(f, raws.find((w) => stem(w) === f) ?? f, topic);
  // "Welche Workshops oder Beratung bekommen wir bei X?": alternatives; one the call's text knows is enough.
  // Over all texts (no call named), a word one of them uses by chance says nothing.
  const partners = new Map<string, string[]>();
  if (programs.length === 1) for (const m of question.matchAll(/([\p{L}]{4,})\s+(?:oder|bzw\.?|beziehungsweise|or)\s+(?:\p{L}+\s+)?([\p{L}]{4,})/gu)) {
    const [a, b] = [stem(normalizeWord(m[1])), stem(normalizeWord(m[2]))];
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  // "anpaken vorort frist?": a programme's name typed with a typo or run together is the programme, not a topic.
  const nameParts = programs.flatMap((p) => [p.shortName, ...p.aliases]).map((a) => normalizeWord(a.replace(/[^\p{L}\s]/gu, ' ')).split(/\s+/)).filter((ws) => ws.length > 0);
  const namesProgram = (f: string) => {
    const raw = normalizeWord(raws.find((w) => stem(w) === f) ?? f);
    // "Dorftreffs" for the call "Treffpunkt Elbmark": a compound whose back part begins a word of the name describes the call.
    const backParts = raw.length >= 8 ? Array.from({ length: raw.length - 7 }, (_, i) => raw.slice(i + 3)).flatMap((t) => [t, t.replace(/(s|n|en|e)$/, '')]).filter((t) => t.length >= 5) : [];
    return nameParts.some((ws) => ws.join('').includes(raw) || ws.some((w) => (w.length >= 5 && Math.abs(w.length - raw.length) <= 1 && editDistance(w, raw, 1) <= 1) || (w.length >= 6 && backParts.some((t) => w.startsWith(t)))));
  };
  return focus.some((f) => unknown(f) && !namesProgram(f) && !(partners.get(f) ?? []).some((p) => !unknown(p)));
}

type Topic = Parameters<typeof unknownTopic>[2];

// Whether a question word is unknown to a set of texts depends on the word and the texts only, and
// the same words come again and again (typo matching is the costly part): kept per topic, bounded.
const termVerdicts = new WeakMap<Topic['stems'], Map<string, boolean>>();
const TERM_CACHE_MAX = 20_000;

function isUnknownTerm(f: string, raw: string, topic: Topic): boolean {
  let cache = termVerdicts.get(topic.stems);
  if (!cache) termVerdicts.set(topic.stems, (cache = new Map()));
  const key = `${f} ${raw}`;
  let verdict = cache.get(key);
  if (verdict === undefined) {
    verdict = judgeTerm(f, raw, topic);
    if (cache.size >= TERM_CACHE_MAX) cache.clear();
    cache.set(key, verdict);
  }
  return verdict;
}

/** Roles of people in an administration or association: "-leiterin", "Dezernent", "Beigeordneter", "Kämmerin", "Vorsitzende". */
const ROLE_ENDING = /(leiter|leiterin|leitung|dezernent|dezernentin|beigeordnete|beigeordneter|kämmerer|kämmerin|vertreter|vertreterin|beauftragte|beauftragter|referent|referentin|sachbearbeiter|sachbearbeiterin|mitarbeiter|mitarbeiterin|bürgermeister|bürgermeisterin|landrat|landrätin|vorsitzende|vorsitzender|geschäftsführer|geschäftsführerin)$/i;

/** Kinds of applicant: a compound ending in one ("Hansestadt", "Ortsgemeinde", "Sportverein") names an applicant, not a topic. */
const APPLICANT_HEADS = ['stadt', 'gemeind', 'kreis', 'verein', 'kommun', 'amt', 'verband', 'bezirk'];

function judgeTerm(f: string, raw: string, topic: Topic): boolean {
  const { vocabulary: vocab, stems } = topic;
  if (stems.has(f) || misspeltGeneric(raw)) return false;
  // A synonym the texts use ("Webinar" for "Informationsveranstaltung"): the topic is known.
  if (topic.synonyms?.foundBy(f, (a) => stems.has(a) || hasPrefix(topic.sortedStems ?? [], a))) return false;
  if (f.length >= 8 && APPLICANT_HEADS.some((h) => f.endsWith(h))) return false;
  // "unsere Fachbereichsleiterin", "der Erste Beigeordnete": a person in the asker's office, who would sign or apply, not a topic.
  if (raw.length >= 8 && ROLE_ENDING.test(raw)) return false;
  // Feminine and plural forms of question words ("Ansprechpartnerin", "Bürgermeisterinnen").
  const base = f.replace(/(innen|in)$/, '');
  if (base !== f && [base, stem(base)].some((b) => DOMAIN.has(b) || stems.has(b))) return false;
  // Inflected forms: a text stem that extends the word, or one it extends by a few letters.
  for (let cut = 1; cut <= 3 && f.length - cut >= 5; cut++) if (stems.has(f.slice(0, -cut))) return false;
  if (topic.sortedStems ? hasPrefix(topic.sortedStems, f) : [...stems].some((s) => s.startsWith(f))) return false;
  for (const s of stems) if (shortenedCompound(f, s) || endsCompound(s, f)) return false;
  // A compound of words the texts use ("Interessenformular"), or of question words ("Antragsfrist").
  if (decompound(raw, vocab).length) return false;
  const domainParts = decompound(raw, DOMAIN_WORDS);
  if (domainParts.length && domainParts.every((p) => DOMAIN.has(stem(p)) || GENERIC.has(stem(p)))) return false;
  if (knownHeadAndTail(raw, topic)) return false;
  // Typos ("Bewerbungsfirst", "föderung"): stems, and the texts' own words, of about the same length.
  const max = f.length >= 9 ? 2 : 1;
  const rawMax = raw.length >= 9 ? 2 : 1;
  if (raw.length >= 6) for (const w of vocab) if (Math.abs(w.length - raw.length) <= rawMax && editDistance(w, raw, rawMax) <= rawMax) return false;
  for (let len = f.length - max; len <= f.length + max; len++) {
    for (const s of topic.stemsByLength?.get(len) ?? []) if (editDistance(s, f, max) <= max) return false;
    for (const s of DOMAIN_BY_LENGTH.get(len) ?? []) if (editDistance(s, f, max) <= max) return false;
  }
  return true;
}

/**
 * "Patenschaftsprogramm" over a text with "Patenschaften" and "Förderprogramm": a compound of the
 * start of a text word and the end of another is no topic of its own.
 */
function knownHeadAndTail(raw: string, topic: Topic): boolean {
  const sorted = topic.sortedStems;
  if (!sorted || raw.length < 10) return false;
  // Both parts from the texts, the tail at least six letters: "Kindergeld" is no "Kinder" plus "Fördergeld".
  // A question word as the tail may be shorter ("Skizzenfrist": "frist").
  for (let i = 5; i <= raw.length - 5; i++) {
    const tail = raw.slice(i);
    if (tail.length < 6 && !DOMAIN_WORDS.has(tail)) continue;
    const known = (a: string) => topic.stems.has(a) || hasPrefix(sorted, a);
    if (!(DOMAIN_WORDS.has(tail) || topic.stems.has(stem(tail)) || topic.vocabulary.has(tail) || [...topic.vocabulary].some((w) => w.endsWith(tail)) || topic.synonyms?.foundBy(stem(tail), known))) continue;
    const head = raw.slice(0, i);
    for (const h of [head, head.replace(/(s|es|n|en)$/, '')]) if (h.length >= 5 && (topic.stems.has(h) || hasPrefix(sorted, h))) return true;
    // "skizenfrist": the head one letter off a word of the texts.
    if (head.length >= 6 && [...topic.vocabulary].some((w) => Math.abs(w.length - head.length) <= 1 && editDistance(w, head, 1) <= 1)) return true;
  }
  return false;
}

/** Whether a sorted list holds a word that starts with the prefix (binary search). */
function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].startsWith(prefix);
}

/** True for words that only say what kind of question it is ("Fördersumme", "Antragsfrist", "Landrat"). */
export function isQuestionWord(word: string): boolean {
  const w = word.toLowerCase();
  if (DOMAIN.has(stem(w)) || GENERIC.has(stem(w))) return true;
  const parts = decompound(w, DOMAIN_WORDS);
  return parts.length > 0 && parts.every((p) => DOMAIN.has(stem(p)) || GENERIC.has(stem(p)));
}

/** A question for a number ("Wie viele …?", "How many …?", "How much …?"). */
export const COUNT_QUESTION = /\bwie viele?\b|\bhow (many|much)\b|\banzahl\b/i;
/** A number in digits or words. */
export const NUMBER_WORD = /\d|\b(eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|one|two|three|four|five|ten)\b/i;

/** The word a "Wie viele Modellkommunen …?" question counts, as written. */
export function countedWord(question: string): string | undefined {
  return question.match(/\bwie viele\s+(\p{L}{3,})/iu)?.[1];
}

/**
 * A number followed (within two words, none of them a unit) by a word that begins like the counted
 * one: "zehn Modellkommunen", "rund 20 Kommunen", "zwölf Städte" — not "90.000 Euro je Kommune".
 */
/** "zwölf Städte und Gemeinden", "20 Landkreise": a number of municipalities of any kind. */
const MUNICIPALITIES_COUNTED = new RegExp(`(\\d[\\d.]*|${NUMBER_WORD.source.replace(/^\\d\|/, '')})\\s+((?!euro|prozent|je\\b|pro\\b)\\p{L}+\\s+){0,2}(städte|gemeinden|landkreise|kreise|kommunen|orte|modellkommunen|modellregionen)`, 'iu');

/** The pattern of a number of the counted things; "Kommunen" are counted as towns, Gemeinden or districts too. */
export function countedPattern(word: string): RegExp {
  return /^kommun/i.test(word) ? new RegExp(`${countOf(word).source}|${MUNICIPALITIES_COUNTED.source}`, 'iu') : countOf(word);
}

export function countOf(word: string): RegExp {
  const start = word.slice(0, Math.max(4, word.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(\\d[\\d.]*|${NUMBER_WORD.source.replace(/^\\d\|/, '')})\\s+((?!euro|prozent|je\\b|pro\\b|jahr|monat|tag)\\p{L}+\\s+){0,2}\\p{L}*${start}`, 'iu');
}

