import { existsSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { STOPWORDS, stem, words } from '../retrieval/textAnalysis.js';

const synonymFileSchema = z.array(z.array(z.string().min(1)).min(2));

/**
 * German words and phrases that name the same thing in questions and call texts ("Verwaltungsspitze"
 * / "Leitung der Gesamtverwaltung", "Webinar" / "Informationsveranstaltung"), from
 * knowledge/synonyms.yaml. A question word counts as found in a passage when one of its synonyms is
 * there (every content word of a phrase); staff add a group when a reworded question misses a
 * passage, with no code change.
 */
export class Synonyms {
  /** Stem of a one-word entry → the other entries of its groups, each as its content stems. */
  private readonly byStem = new Map<string, string[][]>();
  /** Stem of a one-word entry → the other entries as written, for the search text. */
  private readonly textsByStem = new Map<string, string[]>();

  constructor(groups: readonly (readonly string[])[]) {
    for (const group of groups) {
      const entries = group.map((text) => ({ text, stems: contentStems(text) })).filter((e) => e.stems.length > 0);
      for (const e of entries) {
        if (e.stems.length !== 1) continue;
        const key = e.stems[0];
        const others = entries.filter((o) => o !== e && !(o.stems.length === 1 && o.stems[0] === key));
        this.byStem.set(key, [...(this.byStem.get(key) ?? []), ...others.map((o) => o.stems)]);
        this.textsByStem.set(key, [...(this.textsByStem.get(key) ?? []), ...others.map((o) => o.text)]);
      }
    }
  }

  static readonly none = new Synonyms([]);

  static load(file: string): Synonyms {
    if (!existsSync(file)) return Synonyms.none;
    const parsed = synonymFileSchema.safeParse(YAML.parse(readFileSync(file, 'utf8')) ?? []);
    if (!parsed.success) throw new Error(`${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return new Synonyms(parsed.data);
  }

  /** Other ways to say the word whose stem this is, each as the stems that must all be present. */
  alternatives(stemmed: string): readonly (readonly string[])[] {
    return this.byStem.get(stemmed) ?? NONE;
  }

  /** Whether one of the word's synonyms is wholly there, by the caller's test of a stem. */
  foundBy(stemmed: string, has: (stem: string) => boolean): boolean {
    return this.alternatives(stemmed).some((alt) => alt.every(has));
  }

  /** The synonyms of a text's words as written, to widen a search; empty when there are none. */
  expand(text: string): string[] {
    if (this.byStem.size === 0) return NONE_TEXT;
    const out = new Set<string>();
    for (const w of words(text)) for (const t of this.textsByStem.get(stem(w)) ?? []) out.add(t);
    return [...out];
  }
}

const NONE: readonly (readonly string[])[] = [];
const NONE_TEXT: string[] = [];

function contentStems(text: string): string[] {
  return [...new Set(words(text.replace(/-/g, ' ')).filter((w) => !STOPWORDS.has(w) && w.length >= 2).map((w) => stem(w)))];
}
