import { join } from 'node:path';
import { Answerer } from '../answer/answerer.js';
import { createTranslator } from '../i18n.js';
import { ensureIndex } from '../knowledge/ensureIndex.js';
import { detectLanguage } from '../nlu/language.js';
import { ProgramDetector } from '../nlu/programDetector.js';
import { TermList } from '../nlu/termList.js';

/** `npm run ask -- "Bis wann KommA?"`: one question through the answering pipeline, with diagnostics. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const locale = args.includes('--en') ? 'en-US' : 'de-DE';
  const question = args.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (!question) {
    process.stderr.write('Aufruf: npm run ask -- "Bis wann kann man sich für KommA bewerben?" [--en]\n');
    process.exitCode = 2;
    return;
  }
  const knowledgeDir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const kb = await ensureIndex(knowledgeDir, { ingestIfStale: true, progress: (l) => process.stderr.write(`${l}\n`) });
  const { t } = createTranslator(process.env.LOCALES_DIR || 'locales');
  const answerer = new Answerer({ kb, detector: new ProgramDetector(kb.programs, kb.vocabulary, (p) => kb.vocabularyOf(p)), terms: TermList.load(join(knowledgeDir, 'terms.yaml')), t });
  const lang = detectLanguage(question, locale);
  const now = process.env.TODAY ? new Date(`${process.env.TODAY}T12:00:00Z`) : new Date();
  const a = answerer.answer({ text: question, lang, now });
  const hits = kb.retriever.search(question, { k: 5 });
  const out = [
    `Frage:     ${question}`,
    `Intent:    ${a.intent}   Art: ${a.kind}   Programm: ${a.programId ?? '–'}   belegt: ${a.grounded ? 'ja' : 'nein'}`,
    '',
    a.text,
    ...a.details,
    '',
    ...a.citations.map((c, i) => `[${i + 1}] ${c.title}${c.version ? ` · ${c.version}` : ''}\n    „${c.quote}“`),
    '',
    'Retrieval (hybrid: 0,7 × BM25 relativ + 0,3 × Kosinus):',
    ...hits.map((h) => `  ${h.score.toFixed(4)}  bm25=${h.lexical.toFixed(2)}  cos=${h.vector.toFixed(2)}  ${h.chunk.docId}: ${h.chunk.text.slice(0, 90)}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
