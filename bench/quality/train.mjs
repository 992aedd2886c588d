#!/usr/bin/env node
// Fits the sentence model (core/src/sentence_model.hpp) on the development
// sets with human references, and cross-validates it with the core itself.
//
//   node bench/quality/train.mjs [--sets cnn,multilingual,bbc] [--folds 5] [--limit N]
//                                [--check] [--no-write] [--out FILE] [--by-set] [--bootstrap]
//                                [--trees JSON] [--weights JSON]
//
// 1. Features: build/native/precis_features runs the real pipeline (cleaning,
//    segmentation, terms) and prints every body sentence's feature vector.
// 2. Labels: the greedy ROUGE oracle — up to k sentences (the set's budget),
//    each added while it raises ROUGE-1 + ROUGE-2 F1 against the reference.
// 3. Model: gradient-boosted trees on the logistic loss (gbdt.mjs; no
//    randomness), sentence weights so that every document counts the same
//    within its set and every set as SET_WEIGHTS says.
// 4. Cross-validation: folds by a hash of the document id; each fold's model
//    is handed to the core (--model) for the held-out documents, which the
//    core summarizes under the set's budget; ROUGE against the references,
//    beside lead-k under the same segmentation, with bootstrap intervals.
// 5. The model fitted on all documents is written as C++ constants with the
//    cross-validated table in its header. --check compares instead of writing
//    and fails when the file would change (CTest: quality.model-reproduces).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { featureNamesOf, nativeTool, runBatch } from './core.mjs';
import { ngramCounts, rougeN, rougeL, tokenize } from './rouge.mjs';
import { REPO_ROOT, SET_NAMES, foldOf, loadSet } from './sets.mjs';
import { bootstrapDelta, mean } from './stats.mjs';
import { TREE_DEFAULTS, completeTrees, fitTrees } from './gbdt.mjs';

// What each set's documents weigh in the fit (per document; a document's
// sentences share its weight). CNN and the three languages carry the human
// references; BBC's long extracts reward word frequency and only guard.
const SET_WEIGHTS = { cnn: 1, multilingual: 2, bbc: 0.5 };
const MODEL_FILE = path.join(REPO_ROOT, 'core/src/sentence_model.hpp');

function fail(message) {
  console.error(`train.mjs: ${message}`);
  process.exit(2);
}

// ------------------------------------------------------------------ labels

/**
 * Greedy oracle: indices (document order) of up to k sentences, each added
 * while it raises ROUGE-1 + ROUGE-2 F1 of the selection against the
 * reference (n-grams counted per sentence: none across a sentence join).
 */
export function greedyOracle(refTokens, sentenceTokens, k) {
  const refGrams = [ngramCounts(refTokens, 1), ngramCounts(refTokens, 2)];
  const refTotals = [refTokens.length, Math.max(refTokens.length - 1, 0)];
  const grams = sentenceTokens.map((t) => [ngramCounts(t, 1), ngramCounts(t, 2)]);
  const totals = sentenceTokens.map((t) => [t.length, Math.max(t.length - 1, 0)]);
  const chosen = [];
  const have = [new Map(), new Map()];
  const haveTotals = [0, 0];
  const f1 = (overlap, cand, ref) => {
    const p = overlap / Math.max(cand, 1);
    const r = overlap / Math.max(ref, 1);
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  const overlapWith = (n, extra) => {
    let o = 0;
    for (const [g, c] of refGrams[n]) {
      const x = (have[n].get(g) ?? 0) + (extra ? extra.get(g) ?? 0 : 0);
      if (x) o += Math.min(c, x);
    }
    return o;
  };
  let best = 0;
  for (let step = 0; step < k; step++) {
    let pick = -1;
    for (let i = 0; i < sentenceTokens.length; i++) {
      if (chosen.includes(i)) continue;
      let gain = 0;
      for (let n = 0; n < 2; n++) gain += f1(overlapWith(n, grams[i][n]), haveTotals[n] + totals[i][n], refTotals[n]);
      if (gain > best + 1e-12) {
        best = gain;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
    for (let n = 0; n < 2; n++) {
      for (const [g, c] of grams[pick][n]) have[n].set(g, (have[n].get(g) ?? 0) + c);
      haveTotals[n] += totals[pick][n];
    }
  }
  return chosen.sort((a, b) => a - b);
}

// -------------------------------------------------------------- evaluation

function scoresOf(reference, texts) {
  const ref = tokenize(reference);
  const cand = tokenize(texts.join(' '));
  return { r1: rougeN(ref, cand, 1).fmeasure, r2: rougeN(ref, cand, 2).fmeasure, rl: rougeL(ref, cand).fmeasure };
}

// A fold's model for precis_features --model: the compact table (Infinity as null).
function modelJson(model, names, depth) {
  const table = completeTrees(model, depth);
  return { names, ...table, thresholds: table.thresholds.map((t) => (t === Infinity ? null : t)) };
}

// Shortest decimal that reads back as the same number (a float literal needs a
// point): the file regenerates byte for byte.
const num = (x) => {
  const s = (Object.is(x, -0) ? 0 : x).toString();
  return /[.e]/.test(s) ? s : `${s}.0`;
};

function chunk(list, size) {
  const rows = [];
  for (let i = 0; i < list.length; i += size) rows.push(list.slice(i, i + size));
  return rows;
}

function renderModel(model, names, report) {
  const table = completeTrees(model, report.treeOptions.depth);
  const inner = 2 ** table.depth - 1;
  const rowsOf = (values, perTree, show) => chunk(values.map(show), perTree * Math.max(1, Math.floor(8 / perTree))).map((r) => `    ${r.join(', ')},`);
  const threshold = (x) => (x === Infinity ? 'kAlways' : `${num(x)}f`);
  const lines = [
    '// The sentence model: fitted constants and the function that applies them.',
    '// GENERATED by `node bench/quality/train.mjs` — do not edit; rerun it (CTest',
    '// quality.model-reproduces checks that this file is what the script writes).',
    '//',
    `// Data: ${report.data}.`,
    "// Labels: greedy ROUGE-1+2 oracle sentences (up to the set's k) against the human references.",
    `// Fit: ${model.trees.length} gradient-boosted trees (bench/quality/gbdt.mjs: ${JSON.stringify(report.treeOptions)}),`,
    `// logistic loss, document weights ${JSON.stringify(report.setWeights)} per set.`,
    `// ${report.folds}-fold cross-validation (folds by a hash of the document id), held-out documents summarized`,
    "// by the core with each fold's model; ROUGE F1 (%), precis vs lead-k under the same segmentation:",
    ...report.table.map((l) => `//   ${l}`),
    ...chunk(report.usage.split(', '), 6).map((row, i) => `// ${i === 0 ? 'Features by use (splits): ' : '  '}${row.join(', ')}`),
    '#pragma once',
    '',
    '#include <array>',
    '#include <cstdint>',
    '#include <limits>',
    '#include <span>',
    '#include <string_view>',
    '',
    '#include "sentence_features.hpp"',
    '',
    'namespace precis {',
    '',
    '// Complete regression trees of depth kTreeDepth, in heap order: a sentence',
    '// goes to child 2k+1 when its feature is below the split\'s threshold, else',
    '// to 2k+2; the leaf it reaches adds its value to the logit. kAlways is a',
    '// split every sentence passes to the left.',
    `inline constexpr std::size_t kTreeDepth = ${table.depth};`,
    'inline constexpr std::size_t kTreeSplits = (std::size_t{1} << kTreeDepth) - 1;',
    'inline constexpr float kAlways = std::numeric_limits<float>::infinity();',
    '',
    '// score = squash(base + Σ leaves): increasing in the logit and in (0, 1),',
    '// with only comparisons, + − × ÷, so native and wasm agree to the bit.',
    'struct SentenceModel {',
    '  float base = 0;',
    '  std::span<const std::uint8_t> features;  // kTreeSplits per tree',
    '  std::span<const float> thresholds;       // kTreeSplits per tree',
    '  std::span<const float> leaves;           // kTreeSplits + 1 per tree',
    '',
    '  [[nodiscard]] double logit(const SentenceFeatures& f) const {',
    '    double z = base;',
    '    for (std::size_t tree = 0; tree * kTreeSplits < features.size(); ++tree) {',
    '      std::size_t k = 0;',
    '      for (std::size_t level = 0; level < kTreeDepth; ++level) {',
    '        const std::size_t at = tree * kTreeSplits + k;',
    '        k = 2 * k + (f.values[features[at]] < thresholds[at] ? 1 : 2);',
    '      }',
    '      z += leaves[tree * (kTreeSplits + 1) + k - kTreeSplits];',
    '    }',
    '    return z;',
    '  }',
    '  [[nodiscard]] double operator()(const SentenceFeatures& f) const {',
    '    const double z = logit(f);',
    '    return 0.5 + 0.5 * z / (1 + (z < 0 ? -z : z));',
    '  }',
    '};',
    '',
    '// The features the model was fitted on, in its order: they must still be the',
    "// core's first features (new features may follow). After removing or",
    '// reordering features: node bench/quality/train.mjs --bootstrap, rebuild, refit.',
    `inline constexpr std::array<std::string_view, ${names.length}> kSentenceModelFeatures = {`,
    ...chunk(names.map((n) => `"${n}"`), 6).map((row) => `    ${row.join(', ')},`),
    '};',
    'consteval bool model_features_match() {',
    '  if (kSentenceModelFeatures.size() > kSentenceFeatureCount) return false;',
    '  for (std::size_t k = 0; k < kSentenceModelFeatures.size(); ++k) {',
    '    if (kSentenceModelFeatures[k] != kSentenceFeatureNames[k]) return false;',
    '  }',
    '  return true;',
    '}',
    'static_assert(model_features_match(), "the features changed: node bench/quality/train.mjs --bootstrap, rebuild, refit");',
    '',
    `inline constexpr std::array<std::uint8_t, ${table.features.length}> kSentenceTreeFeatures = {`,
    ...rowsOf(table.features, inner, String),
    '};',
    `inline constexpr std::array<float, ${table.thresholds.length}> kSentenceTreeThresholds = {`,
    ...rowsOf(table.thresholds, inner, threshold),
    '};',
    `inline constexpr std::array<float, ${table.leaves.length}> kSentenceTreeLeaves = {`,
    ...rowsOf(table.leaves, inner + 1, (x) => `${num(x)}f`),
    '};',
    '',
    `inline constexpr SentenceModel kSentenceModel = {${num(table.base)}f, kSentenceTreeFeatures, kSentenceTreeThresholds,`,
    '                                                 kSentenceTreeLeaves};',
    '',
    '}  // namespace precis',
    '',
  ];
  return lines.join('\n');
}

// -------------------------------------------------------------------- main

function parseCli() {
  const { values } = parseArgs({
    options: {
      sets: { type: 'string', default: SET_NAMES.join(',') },
      folds: { type: 'string', default: '5' },
      limit: { type: 'string' },
      check: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      out: { type: 'string' },
      features: { type: 'string' },
      bootstrap: { type: 'boolean', default: false },
      trees: { type: 'string' },
      'by-set': { type: 'boolean', default: false },
      weights: { type: 'string' },
    },
  });
  const sets = values.sets.split(',').filter(Boolean);
  for (const s of sets) if (!SET_NAMES.includes(s)) fail(`--sets: unknown set "${s}"`);
  const folds = Number(values.folds);
  if (!(Number.isInteger(folds) && folds >= 2)) fail('--folds must be an integer >= 2');
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) fail('--limit must be positive');
  // Experiments: other tree options or set weights (JSON); the model file records what it was fitted with.
  let treeOptions = TREE_DEFAULTS;
  let setWeights = SET_WEIGHTS;
  try {
    if (values.trees) treeOptions = { ...TREE_DEFAULTS, ...JSON.parse(values.trees) };
    if (values.weights) setWeights = { ...SET_WEIGHTS, ...JSON.parse(values.weights) };
  } catch (e) {
    fail(`--trees / --weights: ${e.message}`);
  }
  return { ...values, sets, folds, limit, treeOptions, setWeights };
}

// A model without trees (every sentence scores the same): what the core
// compiles with while its features no longer match the fitted model's, so
// that precis_features can be built to fit a new one.
function writeBootstrap(target) {
  const text = renderModel({ base: 0, trees: [] }, [], { data: 'none (bootstrap)', folds: 0, table: ['not fitted'], usage: 'none', treeOptions: TREE_DEFAULTS, setWeights: SET_WEIGHTS });
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)} without trees: rebuild precis_features, then run train.mjs`);
}

// Held-out folds by a hash of the document id, or (bySet) one fold per set
// and language: each is summarized by a model fitted without any of it.
function crossValidate(docs, rowsOf, F, featureNames, bin, folds, treeOptions, bySet = false) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-train-'));
  const heldOut = new Map();
  const groupNames = [...new Set(docs.map((d) => d.group))];
  const fold = bySet ? (d) => groupNames.indexOf(d.group) : (d) => foldOf(d, folds);
  const count = bySet ? groupNames.length : folds;
  try {
    for (let f = 0; f < count; f++) {
      const train = docs.filter((d) => fold(d) !== f);
      const test = docs.filter((d) => fold(d) === f);
      const model = fitTrees(rowsOf(train), F, treeOptions);
      const file = path.join(tmp, `fold${f}.json`);
      fs.writeFileSync(file, JSON.stringify(modelJson(model, featureNames, treeOptions.depth)));
      const out = runBatch(bin, test.map((d) => ({ text: d.text, options: { sentences: d.k, keywords: 0 } })), ['--model', file]);
      test.forEach((d, i) => heldOut.set(d, out[i].sentences));
      process.stderr.write(`fold ${f + 1}/${count}: trained on ${train.length}, evaluated ${test.length}\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  // The report: per group, precis (held out) vs lead-k.
  const groups = [...new Set(docs.map((d) => d.group))];
  const table = [`${'set'.padEnd(8)} ${'docs'.padStart(5)}  ${'k'.padStart(4)}  precis R-1/R-2/R-L   lead-k R-1/R-2/R-L   ΔR-1 [95% CI]`];
  for (const g of groups) {
    const list = docs.filter((d) => d.group === g);
    const p = list.map((d) => scoresOf(d.reference, heldOut.get(d).filter((s) => s.selected).map((s) => s.text)));
    const l = list.map((d) => scoresOf(d.reference, heldOut.get(d).slice(0, d.k).map((s) => s.text)));
    const fmt = (xs) => ['r1', 'r2', 'rl'].map((m) => (100 * mean(xs.map((x) => x[m]))).toFixed(1).padStart(5)).join(' ');
    const b = bootstrapDelta(p.map((x) => 100 * x.r1), l.map((x) => 100 * x.r1));
    const sign = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
    table.push(
      `${g.padEnd(8)} ${String(list.length).padStart(5)}  ${mean(list.map((d) => d.k)).toFixed(1).padStart(4)}  ${fmt(p)}      ${fmt(l)}    ${sign(b.delta)} [${sign(b.low)}, ${sign(b.high)}]`,
    );
  }

  return table;
}

function main() {
  const opts = parseCli();
  if (opts.bootstrap) return writeBootstrap(opts.out ? path.resolve(opts.out) : MODEL_FILE);
  const bin = nativeTool('precis_features', opts.features);
  const featureNames = featureNamesOf(bin);
  const F = featureNames.length;

  // Documents, their features and oracle labels.
  const docs = opts.sets.flatMap((s) => loadSet(s, { limit: opts.limit }));
  const t0 = performance.now();
  const responses = runBatch(bin, docs.map((d) => ({ text: d.text, options: { sentences: d.k, keywords: 0 } })));
  docs.forEach((d, i) => {
    const r = responses[i];
    if (r.error) fail(`${d.id}: ${r.error.field}: ${r.error.message}`);
    d.sentences = r.sentences;
    const ref = tokenize(d.reference);
    const oracle = new Set(greedyOracle(ref, d.sentences.map((s) => tokenize(s.text)), d.k));
    d.labels = d.sentences.map((_, j) => (oracle.has(j) ? 1 : 0));
  });
  process.stderr.write(`features and oracle labels of ${docs.length} documents: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  const setDocs = {};
  for (const d of docs) setDocs[d.set] = (setDocs[d.set] ?? 0) + 1;
  const rowsOf = (list) =>
    list.flatMap((d) => {
      const n = d.sentences.length;
      if (n === 0) return [];
      // every set carries SET_WEIGHTS[set] per document, relative to the set's size
      const w = (opts.setWeights[d.set] * (docs.length / opts.sets.length / setDocs[d.set])) / n;
      return d.sentences.map((s, j) => ({ x: s.x, y: d.labels[j], w }));
    });

  // Cross-validation with the core (not for --check: the fit alone is compared).
  if (opts['by-set']) {
    // Leave one set (language) out: how the model does on data of a kind it never saw. Report only.
    console.log(crossValidate(docs, rowsOf, F, featureNames, bin, 0, opts.treeOptions, true).join('\n'));
    return;
  }
  const table = opts.check ? [] : crossValidate(docs, rowsOf, F, featureNames, bin, opts.folds, opts.treeOptions);
  if (!opts.check) console.log(table.join('\n'));

  const finalModel = fitTrees(rowsOf(docs), F, opts.treeOptions);
  const splits = new Array(F).fill(0);
  for (const tree of finalModel.trees) for (const node of tree) if (node.value === undefined) splits[node.feature]++;
  const usage = featureNames
    .map((n, i) => [n, splits[i]])
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([n, c]) => `${n} ${c}`)
    .join(', ');
  console.log(`\nsplits per feature: ${usage}`);

  const report = {
    data: opts.sets.map((s) => `${s} (${setDocs[s]} docs)`).join(', ') + ' from ../shared/data',
    folds: opts.folds,
    table,
    usage,
    treeOptions: opts.treeOptions,
    setWeights: opts.setWeights,
  };
  const text = renderModel(finalModel, featureNames, report);
  const target = opts.out ? path.resolve(opts.out) : MODEL_FILE;
  if (opts.check) {
    // The header's cross-validation table comes from the full run; the fit must match exactly.
    const fitted = (t) => t.slice(t.indexOf('#pragma once'));
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (fitted(current) !== fitted(text)) {
      console.error(`train.mjs: ${path.relative(process.cwd(), target)} is not what the script fits (rerun without --check)`);
      process.exit(1);
    }
    console.log(`\n${path.relative(process.cwd(), target)}: the fitted model reproduces byte for byte`);
  } else if (!opts['no-write']) {
    fs.writeFileSync(target, text);
    console.log(`\nwrote ${path.relative(process.cwd(), target)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
