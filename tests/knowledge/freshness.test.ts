import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/knowledge/ingest.js';
import { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { QuoteNotFoundError } from '../../src/programs/loadPrograms.js';
import { copyKnowledge } from './tempKnowledge.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('freshness: a changed call text', () => {
  it('names exactly the curated facts whose quotes vanished, and publishes nothing until they are fixed', async () => {
    const { dir, cleanup } = copyKnowledge();
    cleanups.push(cleanup);
    const first = await ingest({ knowledgeDir: dir });
    const source = join(dir, 'sources', 'komma-informationsschreiben-2023.txt');
    const text = readFileSync(source, 'utf8');
    // The programme corrects its deadline: the sentence the deadline fact quotes no longer exists.
    expect(text).toContain('bis zum 28. Februar 2023');
    writeFileSync(source, text.replace('bis zum 28. Februar 2023', 'bis zum 31. März 2023'));

    const err = await ingest({ knowledgeDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuoteNotFoundError);
    const problems = (err as QuoteNotFoundError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/komma\.yaml → deadline/);

    // Readers still get the previous, consistent index (old text and old fact together).
    const kb = await KnowledgeBase.load(dir);
    expect(kb.version).toBe(first.version);
    expect(kb.programsById.get('komma')?.deadline?.date).toBe('2023-02-28');

    // Fixing the fact publishes the new text.
    const yamlFile = join(dir, 'programs', 'komma.yaml');
    const yaml = readFileSync(yamlFile, 'utf8');
    writeFileSync(yamlFile, yaml.replace('date: "2023-02-28"', 'date: "2023-03-31"').replace('Der Ausschreibungsfrist geht bis zum 28. Februar 2023.', 'Der Ausschreibungsfrist geht bis zum 31. März 2023.'));
    const fixed = await ingest({ knowledgeDir: dir });
    expect(fixed.version).not.toBe(first.version);
    const kb2 = await KnowledgeBase.load(dir);
    expect(kb2.programsById.get('komma')?.deadline?.date).toBe('2023-03-31');
    // Citations carry the new source version.
    expect(kb2.docs.get('komma-informationsschreiben-2023')?.hash).not.toBe(kb.docs.get('komma-informationsschreiben-2023')?.hash);
  });
});
