import { describe, expect, it } from 'vitest';
import { Embeddings } from '@langchain/core/embeddings';
import { EMBEDDING_DIMENSIONS, HashedNgramEmbeddings } from '../../src/retrieval/hashedNgramEmbeddings.js';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const norm = (a: ArrayLike<number>) => Math.sqrt(cosine(a, a));

describe('HashedNgramEmbeddings', () => {
  const e = new HashedNgramEmbeddings();

  it('is a LangChain Embeddings implementation', () => {
    expect(e).toBeInstanceOf(Embeddings);
  });

  it('is deterministic across instances', () => {
    expect(Array.from(new HashedNgramEmbeddings().embed('Bewerbungsfrist KommA'))).toEqual(Array.from(e.embed('Bewerbungsfrist KommA')));
  });

  it.each(['Bewerbungsfrist', 'Die Sachkostenpauschale beträgt 8.000 Euro.', 'x y z Förderung'])('is L2-normalised for "%s"', (text) => {
    const v = e.embed(text);
    expect(v).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('gives the zero vector for text without content words, not NaN', () => {
    const v = e.embed('und die der');
    expect(Array.from(v).every((x) => x === 0)).toBe(true);
  });

  it.each([
    ['Bewerbungsfrist', 'Bewerbungsfirst', 'Unterschrift'],
    ['Sachkostenpauschale', 'Sachkostenpauchsale', 'Ansprechperson'],
    ['Städte', 'Stadte', 'Gemeinden'],
    ['Integrationsstrategien', 'Integrationsstrategie', 'Regierungspräsidium'],
  ])('places "%s" closer to "%s" than to "%s"', (word, near, far) => {
    const a = e.embed(word);
    expect(cosine(a, e.embed(near))).toBeGreaterThan(0.5);
    expect(cosine(a, e.embed(near))).toBeGreaterThan(cosine(a, e.embed(far)) + 0.3);
  });

  it('answers embedQuery and embedDocuments with plain number arrays', async () => {
    const q = await e.embedQuery('Frist');
    const docs = await e.embedDocuments(['Frist', 'Unterschrift']);
    expect(q).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toEqual(q);
    expect(Array.isArray(docs[1])).toBe(true);
  });
});
