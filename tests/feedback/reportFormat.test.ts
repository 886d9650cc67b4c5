import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopQuestion } from '../../src/feedback/feedbackStore.js';
import { displayWidth, formatCsv, formatMarkdown, formatTable, truncate } from '../../src/feedback/reportFormat.js';
import { SqliteFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.js';
import { parseCsv } from './csv.js';

const now = new Date('2026-11-21T12:00:00Z');
const since = new Date('2026-11-14T12:00:00Z');
const at = (h: number) => new Date(now.getTime() - h * 3_600_000);
let rows: TopQuestion[];

beforeAll(async () => {
  const db = new Database(':memory:');
  const store = new SqliteFeedbackStore(db);
  await store.recordUnanswered({ at: at(5), programId: 'komma', question: 'Gibt es Reisekosten, "Fahrtkosten" oder | Pauschalen?', answer: 'Dazu finde ich in den Unterlagen zu KommA keine gesicherte Information – ich möchte nicht raten.' });
  await store.recordUnanswered({ at: at(4), programId: 'komma', question: 'Gibt es Reisekosten, Fahrtkosten oder Pauschalen', answer: 'Dazu finde ich in den Unterlagen zu KommA keine gesicherte Information – ich möchte nicht raten.' });
  const id = await store.recordFeedback({ at: at(3), programId: 'komma', question: 'Bis wann läuft KommA?', answer: 'Die Bewerbungsfrist für KommA endete am 28.02.2023.', kind: 'down' });
  await store.addComment(id, 'Es gibt eine neue Runde, oder?');
  await store.recordFeedback({ at: at(2), programId: 'komma', question: 'Bis wann läuft KommA?', answer: 'Die Bewerbungsfrist für KommA endete am 28.02.2023.', kind: 'up' });
  await store.recordUnanswered({ at: at(1), programId: null, question: '=HYPERLINK("http://evil")', answer: 'Dazu finde ich nichts.' });
  await store.recordUnanswered({ at: at(1), programId: 'wir-hessen', question: 'Zählt <b>Eigenleistung</b>\\? 😀', answer: '' });
  rows = await store.topQuestions({ since });
  db.close();
});

describe('the terminal table', () => {
  it('lists programme, question, counts and the shortened last answer in aligned columns', () => {
    const text = formatTable(rows, { generatedAt: now, since });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('Förderlotse – Fragen, bei denen der Bot nicht helfen konnte (2026-11-14 bis 2026-11-21)');
    expect(lines[2]).toMatch(/^Programm\s+Frage\s+unbeantwortet\s+👎\s+👍\s+letzte Antwort$/);
    const body = lines.slice(4);
    expect(body).toHaveLength(4);
    expect(body[0]).toMatch(/^komma\s+Gibt es Reisekosten, Fahrtkosten oder Pauschalen\s+2\s+0\s+0\s+Dazu finde ich in den Unterlagen zu KommA keine…$/);
    expect(body[1]).toMatch(/^komma\s+Bis wann läuft KommA\?\s+0\s+1\s+1\s+Die Bewerbungsfrist für KommA endete am/);
    expect(body[2]).toMatch(/^wir-hessen\s+Zählt <b>Eigenleistung<\/b>\\\? 😀\s+1\s+0\s+0\s+–$/);
    expect(body[3]).toMatch(/^\(ohne Programm\)\s+=HYPERLINK/);
    // The last column starts at the same terminal column in every line (emoji count two).
    const header = lines[2]!;
    const answerColumn = displayWidth(header.slice(0, header.indexOf('letzte Antwort')));
    for (const line of body) {
      const cut = [...line];
      let w = 0;
      let i = 0;
      while (w < answerColumn) w += displayWidth(cut[i++]!);
      expect(cut[i - 1]).toBe(' ');
      expect(cut[i]).not.toBe(' ');
    }
  });

  it('says so when there is nothing to report', () => {
    expect(formatTable([], { generatedAt: now })).toBe('Förderlotse – Fragen, bei denen der Bot nicht helfen konnte (alles bis 2026-11-21)\n\nKeine unbeantworteten oder negativ bewerteten Fragen in diesem Zeitraum.\n');
  });

  it('never passes terminal escape sequences through', () => {
    const evil: TopQuestion = { programId: 'komma', question: 'Frage\u001b[2J\u001b]0;pwn\u0007 \u202eevil', unanswered: 1, down: 0, up: 0, lastAnswer: '', lastAt: now, comments: [] };
    expect(formatTable([evil], { generatedAt: now })).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});

describe('the CSV export', () => {
  it('parses back to the same rows (RFC 4180) with full texts', () => {
    const csv = formatCsv(rows);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(['Programm', 'Frage', 'unbeantwortet', 'nicht hilfreich', 'hilfreich', 'letzte Antwort', 'Kommentare', 'zuletzt']);
    expect(parsed).toHaveLength(5);
    expect(parsed[1]).toEqual(['komma', 'Gibt es Reisekosten, Fahrtkosten oder Pauschalen', '2', '0', '0', 'Dazu finde ich in den Unterlagen zu KommA keine gesicherte Information – ich möchte nicht raten.', '', at(4).toISOString()]);
    expect(parsed[2]).toEqual(['komma', 'Bis wann läuft KommA?', '0', '1', '1', 'Die Bewerbungsfrist für KommA endete am 28.02.2023.', 'Es gibt eine neue Runde, oder?', at(2).toISOString()]);
    expect(parsed[4]![0]).toBe('(ohne Programm)');
  });

  it('quotes fields with commas and quotes and defuses spreadsheet formulas', () => {
    const csv = formatCsv([{ programId: 'komma', question: 'Eins, "zwei"', unanswered: 1, down: 0, up: 0, lastAnswer: '=1+1', lastAt: now, comments: ['@SUM(A1)'] }]);
    expect(csv.split('\r\n')[1]).toBe(`komma,"Eins, ""zwei""",1,0,0,'=1+1,'@SUM(A1),${now.toISOString()}`);
    expect(parseCsv(csv)[1]![1]).toBe('Eins, "zwei"');
    expect(parseCsv(formatCsv(rows))[4]![1]).toBe(`'=HYPERLINK("http://evil")`);
  });
});

describe('the Markdown export', () => {
  it('is one table with escaped pipes and no raw HTML', () => {
    const md = formatMarkdown(rows, { generatedAt: now, since, programId: undefined });
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('## Förderlotse – offene Fragen (2026-11-14 bis 2026-11-21)');
    expect(lines[2]).toBe('| Programm | Frage | unbeantwortet | 👎 | 👍 | letzte Antwort | Kommentare |');
    expect(lines[3]).toBe('|---|---|---:|---:|---:|---|---|');
    expect(lines).toHaveLength(8);
    expect(lines[5]).toBe('| komma | Bis wann läuft KommA? | 0 | 1 | 1 | Die Bewerbungsfrist für KommA endete am 28.02.2023. | Es gibt eine neue Runde, oder? |');
    expect(lines[6]).toBe('| wir-hessen | Zählt &lt;b&gt;Eigenleistung&lt;/b&gt;\\\\? 😀 | 1 | 0 | 0 | – | – |');
    // Unescaped pipes split cells: every row has exactly the header's 8 separators.
    for (const line of lines.slice(2)) expect(line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|')).toHaveLength(9);
  });

  it('escapes a pipe inside a question', () => {
    const md = formatMarkdown([{ programId: 'komma', question: 'A | B', unanswered: 1, down: 0, up: 0, lastAnswer: 'x', lastAt: now, comments: [] }], { generatedAt: now });
    expect(md).toContain('| komma | A \\| B | 1 | 0 | 0 | x | – |');
  });
});

describe('truncate', () => {
  it.each([
    ['kurz', 10, 'kurz'],
    ['genau zehn', 10, 'genau zehn'],
    ['etwas zu lang', 10, 'etwas zu…'],
    ['😀😀😀😀😀😀', 7, '😀😀😀…'],
  ])('%j to %i columns → %j', (text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });
});
