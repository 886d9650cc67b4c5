import { z } from 'zod';

// Ids end up in storage keys, log hashes and reply URLs: no control characters.
const NO_CONTROLS = /^[^\u0000-\u001f\u007f]*$/;
const id = z.string().min(1).max(512).regex(NO_CONTROLS, 'must not contain control characters');
const optionalId = z.string().max(512).regex(NO_CONTROLS, 'must not contain control characters');
const account = z.object({ id, name: z.string().max(512).optional().nullable() }).passthrough();

// botbuilder's mention helpers read `mentioned.id` and `text` and replace in the activity text.
const entity = z
  .object({ type: z.string().max(128).optional().nullable() })
  .passthrough()
  .superRefine((e, ctx) => {
    if (e.type !== 'mention') return;
    const m = e as { mentioned?: { id?: unknown } | null; text?: unknown };
    if (typeof m.mentioned?.id !== 'string') ctx.addIssue({ code: 'custom', path: ['mentioned', 'id'], message: 'a mention needs the mentioned account id' });
    if (m.text !== undefined && m.text !== null && typeof m.text !== 'string') ctx.addIssue({ code: 'custom', path: ['text'], message: 'must be a string' });
  });

/** The parts of an incoming activity the service relies on; everything else passes through. */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64).regex(/^[A-Za-z0-9/._-]+$/, 'must be an activity type name'),
    id: optionalId.optional(),
    channelId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'must be a channel name'),
    serviceUrl: z.string().min(1).max(2048).regex(NO_CONTROLS, 'must not contain control characters'),
    conversation: z.object({ id, conversationType: z.string().max(64).optional().nullable() }).passthrough(),
    from: account,
    recipient: z.object({ id: optionalId }).passthrough().optional(),
    // Longer texts are accepted and answered with a polite note; the body size limit bounds them.
    text: z.string().max(200_000).optional().nullable(),
    locale: z.string().max(35).optional().nullable(),
    // Objects only: the bot reads `.type`, `.contentType`, `.id` on the items.
    attachments: z.array(z.object({ contentType: z.string().max(256).optional().nullable() }).passthrough()).max(50).optional().nullable(),
    entities: z.array(entity).max(50).optional().nullable(),
    membersAdded: z.array(account).max(256).optional().nullable(),
    membersRemoved: z.array(account).max(256).optional().nullable(),
    replyToId: optionalId.optional().nullable(),
    deliveryMode: z.string().max(32).optional(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    // A mention points into the text; botbuilder strips it from `text` and fails when there is none.
    if (typeof a.text !== 'string' && a.entities?.some((e) => e.type === 'mention')) ctx.addIssue({ code: 'custom', path: ['text'], message: 'required when entities contain a mention' });
  });

/** A zod error as one readable line that names the fields; never echoes the input. */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.').slice(0, 100) || '(body)'}: ${i.message.slice(0, 120)}`)
    .join('; ');
}
