// Förderlotse benchmark: turn latency against an echo baseline, retrieval at 1k/10k/100k chunks,
// ingestion, cold start and memory, in one run; prints a table and writes bench/results.json (+ .md).
// Run: `npx tsc -p tsconfig.build.json && node bench/run.mjs [--quick] [--turns N] [--sizes 1000,10000]`.
// bench/run.mjs compiles bench/ (bench/tsconfig.json) and runs it; the service itself is loaded
// from dist/ (project.ts), the same build `node dist/index.js` runs. Targets missed print MISS and
// still exit 0; a crash exits 1.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase, TermList } from './project.js';
import { measureColdStart, runningChildren, type ColdStartResult } from './coldStart.js';
import { runScaleBench } from './scaleLoad.js';
import { measureIngest, type IngestTimeResult } from './ingestTime.js';
import { RETRIEVAL_QUERIES } from './questions.js';
import { measureRetrieval, type RetrievalScaleResult } from './retrievalLatency.js';
import { measureTurnLatency, type TurnLatencyResult } from './turnLatency.js';
import { projectRoot, Workspace } from './workspace.js';

const TARGETS = { turnRatio: 1.5, retrievalMedianMs100k: 1, coldStartMs: 2000, rssMB: 200 };

const { values: args } = parseArgs({
  options: {
    turns: { type: 'string' },
    warmup: { type: 'string' },
    block: { type: 'string' },
    sizes: { type: 'string' },
    rounds: { type: 'string' },
    'ingest-runs': { type: 'string' },
    'rss-turns': { type: 'string' },
    /** Small numbers for trying the bench out (about 30 s); explicit options still win. */
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const num = (v: string, name: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${v}"`);
  return n;
};
const defaults = args.quick
  ? { turns: '100', warmup: '20', block: '20', sizes: '1000,10000', rounds: '20', 'ingest-runs': '1', 'rss-turns': '50' }
  : { turns: '500', warmup: '100', block: '50', sizes: '1000,10000,100000', rounds: '100', 'ingest-runs': '3', 'rss-turns': '200' };
const arg = (name: keyof typeof defaults) => args[name] ?? defaults[name];
const opts = {
  turns: num(arg('turns'), 'turns'), warmup: num(arg('warmup'), 'warmup'), block: num(arg('block'), 'block'),
  sizes: arg('sizes').split(',').map((s) => num(s.trim(), 'sizes')), rounds: num(arg('rounds'), 'rounds'),
  ingestRuns: num(arg('ingest-runs'), 'ingest-runs'), rssTurns: num(arg('rss-turns'), 'rss-turns'),
};

const progress = (line: string) => process.stderr.write(`${line}\n`);
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS  <<<');

type Row = [figure: string, value: string, target: string, verdict: string];

function table(rows: Row[]): string {
  const head: Row = ['Messgröße', 'Wert', 'Ziel', 'Ergebnis'];
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  const line = (r: Row) => r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function rowsOf(r: { turns: TurnLatencyResult; retrieval: RetrievalScaleResult[]; ingest: IngestTimeResult; cold: ColdStartResult }): Row[] {
  const rows: Row[] = [];
  const t = r.turns;
  rows.push([`1 Turn Bot (HTTP, expectReplies), n=${t.bot.n}`, `Median ${ms(t.bot.median)} · p99 ${ms(t.bot.p99)}`, '', '']);
  rows.push([`1 Turn Echo-Bot (gleicher Adapter), n=${t.echo.n}`, `Median ${ms(t.echo.median)} · p99 ${ms(t.echo.p99)}`, '', '']);
  rows.push(['1 Verhältnis Bot/Echo (Mediane)', `${t.ratio.toFixed(2)}×`, `≤ ${TARGETS.turnRatio}×`, verdict(t.ratio <= TARGETS.turnRatio)]);
  rows.push(['  Untergrenze: Zustand laden+speichern und eine feste Antwort mit Zitat, ohne Verstehen', `Median ${ms(t.floor.median)} = ${t.floorRatio.toFixed(2)}× Echo`, '', 'info']);
  rows.push(['  CPU-Zeit je Turn Bot / Echo (Mediane)', `${ms(t.botCpu.median)} / ${ms(t.echoCpu.median)} = ${t.cpuRatio.toFixed(2)}× (unempfindlich gegen Warten auf die CPU)`, '', 'info']);
  for (const [cat, s] of Object.entries(t.botByCategory)) rows.push([`  Bot: ${cat}`, `Median ${ms(s.median)} · p99 ${ms(s.p99)}`, '', 'info']);
  const b = t.breakdown;
  rows.push(['  in-process: Bot / Echo', `${ms(b.botInProcess)} / ${ms(b.echoInProcess)} (HTTP drumherum ${ms(t.httpOverhead)})`, '', 'info']);
  const share = (k: string) => `${Math.round(100 * (b.profile[k] ?? 0))} %`;
  rows.push(['  CPU-Profil Bot-Turn (in-process)', `Antworten ${share('answer')} · i18n ${share('i18n')} · Zustand ${share('state')} · Dialoge ${share('dialogs')} · Bot ${share('bot')} · Adapter ${share('adapter')} · Node ${share('node')} · GC ${share('gc')} · sonst ${share('other')}`, '', 'info']);
  rows.push(['  Bot-Anteile (Mediane)', `Answerer ${ms(b.answer)} · Zustand laden+speichern ${ms(b.stateLoadSave)} · Rest (Flows, Antwort, Lock) ${ms(b.rest)}`, '', 'info']);
  for (const x of r.retrieval) {
    const is100k = x.chunks === 100_000;
    rows.push([
      `2 Retrieval search k=8, ${x.chunks.toLocaleString('de-DE')} Abschnitte`, `Median ${ms(x.search.median)} · p99 ${ms(x.search.p99)}`,
      is100k ? `Median ≤ ${TARGETS.retrievalMedianMs100k} ms` : '', is100k ? verdict(x.search.median <= TARGETS.retrievalMedianMs100k) : 'info',
    ]);
    const p = x.parts;
    const pr = (k: string) => `${Math.round(100 * (x.profile[k] ?? 0))} %`;
    rows.push([`  Teile einzeln (Mediane)`, `Terme ${ms(p.queryTerms)} · BM25 ${ms(p.lexicalSearch)} · Embed ${ms(p.embed)} · HNSW ${ms(p.vectorSearch)}`, '', 'info']);
    rows.push([`  CPU-Profil von search`, `BM25 ${pr('bm25')} · HNSW ${pr('hnsw')} · Terme ${pr('queryTerms')} · Embed ${pr('embed')} · Fusion ${pr('fusion')} · GC ${pr('gc')}`, '', 'info']);
    rows.push([`  GC während der Messung`, `${x.gc.count} Pausen (${x.gc.minor} Scavenge, ${x.gc.incremental} inkrementell, ${x.gc.major} voll), Summe ${ms(x.gc.totalMs)}, längste ${ms(x.gc.maxMs)}`, '', 'info']);
    rows.push([`  Aufbau`, `Embed ${(x.build.embedMs / 1000).toFixed(1)} s · HNSW ${(x.build.hnswMs / 1000).toFixed(1)} s · BM25 ${(x.build.kbMs / 1000).toFixed(1)} s · ${x.postingsPerQuery.toLocaleString('de-DE')} Postings/Anfrage`, '', 'info']);
  }
  const i = r.ingest;
  rows.push([`3 Ingestion neu (${i.sources} Quellen, ${i.chunks} Abschnitte), n=${i.runs}`, `Median ${ms(i.fresh.median)} (erster Lauf ${ms(i.firstFreshMs)})`, '', 'info']);
  rows.push([`3 Re-Ingestion unverändert, n=${i.runs}`, `Median ${ms(i.reingest.median)}`, '', 'info']);
  rows.push(['3 Prüfung „Index veraltet?“ beim Start', `Median ${ms(i.staleCheck.median)}`, '', 'info']);
  const c = r.cold;
  rows.push([`4 Kaltstart node dist/index.js → /healthz 200, n=${c.starts}`, `Median ${ms(c.startMs.median)} (max ${ms(c.startMs.max)})`, `≤ ${TARGETS.coldStartMs / 1000} s`, verdict(c.startMs.median <= TARGETS.coldStartMs)]);
  rows.push(['  davon (Mediane)', `node selbst ${ms(c.nodeBootMs)} · Module laden (import dist/app.js) ${ms(Math.max(0, c.importAppMs - c.nodeBootMs))} · createApp ${c.createAppMs === null ? '?' : ms(c.createAppMs)}`, '', 'info']);
  rows.push([`4 RSS nach ${c.turns} Turns`, `${c.rssAfterTurnsMB.toFixed(0)} MB (leer ${c.rssIdleMB.toFixed(0)} MB, Spitze ${c.peakRssMB.toFixed(0)} MB)`, `≤ ${TARGETS.rssMB} MB`, verdict(c.rssAfterTurnsMB <= TARGETS.rssMB)]);
  rows.push(['4 Erster Turn nach dem Start', ms(c.firstTurnMs), '', 'info']);
  return rows;
}

/** The commit measured and how many files under src/ differ from it. */
function sourceState(root: string): { commit: string | null; changedSrcFiles: number | null } {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain', '--', 'src');
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    changedSrcFiles: status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : null,
  };
}

/** True when a file under src/ changed after dist/ was built, so the bench would measure old code. */
function distIsStale(root: string): boolean {
  const built = statSync(join(root, 'dist', 'app.js')).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  return newest(join(root, 'src')) > built;
}

/** The table as Markdown, for the README's performance section. */
function markdown(rows: Row[]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/<<</g, '').trim();
  return [['Messgröße', 'Wert', 'Ziel', 'Ergebnis'], ['---', '---', '---', '---'], ...rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}

async function main(): Promise<void> {
  const root = projectRoot();
  const ws = new Workspace(root);
  const started = performance.now();
  const load0 = os.loadavg();
  try {
    const source = sourceState(root);
    progress(`Förderlotse-Benchmark (${os.cpus().length} Kerne, Node ${process.versions.node}, Commit ${source.commit ?? '?'}, ${source.changedSrcFiles ?? '?'} geänderte Dateien in src/); Arbeitsordner ${ws.base}`);
    if (distIsStale(root)) progress('WARNUNG: src/ ist neuer als dist/ – gemessen wird der alte Build (npm run bench baut vorher).');
    progress('3 Ingestion …');
    const { result: ingest, knowledgeDir } = await measureIngest(ws, opts.ingestRuns);

    progress(`1 Turn-Latenz: ${opts.warmup} + ${opts.turns} Turns je Ziel, Blöcke zu ${opts.block} …`);
    const turns = await measureTurnLatency({ root, knowledgeDir, dataDir: ws.dir('data'), turns: opts.turns, warmup: opts.warmup, blockSize: opts.block, progress });

    progress('4 Kaltstart und Speicher …');
    const cold = await measureColdStart({ root, knowledgeDir, dataDir: ws.dir('data'), starts: 3, turns: opts.rssTurns, progress });

    progress(`2 Retrieval bei ${opts.sizes.join(', ')} Abschnitten …`);
    const base = await KnowledgeBase.load(knowledgeDir);
    const termList = TermList.load(join(knowledgeDir, 'terms.yaml'));
    // As the answerer searches: English questions carry the term list's German words.
    const queries = RETRIEVAL_QUERIES.map((q) => {
      const extra = termList.expand(q);
      return extra.length ? `${q} ${extra.join(' ')}` : q;
    });
    const retrieval = await measureRetrieval({ base, sizes: opts.sizes, queries, rounds: opts.rounds, ws, progress });

    progress('5 Last: Förder-Checks parallel, SQLite (1 Instanz) und PostgreSQL (2 Instanzen) …');
    const scale = await runScaleBench({ conversations: args.quick ? 40 : 200, progress }).catch((err: unknown) => {
      progress(`Lasttest übersprungen: ${(err as Error)?.message ?? String(err)}`);
      return [];
    });

    const results = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.versions.node, platform: `${os.platform()} ${os.release()}`, loadavgStart: load0, loadavgEnd: os.loadavg() },
      source,
      options: opts,
      targets: TARGETS,
      durationS: (performance.now() - started) / 1000,
      turnLatency: { ...turns, pass: turns.ratio <= TARGETS.turnRatio },
      retrieval: retrieval.map((r) => ({ ...r, pass: r.chunks === 100_000 ? r.search.median <= TARGETS.retrievalMedianMs100k : undefined })),
      ingest,
      coldStart: { ...cold, pass: cold.startMs.median <= TARGETS.coldStartMs, rssPass: cold.rssAfterTurnsMB <= TARGETS.rssMB },
      scale,
    };
    // A --quick run does not replace the figures of the last full run.
    const out = args.out ?? join(root, 'bench', args.quick ? 'dist/results-quick.json' : 'results.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    const rows = rowsOf({ turns, retrieval, ingest, cold });
    for (const r of scale) {
      rows.push([
        `5 Last ${r.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${r.instances} Instanz(en), ${r.conversations} Förder-Checks`,
        `${r.turnsPerSec.toFixed(0)} Turns/s · p50 ${r.p50.toFixed(0)} ms · p99 ${r.p99.toFixed(0)} ms · Konflikte ${r.conflicts} · 5xx ${r.errors5xx} · korrekt ${r.correct}/${r.conversations}`,
        'kein Verlust',
        verdict(r.correct === r.conversations && r.errors5xx === 0),
      ]);
    }
    const stamp = `${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC, Commit ${source.commit ?? '?'}${source.changedSrcFiles ? ` (+${source.changedSrcFiles} geänderte Dateien)` : ''}, ${results.machine.cpus} Kerne, Last ${load0[0].toFixed(1)}`;
    writeFileSync(out.endsWith('.json') ? `${out.slice(0, -5)}.md` : `${out}.md`, `${markdown(rows)}\n\n${stamp}\n`);
    process.stdout.write(`\n${table(rows)}\n\n`);
    process.stdout.write(`Dauer ${results.durationS.toFixed(0)} s · Last ${load0.map((l) => l.toFixed(2)).join('/')} → ${os.loadavg().map((l) => l.toFixed(2)).join('/')} · Ergebnisse: ${out}\n`);
    const missed = [results.turnLatency.pass, ...results.retrieval.map((r) => r.pass), results.coldStart.pass, results.coldStart.rssPass].filter((p) => p === false).length;
    if (missed) process.stdout.write(`${missed} Ziel(e) verfehlt (MISS) – die Messung ist informativ, Exit-Code 0.\n`);
  } finally {
    for (const child of runningChildren) child.kill('SIGKILL');
    ws.cleanup();
  }
}

// A crash must not leave a service running on the machine.
process.on('exit', () => {
  for (const child of runningChildren) child.kill('SIGKILL');
});

try {
  await main();
} catch (err) {
  process.stderr.write(`Benchmark abgebrochen: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
}
