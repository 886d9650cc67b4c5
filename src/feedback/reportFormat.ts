import type { TopQuestion } from './feedbackStore.js';

export const REPORT_FORMATS = ['table', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportMeta {
  generatedAt: Date;
  /** Start of the period; undefined = everything recorded. */
  since?: Date;
  /** The programme filter, if any. */
  programId?: string;
}

const NO_PROGRAM = '(ohne Programm)';
const TABLE_TEXT_WIDTH = 48;
const segmenter = new Intl.Segmenter('de', { granularity: 'grapheme' });

// Control characters and bidi overrides from user text must not reach a terminal or a mail client.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** User text made safe to print: control, escape and bidi characters removed, one line. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/** Columns a string takes in a terminal: emoji and East Asian wide characters count two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

function graphemeWidth(g: string): number {
  if (/\p{Extended_Pictographic}/u.test(g) || /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(g)) return 2;
  return /^[\p{M}\u200d\ufe0f]*$/u.test(g) ? 0 : 1;
}

/** Cuts a string to at most `width` columns, ending in "…" when it was longer. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const { segment } of segmenter.segment(text)) {
    const gw = graphemeWidth(segment);
    if (w + gw > width - 1) break;
    out += segment;
    w += gw;
  }
  return `${out.trimEnd()}…`;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function programLabel(q: TopQuestion): string {
  return q.programId ?? NO_PROGRAM;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function period(meta: ReportMeta): string {
  const range = meta.since ? `${day(meta.since)} bis ${day(meta.generatedAt)}` : `alles bis ${day(meta.generatedAt)}`;
  return meta.programId ? `${range}, Programm ${meta.programId}` : range;
}

const EMPTY = 'Keine unbeantworteten oder negativ bewerteten Fragen in diesem Zeitraum.';

/** Aligned columns for the terminal: Programm, Frage, unbeantwortet, 👎, 👍, letzte Antwort (gekürzt). */
export function formatTable(rows: TopQuestion[], meta: ReportMeta): string {
  const title = `Förderlotse – Fragen, bei denen der Bot nicht helfen konnte (${period(meta)})`;
  if (!rows.length) return `${title}\n\n${EMPTY}\n`;
  const header = ['Programm', 'Frage', 'unbeantwortet', '👎', '👍', 'letzte Antwort'];
  const numeric = [false, false, true, true, true, false];
  const body = rows.map((q) => [
    sanitizeText(programLabel(q)),
    truncate(sanitizeText(q.question), TABLE_TEXT_WIDTH),
    String(q.unanswered),
    String(q.down),
    String(q.up),
    truncate(sanitizeText(q.lastAnswer) || '–', TABLE_TEXT_WIDTH),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, numeric[i]!)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return `${title}\n\n${[line(header), rule, ...body.map(line)].join('\n')}\n`;
}

function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let v = sanitizeText(value);
  // A cell starting like a formula would run in a spreadsheet (CSV injection); a leading ' keeps it text.
  if (/^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV (CRLF, quoted where needed), full texts, for a spreadsheet or a weekly mail. */
export function formatCsv(rows: TopQuestion[]): string {
  const header = ['Programm', 'Frage', 'unbeantwortet', 'nicht hilfreich', 'hilfreich', 'letzte Antwort', 'Kommentare', 'zuletzt'];
  const lines = [header.map(csvCell).join(',')];
  for (const q of rows) {
    lines.push(
      [programLabel(q), q.question, q.unanswered, q.down, q.up, q.lastAnswer, q.comments.join(' | '), q.lastAt.toISOString()].map(csvCell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Escapes a cell for a Markdown table: pipes, backslashes, and HTML a mail client could render. */
export function mdCell(text: string): string {
  return sanitizeText(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Markdown table per report, for the weekly mail. */
export function formatMarkdown(rows: TopQuestion[], meta: ReportMeta): string {
  const out = [`## Förderlotse – offene Fragen (${period(meta)})`, ''];
  if (!rows.length) return `${[...out, EMPTY].join('\n')}\n`;
  out.push('| Programm | Frage | unbeantwortet | 👎 | 👍 | letzte Antwort | Kommentare |', '|---|---|---:|---:|---:|---|---|');
  for (const q of rows) {
    const cells = [programLabel(q), q.question, String(q.unanswered), String(q.down), String(q.up), truncate(sanitizeText(q.lastAnswer), 200) || '–', q.comments.join(' / ') || '–'];
    out.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** The report in the requested format. */
export function formatReport(rows: TopQuestion[], format: ReportFormat, meta: ReportMeta): string {
  if (format === 'csv') return formatCsv(rows);
  if (format === 'md') return formatMarkdown(rows, meta);
  return formatTable(rows, meta);
}
