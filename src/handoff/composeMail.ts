import { z } from 'zod';
import type { OutgoingMail } from './mailTransport.js';
import type { HandoffCase } from './outboxStore.js';

/** Settings for composeMail; `from` is the sender address, e.g. HANDOFF_FROM_EMAIL. */
export interface ComposeOptions {
  from: string;
  /** Time zone for the times in the mail; the recipients read German local time. */
  timeZone?: string;
  /** How many of the latest transcript turns to include. */
  maxTurns?: number;
}

const SENDER_NAME = 'Förderlotse';
const MAX_TURN_CHARS = 1500;
const MAX_QUOTE_CHARS = 800;
const email = z.email();

/** Builds the plain-text German mail a programme's project lead receives for one case. */
export function composeMail(c: HandoffCase, options: ComposeOptions): OutgoingMail {
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const maxTurns = options.maxTurns ?? 12;
  const program = c.programName ? oneLine(c.programName) : null;
  const created = formatDateTime(c.createdAt, timeZone);

  const overview = table([
    ['Referenz', c.reference],
    ['Programm', program ?? 'nicht zugeordnet'],
    ['Eingegangen', created ? `${created.date}, ${created.time} Uhr` : c.createdAt],
    ['Chat-Sprache', c.locale === 'en' ? 'Englisch' : 'Deutsch'],
  ]);

  const replyTo = c.replyTo && email.safeParse(c.replyTo.trim()).success ? c.replyTo.trim() : null;
  const turns = c.transcript.slice(-maxTurns);
  const omitted = c.transcript.length - turns.length;

  const body = [
    `Neue Anfrage über den Förderlotsen${program ? ` zum Programm ${program}` : ''}`,
    '',
    overview,
    '',
    section('Frage (in den Worten des Nutzers)', [clean(c.question).trim() || '(leer)']),
    section('Antwortadresse', [
      replyTo ? `${replyTo} (als Reply-To gesetzt: „Antworten“ geht direkt an diese Adresse)` : 'keine Antwortadresse angegeben',
    ]),
    section('Profil', [profileLines(c.profile)]),
    section(omitted > 0 ? `Gesprächsverlauf (letzte ${turns.length} von ${c.transcript.length} Nachrichten)` : 'Gesprächsverlauf', [
      turns.length ? turns.map((t) => turnLines(t, created?.date ?? null, timeZone)).join('\n') : 'kein Gesprächsverlauf übermittelt',
    ]),
    section('Vom Förderlotsen angebotene Quellen', [citationLines(c.citations)]),
    '-- ',
    'Diese Nachricht hat der Förderlotse automatisch erstellt und versendet.',
    `Referenz: ${c.reference}`,
    '',
  ].join('\n');

  const headers: Record<string, string> = {
    // Stable per reference, so a repeated delivery of the same case is recognisable as a duplicate.
    'Message-ID': `<${c.reference}.handoff@${domainOf(options.from)}>`,
    'X-Foerderlotse-Reference': c.reference,
    // RFC 3834: keeps vacation auto-replies from answering the bot.
    'Auto-Submitted': 'auto-generated',
  };
  if (c.programId) headers['X-Foerderlotse-Program'] = oneLine(c.programId);

  return {
    to: c.recipient,
    from: /</.test(options.from) ? options.from : `"${SENDER_NAME}" <${options.from}>`,
    ...(replyTo ? { replyTo } : {}),
    subject: `[${SENDER_NAME}] ${program ? truncate(program, 80) : 'ohne Programmzuordnung'} – Anfrage ${c.reference}`,
    text: body,
    headers,
  };
}

function section(title: string, lines: string[]): string {
  return [title.toUpperCase(), '-'.repeat(title.length), ...lines, ''].join('\n');
}

function table(rows: [string, string][], indent = ''): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${`${k}:`.padEnd(width + 2)} ${v}`).join('\n');
}

function profileLines(profile: Record<string, string> | null): string {
  const rows = Object.entries(profile ?? {})
    .map(([k, v]) => [oneLine(k), oneLine(v)] as [string, string])
    .filter(([k, v]) => k && v);
  return rows.length ? table(rows) : 'kein Profil angegeben';
}

function turnLines(turn: HandoffCase['transcript'][number], caseDate: string | null, timeZone: string): string {
  const at = formatDateTime(turn.at, timeZone);
  const when = at ? (at.date === caseDate ? at.time : `${at.date} ${at.time}`) : '?';
  const label = `[${when}] ${(turn.from === 'user' ? 'Nutzer:' : 'Förderlotse:').padEnd(12)} `;
  const lines = truncate(clean(turn.text).trim(), MAX_TURN_CHARS).split('\n');
  // Continuation lines line up under the text so turns stay easy to tell apart.
  return lines.map((line, i) => (i === 0 ? label : ' '.repeat(label.length)) + line).join('\n');
}

function citationLines(citations: HandoffCase['citations']): string {
  if (!citations.length) return 'keine Quellen angeboten';
  return citations
    .map((cit, i) => {
      const quote = truncate(clean(cit.quote).trim(), MAX_QUOTE_CHARS).split('\n').join('\n     ');
      const lines = [`[${i + 1}] ${oneLine(cit.title)}`, `    „${quote}“`];
      if (cit.url) lines.push(`    ${oneLine(cit.url)}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function formatDateTime(iso: string, timeZone: string): { date: string; time: string } | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('de-DE', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.day}.${parts.month}.${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'foerderlotse.invalid';
}

// Control characters and bidi overrides can hide or reorder text in a mail client; line breaks stay.
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
}

function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut an emoji or other astral character in half.
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
