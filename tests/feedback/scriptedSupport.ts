import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Answerer } from '../../src/answer/answerer.js';
import { createTranslator } from '../../src/i18n.js';
import { ensureIndex } from '../../src/knowledge/ensureIndex.js';
import { ProgramDetector } from '../../src/nlu/programDetector.js';
import { TermList } from '../../src/nlu/termList.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The real answering pipeline over a private copy of knowledge/ (ingested there), as the bot builds it. */
export async function realAnswerer(): Promise<{ answerer: Answerer; dir: string; programIds: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'fl-report-'));
  const knowledgeDir = join(dir, 'knowledge');
  mkdirSync(knowledgeDir, { recursive: true });
  for (const part of ['sources', 'programs', 'terms.yaml', 'synonyms.yaml']) cpSync(join(ROOT, 'knowledge', part), join(knowledgeDir, part), { recursive: true });
  const kb = await ensureIndex(knowledgeDir, { ingestIfStale: true });
  const { t } = createTranslator(join(ROOT, 'locales'));
  const answerer = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p)), terms: TermList.load(join(knowledgeDir, 'terms.yaml')), t });
  return { answerer, dir, programIds: kb.programs.map((p) => p.id) };
}
