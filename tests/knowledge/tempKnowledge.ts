import { afterAll, beforeAll } from 'vitest';
import { existsSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Answerer } from '../../src/answer/answerer.js';
import { createTranslator } from '../../src/i18n.js';
import { ingest, type IngestResult } from '../../src/knowledge/ingest.js';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { ProgramDetector } from '../../src/nlu/programDetector.js';
import { TermList } from '../../src/nlu/termList.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The unseen call of the acceptance sample: a programme with no curated facts. */
export const NEW_CALL_FILE = 'nachbarschaft-digital-2029.txt';
// The unseen-style call from ../shared/acceptance when the checkout has it beside, else the test fixture copy.
const SHARED_NEW_CALL = resolve(ROOT, '..', 'shared', 'acceptance', 'newcall', 'nachbarschaft-digital-2029.txt');
export const NEW_CALL_TEXT = readFileSync(existsSync(SHARED_NEW_CALL) ? SHARED_NEW_CALL : resolve(ROOT, 'tests', 'fixtures', 'nachbarschaft-digital-2029.txt'), 'utf8');

/** A throw-away copy of knowledge/ (sources, programs, terms.yaml) without the built index. */
export function copyKnowledge(extraSources: Record<string, string | Uint8Array> = {}): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fl-knowledge-'));
  for (const part of ['sources', 'programs', 'terms.yaml', 'synonyms.yaml']) cpSync(join(ROOT, 'knowledge', part), join(dir, part), { recursive: true });
  for (const [name, content] of Object.entries(extraSources)) writeFileSync(join(dir, 'sources', name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of knowledge/ ingested and loaded: what the bot answers from. */
export async function ingestedKnowledge(extraSources: Record<string, string | Uint8Array> = {}): Promise<{ dir: string; kb: KnowledgeBase; result: IngestResult; cleanup(): void }> {
  const copy = copyKnowledge(extraSources);
  const result = await ingest({ knowledgeDir: copy.dir });
  const kb = await KnowledgeBase.load(copy.dir);
  return { ...copy, kb, result };
}

/**
 * For a test file: the seeds plus the unseen call, ingested once before its tests and removed after
 * them; the getters are valid inside the tests.
 */
export function useSeedsWithNewCall(): { kb: () => KnowledgeBase; dir: () => string } {
  let k: Awaited<ReturnType<typeof ingestedKnowledge>> | undefined;
  beforeAll(async () => {
    k = await ingestedKnowledge({ [NEW_CALL_FILE]: NEW_CALL_TEXT });
  });
  afterAll(() => k?.cleanup());
  return { kb: () => k!.kb, dir: () => k!.dir };
}

/** The Answerer wired as src/cli/ask.ts wires it. */
export function answererFor(kb: KnowledgeBase, knowledgeDir: string): { answerer: Answerer; t: ReturnType<typeof createTranslator>['t'] } {
  const { t } = createTranslator(join(ROOT, 'locales'));
  const answerer = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p)), terms: TermList.load(join(knowledgeDir, 'terms.yaml')), t });
  return { answerer, t };
}
