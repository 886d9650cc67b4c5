import { z } from 'zod';
import type { AppStorage } from './appStorage.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  /** Time between purges. Default one hour. */
  intervalMs?: number;
  /** Called after every purge with the number of items deleted (possibly 0). */
  onPurged?: (n: number) => void;
  /** Called when a purge fails; the next one is still scheduled. */
  onError?: (err: unknown) => void;
}

const argsSchema = z.object({
  retentionDays: z.number().positive().finite(),
  intervalMs: z.number().int().min(1).max(2_147_483_647).default(60 * 60 * 1000),
});

/**
 * Deletes items not written for retentionDays, now and then every intervalMs.
 * Returns stop(), which cancels the schedule and resolves once a running purge has finished.
 */
export function startRetention(storage: AppStorage, retentionDays: number, opts: RetentionOptions = {}): () => Promise<void> {
  const { intervalMs } = argsSchema.parse({ retentionDays, intervalMs: opts.intervalMs });
  const maxAgeMs = retentionDays * DAY_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const purge = async () => {
    try {
      const n = await storage.purgeOlderThan(maxAgeMs);
      opts.onPurged?.(n);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  // Scheduled after each purge ends (not setInterval), so a slow purge never overlaps the next.
  const cycle = () => {
    running = purge().then(() => {
      if (stopped) return;
      timer = setTimeout(cycle, intervalMs);
      // Housekeeping alone must not keep the process alive.
      timer.unref();
    });
  };
  cycle();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
