// Means and paired bootstrap confidence intervals over documents, seeded so
// every run prints the same interval.
import { mulberry32 } from './baselines.mjs';

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * 95% interval of the mean of paired differences a[i] - b[i], by resampling
 * documents with replacement `rounds` times (percentile method).
 * Returns { delta, low, high }.
 */
export function bootstrapDelta(a, b, { rounds = 1000, seed = 0x5eed } = {}) {
  const d = a.map((x, i) => x - b[i]);
  const n = d.length;
  if (n === 0) return { delta: 0, low: 0, high: 0 };
  const rnd = mulberry32(seed);
  const means = new Float64Array(rounds);
  for (let r = 0; r < rounds; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[Math.floor(rnd() * n)];
    means[r] = s / n;
  }
  means.sort();
  return { delta: mean(d), low: means[Math.floor(0.025 * rounds)], high: means[Math.ceil(0.975 * rounds) - 1] };
}
