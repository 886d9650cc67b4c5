import { z } from 'zod';

const id = z.string().min(1).max(512);

/** The parts of an incoming activity the service relies on; everything else passes through. */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    conversation: z.object({ id, conversationType: z.string().max(64).optional() }).passthrough(),
    from: z.object({ id, name: z.string().max(512).optional() }).passthrough(),
    recipient: z.object({ id: z.string().max(512) }).passthrough().optional(),
    // Longer texts are accepted and answered with a polite note; the body size limit bounds them.
    text: z.string().max(200_000).optional().nullable(),
    locale: z.string().max(35).optional().nullable(),
    attachments: z.array(z.unknown()).max(50).optional(),
    entities: z.array(z.unknown()).max(50).optional(),
    deliveryMode: z.string().max(32).optional(),
  })
  .passthrough();

/** A zod error as one readable line that names the fields. */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}
