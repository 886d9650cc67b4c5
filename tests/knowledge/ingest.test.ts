import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeForQuote } from '../../src/knowledge/cleanText.js';
import { ensureIndex } from '../../src/knowledge/ensureIndex.js';
import { ingest, indexIsStale } from '../../src/knowledge/ingest.js';
import { readCurrentVersion, readIndexSnapshot } from '../../src/knowledge/indexStore.js';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { QuoteNotFoundError } from '../../src/programs/loadPrograms.js';
import { minimalPdf } from './minimalPdf.js';
import { copyKnowledge, NEW_CALL_FILE, NEW_CALL_TEXT } from './tempKnowledge.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function tempCopy(extra: Record<string, string | Uint8Array> = {}): string {
  const c = copyKnowledge(extra);
  cleanups.push(c.cleanup);
  return c.dir;
}
/** A clock that moves one minute per call, so consecutive runs get distinct versions. */
function steppingClock(start = Date.parse('2026-11-21T12:00:00Z')) {
  let t = start;
  return () => new Date((t += 60_000));
}
const SEED_SOURCES = readdirSync(join(import.meta.dirname, '..', '..', 'knowledge', 'sources')).filter((f) => /\.(txt|md|html?|pdf)$/.test(f));

describe('ingest: building and publishing', () => {
  it('publishes a version folder with a manifest and points current.json at it', async () => {
    const dir = tempCopy();
    const r = await ingest({ knowledgeDir: dir, now: steppingClock() });
    expect(r.sources).toBe(SEED_SOURCES.length);
    expect(r.chunks).toBeGreaterThan(20);
    expect(r.embedded).toBe(r.chunks);
    const pointer = JSON.parse(readFileSync(join(dir, 'index', 'current.json'), 'utf8'));
    expect(pointer.version).toBe(r.version);
    for (const f of ['manifest.json', 'content.json', 'embeddings.f32', 'vectors.hnsw']) expect(existsSync(join(dir, 'index', r.version, f))).toBe(true);
    const snap = await readIndexSnapshot(join(dir, 'index'), r.version);
    expect(snap.manifest.sources.map((s) => s.file).sort()).toEqual([...SEED_SOURCES].sort());
    expect(snap.manifest.chunkCount).toBe(r.chunks);
    expect(snap.manifest.sources.reduce((n, s) => n + s.chunks, 0)).toBe(r.chunks);
    expect(await indexIsStale(dir)).toBe(false);
  });

  it('re-embeds nothing on a second run over unchanged sources', async () => {
    const dir = tempCopy();
    const clock = steppingClock();
    const first = await ingest({ knowledgeDir: dir, now: clock });
    const second = await ingest({ knowledgeDir: dir, now: clock });
    expect(second.embedded).toBe(0);
    expect(second.reusedSources).toBe(first.sources);
    expect(second.chunks).toBe(first.chunks);
    const a = await readIndexSnapshot(join(dir, 'index'), first.version);
    const b = await readIndexSnapshot(join(dir, 'index'), second.version);
    expect(b.chunks.map((c) => c.id)).toEqual(a.chunks.map((c) => c.id));
    expect(Buffer.from(b.vectors[3].buffer).equals(Buffer.from(a.vectors[3].buffer))).toBe(true);
  });

  it('re-embeds only the source that changed', async () => {
    const dir = tempCopy();
    const clock = steppingClock();
    const first = await ingest({ knowledgeDir: dir, now: clock });
    appendFileSync(join(dir, 'sources', 'bamf-zusammenhalt-trotz-distanz.txt'), '\n\nErgänzung: Die Projekte laufen höchstens drei Jahre.\n');
    expect(await indexIsStale(dir)).toBe(true);
    const second = await ingest({ knowledgeDir: dir, now: clock });
    const snap = await readIndexSnapshot(join(dir, 'index'), second.version);
    const bamfChunks = snap.chunks.filter((c) => c.docId === 'bamf-zusammenhalt-trotz-distanz');
    expect(second.reusedSources).toBe(first.sources - 1);
    expect(second.embedded).toBe(bamfChunks.length);
    expect(bamfChunks.some((c) => c.text.includes('höchstens drei Jahre'))).toBe(true);
    expect(second.version).not.toBe(first.version);
    expect(await indexIsStale(dir)).toBe(false);
  });

  it.each([
    ['a source is edited', (dir: string) => appendFileSync(join(dir, 'sources', 'komma-informationsschreiben-2023.txt'), '\nNachtrag.\n')],
    ['a source is added', (dir: string) => writeFileSync(join(dir, 'sources', NEW_CALL_FILE), NEW_CALL_TEXT)],
    ['a curated programme file changes', (dir: string) => appendFileSync(join(dir, 'programs', 'komma.yaml'), '\n# reviewed\n')],
  ])('reports the index as stale when %s', async (_label, change) => {
    const dir = tempCopy();
    await ingest({ knowledgeDir: dir });
    expect(await indexIsStale(dir)).toBe(false);
    change(dir);
    expect(await indexIsStale(dir)).toBe(true);
  });

  it('reports a folder with no index as stale', async () => {
    expect(await indexIsStale(tempCopy())).toBe(true);
  });

  it('re-attaches the chunks of a renamed source to its new id', async () => {
    const dir = tempCopy({ [NEW_CALL_FILE]: NEW_CALL_TEXT });
    const clock = steppingClock();
    await ingest({ knowledgeDir: dir, now: clock });
    renameSync(join(dir, 'sources', NEW_CALL_FILE), join(dir, 'sources', 'nachbarschaft-digital.txt'));
    await ingest({ knowledgeDir: dir, now: clock });
    const kb = await KnowledgeBase.load(dir);
    const docIds = new Set(kb.chunks.map((c) => c.docId));
    expect(docIds.has('nachbarschaft-digital-2029')).toBe(false);
    expect(kb.chunks.filter((c) => c.docId === 'nachbarschaft-digital').length).toBeGreaterThan(3);
    for (const id of docIds) expect(kb.docs.has(id)).toBe(true);
  });

  it('keeps the previous version for open readers and removes older ones', async () => {
    const dir = tempCopy();
    const clock = steppingClock();
    const v1 = await ingest({ knowledgeDir: dir, now: clock });
    appendFileSync(join(dir, 'sources', 'komma-informationsschreiben-2023.txt'), '\nNachtrag eins.\n');
    const v2 = await ingest({ knowledgeDir: dir, now: clock });
    appendFileSync(join(dir, 'sources', 'komma-informationsschreiben-2023.txt'), '\nNachtrag zwei.\n');
    const v3 = await ingest({ knowledgeDir: dir, now: clock });
    const entries = readdirSync(join(dir, 'index'));
    expect(entries).toContain(v3.version);
    expect(entries).toContain(v2.version);
    expect(entries).not.toContain(v1.version);
  });
});

describe('ensureIndex', () => {
  it('ingests a missing or stale index before loading, and only then', async () => {
    const dir = tempCopy();
    const first = await ensureIndex(dir, { ingestIfStale: true });
    expect(first.chunks.length).toBeGreaterThan(20);
    const again = await ensureIndex(dir, { ingestIfStale: true });
    expect(again.version).toBe(first.version);
    writeFileSync(join(dir, 'sources', NEW_CALL_FILE), NEW_CALL_TEXT);
    const stale = await ensureIndex(dir, { ingestIfStale: false });
    expect(stale.version).toBe(first.version);
    const fresh = await ensureIndex(dir, { ingestIfStale: true });
    expect(fresh.version).not.toBe(first.version);
    expect(fresh.programsById.has('nachbarschaft-digital-2029')).toBe(true);
  });

  it('fails with a hint when there is no index and ingestion is off', async () => {
    await expect(ensureIndex(tempCopy(), { ingestIfStale: false })).rejects.toThrow(/npm run ingest/);
  });
});

describe('ingest: curated quotes are verified', () => {
  it('throws QuoteNotFoundError naming the file and the fact, and keeps the published index current and loadable', async () => {
    const dir = tempCopy();
    const before = await ingest({ knowledgeDir: dir, now: steppingClock() });
    const file = join(dir, 'programs', 'komma.yaml');
    const yaml = readFileSync(file, 'utf8');
    const original = 'Nein, für die Bewerbung wird keine formale Unterschrift benötigt.';
    expect(yaml).toContain(original);
    writeFileSync(file, yaml.replace(original, 'Ja, für die Bewerbung wird eine Unterschrift der Landrätin benötigt.'));

    const err = await ingest({ knowledgeDir: dir, now: steppingClock(Date.parse('2026-12-01T00:00:00Z')) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuoteNotFoundError);
    const problems = (err as QuoteNotFoundError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('komma.yaml');
    expect(problems[0]).toContain('facts[0] (signature)');
    expect(problems[0]).toContain('komma-informationsschreiben-2023.txt');
    expect((err as Error).message).toContain('komma.yaml');

    expect(await readCurrentVersion(join(dir, 'index'))).toBe(before.version);
    const kb = await KnowledgeBase.load(dir);
    expect(kb.version).toBe(before.version);
    expect(kb.programsById.get('komma')?.facts.find((f) => f.topic === 'signature')?.quote).toContain(original);
    expect(readdirSync(join(dir, 'index')).filter((e) => e.startsWith('.tmp-'))).toEqual([]);
  });

  it('names a curated programme whose source file is missing', async () => {
    const dir = tempCopy();
    const file = join(dir, 'programs', 'wir-hessen.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('source: hessen-wir-integrationsstrategien-2019.txt', 'source: fehlt.txt'));
    const err = await ingest({ knowledgeDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuoteNotFoundError);
    expect((err as QuoteNotFoundError).problems.join('\n')).toMatch(/wir-hessen\.yaml.*fehlt\.txt/);
  });

  it('accepts quotes that differ from the source only in quotation-mark style and line breaks', async () => {
    const dir = tempCopy();
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    for (const p of kb.programs.filter((x) => x.curated)) {
      const text = normalizeForQuote(kb.docs.get(p.docIds[0])!.text);
      for (const q of [p.deadline?.quote, ...p.facts.map((f) => f.quote), ...p.rules.map((r) => r.quote)].filter(Boolean)) {
        expect(text).toContain(normalizeForQuote(q!));
      }
    }
  });
});

describe('ingest: a crash mid-write', () => {
  it('leaves the old index usable when a temp folder and a version folder without manifest are left behind', async () => {
    const dir = tempCopy();
    const good = await ingest({ knowledgeDir: dir, now: steppingClock() });
    const indexDir = join(dir, 'index');
    // What a crash between writing content and the manifest leaves behind.
    mkdirSync(join(indexDir, '.tmp-20991231T000000Z-deadbeef0000-4242'), { recursive: true });
    writeFileSync(join(indexDir, '.tmp-20991231T000000Z-deadbeef0000-4242', 'content.json'), '{"docs": [');
    mkdirSync(join(indexDir, '20991231T000000Z-deadbeef0000'), { recursive: true });
    writeFileSync(join(indexDir, '20991231T000000Z-deadbeef0000', 'content.json'), '{"docs": [');
    writeFileSync(join(indexDir, '.current-4242.json'), '{"vers');

    expect(await readCurrentVersion(indexDir)).toBe(good.version);
    const kb = await KnowledgeBase.load(dir);
    expect(kb.version).toBe(good.version);
    expect(kb.retriever.search('Unterschrift Bewerbung KommA', { k: 3 }).length).toBeGreaterThan(0);
    expect(await indexIsStale(dir)).toBe(false);
  });

  it('cleans up leftover temp folders on the next successful run', async () => {
    const dir = tempCopy();
    const clock = steppingClock();
    await ingest({ knowledgeDir: dir, now: clock });
    const indexDir = join(dir, 'index');
    mkdirSync(join(indexDir, '.tmp-crashed-1'), { recursive: true });
    writeFileSync(join(indexDir, '.current-1.json'), '{');
    appendFileSync(join(dir, 'sources', 'komma-informationsschreiben-2023.txt'), '\nNachtrag.\n');
    const next = await ingest({ knowledgeDir: dir, now: clock });
    const entries = readdirSync(indexDir);
    expect(entries.filter((e) => e.startsWith('.tmp-') || e.startsWith('.current-'))).toEqual([]);
    expect((await KnowledgeBase.load(dir)).version).toBe(next.version);
  });

  it('rebuilds everything when the previous index cannot be read', async () => {
    const dir = tempCopy();
    const clock = steppingClock();
    const first = await ingest({ knowledgeDir: dir, now: clock });
    writeFileSync(join(dir, 'index', first.version, 'content.json'), '{ broken');
    expect(await indexIsStale(dir)).toBe(true);
    const second = await ingest({ knowledgeDir: dir, now: clock });
    expect(second.embedded).toBe(second.chunks);
    expect((await KnowledgeBase.load(dir)).chunks.length).toBe(second.chunks);
  });
});

describe('ingest: a new call dropped into sources', () => {
  it('becomes a programme with aliases derived from its title and no curated facts', async () => {
    const dir = tempCopy({ [NEW_CALL_FILE]: NEW_CALL_TEXT });
    const r = await ingest({ knowledgeDir: dir });
    expect(r.sources).toBe(SEED_SOURCES.length + 1);
    const kb = await KnowledgeBase.load(dir);
    const p = kb.programsById.get('nachbarschaft-digital-2029');
    expect(p).toBeDefined();
    expect(p!.curated).toBe(false);
    expect(p!.kind).toBe('call');
    expect(p!.docIds).toEqual(['nachbarschaft-digital-2029']);
    expect(p!.shortName).toBe('Nachbarschaft digital');
    expect(p!.aliases).toEqual(expect.arrayContaining(['nachbarschaft digital', 'nachbarschaft digital – begegnung trotz entfernung 2029']));
    expect(p!.facts).toEqual([]);
    // Who may apply, read from the call's own sentences (tests/programs/deriveRules.test.ts has the details).
    expect(p!.rules).toEqual([
      { type: 'entityTypes', allowed: ['kreisfreie_stadt', 'landkreis'], others: 'no', excluded: ['kreisangehoerige_stadt', 'gemeinde'], via: 'landkreis', quote: 'Kreisangehörige Städte und Gemeinden können sich nur über ihren Landkreis beteiligen.' },
      { type: 'entityTypes', allowed: ['kreisfreie_stadt', 'landkreis'], others: 'no', quote: 'Bewerben können sich Landkreise und kreisfreie Städte aus allen Bundesländern.' },
      { type: 'leadershipSupport', quote: 'Die Verwaltungsspitze muss die Bewerbung unterstützen, und es muss eine verantwortliche Koordinationsperson benannt werden.' },
      { type: 'contactPerson', quote: 'Die Verwaltungsspitze muss die Bewerbung unterstützen, und es muss eine verantwortliche Koordinationsperson benannt werden.' },
    ]);
    expect(p!.contacts.map((c) => c.email)).toEqual(['digital@example.net']);
    expect(kb.docs.get('nachbarschaft-digital-2029')!.title).toBe('Ausschreibung „Nachbarschaft digital – Begegnung trotz Entfernung 2029“');
    expect(kb.chunks.filter((c) => c.docId === 'nachbarschaft-digital-2029').length).toBeGreaterThan(3);
  });

  it('derives ids that are stable and readable from file names with umlauts and spaces', async () => {
    const dir = tempCopy({ 'Förderaufruf Städte 2030.txt': 'Förderaufruf „Grüne Städte 2030“\n\nGefördert werden Städte. Die Frist endet am 1. März 2030.\n' });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    expect(kb.programsById.get('foerderaufruf-staedte-2030')?.shortName).toBe('Grüne Städte 2030');
  });
});

describe('ingest: source formats', () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{font:1em sans-serif}</style></head><body>
<nav>Zum Inhalt springen</nav>
<h1>Förderaufruf &bdquo;Quartiersr&auml;te 2027&ldquo;</h1>
<p>Die Stiftung f&ouml;rdert Quartiersr&auml;te in Gemeinden mit bis zu 20.000 Einwohnern.</p>
<h2>Fristen</h2>
<p>Die Bewerbungsfrist endet am 30.&nbsp;April 2027.</p>
<ul><li>Förderung von bis zu 5.000 Euro.</li><li>Begleitung durch 10 Beratungstage.</li></ul>
<script>track()</script>
</body></html>`;
  const md = `# Leitfaden Bürgerhaushalt 2027

Ein *Bürgerhaushalt* stärkt die Beteiligung.

## Fristen

- Die Anmeldung endet am 15. Mai 2027.
- Unterlagen gibt es unter [www.example.org](https://www.example.org).
`;

  it('ingests an .html source without markup', async () => {
    const dir = tempCopy({ 'quartiersraete-2027.html': html });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    const doc = kb.docs.get('quartiersraete-2027')!;
    expect(doc.title).toBe('Förderaufruf „Quartiersräte 2027“');
    expect(doc.text).toContain('Die Bewerbungsfrist endet am 30. April 2027.');
    expect(doc.text).toContain('Förderung von bis zu 5.000 Euro.');
    expect(doc.text).not.toMatch(/<[a-z/!][^>]*>|&[a-z]+;|track\(\)|font:/i);
    const chunks = kb.chunks.filter((c) => c.docId === 'quartiersraete-2027');
    expect(chunks.find((c) => c.text.includes('30. April 2027'))?.section).toBe('Fristen');
    expect(kb.programsById.get('quartiersraete-2027')?.shortName).toBe('Quartiersräte 2027');
  });

  it('keeps the <head> <title> out of the document text and title', async () => {
    const dir = tempCopy({ 'quartiersraete-2027.html': html.replace('<meta charset="utf-8">', '<title>Aufruf</title>') });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    expect(kb.docs.get('quartiersraete-2027')!.title).toBe('Förderaufruf „Quartiersräte 2027“');
    expect(kb.programsById.get('quartiersraete-2027')!.aliases).not.toContain('aufruf');
  });

  it('ingests a .md source without markup', async () => {
    const dir = tempCopy({ 'buergerhaushalt.md': md });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    const doc = kb.docs.get('buergerhaushalt')!;
    expect(doc.title).toBe('Leitfaden Bürgerhaushalt 2027');
    expect(doc.text).toContain('Ein Bürgerhaushalt stärkt die Beteiligung.');
    expect(doc.text).toContain('Unterlagen gibt es unter www.example.org.');
    expect(doc.text).not.toMatch(/[#*[\]]|\]\(/);
    expect(kb.chunks.find((c) => c.text.includes('15. Mai 2027'))?.section).toBe('Fristen');
  });

  it('names a press release by its programme, not by the quote of a minister in its second headline', async () => {
    const text = 'PRESSEMITTEILUNG Nr. 187/2026\nMainz, 1. Dezember 2026\n\n„Orte des Miteinanders“: Land startet zweite Förderrunde für Begegnungsorte\n\nMinisterin Kettering: „Zusammenhalt braucht Orte“\n\nDas Ministerium hat heute die zweite Runde gestartet. Anträge sind bis zum 26. März 2027 möglich.';
    const dir = tempCopy({ 'pm-187.txt': text });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    expect(kb.docs.get('pm-187')!.title).toBe('„Orte des Miteinanders“: Land startet zweite Förderrunde für Begegnungsorte');
    expect(kb.programsById.get('pm-187')!.shortName).toBe('Orte des Miteinanders');
  });

  it('names a newsletter by the item that calls for applications, not by a preview of another programme', async () => {
    const md = '# Kommunalbrief – Ausgabe 10/2026\n\n1. Ausschreibung: „Dialogwerkstatt 2027“ – 15 Kommunen gesucht\n2. Vorschau: Förderprogramm „Sprachbrücken“\n\n## 1. Ausschreibung: „Dialogwerkstatt 2027“\n\nBewerbungsschluss ist der 30. November 2026.\n\n## 2. Vorschau: Förderprogramm „Sprachbrücken“\n\nDas Programm startet 2027.';
    const dir = tempCopy({ 'kommunalbrief.md': md });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    expect(kb.docs.get('kommunalbrief')!.title).toBe('Ausschreibung „Dialogwerkstatt 2027“');
  });

  it('ingests a .pdf source: text per page, hyphenation rejoined, page numbers dropped', async () => {
    const pdf = minimalPdf([
      ['Förderaufruf Quartiersräte', '', 'Die Bewerbungsfrist endet am 30. April 2027. Gefördert wer-', 'den Landkreise und Gemeinden.', '1'],
      ['Häufige Fragen', 'Ist eine Unterschrift nötig?', 'Nein, eine formlose E-Mail genügt.', '2'],
    ]);
    const dir = tempCopy({ 'quartiersraete.pdf': pdf });
    await ingest({ knowledgeDir: dir });
    const kb = await KnowledgeBase.load(dir);
    const doc = kb.docs.get('quartiersraete')!;
    expect(doc.title).toBe('Förderaufruf Quartiersräte');
    expect(doc.text).toContain('Gefördert werden Landkreise und Gemeinden.');
    expect(doc.text.split('\n\n')).not.toContain('1');
    expect(doc.text.split('\n\n')).not.toContain('2');
    const faq = kb.chunks.find((c) => c.docId === 'quartiersraete' && c.kind === 'faq');
    expect(faq?.question).toBe('Ist eine Unterschrift nötig?');
    expect(faq?.sentences).toEqual(['Nein, eine formlose E-Mail genügt.']);
  });

  it('ignores hidden files and files of other types in sources/', async () => {
    const dir = tempCopy({ '.notizen.txt': 'intern', 'bild.png': 'PNG', 'liesmich.docx': 'x' });
    const r = await ingest({ knowledgeDir: dir });
    expect(r.sources).toBe(SEED_SOURCES.length);
  });

  it('refuses to run on a sources folder without ingestible files', async () => {
    const empty = tempCopy();
    rmSync(join(empty, 'sources'), { recursive: true });
    mkdirSync(join(empty, 'sources'));
    writeFileSync(join(empty, 'sources', 'notiz.docx'), 'x');
    await expect(ingest({ knowledgeDir: empty })).rejects.toThrow(/No sources/);
  });
});
