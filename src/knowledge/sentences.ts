const ABBREVIATIONS = new Set([
  'z.b', 'u.a', 'bspw', 'dr', 'prof', 'ca', 'nr', 'd.h', 'bzw', 'ggf', 'inkl', 'vgl', 'etc', 's', 'abs', 'art',
  'evtl', 'usw', 'zzgl', 'gem', 'st', 'str', 'tel', 'e.v', 'i.d.r', 'o.ä', 'u.ä', 'mio', 'mrd', 'rer', 'soc', 'e.g', 'i.e',
  'hr', 'fr', 'sog', 'insb', 'insbes', 'bzgl', 'ggü', 'max', 'mind', 'min', 'zzt', 'lt', 'ziff', 'kap', 'anm', 'hrsg', 'ebd', 'allg',
  'al', 'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
]);
/** Dotted short forms the list does not name ("v.a.", "o.g.", "z.T."): one or two letters between dots. */
const DOTTED_SHORT_FORM = /^(\p{L}{1,2}\.)+\p{L}{1,2}$/u;

/**
 * Whether position `at` lies inside a quotation opened since `from` that closes soon after: a
 * quoted title with a question in it ("Projekt “Was bewegt Kommunen? Erfolgsfaktoren …” entstanden")
 * is one sentence, not two.
 */
function insideQuotedTitle(text: string, from: number, at: number): boolean {
  // What closes each open quotation, innermost last; „…“ and “…” share a character, so “ closes
  // only a „ and opens otherwise.
  const closers: string[] = [];
  for (let i = from; i < at; i++) {
    const c = text[i];
    const top = closers[closers.length - 1];
    if (c === top || (c === '”' && top === '“')) closers.pop();
    else if (c === '„') closers.push('“');
    else if (c === '“') closers.push('”');
    else if (c === '«') closers.push('»');
    else if (c === '"') closers.push('"');
  }
  if (closers.length === 0) return false;
  const close = closers[closers.length - 1];
  const rest = text.slice(at + 1, at + 200);
  const j = close === '“' ? rest.search(/[“”]/) : rest.indexOf(close);
  // A closing mark right after the question mark ends the sentence with the quotation.
  return j > 0 && !/^[!?.…]*$/.test(rest.slice(0, j));
}

/** Splits German or English prose into sentences, leaving abbreviations, dates and ordinals intact. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?…]+["“”»)]?\s+(?=["„“(\[]?[\p{Lu}\d])/gu;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].trimEnd().length;
    const before = text.slice(start, m.index + 1);
    const lastWord = (before.match(/(\S+)$/)?.[1] ?? '').replace(/^[„"(]+/, '').toLowerCase().replace(/\.$/, '');
    if (m[0][0] === '.' && (ABBREVIATIONS.has(lastWord) || DOTTED_SHORT_FORM.test(lastWord) || /^\d{1,2}(\.?[/–-]\d{1,2})*$/.test(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    if (/^[!?]+$/.test(m[0].trimEnd()) && insideQuotedTitle(text, start, m.index)) continue;
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}
