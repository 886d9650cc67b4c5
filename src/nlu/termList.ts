import { readFileSync, existsSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';

const termListSchema = z.array(z.object({ en: z.array(z.string().min(1)).min(1), de: z.array(z.string().min(1)).min(1) }));

/** English → German search terms from knowledge/terms.yaml (and back, for German questions about a call in English). */
export class TermList {
  private readonly entries: { en: RegExp; enAll: RegExp; de: string[]; phrases: RegExp; deWords: RegExp; enWords: string[] }[];

  constructor(entries: z.infer<typeof termListSchema>) {
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.entries = entries.map((e, i) => {
      // "sign up" (registering) is not "sign" (a signature): other entries' phrases are taken out before this entry looks.
      const others = entries.flatMap((o, j) => (j === i ? [] : o.en.filter((w) => /\s/.test(w) && !e.en.includes(w))));
      const words = `\\b(${e.en.map(escape).join('|')})\\b`;
      return {
        en: new RegExp(words, 'i'),
        enAll: new RegExp(words, 'gi'),
        de: e.de,
        phrases: others.length ? new RegExp(`\\b(${others.map(escape).join('|')})\\b`, 'gi') : /(?!)/g,
        // A German word with its endings ("unterschrieben", "Anträgen").
        deWords: new RegExp(`(?<!\\p{L})(${e.de.map(escape).join('|')})\\p{L}{0,3}(?!\\p{L})`, 'iu'),
        enWords: e.en,
      };
    });
  }

  static load(file: string): TermList {
    if (!existsSync(file)) return new TermList([]);
    const parsed = termListSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return new TermList(parsed.data);
  }

  // An English question is read several times while it is answered (intent, search, focus): the last one is kept.
  private last?: { text: string; entries: TermList['entries']; terms: readonly string[] };

  /** The entries whose English words are in a text, outside other entries' phrases (kept for the last text). */
  private matching(text: string): NonNullable<TermList['last']> {
    if (this.last?.text !== text) {
      const entries = this.entries.filter((e) => e.en.test(text) && e.en.test(text.replace(e.phrases, ' ')));
      this.last = { text, entries, terms: entries.flatMap((e) => e.de) };
    }
    return this.last;
  }

  /**
   * The first German term of each entry the text's English words match: one word per thing asked
   * about, so a passage is not scored higher for saying one thing in several forms.
   */
  heads(text: string): string[] {
    return this.matching(text).entries.map((e) => e.de[0]);
  }

  /** The text's English content words that no entry knows ("daycare", "Munich"). */
  unknownWords(text: string): string[] {
    const known = this.matching(text).entries;
    // The words of a known phrase ("sign up") are known, each on its own too.
    const rest = known.reduce((t, e) => t.replace(e.enAll, ' '), text);
    return (rest.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []).filter((w) => !ENGLISH_FILLER.has(w) && !known.some((e) => e.en.test(w)));
  }

  /** English words for the German words of a text: a German question about a call written in English searches with them. */
  english(text: string): string[] {
    return this.entries.filter((e) => e.deWords.test(text)).flatMap((e) => e.enWords);
  }

  /** German terms for the English words in a text (the same array again for the same text: do not change it). */
  expand(text: string): readonly string[] {
    return this.matching(text).terms;
  }
}

/** The content words of an English text, for a question about a call written in English: no filler, no function words. */
export function englishContentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []).filter((w) => !ENGLISH_FILLER.has(w) && !ENGLISH_FUNCTION_WORDS.has(w));
}

const ENGLISH_FUNCTION_WORDS = new Set(
  `the and for are was were been being does did can may our ours you your its they them their not any all but nor yet per via has had its into onto upon out off over under than then also too own same other such both either neither whether while during before after since until within without whose whom who what why how get got`.split(/\s+/),
);

/** English words of asking and everyday filler, which name no topic. */
const ENGLISH_FILLER = new Set(
  `what when where which who whom whose why how does have will would could should shall must might there their them they this that these those with from into about your yours ours also just only some any many much more most very than then such each every other another like need needs want wants know tell please thanks thank hello able make made give given take taken find found still again even here well really please kind sort used using use`.split(/\s+/),
);

