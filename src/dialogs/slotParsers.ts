import { z } from 'zod';
import type { Program } from '../programs/programSchema.js';
import { extractEntityType, extractState, extractPopulation } from '../nlu/profileEntities.js';
import { parseQuantity } from '../nlu/numbers.js';
import type { ProgramDetector } from '../nlu/programDetector.js';
import type { SlotDefinition } from './flowSchema.js';

export type SlotValue = string | number | boolean | string[];

/** Result of reading an answer: a value, an explicit skip, "keep the previous value", or invalid. */
export type ParseResult = { kind: 'value'; value: SlotValue } | { kind: 'skip' } | { kind: 'keep' } | { kind: 'invalid' };

const YES = /^(ja|jo|jap|jep|jawohl|jein,? eher ja|genau|klar|sicher|stimmt|gewiss|natürlich|selbstverständlich|auf jeden fall|richtig|korrekt|ok|okay|yes|yep|yeah|yup|sure|of course|correct|right|y|j|👍|✅|ist (gegeben|der fall)|haben wir|gibt es)\b/i;
const NO = /^(nein|nö|ne|nee|nope|no|nicht|noch nicht|leider nicht|keine?|kein(e|en)? (person|unterstützung)|auf keinen fall|never|not yet|n|👎|❌)\b/i;
const SKIP = /^(überspringen|skip|weiter ohne|keine angabe|k\.?\s?a\.?|egal|weiß nicht|weiss nicht|keine|kein|none|no thanks|nein danke|-)\s*[.!]?$/i;
const KEEP = /^(weiter|unverändert|so lassen|beibehalten|passt so|keep|next|same|unchanged)\s*[.!]?$/i;
const ANONYMOUS = /^(anonym|anonymous|lieber nicht|möchte ich nicht sagen|keine angabe|prefer not to say)\b/i;
const ALL = /^(alle|all|egal|any|alles|sämtliche)\s*[.!]?$/i;

/** Reads a yes/no answer in German or English ("ja", "jo", "nein", "yes"). */
export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (NO.test(t)) return false;
  if (YES.test(t)) return true;
  return null;
}

const emailSchema = z.string().email().max(254);

/** Reads an answer for a slot; the text may also be a control word (skip / keep). */
export function parseSlot(slot: SlotDefinition, text: string, ctx: { programs: Program[]; detector: ProgramDetector; hasPrevious: boolean }): ParseResult {
  const t = text.trim();
  // "weiter" keeps the previous value; without one it skips an optional question.
  if (KEEP.test(t)) return ctx.hasPrevious ? { kind: 'keep' } : slot.optional ? { kind: 'skip' } : { kind: 'invalid' };
  switch (slot.type) {
    case 'text': {
      if (slot.optional && (ANONYMOUS.test(t) || SKIP.test(t))) return { kind: 'skip' };
      if (t.length < 2 || t.length > 200) return { kind: 'invalid' };
      return { kind: 'value', value: t };
    }
    case 'yesno': {
      const v = parseYesNo(t);
      return v === null ? { kind: 'invalid' } : { kind: 'value', value: v };
    }
    case 'email': {
      if (slot.optional && SKIP.test(t)) return { kind: 'skip' };
      const candidate = t.match(/[^\s<>()"',;]+@[^\s<>()"',;]+/)?.[0] ?? t;
      return emailSchema.safeParse(candidate.replace(/[.]$/, '')).success ? { kind: 'value', value: candidate.replace(/[.]$/, '') } : { kind: 'invalid' };
    }
    case 'entityType': {
      const byNumber = ['landkreis', 'kreisfreie_stadt', 'kreisangehoerige_stadt', 'gemeinde', 'organisation'][Number(t) - 1];
      if (/^[1-5]$/.test(t) && byNumber) return { kind: 'value', value: byNumber };
      const v = extractEntityType(t);
      return v ? { kind: 'value', value: v } : { kind: 'invalid' };
    }
    case 'state': {
      const v = extractState(t);
      return v ? { kind: 'value', value: v } : { kind: 'invalid' };
    }
    case 'population': {
      // Only plain positive numbers: "viele", "-5" and "1e9" are not populations.
      // "ca. 8.000", "rund 8000 EW", "about 8,000": the hedge and the unit are not part of the number.
      const bare = t.replace(/^(ca\.?|circa|etwa|rund|ungefähr|knapp|gut|über|unter|about|around|approx\.?|approximately|~)\s*/i, '').replace(/\s*(einwohner\w*|ew|inhabitants|residents|people)\.?\s*$/i, '');
      const v = extractPopulation(t) ?? (/^[\d\s.,]+(\s*(tsd\.?|tausend|k|mio\.?|millionen|thousand))?$|^[a-zäöü]+$/i.test(bare) ? parseQuantity(bare) : null);
      if (v === null || !Number.isInteger(v) || v < (slot.min ?? 1) || v > (slot.max ?? 5_000_000)) return { kind: 'invalid' };
      return { kind: 'value', value: v };
    }
    case 'programs': {
      if (ALL.test(t)) return { kind: 'value', value: [] };
      if (slot.optional && SKIP.test(t)) return { kind: 'skip' };
      const found = ctx.detector.detect(t).filter((p) => p.kind === 'call');
      return found.length ? { kind: 'value', value: found.map((p) => p.id) } : { kind: 'invalid' };
    }
  }
}
