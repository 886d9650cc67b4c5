import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../config.js';
import { FeedbackStoreMissingError, openFeedbackStore } from './openFeedbackStore.js';
import { formatReport, REPORT_FORMATS } from './reportFormat.js';

export const REPORT_USAGE =
  'Aufruf: npm run report -- [--since 7d|24h|4w|JJJJ-MM-TT|all] [--format table|csv|md] [--program komma] [--limit 10] [--out datei]';

const HOUR_MS = 60 * 60 * 1000;
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS };

/** `7d`, `24h`, `4w`, `2026-11-01` or `all` → the start of the period (undefined = everything). */
export function parseSince(value: string, now: Date): Date | undefined | null {
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === 'alle') return undefined;
  const rel = /^(\d{1,5})\s*([hdw])$/.exec(v);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!]!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? null : d;
  }
  return null;
}

function argsSchema(now: Date) {
  return z.object({
    since: z
      .string()
      .default('7d')
      .transform((s, ctx) => {
        const d = parseSince(s, now);
        if (d === null) {
          ctx.addIssue({ code: 'custom', message: `„${s}“ ist kein Zeitraum – erlaubt sind z. B. 24h, 7d, 4w, ein Datum JJJJ-MM-TT oder all.` });
          return z.NEVER;
        }
        return d;
      }),
    format: z.enum(REPORT_FORMATS, { error: 'erlaubt sind table, csv oder md.' }).default('table'),
    program: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/i, 'eine Programm-Kennung wie „komma“ (Buchstaben, Ziffern, - und _).')
      .transform((s) => s.toLowerCase())
      .optional(),
    limit: z.coerce
      .number({ error: 'eine ganze Zahl von 1 bis 1000.' })
      .int('eine ganze Zahl von 1 bis 1000.')
      .min(1, 'eine ganze Zahl von 1 bis 1000.')
      .max(1000, 'eine ganze Zahl von 1 bis 1000.')
      .default(10),
    out: z.string().min(1, 'ein Dateiname.').optional(),
    help: z.boolean().default(false),
  });
}

export type ReportArgs = z.output<ReturnType<typeof argsSchema>>;

/** Thrown for a wrong command line; the message is for the user, in German. */
export class ReportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportUsageError';
  }
}

const FLAGS = new Set(['since', 'format', 'program', 'limit', 'out']);

/** Parses `--name value` / `--name=value` flags; every problem becomes a ReportUsageError. */
export function parseReportArgs(argv: string[], now: Date): ReportArgs {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      raw.help = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !FLAGS.has(m[1]!)) throw new ReportUsageError(`Unbekannte Angabe „${arg}“.`);
    const name = m[1]!;
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ReportUsageError(`Die Option --${name} braucht einen Wert.`);
      value = next;
      i++;
    }
    if (name in raw) throw new ReportUsageError(`Die Option --${name} ist doppelt angegeben.`);
    raw[name] = value;
  }
  const parsed = argsSchema(now).safeParse(raw);
  if (!parsed.success) {
    throw new ReportUsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}

const envSchema = configSchema.pick({ DATA_DIR: true, STORAGE_URL: true });

export interface ReportIo {
  env: NodeJS.ProcessEnv;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `npm run report`: the top unanswered and 👎 questions per programme. Returns the exit code (0, 1 failure, 2 usage). */
export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  const now = io.now();
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv, now);
  } catch (err) {
    if (!(err instanceof ReportUsageError)) throw err;
    io.stderr(`${err.message}\n${REPORT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${REPORT_USAGE}\nLiest DATA_DIR/state.db (Standard: data/state.db) oder die Datenbank in STORAGE_URL (postgres://…).\n`);
    return 0;
  }
  const present = Object.fromEntries(Object.entries(io.env).filter(([k, v]) => (k === 'DATA_DIR' || k === 'STORAGE_URL') && v));
  const env = envSchema.safeParse(present);
  if (!env.success) {
    io.stderr(`Ungültige Umgebung: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
    return 2;
  }
  let opened;
  try {
    opened = await openFeedbackStore(env.data.STORAGE_URL, env.data.DATA_DIR, { mustExist: true });
  } catch (err) {
    if (err instanceof FeedbackStoreMissingError) {
      io.stderr(`Keine Daten gefunden: ${err.file} existiert nicht. Setzen Sie DATA_DIR (Ordner mit state.db) oder STORAGE_URL so wie beim Bot.\n`);
      return 1;
    }
    const reason = err instanceof Error ? err.message : String(err);
    // A driver message may quote the connection URL; its password must not reach the terminal or a mail.
    io.stderr(`Die Datenbank ist nicht erreichbar: ${reason.replace(/(\w+:\/\/[^:/\s@]*):[^@\s/]*@/g, '$1:***@')}\n`);
    return 1;
  }
  try {
    const rows = await opened.store.topQuestions({ since: args.since, limit: args.limit, ...(args.program ? { programId: args.program } : {}) });
    const text = formatReport(rows, args.format, { generatedAt: now, since: args.since, programId: args.program });
    if (args.out) {
      try {
        writeFileSync(args.out, text);
      } catch (err) {
        io.stderr(`Die Datei ${args.out} lässt sich nicht schreiben: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        return 1;
      }
      io.stderr(`Bericht mit ${rows.length} ${rows.length === 1 ? 'Frage' : 'Fragen'} geschrieben: ${args.out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  } finally {
    await opened.close();
  }
}
