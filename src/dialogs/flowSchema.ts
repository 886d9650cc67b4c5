import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

export const SLOT_TYPES = ['text', 'entityType', 'state', 'population', 'yesno', 'email', 'programs'] as const;

const condition = z.union([
  z.object({ slot: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ flag: z.string() }),
  z.object({ notFlag: z.string() }),
]);
export type SkipCondition = z.infer<typeof condition>;

export const slotSchema = z.object({
  slot: z.string().regex(/^[a-zA-Z]+$/),
  type: z.enum(SLOT_TYPES),
  optional: z.boolean().default(false),
  prompt: z.string(),
  reprompt: z.string(),
  help: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
  skipIf: z.array(condition).default([]),
  /** The answer may itself be a question (the handoff's question slot): never treated as an interruption. */
  takesQuestion: z.boolean().default(false),
});
export type SlotDefinition = z.infer<typeof slotSchema>;

export const flowSchema = z.object({
  id: z.string().regex(/^[a-zA-Z]+$/),
  fillFromText: z.boolean().default(false),
  /** Flow-level texts (keys in the dialogs namespace of locales). */
  messages: z.object({ tooManyInvalid: z.string(), resume: z.string(), cancelled: z.string() }),
  slots: z.array(slotSchema).min(1),
});
export type FlowDefinition = z.infer<typeof flowSchema>;

/** Reads one flow from dialogs/<file>.yaml; errors name the file and field. */
export function loadFlow(dialogsDir: string, file: string): FlowDefinition {
  const parsed = flowSchema.safeParse(YAML.parse(readFileSync(join(dialogsDir, file), 'utf8')));
  if (!parsed.success) throw new Error(`dialogs/${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
