// Baseline extractive summarizers of the quality harness.  Each takes the
// harness's sentence list (array of strings, document order) and a budget k
// and returns the selected sentence indices in document order.  Pure and
// deterministic (ties are broken by document position, earlier first).
//
// Word tokens for TextRank/LexRank: the ROUGE tokenizer of rouge.mjs
// (lowercased [a-z0-9] runs; single CJK characters; other Unicode letter
// runs) minus the small English stopword list below.  No stemming.

import { tokenize } from './rouge.mjs';

export const STOPWORDS = new Set(
  ('a an the and or but if then than so of to in on at by for with from into onto about over under ' +
    'as is are was were be been being am do does did doing have has had having it its it\'s this that these ' +
    'those there here i me my we us our you your he him his she her they them their what which who whom whose ' +
    'when where why how not no nor all any both each few more most other some such only own same too very can ' +
    'will would should could may might must shall just also s t d ll m re ve said says up out off again further ' +
    'once while during before after above below between through because until against').split(/\s+/),
);

export function contentWords(sentence) {
  return tokenize(sentence).filter((w) => !STOPWORDS.has(w));
}

/** First k sentences. */
export function lead(sentences, k) {
  return [...Array(Math.min(k, sentences.length)).keys()];
}

/** 32-bit FNV-1a of a string (UTF-16 code units). */
export function fnv1a(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32 PRNG: returns a function yielding floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct random sentences (partial Fisher-Yates, seeded by fnv1a(seedKey)), document order. */
export function random(sentences, k, seedKey) {
  const rnd = mulberry32(fnv1a(String(seedKey)));
  const idx = [...sentences.keys()];
  const n = Math.min(k, idx.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, n).sort((a, b) => a - b);
}

/** Indices of the k highest scores, ties -> earlier sentence; returned in document order. */
export function topK(scores, k) {
  return [...scores.keys()]
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, Math.min(k, scores.length))
    .sort((a, b) => a - b);
}

/**
 * TextRank (Mihalcea & Tarau 2004), sentence extraction variant.
 * sim(Si,Sj) = |distinct words in both| / (log|Si| + log|Sj|), |S| = number
 * of (non-stopword) word tokens; 0 when the denominator is not positive.
 * Weighted PageRank WS(i) = (1-d) + d * sum_j w_ji / sum_k w_jk * WS(j),
 * d = 0.85, start at 1, at most 50 iterations or until max |delta| < 1e-6.
 */
export function textrankScores(sentences, { d = 0.85, maxIter = 50, tol = 1e-6 } = {}) {
  const n = sentences.length;
  const toks = sentences.map(contentWords);
  const sets = toks.map((t) => new Set(t));
  const w = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const denom = Math.log(toks[i].length) + Math.log(toks[j].length);
      if (!(denom > 0)) continue;
      let common = 0;
      const [small, big] = sets[i].size <= sets[j].size ? [sets[i], sets[j]] : [sets[j], sets[i]];
      for (const x of small) if (big.has(x)) common++;
      w[i][j] = w[j][i] = common / denom;
    }
  }
  const outSum = w.map((row) => row.reduce((a, b) => a + b, 0));
  let ws = new Float64Array(n).fill(1);
  for (let it = 0; it < maxIter; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) if (w[j][i] > 0) s += (w[j][i] / outSum[j]) * ws[j];
      next[i] = 1 - d + d * s;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i] - ws[i]));
    ws = next;
    if (delta < tol) break;
  }
  return Array.from(ws);
}

export function textrank(sentences, k) {
  return topK(textrankScores(sentences), k);
}

/**
 * LexRank (Erkan & Radev 2004), thresholded variant.
 * idf-modified cosine over tf-idf vectors; IDF = log(N / df) computed over the
 * N sentences of the document itself (there is no background corpus offline).
 * Edges where cosine > 0.1 (self-loops included, as in the paper); rows are
 * degree-normalized; power iteration p = (1-d)/N + d * B^T p with d = 0.85,
 * uniform start, at most 100 iterations or until max |delta| < 1e-6.
 * A sentence without any weighted word has no edges and spreads its mass
 * uniformly (dangling node).
 */
export function lexrankScores(sentences, { threshold = 0.1, d = 0.85, maxIter = 100, tol = 1e-6 } = {}) {
  const n = sentences.length;
  if (n === 0) return [];
  const tfs = sentences.map((s) => {
    const tf = new Map();
    for (const wd of contentWords(s)) tf.set(wd, (tf.get(wd) ?? 0) + 1);
    return tf;
  });
  const df = new Map();
  for (const tf of tfs) for (const wd of tf.keys()) df.set(wd, (df.get(wd) ?? 0) + 1);
  const idf = new Map([...df].map(([wd, c]) => [wd, Math.log(n / c)]));
  const norms = tfs.map((tf) => Math.sqrt([...tf].reduce((a, [wd, c]) => a + (c * idf.get(wd)) ** 2, 0)));
  const adj = Array.from({ length: n }, () => new Uint8Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (norms[i] === 0 || norms[j] === 0) continue;
      const [a, b] = tfs[i].size <= tfs[j].size ? [tfs[i], tfs[j]] : [tfs[j], tfs[i]];
      let dot = 0;
      for (const [wd, c] of a) {
        const c2 = b.get(wd);
        if (c2) dot += c * c2 * idf.get(wd) ** 2;
      }
      const cos = dot / (norms[i] * norms[j]);
      if (cos > threshold) adj[i][j] = adj[j][i] = 1;
    }
  }
  const deg = adj.map((row) => row.reduce((a, b) => a + b, 0));
  let p = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < maxIter; it++) {
    let dangling = 0;
    for (let j = 0; j < n; j++) if (deg[j] === 0) dangling += p[j];
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = dangling / n;
      for (let j = 0; j < n; j++) if (adj[j][i]) s += p[j] / deg[j];
      next[i] = (1 - d) / n + d * s;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i] - p[i]));
    p = next;
    if (delta < tol) break;
  }
  return Array.from(p);
}

export function lexrank(sentences, k) {
  return topK(lexrankScores(sentences), k);
}
