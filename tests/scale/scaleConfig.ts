import { z } from 'zod';

/** SCALE_CONVERSATIONS (default 200): how many conversations the scale tests run at once. */
export function scaleConversations(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = z.coerce.number().int().min(1).max(5000).default(200).safeParse(env.SCALE_CONVERSATIONS || undefined);
  if (!parsed.success) throw new Error(`SCALE_CONVERSATIONS: expected a whole number from 1 to 5000, got "${env.SCALE_CONVERSATIONS}"`);
  return parsed.data;
}
