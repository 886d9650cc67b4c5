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
/** A sentence its list items complete: it ends in a word no sentence ends with ("Sie beträgt höchstens"). */
const OPEN_END = /\b(höchstens|mindestens|maximal|jeweils|insgesamt|beträgt|betragen|folgende|insbesondere|sind|werden|und|oder|für|von|mit|an)$/i;

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
    } else if (b.kind !== 'bullet' && sentences.length && OPEN_END.test(sentences[sentences.length - 1])) {
      // "Sie beträgt höchstens" over "24.000 Euro je Stadt, …", "40.000 Euro je Landkreis.": one sentence, said through its items.
      let sentence = sentences[sentences.length - 1];
      while (i + 1 < blocks.length && blocks[i + 1].kind === 'bullet' && `${sentence} ${blocks[i + 1].text}`.length <= MAX_CHARS) sentence = `${sentence} ${blocks[++i].text}`;
      sentences[sentences.length - 1] = sentence;
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
