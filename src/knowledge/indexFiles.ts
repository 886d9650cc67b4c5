import { z } from 'zod';

/** Bump when the on-disk index format or the text pipeline changes: a stale index is rebuilt. */
export const INDEX_FORMAT = 44;

export const manifestSchema = z.object({
  format: z.number(),
  version: z.string(),
  createdAt: z.string(),
  embedder: z.object({ name: z.string(), dimensions: z.number().int().positive() }),
  programsHash: z.string(),
  sources: z.array(
    z.object({ file: z.string(), id: z.string(), hash: z.string(), title: z.string(), modified: z.string(), chunks: z.number().int().min(0) }),
  ),
  chunkCount: z.number().int().min(0),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const currentPointerSchema = z.object({ version: z.string().regex(/^[\w.-]+$/) });

export const chunkSchema = z.object({
  id: z.string(),
  docId: z.string(),
  section: z.string(),
  kind: z.enum(['faq', 'text']),
  text: z.string(),
  question: z.string().optional(),
  sentences: z.array(z.string()),
});

export const storedDocSchema = z.object({
  id: z.string(), file: z.string(), title: z.string(), hash: z.string(), modified: z.string(), text: z.string(),
});
export type StoredDoc = z.infer<typeof storedDocSchema>;

export const contentSchema = z.object({
  docs: z.array(storedDocSchema),
  chunks: z.array(chunkSchema),
  // Programmes were validated with the programme schema before they were written.
  programs: z.array(z.record(z.string(), z.unknown())),
});
