import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { blocksToText, cleanToBlocks, stripHtml, type Block, type SourceKind } from './cleanText.js';

/** One source file after clean-up. */
export interface SourceDocument {
  id: string;
  file: string;
  kind: SourceKind;
  /** sha256 of the raw file: the manifest's change detector. */
  hash: string;
  /** Date of the file's last change (YYYY-MM-DD), shown with citations. */
  modified: string;
  title: string;
  blocks: Block[];
  text: string;
}

const KINDS: Record<string, SourceKind> = { '.txt': 'txt', '.md': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

/** A stable, readable id from a file name: "komma-informationsschreiben-2023.txt" → "komma-informationsschreiben-2023". */
export function docIdFromFile(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'quelle';
}

/** Lists the ingestible files of a folder, sorted for a stable index. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && KINDS[extname(e.name).toLowerCase()] && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function extractPdf(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  // Pages joined by blank lines: the clean-up treats page ends like paragraph breaks.
  return (Array.isArray(text) ? text : [text]).join('\n\n');
}

const NOISE_TITLE = /^(zum inhalt springen|sie befinden sich hier:?|inhalt|seite \d+|vom \d{1,2}\.\s*\p{L}+\s+\d{4}|vom \d{1,2}\.\s*\d{1,2}\.\s*\d{4})$/iu;

/** Words a call's title tends to carry. */
const CALL_WORD = /\b(ausschreibung|aufruf|förderaufruf|projektaufruf|wettbewerb|ideenwettbewerb|förderprogramm|programm|richtlinie|förderrichtlinie|förderlinie|förderrunde|interessenbekundung|benchmarking|modellprojekt|modellvorhaben|call)\b|[\p{L}](richtlinie|programm|aufruf|wettbewerb|vorhaben)\b/iu;
/** A programme introduced in running text: "Mit dem Programm »Zukunftsorte Ehrenamt« unterstützt …". */
const INTRODUCED = /(?<![\p{L}])(programm|förderprogramm|landesprogramm|bundesprogramm|programme|federal programme|aufruf|förderaufruf|projektaufruf|richtlinie|förderrichtlinie|ausschreibung|wettbewerb|modellvorhaben|modellprojekt|initiative|förderlinie)\s*:?\s+[„"»]([^„"“”»«]{3,100})[“"”«]/giu;
/** An item that invites applications now, not a preview or report of another programme. */
const OPEN_CALL_WORD = /^(aufruf|förderaufruf|projektaufruf|ausschreibung|wettbewerb)$/i;
const NOT_THE_CALL = /vorschau|rückblick|bericht|umfrage|fachtag|termine|in eigener sache|ausblick/i;
/** "Ministerin Kettering: „Zusammenhalt braucht Orte“": someone's words as a headline. */
const PERSON_QUOTED = /^[^„"»:]{0,60}\b(minister\w*|staatssekretär\w*|präsident\w*|bürgermeister\w*|landrat|landrätin|direktor\w*|vorsitzende\w*|vorständin|vorstand|beauftragte\w*|sprecher\w*)\b[^„"»:]{0,40}:\s*[„"»]/i;
/** "Referat 23 „Teilhabe und Staatsangehörigkeit“": the name of a unit of an authority, not of the call. */
const ORG_UNIT_QUOTED = /\b(referat|abteilung|sachgebiet|fachbereich|fachdienst|dezernat|stabsstelle|arbeitsgruppe|geschäftsstelle|servicestelle|amt)\s*[\dIVX.]*\s*[„"»“]/i;
/** Lines about the publisher or the version, which open many calls but do not name them. */
const PUBLISHER_LINE = /^(bekanntmachung (des|der)|herausgegeben|herausgeber|stand\b|az\.|aktenzeichen|ein programm (des|der)|eine initiative|im auftrag|veröffentlicht)/i;

/**
 * The call's title: near the top, the line that names it (a quoted name, or a call word such as
 * "Aufruf", "Richtlinie", "Förderprogramm"), not the publisher line above it; else the first short block.
 */
function titleOf(blocks: Block[], id: string): string {
  // A letter or circular names its matter in the subject line, below a letterhead of many lines.
  const subject = blocks.slice(0, 40).find((b) => /^(betreff|betrifft|subject)\s*:\s*\S/i.test(b.text) && b.text.length <= 240);
  if (subject) return subject.text.replace(/^(betreff|betrifft|subject)\s*:\s*/i, '').replace(/^((aw|wg|re|fwd?)\s*:\s*)+/i, '').replace(/\s+/g, ' ').slice(0, 160);
  // A letter without "Betreff:" puts its subject right above the salutation, below the letterhead.
  // Of two subject lines ("Förderrunde 2027 des Programms „VIFF – …“" over "Aufruf zur Bewerbung als Modellkommune"), the one that quotes the name.
  const salutation = blocks.slice(0, 25).findIndex((b) => /^(sehr geehrte|liebe |dear )/i.test(b.text));
  const subjectLines = salutation > 0 ? blocks.slice(Math.max(0, salutation - 2), salutation).map((b) => b.text).filter((x) => x.length <= 240 && CALL_WORD.test(x) && !/[.:;]$/.test(x)) : [];
  const above = subjectLines.find((x) => /[„"“»][^„"“”»«]{3,}[“"”«]/.test(x)) ?? (salutation > 0 && subjectLines.includes(blocks[salutation - 1].text) ? blocks[salutation - 1].text : undefined);
  if (above) return above.replace(/\s+/g, ' ').slice(0, 160);
  // Titles do not end like sentences or list intros ("… folgende Kriterien erfüllen:").
  // A press release's second headline quotes a person ("Ministerin Kettering: „…“"): a quote, not the call's name.
  const top = blocks.slice(0, 8).filter((b) => b.text.length <= 200 && !NOISE_TITLE.test(b.text) && !PUBLISHER_LINE.test(b.text) && !/[.:;]$/.test(b.text) && !PERSON_QUOTED.test(b.text));
  const quoted = /[„"“»][^„"“”»«]{3,}[“"”«]/;
  // "Dazugehören 2027" on the title slide, "Förderaufruf „Dazugehören 2027“" further down: the name is that line.
  const introduced = introducedName(blocks);
  const introducedAs = introduced?.match(/„(.+)“$/)?.[1];
  if (introduced && introducedAs && top.some((b) => b.text === introducedAs)) return introduced;
  // "Talenthafen – Kommunen heißen … willkommen" over "Aufruf zur zweiten Förderrunde 2027": the line the name opens is the title.
  const opened = introducedAs ? top.find((b) => b.text.startsWith(introducedAs) && /^\s*([–—:-]\s|$)/.test(b.text.slice(introducedAs.length))) : undefined;
  if (opened) return opened.text.replace(/\s+/g, ' ').slice(0, 160);
  const named =
    top.find((b) => quoted.test(b.text) && !ORG_UNIT_QUOTED.test(b.text) && (CALL_WORD.test(b.text) || b.kind === 'heading')) ??
    top.find((b) => CALL_WORD.test(b.text) && (b.kind === 'heading' || b.text.length <= 160));
  // "Richtlinie des Ministeriums … über die Förderung … (Sprachmittlungsrichtlinie – SprachMiRL)": the name in its brackets.
  const formal = !named && blocks.slice(0, 8).find((b) => /^(förder)?richtlinie|^verwaltungsvorschrift|^bekanntmachung/i.test(b.text) && b.text.length <= 400)?.text.match(/\(([^()]{4,80})\)\s*$/)?.[1];
  if (formal && /\p{Lu}/u.test(formal)) return formal.trim();
  // An e-mail's subject line names the call: without "Betreff:", "AW:", "WG:".
  if (named) return named.text.replace(/^((betreff|subject|aw|wg|re|fwd?)\s*:\s*)+/i, '').replace(/\s+/g, ' ').slice(0, 160);
  // A newsletter or page that introduces the programme further down: its name there.
  if (introduced) return introduced;
  const first = blocks.find((b) => (b.kind === 'heading' || b.text.length <= 120) && !NOISE_TITLE.test(b.text));
  return first ? first.text.replace(/\s+/g, ' ').slice(0, 160) : id;
}

/** A web page names itself in its first <h1>, else in <title>; site navigation around it is no title. */
function htmlTitle(html: string): string | undefined {
  for (const re of [/<h1\b[^>]*>([\s\S]*?)<\/h1>/i, /<title\b[^>]*>([\s\S]*?)<\/title>/i]) {
    const inner = html.match(re)?.[1];
    const text = inner ? stripHtml(inner).replace(/^[#\s]+/, '').replace(/\s+/g, ' ').trim() : '';
    if (text.length >= 4) return text.slice(0, 160);
  }
  return undefined;
}

/** A Markdown page names itself in its first level-1 heading ("# Landfunken 2027 – …"). */
function markdownTitle(md: string): string | undefined {
  const m = md.match(/^#[ \t]+(.+)$/m);
  // "# Stimme im Dorf 2027 { #top }": an attribute list of the site generator is no part of the name.
  const text = m ? m[1].replace(/\s*\{\s*[:#.][^}]*\}\s*$/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#]+/g, '').replace(/\s+/g, ' ').trim() : '';
  return text.length >= 4 ? text.slice(0, 160) : undefined;
}

/**
 * A page's own heading names the call, unless the page is a newsletter or news item whose heading
 * names the newsletter: then the programme it introduces ("Mit dem Programm „Streitpunkt Kommune …“").
 */
function pageTitle(heading: string | undefined, blocks: Block[]): string | undefined {
  // "# Interreg … Small Project Fund" over "## Call for Proposals No. 3 (2027): "Welcoming Neighbours – …"": the call is the one named below.
  if (heading && !/[„"“»]/.test(heading) && !PERIODICAL.test(heading)) {
    const sub = blocks.slice(0, 6).find((b) => b.kind === 'heading' && b.text !== heading && b.text.length <= 200 && CALL_WORD.test(b.text) && /[„"“»][^„"“”»«]{3,}[“"”«]/.test(b.text));
    if (sub) return sub.text.replace(/\s+/g, ' ').slice(0, 160);
  }
  if (!heading || !PERIODICAL.test(heading)) return heading;
  return introducedName(blocks) ?? heading;
}

/** Headings of a newsletter, news page or bulletin, which name the publication, not the call. */
const PERIODICAL = /newsletter|ausgabe \d|rundbrief|infobrief|nachrichten|aktuelles|mitteilungen|magazin|pressemitteilung|news\b/i;

/** The programme a text introduces in running text, as "Programm „Name“". */
export function introducedName(blocks: Block[]): string | undefined {
  // A newsletter introduces several things: the item that calls for applications, before previews and reports.
  let best: { name: string; score: number } | undefined;
  for (const [i, b] of blocks.slice(0, 40).entries()) {
    for (const m of b.text.matchAll(INTRODUCED)) {
      const score = (OPEN_CALL_WORD.test(m[1]) ? 2 : 0) - (NOT_THE_CALL.test(b.text) ? 3 : 0) - i / 100;
      if (!best || score > best.score) best = { name: `${m[1][0].toUpperCase()}${m[1].slice(1)} „${m[2].trim()}“`, score };
    }
  }
  return best?.name;
}

/** A notice's signature or its gazette reference: "Im Auftrag", "– MBl. NRW. 2026 S. 1127". */
const NOTICE_END = /^(im auftrag|gez\.|i\. ?a\.)(\s|$)|^[–-]\s*(mbl|gvbl|amtsbl|stanz|staatsanz|bayministbl|nds\. ?mbl|abl)\b.{0,30}\b\d{4}\b.{0,10}\bs\.\s*\d+/i;
/** The head of another notice printed after it in the same gazette. */
const NOTICE_START = /^(gl\.-nr\.|änderung (der|des)\b|richtlinie(n)? (über|zur|für)\b|runderlass\b|bekanntmachung\b|erlass\b|verordnung\b)/i;

/**
 * A gazette page may print another notice after the call's signature ("Im Auftrag … – MBl. NRW.
 * 2026 S. 1127", then "Änderung der Richtlinien über …"): that one is not the call's, and its
 * deadline must never be taken for the call's. The blocks up to the signature, when another notice follows.
 */
function firstNotice(blocks: Block[]): Block[] {
  for (let i = 5; i < blocks.length; i++) {
    if (!NOTICE_END.test(blocks[i].text)) continue;
    const next = blocks.slice(i + 1, i + 8).findIndex((b) => NOTICE_START.test(b.text));
    if (next >= 0) return blocks.slice(0, i + 1);
  }
  return blocks;
}

/** The head of a gazette issue ("Amtsblatt des Landkreises …", "Amtliche Bekanntmachungen"). */
const GAZETTE = /\b(amtsblatt|amtlicher anzeiger|amtliche bekanntmachungen|amtliche mitteilungen|mitteilungsblatt|kreisblatt|staatsanzeiger|ministerialblatt)\b/i;
/** A notice's number and heading in an issue: "3. Förderaufruf Kreisfonds …". */
const NUMBERED_NOTICE = /^(\d{1,2})\.\s+(?=\p{Lu})/u;
/** Words only a funding call uses. */
const FUNDING_TERM = /förder|zuschuss|zuschüsse|zuwendung|antragsberechtigt|eigenanteil/gi;

/**
 * An issue of a gazette prints the call among notices on other matters (a road closure, a fee statute, a tender),
 * each with dates, amounts and addresses of its own: a tender's "Angebotsfrist" must never become the call's
 * deadline. When the issue's notices are numbered (1., 2., 3., …) and only one of them speaks of funding, that
 * notice is the text, headed by its own title.
 */
function fundingNoticeOfIssue(blocks: Block[]): Block[] {
  if (!blocks.slice(0, 3).some((b) => GAZETTE.test(b.text))) return blocks;
  const starts: number[] = [];
  for (const [i, b] of blocks.entries()) {
    const n = Number(b.text.match(NUMBERED_NOTICE)?.[1]);
    if (n === starts.length + 1) starts.push(i);
  }
  if (starts.length < 3) return blocks;
  const notices = starts.map((from, k) => blocks.slice(from, starts[k + 1] ?? blocks.length));
  const scores = notices.map((n) => n.reduce((sum, b) => sum + (b.text.match(FUNDING_TERM)?.length ?? 0), 0));
  const best = scores.indexOf(Math.max(...scores));
  // Another notice on funding, or numbered sections of one guideline, keep the whole text.
  if (scores[best] < 3 || scores.some((x, k) => k !== best && x > 1)) return blocks;
  const [head, ...rest] = notices[best];
  return [{ ...head, kind: 'heading', text: head.text.replace(NUMBERED_NOTICE, '') }, ...rest];
}

/** Reads, extracts and cleans one source file. */
export async function readSourceDocument(dir: string, file: string): Promise<SourceDocument> {
  const path = join(dir, file);
  const bytes = await readFile(path);
  const kind = KINDS[extname(file).toLowerCase()];
  const raw = kind === 'pdf' ? await extractPdf(new Uint8Array(bytes)) : bytes.toString('utf8');
  const blocks = fundingNoticeOfIssue(firstNotice(cleanToBlocks(raw, kind)));
  const id = docIdFromFile(file);
  const info = await stat(path);
  return {
    id,
    file,
    kind,
    hash: createHash('sha256').update(bytes).digest('hex'),
    modified: info.mtime.toISOString().slice(0, 10),
    title: pageTitle(kind === 'html' ? htmlTitle(raw) : kind === 'md' ? markdownTitle(raw) : undefined, blocks) ?? titleOf(blocks, id),
    blocks,
    text: blocksToText(blocks),
  };
}
