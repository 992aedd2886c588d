#!/usr/bin/env node
// Fits the cleaning stage's two models (core/src/block_model.hpp) — which
// short line is the headline, which blocks are body — and cross-validates
// them.
//
//   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRECIS_BUILD_BENCH=ON
//   cmake --build build/bench --target precis_blocks
//   cmake --build --preset native             # build/native/precis_features
//   node bench/cleaning/train.mjs [--tool build/bench/precis_blocks] [--features build/native/precis_features]
//        [--write] [--no-cv] [--rounds-table 20,40,60,100,150] [--own-set]
//
// Data: every page of ../shared/data/pages (paste.txt) and the labelled
// pastes of tests/corpus/noisy.
//   - body: a block is body when bench/pages.mjs's goldBody() says its text
//     is in the annotated body (noisy corpus: labelled title or body);
//   - headline: a title candidate (a short single line) whose normalized text
//     is in the page's JSON title and covers at least 40% of it (noisy
//     corpus: the labelled title); pages without such a candidate do not train
//     the title model.
// Features: exactly the core's, dumped per block by precis_blocks
// (bench/cleaning/block_dump.cpp): the title model reads the features around
// the cue rules' title, the body model the features redone around the title
// the title model chose. The body model learns only from the blocks it
// decides in the core (not the title, not blocks with a furniture cue of
// their own, not repeats). Models: boosted trees of depth 3 (bench/cleaning/
// gbdt.mjs), logistic loss; each page weighs the same in total, its blocks
// sharing it by length (so pages with long menus do not dominate); a
// labelled paste weighs as 9 pages in the body model.
// Everything is deterministic (fixed folds, no sampling, fixed rounds,
// numbers rounded to 5 decimals), so the same data gives the same file.
//
// Cross-validation, with out-of-fold decisions and summaries made by the
// core itself (precis_blocks --models and precis_features --cleaning-models
// with the fold's models):
//   - 5 folds by page, fixed by a hash (FNV-1a) of "<set>/<id>";
//   - leave one set out: trained on the other sets (the sets differ a lot:
//     years, sites, what their annotators called the body).
// For each: in-body rate and all-body pages of the 3-sentence summaries of
// the pastes (as the CLI makes them, doubtful body weighed down), agreement
// with the summary of the annotated body (bench/pages.mjs's `agree`), body
// sentences kept (doubtful body too), body precision/recall by block (kept vs
// removed), and the title found. The noisy corpus is always in training,
// never scored here (bench/noise.mjs and tests/unit/test_clean.cpp score it).
//
// --own-set prints instead, per set, the summaries of a model fitted on that
// set's own pages (5 folds within the set; the labelled pastes as always)
// beside those of the model of all sets (the same pages held out of the 5
// folds): whether the sets' different conventions are what the one model
// misses (~35 minutes; writes nothing).
//
// --write regenerates core/src/block_model.hpp from the fit on all data,
// with the cross-validated numbers in its header. --rounds-table N,M,...
// prints instead the 5-fold numbers of the body model cut after N, M, ...
// trees (how BODY_TREES.rounds was chosen; writes nothing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { flag, opt, root } from '../cli.mjs';
import { fnv1a } from '../quality/baselines.mjs';
import { corpusPages } from '../noise.mjs';
import { bodyIndex, bodySentences, bodySummaries, goldBody, loadPages, normalize, readPaste, runBatch, summaryPicks, summaryTokens, titleMatches } from '../pages.mjs';
import { rougeN } from '../quality/rouge.mjs';
import { fitTrees } from './gbdt.mjs';

const FOLDS = 5;
// A labelled paste weighs as much as this many real pages in the body model:
// they are few, and the only pages in most of the languages precis reads.
// (Their titles all sit right after the page's menu: in the title model they
// weigh as one page each.) 9: the smallest weight at which the final fit
// classifies every labelled block as labelled (2026-12-05: at 8, with the
// byline and title-distance features, one teaser under "Mehr zum Thema"
// scored -0.68 against the -0.69 of the context odds; at 10 the dev pastes'
// in-body fell 0.1 and all-body 0.3).
const NOISY_BODY_WEIGHT = 9;
// The body model's size and rate, from --rounds-table (5 folds) and the
// held-out sets (2026-12-05, docs/cleaning.md): more trees or a faster rate
// raise the 5-fold in-body and all-body numbers (300 trees: +0.4 / +1.3;
// rate 0.2: +0.1 / +0.9) but not those of a set held out (rate 0.2: -0.1 /
// +0.0, agree -0.2): they learn the sets' own conventions, and cost size and
// time in the core.
const BODY_TREES = { depth: 3, rounds: 100, rate: 0.1, lambda: 1, minHessian: 1 };
const TITLE_TREES = { depth: 3, rounds: 60, rate: 0.1, lambda: 1, minHessian: 1 };

// ------------------------------------------------------------ data

/** Runs precis_blocks on the pages; resolves to {names, pages: [{id, blocks}]}. */
export function runTool(tool, inputs, { models = null, features = 'body', text = false } = {}) {
  return new Promise((done, fail) => {
    const args = ['--features', features, ...(models ? ['--models', models] : []), ...(text ? ['--text'] : [])];
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`precis_blocks exited ${code}`));
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const names = lines.shift().features;
      done({ names, pages: lines });
    });
    child.stdin.end(inputs.map((p) => JSON.stringify({ id: p.key, text: p.text })).join('\n') + '\n');
  });
}

export function loadData() {
  const pages = loadPages(resolve(root, opt('--pages', '../shared/data/pages'))).map((p) => ({
    ...p,
    key: `${p.set}/${p.id}`,
    text: readPaste(p),
    fold: fnv1a(`${p.set}/${p.id}`) % FOLDS,
    index: bodyIndex(p.body),
    titleNorm: p.title ? normalize(p.title) : null,
  }));
  const noisy = corpusPages().map((p) => {
    const labels = new Map(p.blocks.map((b) => [b.byteStart, b.label]));
    return { set: 'noisy', id: p.file, key: `noisy/${p.file}`, text: p.paste, fold: -1, labels };
  });
  return { pages, noisy };
}

const blockText = (page, b) => Buffer.from(page.text, 'utf8').subarray(b.s, b.e).toString('utf8');

/** Is the block the page's headline? 1, 0, or null (the page cannot say). */
function titleGold(page, b) {
  if (page.labels) return page.labels.get(b.s) === 'title' ? 1 : 0;
  if (!page.titleNorm) return null;
  const n = normalize(blockText(page, b));
  return n.length >= 10 && page.titleNorm.includes(n) && n.length * 5 >= page.titleNorm.length * 2 ? 1 : 0;
}

/**
 * Body labels (gold 1 / 0 / null) and training weights of the blocks of a page the body model decides:
 * not the title, not a block with a furniture cue of its own or a repeat (the cue rules' verdict stands there).
 */
export function bodyRows(page, dumped, names) {
  const context = names.indexOf('ContextRule');
  const decided = dumped.blocks.filter((b) => b.kind !== 'title' && (b.rule === 'none' || (b.f[context] === 1 && b.rule !== 'repeated')));
  const blocks = decided.map((b) => {
    let gold = null;
    if (page.labels) {
      const l = page.labels.get(b.s);
      if (l) gold = l === 'body' || l === 'title' ? 1 : 0;
    } else {
      const g = goldBody(blockText(page, b), page.index);
      if (g !== null) gold = g ? 1 : 0;
    }
    // Longer blocks count more (they hold the sentences a summary picks).
    return { ...b, gold, size: 0.25 + b.f[0] /* Words, saturated */ };
  });
  return weigh(blocks, page.labels ? NOISY_BODY_WEIGHT : 1);
}

/** Title labels and weights of a page's title candidates (none when the page has no headline among them). */
function titleRows(page, dumped) {
  const candidates = dumped.blocks.filter((b) => b.c).map((b) => ({ ...b, gold: titleGold(page, b), size: 1 }));
  if (!candidates.some((b) => b.gold === 1)) return [];
  return weigh(candidates, 1);
}

function weigh(blocks, pageWeight) {
  const total = blocks.reduce((a, b) => a + (b.gold === null ? 0 : b.size), 0);
  for (const b of blocks) b.w = b.gold === null || total === 0 ? 0 : (pageWeight * b.size) / total;
  return blocks.filter((b) => b.gold !== null);
}

// ------------------------------------------------------------ evaluation of decisions
/** The title and the blocks of `kinds` (body, and doubtful body when asked), as text. */
export function keptText(page, decided, kinds = ['body', 'doubtful']) {
  const parts = [];
  const title = decided.blocks.find((b) => b.kind === 'title');
  if (title) parts.push(blockText(page, title));
  for (const b of decided.blocks) if (kinds.includes(b.kind)) parts.push(blockText(page, b));
  return parts.join('\n\n') + '\n';
}

/**
 * Scores a held-out set: `decided` (precis_blocks's decisions, per page) and `outs` (the core's 3-sentence
 * summaries of the same pastes, per page), both made with the models fitted without these pages;
 * `references` are the summaries of the annotated bodies (by page key).
 */
export function scoreDecisions(pages, decided, outs, references) {
  const c = { tp: 0, fp: 0, fn: 0, present: 0, kept: 0, selected: 0, inBody: 0, allBody: 0, agree: 0, titled: 0, titleFound: 0 };
  pages.forEach((p, i) => {
    for (const b of decided[i].blocks) {
      if (b.kind === 'title') continue;
      const gold = goldBody(blockText(p, b), p.index);
      if (gold === null) continue;
      const kept = b.kind === 'body' || b.kind === 'doubtful';
      if (gold) kept ? c.tp++ : c.fn++;
      else if (kept) c.fp++;
    }
    const inputNorm = normalize(p.text);
    const keptNorm = normalize(keptText(p, decided[i]));
    const present = bodySentences(p.body).filter((s) => inputNorm.includes(s));
    c.present += present.length;
    c.kept += present.filter((s) => keptNorm.includes(s)).length;
    if (outs[i].error) throw new Error(`${p.key}: ${JSON.stringify(outs[i].error)}`);
    const picks = summaryPicks(outs[i], p.index);
    c.selected += picks.selected;
    c.inBody += picks.inBody;
    c.allBody += picks.allBody ? 1 : 0;
    c.agree += rougeN(references.get(p.key), summaryTokens(outs[i]), 1).fmeasure;
    if (p.titleNorm) {
      c.titled++;
      const t = decided[i].blocks.find((b) => b.kind === 'title');
      if (titleMatches(p.titleNorm, t && blockText(p, t))) c.titleFound++;
    }
  });
  return {
    pages: pages.length,
    inBody3: c.inBody / c.selected,
    allBody3: c.allBody / pages.length,
    agree: c.agree / pages.length,
    kept: c.kept / c.present,
    bodyP: c.tp / (c.tp + c.fp),
    bodyR: c.tp / (c.tp + c.fn),
    title: c.titleFound / c.titled,
  };
}

const MEASURES = [['in-body k=3', 'inBody3'], ['all-body k=3', 'allBody3'], ['agree', 'agree'], ['body kept', 'kept'], ['body P (blocks)', 'bodyP'], ['body R (blocks)', 'bodyR'], ['title found', 'title']];
const pct = (x) => (100 * x).toFixed(1) + '%';

// ------------------------------------------------------------ fitting
function exportModel(fitted, threshold) {
  return { base: fitted.base, threshold, trees: fitted.trees };
}

/** Fits both models on `train` (pages and labelled pastes); the body model reads features made with the fitted title model. */
async function fitModels(tool, train, titleDump, tmp, bodyTrees = BODY_TREES) {
  const titleData = train.flatMap((p) => titleRows(p, titleDump.get(p.key)));
  const title = exportModel(fitTrees(titleData, titleDump.names.length, TITLE_TREES), 0);
  const file = join(tmp, 'title.json');
  writeFileSync(file, JSON.stringify({ title }));
  const bodyDump = await runTool(tool, train, { models: file, features: 'body' });
  const bodyData = train.flatMap((p, i) => bodyRows(p, bodyDump.pages[i], bodyDump.names));
  const body = exportModel(fitTrees(bodyData, bodyDump.names.length, bodyTrees), 0);
  return { title, body, counts: { titleRows: titleData.length, bodyRows: bodyData.length } };
}

/** Writes `models` ({title, body}) where precis_blocks and precis_features read them; returns the file. */
function writeModels(models, tmp) {
  const file = join(tmp, 'models.json');
  writeFileSync(file, JSON.stringify(models));
  return file;
}

async function decide(tool, pages, modelsFile) {
  return (await runTool(tool, pages, { models: modelsFile, features: 'none' })).pages;
}

/** The core's 3-sentence summaries of the pages' pastes, cleaned with the models of `modelsFile`. */
async function summarize(features, pages, modelsFile) {
  const requests = pages.map((p) => ({ text: p.text, options: { sentences: 3, keywords: 0 } }));
  return runBatch(features, requests, { args: ['--cleaning-models', modelsFile] });
}

/**
 * Fits the models without `test` (the body model with the most trees of `counts`) and, for each count, makes
 * the held-out decisions and summaries of `test` with the body model cut after that many trees (boosting adds
 * trees in order). Resolves to a Map count -> {decided, outs}.
 */
async function heldOut(run, test, counts) {
  const train = run.all.filter((p) => !test.includes(p));
  const { title, body } = await fitModels(run.tool, train, run.dump, run.tmp, { ...BODY_TREES, rounds: Math.max(...counts) });
  const out = new Map();
  for (const n of counts) {
    const file = writeModels({ title, body: { ...body, trees: body.trees.slice(0, n) } }, run.tmp);
    out.set(n, { decided: await decide(run.tool, test, file), outs: await summarize(run.features, test, file) });
  }
  return out;
}

/**
 * 5 folds by hash over `pages` (all of the run's by default), trained on the rest of `run.all`, at each number of
 * body trees in `counts`: the held-out pages in fold order and a Map count -> {decided, outs} in the same order.
 */
async function foldParts(run, counts, pages = run.pages) {
  const test = [], parts = new Map(counts.map((n) => [n, { decided: [], outs: [] }]));
  for (let k = 0; k < FOLDS; k++) {
    const fold = pages.filter((p) => p.fold === k);
    if (!fold.length) continue;
    const r = await heldOut(run, fold, counts);
    test.push(...fold);
    for (const n of counts) {
      parts.get(n).decided.push(...r.get(n).decided);
      parts.get(n).outs.push(...r.get(n).outs);
    }
    console.error(`train: fold ${k + 1}/${FOLDS}`);
  }
  return { test, parts };
}

/** 5 folds by page at each number of body trees in `counts`: a Map count -> the score of the union of the folds. */
async function foldScores(run, counts) {
  const { test, parts } = await foldParts(run, counts);
  return new Map(counts.map((n) => [n, scoreDecisions(test, parts.get(n).decided, parts.get(n).outs, run.references)]));
}

/** The score of the pages of `test` in `set`, from held-out decisions and summaries in the same order. */
function setScore(test, part, set, references) {
  const at = test.map((p, i) => (p.set === set ? i : -1)).filter((i) => i >= 0);
  return scoreDecisions(at.map((i) => test[i]), at.map((i) => part.decided[i]), at.map((i) => part.outs[i]), references);
}

/**
 * --own-set: does a model that learns one set's own convention (what its annotators called the body) make better
 * summaries of that set's pages than the one model of all sets? Per set, 5 folds within the set, trained on the
 * set's other pages and the labelled pastes, against the same pages held out of the 5 folds of all pages.
 */
async function ownSetTable(run) {
  const built = BODY_TREES.rounds;
  const pooled = await foldParts(run, [built]);
  const rows = [];
  const ownTest = [], ownPart = { decided: [], outs: [] };
  for (const set of [...new Set(run.pages.map((p) => p.set))]) {
    const own = run.pages.filter((p) => p.set === set);
    const mine = await foldParts({ ...run, all: [...own, ...run.all.filter((p) => p.set === 'noisy')] }, [built], own);
    const part = mine.parts.get(built);
    rows.push([set, setScore(pooled.test, pooled.parts.get(built), set, run.references), setScore(mine.test, part, set, run.references)]);
    ownTest.push(...mine.test);
    ownPart.decided.push(...part.decided);
    ownPart.outs.push(...part.outs);
    console.error(`train: own set ${set}`);
  }
  const all = pooled.parts.get(built);
  rows.push(['all', scoreDecisions(pooled.test, all.decided, all.outs, run.references), scoreDecisions(ownTest, ownPart.decided, ownPart.outs, run.references)]);
  console.log(`| set | pages | model | ${MEASURES.map((m) => m[0]).join(' | ')} |`);
  console.log(`|---|---|---|${MEASURES.map(() => '---').join('|')}|`);
  for (const [set, a, b] of rows) {
    console.log(`| ${set} | ${a.pages} | all sets, ${FOLDS} folds | ${MEASURES.map(([, k]) => pct(a[k])).join(' | ')} |`);
    console.log(`| ${set} | ${b.pages} | own set, ${FOLDS} folds | ${MEASURES.map(([, k]) => pct(b[k])).join(' | ')} |`);
  }
}

// ------------------------------------------------------------ main
async function main() {
  const tool = resolve(root, opt('--tool', 'build/bench/precis_blocks'));
  const features = resolve(root, opt('--features', 'build/native/precis_features'));
  const builds = {
    precis_blocks: 'cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPRECIS_BUILD_BENCH=ON && cmake --build build/bench --target precis_blocks',
    precis_features: 'cmake --build --preset native',
  };
  for (const [what, path] of [['precis_blocks', tool], ['precis_features', features]]) {
    if (!existsSync(path)) {
      console.error(`train: no ${what} at ${path} (build: ${builds[what]})`);
      process.exit(2);
    }
  }
  const { pages, noisy } = loadData();
  const all = [...pages, ...noisy];
  const titleDump = await runTool(tool, all, { features: 'title' });
  const names = titleDump.names;
  const byKey = new Map(all.map((p, i) => [p.key, titleDump.pages[i]]));
  const dump = { get: (k) => byKey.get(k), names };
  const tmp = mkdtempSync(join(tmpdir(), 'precis-train-'));
  const results = [];
  try {
    const references = new Map();
    const run = { tool, features, pages, all, dump, tmp, references };
    const rounds = opt('--rounds-table', null);
    if (!flag('--no-cv') || rounds || flag('--own-set')) {
      (await bodySummaries(features, pages, [])).forEach((o, i) => references.set(pages[i].key, summaryTokens(o)));
    }
    if (flag('--own-set')) {
      await ownSetTable(run);
      return;
    }
    if (rounds) {
      // The body model by tree count (5 folds); writes nothing.
      const counts = rounds.split(',').map(Number);
      if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) {
        console.error(`train: --rounds-table: numbers of trees from 1 to 1000, comma-separated, not '${rounds}'`);
        process.exit(2);
      }
      const scores = await foldScores(run, counts);
      console.log(`| body trees (${FOLDS} folds by page) | ${MEASURES.map((m) => m[0]).join(' | ')} |`);
      console.log(`|---|${MEASURES.map(() => '---').join('|')}|`);
      for (const n of counts) {
        console.log(`| ${n}${n === BODY_TREES.rounds ? ' (built)' : ''} | ${MEASURES.map(([, key]) => pct(scores.get(n)[key])).join(' | ')} |`);
      }
      return;
    }
    if (!flag('--no-cv')) {
      const built = BODY_TREES.rounds;
      results.push([`${FOLDS} folds by page`, (await foldScores(run, [built])).get(built)]);
      for (const set of [...new Set(pages.map((p) => p.set))]) {
        const fold = pages.filter((p) => p.set === set);
        const r = (await heldOut(run, fold, [built])).get(built);
        results.push([`set ${set}`, scoreDecisions(fold, r.decided, r.outs, references)]);
        console.error(`train: held out ${set}`);
      }
      const loso = results.slice(1).map((r) => r[1]);
      const n = loso.reduce((a, s) => a + s.pages, 0);
      const mean = (key) => loso.reduce((a, s) => a + s[key] * s.pages, 0) / n;
      results.push(['each set held out (pooled)', Object.fromEntries([['pages', n], ...MEASURES.map(([, k]) => [k, mean(k)])])]);
      console.log(`| held out | pages | ${MEASURES.map((m) => m[0]).join(' | ')} |`);
      console.log(`|---|---|${MEASURES.map(() => '---').join('|')}|`);
      for (const [name, s] of results) console.log(`| ${name} | ${s.pages} | ${MEASURES.map(([, k]) => pct(s[k])).join(' | ')} |`);
    }
    const models = await fitModels(tool, all, dump, tmp);
    console.error(`train: final fit on ${models.counts.titleRows} title candidates, ${models.counts.bodyRows} blocks`);
    if (flag('--write')) {
      writeFileSync(resolve(root, 'core/src/block_model.hpp'), modelFile(models, names, results, pages.length, noisy.length));
      console.log('wrote core/src/block_model.hpp (rebuild, then run node bench/pages.mjs)');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------ the model file
// A base or decision threshold (rounded to 5 decimals when fitted) as a float literal.
function num(x) {
  const s = x.toFixed(5).replace(/0+$/, '').replace(/\.$/, '.0');
  return (s === '-0.0' ? '0.0' : s) + 'f';
}

function treesSource(name, model) {
  const lines = model.trees.map((t) => `    {{${t.feature.join(', ')}}, {${t.threshold.join(', ')}}, {${t.leaf.join(', ')}}},`);
  return `inline constexpr BlockTree ${name}[] = {\n${lines.join('\n')}\n};`;
}

// Text as // comment lines of at most 100 characters.
function wrap(text) {
  const lines = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 100) {
      lines.push(line);
      line = '//';
    }
    line += ' ' + word;
  }
  return [...lines, line].join('\n');
}

function modelFile(models, names, results, pageCount, noisyCount) {
  const cv = results.length
    ? results.filter(([n]) => !n.startsWith('set ')).map(([n, s]) => wrap(`  ${n}: ${MEASURES.map(([m, k]) => `${m} ${pct(s[k])}`).join(', ')}`))
    : ['//   (not cross-validated: rerun without --no-cv)'];
  return `// The cleaning stage's two fitted models and the function that applies them:
// which short line is the headline, which blocks are body (features:
// block_features.hpp; decisions: clean.cpp).
//
// Generated by bench/cleaning/train.mjs --write — do not edit; rerun it.
// Data: ${pageCount} real pages of ../shared/data/pages (paste.txt, annotated body and
// title) and the ${noisyCount} labelled pastes of tests/corpus/noisy.
// Boosted trees of depth 3: title ${models.title.trees.length} trees, body ${models.body.trees.length} trees.
${wrap(`Features (index: name): ${names.map((n, j) => `${j} ${n}`).join(', ')}.`)}
// Cross-validated (the core's 3-sentence summaries, the fold's models; kept: body and doubtful body):
${cv.join('\n')}
#pragma once

#include "block_features.hpp"

namespace precis {

// clang-format off
${treesSource('kTitleTrees', models.title)}

${treesSource('kBodyTrees', models.body)}
// clang-format on

inline constexpr CleaningModels kCleaningModels{
    {${num(models.title.base)}, kTitleTrees, ${num(models.title.threshold)}},
    {${num(models.body.base)}, kBodyTrees, ${num(models.body.threshold)}},
};

// The score (log-odds) of a model for one block's features.
[[nodiscard]] inline double model_score(const BlockModel& model, const BlockFeatures& f) {
  // f >= t / 32768  <=>  floor(f * 32768) >= t, for integer t (features are in [0, 1]).
  std::array<std::uint16_t, kBlockFeatureCount> q{};
  for (std::size_t i = 0; i < kBlockFeatureCount; ++i) {
    const float v = f.values[i];
    q[i] = static_cast<std::uint16_t>((v > 0 ? (v < 1 ? v : 1.0f) : 0.0f) * BlockTree::kThresholdScale);
  }
  // Depth 3: three comparisons per tree. Leaves add up as integers (exact),
  // scaled once.
  static_assert(std::tuple_size_v<decltype(BlockTree::feature)> == 7);
  std::int32_t leaves = 0;
  for (const BlockTree& t : model.trees) {
    std::size_t k = q[t.feature[0]] >= t.threshold[0] ? 2 : 1;
    k = 2 * k + 1 + (q[t.feature[k]] >= t.threshold[k] ? 1 : 0);
    k = 2 * k + 1 + (q[t.feature[k]] >= t.threshold[k] ? 1 : 0);
    leaves += t.leaf[k - 7];
  }
  return static_cast<double>(model.base) + leaves * BlockTree::kLeafUnit;
}

}  // namespace precis
`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/cleaning/train.mjs')) await main();
