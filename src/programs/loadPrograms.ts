import { deriveContacts, deriveRules } from './deriveRules.js';
import { STATES } from '../nlu/profileEntities.js';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';
import { normalizeForQuote } from '../knowledge/cleanText.js';
import { escapeRegExp, STOPWORDS } from '../retrieval/textAnalysis.js';
import { introducedName, type SourceDocument } from '../knowledge/sourceDocument.js';
import { programFileSchema, type Program, type ProgramFile } from './programSchema.js';

/** A curated fact whose quote is not in its source: names the file and the fact. */
export class QuoteNotFoundError extends Error {
  constructor(readonly problems: string[]) {
    super(`Curated facts quote text that is not in their source:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'QuoteNotFoundError';
  }
}

/** Reads and validates knowledge/programs/*.yaml; errors name the file and the field. */
export async function readProgramFiles(dir: string): Promise<{ file: string; program: ProgramFile }[]> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  const out: { file: string; program: ProgramFile }[] = [];
  for (const file of names) {
    const parsed = programFileSchema.safeParse(YAML.parse(await readFile(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`knowledge/programs/${file} is invalid: ${issues}`);
    }
    out.push({ file, program: parsed.data });
  }
  return out;
}

/** Every quote of a curated programme, labelled for error messages. */
export function quotesOf(p: ProgramFile): { label: string; quote: string }[] {
  const q: { label: string; quote: string }[] = [];
  if (p.funder) q.push({ label: 'funder', quote: p.funder.quote });
  if (p.implementer) q.push({ label: 'implementer', quote: p.implementer.quote });
  if (p.deadline) q.push({ label: 'deadline', quote: p.deadline.quote });
  p.contacts.forEach((c, i) => q.push({ label: `contacts[${i}]`, quote: c.quote }));
  p.facts.forEach((f, i) => {
    q.push({ label: `facts[${i}] (${f.topic})`, quote: f.quote });
    f.moreQuotes.forEach((m, j) => q.push({ label: `facts[${i}].moreQuotes[${j}] (${f.topic})`, quote: m }));
  });
  p.rules.forEach((r, i) => q.push({ label: `rules[${i}] (${r.type})`, quote: r.quote }));
  return q;
}

/** Checks every quote against the cleaned text of its source; returns the problems found. */
export function verifyQuotes(files: { file: string; program: ProgramFile }[], docsByFile: Map<string, SourceDocument>): string[] {
  const problems: string[] = [];
  for (const { file, program } of files) {
    const doc = docsByFile.get(program.source);
    if (!doc) {
      problems.push(`${file}: source "${program.source}" is not in knowledge/sources/`);
      continue;
    }
    const text = normalizeForQuote(doc.text);
    for (const { label, quote } of quotesOf(program)) {
      if (!text.includes(normalizeForQuote(quote))) problems.push(`${file} → ${label}: quote not found in ${program.source}: "${quote.slice(0, 80)}…"`);
    }
  }
  return problems;
}

const QUOTED = /[„"“»]([^“”"«]+)[“”"«]/;
const KIND_WORD = /^(ausschreibung|aufruf|förderaufruf|förderprogramm|wettbewerb|programm|call for (proposals|applications|participation)|call|faq|häufige fragen( \(faq\))?( zu[mr]?)?|merkblatt( zu[mr]?)?|infoblatt( zu[mr]?)?|hinweise( zu[mr]?)?|informationen( zu[mr]?)?)\s+/i;
const STATE_AT_END = /\s+(nrw|bw|mv|rlp|sh|lsa|nds|baden-württemberg|bayern|berlin|brandenburg|bremen|hamburg|hessen|mecklenburg-vorpommern|niedersachsen|nordrhein-westfalen|rheinland-pfalz|saarland|sachsen|sachsen-anhalt|schleswig-holstein|thüringen)$/i;
const YEAR_AT_END = /\s+(?:19|20)\d{2}(?:\/\d{2,4})?$/;

/** The name a call goes by: the quoted name, else the title up to its dash, without "Aufruf …". */
function nameOf(title: string): string {
  const quoted = title.match(QUOTED)?.[1];
  if (quoted) return quoted.split(/\s+[–—-]\s+/)[0].trim() || title;
  // "Richtlinie zur Förderung … (Bürgerbus-Förderrichtlinie – BüFöR)": the name in brackets; "… (IKM)": its acronym.
  const bracketed = title.match(/\(([^()]{4,80}|\p{Lu}{2,6}\d{0,4})\)\s*$/u)?.[1];
  // Not a round, part or version ("(Round 2)", "(2. Runde)", "(Stand …)"): that says which text, not which call.
  if (bracketed && /[\p{Lu}]/u.test(bracketed) && !/^(round|runde|\d+\.\s*runde|phase|part|teil|stand|version|fassung|entwurf|draft|update|aktualisiert)\b/i.test(bracketed)) return bracketed.split(/\s+[–—-]\s+/)[0].trim();
  // "IRIS 2028: Förderaufruf für …": the name before the colon.
  const beforeColon = title.match(/^([^:]{3,60}):\s/)?.[1];
  if (beforeColon && !/^(aufruf|ausschreibung|förderaufruf|wettbewerb|call)\b/i.test(beforeColon)) return beforeColon.trim();
  return title.replace(/^[^:]{0,40}:\s+/, '').replace(KIND_WORD, '').split(/\s+[–—-]\s+/)[0].replace(/[„"“”»«]/g, '').trim() || title;
}

/**
 * A name short enough to be said in every answer (60 characters). "Guideline of the District of Hallerbrook on Funding
 * Municipal Youth Participation" is said by its topic and place ("Municipal Youth Participation (Hallerbrook)"); any
 * other long name is cut at a word, never inside one.
 */
export function shortened(name: string): string {
  const max = 60;
  if (name.length <= max) return name;
  const m = name.match(/^(?:guidelines?|directive|regulation|funding guideline)\s+of\s+(?:the\s+)?(.+?)\s+(?:on|for)\s+(?:the\s+)?(?:funding|promotion|support)\s+(?:of\s+)?(?:the\s+)?(.+)$/i);
  const place = m?.[1].match(/\p{Lu}[\p{L}-]+(?=[^\p{Lu}]*$)/u)?.[0];
  const topic = m ? `${m[2][0].toUpperCase()}${m[2].slice(1)}${place && !/^(district|state|city|county|ministry|land|landkreis)$/i.test(place) ? ` (${place})` : ''}` : '';
  if (topic && topic.length <= max) return topic;
  const cut = name.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Words of a name that say nothing on their own ("Kommune", "digital", "lebendig"). */
const PLAIN_NAME_WORDS = new Set(
  'kommune kommunen kommunale kommunaler kommunales programm programms aufruf förderaufruf förderrichtlinie richtlinie förderprogramm wettbewerb ausschreibung förderung initiative projekt modellprojekt netzwerk digital digitale lebendig lebendige zukunft stadt städte gemeinde gemeinden land region regionen gemeinsam integration zusammenhalt vielfalt offen offene demokratie einladung bewerbung teilnahme informationen veranstaltung application applications proposal proposals participation guidelines guideline information programme programmes municipalities municipality community communities questions answers funding district districts county counties ministry department government authority authorities official unofficial translation translated version english german federal national regional'.split(' '),
);

/**
 * Names a user may call an uncurated call by: the title, the quoted name and its head, each also
 * without the year ("Dorfkern lebendig" for „Dorfkern lebendig 2027“), the file id, and the name's
 * distinctive words ("Klimafit", "Hitzeschutzpläne") when no other source uses them.
 */
/** Whether another source uses a word or phrase (at a word's start): then it names no one call. */
function usedElsewhere(phrase: string, otherTexts: string[]): boolean {
  const re = new RegExp(`(^|[^\\p{L}])${escapeRegExp(phrase)}`, 'iu');
  return otherTexts.some((t) => re.test(t));
}

function aliasesFromTitle(title: string, id: string, otherTexts: string[]): string[] {
  const aliases = new Set<string>([title.toLowerCase()]);
  for (const m of title.matchAll(new RegExp(QUOTED.source, 'g'))) {
    aliases.add(m[1].toLowerCase().trim());
    // „Bewegung für alle – Inklusion im Vereinssport 2027“: either part names the call.
    for (const part of m[1].split(/\s+[–—-]\s+/)) if (part.trim().length >= 4) aliases.add(part.trim().toLowerCase());
  }
  const name = nameOf(title);
  if (name.length >= 4) aliases.add(name.toLowerCase());
  aliases.add(id.replace(/-/g, ' '));
  for (const a of [...aliases]) {
    const withoutYear = a.replace(YEAR_AT_END, '').trim();
    if (withoutYear.length >= 4) aliases.add(withoutYear);
    // "Vielfalt verwalten NRW": the name without its state.
    const withoutState = withoutYear.replace(STATE_AT_END, '').trim();
    if (withoutState !== withoutYear && withoutState.includes(' ') && withoutState.length >= 6) aliases.add(withoutState);
    // "Weckruf MV" is called "Weckruf": one word left, when no other source uses it.
    else if (withoutState !== withoutYear && withoutState.length >= 6 && !usedElsewhere(withoutState, otherTexts)) aliases.add(withoutState);
  }
  // Abbreviations the title gives ("BüFöR", "IRIS"): an upper-case word of three or more letters.
  for (const m of title.matchAll(/(?<![\p{L}])(\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}[\p{L}]*)(?![\p{L}])/gu)) {
    const abbr = m[1];
    const capitals = abbr.replace(/[^\p{Lu}]/gu, '').length;
    // Three letters ("GDG") count only as written in capitals: the detector matches them exactly.
    // A kind of text set in capitals ("FÖRDERAUFRUF", "MERKBLATT") is no name; "KOMPASS" is.
    if (capitals === abbr.length && /^(förder|projekt|ideen)?(aufruf|programm|richtlinie|ausschreibung|wettbewerb|bekanntmachung|merkblatt|information|hinweise|einladung|rundschreiben)$/i.test(abbr)) continue;
    if (abbr.length === 3 && capitals === 3 && !STOPWORDS.has(abbr.toLowerCase())) aliases.add(abbr);
    else if (abbr.length >= 4 && capitals >= 2 && capitals >= abbr.length / 2) aliases.add(abbr.toLowerCase());
  }
  // "Sprachmittlungsrichtlinie – SprachMiRL": a short form after the dash, with several capitals.
  for (const part of title.split(/\s+[–—-]\s+/).slice(1)) if (/^\p{L}{4,14}$/u.test(part) && (part.match(/\p{Lu}/gu)?.length ?? 0) >= 3) aliases.add(part.toLowerCase());
  const fullName = title.match(QUOTED)?.[1] ?? name;
  // „Junge Stimmen im Rathaus“ is called "Junge Stimmen": the first two words, when the second is a noun no other source pairs with the first.
  const lead = fullName.split(/\s+/);
  if (lead.length >= 3 && /^\p{Lu}\p{Ll}{2,}/u.test(lead[1]) && lead[0].length >= 3) {
    const two = `${lead[0]} ${lead[1]}`.replace(/[^\p{L}\s-]/gu, '');
    if (two.length >= 8 && !usedElsewhere(two, otherTexts)) aliases.add(two.toLowerCase());
  }
  // Distinctive words of the name, and nouns of the rest of the title ("Benchmarking-Runde"), but
  // no state ("Niedersachsen"): that would name the call in every question about the state.
  // Only nouns (capitalised) of eight letters or more; the title's first word is its kind ("Modellvorhaben").
  // "Förderaufruf „X“ - Bitte um Weiterleitung an …": what follows the dash after a quoted name is a remark, not the name.
  const titleNouns = title.replace(new RegExp(`(${QUOTED.source})\\s+[-–—]\\s.*$`), '$1').replace(QUOTED, ' ').split(/[\s/–-]+/).slice(1);
  const nameWords = fullName.split(/[\s/–-]+/);
  for (const [i, w] of [...nameWords, ...titleNouns].entries()) {
    const word = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    // The name's first word is capitalised whatever it is: "Verstehen vor Ort" must not make "verstehen" a name.
    if (i === 0 && /en$/.test(word) && word.length < 10) continue;
    if (word.length < 8 || !/^\p{Lu}/u.test(word) || PLAIN_NAME_WORDS.has(word.toLowerCase()) || STATES.some((st) => st.patterns.test(word.toLowerCase()))) continue;
    if (!usedElsewhere(word, otherTexts)) aliases.add(word.toLowerCase());
  }
  // "Mitfahrbänke" is asked for as "Mitfahrbank": a plural with an umlaut, also in the singular.
  for (const a of [...aliases]) {
    const singular = a.replace(/(ä)(\p{Ll}{1,3})e$/u, 'a$2').replace(/(ö)(\p{Ll}{1,3})e$/u, 'o$2').replace(/(ü)(\p{Ll}{1,3})e$/u, 'u$2');
    if (singular !== a && !a.includes(' ') && singular.length >= 6) aliases.add(singular);
  }
  // "Nachbarschaftsbotschafter*innen": also as written without the gender star or with another sign.
  for (const a of [...aliases]) {
    if (!/[*:_]innen/.test(a)) continue;
    aliases.add(a.replace(/[*:_]innen/g, ''));
    aliases.add(a.replace(/[*:_]innen/g, 'innen'));
    for (const sign of ['*', ':', '_']) aliases.add(a.replace(/[*:_]innen/g, `${sign}innen`));
  }
  return [...aliases].filter((a) => a.length >= 4 || /^\p{Lu}{3}$/u.test(a));
}

/** Kinds of organisation that fund or run calls, as the first word of their name ("Stiftung Gemeinsinn", "Zentrum für …"). */
const ORGANISATION_HEAD = /^(stiftung|zentrum|institut|akademie|agentur|bundesamt|landesamt|landeszentrale|bundeszentrale|servicestelle|kompetenzzentrum|fonds|netzwerk|verband|landesverband|bundesverband)$/i;
/** Foundations by kind, not by name ("Bürgerstiftung", "Landesstiftung"). */
const KIND_OF_FOUNDATION = /^(bürger|landes|bundes|gemeinschafts|kultur|sparkassen|familien|kommunal|umwelt|sozial|jugend|kinder|senioren|sport|heimat|kirchen|unternehmens|stadt|gemeinde|dorf|regional|engagement|ehrenamts)stiftung$/i;
const NAME_LINK = /^(für|der|des|und|von|zur|zum|im|in|\p{Lu}[\p{L}-]*)$/u;

/**
 * Names a user may call an uncurated call by its funder or implementer: "das Patenschaftsprogramm
 * der Stiftung Gemeinsinn", "die Dialogräume des ZDT". Taken from the text: a name with its
 * abbreviation in brackets ("Zentrum für Demokratie und Teilhabe (ZDT)"), and "Stiftung X" /
 * "X-Stiftung". Only names no other source uses, so a funder of several calls names none of them.
 */
/** "Federal Programme „Integrationsmanagement in Klein- und Mittelstädten“" below an English title: the programme's own name too. */
function introducedAliases(doc: SourceDocument): string[] {
  const quoted = introducedName(doc.blocks)?.match(QUOTED)?.[1]?.trim();
  const aliases = quoted && quoted.length >= 6 ? [quoted.toLowerCase()] : [];
  const short = guidelineShortTitle(doc);
  if (short) aliases.push(short.full.toLowerCase(), short.name.toLowerCase());
  // "Der Förderaufruf „Kühle Kommune 2027“ (KüKo) …": the call's own name with its short form in brackets, anywhere in the text.
  const title = doc.title.toLowerCase();
  for (const m of doc.text.matchAll(/[„"“]([^„“”"\n]{3,80})[“”"]\s*\((\p{Lu}[\p{L}]{1,7})\)/gu)) {
    const abbr = m[2];
    const capitals = abbr.replace(/[^\p{Lu}]/gu, '').length;
    if (capitals < 2 || STOPWORDS.has(abbr.toLowerCase()) || !title.includes(m[1].toLowerCase().trim())) continue;
    aliases.push(abbr.length <= 3 ? abbr : abbr.toLowerCase());
  }
  return aliases;
}

/**
 * "Richtlinie … zur Förderung verständlicher Verwaltungssprache (FRL Klare Worte) vom …": a guideline's short title, in
 * brackets near the top; its name is what follows the "FRL".
 */
function guidelineShortTitle(doc: SourceDocument): { full: string; name: string } | undefined {
  // Only a name in the brackets: "(Förderrichtlinie IKM of 14 September 2026)" cites a guideline with its date.
  const m = doc.text.slice(0, 800).match(/\(((?:FRL|RL|Förderrichtlinie|Richtlinie)\s+([^()\n\d]{3,40}?))\)/u);
  // "(Förderrichtlinie Treffpunkt Zusammenhalt – FRL TZ)": the name is before the dash, the abbreviation after it.
  return m && !/\s(of|vom|from|dated)\s/i.test(m[2]) ? { full: m[1], name: m[2].split(/\s+[–—-]\s+/)[0].trim() } : undefined;
}

/** "Deutsch-Französische", "Evangelische", "Hessischer": an adjective before "Stiftung" describes it, it does not name it. */
const ADJECTIVE_ENDING = /(isch|ische|ischer|ischen|liche|licher|lichen|ige|iger|igen)$/i;

/** Words that name a kind of organisation, not one organisation. */
const GENERIC_ORGANISATION = /^(verein|verband|netzwerk|agentur|stiftung|gesellschaft|landesverband|bundesverband|förderverein|trägerverein|arbeitsgemeinschaft|akademie|institut|zentrum|servicestelle|geschäftsstelle)$/i;

function aliasesFromOrganisations(text: string, otherTexts: string[]): string[] {
  const found = new Set<string>();
  // "(ZDT)", "(LaDo)": capitals, or a short word with at least two of them.
  for (const m of text.matchAll(/\((\p{Lu}{3,6}|\p{Lu}\p{Ll}{0,2}\p{Lu}\p{L}{0,3})\)/gu)) {
    // The name is the nearest run of name words before the brackets, on the same line, that begins
    // with the abbreviation's first letter: "Aufsichts- und Dienstleistungsdirektion (ADD)".
    const before = text.slice(Math.max(0, (m.index ?? 0) - 160), m.index).split('\n').at(-1)!.trim().split(/[ \t]+/).map((w) => w.replace(/[„“”"»«]/g, '')).filter(Boolean).slice(-8);
    for (let i = before.length - 1; i >= 0 && NAME_LINK.test(before[i]); i--) {
      // "(IST)", "(DAS)": an abbreviation that is also a common word would name the call in everyday sentences.
    if (STOPWORDS.has(m[1].toLowerCase())) break;
    if (before[i][0] !== m[1][0]) continue;
      found.add(m[1]);
      const name = before.slice(i).join(' ');
      if (before.length - i > 1 && ORGANISATION_HEAD.test(before[i])) found.add(name);
      break;
    }
  }
  // "das Bündnis Offene Dörfer", "das Netzwerk Weltoffene Städte": a network named by its name.
  for (const m of text.matchAll(/(?<![\p{L}])(?:Bündnis|Netzwerk|Initiative|Landesnetzwerk|Aktionsbündnis)\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2})(?![\p{L}])/gu)) {
    found.add(m[0]);
    // "die Offene-Dörfer-Gespräche": the name without "Bündnis", when it is more than one word.
    if (m[1].includes(' ')) found.add(m[1]);
  }
  // "… „Wohnraumlotsen Bayern 2027“ (kurz: WoLo 2027)": the short name the text itself introduces.
  for (const m of text.matchAll(/\((?:kurz|abgekürzt|im folgenden)\s*:?\s*([\p{L}][\p{L}\d .-]{1,24})\)/giu)) {
    found.add(m[1].trim());
    const withoutYear = m[1].replace(YEAR_AT_END, '').trim();
    if (withoutYear.length >= 3) found.add(withoutYear);
  }
  // "Mitfahrwerk Rhön-Vogelsberg e. V.", "Stadtnest gGmbH": the organisation's own word (the filter below drops it when another source uses it).
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}{5,})(?:\s+\p{Lu}[\p{L}-]+)?\s+(?:e\.\s?V\.|gGmbH|GmbH)(?![\p{L}])/gu)) if (!GENERIC_ORGANISATION.test(m[1])) found.add(m[1]);
  // "Bürgerstiftung" alone is a kind of foundation, not a name; "Nordstiftung Zusammenhalt" is one.
  for (const m of text.matchAll(/(?<![\p{L}])(Stiftung\s+\p{Lu}[\p{L}-]{3,}|\p{Lu}[\p{L}-]{3,}[\s-]Stiftung|(\p{Lu}[\p{L}-]{3,}stiftung)\s+\p{Lu}[\p{L}-]{3,})(?![\p{L}])/gu)) {
    found.add(m[1]);
    // "Hertha-und-Ludwig-Brenner-Stiftung" is "die Brenner-Stiftung" to most.
    const surname = m[1].match(/-(\p{Lu}[\p{L}]+)-Stiftung$/u)?.[1];
    if (surname) found.add(`${surname}-Stiftung`);
    // In English questions: "the Brenner foundation", "the Gemeinsinn foundation".
    const own = surname ?? m[1].match(/^Stiftung\s+(\p{Lu}[\p{L}-]+)$/u)?.[1] ?? m[1].match(/^(\p{Lu}[\p{L}-]+)[\s-]Stiftung$/u)?.[1];
    if (own) found.add(`${own} foundation`);
    // "die Nordstiftung": the compound alone names it too, unless it is a kind of foundation.
    if (m[2] && !KIND_OF_FOUNDATION.test(m[2])) found.add(m[2]);
    // "Stiftung Zweiklang" is asked for as "der Zweiklang-Fonds", "die Zweiklang-Stiftung": its own name alone (dropped below when another source uses the word).
    // Not an adjective ("Deutsch-Französische Stiftung", "Evangelische Stiftung"): that is a kind, no name.
    if (own && own.length >= 6 && !GENERIC_ORGANISATION.test(own) && !ADJECTIVE_ENDING.test(own)) found.add(own);
  }
  // "Zweiklang Foundation", "Foundation Zweiklang": an English foundation's name, and its own word.
  for (const m of text.matchAll(/(?<![\p{L}])(?:(\p{Lu}[\p{L}-]{3,})\s+Foundation|Foundation\s+(\p{Lu}[\p{L}-]{3,}))(?![\p{L}])/gu)) {
    const own = m[1] ?? m[2];
    if (/^(the|a|an|our|this|german|french|european|federal|national|private|public|community|charitable)$/i.test(own)) continue;
    found.add(`${own} foundation`);
    if (own.length >= 6 && !GENERIC_ORGANISATION.test(own)) found.add(own);
  }
  const unused = (name: string) => {
    const re = new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'u');
    return !otherTexts.some((t) => re.test(t));
  };
  // A newsletter or letter that carries a call: "Mit dem Förderaufruf „OrtsZeit – Räume für Begegnung“ unterstützt …".
  for (const { name, head } of namedCalls(text)) {
    found.add(name);
    found.add(head);
    const withoutYear = head.replace(YEAR_AT_END, '').trim();
    if (withoutYear.length >= 4) found.add(withoutYear);
  }
  return [...found].filter((n) => !STATES.some((st) => st.patterns.test(n.toLowerCase())) && unused(n)).map((n) => (/^\p{L}{3}$/u.test(n) && /\p{Lu}/u.test(n) ? n : n.toLowerCase()));
}

/** "bei den Kommunalen Allianzen", "der Weltoffenen Kommune": a name's leading adjective as it is declined, too. */
function withInflections(aliases: string[]): string[] {
  const out = new Set(aliases);
  for (const a of aliases) {
    const m = a.match(/^(\p{Ll}{4,}e)(\s+\p{L}.*)$/u);
    if (m && !/(ung|heit|keit|schaft|nahme|stelle|runde|reihe|woche)$/.test(m[1])) out.add(`${m[1]}n${m[2]}`);
  }
  return [...out];
}

/** Titles of texts that carry news, not a call of their own. */
const CARRIER_TITLE = /newsletter|rundbrief|rundschreiben|infobrief|informationsbrief|mitteilungsblatt|ausgabe \d|news(letter)?\b|bulletin/i;

/** A call named by its kind and quoted name: "Förderaufruf „OrtsZeit – Räume für Begegnung“", "funding call „…“". */
const CALL_NAMED = /(?<![\p{L}])(?:förderaufruf|förderprogramm|bundesprogramm|landesprogramm|programm|wettbewerb|ideenwettbewerb|förderrichtlinie|fonds|call for proposals|funding call|call|programme|program|fund|competition)\s+[„"“»]([^„“”"«\n]{3,60})[“”"«]/giu;

/**
 * The calls a text names by kind and quoted name, with the name's head before its dash ("OrtsZeit"). Only names the text
 * comes back to (a table of contents, a date line): one mention may be another programme named in passing.
 */
function namedCalls(text: string): { name: string; head: string }[] {
  const out: { name: string; head: string }[] = [];
  for (const m of text.matchAll(CALL_NAMED)) {
    const name = m[1].trim();
    const head = name.split(/\s+[–—-]\s+/)[0].trim();
    const mentions = text.split(new RegExp(escapeRegExp(head.split(/\s+/)[0]), 'i')).length - 1;
    if (mentions >= 2 && head.length >= 4) out.push({ name, head });
  }
  return out;
}

/** The name of the call a newsletter announces: "Förderaufruf „OrtsZeit – Räume für Begegnung“" gives "OrtsZeit". */
function carriedCallName(text: string): string | undefined {
  return namedCalls(text)[0]?.head;
}

/** Programmes for the answering side: curated ones, plus one derived from each uncurated source. */
export function buildPrograms(files: { program: ProgramFile }[], docs: SourceDocument[]): Program[] {
  const programs: Program[] = [];
  const covered = new Set<string>();
  for (const { program: p } of files) {
    const doc = docs.find((d) => d.file === p.source);
    if (!doc) continue;
    covered.add(doc.id);
    programs.push({
      id: p.id, kind: p.kind, name: p.name, shortName: p.shortName,
      aliases: withInflections([p.shortName.toLowerCase(), ...p.aliases.map((a) => a.toLowerCase())]),
      docIds: [doc.id], documentTitle: p.documentTitle, url: p.url, handoffEmail: p.handoffEmail, curated: true,
      funder: p.funder, implementer: p.implementer, contacts: p.contacts, deadline: p.deadline, facts: p.facts, rules: p.rules,
    });
  }
  for (const doc of docs) {
    if (covered.has(doc.id)) continue;
    // A guideline's long title ("Richtlinie des Sächsischen Staatsministeriums …") is said by its short one ("Klare Worte").
    // A newsletter or circular that carries a call ("BKT-Newsletter … – Ausgabe 11/2026" with "Förderaufruf „OrtsZeit – …“") is asked about by the call's name.
    const short = guidelineShortTitle(doc)?.name ?? (CARRIER_TITLE.test(doc.title) ? carriedCallName(doc.text) : undefined) ?? nameOf(doc.title);
    const otherTexts = docs.filter((d) => d !== doc).map((d) => d.text);
    const contacts = deriveContacts(doc.blocks);
    const contact = contacts[0];
    programs.push({
      id: doc.id, kind: 'call', name: doc.title, shortName: shortened(short), aliases: withInflections([...aliasesFromTitle(doc.title, doc.id, otherTexts), ...aliasesFromOrganisations(doc.text, otherTexts), ...introducedAliases(doc)]),
      // A handed-over question goes to the call's own contact, not to another programme's leads.
      docIds: [doc.id], documentTitle: doc.title, handoffEmail: contact && programFileSchema.shape.handoffEmail.safeParse(contact.email).success ? contact.email : undefined, curated: false, contacts,
      facts: [], rules: deriveRules(doc.blocks),
    });
  }
  return programs;
}
