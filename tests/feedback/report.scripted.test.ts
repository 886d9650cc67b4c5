import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { SqliteFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.js';
import { runReport } from '../../src/feedback/reportCommand.js';
import { createTurnRecorder } from '../../src/feedback/turnRecorder.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { parseCsv } from './csv.js';
import { realAnswerer } from './scriptedSupport.js';

/** A user's message, and optionally the vote (and one-line comment) on the reply. */
interface Step {
  say: string;
  vote?: 'up' | 'down';
  comment?: string;
  /** Days before "now" the message was sent. Default 1. */
  daysAgo?: number;
}

const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

// Each inner array is one conversation; the programme carries over between its messages, as in the bot.
const conversations: Step[][] = [
  [{ say: 'Gibt es bei KommA eine Reisekostenpauschale?' }, { say: 'Hallo' }],
  [{ say: 'gibt es bei komma eine reisekostenpauschale' }],
  [{ say: 'Mein Name ist Eva Meier (eva.meier@kassel.de). Kann man bei KommA Hunde mitbringen?' }],
  [{ say: 'Wer ist Ansprechpartner für KommA?', vote: 'down', comment: 'Die Telefonnummer fehlt – ich bin Jan Berg, 0171 2345678' }],
  [{ say: 'Wer ist Ansprechpartner für KommA?', vote: 'up' }],
  [{ say: 'Ich bin Anna Schmidt, Tel. 0561 1234567. Kann man bei WIR Hessen Personalkosten für Dolmetscher abrechnen?' }],
  [{ say: 'Gibt es Parkplätze beim Auftakttreffen?' }],
  [{ say: 'Gibt es für KommA eine Kinderbetreuung?', daysAgo: 10 }],
];

let dir: string;
let dataDir: string;
let answerer: Answerer;

/** Runs the conversations through the real answerer and records what the bot's wiring would record. */
async function play(): Promise<void> {
  const storage = new SqliteStorage(join(dataDir, 'state.db'));
  const store = new SqliteFeedbackStore(storage.db);
  let clock = NOW;
  const onTurn = createTurnRecorder(store, { clock: () => clock, onError: (err) => { throw err; } });
  for (const conv of conversations) {
    let programId: string | undefined;
    for (const step of conv) {
      clock = new Date(NOW.getTime() - (step.daysAgo ?? 1) * DAY);
      const answer = answerer.answer({ text: step.say, lang: 'de', now: clock, programId });
      programId = answer.programId ?? programId;
      await onTurn({ kind: answer.kind, programId: answer.programId, question: step.say, answer: answer.text });
      if (step.vote) {
        const id = await store.recordFeedback({ at: clock, programId: answer.programId ?? null, question: step.say, answer: answer.text, kind: step.vote });
        if (step.comment) await store.addComment(id, step.comment);
      }
    }
  }
  storage.close();
}

async function report(args: string[], env: Record<string, string> = { DATA_DIR: dataDir }) {
  let stdout = '';
  let stderr = '';
  const code = await runReport(args, { env, now: () => NOW, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  ({ answerer, dir } = await realAnswerer());
  dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  await play();
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SECRETS = ['Eva', 'Meier', 'eva.meier@kassel.de', 'Jan Berg', '0171', '2345678', 'Anna', 'Schmidt', '0561', '1234567'];

describe('npm run report after a scripted set of conversations', () => {
  it('prints the top questions per programme with counts and the answer given, in a terminal table', async () => {
    const { code, stdout, stderr } = await report([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('(2026-11-14 bis 2026-11-21)');
    const body = lines.slice(4);
    expect(body).toHaveLength(5);
    expect(body[0]).toMatch(/^komma\s+gibt es bei komma eine reisekostenpauschale\s+2\s+0\s+0\s+Dazu finde ich in den Unterlagen zu KommA keine…$/);
    expect(body[1]).toMatch(/^komma\s+Mein Name ist \[Name\] \(\[E-Mail\]\)\. Kann man bei K…\s+1\s+0\s+0\s+Dazu finde ich/);
    expect(body[2]).toMatch(/^komma\s+Wer ist Ansprechpartner für KommA\?\s+0\s+1\s+1\s+Fragen zu KommA beantworten die Projektleitunge…$/);
    expect(body[3]).toMatch(/^wir-hessen\s+Ich bin \[Name\], Tel\. \[Telefon\]\. Kann man bei WI…\s+1\s+0\s+0\s+Dazu finde ich in den Unterlagen zu WIR-Program…$/);
    expect(body[4]).toMatch(/^\(ohne Programm\)\s+Gibt es Parkplätze beim Auftakttreffen\?\s+1\s+0\s+0\s+Dazu finde ich in den Ausschreibungstexten/);
    // Small talk is not recorded; the question from ten days ago is outside the default week.
    expect(stdout).not.toMatch(/Hallo|Kinderbetreuung/);
  });

  it('reaches further back with --since and narrows to one programme with --program', async () => {
    const all = await report(['--since', '30d', '--program', 'komma']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Kinderbetreuung');
    expect(all.stdout).not.toMatch(/wir-hessen|ohne Programm|Parkplätze/);
    const limited = await report(['--since=all', '--program=KOMMA', '--limit', '1']);
    expect(limited.stdout.trimEnd().split('\n').slice(4)).toHaveLength(1);
  });

  it('exports CSV that parses back, with the redacted comment', async () => {
    const { code, stdout } = await report(['--format', 'csv']);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['Programm', 'unbeantwortet', 'nicht hilfreich', 'hilfreich'],
      ['komma', '2', '0', '0'],
      ['komma', '1', '0', '0'],
      ['komma', '0', '1', '1'],
      ['wir-hessen', '1', '0', '0'],
      ['(ohne Programm)', '1', '0', '0'],
    ]);
    expect(rows[3]![6]).toBe('Die Telefonnummer fehlt – ich bin [Name], [Telefon]');
    expect(rows[2]![1]).toBe('Mein Name ist [Name] ([E-Mail]). Kann man bei KommA Hunde mitbringen?');
  });

  it('writes a Markdown table to a file with --out', async () => {
    const out = join(dir, 'bericht.md');
    const { code, stdout, stderr } = await report(['--format', 'md', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`Bericht mit 5 Fragen geschrieben: ${out}\n`);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| komma | Wer ist Ansprechpartner für KommA? | 0 | 1 | 1 |');
    expect(md).toContain('| Die Telefonnummer fehlt – ich bin [Name], [Telefon] |');
  });

  it('stores no personal data at all: not in any report, not in the database file', async () => {
    const outputs = await Promise.all(['table', 'csv', 'md'].map((f) => report(['--since', 'all', '--format', f])));
    const stored = ['state.db', 'state.db-wal']
      .map((f) => {
        try {
          return readFileSync(join(dataDir, f)).toString('utf8');
        } catch {
          return '';
        }
      })
      .join('\n');
    // The bot state table is not written in this script, so the file holds only feedback events.
    // A phone number's digits stand as a number of their own ("Tel. 0561 1234567"); inside a random id or a binary page
    // ("…-a0561f-…") four digits occur by chance and say nothing.
    const asWritten = (secret: string) => (/^\d+$/.test(secret) ? new RegExp(`(?<![\\p{L}\\d.-])${secret}(?![\\p{L}\\d-])`, 'u') : new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    for (const secret of SECRETS) {
      for (const o of outputs) expect(o.stdout).not.toContain(secret);
      expect(stored).not.toMatch(asWritten(secret));
    }
  });
});

describe('npm run report on a wrong command line or missing data', () => {
  it.each([
    [['--format', 'pdf'], '--format: erlaubt sind table, csv oder md.'],
    [['--since', 'letzte Woche'], '--since: „letzte Woche“ ist kein Zeitraum – erlaubt sind z. B. 24h, 7d, 4w, ein Datum JJJJ-MM-TT oder all.'],
    [['--since', '2026-02-30'], '--since: „2026-02-30“ ist kein Zeitraum'],
    [['--limit', '0'], '--limit: eine ganze Zahl von 1 bis 1000.'],
    [['--program', 'komma; DROP TABLE'], '--program: eine Programm-Kennung'],
    [['--since'], 'Die Option --since braucht einen Wert.'],
    [['--verbose'], 'Unbekannte Angabe „--verbose“.'],
    [['--format', 'csv', '--format', 'md'], 'Die Option --format ist doppelt angegeben.'],
  ])('%j → exit 2 with a German message', async (args, message) => {
    const { code, stdout, stderr } = await report(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Aufruf: npm run report --');
  });

  it('says where it looked when there is no state database', async () => {
    const missing = join(dir, 'nirgends');
    const { code, stderr } = await report([], { DATA_DIR: missing });
    expect(code).toBe(1);
    expect(stderr).toBe(`Keine Daten gefunden: ${join(missing, 'state.db')} existiert nicht. Setzen Sie DATA_DIR (Ordner mit state.db) oder STORAGE_URL so wie beim Bot.\n`);
  });

  it('prints the usage with --help', async () => {
    const { code, stdout } = await report(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Aufruf: npm run report -- /);
  });
});
