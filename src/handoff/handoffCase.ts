import { z } from 'zod';
import type { HandoffCase } from './outboxStore.js';

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time');

/** zod schema for a HandoffCase, used where cases enter the outbox and where they are read back. */
export const handoffCaseSchema = z.object({
  reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, 'letters, digits, "-" or "_"'),
  programId: z.string().min(1).nullable(),
  programName: z.string().min(1).nullable(),
  recipient: z.email(),
  createdAt: iso,
  locale: z.enum(['de', 'en']),
  userKey: z.string().min(1),
  question: z.string(),
  replyTo: z.email().nullable(),
  profile: z.record(z.string(), z.string()).nullable(),
  transcript: z.array(z.object({ from: z.enum(['user', 'bot']), text: z.string(), at: iso })),
  citations: z.array(z.object({ title: z.string(), quote: z.string(), url: z.string().optional() })),
}) satisfies z.ZodType<HandoffCase>;

/** Parses a case read back from storage; a row that no longer fits the schema is a bug worth failing on. */
export function parseStoredCase(value: unknown): HandoffCase {
  return handoffCaseSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
}
