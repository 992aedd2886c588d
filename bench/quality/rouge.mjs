// ROUGE-1 / ROUGE-2 / ROUGE-L (sentence-level "rougeL", not "rougeLsum"),
// computed the way Google's `rouge-score` Python package does with default
// settings (RougeScorer(["rouge1","rouge2","rougeL"], use_stemmer=False)):
//
//   tokens  = lowercase, every char outside [a-z0-9] -> space, split on
//             whitespace, drop empty tokens; no stemming
//   ROUGE-N = clipped n-gram overlap (multiset intersection);
//             P = overlap / #candidate n-grams, R = overlap / #reference n-grams
//             (each denominator floored at 1, like rouge-score)
//   ROUGE-L = LCS over the whole token sequences; P = LCS/|cand|, R = LCS/|ref|
//             (0 when either side is empty)
//   F       = 2PR/(P+R), 0 when P+R = 0
//
// Extension beyond rouge-score (which silently drops every non-ASCII char):
//   * the text is NFKC-normalized, lowercased with String#toLowerCase, and
//     NFKC-normalized again;
//   * Han, Hiragana, Katakana and Hangul letters (incl. the prolonged sound
//     mark and iteration marks) are each a token of their own;
//   * any other run of Unicode letters / digits / combining marks is a token
//     ("café", "москва", "٣٤").  Scripts written without spaces other than CJK
//     (Thai, Lao, Khmer, Myanmar...) therefore become one token per run — a
//     known limitation.
// For pure-ASCII input the tokens are exactly rouge-score's (NFKC and
// toLowerCase are the identity / ASCII lowercase there, and the only ASCII
// letters/digits are [a-zA-Z0-9]).  Mixed strings differ from rouge-score
// only around non-ASCII characters (rouge-score turns "café" into "caf").
//
// All exports are pure functions.  Argument order mirrors rouge-score's
// `scorer.score(target, prediction)`: REFERENCE first, CANDIDATE second.

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const ASCII_SEP = /[^a-z0-9]+/g;

// One CJK letter per token; otherwise maximal runs of other letters/digits/marks.
const CJK = String.raw`[\p{L}\p{N}]&&[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]`;
const UNICODE_TOKEN = new RegExp(String.raw`[${CJK}]|[[\p{L}\p{N}\p{M}]--[${CJK}]]+`, 'gv');

/** rouge-score tokenizer (no stemmer), extended to non-ASCII text as documented above. */
export function tokenize(text) {
  if (text == null) return [];
  text = String(text);
  if (ASCII_ONLY.test(text)) {
    // Exactly rouge-score: lower() -> re.sub("[^a-z0-9]+", " ") -> split -> keep ^[a-z0-9]+$
    return text.toLowerCase().replace(ASCII_SEP, ' ').split(' ').filter((t) => t.length > 0);
  }
  const norm = text.normalize('NFKC').toLowerCase().normalize('NFKC');
  return norm.match(UNICODE_TOKEN) ?? [];
}

/** Multiset of n-grams as Map<string, count>; n-gram key = tokens joined by U+0001. */
export function ngramCounts(tokens, n) {
  const counts = new Map();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i] : tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** F-measure as in rouge_score.scoring.fmeasure. */
export function fmeasure(precision, recall) {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** ROUGE-N on token arrays: { precision, recall, fmeasure }. */
export function rougeN(refTokens, candTokens, n) {
  const ref = ngramCounts(refTokens, n);
  const cand = ngramCounts(candTokens, n);
  let overlap = 0;
  for (const [gram, c] of ref) {
    const d = cand.get(gram);
    if (d) overlap += Math.min(c, d);
  }
  const refTotal = Math.max(refTokens.length - n + 1, 0);
  const candTotal = Math.max(candTokens.length - n + 1, 0);
  const precision = overlap / Math.max(candTotal, 1);
  const recall = overlap / Math.max(refTotal, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/**
 * Length of the longest common subsequence of two token arrays.
 * O(|a|*|b|) time, O(min(|a|,|b|)) memory (two rolling rows of integers).
 */
export function lcsLength(a, b) {
  if (a.length < b.length) [a, b] = [b, a]; // b is the shorter one -> row width
  const m = b.length;
  if (m === 0) return 0;
  // Map tokens to small integers so the inner loop compares numbers.
  const ids = new Map();
  const idOf = (t) => {
    let v = ids.get(t);
    if (v === undefined) ids.set(t, (v = ids.size));
    return v;
  };
  const bi = Int32Array.from(b, idOf);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i < a.length; i++) {
    const x = idOf(a[i]);
    for (let j = 1; j <= m; j++) {
      if (bi[j - 1] === x) cur[j] = prev[j - 1] + 1;
      else cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** ROUGE-L (whole-sequence LCS) on token arrays: { precision, recall, fmeasure }. */
export function rougeL(refTokens, candTokens) {
  if (refTokens.length === 0 || candTokens.length === 0) {
    return { precision: 0, recall: 0, fmeasure: 0 };
  }
  const lcs = lcsLength(refTokens, candTokens);
  const precision = lcs / candTokens.length;
  const recall = lcs / refTokens.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/**
 * All three scores for two strings, like
 * RougeScorer(["rouge1","rouge2","rougeL"]).score(reference, candidate).
 * Returns { rouge1, rouge2, rougeL }, each { precision, recall, fmeasure }.
 */
export function rougeScores(reference, candidate) {
  const ref = tokenize(reference);
  const cand = tokenize(candidate);
  return {
    rouge1: rougeN(ref, cand, 1),
    rouge2: rougeN(ref, cand, 2),
    rougeL: rougeL(ref, cand),
  };
}
