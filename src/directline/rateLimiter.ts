/** Outcome of one attempt against a rate limit. */
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Fixed one-minute windows per key, on an injectable clock so tests can step time. */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts one attempt for `key` and says whether it is within the limit. */
  take(key: string): RateDecision {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      // Memory stays bounded even under a flood of distinct keys (e.g. spoofed sources behind a proxy).
      if (!w && this.windows.size >= this.maxKeys) this.prune(t, true);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    const allowed = w.count <= this.perMinute;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000)) };
  }

  /** Drops finished windows; with `hard`, drops everything if that was not enough. */
  prune(t = this.now(), hard = false): void {
    for (const [key, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(key);
    if (hard && this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
