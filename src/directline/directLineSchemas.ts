import { z } from 'zod';

/** A BCP 47 language tag such as de-DE. */
export const localeSchema = z.string().max(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/, 'not a BCP 47 language tag');

/** Watermarks this server hands out: '' (from the start) or a decimal sequence number. */
export const watermarkSchema = z.string().regex(/^\d{0,15}$/, 'not a watermark');

const accountSchema = z.object({
  id: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  role: z.string().max(32).optional(),
});

/** POST /conversations and POST /tokens/generate bodies (both optional, as Azure's). */
export const startBodySchema = z
  .object({
    user: accountSchema.optional(),
    locale: localeSchema.optional(),
    trustedOrigins: z.array(z.string().max(512)).max(20).optional(),
  })
  .optional();

/** Activity types a Direct Line client may post; conversationUpdate and the like are the service's to send. */
export const clientActivityTypes = ['message', 'event', 'typing', 'invoke', 'messageReaction', 'endOfConversation'] as const;

/** An activity as a Direct Line client posts it; unknown fields are dropped. */
export const clientActivitySchema = z.object({
  type: z.enum(clientActivityTypes),
  text: z.string().max(100_000).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: localeSchema.optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  from: accountSchema.optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  valueType: z.string().max(256).optional(),
  replyToId: z.string().max(256).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  reactionsAdded: z.array(z.object({ type: z.string().max(64) })).max(10).optional(),
  reactionsRemoved: z.array(z.object({ type: z.string().max(64) })).max(10).optional(),
  // Uploads would need the /upload endpoint and a place to keep files; the widget disables them.
  attachments: z.array(z.unknown()).max(0, 'file uploads are not supported').optional(),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** Azure Direct Line's answer to tokens/generate. */
export const azureTokenResponseSchema = z.object({
  conversationId: z.string().min(1).max(256),
  token: z.string().min(1).max(4096),
  expires_in: z.number().int().positive(),
});
