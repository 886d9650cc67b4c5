import { describe, expect, it } from 'vitest';
import { chunkBlocks } from '../../src/knowledge/chunker.js';
import { cleanToBlocks, type Block } from '../../src/knowledge/cleanText.js';
import { NEW_CALL_TEXT } from './tempKnowledge.js';

const sentence = (i: number) => `Satz Nummer ${i} beschreibt eine Leistung des Programms für die teilnehmenden Modellkommunen im Land.`;

describe('chunkBlocks', () => {
  it('keeps an FAQ question and its answer together in one chunk', () => {
    const chunks = chunkBlocks('nd', cleanToBlocks(NEW_CALL_TEXT, 'txt'));
    const faq = chunks.find((c) => c.question === 'Ist eine Unterschrift erforderlich?');
    expect(faq).toBeDefined();
    expect(faq!.kind).toBe('faq');
    expect(faq!.text).toContain('Ist eine Unterschrift erforderlich?');
    expect(faq!.text).toContain('Für die Bewerbung genügt eine formlose E-Mail der Koordinationsperson.');
    expect(faq!.sentences).toEqual([
      'Für die Bewerbung genügt eine formlose E-Mail der Koordinationsperson.',
      'Eine Unterschrift der Landrätin oder des Landrats ist erst bei der Kooperationsvereinbarung nötig.',
    ]);
  });

  it('takes bullets after an FAQ question into its answer', () => {
    const blocks: Block[] = [
      { kind: 'question', text: 'Was erhalten Modellkommunen?' },
      { kind: 'bullet', text: 'Beratungstage.' },
      { kind: 'bullet', text: 'Workshops.' },
      { kind: 'heading', text: 'Weiteres' },
      { kind: 'paragraph', text: 'Anderer Text.' },
    ];
    const chunks = chunkBlocks('d', blocks);
    expect(chunks[0]).toMatchObject({ kind: 'faq', question: 'Was erhalten Modellkommunen?', sentences: ['Beratungstage.', 'Workshops.'] });
    expect(chunks[1]).toMatchObject({ kind: 'text', section: 'Weiteres', text: 'Anderer Text.' });
  });

  it('labels chunks with the heading of their section', () => {
    const chunks = chunkBlocks('nd', cleanToBlocks(NEW_CALL_TEXT, 'txt'));
    const deadline = chunks.find((c) => c.text.includes('15. Januar 2029'));
    expect(deadline?.section).toBe('Termine');
    const eligibility = chunks.find((c) => c.text.includes('Bewerben können sich Landkreise'));
    expect(eligibility?.section).toBe('Teilnahmevoraussetzungen');
  });

  it('cuts a long paragraph into windows of at most 420 characters without losing or reordering sentences', () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');
    const chunks = chunkBlocks('long', [{ kind: 'paragraph', text }]);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(420);
      expect(c.text).toBe(c.sentences.join(' '));
      expect(c.kind).toBe('text');
    }
    expect(chunks.flatMap((c) => c.sentences).join(' ')).toBe(text);
  });

  it('keeps a single sentence longer than a window whole rather than cutting it', () => {
    const long = `Diese Förderung ${'umfasst sehr viele Leistungen '.repeat(20)}für alle Kommunen.`;
    const chunks = chunkBlocks('d', [{ kind: 'paragraph', text: long }]);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toBe(long);
  });

  it('gives every chunk a unique id that names its document', () => {
    const chunks = chunkBlocks('nachbarschaft-digital-2029', cleanToBlocks(NEW_CALL_TEXT, 'txt'));
    const ids = chunks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of chunks) {
      expect(c.docId).toBe('nachbarschaft-digital-2029');
      expect(c.id.startsWith('nachbarschaft-digital-2029#')).toBe(true);
    }
  });

  it('produces no chunk for headings alone', () => {
    expect(chunkBlocks('d', [{ kind: 'heading', text: 'Nur eine Überschrift' }])).toEqual([]);
  });
});
