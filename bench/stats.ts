/** Order statistics of latency samples, in the samples' unit. */
export interface Summary {
  n: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values), nearest-rank p99, mean, min, max. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  const p99 = s[Math.min(n - 1, Math.ceil(0.99 * n) - 1)];
  return { n, median, p99, mean: s.reduce((a, b) => a + b, 0) / n, min: s[0], max: s[n - 1] };
}

export { seededRandom } from '../tests/support/seededRandom.js';

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
