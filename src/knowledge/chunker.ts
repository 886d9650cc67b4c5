import { createHash } from 'node:crypto';
import type { Block } from './cleanText.js';
import { splitSentences } from './sentences.js';

/** A retrievable passage of one source: an FAQ pair or a window of sentences within a section. */
export interface Chunk {
  id: string;
  docId: string;
  section: string;
  kind: 'faq' | 'text';
  text: string;
  /** For FAQ chunks, the question; the answer sentences follow in `sentences`. */
  question?: string;
  sentences: string[];
}

const MAX_CHARS = 420;

function chunkId(docId: string, text: string, n: number): string {
  return `${docId}#${n}-${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;
}

/** Splits a document's blocks into chunks: FAQ question+answer together, otherwise sentence windows. */
export function chunkBlocks(docId: string, blocks: Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  let section = '';
  let n = 0;
  const push = (c: Omit<Chunk, 'id' | 'docId'>) => {
    if (!c.text.trim()) return;
    chunks.push({ ...c, docId, id: chunkId(docId, c.text, n++) });
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') {
      section = b.text;
      continue;
    }
    if (b.kind === 'question') {
      const answer: string[] = [];
      let j = i + 1;
      while (j < blocks.length && (blocks[j].kind === 'paragraph' || blocks[j].kind === 'bullet')) answer.push(blocks[j++].text);
      if (answer.length) {
        const sentences = answer.flatMap(splitSentences);
        push({ section, kind: 'faq', question: b.text, sentences, text: `${b.text} ${answer.join(' ')}` });
        i = j - 1;
        continue;
      }
    }
    const sentences = splitSentences(b.text);
    // "Gefördert werden:" and its items are one passage: the intro says what the items are.
    if (b.kind !== 'bullet' && /:\s*$/.test(b.text)) {
      while (i + 1 < blocks.length && blocks[i + 1].kind === 'bullet' && [...sentences, blocks[i + 1].text].join(' ').length <= MAX_CHARS) sentences.push(...splitSentences(blocks[++i].text));
    }
    let window: string[] = [];
    const flush = () => {
      if (window.length) push({ section, kind: 'text', sentences: window, text: window.join(' ') });
      window = [];
    };
    for (const s of sentences) {
      if (window.length && window.join(' ').length + s.length > MAX_CHARS) flush();
      window.push(s);
    }
    flush();
  }
  return chunks;
}
