// Gradient-boosted trees for the block model: logistic loss, complete trees
// of a fixed depth, thresholds from per-feature quantiles. Deterministic: no
// sampling, ties broken by feature then threshold order.

/** Candidate thresholds per feature: midpoints between distinct values (at most `bins` of them, by weighted quantile). */
export function thresholds(rows, dims, bins = 48) {
  const out = [];
  for (let j = 0; j < dims; j++) {
    const values = new Map();
    for (const r of rows) values.set(r.f[j], (values.get(r.f[j]) ?? 0) + r.w);
    const sorted = [...values.entries()].sort((a, b) => a[0] - b[0]);
    const cuts = [];
    if (sorted.length <= bins) {
      for (let k = 1; k < sorted.length; k++) cuts.push(Math.fround((sorted[k - 1][0] + sorted[k][0]) / 2));
    } else {
      const total = sorted.reduce((a, [, w]) => a + w, 0);
      let acc = 0, next = 1;
      for (let k = 0; k + 1 < sorted.length; k++) {
        acc += sorted[k][1];
        if (acc >= (next * total) / bins) {
          cuts.push(Math.fround((sorted[k][0] + sorted[k + 1][0]) / 2));
          while (acc >= (next * total) / bins) next++;
        }
      }
    }
    out.push([...new Set(cuts)]);
  }
  return out;
}

// Units of the integers a tree keeps (core/src/block_features.hpp, BlockTree):
// every feature is in [0, 1]; a threshold is a multiple of 1/32768 (NEVER,
// above any feature, sends every block left), a leaf a multiple of 1/128
// that fits a signed byte (up to ±127/128 log-odds: boosting spreads a larger
// step over the following trees, since the scores it fits against are the
// clamped ones).
export const THRESHOLD_UNIT = 32768;
export const LEAF_UNIT = 128;
export const LEAF_MAX = 127; // BlockTree::kLeafMax
export const NEVER = 65535;

/**
 * Fits trees on rows [{f, gold, w}]. Returns {base, trees: [{feature[], threshold[], leaf[]}]}: a tree of
 * depth d has 2^d - 1 split nodes in breadth-first order (children of k: 2k+1, 2k+2; right when
 * f[feature] >= threshold / THRESHOLD_UNIT) and 2^d leaves; the score is base + the sum of the leaves
 * reached, each / LEAF_UNIT. Splits and leaves are rounded to those units as they are made, so the
 * fit sees the scores the core will compute.
 */
export function fitTrees(rows, dims, { depth = 3, rounds = 100, rate = 0.1, lambda = 1, minHessian = 1 } = {}) {
  const N = rows.length;
  let W = 0;
  for (const r of rows) W += r.w;
  const scale = N / W; // mean weight 1
  const w = Float64Array.from(rows, (r) => r.w * scale);
  const y = Float64Array.from(rows, (r) => r.gold);
  const cuts = thresholds(rows, dims);
  // bin[j][n]: index of the first cut above the value (values >= cut k go right of split at cut k).
  const bin = cuts.map((c, j) => {
    const b = new Uint8Array(N);
    for (let n = 0; n < N; n++) {
      const v = rows[n].f[j];
      let lo = 0, hi = c.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v >= c[mid]) lo = mid + 1;
        else hi = mid;
      }
      b[n] = lo;
    }
    return b;
  });
  let pos = 0;
  for (let n = 0; n < N; n++) pos += w[n] * y[n];
  const prior = Math.min(Math.max(pos / N, 1e-6), 1 - 1e-6);
  const base = round(Math.log(prior / (1 - prior)));
  const score = new Float64Array(N).fill(base);
  const g = new Float64Array(N), h = new Float64Array(N);
  const trees = [];
  const splits = (1 << depth) - 1;
  for (let t = 0; t < rounds; t++) {
    for (let n = 0; n < N; n++) {
      const p = 1 / (1 + Math.exp(-score[n]));
      g[n] = w[n] * (p - y[n]);
      h[n] = w[n] * p * (1 - p);
    }
    const tree = { feature: new Array(splits).fill(0), threshold: new Array(splits).fill(NEVER), leaf: new Array(splits + 1).fill(0) };
    let nodes = [Uint32Array.from({ length: N }, (_, n) => n)];
    for (let level = 0; level < depth; level++) {
      const next = [];
      nodes.forEach((idx, k) => {
        const node = (1 << level) - 1 + k;
        let G = 0, H = 0;
        for (const n of idx) {
          G += g[n];
          H += h[n];
        }
        let best = { gain: 1e-9, j: -1, cut: 0 };
        for (let j = 0; j < dims; j++) {
          const c = cuts[j];
          if (!c.length) continue;
          const hg = new Float64Array(c.length + 1), hh = new Float64Array(c.length + 1);
          const b = bin[j];
          for (const n of idx) {
            hg[b[n]] += g[n];
            hh[b[n]] += h[n];
          }
          let GL = 0, HL = 0;
          for (let k2 = 0; k2 < c.length; k2++) {
            GL += hg[k2];
            HL += hh[k2];
            const GR = G - GL, HR = H - HL;
            if (HL < minHessian || HR < minHessian) continue;
            const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - (G * G) / (H + lambda);
            if (gain > best.gain) best = { gain, j, cut: k2 };
          }
        }
        let left = idx, right = new Uint32Array(0);
        if (best.j >= 0) {
          const q = Math.max(1, Math.round(cuts[best.j][best.cut] * THRESHOLD_UNIT));
          tree.feature[node] = best.j;
          tree.threshold[node] = q;
          const l = [], r = [];
          for (const n of idx) (quantize(rows[n].f[best.j]) >= q ? r : l).push(n);
          left = Uint32Array.from(l);
          right = Uint32Array.from(r);
        }
        next.push(left, right);
      });
      nodes = next;
    }
    nodes.forEach((idx, k) => {
      let G = 0, H = 0;
      for (const n of idx) {
        G += g[n];
        H += h[n];
      }
      const q = Math.max(-LEAF_MAX, Math.min(LEAF_MAX, Math.round((-G / (H + lambda)) * rate * LEAF_UNIT)));
      tree.leaf[k] = q;
      for (const n of idx) score[n] += q / LEAF_UNIT;
    });
    trees.push(tree);
  }
  return { kind: 'trees', base, trees, threshold: 0 };
}

const round = (x) => Number(x.toFixed(5)) + 0;

/** A feature as the core compares it: floor(f * 32768), f a float. */
const quantize = (x) => Math.floor(Math.fround(x) * THRESHOLD_UNIT);

/** The score of a feature vector, as the core computes it. */
export function treeScore(model, f) {
  let s = model.base;
  for (const t of model.trees) {
    let k = 0;
    while (k < t.feature.length) k = 2 * k + 1 + (quantize(f[t.feature[k]]) >= t.threshold[k] ? 1 : 0);
    s += t.leaf[k - t.feature.length] / LEAF_UNIT;
  }
  return s;
}
