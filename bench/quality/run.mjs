#!/usr/bin/env node
// The quality report: precis against the first-sentences baseline and the
// classic extractive summarizers, on news with summaries written by people
// (cnn-dev, multilingual-dev) and on bbc-dev's long extracts (a regression
// guard). See README.md in this folder.
//
//   node bench/quality/run.mjs [--sets cnn,multilingual,bbc] [--data FILE] [--limit N]
//                              [--systems precis,lead,textrank,lexrank,ots] [--precis PATH]
//                              [--out build/quality.json] [--jobs 2]
//
// Every system picks from the same sentences: precis's own segmentation of
// the body (cleaning, datelines removed), read from `precis --json`. lead-k is
// its first k sentences; TextRank and LexRank rank them; OTS ranks its own
// sentences of the body and its scores are carried over. ROUGE-1/2/L F1
// (rouge.mjs: every script tokenized, CJK characters as tokens), mean over
// documents, per set and language, with the R-1 difference to lead-k and its
// 95% bootstrap interval over documents. A second budget, 60 words (whole
// sentences that fit, the length of typical human summaries), compares precis
// with the lead sentences that fit. Then the lengths a reader gets from the
// Summarizer API's short / medium / long.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { lexrank, textrank, topK } from './baselines.mjs';
import { nativeTool, runBatch } from './core.mjs';
import { rougeL, rougeN, tokenize } from './rouge.mjs';
import { REPO_ROOT, SET_LABELS, SET_NAMES, loadSet, readJsonl } from './sets.mjs';
import { bootstrapDelta, mean } from './stats.mjs';
import { makeMatcher, normalizeForMatch, splitSentences, stripHeadline } from './text.mjs';

const ALL_SYSTEMS = ['precis', 'lead', 'textrank', 'lexrank', 'ots'];
const WORD_BUDGET = 60;
const CALL_TIMEOUT_MS = 30_000;
// The Summarizer API's lengths as the JS library maps them (web/precis.js).
const API_LENGTHS = [
  ['tldr / teaser', { short: { words: 40 }, medium: { words: 60 }, long: { words: 100 } }],
  ['key-points', { short: { sentences: 3 }, medium: { sentences: 5 }, long: { sentences: 7 } }],
];

function fail(message) {
  console.error(`run.mjs: ${message}`);
  process.exit(2);
}

function parseCli() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sets: { type: 'string' },
        data: { type: 'string' },
        limit: { type: 'string' },
        systems: { type: 'string', default: ALL_SYSTEMS.join(',') },
        precis: { type: 'string' },
        out: { type: 'string', default: path.join(REPO_ROOT, 'build/quality.json') },
        jobs: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    fail(e.message);
  }
  if (values.help) {
    console.log('usage: node bench/quality/run.mjs [--sets cnn,multilingual,bbc] [--data FILE] [--limit N] [--systems LIST] [--precis PATH] [--out FILE] [--jobs N]');
    process.exit(0);
  }
  const sets = values.sets ? values.sets.split(',').filter(Boolean) : values.data ? [] : SET_NAMES;
  for (const s of sets) if (!SET_NAMES.includes(s)) fail(`--sets: unknown set "${s}" (known: ${SET_NAMES.join(', ')})`);
  const systems = values.systems.split(',').filter(Boolean);
  for (const s of systems) if (!ALL_SYSTEMS.includes(s)) fail(`--systems: unknown system "${s}" (known: ${ALL_SYSTEMS.join(', ')})`);
  if (!systems.includes('precis')) fail('--systems must include precis (every system picks from its sentences)');
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit > 0)) fail('--limit must be a positive number');
  const jobs = Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs > 0)) fail('--jobs must be a positive integer');
  return { ...values, sets, systems, limit, jobs };
}

/** A JSONL file of {id, text, summary[, language]}: k = reference sentences found in the text. */
function loadDataFile(file, limit) {
  return readJsonl(file)
    .slice(0, limit)
    .map((row, i) => {
      const { body } = stripHeadline(row.text, row.title);
      const matcher = makeMatcher(row.summary);
      const k = Math.max(1, splitSentences(body).filter((s) => matcher.matches(s.text)).length);
      return { id: String(row.id ?? `line-${i + 1}`), set: path.basename(file), group: row.language ?? path.basename(file), text: row.text, reference: row.summary, k };
    });
}

// ---------------------------------------------------------------------- OTS

let otsDicts = null;
function otsDictArgs(language) {
  if (otsDicts === null) {
    try {
      otsDicts = new Set(fs.readdirSync('/usr/share/ots').filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)));
    } catch {
      otsDicts = new Set();
    }
  }
  return language && otsDicts.has(language) ? ['-d', language] : [];
}

function parseOtsHtml(html) {
  const parts = html.split(/<!--\((-?\d+)\)--><FONT COLOR="#[0-9A-Fa-f]+"><span( style='background:yellow;')?>/);
  const out = [];
  for (let i = 1; i + 2 < parts.length; i += 3) {
    const text = parts[i + 2].replace(/<\/span><\/FONT>\s*(?:<\/body><\/html>\s*)?$/, '').replace(/<br>/g, '\n').trim();
    if (text) out.push({ score: Number(parts[i]), text });
  }
  return out;
}

/** Scores of another segmentation carried onto ours: the best overlapping one (-Infinity if none). */
function mapScores(sentences, foreign) {
  const locate = (texts) => {
    let cursor = 0;
    return texts.map((t) => {
      const n = normalizeForMatch(t);
      if (!n) return null;
      const at = body.indexOf(n, cursor);
      if (at === -1) return null;
      cursor = at + n.length;
      return [at, at + n.length];
    });
  };
  const body = sentences.map(normalizeForMatch).join('');
  const own = locate(sentences);
  const other = locate(foreign.map((f) => f.text));
  return own.map((iv) => {
    let best = -Infinity;
    if (iv) other.forEach((ov, j) => ov && ov[0] < iv[1] && iv[0] < ov[1] && (best = Math.max(best, foreign[j].score)));
    return best;
  });
}

async function otsRankings(docs, jobs) {
  if (!fs.existsSync('/usr/bin/ots')) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-quality-ots-'));
  try {
    const out = new Array(docs.length);
    let next = 0;
    const worker = async () => {
      while (next < docs.length) {
        const i = next++;
        const d = docs[i];
        const file = path.join(dir, `${i}.txt`);
        fs.writeFileSync(file, d.sentences.join('\n'));
        const html = await new Promise((resolve) =>
          execFile('/usr/bin/ots', ['-h', '-r', '20', ...otsDictArgs(d.language), file], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: CALL_TIMEOUT_MS }, (err, stdout) =>
            resolve(err ? '' : stdout),
          ),
        );
        out[i] = mapScores(d.sentences, parseOtsHtml(html));
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ scoring

function rouge(reference, texts) {
  const ref = tokenize(reference);
  const cand = tokenize(texts.join(' '));
  return { r1: rougeN(ref, cand, 1).fmeasure, r2: rougeN(ref, cand, 2).fmeasure, rl: rougeL(ref, cand).fmeasure, words: cand.length };
}

/** Leading sentences while they fit `words` (whole sentences, as precis's word budget counts them). */
function leadWithin(sentences, counts, words) {
  const out = [];
  let used = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (used + counts[i] > words) break;
    used += counts[i];
    out.push(sentences[i]);
  }
  return out;
}

function table(rows) {
  const head = ['system', 'R-1', 'R-2', 'R-L', 'words', 'ΔR-1 vs lead-k [95% CI]'];
  const lines = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...lines.map((l) => String(l[c] ?? '').length)));
  return lines.map((l) => l.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v ?? '').padStart(widths[c]))).join('  ')).join('\n');
}

const pct = (x) => (100 * x).toFixed(1);
const signed = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);

function summarizeGroup(perDoc, leadScores) {
  const b = leadScores ? bootstrapDelta(perDoc.map((x) => 100 * x.r1), leadScores.map((x) => 100 * x.r1)) : null;
  return {
    r1: mean(perDoc.map((x) => x.r1)),
    r2: mean(perDoc.map((x) => x.r2)),
    rl: mean(perDoc.map((x) => x.rl)),
    words: mean(perDoc.map((x) => x.words)),
    delta: b,
  };
}

function row(name, s) {
  return [name, pct(s.r1), pct(s.r2), pct(s.rl), s.words.toFixed(1), s.delta ? `${signed(s.delta.delta)} [${signed(s.delta.low)}, ${signed(s.delta.high)}]` : ''];
}

// --------------------------------------------------------------------- main

async function main() {
  const opts = parseCli();
  const bin = nativeTool('precis', opts.precis);
  const groups = [];
  for (const name of opts.sets) groups.push({ name, label: SET_LABELS[name], docs: loadSet(name, { limit: opts.limit }) });
  if (opts.data) groups.push({ name: path.basename(opts.data), label: opts.data, docs: loadDataFile(opts.data, opts.limit) });

  const report = { date: new Date().toISOString().slice(0, 10), precis: bin, sets: {} };
  const out = ['precis quality: ROUGE F1 (%) against the references, mean over documents; every system picks from precis\'s sentences'];
  for (const group of groups) {
    const docs = group.docs;
    const t0 = performance.now();
    // precis at k (and its sentence list), at 60 words, and at the API's lengths.
    const requests = docs.flatMap((d) => [
      { text: d.text, options: { sentences: d.k, keywords: 0 } },
      { text: d.text, options: { words: WORD_BUDGET, keywords: 0 } },
    ]);
    const responses = runBatch(bin, requests);
    docs.forEach((d, i) => {
      const r = responses[2 * i];
      const w = responses[2 * i + 1];
      if (r.error || w.error) fail(`${d.id}: ${(r.error ?? w.error).field}: ${(r.error ?? w.error).message}`);
      d.language = r.language;
      d.sentences = r.sentences.map((s) => s.text);
      d.chosen = r.sentences.filter((s) => s.selected).map((s) => s.text);
      d.within = w.summary ? [w.summary] : [];
      // Words per sentence as ROUGE counts them (a CJK character is a word, as precis counts it too):
      // the 60-word lead takes whole sentences the same way.
      d.words = r.sentences.map((s) => tokenize(s.text).length);
    });
    const precisMs = performance.now() - t0;
    const picks = { precis: docs.map((d) => d.chosen), lead: docs.map((d) => d.sentences.slice(0, d.k)) };
    if (opts.systems.includes('textrank')) picks.textrank = docs.map((d) => textrank(d.sentences, d.k).map((i) => d.sentences[i]));
    if (opts.systems.includes('lexrank')) picks.lexrank = docs.map((d) => lexrank(d.sentences, d.k).map((i) => d.sentences[i]));
    if (opts.systems.includes('ots')) {
      const ranks = await otsRankings(docs, opts.jobs);
      if (ranks) picks.ots = docs.map((d, i) => topK(ranks[i], d.k).filter((j) => ranks[i][j] > -Infinity).map((j) => d.sentences[j]));
    }
    const scored = Object.fromEntries(Object.entries(picks).map(([s, sel]) => [s, docs.map((d, i) => rouge(d.reference, sel[i]))]));
    const within = { precis: docs.map((d) => rouge(d.reference, d.within)), lead: docs.map((d) => rouge(d.reference, leadWithin(d.sentences, d.words, WORD_BUDGET))) };

    const names = [...new Set(docs.map((d) => d.group))];
    const setReport = { label: group.label, docs: docs.length, precisMs: Math.round(precisMs), groups: {} };
    for (const g of names.length > 1 ? [...names, null] : names) {
      const idx = docs.map((d, i) => (g === null || d.group === g ? i : -1)).filter((i) => i >= 0);
      const pick = (list) => idx.map((i) => list[i]);
      const k = mean(idx.map((i) => docs[i].k));
      const label = g === null ? `${group.name}, all languages` : names.length > 1 ? `${group.name} ${g}` : group.name;
      const rows = [];
      const groupReport = { docs: idx.length, k, budgets: { k: {}, words60: {} } };
      for (const system of Object.keys(scored)) {
        const s = summarizeGroup(pick(scored[system]), system === 'lead' ? null : pick(scored.lead));
        groupReport.budgets.k[system] = s;
        rows.push(row(system === 'lead' ? 'lead-k' : system, s));
      }
      out.push('', `== ${label}: ${idx.length} documents, k = ${k.toFixed(1)} sentences${g === null || names.length === 1 ? ` (${group.label})` : ''}`, table(rows));
      const w = {};
      for (const system of ['precis', 'lead']) {
        w[system] = summarizeGroup(pick(within[system]), system === 'lead' ? null : pick(within.lead));
        groupReport.budgets.words60[system] = w[system];
      }
      out.push(`   at ${WORD_BUDGET} words:`, table([row('precis', w.precis), row('lead (whole sentences)', w.lead)]).replace(/^/gm, '   '));
      setReport.groups[g ?? 'all'] = groupReport;
    }
    report.sets[group.name] = setReport;
  }

  // What a reader gets from the Summarizer API's lengths (cnn-dev, or the first set).
  const lengthsSet = groups.find((g) => g.name === 'cnn') ?? groups[0];
  if (lengthsSet) {
    const docs = lengthsSet.docs;
    const refWords = docs.map((d) => tokenize(d.reference).length).sort((a, b) => a - b);
    out.push('', `== Summarizer API lengths on ${lengthsSet.name} (reference: median ${refWords[Math.floor(refWords.length / 2)]} words): mean words of the summary, ROUGE-1`);
    report.apiLengths = {};
    for (const [type, lengths] of API_LENGTHS) {
      const cells = [];
      for (const [length, options] of Object.entries(lengths)) {
        const res = runBatch(bin, docs.map((d) => ({ text: d.text, options: { ...options, keywords: 0 } })));
        const s = summarizeGroup(docs.map((d, i) => rouge(d.reference, res[i].summary ? [res[i].summary] : [])), null);
        cells.push(`${length} ${s.words.toFixed(0)} words, R-1 ${pct(s.r1)}`);
        report.apiLengths[`${type} ${length}`] = s;
      }
      out.push(`   ${type.padEnd(14)} ${cells.join(' | ')}`);
    }
  }

  console.log(out.join('\n'));
  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), path.resolve(opts.out))}`);
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
