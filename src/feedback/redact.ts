/** Placeholders that replace personal data in stored questions and comments. */
export const REDACTED = { email: '[E-Mail]', phone: '[Telefon]', name: '[Name]', iban: '[IBAN]' } as const;

// The look-behind starts a match only where a run of address characters starts, keeping long inputs linear.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|\s?[([]\s?at\s?[)\]]\s?)[\p{L}\p{N}-]+(?:(?:\.|\s?[([]\s?dot\s?[)\]]\s?)[\p{L}\p{N}-]+)*(?:\.|\s?[([]\s?dot\s?[)\]]\s?)\p{L}{2,}/giu;
// Country code, check digits, then 11–30 alphanumerics, optionally in groups of four (DE: 22 characters).
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/giu;
// A candidate must start like a number someone dials (+49, 0049, 030, (030)); dots and commas end it, so dates and amounts stay.
const PHONE = /(?<![\p{L}\p{N}_.,/+-])(?:\+\s?\d|00\d|\(0\d|0\d)[\d \t/()-]{4,24}\d(?![\p{L}\p{N}_])/gu;

/** Words that follow "ich bin" / "I am" and name a role or a state, not a person. */
const ROLE_ENDINGS = [
  'meister', 'meisterin', 'manager', 'managerin', 'leiter', 'leiterin', 'leitung', 'referent', 'referentin', 'beauftragte', 'beauftragter',
  'mitarbeiter', 'mitarbeiterin', 'bearbeiter', 'bearbeiterin', 'kämmerer', 'kämmerin', 'dezernent', 'dezernentin', 'landrat', 'landrätin',
  'stadtrat', 'stadträtin', 'gemeinderat', 'gemeinderätin', 'kreisrat', 'kreisrätin', 'ratsmitglied', 'koordinator', 'koordinatorin',
  'angestellte', 'angestellter', 'beamter', 'beamtin', 'vertreter', 'vertreterin', 'sprecher', 'sprecherin', 'assistent', 'assistentin',
  'partner', 'partnerin', 'praktikant', 'praktikantin', 'vorsitzende', 'vorsitzender', 'verantwortliche', 'verantwortlicher', 'chef', 'chefin',
  'direktor', 'direktorin', 'präsident', 'präsidentin', 'planer', 'planerin', 'berater', 'beraterin', 'fachkraft', 'teilnehmer', 'teilnehmerin',
  'kollege', 'kollegin', 'vorstand', 'geschäftsführer', 'geschäftsführerin', 'mitglied', 'neuling', 'anfänger', 'anfängerin', 'teil',
  'ansprechpartner', 'ansprechpartnerin', 'verwaltung', 'gemeinde', 'stadt', 'kommune', 'landkreis', 'kreis', 'amt', 'team', 'projekt',
  'mayor', 'officer', 'clerk', 'coordinator', 'head', 'director', 'treasurer', 'councillor', 'councilor', 'employee', 'staff', 'member',
  'advisor', 'adviser', 'planner', 'lead', 'deputy', 'assistant', 'intern', 'chair', 'chairman', 'chairwoman', 'representative', 'responsible',
  'interested', 'new', 'not', 'unsure', 'looking', 'working', 'writing', 'asking', 'here', 'from', 'with', 'in', 'on', 'at',
];
/** Capitalised words after a trigger that are never a name: pronouns, articles, courtesy and the like. */
const NOT_A_NAME = new Set([
  'ihnen', 'sie', 'ihr', 'ihre', 'ihrer', 'dir', 'dich', 'euch', 'es', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'einer', 'kein', 'keine',
  'und', 'oder', 'aus', 'bei', 'beim', 'für', 'mit', 'im', 'in', 'am', 'an', 'auf', 'bitte', 'hier', 'gerade', 'noch', 'auch', 'nicht', 'nur', 'so',
  'ich', 'wir', 'mein', 'meine', 'unser', 'unsere', 'dankbar', 'froh', 'unsicher', 'interessiert', 'zuständig', 'neu', 'frage', 'fragen',
  'a', 'an', 'the', 'and', 'or', 'please', 'i', 'you', 'we', 'my', 'our', 'your', 'sorry', 'glad', 'happy', 'trying', 'just', 'also', 'still',
  'hallo', 'hello', 'hi', 'danke', 'thanks',
]);
const PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'zu', 'zum', 'vom', 'di', 'da', 'del', 'le', 'la', 'ten', 'ter', 'mc']);
const TITLES = /^(?:frau|herr|hr\.?|fr\.?|dr\.?|prof\.?|mrs?\.?|ms\.?|miss)$/i;

// Trigger + the text after it; "strong" triggers announce a name, so case does not matter after them.
const STRONG = /\b(mein(?:\s+vollständiger)?\s+name\s+(?:ist|lautet)|ich\s+hei(?:ß|ss)e|my\s+(?:full\s+)?name\s+is|name\s*:)/giu;
const WEAK = /(?<![\p{L}])(ich\s+bin|hier\s+(?:ist|spricht|schreibt)|i\s+am|i['’]m|(?:viele|beste|freundliche|liebe|herzliche)\s+grüße|mit\s+freundlichen\s+grüßen|gruß|mfg|best\s+regards|kind\s+regards|regards)(?![\p{L}])/giu;
const TOKEN = /^[\s,:;–-]*([\p{L}][\p{L}\p{M}'’.-]*)/u;

function isRole(word: string): boolean {
  const w = word.toLowerCase().replace(/[.'’]+$/, '');
  const last = w.split('-').pop() ?? w;
  return ROLE_ENDINGS.some((r) => last === r || (r.length >= 5 && last.endsWith(r)));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Acronyms and brand-like names ("BMWK", "KfW", "KommA") are programmes or bodies, not people. */
function isAcronymLike(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && /\p{Lu}$/u.test(letters) && /\p{Ll}/u.test(letters)) return true;
  return letters.length >= 2 && letters.length <= 4 && letters === letters.toUpperCase();
}

/**
 * The name at the start of `rest` (the text after a trigger) as a [start, end) range, or null.
 * Weak triggers take 1–3 capitalised words that are not roles; after a strong one ("mein Name ist")
 * the first word is a name whatever its case, and an all-lower-case name is taken whole.
 */
function nameSpan(rest: string, strong: boolean, keep: ReadonlySet<string>): [number, number] | null {
  let pos = 0;
  let start = -1;
  let end = -1;
  let names = 0;
  let lowerCaseName = false;
  let skipped: 'none' | 'article' | 'role' = 'none';
  for (let guard = 0; guard < 10 && names < 3; guard++) {
    const m = TOKEN.exec(rest.slice(pos));
    if (!m) break;
    const raw = m[1];
    const sep = m[0].slice(0, m[0].length - raw.length);
    // A clause or line boundary ends a name; before the first word only a strong break does.
    if (names > 0 && /[,:;–\n]/.test(sep)) break;
    if (names === 0 && /[;–]/.test(sep)) break;
    const wordStart = pos + sep.length;
    pos = wordStart + raw.length;
    if (names === 0 && TITLES.test(raw)) {
      // "Frau Schmidt": the title stays, what follows is a name whatever the trigger.
      strong = true;
      continue;
    }
    const initial = /^\p{Lu}\.$/u.test(raw);
    const word = initial ? raw : raw.replace(/\.+$/, '');
    const sentenceEnd = !initial && word.length < raw.length;
    const lower = word.toLowerCase();
    if (names > 0 && PARTICLES.has(word)) continue;
    if (keep.has(lower) || NOT_A_NAME.has(lower) || (!initial && isAcronymLike(word))) {
      // "ich bin die Anna": an article may precede a first name, right after the trigger only.
      if (names === 0 && skipped === 'none' && !strong && (lower === 'der' || lower === 'die')) {
        skipped = 'article';
        continue;
      }
      break;
    }
    if (names === 0 && isRole(word)) {
      // "Bürgermeisterin Schmidt": one role may precede the name.
      if (skipped === 'role') break;
      skipped = 'role';
      continue;
    }
    const capital = isCapitalised(word);
    if (names === 0) {
      if (!capital && !strong) break;
      lowerCaseName = !capital;
    } else if (!capital && !lowerCaseName) break;
    if (start === -1) start = wordStart;
    end = wordStart + word.length;
    names++;
    if (sentenceEnd) break;
  }
  return start === -1 ? null : [start, end];
}

function redactNames(text: string, keep: ReadonlySet<string>): string {
  const spans: [number, number][] = [];
  for (const [re, strong] of [[STRONG, true], [WEAK, false]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const after = m.index + m[0].length;
      const span = nameSpan(text.slice(after, after + 200), strong, keep);
      if (span) spans.push([after + span[0], after + span[1]]);
    }
  }
  if (!spans.length) return text;
  spans.sort((a, b) => b[0] - a[0]);
  let out = text;
  let lastStart = Infinity;
  for (const [s, e] of spans) {
    if (e > lastStart) continue;
    out = out.slice(0, s) + REDACTED.name + out.slice(e);
    lastStart = s;
  }
  return out;
}

function redactPhones(text: string): string {
  return text.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '');
    // Fewer than 7 digits is a month/year or a short code; longer runs may be two numbers ("030 … / 0171 …").
    return digits.length >= 7 ? REDACTED.phone : match;
  });
}

export interface RedactOptions {
  /** Words never taken for a name, e.g. programme names ("hier ist KommA gemeint"). */
  keep?: Iterable<string>;
}

/**
 * Removes personal data from free text before it is stored: e-mail addresses, IBANs, phone numbers
 * and names introduced as such ("ich bin Anna Schmidt", "mein Name ist …", "Viele Grüße, …").
 * Roles ("Ich bin Bürgermeisterin") and funding vocabulary stay.
 */
export function redactPersonalData(text: string, opts: RedactOptions = {}): string {
  if (!text) return '';
  const keep = new Set([...(opts.keep ?? [])].map((w) => w.toLowerCase()));
  let out = text.replace(EMAIL, REDACTED.email);
  out = out.replace(IBAN, (m) => (/\d{2}.*\d/.test(m.slice(2)) && m.replace(/\s/g, '').length >= 15 ? REDACTED.iban : m));
  out = redactPhones(out);
  return redactNames(out, keep);
}
