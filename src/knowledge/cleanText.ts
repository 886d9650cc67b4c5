/** One block of cleaned text: a heading, a paragraph, a bullet item or an FAQ question. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'bullet' | 'question';
  text: string;
}

export type SourceKind = 'txt' | 'md' | 'html' | 'pdf';

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '', ndash: '–', mdash: '—',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euro: '€',
  bdquo: '„', ldquo: '“', rdquo: '”', hellip: '…',
  middot: '·', bull: '•', sbquo: '‚', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', sect: '§', deg: '°', para: '¶', times: '×', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', copy: '©', reg: '®', trade: '™', minus: '−',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e] ?? m;
  });
}

/** Removes HTML markup but keeps block boundaries as line breaks. */
export function stripHtml(s: string): string {
  return decodeEntities(
    s
      .replace(/<(script|style|noscript|head|template)[\s\S]*?<\/\1>/gi, ' ')
      // A page's menus, footers and side boxes are the site's, not the call's ("Startseite | Presse").
      .replace(/<(nav|footer|form|button)\b[\s\S]*?<\/\1>/gi, ' ')
      // A side box is the site's when it is links ("Weitere Programme"); a box of dates or contacts is the call's.
      .replace(/<aside\b[\s\S]*?<\/aside>/gi, (box) => ((box.match(/<a\b/gi)?.length ?? 0) >= 3 && box.replace(/<a\b[\s\S]*?<\/a>/gi, '').replace(/<[^>]+>/g, '').trim().length < 120 ? ' ' : box))
      // "<li><strong>15. März 2027</strong><br>Bewerbungsschluss</li>": one item, one fact.
      .replace(/<li\b[^>]*>[\s\S]*?<\/li>/gi, (item) => item.replace(/<br\s*\/?>/gi, ' – '))
      .replace(/<(div|section)\b[^>]*(cookie|consent|banner)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      // A definition list is rows of facts: "<dt>Bewerbungsschluss</dt><dd>25. Februar 2027</dd>" is "Bewerbungsschluss: 25. Februar 2027";
      // a term asked as a question ("<dt>Wer kann sich bewerben?</dt>") is answered by its description, as in an FAQ.
      .replace(/<dt\b[^>]*>([\s\S]*?)<\/dt>\s*((?:<dd\b[^>]*>[\s\S]*?<\/dd>\s*)+)/gi, (_m, term: string, descs: string) => {
        const name = term.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        const body = [...descs.matchAll(/<dd\b[^>]*>([\s\S]*?)<\/dd>/gi)].map((d) => d[1].trim()).join('; ');
        return /\?$/.test(name) ? `\n\n${name}\n\n${body}\n\n${ROW_END}\n\n` : `\n\n${name}: ${body}\n\n${ROW_END}\n\n`;
      })
      // A paragraph that is bold as a whole (Word's "<p><b>13. Werden die Namen veröffentlicht?</b></p>") is a heading, an FAQ's question.
      .replace(/<p\b[^>]*>\s*<(b|strong)\b[^>]*>((?:(?!<\/?p\b)[\s\S])*?)<\/\1>\s*<\/p>/gi, (_m, _tag: string, inner: string) => `\n\n## ${inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}\n\n`)
      // A table with a header row: each row names its cells by their column ("Frist: Montag, 22. Februar 2027").
      .replace(/<table\b[^>]*>([\s\S]*?)<\/table>/gi, (table: string, inner: string) => tableWithHeaders(inner) ?? table)
      // Paragraphs inside a cell (Word's "<td><p>1</p></td>") are the cell's text, not lines of their own.
      .replace(/<(t[hd])\b[^>]*>[\s\S]*?<\/\1>/gi, (cell) => cell.replace(/<\/?p\b[^>]*>/gi, ' '))
      // A table row is one fact: "Antragsfrist: 28.02.2027".
      .replace(/<\/t[hd]>\s*<t[hd]\b[^>]*>/gi, ': ')
      // A row ends its fact even when it ends without a full stop (unlike a PDF's broken sentence).
      .replace(/<\/tr>/gi, `\n\n${ROW_END}\n\n`)
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<sup>[^<]{0,4}<\/sup>/gi, '')
      .replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/section|\/article|summary|\/summary|\/details|\/blockquote|\/figcaption|\/caption|\/table|\/ul|\/ol|\/dl|\/dd|\/dt|\/header|\/main|\/address|\/pre)\b[^>]*>/gi, '\n\n')
      .replace(/<\s*(li)\b[^>]*>/gi, '\n\n• ')
      .replace(/<\s*(h[1-6])\b[^>]*>/gi, '\n\n## ')
      // Inline markup sits inside words ("<b>Förder</b>summe"): it vanishes; other tags separate.
      .replace(/<\/?(b|i|em|strong|a|span|sup|sub|u|small|abbr|code|mark|font)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/[ \t]+([.,;:!?])/g, '$1'),
  );
}

/** A cell's text, without its markup. */
function cellText(html: string): string {
  // A cell's bold paragraph (Word's "<td><p><b>Förderquote</b></p></td>") was made a heading mark above: in a cell it is just its text.
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/gi, ' ').replace(/(^|\s)#{1,6}\s+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The rows of a schedule whose first row is a header naming a date column (only <th> cells — a row "<th>Antragsfrist</th><td>…</td>"
 * is a fact with its key —, or three or more columns of words):
 * each row one line, its cells named by their column; its caption before them. Undefined for
 * other tables (a two-column list of facts reads as "Key: Value" already).
 */
function tableWithHeaders(inner: string): string | undefined {
  const caption = inner.match(/<caption\b[^>]*>([\s\S]*?)<\/caption>/i)?.[1];
  const rows = [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) => ({ th: /<th\b/i.test(r[1]) && !/<td\b/i.test(r[1]), cells: [...r[1].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) => cellText(c[1])) }));
  if (rows.length < 2 || rows[0].cells.length < 2) return undefined;
  const header = rows[0].cells;
  const wordsOnly = header.every((c) => c.length > 0 && c.length <= 40 && !/\d/.test(c));
  if (!(rows[0].th && header.some(Boolean)) && !(header.length >= 3 && wordsOnly)) return undefined;
  // A schedule ("Stufe | Was | Frist"): its dates need their column's name. So do the figures of a wide table
  // ("Einwohnerzahl | Förderquote | Eigenanteil | Höchstbetrag"), read after the row's own key.
  const schedule = header.some((c) => /frist|termin|datum|zeitraum|deadline|date|bis wann|wann/i.test(c));
  // A matrix headed by size bands ("Art der Kommune | bis 10.000 Einwohner | 10.001 bis 50.000 Einwohner"): keyed the same way.
  if (!schedule && !(header.length >= 3 && (wordsOnly || rows[0].th))) return undefined;
  const lines = rows.slice(1).map((r) => (schedule ? namedCells(header, r.cells) : keyedRow(header, r.cells)));
  const end = `\n\n${ROW_END}\n\n`;
  return `\n\n${caption ? `${cellText(caption)}${end}` : ''}${lines.filter(Boolean).join(end)}${end}`;
}

/** Each cell named by its column: "Stufe: 1; Frist: 22. Februar 2027". */
function namedCells(header: string[], cells: string[]): string {
  return cells.map((c, i) => (!c ? '' : header[i] ? `${header[i]}: ${c}` : c)).filter(Boolean).join('; ');
}

/**
 * The row's key first, then each figure with its column: "bis 5.000: Förderquote 90 %, Höchstbetrag 60.000 €". Commas, not
 * semicolons, so the row stays one statement ("…: Hinweis nicht antragsberechtigt" is said of the row's key); an empty or "–" cell says nothing.
 */
function keyedRow(header: string[], cells: string[]): string {
  const rest = cells.slice(1).map((c, i) => (!c || /^[–—-]+$/.test(c) ? '' : header[i + 1] ? `${header[i + 1]} ${c}` : c)).filter(Boolean);
  return rest.length ? `${cells[0]}: ${rest.join(', ')}` : cells[0];
}

/** A Markdown table's separator row ("|---|:---:|") and one of its rows ("| a | b |"). */
const PIPE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
const PIPE_ROW = /^[ \t]*\|(.*)\|[ \t]*$/;

/** A Markdown table of three or more columns under a header of words: its rows keyed, their figures named (see keyedRow). */
function keyedPipeTables(text: string): string {
  const lines = text.split('\n');
  const cellsOf = (l: string) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!PIPE_ROW.test(lines[i]) || !PIPE_SEPARATOR.test(lines[i + 1])) continue;
    const header = cellsOf(lines[i]);
    if (header.length < 3 || !header.every((c) => c.length > 0 && c.length <= 60 && !/\d/.test(c))) continue;
    for (let j = i + 2; j < lines.length && PIPE_ROW.test(lines[j]); j++) lines[j] = `${keyedRow(header, cellsOf(lines[j]))}\n\n${ROW_END}\n`;
  }
  return lines.join('\n');
}

/** Marks the end of a table row for the block builder; never part of a block. */
const ROW_END = '\u241e';

/** A line that is only a link (a menu entry, "Zum Inhalt springen"), with or without a list marker. */
const LINK_ONLY = /^[ \t]*([-*+][ \t]+)?\[[^\]]*\]\(([^)]*)\)[ \t]*$/;
/** "Sie sind hier: Start › Programme › Landfunken": where the page sits on its site. */
const BREADCRUMB = /^[ \t]*(sie sind hier|you are here|sie befinden sich hier)\s*:|^[^.!?]{0,120}(›|\s>\s)[^.!?]{0,80}(›|\s>\s)[^.!?]{0,80}$/i;
const COOKIE_LINE = /\bcookies?\b/i;
/** "Impressum · Datenschutz · Kontakt · Sitemap", "© Landkreis Talbergen 2026 · Nach oben ↑": a site's footer links. */
const FOOTER_WORDS = /\b(impressum|datenschutz(erklärung)?|barrierefreiheit|sitemap|kontakt|nach oben|seitenanfang|leichte sprache|gebärdensprache|imprint|privacy( policy)?|accessibility|legal notice)\b/gi;
const SEPARATED = /\s[·|•]\s/;
/** [Seite drucken] · [Vorlesen] · [Schrift größer]: the page's own buttons. */
const PAGE_TOOLS = /^[ \t]*\[[^\]]{2,30}\](\s*[·|•]\s*\[[^\]]{2,30}\]){2,}[ \t]*$/;

/** A line of footer links or a copyright line: short parts between separators, most of them site words. */
function isFooterLine(l: string): boolean {
  const t = l.trim();
  if (PAGE_TOOLS.test(t)) return true;
  if (t.length > 200) return false;
  if (/^©/.test(t) && t.length < 160) return true;
  if (!SEPARATED.test(t)) return false;
  const parts = t.split(/\s[·|•]\s/);
  const site = (t.match(FOOTER_WORDS) ?? []).length;
  return parts.length >= 3 && site >= 2 && parts.every((p) => p.split(/\s+/).length <= 6);
}

/**
 * A web page saved as Markdown carries its site around the text: menus (runs of link-only lines),
 * skip links, breadcrumbs, a cookie notice. None of it is the call, and a menu entry must not
 * become its title.
 */
function dropPageChrome(s: string): string {
  const lines = s.split('\n');
  const linkOnly = lines.map((l) => LINK_ONLY.test(l));
  const near = (i: number, d: number) => (i + d >= 0 && i + d < lines.length ? linkOnly[i + d] : false);
  return lines
    .filter((l, i) => {
      if (linkOnly[i] && (near(i, -1) || near(i, 1) || near(i, -2) || near(i, 2) || /\]\(#/.test(l))) return false;
      if (BREADCRUMB.test(l) && l.length < 240) return false;
      if (COOKIE_LINE.test(l) && l.length < 300 && /(akzeptier|einstellung|zustimm|ablehnen|accept|consent|settings)/i.test(l)) return false;
      if (isFooterLine(l)) return false;
      return true;
    })
    .join('\n');
}

/**
 * Footnotes ("… im Original per Post an die LSST geht[^4].", "[^4]: Ein Scan genügt nicht."): the note goes
 * into the sentence that points to it, in brackets, so the sentence is read and quoted with it.
 */
function inlineFootnotes(s: string): string {
  const notes = new Map<string, string>();
  const body = s.replace(/^[ \t]*\[\^([\w-]{1,12})\]:[ \t]*(.+)$/gm, (_m, id: string, note: string) => {
    notes.set(id, note.trim());
    return '';
  });
  return body.replace(/\[\^([\w-]{1,12})\]/g, (_m, id: string) => (notes.has(id) ? ` (${notes.get(id)!.replace(/[.]\s*$/, '')})` : ''));
}

function stripMarkdown(s: string): string {
  return keyedPipeTables(dropPageChrome(inlineFootnotes(s)))
    // Pipe tables: the separator row goes, each row becomes one line "Cell: Cell".
    .replace(new RegExp(PIPE_SEPARATOR.source, 'gm'), '')
    // Each row a fact of its own, as in HTML tables: rows have no full stop to end them as sentences.
    .replace(new RegExp(PIPE_ROW.source, 'gm'), (_m, row: string) => `${row.split('|').map((c) => c.trim()).filter(Boolean).join(': ')}\n\n${ROW_END}\n`)
    // Admonitions of site generators ('!!! warning "Nicht antragsberechtigt"', '??? question "Muss …?"'): their title is a line of its own.
    // A question is its own line (an FAQ entry); any other title leads into its text ("Nicht antragsberechtigt: Landkreise, …").
    .replace(/^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"([^"\n]*)")?[ \t]*\n/gm, (_m, title?: string) => (!title ? '\n' : /\?\s*$/.test(title) ? `\n${title}\n` : `\n${title.replace(/[.:]\s*$/, '')}: `))
    // Attribute lists of site generators ("## Fristen { #fristen }") say nothing.
    .replace(/[ \t]*\{[ \t]*[:#.][^}\n]*\}[ \t]*$/gm, '')
    // Block quotes ("> Sabine Lorenz-Yilmaz"): the lines, without the marker.
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(/\\([*_#\\[\]()`-])/g, '$1')
    .replace(/`+/g, '')
    .replace(/^(\s*)[-*+]\s+/gm, '$1• ')
    // "1. Schritt" is a numbered item; "19. Januar 2027" at a line's start is a date the line break split off.
    .replace(/^(\s*)\d{1,2}[.)]\s+(?!(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\b)(?=\S)/gim, '$1• ')
    .replace(/(^|[^\p{L}\d*])\*+|\*+(?=$|[^\p{L}\d*])/gmu, '$1')
    .replace(/(^|\s)_+|_+(?=\s|$)/gm, '$1')
    .replace(/^\s*---+\s*$/gm, '');
}

/** A ruler of a plain-text table: "-----+------", "=====|=====". */
const TABLE_RULER = /^[ \t]*[-=]{3,}[-=+| \t]*[+|][-=+| \t]*$/;
const TABLE_ROW = /^[ \t]*[^|\n]*\S[^|\n]*(\|[^|\n]*\S[^|\n]*)+[ \t]*$/;

/**
 * Tables typed in plain text (e-mails): the ruler goes, each row of two or more consecutive rows
 * becomes one line "Cell: Cell", like a Markdown table's. A lone line with a "|" stays as it is.
 */
function plainTextTables(s: string): string {
  const lines = s.split('\n').filter((l) => !TABLE_RULER.test(l));
  const isRow = (i: number) => i >= 0 && i < lines.length && TABLE_ROW.test(lines[i]) && !/^\s*\|/.test(lines[i]);
  return lines
    .map((l, i) => (isRow(i) && (isRow(i - 1) || isRow(i + 1)) ? `\n${l.split('|').map((c) => c.trim()).filter(Boolean).join(': ')}\n` : l))
    .join('\n');
}

/** An e-mail's disclaimer and unsubscribe lines belong to the mail, not to the call. */
const MAIL_FOOTER = /vertrauliche informationen|nicht der (richtige|beabsichtigte) (adressat|empfänger)|(keine|nicht) (einladungen|e-mails|newsletter|nachrichten) mehr (erhalten|bekommen)|abmelden|unsubscribe/i;

/** Drops what follows an e-mail's signature delimiter ("-- ") when it is a short footer, and footer lines elsewhere. */
function dropMailFooter(s: string): string {
  const lines = s.split('\n');
  const delimiter = lines.findIndex((l, i) => /^--\s?$/.test(l) && lines.length - i <= 15);
  const kept = delimiter >= 0 ? lines.slice(0, delimiter) : lines;
  return kept.filter((l) => !(MAIL_FOOTER.test(l) && l.length < 400 && /(e-mail|mail|newsletter|einladung|absender|abmelden|unsubscribe)/i.test(l))).join('\n');
}

/** The caption of a numbered table ("Tabelle 2: Fristen", "Tab. 1 – Fördersätze", "Table 3: Deadlines"). */
const TABLE_CAPTION = /^(tabelle|tab\.|table)\s+\d+\s*[:.–-]/i;

// "Antragsfrist: 28.02.2027", also a table row whose key is a question ("Wie viel?: bis zu 12.000 Euro").
// Numbered ("1. Preis: 25.000 Euro", "26. Februar 2027, 12 Uhr: Einsendeschluss") only with a figure in it: "2. Re: Förderaufruf …" is a list of contents.
const KEY_VALUE = /^[^:.!?]{2,60}\??:\s+\S|^\d{1,2}\.\s+[^:.!?]{2,60}:\s+(?=[^\n]*\d[\d.,]*\s*(euro|eur|€|%|prozent|uhr))\S|^\d{1,2}\.\s+(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+\d{4}[^:]{0,30}:\s+\S/i;
const BULLET = /^\s*(?:[•·▪◦●■‣∙]|[-–*](?=\s)|\(?[a-z]\)(?=\s))\s*/;
const FUNCTION_WORD_END = /\b(und|oder|sowie|für|der|die|das|den|dem|des|von|vom|zu|zum|zur|mit|in|im|an|am|auf|aus|bei|über|unter|nach|durch|als|wie|ein|eine|einer|eines|einen|per|pro|je|bis|um|ohne|gegen|and|or|the|of|for|to|with|insbesondere|folgende)$/i;
/** "Nicht antragsberechtigt sind", "Gefördert werden" above a list: the start of a sentence its items finish, no heading ("Wer gefördert wird" is one). */
const LIST_INTRO = /^(?!(wer|was|wie|welche\w*|who|what)\b).*(berechtigt|förderfähig|zuwendungsfähig|ausgeschlossen|gefördert|beizufügen|vorzulegen|eligible)\s+(sind|ist|werden|wird|are|is)$/i;

/**
 * True when a block visibly goes on after its last line, also across a blank line and before a
 * capitalised word: it ends in a comma, a dash or a function word ("… keine Einbringung von" /
 * "Eigenmitteln."), or its last line is a long line of running text cut off by the PDF extraction
 * ("… sowie antirassistische" / "Interventions- und Beteiligungsstrategien …").
 */
/** A line that ends with a contact label ("… E-Mail:"): the address or number follows on the next line. */
const CONTACT_LABEL_END = /\b(e-?mail|telefon|tel\.|fax|mail|internet|web|adresse|anschrift):$/i;

function goesOn(text: string, lastLine: string): boolean {
  return /[,–-]$/.test(text) || CONTACT_LABEL_END.test(text) || FUNCTION_WORD_END.test(text) || (lastLine.length >= 55 && /\s\p{Ll}+$/u.test(lastLine));
}

/** True when a line, on its own, reads like a heading rather than part of a sentence. */
function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (/^#{1,6}\s/.test(t)) return true;
  // A quoted title ("Ausschreibung „Name – Untertitel 2029“") may be longer than an ordinary heading.
  const quotedTitle = /[„"“»][^„"“”»«]{3,}[“"”«]$/.test(t);
  if (t.length > (quotedTitle ? 120 : 70) || t.length < 3) return false;
  if (quotedTitle) return /^[\p{Lu}\d„"]/u.test(t);
  if (/[.,;:!?„"“(\-–]$/.test(t)) return false;
  // "Nein. Für die Interessenbekundung genügt das Formular per": a sentence ends inside, so it is prose.
  if (/\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(t)) return false;
  // "Bezirksregierung Münster, Dezernat 36, Frau Katrin": a narrow column's line of running text, not a title.
  if ((t.match(/,/g)?.length ?? 0) >= 2 || /\b\d{3,5}[ /-]\d{2,}/.test(t)) return false;
  // "Bewerbungsschluss: 15. März", "Telefon: 0511 …": a fact on one line, not a heading.
  if (KEY_VALUE.test(t)) return false;
  if (FUNCTION_WORD_END.test(t) || LIST_INTRO.test(t)) return false;
  // "3.2 Kreisangehörige Gemeinden mit weniger als 10 000": a number compared needs the unit on the next line.
  if (/\b(als|mindestens|höchstens|bis zu|über|unter|ab|von)\s+[\d.\s\u00a0]*\d$/i.test(t)) return false;
  // "§ 8 Veröffentlichung, Vertraulichkeit": a directive's paragraph title.
  return /^[\p{Lu}\d„"]|^§+\s*\d+[a-z]?\s+\p{Lu}/u.test(t);
}

/** Joins a word hyphenated across a line break; keeps the hyphen when the text elsewhere spells it so. */
function joinHyphenated(left: string, right: string, whole: string): string {
  const leftWord = left.match(/([\p{L}\d@.]+)-$/u)?.[1] ?? '';
  const rightWord = right.match(/^([\p{L}\d.]+)/u)?.[1] ?? '';
  const withHyphen = `${leftWord}-${rightWord}`.replace(/\.+$/, '');
  const keep = leftWord.length > 0 && whole.includes(withHyphen);
  return keep ? left + right : left.slice(0, -1) + right;
}

/**
 * Turns raw extracted text into blocks: drops page numbers and markup, rejoins words hyphenated
 * across line breaks (also across blank lines, as PDF extraction leaves them), rebuilds paragraphs.
 */
const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' };
const LIGATURE: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' };

/**
 * Scans and PDF copies spell umlauts as a vowel and a loose diaeresis ("fu¨r") or a combining one,
 * set "fi" and "fl" as ligatures, and read a "1" in numbering as "l" ("2.l", "l. Ziel"): read as
 * the words and numbers they are, so they can be searched and quoted.
 */
export function repairOcr(text: string): string {
  return text
    .replace(/([aouAOU])[\u00a8\u0308]/g, (_m, v: string) => UMLAUT[v])
    .replace(/\u00a8([aouAOU])/g, (_m, v: string) => UMLAUT[v])
    .normalize('NFC')
    .replace(/[ﬀﬁﬂﬃﬄﬅﬆ]/g, (l) => LIGATURE[l])
    .replace(/(?<=\d)l(?=\d)|(?<=(?:^|\s)\d{1,2}\.)l(?=\s)/g, '1')
    .replace(/^([ \t]*)l\.(?=[ \t]+\p{Lu})/gmu, '$11.');
}

export function cleanToBlocks(raw: string, kind: SourceKind): Block[] {
  let text = repairOcr(raw.replace(/\r\n?/g, '\n').replace(/\u00ad/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
  // In a web page a line break of the source is a space ("Veröffentlicht am 16.&nbsp;November⏎2026" in a Word export):
  // only tags make blocks, and preformatted text keeps its lines.
  if (kind === 'html') text = text.replace(/(<pre\b[\s\S]*?<\/pre>)|\s+/gi, (m, pre?: string) => pre ?? ' ');
  if (kind === 'html' || /<\/?(p|div|b|br|sup|span|h[1-6])\b[^>]*>/i.test(text)) text = stripHtml(text);
  if (kind === 'md' || kind === 'html') text = stripMarkdown(text);
  // A forwarded or answered e-mail quotes with "> " at each line's start: the lines, without the markers.
  if (kind === 'txt') text = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
  // A chat log ("[10:47] Frau D. (Landkreis): Kann sich …?", "[10:49] Programmteam (B. Quednau): Nein. …"): what was said, without time and speaker.
  text = text.replace(/^([ \t]*(?:[-*][ \t]+)?)\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*[^:\n]{2,60}:[ \t]*/gm, '$1');
  // Dot leaders ("1. Preis ............ 25.000 Euro", "bis 5. Februar 2027 ........ Rückfragen …"): a label and its value, each
  // line a fact of its own; a table of contents entry ("Teil I …… 6") keeps its page number for the filter below.
  text = text.replace(/^(.*?[^\s.])(?:[ \t]+(?:\.[ \t]?){3,}|(?:\.[ \t]?){5,})[ \t]*([^\s.].*)$/gm, (m, label: string, value: string) => (/^\d{1,3}$/.test(value.trim()) ? m : `${label}: ${value}\n`));
  text = plainTextTables(dropMailFooter(text));
  const whole = text.replace(/\s+/g, ' ');
  // Footer links and copyright lines, in any kind of source ("Impressum | Datenschutz | Newsletter abbestellen").
  const trimmed = text.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).map((l) => (isFooterLine(l) ? '' : l));
  // Page furniture of extracted PDFs: a header or footer line repeated on every page.
  // Counted with their numbers blanked: "Stand 9.11.2026 · Seite 2 von 3" is the same footer on every page.
  const furniture = (l: string) => l.replace(/\d+/g, '#');
  // Only lines that come back far apart, page after page: "- 1. Preis: 150.000 Euro", "- 2. Preis: 100.000 Euro" one under
  // the other are a list of the same shape, not a footer.
  const seen = new Map<string, number>();
  const lastAt = new Map<string, number>();
  trimmed.forEach((l, i) => {
    if (l.length < 8 || l.length > 100) return;
    const key = furniture(l);
    const prev = lastAt.get(key);
    lastAt.set(key, i);
    seen.set(key, prev !== undefined && i - prev <= 3 && /\p{L}/u.test(l) ? -Infinity : (seen.get(key) ?? 0) + 1);
  });
  const lines = trimmed.filter(
    (l) =>
      !/^\d{1,3}$/.test(l) &&
      !/^(\*{3,}|-{3,}|_{3,}|={3,})$/.test(l) &&
      // "-------- Weitergeleitete Nachricht --------": a mail's separator, no text.
      !/^-{4,}[^-]{0,60}-{4,}$/.test(l) &&
      !/^[-–—]\s*\d{1,3}\s*[-–—]$/.test(l) &&
      !/^(seite|page)\s+\d{1,3}(\s*(von|of|\/)\s*\d{1,3})?$/i.test(l) &&
      // A table of contents entry ("Teil I: Aktueller Stand ….. 6"): its heading comes again where the part begins.
      !/\S\s*(\.\s?){4,}\s*\d{0,3}$|\S\s*…{2,}\s*\d{0,3}$/.test(l) &&
      !(l.length >= 8 && ((seen.get(furniture(l)) ?? 0) >= 3 || ((seen.get(furniture(l)) ?? 0) >= 2 && /\b(seite|page)\s+\d|\bnr\.\s*\d+\s+vom\b/i.test(l))) && !/[.!?]$/.test(l)),
  );

  // A table extracted one cell per line ("Tabelle 2: Fristen", "Gruppe A …", "29. Januar 2027", …): its cells,
  // up to the next blank line, are one paragraph with its caption, so no cell is taken for a heading.
  for (let i = 0; i < lines.length; i++) {
    if (!TABLE_CAPTION.test(lines[i])) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '' && end - i <= 40) end++;
    if (end - i > 2) lines.splice(i, end - i, lines.slice(i, end).join(' '));
  }

  // Rejoin hyphenated words first, so heading and paragraph decisions see whole lines. A blank
  // line ('') is kept as a paragraph boundary, except inside a hyphenated word.
  const joined: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (joined.length && joined[joined.length - 1] !== '' && !/[\p{L}@.]-$/u.test(joined[joined.length - 1])) joined.push('');
      continue;
    }
    const prev = joined[joined.length - 1];
    if (prev !== undefined && /[\p{L}@.]-$/u.test(prev) && !BULLET.test(line)) {
      if (/^(und|oder|bzw\.?|sowie|als auch)\b/.test(line)) {
        // "Beratungs-\nund Hilfestellen": a suspended hyphen, not a broken word.
        joined[joined.length - 1] = `${prev} ${line}`;
        continue;
      }
      if (/^\p{Ll}/u.test(line)) {
        joined[joined.length - 1] = joinHyphenated(prev, line, whole);
        continue;
      }
      if (/^\p{Lu}/u.test(line)) {
        // "Online-\n\nFortbildungen": a real hyphen before a capitalised word — unless the text
        // elsewhere spells the word whole ("KOM-\nPASS-Stellen" where the title says "KOMPASS").
        const left = prev.match(/([\p{L}\d]+)-$/u)?.[1];
        const right = line.match(/^([\p{L}\d]+)/u)?.[1];
        const whole1 = left && right && whole.includes(left + right) && !whole.includes(`${left}-${right}`);
        joined[joined.length - 1] = whole1 ? prev.slice(0, -1) + line : prev + line;
        continue;
      }
    }
    joined.push(line);
  }

  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = () => {
    if (current && current.text.trim()) {
      current.text = current.text.replace(/\s+/g, ' ').trim();
      // "F: Muss der Antrag unterschrieben werden?" / "A: Ja. …": a question-and-answer sheet; the labels are no part of what it says.
      const labelled = current.kind === 'paragraph' && /^(F|Frage|Q)\s*:\s*\S.*\?$/.test(current.text);
      if (labelled) current.text = current.text.replace(/^(F|Frage|Q)\s*:\s*/, '');
      else if (current.kind === 'paragraph' && blocks.at(-1)?.kind === 'question' && /^(A|Antwort)\s*:\s*\S/.test(current.text)) current.text = current.text.replace(/^(A|Antwort)\s*:\s*/, '');
      if (current.kind === 'paragraph' && /\?$/.test(current.text) && current.text.length < 200) current.kind = 'question';
      blocks.push(current);
    }
    current = null;
  };
  let blankBefore = false;
  // The last line added to the current block, as the extraction broke it.
  let lastLine = '';
  for (const line of joined) {
    if (line === ROW_END) {
      flush();
      blankBefore = true;
      continue;
    }
    if (line === '') {
      blankBefore = true;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    const md = line.match(/^(#{1,6})\s+(.*)$/);
    if (md) {
      flush();
      // "### Muss die Bewerbung unterschrieben werden?", a web page's <h3> question: an FAQ entry, answered by what follows.
      const faq = md[1].length >= 2 && /\?$/.test(md[2].trim());
      blocks.push({ kind: faq ? 'question' : 'heading', text: md[2].trim() });
      continue;
    }
    if (BULLET.test(line)) {
      if (current && current.kind === 'paragraph' && looksLikeHeading(current.text)) current.kind = 'heading';
      // "(1) Gefördert werden" above its items introduces them, as a colon would say.
      else if (current && current.kind === 'paragraph' && current.text.length <= 100 && !/[.!?:;,]["“”»)]?$/.test(current.text.trim())) current.text = `${current.text.trim()}:`;
      flush();
      current = { kind: 'bullet', text: line.replace(BULLET, '') };
      lastLine = line;
      continue;
    }
    // "Folie 6 – Wer kann beantragen?": a slide's title starts a part of its own, whatever the line before it.
    if (SLIDE_TITLE.test(line)) {
      flush();
      blocks.push({ kind: 'heading', text: line });
      continue;
    }
    if (/^(https?:\/\/|www\.)\S+$/.test(line)) {
      // A bare link stands alone; it never starts or continues a sentence.
      flush();
      blocks.push({ kind: 'paragraph', text: line });
      continue;
    }
    if (current) {
      const prevText: string = current.text;
      // A semicolon at a line's end ends a list item, not a paragraph ("… für alle Beteiligten;" / "eine … Vereinbarung ist beizufügen.").
      let ended = /[.!?:]["“”»)]?$/.test(prevText) || (current.kind === 'bullet' && /;$/.test(prevText)) || (/[“"]$/.test(prevText) && /[.!?][“"]$/.test(prevText));
      // "8.1 Fragen zum Förderverfahren:" above "Bezirksregierung Münster, …": whom the questions go to follows.
      // A name alone on the next line ("Markus Feldhaus") stays a line of its own, as contact cards are read.
      if (ended && /^(\d+(\.\d+)*\s+)?(fragen|rückfragen|auskünfte|ansprechp\w*|kontakt)\b[^:]{0,80}:$/i.test(prevText) && /^\p{Lu}[^,]*,/u.test(line)) ended = false;
      // "… E-Mail:" above "buergerraete@brms.nrw.example.": the address goes on the line's entry.
      if (ended && CONTACT_LABEL_END.test(prevText) && /^\S+@\S+|^[+\d(]|^(https?:\/\/|www\.)/i.test(line)) ended = false;
      // "Jonas Weidenbach, Telefon: 0261 49283-322" / "Eine Online-Sprechstunde …": a phone number ends its line's entry.
      if (!ended && /(telefon|tel\.|fon|fax|telefax)\s*:?\s*[+\d][\d\s\/()-]{5,}$/i.test(lastLine) && /^\p{Lu}/u.test(line)) ended = true;
      // "… sagt Stiftungsvorständin Dr." / "Ulrike Pfannschmidt.": a title or short form at a line's end ends nothing.
      if (ended && /(?:^|[\s(])(dr|prof|nr|st|bzw|ca|vgl|z\.\s?b|u\.\s?a|d\.\s?h|sog|inkl|ggf|evtl|dipl|hr|fr)\.$/i.test(prevText)) ended = false;
      // A blank line before a line that starts like a new block ends the block; a lower-case start
      // after it is the same sentence broken by the extraction.
      if (!ended && afterBlank && /^[\p{Lu}\d„"(§]/u.test(line) && !goesOn(prevText, lastLine)) ended = true;
      // Rows of a table or a fact list ("Antragsfrist: 28.02.2027") stand one per block.
      if (!ended && KEY_VALUE.test(prevText) && KEY_VALUE.test(line)) ended = true;
      // A list item without a full stop ends at a capitalised line, unless it visibly goes on.
      if (!ended && current.kind === 'bullet' && /^[\p{Lu}\d]/u.test(line) && !goesOn(prevText, lastLine)) ended = true;
      // "§ 8 Veröffentlichung" above "(1) Die Behörde veröffentlicht …": the title of the numbered paragraphs below it.
      const prevHeading = current.kind === 'paragraph' && looksLikeHeading(prevText) && (/^[\p{Lu}\d„"]/u.test(line) || (/^§/.test(prevText) && /^\(\d+\)/.test(line)));
      if (!ended && !prevHeading) {
        current.text = `${prevText} ${line}`;
        lastLine = line;
        continue;
      }
      if (prevHeading) current.kind = 'heading';
      flush();
    }
    current = { kind: 'paragraph', text: line };
    lastLine = line;
  }
  flush();
  if (blocks.length && blocks[blocks.length - 1].kind === 'paragraph' && looksLikeHeading(blocks[blocks.length - 1].text)) {
    blocks[blocks.length - 1].kind = 'heading';
  }
  return withoutOtherNews(blocks);
}

/** A slide's number and title, as a presentation exported to text gives it ("Folie 6 – Wer kann beantragen?", "Slide 3: Timeline"). */
const SLIDE_TITLE = /^(folie|slide)\s+\d{1,3}\s*[–—:-]\s*\S.{0,100}$/i;

/** The heading of a list of links to a site's other news ("Weitere Meldungen", "Mehr zum Thema"). */
const OTHER_NEWS = /^(weitere|aktuelle|ältere|neueste|verwandte)\s+(meldungen|nachrichten|pressemitteilungen|artikel|beiträge|news|themen)|^(mehr zum thema|das könnte sie auch interessieren|auch interessant|ähnliche (artikel|meldungen|beiträge)|related (articles|news|stories)|more news|further news)\b/i;

/**
 * A news page lists the site's other news under its article, each with a date and often a deadline
 * of its own ("PM 122/2026: Sportstättenförderung – Anträge bis 15. März 2027"): not part of the call.
 * The list ends at the next heading.
 */
function withoutOtherNews(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let skipping = false;
  for (const b of blocks) {
    if (b.kind === 'heading') skipping = OTHER_NEWS.test(b.text.trim());
    if (!skipping) out.push(b);
  }
  return out;
}

/** The cleaned text that quotes are checked against: blocks separated by blank lines. */
export function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Whitespace- and quote-style-insensitive form used to compare quotes with cleaned text. */
export function normalizeForQuote(s: string): string {
  return s
    .replace(/[„“”»«]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
