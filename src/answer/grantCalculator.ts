import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { parseQuantity } from '../nlu/numbers.js';
import { aboutEarlierRound, allChunksOf, GRANT_WORDS } from './passageFinder.js';

/**
 * Works out a grant from a call's own figures: the rate of the eligible costs, the cap per project and
 * the minimum grant, each read from a sentence of the text that is quoted with the result. Rates and caps
 * may hold only for some applicants ("für finanzschwache Kommunen bis zu 90 Prozent", "up to 85 % for
 * municipalities with fewer than 10,000 inhabitants", "höchstens 400 000 Euro je Verbundvorhaben"):
 * the one that fits what the question tells is used, the others are named beside it.
 */

/** Whom a figure holds for: a range of inhabitants, or the call's own words for a group ("finanzschwache Kommunen"). */
export type Condition = { population: { min: number; max: number }; phrase: string } | { words: string; phrase: string };

/** Kinds of applicant a table row may be for ("Gemeinde: …", "Verein: …"), as the profile names them. */
type ApplicantKind = 'gemeinde' | 'stadt' | 'landkreis' | 'organisation';

export type Figure = {
  value: number; upTo: boolean; condition?: Condition; applicant?: ApplicantKind; label?: string; docId: string; quote: string;
  /** A row of a table by kind and size ("Finanzschwache Kommunen: bis 10.000 Einwohner 90 %, …"): the kind, beside the size in `condition`. */
  group?: { words: string; others: string[] };
};

/** The key of a table row that names a kind of measure ("Beteiligungswerkstatt: …"), not a figure ("Förderquote: …") or a size. */
function measureOfRow(sentence: string): string | undefined {
  const key = sentence.match(/^([^:|]{3,80})[:|]/)?.[1].trim();
  if (!key || POPULATION_ROW.test(`${key}:`) || /förder|zuschuss|zuwendung|höchst|betrag|summe|höhe|quote|satz|rate|grant|funding|amount|maximum|minimum|eigenanteil/i.test(key)) return undefined;
  return key;
}

/** "Gemeinde: …", "Verein | …", "Landkreise: …": the kind of applicant a row of a table is for. */
function applicantOfRow(sentence: string): ApplicantKind | undefined {
  const key = sentence.match(/^([^:|]{2,40})[:|]/)?.[1].trim().toLowerCase();
  if (!key) return undefined;
  if (/^(gemeinde|gemeinden|kommune|kommunen|städte und gemeinden)$/.test(key)) return 'gemeinde';
  if (/^(stadt|städte)$/.test(key)) return 'stadt';
  if (/^(landkreis|landkreise|kreis|kreise)$/.test(key)) return 'landkreis';
  if (/^(verein|vereine|träger|organisation|organisationen|verband|verbände)$/.test(key)) return 'organisation';
  return undefined;
}

/** "bis zu 80 Prozent", "70 %", "up to 85 %". */
const PERCENT = /(?:\b(bis zu|höchstens|maximal|up to|at most)\s+)?(\d{1,3}(?:,\d+)?)\s*(?:prozent|%|percent|per cent|v\.\s?h\.)(?!\p{L})/giu;
/** A sentence that sets the grant's rate (not the own share, not a limit of one kind of cost). */
const RATE_SAID = /förderquote|fördersatz|zuschussquote|funding rate|co-?funding rate|(zuwendung|förderung|zuschuss|grant)\p{L}*\s+(beträgt|beträgt bis zu|liegt bei|is|covers)|\d\s*(prozent|%|percent|per cent)\s+(der|of(?: the)?)\s+(\p{L}+\s+){0,2}?(ausgaben|kosten|gesamtausgaben|gesamtkosten|projektkosten|costs|expenses|expenditure)(?!\p{L})|(übernimmt|übernehmen|erstattet|fördert|covers)\s+(das land|der bund|die stiftung|der fonds|the foundation|the fund)?\s*(bis zu\s+|up to\s+)?\d/iu;
/** Rates that are not the grant's: the own share, a share of one kind of cost, combined public funding. */
const NOT_GRANT_RATE = /^\s*(\d+\.\s*)?(ausgaben|kosten) (für|der|des)\b|\b(sind|ist)\s+(bis\s+)?(zu\s+|höchstens\s+)+\d+\s*(prozent|%)\s+der\s+\p{L}+\s+(ausgaben|kosten)\s+(förderfähig|zuwendungsfähig)|rechenbeispiel|beispielrechnung|\bbeispiel\b|\bexample\b|\d\s*(%|prozent)\s*=|\d\s*(%|prozent|percent),?\s*(also|d\.\s?h\.|das sind|i\.\s?e\.|that is)\s+\d|kombin|kumul|doppelt gefördert|combin|cumul|öffentliche förderung insgesamt|personal\p{L}*\s+(bis zu|höchstens)|ausstattung\p{L}*\s+(sind\s+)?(bis zu|höchstens)|staff costs|overheads?|pauschal|flat rate|abschlag|instal?ment|ausgezahlt|paid/iu;
/** "Beteiligungsformate zur Planung (Moderation, Workshops) → max. 10 % der förderfähigen Ausgaben": a limit on one kind of cost, not the grant's rate. */
const KIND_OF_COST_LIMIT = /^\p{Lu}[^:→]{3,100}(→|:)\s*(max\.|maximal|höchstens|bis zu|up to|at most)\s*\d/u;
/** Whether the line limits a kind of cost: its key before "→" or ":" names no grant, rate or funding ("Förderquote: max. 90 %" is the rate). */
function limitsKindOfCost(sentence: string): boolean {
  return KIND_OF_COST_LIMIT.test(sentence) && !/^[^:→]*(förder|zuschuss|zuwendung|\p{L}*quote\b|fördersatz|zuschusssatz|\bgrant\b|\bfunding\b|\brate\b)/iu.test(sentence);
}
/** A slide's or table's line that opens with a group of applicants: "Gemeinden mit genehmigtem HSK → …", "Kommunen in der Haushaltssicherung: …". */
const LEADING_GROUP = /^((?:kommunen|gemeinden|städte|landkreise|municipalities)\s+(?:mit|ohne|in|unter|aus|with|without|in|under)\s+[^→:]{3,80}?)\s*(?:→|:)/iu;
/** A heading about the own share alone ("Folie 11 – Eigenanteil"), not one about the grant and the own share ("Förderhöhe und Eigenanteil"). */
function ownShareSection(section: string | undefined): boolean {
  return section !== undefined && OWN_SENTENCE.test(section) && !/förder|zuschuss|zuwendung|finanzierung|funding|grant|höhe|rate|money/i.test(section);
}
const OWN_SENTENCE = /eigenanteil|eigenmittel|eigenbeitrag|eigenen (haushalts)?mitteln|themselves|own (share|contribution|funds)|selbst (tragen|aufbringen|zahlen)|co-?financ/iu;
const GRANT_RATE_NAMED = /förderquote|fördersatz|zuschussquote|funding rate|(zuwendung|förderung|zuschuss|grant)\p{L}*\s+(beträgt|is|amounts)/iu;
const OWN_PART = /eigen\p{L}*|own (share|contribution)|selbst|kofinanz\p{L}*|co-?financ\p{L}*/iu;

/** "höchstens 250 000 Euro je Einzelvorhaben", "grant up to €15,000", "Höchstbetrag der Zuwendung 200.000 €". */
const CAP = /\b(?:höchstens|maximal|bis zu|max\.|up to|at most|a maximum of|(?:zuschuss|zuwendung|förderbetrag|fördersumme)\s+bis|höchstbetrag(?: der zuwendung| je \p{L}+| pro \p{L}+)?|maximum grant)(?:\s+(?:jedoch|aber|allerdings|insgesamt|however|of))?\s*:?\s+(?:(?:EUR|€)\s*(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)|(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€))/giu;
const RANGE_CAP = /\b(?:zuschuss|zuwendung|förderung|förderbetrag|fördersumme|grant|fund contribution)\p{L}*\D{0,20}?(?:(?:EUR|€)\s*)?(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:euro|eur|€)?\s*(?:bis|–|-|to)\s*(?:(?:EUR|€)\s*)?(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)(?=\s*(?:euro|eur|€))/giu;
/** Sentences whose euro limits are not a grant's cap per project. */
const NOT_A_CAP = /de-?minimis|insgesamt stehen|stehen .{0,60}zur verfügung|gesamtbudget|total budget|\b(pro|je|per) (jahr|haushaltsjahr|monat|year|month)\b|jährlich|annual|(?<!\p{L})(honorar\p{L}*|personal\p{L}*|reise\p{L}*|travel|ausstattung\p{L}*|equipment|fahrtkosten|eigenanteil\p{L}*|own contribution|einzelpreis|anschaffung\p{L}*)/iu;

/** "weniger als 10.000 Einwohnern", "fewer than 10,000 inhabitants", "20.001 bis 100.000 Einwohner". */
const POPULATION_BOUND = /(weniger als|unter|bis zu|höchstens|bis|mehr als|über|ab|mindestens|fewer than|less than|under|up to|more than|over|at least)\s+(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(einwohner\p{L}*|inhabitants|residents)/iu;
/** "Einwohnerzahl bis 2.000", "Einwohnerzahl 2.001 bis 5.000", "Einwohnerzahl über 10.000": a table column read into a row. */
const POPULATION_COLUMN = /(?:einwohnerzahl|einwohner|population|inhabitants)\s*:?\s*(bis|über|unter|ab|mehr als|weniger als|up to|over|under|below|above)?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s*(?:bis|–|-|to)\s*(\d{1,3}(?:[.,]\d{3})+|\d+))?/iu;
const POPULATION_RANGE = /(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:bis|–|-|to|and)\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(einwohner\p{L}*|inhabitants|residents)/iu;
/** A table row keyed by size: "bis 5.000: …", "20.001 bis 100.000: …", "über 100.000 | …". */
const POPULATION_ROW = /^(ab|über|mehr als|bis|unter|up to|over)?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:\s*(?:bis|–|-|to)\s*(\d{1,3}(?:[.,]\d{3})+|\d+))?\s*(?:einwohner\p{L}*|inhabitants)?\s*[:|]/iu;
/** "für finanzschwache Kommunen", "for applicants from rural districts". */
const GROUP = /\b(?:für|for|bei)\s+((?:[\p{L}-]+\s+){0,4}?(?:kommunen|gemeinden|städte|landkreise|vereine|träger|organisationen|verbände|antragsteller\p{L}*|applicants|municipalities|towns|districts|associations|clubs)(?:\s+(?:mit|ohne|die|in|unter|aus|with|without|under|in|from)\s+[^,;:]{3,80}?(?=\s+(?:beträgt|betragen|gilt|gelten|liegt|liegen|erhöht|beläuft|is|are|the)\b))?)(?!\p{L})/iu;

const num = (x: string) => parseQuantity(x.replace(/\s/g, '.')) ?? NaN;

/** The range of inhabitants a clause or table row is for ("Einwohnerzahl bis 20.000", "20.001 bis 100.000 Einwohner"), if any. */
function populationOf(clause: string): Extract<Condition, { population: unknown }> | undefined {
  const row = clause.match(POPULATION_ROW);
  if (row) {
    const [lo, hi] = row[3] ? [num(row[2]), num(row[3])] : /^(bis|unter|up to)/i.test(row[1] ?? '') ? [0, num(row[2]) - (/unter/i.test(row[1]) ? 1 : 0)] : row[1] ? [num(row[2]) + (/über|mehr|over/i.test(row[1]) ? 1 : 0), Infinity] : [NaN, NaN];
    if (!Number.isNaN(lo)) return { population: { min: lo, max: hi }, phrase: clause.slice(0, clause.indexOf(row[0]) + row[0].length - 1).trim() };
  }
  const column = clause.match(POPULATION_COLUMN);
  if (column) {
    const op = (column[1] ?? '').toLowerCase();
    const n = num(column[2]);
    const population = column[3] ? { min: n, max: num(column[3]) } : /bis|unter|weniger|up to|under|below/.test(op) ? { min: 0, max: /unter|weniger|under|below/.test(op) ? n - 1 : n } : /über|mehr|over|above/.test(op) ? { min: n + 1, max: Infinity } : /ab/.test(op) ? { min: n, max: Infinity } : undefined;
    if (population) return { population, phrase: column[0] };
  }
  const range = clause.match(POPULATION_RANGE);
  if (range) return { population: { min: num(range[1]), max: num(range[2]) }, phrase: range[0] };
  const bound = clause.match(POPULATION_BOUND);
  if (bound) {
    const n = num(bound[2]);
    const op = bound[1].toLowerCase();
    const population = /weniger|unter|fewer|less|under/.test(op) ? { min: 0, max: n - 1 } : /bis|höchstens|up to/.test(op) ? { min: 0, max: n } : /mehr|über|more|over/.test(op) ? { min: n + 1, max: Infinity } : { min: n, max: Infinity };
    return { population, phrase: bound[0] };
  }
  return undefined;
}

function conditionOf(clause: string): Condition | undefined {
  const population = populationOf(clause);
  if (population) return population;
  const group = clause.match(GROUP);
  return group ? { words: group[1], phrase: group[1] } : undefined;
}

/** The clauses of a sentence that each may carry a figure of their own: "…; up to 85 % for …", "…, für Gemeinden unter 5.000 Einwohnern 90 %". */
function clauses(sentence: string): string[] {
  return sentence.split(/;\s+|,\s+(?=(?:für|for|bei)\s)/iu).filter((c) => c.trim());
}

/** The grant's rates the texts give, each with whom it holds for. */
export function grantRates(kb: KnowledgeBase, docIds: ReadonlySet<string>): Figure[] {
  return oncePerProgramme(ratesByDocs, docIds, () => readRates(kb, docIds));
}

/**
 * A row of a table of rates by kind and size ("Finanzschwache Kommunen: bis 10.000 Einwohner 90 %, 10.001 bis 50.000 Einwohner 85 %"):
 * its kind, and each rate with the size band written just before it. Only under a heading or caption that says they are rates.
 */
function matrixRow(sentence: string, before: readonly string[]): { group: string; cells: { band: Condition; value: number; upTo: boolean }[] } | undefined {
  const key = sentence.match(/^([^:|\d]{3,100})[:|]\s/)?.[1].trim();
  if (!key || !before.some((b) => RATE_TABLE.test(b))) return undefined;
  const cells: { band: Condition; value: number; upTo: boolean }[] = [];
  let last = key.length + 1;
  for (const m of sentence.matchAll(PERCENT)) {
    const band = populationOf(sentence.slice(last, m.index).replace(/^[\s,;:]+/, ''));
    last = (m.index ?? 0) + m[0].length;
    if (!band) return undefined;
    cells.push({ band, value: Number(m[2].replace(',', '.')), upTo: m[1] !== undefined });
  }
  return cells.length >= 2 ? { group: key, cells } : undefined;
}

/** A caption or heading over a table of rates: "Fördersätze KoBeRa 2027", "Förderquoten nach Gemeindegröße", "Funding rates". */
const RATE_TABLE = /fördersätze|fördersatz|förderquote|zuschussquote|funding rates|rates of funding/i;

function readRates(kb: KnowledgeBase, docIds: ReadonlySet<string>): Figure[] {
  const out: Figure[] = [];
  let tableRows: string[] = [];
  let inTable = false;
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const [i, s] of chunk.sentences.entries()) {
      const row = matrixRow(s, chunk.sentences.slice(Math.max(0, i - 4), i));
      if (row) {
        // The table's rows, shared by all of them (the "alle übrigen" row is read against the others): a new table after any other sentence.
        if (!inTable) tableRows = [];
        tableRows.push(row.group);
        inTable = true;
        for (const c of row.cells) out.push({ value: c.value, upTo: c.upTo, condition: c.band, group: { words: row.group, others: tableRows }, docId: chunk.docId, quote: s });
        continue;
      }
      inTable = false;
      if (!RATE_SAID.test(s) || NOT_GRANT_RATE.test(s) || limitsKindOfCost(s) || aboutEarlierRound(s)) continue;
      // "Applicants must cover at least 30 % … themselves", "… sofern mindestens 10 Prozent … aus eigenen Mitteln": the own part, unless the grant's rate is named too.
      // "regulär: 10 % der förderfähigen Ausgaben" under the heading "Eigenanteil" is the own part too.
      if ((OWN_SENTENCE.test(s) || ownShareSection(chunk.section)) && !GRANT_RATE_NAMED.test(s)) continue;
      const parts = clauses(s);
      // A condition of the whole sentence holds for its one figure; with several clauses, each has its own.
      const whole = parts.length === 1 ? conditionOf(s) : undefined;
      // "Gemeinden mit genehmigtem HSK → Eigenanteil nur 5 % (Förderquote 95 %)": a group leading the line holds for its figures.
      const lead = s.match(LEADING_GROUP)?.[1];
      const leading: Condition | undefined = lead ? { words: lead, phrase: lead } : undefined;
      for (const clause of parts) {
        // Two figures in one clause: each has its own condition, written before it ("Fördersatz: 75 % der Ausgaben (Gemeinden bis 5.000
        // Einwohner: 90 %)") or after it ("90 % für Kommunen bis 20.000 Einwohner, sonst 70 %"); "sonst" before one leaves it for the rest.
        const figures = [...clause.matchAll(PERCENT)];
        const many = figures.length > 1;
        for (const [k, m] of figures.entries()) {
          const start = m.index ?? 0;
          const pre = clause.slice(k > 0 ? (figures[k - 1].index ?? 0) + figures[k - 1][0].length : 0, start);
          const post = clause.slice(start + m[0].length, k + 1 < figures.length ? figures[k + 1].index : clause.length);
          const local = /^\s*(für|for|bei)\s/i.test(post) ? post : /\b(sonst|ansonsten|otherwise|alle übrigen|all other)\b/i.test(pre) ? '' : pre;
          // "Eigenanteil nur 5 % (Förderquote 95 %)": the words since the figure before, not the own share named before that.
          const before = k > 0 ? pre.slice(-40) : clause.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
          if (OWN_PART.test(before)) continue;
          const value = Number(m[2].replace(',', '.'));
          if (!(value > 0 && value <= 100)) continue;
          let condition = (many ? conditionOf(local) : conditionOf(clause) ?? whole) ?? leading;
          let applicant = applicantOfRow(s);
          // "Für Vereine gilt einheitlich ein Fördersatz von 75 %": a group that is a kind of applicant is that kind.
          if (condition && 'words' in condition && !applicant) {
            const kind = applicantOfRow(`${condition.words}:`);
            if (kind) [applicant, condition] = [kind, undefined];
          }
          // "Beteiligungswerkstatt: Förderquote 90 %, Höchstbetrag 8.000 Euro": a row for a kind of measure.
          const label = applicant ? undefined : measureOfRow(s);
          if (!out.some((f) => f.value === value && sameCondition(f.condition, condition) && f.applicant === applicant && f.label === label)) out.push({ value, upTo: m[1] !== undefined, condition, applicant, label, docId: chunk.docId, quote: s });
        }
      }
    }
  }
  return out;
}

/** A clause for a kind of project: "bei interkommunalen Vorhaben …", "für Verbundprojekte …", "for joint projects …". */
const PROJECT_KIND = /^(?:bei|für|for)\s+((?:[\p{L}-]+\s+){0,2}?(?:vorhaben|projekten?|maßnahmen|projects?|[\p{L}-]*(?:vorhaben|projekten?)))(?!\p{L})/iu;

/** The grant's caps per project the texts give, each with what it is for ("je Verbundvorhaben", "Strand A"). */
export function grantCaps(kb: KnowledgeBase, docIds: ReadonlySet<string>): Figure[] {
  return oncePerProgramme(capsByDocs, docIds, () => readCaps(kb, docIds));
}

function readCaps(kb: KnowledgeBase, docIds: ReadonlySet<string>): Figure[] {
  const out: Figure[] = [];
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      if (!GRANT_WORDS.test(s) || aboutEarlierRound(s)) continue;
      const whole = conditionOf(s);
      // "Strand A "Meet": up to 12 months, grant up to €15,000": the row's key names what the cap is for.
      const rowKey = measureOfRow(s);
      for (const clause of s.split(/;\s+|\.\s+|,\s+(?=(?:bei|für|for)\s)/iu)) {
        if (NOT_A_CAP.test(clause)) continue;
        // "…, bei interkommunalen Vorhaben höchstens 400.000 Euro": a cap for that kind of project.
        const kindOfProject = clause.match(PROJECT_KIND)?.[1];
        // "Zuschuss 5.000 bis 25.000 Euro", "grant EUR 5,000 – EUR 30,000": the upper end of the range.
        for (const m of clause.matchAll(RANGE_CAP)) {
          const value = num(m[2]);
          if (!Number.isFinite(value) || value < 100 || out.some((f) => f.value === value)) continue;
          const applicant = applicantOfRow(s);
          out.push({ value, upTo: true, label: applicant ? undefined : measureOfRow(s), condition: conditionOf(clause) ?? whole, applicant, docId: chunk.docId, quote: s });
        }
        for (const m of clause.matchAll(CAP)) {
          const value = num(m[1] ?? m[2]);
          if (!Number.isFinite(value) || value < 100) continue;
          const after = clause.slice((m.index ?? 0) + m[0].length).match(/^\s*(?:euro|eur|€)?\s*(?:je|pro|per|for each|for one)\s+([\p{L}-]+)/iu)?.[1];
          // "je Verbundvorhaben" after the sum, else the row's key when it names a kind of measure (not "Förderhöhe", "Maximum grant").
          const label = after && !/^(gemeinde|kommune|antrag|vorhaben|projekt|project|municipality|applicant)$/i.test(after) ? after : kindOfProject ?? rowKey;
          const condition = conditionOf(clause) ?? whole;
          // The same sum said twice (key facts and body) is one cap.
          const applicant = applicantOfRow(s);
          if (!out.some((f) => f.value === value)) out.push({ value, upTo: true, label: applicant ? undefined : label, condition, applicant, docId: chunk.docId, quote: s });
        }
      }
    }
  }
  return out;
}

// Read once per programme: every question with a project's cost asks for them, some twice.
const ratesByDocs = new WeakMap<ReadonlySet<string>, Figure[]>();
const capsByDocs = new WeakMap<ReadonlySet<string>, Figure[]>();

function oncePerProgramme(cache: WeakMap<ReadonlySet<string>, Figure[]>, docIds: ReadonlySet<string>, read: () => Figure[]): Figure[] {
  let figures = cache.get(docIds);
  if (!figures) cache.set(docIds, (figures = read()));
  return figures;
}

function sameCondition(a?: Condition, b?: Condition): boolean {
  return (a?.phrase ?? '') === (b?.phrase ?? '');
}

/** Whether a figure holds for the asker: no condition, a size that fits, or a group the question names. */
function fits(f: Figure, population: number | undefined, question: string, applicant?: ApplicantKind): boolean | undefined {
  // A rate for a kind of measure holds when the question names that measure; which one it is, it cannot say otherwise.
  if (f.label && !f.applicant && grantRateRow(f)) {
    if (!namedLabel(f, question)) return undefined;
    if (!f.condition) return true;
  }
  // A row for another kind of applicant holds not; one for the asker's kind holds as far as its size does.
  if (f.applicant) {
    if (!applicant) return undefined;
    const same = f.applicant === applicant || (f.applicant === 'gemeinde' && applicant === 'stadt');
    if (!same) return false;
  }
  if (f.group) {
    const kind = groupFits(f.group.words, question, f.group.others.filter((o) => o !== f.group?.words));
    if (kind !== true) return kind;
  }
  const c = f.condition;
  if (!c) return true;
  if ('population' in c) return population === undefined ? undefined : population >= c.population.min && population <= c.population.max;
  return wordsFit(c.words, question);
}

/** Whether the question says the asker belongs to a group the text names ("finanzschwache Kommunen"): by its longest word. */
function wordsFit(words: string, question: string): boolean | undefined {
  const key = words.split(/\s+/).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0];
  if (key === undefined) return undefined;
  return saidOf(key, question);
}

/** A word's stem in the question, said to hold (true) or not ("wir haben keine Haushaltssicherung", "weder finanzschwach noch …": false). */
function saidOf(word: string, question: string): boolean | undefined {
  const at = question.toLowerCase().indexOf(word.toLowerCase().slice(0, 6));
  if (at < 0) return undefined;
  return /\b(kein\p{L}*|nicht|ohne|weder|noch|no|not|without|neither|nor)\s+(\p{L}+\s+){0,2}$/iu.test(question.slice(Math.max(0, at - 40), at)) ? false : true;
}

/**
 * A table row's kind: "Finanzschwache Kommunen und Kommunen in der Haushaltssicherung" holds when the question says either;
 * "Alle übrigen Kommunen" when it says the asker is none of the other rows' kinds.
 */
function groupFits(group: string, question: string, others: readonly string[]): boolean | undefined {
  if (REST_GROUP.test(group)) {
    const verdicts = others.map((o) => groupFits(o, question, []));
    if (verdicts.some((v) => v === true)) return false;
    return verdicts.length > 0 && verdicts.every((v) => v === false) ? true : undefined;
  }
  const keys = group.split(/\s+/).filter((w) => w.length >= 6 && !/^(kommunen|gemeinden|städte|landkreise|municipalities)$/i.test(w));
  const said = keys.map((k) => saidOf(k, question));
  if (said.some((v) => v === true)) return true;
  return said.some((v) => v === false) ? false : undefined;
}

/** The row for everyone not in another row: "Alle übrigen Kommunen", "sonstige Kommunen", "all other municipalities". */
const REST_GROUP = /(?<!\p{L})(übrige[nr]?|sonstige[nr]?|andere[nr]?|weitere[nr]?|other|remaining)(?!\p{L})/iu;

/** A label the question names ("Einzelvorhaben", "Strand A", "Verbund"). */
function namedLabel(f: Figure, question: string): boolean {
  if (!f.label) return false;
  const q = question.toLowerCase();
  // Kinds of applicant and counting words name no kind of project: "mehrere Gemeinden (interkommunal)" is named by "interkommunal".
  const words = f.label.toLowerCase().replace(/[„“"»«()]/g, '').split(/\s+/).filter((w) => !/^(gemeinden?|kommunen?|städte|stadt|landkreise?|kreise?|vereine?|mehrere|einzelne|je|pro|für|the|for)$/.test(w));
  if (!words.length) return false;
  // "Strand A": a short key with its letter; "Verbundvorhaben": its front ("Verbund").
  if (words.length >= 2 && words[1].length <= 2) return new RegExp(`\\b${words[0]}\\s+${words[1]}\\b`).test(q);
  return words.some((w) => w.length >= 6 && q.includes(w.slice(0, Math.max(6, w.length - 6))));
}

export type Worked = {
  rate: Figure;
  raw: number;
  grant: number;
  cap?: Figure;
  /** Caps that may hold, when the question does not tell which. */
  caps: Figure[];
  /** The worked-out sum lies above each of those caps. */
  aboveEveryCap: boolean;
  belowMinimum?: { amount: number; quote: string; docId: string };
  others: { rate: Figure; grant: number }[];
};

/**
 * The grant for a project's eligible costs; undefined when the texts give no rate, or several that the
 * question cannot choose between and none holds for everyone.
 */
export function workOut(kb: KnowledgeBase, docIds: ReadonlySet<string>, cost: number, question: string, population: number | undefined, minimum?: { amount: number; quote: string; docId: string }, applicantType?: string): Worked | undefined {
  const rates = grantRates(kb, docIds);
  if (!rates.length) return undefined;
  const applicant = applicantKind(applicantType);
  const verdicts = rates.map((r) => ({ r, fit: fits(r, population, question, applicant) }));
  // A rate for the asker's own group or size comes before the general one.
  const chosen = verdicts.find((v) => v.fit === true && (v.r.condition || v.r.applicant)) ?? verdicts.find((v) => v.fit === true);
  if (!chosen) return undefined;
  let caps = grantCaps(kb, docIds).filter((c) => fits(c, population, question, applicant) !== false);
  // The cap of the chosen rate's own row ("…: Förderquote 75 %, Höchstbetrag 25.000 Euro") before any other.
  const ownRow = caps.filter((c) => c.quote === chosen.r.quote);
  // "höchstens 250.000 Euro je Vorhaben, bei interkommunalen Vorhaben höchstens 400.000 Euro": the kind of project not named, the plain cap holds.
  const named = ownRow.length ? ownRow : caps.filter((c) => namedLabel(c, question));
  if (!named.length && caps.some((c) => !c.label)) caps = caps.filter((c) => !c.label || (c.condition ?? c.applicant) !== undefined);
  const specific = (c: Figure) => c.condition !== undefined || c.applicant !== undefined;
  const applicable = named.length ? named : caps.filter((c) => fits(c, population, question, applicant) === true && (specific(c) || !caps.some((o) => specific(o) && fits(o, population, question, applicant) === true)));
  const compute = (r: Figure) => {
    const raw = (cost * r.value) / 100;
    const cap = applicable.length === 1 ? applicable[0] : undefined;
    return { raw, cap, grant: cap && raw > cap.value ? cap.value : raw };
  };
  const main = compute(chosen.r);
  // Several caps and the question names none: what it would be under each is said, not chosen.
  const caps2 = !main.cap && applicable.length > 1 && applicable.some((c) => main.raw > c.value) ? applicable : [];
  const highest = caps2.length ? Math.max(...caps2.map((c) => c.value)) : Infinity;
  // Beside a rate for a kind of measure, other measures' rates are no alternative for this one.
  const others = verdicts.filter((v) => v.r !== chosen.r && v.fit === undefined && (v.r.condition || v.r.applicant) && !(chosen.r.label && v.r.label !== chosen.r.label)).map((v) => ({ rate: v.r, grant: Math.min(compute(v.r).grant, highest) }));
  const belowMinimum = minimum && main.grant < minimum.amount ? minimum : undefined;
  return { rate: chosen.r, raw: main.raw, grant: Math.min(main.grant, highest), cap: main.cap && main.raw > main.cap.value ? main.cap : undefined, caps: caps2, aboveEveryCap: main.raw > highest, belowMinimum, others };
}

/** The profile's kind of applicant as a table's rows name it. */
function applicantKind(type: string | undefined): ApplicantKind | undefined {
  if (!type) return undefined;
  if (type === 'gemeinde' || type === 'kreisangehoerige_stadt') return 'gemeinde';
  if (type === 'stadt' || type === 'kreisfreie_stadt') return 'stadt';
  if (type === 'landkreis') return 'landkreis';
  if (type === 'organisation') return 'organisation';
  return undefined;
}

/**
 * The grant for each group a rate table distinguishes, when the question does not tell which group the asker is in:
 * "Gemeinde: Einwohnerzahl bis 2.000 → 80 %, 2.400 Euro; …; Verein → 75 %, höchstens 1.500 Euro". Each row's own cap applies.
 */
export function workOutByGroup(kb: KnowledgeBase, docIds: ReadonlySet<string>, cost: number): { who: string; rate: Figure; grant: number; capped: boolean }[] {
  const rates = grantRates(kb, docIds).filter((r) => r.condition || r.applicant || r.label);
  if (rates.length < 2) return [];
  const caps = grantCaps(kb, docIds);
  return rates.map((r) => {
    // The cap of the same row, or one for the same group.
    const cap = caps.find((c) => c.quote === r.quote) ?? caps.find((c) => c.applicant === r.applicant && sameCondition(c.condition, r.condition));
    const raw = (cost * r.value) / 100;
    const capped = cap !== undefined && raw > cap.value;
    return { who: groupName(r), rate: r, grant: capped ? cap.value : raw, capped };
  });
}

/** Whether a figure was read from a table row with a rate in it. */
function grantRateRow(f: Figure): boolean {
  return /^[^:|]{3,80}[:|].*\d\s*(%|prozent)/iu.test(f.quote);
}

/** How a group is named: a table row's own key and condition ("Gemeinde: Einwohnerzahl bis 2.000"), else the condition's words. */
function groupName(f: Figure): string {
  if (f.label && !f.applicant && !f.condition) return f.label;
  const row = f.quote.match(/^([^:|]{2,40})[:|]\s*([^,;]{0,60})/);
  if (row && f.applicant) return f.condition ? `${row[1].trim()}, ${f.condition.phrase}` : row[1].trim();
  return f.condition?.phrase ?? (f.applicant === 'organisation' ? 'Vereine' : f.applicant ?? '');
}

/** "Welche Kategorie gilt für uns?", "In which size class are we?": the class of a table by size. */
export const SIZE_CLASS_ASKED = /\b(kategorie|größenklasse|größenkategorie|klasse|gruppe|stufe|category|size class|bracket)\b/i;

/**
 * The one sentence or table row whose range of inhabitants holds the given number ("A – Kleine Kommunen: Einwohnerzahl
 * bis 20.000, Preisgeld 15.000 Euro" for 20.000); undefined when none or several do.
 */
export function populationRow(kb: KnowledgeBase, docIds: ReadonlySet<string>, population: number): { docId: string; quote: string } | undefined {
  const found: { docId: string; quote: string }[] = [];
  for (const chunk of allChunksOf(kb, docIds)) {
    for (const s of chunk.sentences) {
      if (s.length > 260) continue;
      const range = populationOf(s);
      if (range && population >= range.population.min && population <= range.population.max && !found.some((f) => f.quote === s)) found.push({ docId: chunk.docId, quote: s });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
