import { it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/knowledge/ingest.js';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { Answerer } from '../../src/answer/answerer.js';
import { createTranslator } from '../../src/i18n.js';
import { ProgramDetector } from '../../src/nlu/programDetector.js';
import { TermList } from '../../src/nlu/termList.js';
import { detectLanguage } from '../../src/nlu/language.js';

it('explore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'x-'));
  for (const p of ['sources', 'programs', 'terms.yaml']) cpSync(join('knowledge', p), join(dir, p), { recursive: true });
  cpSync('/work/shared/acceptance/newcall/nachbarschaft-digital-2029.txt', join(dir, 'sources', 'nachbarschaft-digital-2029.txt'));
  await ingest({ knowledgeDir: dir });
  const kb = await KnowledgeBase.load(dir);
  const { t } = createTranslator('locales');
  const a = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary), terms: TermList.load(join(dir, 'terms.yaml')), t });
  const qs = (process.env.QS ?? '').split('|');
  for (const q of qs) {
    const [text, pid] = q.split('@@');
    const lang = detectLanguage(text, 'de-DE');
    const r = a.answer({ text, lang, now: new Date('2026-11-21T12:00:00Z'), programId: pid });
    console.log(JSON.stringify({ q: text, lang, kind: r.kind, intent: r.intent, prog: r.programId, text: r.text, details: r.details, cites: r.citations.map((c) => c.docId + ': ' + c.quote.slice(0, 100)), sugg: r.suggestions.map(s=>s.value) }, null, 1));
  }
  console.log(kb.programs.map((p) => p.id + ' :: ' + p.shortName + ' :: ' + JSON.stringify(p.aliases)).join('\n'));
});
