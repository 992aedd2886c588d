#!/usr/bin/env node
// Per-language quality and language identification on the multilingual test
// corpus (tests/corpus/languages/*.jsonl, see docs/languages.md): for each
// language, how often precis detects it, and sentence-level P/R/F1 and
// ROUGE-1/2 F1 of precis against the lead baseline, with the budget = the
// number of reference (key) sentences of each article.
//
//   node bench/languages.mjs [--data tests/corpus/languages/all.jsonl]
//       [--precis build/native/precis] [--given] [--show]
//
//   --given   pass each row's `language` to precis (Options::language) instead
//             of letting it detect the language
//   --show    list each article's misses (key sentences not selected)
//
// The numbers come from 3 short articles per language (9 key sentences): a
// difference of one sentence is 11 points of recall. Read them as a check
// that nothing is broken for a language, not as a ranking.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { lead } from './quality/baselines.mjs';
import { rougeScores } from './quality/rouge.mjs';
import { makeMatcher, splitSentences, stripHeadline } from './quality/text.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(REPO_ROOT, 'tests/corpus/languages/all.jsonl') },
    precis: { type: 'string', default: path.join(REPO_ROOT, 'build/native/precis') },
    given: { type: 'boolean', default: false },
    show: { type: 'boolean', default: false },
  },
});

const docs = fs
  .readFileSync(opts.data, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .map((row) => {
    const { body } = stripHeadline(row.text, row.title);
    const sentences = splitSentences(body).map((s) => s.text);
    const matcher = makeMatcher(row.summary);
    const k = Math.max(1, sentences.filter((s) => matcher.matches(s)).length);
    return { ...row, sentences, matcher, k };
  });

const requests = docs.map((d) => {
  const options = { sentences: d.k, keywords: 0 };
  if (opts.given) options.language = d.language;
  return JSON.stringify({ text: d.text, options });
});
const run = spawnSync(path.resolve(opts.precis), ['--jsonl'], {
  input: requests.join('\n') + '\n',
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (run.error || run.status !== 0) {
  console.error(`languages.mjs: ${opts.precis} failed: ${run.error?.message ?? run.stderr}`);
  process.exit(1);
}
const outputs = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));

function metrics(doc, selected) {
  const matched = selected.filter((s) => doc.matcher.matches(s)).length;
  const p = selected.length ? matched / selected.length : 0;
  const r = Math.min(matched, doc.k) / doc.k;
  const rouge = rougeScores(doc.summary, selected.join(' '));
  return {
    p,
    r,
    f: p + r > 0 ? (2 * p * r) / (p + r) : 0,
    r1: rouge.rouge1.fmeasure,
    r2: rouge.rouge2.fmeasure,
  };
}

const byLanguage = new Map();
docs.forEach((d, i) => {
  const out = outputs[i];
  const chosen = out.sentences.filter((s) => s.selected).map((s) => s.text);
  const g = byLanguage.get(d.language) ?? { docs: 0, detected: 0, wrong: [], precis: [], lead: [], sentences: [0, 0] };
  g.docs++;
  if (out.language === d.language) g.detected++;
  else g.wrong.push(`${d.id}→${out.language}`);
  g.precis.push(metrics(d, chosen));
  g.lead.push(metrics(d, lead(d.sentences, d.k).map((j) => d.sentences[j])));
  g.sentences[0] += out.sentences.length;
  g.sentences[1] += d.sentences.length;
  byLanguage.set(d.language, g);
  if (opts.show) {
    const missed = d.summary && chosen.filter((s) => !d.matcher.matches(s));
    if (missed.length) console.log(`${d.id}: chose ${missed.length} non-key sentence(s):\n  ${missed.join('\n  ')}`);
  }
});

const mean = (xs, key) => (100 * xs.reduce((a, x) => a + x[key], 0)) / xs.length;
const head = ['lang', 'docs', 'detect', 'sents', 'precis P', 'R', 'F', 'R-1', 'R-2', 'lead P', 'R', 'F', 'R-1', 'R-2'];
const rows = [];
const all = { docs: 0, detected: 0, precis: [], lead: [] };
for (const [lang, g] of [...byLanguage].sort()) {
  rows.push([
    lang,
    g.docs,
    `${g.detected}/${g.docs}`,
    `${g.sentences[0]}/${g.sentences[1]}`,
    ...['p', 'r', 'f', 'r1', 'r2'].map((m) => mean(g.precis, m).toFixed(1)),
    ...['p', 'r', 'f', 'r1', 'r2'].map((m) => mean(g.lead, m).toFixed(1)),
  ]);
  all.docs += g.docs;
  all.detected += g.detected;
  all.precis.push(...g.precis);
  all.lead.push(...g.lead);
}
rows.push([
  'all',
  all.docs,
  `${all.detected}/${all.docs}`,
  '',
  ...['p', 'r', 'f', 'r1', 'r2'].map((m) => mean(all.precis, m).toFixed(1)),
  ...['p', 'r', 'f', 'r1', 'r2'].map((m) => mean(all.lead, m).toFixed(1)),
]);
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
const fmt = (r) => r.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  ');
console.log(`${docs.length} articles from ${path.relative(process.cwd(), opts.data)}; budget = key sentences per article;`);
console.log(`language ${opts.given ? 'given' : 'detected'}; sents = precis / harness sentence count; P/R/F and ROUGE F1 in %`);
console.log(fmt(head));
console.log('-'.repeat(widths.reduce((a, w) => a + w + 2, -2)));
for (const r of rows) console.log(fmt(r));
const wrong = [...byLanguage.values()].flatMap((g) => g.wrong);
if (wrong.length) console.log(`misdetected: ${wrong.join(', ')}`);
