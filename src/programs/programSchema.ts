import { z } from 'zod';

const bilingual = z.object({ de: z.string().min(3), en: z.string().min(3) });
const quote = z.string().min(8, 'a quote needs at least 8 characters');

export const ENTITY_TYPES = ['landkreis', 'kreisfreie_stadt', 'kreisangehoerige_stadt', 'gemeinde', 'organisation'] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const FACT_TOPICS = [
  'deadline', 'signature', 'anonymity', 'eligibility', 'money', 'benefits', 'ownFunds', 'contact', 'process', 'changes', 'about', 'funder',
] as const;
export const factTopicSchema = z.enum(FACT_TOPICS);
export type FactTopic = z.infer<typeof factTopicSchema>;

/** A curated answer: one sentence per language, resting on a verbatim quote from the source. */
export const factSchema = z.object({
  topic: factTopicSchema,
  answer: bilingual,
  quote,
  /** Further passages the answer rests on (each verified, each cited). */
  moreQuotes: z.array(quote).default([]),
});
export type Fact = z.infer<typeof factSchema>;

export const deadlineSchema = z
  .object({
    /** ISO date when the text gives a full date. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    /** "MM-DD" when the text gives a day and month but no year. */
    dayMonth: z.string().regex(/^\d{2}-\d{2}$/).optional(),
    label: bilingual.optional(),
    quote,
  })
  .refine((d) => Boolean(d.date) !== Boolean(d.dayMonth), { message: 'a deadline has either date or dayMonth' });
export type Deadline = z.infer<typeof deadlineSchema>;

export const ruleSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('entityTypes'),
    allowed: z.array(entityTypeSchema).min(1),
    /** What others get: "no" when the text excludes them, "unclear" when it merely doesn't name them. */
    others: z.enum(['no', 'unclear']).default('no'),
    /** Set when the quote is an exclusion ("… sind nicht antragsberechtigt"): the rule speaks only to these. */
    excluded: z.array(entityTypeSchema).optional(),
    /** The way the excluded ones take part instead ("nur über ihren Landkreis"), when the quote names one. */
    via: z.enum(['landkreis', 'amt', 'verband']).optional(),
    /** The exclusion names only Gemeinden that belong to an association ("Ortsgemeinden", "amtsangehörige Gemeinden"). */
    membersOnly: z.boolean().optional(),
    note: bilingual.optional(),
    quote,
  }),
  z.object({
    /** "Der Förderaufruf ist auf die Landkreise A, B und C beschränkt": only municipalities there. */
    type: z.literal('districts'),
    allowed: z.array(z.string()).min(1),
    quote,
  }),
  z.object({
    type: z.literal('states'),
    allowed: z.array(z.string()).min(1),
    /** Read from where the text mentions states, not from a sentence on who may apply: another state is "unclear", not "no". */
    mentionedOnly: z.boolean().optional(),
    quote,
  }),
  z.object({
    type: z.literal('population'),
    min: z.number().int().min(0).optional(),
    max: z.number().int().positive().optional(),
    /** The kinds of applicant the limit is for ("… sowie kreisangehörige Gemeinden mit mindestens 20.000"); all when unset. */
    appliesTo: z.array(entityTypeSchema).optional(),
    /** The kinds the limit is not for, when the sentence freeing them sets a condition of its own ("unabhängig von ihrer Einwohnerzahl …, sofern das Projekt …"). */
    exemptOnCondition: z.object({ types: z.array(entityTypeSchema).min(1), quote: z.string().min(1) }).optional(),
    quote,
  }),
  z.object({
    type: z.literal('jointBelow'),
    threshold: z.number().int().positive(),
    partnersMin: z.number().int().min(1),
    partnersMax: z.number().int().min(1),
    /** Read from a call's text: the quote says with whom or by which route; the verdict points to it. */
    asQuoted: z.boolean().optional(),
    quote,
  }),
  z.object({ type: z.literal('leadershipSupport'), quote }),
  z.object({ type: z.literal('contactPerson'), quote }),
  z.object({ type: z.literal('anonymity'), possible: z.boolean(), quote }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const programFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  kind: z.enum(['call', 'research']).default('call'),
  name: z.string().min(2),
  shortName: z.string().min(2),
  aliases: z.array(z.string().min(2)).default([]),
  /** File name in knowledge/sources/. */
  source: z.string().min(1),
  /** The title cited for this source. */
  documentTitle: z.string().min(2),
  url: z.string().url().optional(),
  funder: z.object({ value: z.string(), valueEn: z.string().optional(), quote }).optional(),
  implementer: z.object({ value: z.string(), valueEn: z.string().optional(), quote }).optional(),
  /** Where handoffs for this programme go; the configured default otherwise. */
  handoffEmail: z.string().email().optional(),
  contacts: z.array(z.object({ name: z.string().optional(), email: z.string().email().optional(), phone: z.string().optional(), role: z.string().optional(), quote })).default([]),
  deadline: deadlineSchema.optional(),
  facts: z.array(factSchema).default([]),
  rules: z.array(ruleSchema).default([]),
});
export type ProgramFile = z.infer<typeof programFileSchema>;

/** A programme as the answering side sees it: curated, or derived from an uncurated source. */
export interface Program {
  id: string;
  kind: 'call' | 'research';
  name: string;
  shortName: string;
  aliases: string[];
  docIds: string[];
  documentTitle: string;
  url?: string;
  handoffEmail?: string;
  curated: boolean;
  funder?: { value: string; valueEn?: string; quote: string };
  implementer?: { value: string; valueEn?: string; quote: string };
  contacts: ProgramFile['contacts'];
  deadline?: Deadline;
  facts: Fact[];
  rules: Rule[];
}
