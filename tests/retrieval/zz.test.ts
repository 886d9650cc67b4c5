import { it } from 'vitest';
import { ingestedKnowledge } from '../knowledge/tempKnowledge.js';
import { terms } from '../../src/retrieval/textAnalysis.js';
it('x', async () => {
  const { kb } = await ingestedKnowledge();
  const q = kb.lexical.queryTerms('Ausschreibungsfrist');
  console.log(q, q.map((t) => kb.lexical.idf(t)));
  const faq = kb.chunks.find((c) => c.text.includes('Der Ausschreibungsfrist'))!;
  console.log(faq.section, '|', faq.text);
  console.log(terms(`${faq.section} ${faq.text}`, kb.vocabulary).join(' '));
  console.log(kb.lexical.search(q, 5).map((h) => [h.score, kb.chunks[h.index].text.slice(0, 50)]));
});
