#!/usr/bin/env node
// Noise detection quality of the cleaning stage, measured through the CLI.
//
//   node bench/noise.mjs [--precis build/native/precis] [--corpus tests/corpus/noisy]
//                        [--bbc ../shared/data/bbc-dev.jsonl] [--verbose]
//
// 1. Every labelled page of the noisy corpus (format: tests/corpus/noisy/README.md)
//    is summarized with --json; each block's prediction (title / body / noise
//    reason) is compared with its label. Prints block-level precision, recall
//    and F1 of "noise vs not noise", the same per noise reason, title accuracy,
//    and how many selected summary sentences fall outside labelled body blocks.
// 2. Every article of bbc-dev (clean articles) is summarized; prints how many
//    blocks were removed (must be 0) and the title detection rate.
// Exits 1 when a bbc-dev block is removed (or the CLI fails), 0 otherwise.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

import { flag, opt, precisCli, root } from './cli.mjs';

const main = process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/noise.mjs');
const precis = main ? precisCli('noise', 1) : null;
const corpusDir = resolve(root, opt('--corpus', 'tests/corpus/noisy'));
const bbcPath = resolve(root, opt('--bbc', '../shared/data/bbc-dev.jsonl'));
const verbose = flag('--verbose');

/** The labelled pages of the noisy corpus: [{file, paste, blocks: [{label, text, byteStart, byteEnd}]}]. */
export function corpusPages(dir = corpusDir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.page')).sort() : [];
  return files.map((f) => ({ file: f, ...parsePage(readFileSync(join(dir, f), 'utf8')) }));
}

// ------------------------------------------------------------ corpus format
// A page is one line per block: "[label] text", blank lines kept. The paste is
// the text without the "[label] " prefixes.
const LABEL = /^\[(title|body|noise:[a-z-]+)\] (.*)$/;

export function parsePage(source) {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const out = [];
  const blocks = [];
  let byte = 0;
  lines.forEach((line, n) => {
    if (line.trim() === '') {
      out.push('');
    } else {
      const m = LABEL.exec(line);
      if (!m) throw new Error(`line ${n + 1}: expected "[label] text", got ${JSON.stringify(line.slice(0, 40))}`);
      blocks.push({ label: m[1], text: m[2], byteStart: byte, byteEnd: byte + Buffer.byteLength(m[2]) });
      out.push(m[2]);
    }
    byte += Buffer.byteLength(out[out.length - 1]) + 1;
  });
  return { paste: out.join('\n') + '\n', blocks };
}

function run(input, extra = []) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(precis, ['--json', ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks = [];
    let err = '';
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`precis exited ${code}: ${err.trim()}`));
      try {
        resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.end(input);
  });
}

async function pool(items, worker, width = Math.max(2, cpus().length)) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await worker(items[i], i);
      }
    }),
  );
  return results;
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + '%' : '    - ');
const prf = (tp, fp, fn) => {
  const p = tp + fp ? tp / (tp + fp) : NaN;
  const r = tp + fn ? tp / (tp + fn) : NaN;
  const f = p + r ? (2 * p * r) / (p + r) : NaN;
  return { p, r, f };
};

// ------------------------------------------------------------ 1. noisy corpus
async function corpus() {
  const pages = corpusPages();
  const outputs = await pool(pages, (p) => run(p.paste));
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let titles = 0, titlesRight = 0, reasonRight = 0, outside = 0, selected = 0, blocksTotal = 0;
  const perReason = new Map(); // reason -> {tp, fp, fn}
  const R = (r) => perReason.get(r) ?? perReason.set(r, { tp: 0, fp: 0, fn: 0 }).get(r);
  const byLang = new Map();
  pages.forEach((page, k) => {
    const out = outputs[k];
    const removed = new Map(out.removed.map((r) => [r.byteStart, r.reason]));
    const titleStart = out.title ? out.title.byteStart : -1;
    const lang = page.file.split('-')[1] ?? '?';
    const L = byLang.get(lang) ?? byLang.set(lang, { pages: 0, tp: 0, fp: 0, fn: 0 }).get(lang);
    L.pages++;
    for (const b of page.blocks) {
      blocksTotal++;
      const pred = removed.has(b.byteStart) ? 'noise:' + removed.get(b.byteStart) : b.byteStart === titleStart ? 'title' : 'body';
      const goldNoise = b.label.startsWith('noise:');
      const predNoise = pred.startsWith('noise:');
      if (b.label === 'title') {
        titles++;
        if (pred === 'title') titlesRight++;
      }
      if (goldNoise && predNoise) (tp++, L.tp++);
      else if (!goldNoise && predNoise) (fp++, L.fp++);
      else if (goldNoise && !predNoise) (fn++, L.fn++);
      else tn++;
      if (goldNoise && predNoise && pred === b.label) reasonRight++;
      const g = goldNoise ? b.label.slice(6) : null;
      const q = predNoise ? pred.slice(6) : null;
      if (g && q === g) R(g).tp++;
      else {
        if (g) R(g).fn++;
        if (q) R(q).fp++;
      }
      if (verbose && pred !== b.label) console.log(`  ${page.file}: ${b.label} -> ${pred}: ${b.text.slice(0, 70)}`);
    }
    for (const s of out.sentences) {
      if (!s.selected) continue;
      selected++;
      const inBody = page.blocks.some((b) => b.label === 'body' && s.byteStart >= b.byteStart && s.byteEnd <= b.byteEnd);
      if (!inBody) {
        outside++;
        if (verbose) console.log(`  ${page.file}: selected outside body: ${s.text.slice(0, 70)}`);
      }
    }
  });
  const all = prf(tp, fp, fn);
  console.log(`noisy corpus: ${pages.length} pages, ${blocksTotal} blocks (${tp + fn} noise, ${fp + tn} not noise)`);
  console.log(`  noise vs not-noise   precision ${pct(all.p)}  recall ${pct(all.r)}  F1 ${pct(all.f)}   (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`  reason agreement on detected noise: ${pct(tp ? reasonRight / tp : NaN)}`);
  console.log(`  title detected: ${titlesRight}/${titles}`);
  console.log(`  selected sentences outside body blocks: ${outside}/${selected}`);
  console.log('  per reason (block counts; a block counts for the reason of its label / prediction):');
  for (const [reason, c] of [...perReason].sort((a, b) => a[0].localeCompare(b[0]))) {
    const m = prf(c.tp, c.fp, c.fn);
    console.log(`    ${reason.padEnd(15)} precision ${pct(m.p)}  recall ${pct(m.r)}  F1 ${pct(m.f)}   (gold ${c.tp + c.fn}, predicted ${c.tp + c.fp})`);
  }
  console.log('  per language (noise vs not-noise):');
  for (const [lang, c] of [...byLang].sort((a, b) => a[0].localeCompare(b[0]))) {
    const m = prf(c.tp, c.fp, c.fn);
    console.log(`    ${lang.padEnd(4)} ${String(c.pages).padStart(2)} pages  precision ${pct(m.p)}  recall ${pct(m.r)}  F1 ${pct(m.f)}`);
  }
  return { outside };
}

// ------------------------------------------------------------ 2. clean articles
async function clean() {
  if (!existsSync(bbcPath)) {
    console.log(`bbc-dev: ${bbcPath} not found; skipped`);
    return { removed: 0 };
  }
  const articles = readFileSync(bbcPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const outputs = await pool(articles, (a) => run(a.text));
  let removed = 0, blocks = 0, titled = 0, titleRight = 0, articlesHit = 0;
  articles.forEach((a, k) => {
    const out = outputs[k];
    blocks += a.text.split(/\n+/).filter((l) => l.trim()).length;
    if (out.removed.length) {
      articlesHit++;
      removed += out.removed.length;
      for (const r of out.removed) console.log(`  bbc-dev ${a.id}: removed (${r.reason}) ${JSON.stringify(r.text.slice(0, 80))}`);
    }
    if (out.title) {
      titled++;
      if (out.title.text.trim() === String(a.title ?? '').trim()) titleRight++;
    }
  });
  console.log(`bbc-dev: ${articles.length} clean articles, ~${blocks} lines`);
  console.log(`  blocks removed: ${removed} (in ${articlesHit} articles) — must be 0; removal rate ${pct(blocks ? removed / blocks : 0)}`);
  console.log(`  title detected: ${titled}/${articles.length} (${pct(titled / articles.length)}), equal to the article's title: ${titleRight}`);
  return { removed };
}

if (main) {
  const noisy = await corpus();
  const bbc = await clean();
  if (bbc.removed > 0) {
    console.error(`FAIL: ${bbc.removed} block(s) removed from clean bbc-dev articles`);
    process.exit(1);
  }
  if (noisy.outside > 0) console.log(`note: ${noisy.outside} selected sentence(s) came from outside labelled body blocks`);
}
