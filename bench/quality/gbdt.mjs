// Gradient-boosted decision trees for binary labels (logistic loss), small
// and deterministic: the fitting half of a model whose applying half is a few
// lines of C++ (core/src/sentence_model.hpp).
//
//   fitTrees(rows, featureCount, options) -> { base, trees }
//   rows: [{ x: number[], y: 0 | 1, w: weight }]
//   trees: [[node, ...], ...]; node = { feature, threshold, left, right } or
//          { value }; a row goes left when x[feature] < threshold.
//
// Histogram splits: each feature is cut into at most `bins` bins at quantiles
// of the training values; a split threshold is a bin edge. Thresholds and
// leaf values are rounded to float32 (Math.fround), the precision the C++
// table stores, so fitting and applying compare the same numbers. No
// randomness; ties go to the lower feature index and bin.

export const TREE_DEFAULTS = Object.freeze({ rounds: 120, depth: 2, rate: 0.15, lambda: 1, bins: 32, minHessian: 1e-3 });

function binEdges(rows, f, bins) {
  const values = Float64Array.from(rows, (r) => r.x[f]).sort();
  const edges = [];
  for (let b = 1; b < bins; b++) {
    const v = Math.fround(values[Math.floor((b * values.length) / bins)]);
    // an edge must split something: above the smallest value, above the last edge
    if (v > values[0] && (edges.length === 0 || v > edges[edges.length - 1])) edges.push(v);
  }
  return edges;
}

// Bin index of v: the number of edges <= v (rows with bin <= b go left of edge b+1... see split).
function binOf(edges, v) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v < edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Applies a fitted model to one feature vector: the logit. */
export function applyTrees(model, x) {
  let s = model.base;
  for (const tree of model.trees) {
    let k = 0;
    while (tree[k].value === undefined) k = x[tree[k].feature] < tree[k].threshold ? tree[k].left : tree[k].right;
    s += tree[k].value;
  }
  return s;
}

export function fitTrees(rows, featureCount, options = {}) {
  const { rounds, depth, rate, lambda, bins, minHessian } = { ...TREE_DEFAULTS, ...options };
  const n = rows.length;
  const edges = [];
  const binned = [];
  for (let f = 0; f < featureCount; f++) {
    const e = binEdges(rows, f, bins);
    edges.push(e);
    const column = new Uint8Array(n);
    for (let i = 0; i < n; i++) column[i] = binOf(e, rows[i].x[f]);
    binned.push(column);
  }
  let sumY = 0;
  let sumW = 0;
  for (const r of rows) {
    sumY += r.w * r.y;
    sumW += r.w;
  }
  const p0 = Math.min(Math.max(sumY / sumW, 1e-6), 1 - 1e-6);
  const base = Math.fround(Math.log(p0 / (1 - p0)));
  const logit = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees = [];

  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]));
      g[i] = rows[i].w * (p - rows[i].y);
      h[i] = rows[i].w * p * (1 - p);
    }
    const tree = [];
    const grow = (members, level) => {
      const id = tree.length;
      tree.push(null);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += g[i];
        H += h[i];
      }
      let best = null;
      if (level < depth) {
        const parent = (G * G) / (H + lambda);
        for (let f = 0; f < featureCount; f++) {
          const nb = edges[f].length + 1;
          if (nb < 2) continue;
          const hg = new Float64Array(nb);
          const hh = new Float64Array(nb);
          const column = binned[f];
          for (const i of members) {
            hg[column[i]] += g[i];
            hh[column[i]] += h[i];
          }
          let GL = 0;
          let HL = 0;
          for (let b = 0; b + 1 < nb; b++) {
            GL += hg[b];
            HL += hh[b];
            const GR = G - GL;
            const HR = H - HL;
            if (HL < minHessian || HR < minHessian) continue;
            const gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parent;
            if (gain > 1e-12 && (best === null || gain > best.gain)) best = { gain, feature: f, bin: b };
          }
        }
      }
      if (best === null) {
        const value = Math.fround((-G / (H + lambda)) * rate);
        tree[id] = { value };
        for (const i of members) logit[i] += value;
        return id;
      }
      const column = binned[best.feature];
      const left = [];
      const right = [];
      for (const i of members) (column[i] <= best.bin ? left : right).push(i);
      const node = { feature: best.feature, threshold: edges[best.feature][best.bin], left: 0, right: 0 };
      tree[id] = node;
      node.left = grow(left, level + 1);
      node.right = grow(right, level + 1);
      return id;
    };
    grow(Array.from({ length: n }, (_, i) => i), 0);
    trees.push(tree);
  }
  return { base, trees };
}

/**
 * The same model as complete trees of the fitted depth, in heap order — the
 * compact table the C++ side applies: per tree, 2^depth - 1 split features
 * and thresholds, then 2^depth leaf values. A leaf above the last level
 * becomes a split that always goes left (threshold Infinity) over two copies
 * of itself. Applying it gives exactly applyTrees's sum.
 */
export function completeTrees(model, depth) {
  const inner = 2 ** depth - 1;
  const features = [];
  const thresholds = [];
  const leaves = [];
  for (const tree of model.trees) {
    const f = new Array(inner).fill(0);
    const t = new Array(inner).fill(Infinity);
    const l = new Array(inner + 1).fill(0);
    const fill = (k, at, level) => {
      const node = tree[k];
      if (level === depth) {
        if (node.value === undefined) throw new Error(`a tree is deeper than ${depth}`);
        l[at - inner] = node.value;
        return;
      }
      if (node.value === undefined) {
        f[at] = node.feature;
        t[at] = node.threshold;
        fill(node.left, 2 * at + 1, level + 1);
        fill(node.right, 2 * at + 2, level + 1);
      } else {
        fill(k, 2 * at + 1, level + 1);
        fill(k, 2 * at + 2, level + 1);
      }
    };
    fill(0, 0, 0);
    features.push(...f);
    thresholds.push(...t);
    leaves.push(...l);
  }
  return { base: model.base, depth, trees: model.trees.length, features, thresholds, leaves };
}

/** Applies a completeTrees table to one feature vector: the logit. */
export function applyComplete(table, x) {
  const inner = 2 ** table.depth - 1;
  let s = table.base;
  for (let tree = 0; tree < table.trees; tree++) {
    let k = 0;
    for (let level = 0; level < table.depth; level++) {
      const at = tree * inner + k;
      k = 2 * k + (x[table.features[at]] < table.thresholds[at] ? 1 : 2);
    }
    s += table.leaves[tree * (inner + 1) + k - inner];
  }
  return s;
}
