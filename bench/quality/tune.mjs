#!/usr/bin/env node
// Weight tuning on a development set: evaluates score-weight settings of
// precis (options.weights) with one `precis --jsonl` process per setting and
// prints sentence precision at the reference length and at k = 3, plus
// ROUGE-1 F1. Only for choosing the defaults in core/include/precis/precis.hpp.
//   node bench/quality/tune.mjs [--data FILE] [--precis PATH] [--limit N] [--k 3] GRID.json
// GRID.json: [{"name": "...", "weights": {...}, "redundancy": 0.6}, ...]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rougeScores } from './rouge.mjs';
import { makeMatcher, splitSentences, stripHeadline } from './text.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string' }, precis: { type: 'string' }, limit: { type: 'string' }, k: { type: 'string', default: '3' } },
});
const data = values.data ?? resolve(root, '../shared/data/bbc-dev.jsonl');
const cli = values.precis ?? resolve(root, 'build/native/precis');
let docs = readFileSync(data, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
if (values.limit) docs = docs.slice(0, Number(values.limit));
for (const d of docs) {
  d.matcher = makeMatcher(d.summary);
  const { body } = stripHeadline(d.text, d.title);
  d.kRef = Math.max(1, splitSentences(body).map((s) => s.text).filter((s) => d.matcher.matches(s)).length);
}
const grid = positionals.length ? JSON.parse(readFileSync(positionals[0], 'utf8')) : [{ name: 'defaults' }];

function evaluate(setting, kOf) {
  const options = (d) => ({ sentences: kOf(d), keywords: 0, ...(setting.weights && { weights: setting.weights }), ...(setting.redundancy && { redundancy: setting.redundancy }) });
  const input = docs.map((d) => JSON.stringify({ text: d.text, options: options(d) })).join('\n') + '\n';
  const out = execFileSync(cli, ['--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 30 }).trim().split('\n');
  let p = 0, r1 = 0;
  out.forEach((line, i) => {
    const res = JSON.parse(line);
    if (res.error) throw new Error(`${docs[i].id}: ${res.error.field}: ${res.error.message}`);
    const chosen = res.sentences.filter((s) => s.selected).map((s) => s.text);
    p += chosen.length ? chosen.filter((s) => docs[i].matcher.matches(s)).length / chosen.length : 0;
    r1 += rougeScores(docs[i].summary, chosen.join(" ")).rouge1.fmeasure;
  });
  return { p: (100 * p) / docs.length, r1: (100 * r1) / docs.length };
}

console.log(`${docs.length} docs`);
const fixedK = Number(values.k);
console.log('setting'.padEnd(36) + `P@kref  R1@kref   P@${fixedK}    R1@${fixedK}`);
for (const setting of grid) {
  const a = evaluate(setting, (d) => d.kRef);
  const b = evaluate(setting, () => fixedK);
  console.log(`${(setting.name ?? JSON.stringify(setting.weights)).padEnd(36)}${a.p.toFixed(2).padStart(6)}${a.r1.toFixed(2).padStart(8)}${b.p.toFixed(2).padStart(8)}${b.r1.toFixed(2).padStart(8)}`);
}
