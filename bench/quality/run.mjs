#!/usr/bin/env node
// Quality evaluation harness: runs precis and baseline summarizers on a JSONL
// data set of (article, extractive reference summary) pairs and reports
// ROUGE-1/2/L F1 and sentence-level precision/recall/F1.  See README.md.
//
//   node bench/quality/run.mjs [--data ../shared/data/bbc-dev.jsonl]
//       [--precis build/native/precis] [--limit N] [--out build/quality.json]
//       [--systems precis,lead,random,textrank,lexrank,ots] [--jobs 2]

import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { lead, lexrank, random, textrank, topK } from './baselines.mjs';
import { rougeScores } from './rouge.mjs';
import { makeMatcher, normalizeForMatch, splitSentences, stripHeadline } from './text.mjs';

const ALL_SYSTEMS = ['precis', 'lead', 'random', 'textrank', 'lexrank', 'ots', 'ots-ratio'];
const DEFAULT_SYSTEMS = 'precis,lead,random,textrank,lexrank,ots';
const FIXED_K = 3;
const CALL_TIMEOUT_MS = 30_000;
// Default paths are relative to the repository root (so the harness works
// from any directory); paths given on the command line are relative to cwd.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULTS = {
  data: '../shared/data/bbc-dev.jsonl',
  precis: 'build/native/precis',
  out: 'build/quality.json',
};

const USAGE = `usage: node bench/quality/run.mjs [options]
  --data FILE       JSONL with id, text, summary [, title, language]
                    (default ../shared/data/bbc-dev.jsonl)
  --precis PATH     precis CLI (default build/native/precis)
  --limit N         only the first N documents
  --out FILE        JSON results (default build/quality.json)
  --systems LIST    comma-separated, from: ${ALL_SYSTEMS.join(',')}
                    (default ${DEFAULT_SYSTEMS})
  --jobs N          parallel external processes (default 2)`;

// ---------------------------------------------------------------- arguments

function parseCli(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        precis: { type: 'string' },
        limit: { type: 'string' },
        out: { type: 'string' },
        systems: { type: 'string', default: DEFAULT_SYSTEMS },
        jobs: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    fail(`${e.message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const [k, v] of Object.entries(DEFAULTS)) {
    if (values[k] === undefined) values[k] = path.relative(process.cwd(), path.join(REPO_ROOT, v)) || '.';
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(Number.isInteger(limit) && limit > 0) && limit !== Infinity) fail(`--limit must be a positive integer`);
  const jobs = Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs > 0)) fail(`--jobs must be a positive integer`);
  const systems = values.systems.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of systems) if (!ALL_SYSTEMS.includes(s)) fail(`unknown system "${s}" (known: ${ALL_SYSTEMS.join(', ')})`);
  if (systems.length === 0) fail('--systems is empty');
  return { ...values, limit, jobs, systems: [...new Set(systems)] };
}

function fail(msg) {
  console.error(`run.mjs: ${msg}`);
  process.exit(2);
}

// --------------------------------------------------------------------- data

function loadDocs(file, limit) {
  let raw;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read --data ${file}: ${e.message}`);
  }
  const docs = [];
  const lines = raw.split('\n');
  for (let ln = 0; ln < lines.length && docs.length < limit; ln++) {
    if (lines[ln].trim() === '') continue;
    let row;
    try {
      row = JSON.parse(lines[ln]);
    } catch (e) {
      fail(`${file}:${ln + 1}: invalid JSON: ${e.message}`);
    }
    for (const f of ['text', 'summary']) {
      if (typeof row[f] !== 'string') fail(`${file}:${ln + 1}: field "${f}" missing or not a string`);
    }
    const id = row.id != null ? String(row.id) : `line-${ln + 1}`;
    const { body } = stripHeadline(row.text, row.title);
    const sentences = splitSentences(body).map((s) => s.text);
    const matcher = makeMatcher(row.summary);
    const refCount = sentences.filter((s) => matcher.matches(s)).length;
    docs.push({
      id,
      language: typeof row.language === 'string' && row.language ? row.language : null,
      text: row.text, // full text (headline included) for precis
      body,
      sentences,
      summary: row.summary,
      matcher,
      refCount,
      kRef: Math.max(1, refCount),
    });
  }
  if (docs.length === 0) fail(`no documents in ${file}`);
  return docs;
}

// ------------------------------------------------------------------ helpers

/** Run async fn over items with at most `jobs` in flight; results by index. */
async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// Temporary directories of external systems, removed even on Ctrl-C.
const tempDirs = new Set();
function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}
function removeTempDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}
process.on('exit', () => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

function run(file, args) {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: CALL_TIMEOUT_MS }, (err, stdout, stderr) => {
      resolve({ err, stdout, stderr });
    });
  });
}

function findInPath(cmd) {
  if (cmd.includes('/')) return isExecutable(cmd) ? cmd : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir || '.', cmd);
    if (isExecutable(p)) return p;
  }
  return null;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function errorText(res) {
  const msg = (res.stderr || '').trim().split('\n')[0];
  if (res.err?.killed) return `timed out after ${CALL_TIMEOUT_MS} ms`;
  return msg || res.err?.message || 'unknown error';
}

/**
 * Map scores given to another segmentation of the same body text (e.g. OTS's
 * own sentences) onto the harness sentences: both segmentations are located
 * in the normalized body in order, and a harness sentence gets the maximum
 * score of the foreign segments overlapping it (-Infinity if none).
 */
function mapScores(sentences, foreign) {
  const normBody = sentences.map(normalizeForMatch).join('');
  const locate = (texts) => {
    // sequential search in the concatenation of the harness sentences
    let cursor = 0;
    return texts.map((t) => {
      const n = normalizeForMatch(t);
      if (!n) return null;
      const at = normBody.indexOf(n, cursor);
      if (at === -1) return null;
      cursor = at + n.length;
      return [at, at + n.length];
    });
  };
  const own = locate(sentences);
  const other = locate(foreign.map((f) => f.text));
  return own.map((iv) => {
    let best = -Infinity;
    if (!iv) return best;
    other.forEach((ov, j) => {
      if (ov && ov[0] < iv[1] && iv[0] < ov[1]) best = Math.max(best, foreign[j].score);
    });
    return best;
  });
}

// ------------------------------------------------------------------ systems
// Each system: async (docs, ctx) => { skipped?: string, sel: [[texts for kRef], [texts for k=3]][], errors: [] , notes?: {} }

const BUDGETS = [
  { key: 'kref', label: 'k = reference sentence count', k: (d) => d.kRef },
  { key: 'k3', label: `k = ${FIXED_K}`, k: () => FIXED_K },
];

function inProcess(pick) {
  return async (docs) => ({
    sel: docs.map((d) => BUDGETS.map((b) => pick(d, b.k(d)).map((i) => d.sentences[i]))),
    errors: [],
  });
}

const SYSTEMS = {
  lead: inProcess((d, k) => lead(d.sentences, k)),
  random: inProcess((d, k) => random(d.sentences, k, d.id)),
  textrank: inProcess((d, k) => textrank(d.sentences, k)),
  lexrank: inProcess((d, k) => lexrank(d.sentences, k)),

  // The native CLI on the FULL text (headline included); summary = its
  // sentences with selected: true, in its own segmentation.
  async precis(docs, ctx) {
    const bin = path.resolve(ctx.precis);
    if (!isExecutable(bin)) return { skipped: `precis not found at ${ctx.precis}` };
    // One batch process (`--jsonl`: a request per line, a response per line).
    const tasks = docs.flatMap((d, di) => BUDGETS.map((b, bi) => ({ d, di, bi, k: b.k(d) })));
    const input = tasks.map((t) => JSON.stringify({ text: t.d.text, options: { sentences: t.k, keywords: 0 } })).join('\n') + '\n';
    const errors = [];
    const sel = docs.map(() => BUDGETS.map(() => []));
    const res = spawnSync(bin, ['--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (res.error) return { skipped: `precis failed to run: ${res.error.message}` };
    const lines = res.stdout.split('\n').filter(Boolean);
    tasks.forEach(({ d, di, bi }, i) => {
      let out;
      try {
        out = JSON.parse(lines[i] ?? '');
      } catch (e) {
        return errors.push({ id: d.id, budgets: [bi], message: `invalid JSON line: ${e.message}` });
      }
      if (out.error) return errors.push({ id: d.id, budgets: [bi], message: `${out.error.field}: ${out.error.message}` });
      if (!Array.isArray(out?.sentences)) return errors.push({ id: d.id, budgets: [bi], message: 'no "sentences" array' });
      sel[di][bi] = out.sentences.filter((s) => s && s.selected === true).map((s) => String(s.text ?? ''));
    });
    return { sel, errors };
  },

  // Open Text Summarizer, ranking mode: `ots -h` prints every sentence with
  // its OTS score (<!--(score)-->); the -r ratio only decides which ones get
  // highlighted, and those are always the top-scored ones.  So we run it once
  // per document, transfer the scores to the harness sentences and take the
  // top k -> exactly k sentences, OTS's own ranking.
  async ots(docs, ctx) {
    return runOts(docs, ctx, 'rank');
  },
  // OTS as a user would run it: ratio = ceil(100*k/#sentences) percent, the
  // highlighted (= printed) sentences are mapped back to harness sentences.
  // Returns "about" k sentences; see avgSel.
  async 'ots-ratio'(docs, ctx) {
    return runOts(docs, ctx, 'ratio');
  },
};

let otsDicts = null;
function otsDictArgs(language) {
  if (!language) return [];
  if (otsDicts === null) {
    try {
      otsDicts = new Set(fs.readdirSync('/usr/share/ots').filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)));
    } catch {
      otsDicts = new Set();
    }
  }
  const lang = language.toLowerCase().split(/[-_]/)[0];
  return otsDicts.has(lang) ? ['-d', lang] : [];
}

function parseOtsHtml(html) {
  const parts = html.split(/<!--\((-?\d+)\)--><FONT COLOR="#[0-9A-Fa-f]+"><span( style='background:yellow;')?>/);
  const out = [];
  for (let i = 1; i + 2 < parts.length; i += 3) {
    const text = parts[i + 2]
      .replace(/<\/span><\/FONT>\s*(?:<\/body><\/html>\s*)?$/, '')
      .replace(/<br>/g, '\n')
      .trim();
    if (text) out.push({ score: Number(parts[i]), highlighted: parts[i + 1] !== undefined, text });
  }
  return out;
}

async function runOts(docs, ctx, mode) {
  const bin = findInPath('ots');
  if (!bin) return { skipped: 'ots not found' };
  const dir = makeTempDir('precis-quality-ots-');
  const errors = [];
  const sel = docs.map(() => BUDGETS.map(() => []));
  try {
    docs.forEach((d, di) => fs.writeFileSync(path.join(dir, `${di}.txt`), d.body));
    const tasks =
      mode === 'rank'
        ? docs.map((d, di) => ({ d, di, bis: BUDGETS.map((_, bi) => bi), ratio: 20 }))
        : docs.flatMap((d, di) =>
            BUDGETS.map((b, bi) => ({
              d,
              di,
              bis: [bi],
              ratio: Math.min(100, Math.ceil((100 * b.k(d)) / Math.max(1, d.sentences.length))),
            })),
          );
    await pool(tasks, ctx.jobs, async ({ d, di, bis, ratio }) => {
      const res = await run(bin, ['-h', '-r', String(ratio), ...otsDictArgs(d.language), path.join(dir, `${di}.txt`)]);
      if (res.err) return errors.push({ id: d.id, budgets: bis, message: errorText(res) });
      const otsSents = parseOtsHtml(res.stdout);
      if (otsSents.length === 0 && d.sentences.length > 0) return errors.push({ id: d.id, budgets: bis, message: 'no sentences in ots output' });
      for (const bi of bis) {
        if (mode === 'rank') {
          const scores = mapScores(d.sentences, otsSents);
          const k = BUDGETS[bi].k(d);
          sel[di][bi] = topK(scores, k).filter((i) => scores[i] > -Infinity).map((i) => d.sentences[i]);
        } else {
          const m = makeMatcher(otsSents.filter((s) => s.highlighted).map((s) => s.text).join('\n'));
          sel[di][bi] = d.sentences.filter((s) => m.matches(s));
        }
      }
    });
    return { sel, errors };
  } finally {
    removeTempDir(dir);
  }
}

// ------------------------------------------------------------------ metrics

function docMetrics(doc, selected) {
  const r = rougeScores(doc.summary, selected.join(' '));
  const matched = selected.filter((s) => doc.matcher.matches(s)).length;
  const p = selected.length ? matched / selected.length : 0;
  // A system with its own segmentation may match more units than the
  // reference count -> recall capped at 1.
  const rc = doc.refCount ? Math.min(matched, doc.refCount) / doc.refCount : 0;
  return {
    rouge1: r.rouge1.fmeasure,
    rouge2: r.rouge2.fmeasure,
    rougeL: r.rougeL.fmeasure,
    sentP: p,
    sentR: rc,
    sentF: p + rc > 0 ? (2 * p * rc) / (p + rc) : 0,
    selected: selected.length,
  };
}

const METRICS = ['rouge1', 'rouge2', 'rougeL', 'sentP', 'sentR', 'sentF'];

function aggregate(list) {
  const n = list.length;
  const out = { docs: n };
  for (const m of METRICS) out[m] = n ? list.reduce((a, x) => a + x[m], 0) / n : 0;
  out.avgSelected = n ? list.reduce((a, x) => a + x.selected, 0) / n : 0;
  return out;
}

const pct = (x) => Math.round(x * 1000) / 10;
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

function publicRow(agg) {
  const row = { docs: agg.docs };
  for (const m of METRICS) row[m] = pct(agg[m]);
  row.avgSelected = round(agg.avgSelected, 2);
  row.raw = Object.fromEntries(METRICS.map((m) => [m, agg[m]]));
  return row;
}

// ------------------------------------------------------------------- output

function formatTable(title, rows) {
  const head = ['system', 'R-1 F', 'R-2 F', 'R-L F', 'sent P', 'sent R', 'sent F', 'avg sel'];
  const lines = [head];
  for (const [name, r] of rows) {
    if (r.skipped) lines.push([name, `skipped: ${r.skipped}`]);
    else
      lines.push([
        name,
        ...METRICS.map((m) => r[m].toFixed(1)),
        r.avgSelected.toFixed(2),
      ]);
  }
  const widths = head.map((_, c) => Math.max(...lines.filter((l) => l.length === head.length).map((l) => String(l[c]).length)));
  const fmt = (l) =>
    l.length === head.length
      ? l.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  ')
      : `${String(l[0]).padEnd(widths[0])}  ${l[1]}`;
  return [title, fmt(lines[0]), '-'.repeat(widths.reduce((a, b) => a + b + 2, -2)), ...lines.slice(1).map(fmt)].join('\n');
}

// --------------------------------------------------------------------- main

async function main() {
  const opts = parseCli(process.argv.slice(2));
  const tLoad = performance.now();
  const docs = loadDocs(opts.data, opts.limit);
  const loadMs = performance.now() - tLoad;
  const languages = [...new Set(docs.map((d) => d.language).filter(Boolean))].sort();

  const results = {};
  const timings = {};
  for (const name of opts.systems) {
    const t0 = performance.now();
    process.stderr.write(`running ${name}...`);
    const res = await SYSTEMS[name](docs, opts);
    const t1 = performance.now();
    if (res.skipped) {
      process.stderr.write(` skipped: ${res.skipped}\n`);
      results[name] = { skipped: res.skipped };
      timings[name] = null;
      continue;
    }
    const perDoc = docs.map((d, di) => BUDGETS.map((_, bi) => docMetrics(d, res.sel[di][bi])));
    timings[name] = { selectMs: Math.round(t1 - t0), scoreMs: Math.round(performance.now() - t1) };
    process.stderr.write(` ${((t1 - t0) / 1000).toFixed(1)} s\n`);
    const order = new Map(docs.map((d, i) => [d.id, i]));
    const errors = [...res.errors].sort((a, b) => order.get(a.id) - order.get(b.id) || a.budgets[0] - b.budgets[0]);
    results[name] = { perDoc, errors };
  }

  const report = {
    data: opts.data,
    docs: docs.length,
    systems: opts.systems,
    precis: opts.precis,
    matching: 'normalized (NFKC, lowercase, letters+digits only) substring; short (<15 chars) sentences must align with reference sentence boundaries',
    referenceSentences: { mean: docs.reduce((a, d) => a + d.refCount, 0) / docs.length },
    budgets: {},
    errors: {},
    timingsMs: { load: Math.round(loadMs), ...timings },
  };
  const out = [];
  out.push(`precis quality: ${docs.length} documents from ${opts.data}`);
  out.push(`reference sentences per document (harness splitter): mean ${report.referenceSentences.mean.toFixed(2)}`);
  out.push('ROUGE F1 (rouge-score defaults, no stemming) and sentence-level P/R/F1, macro-averaged, in %');

  const groups = [{ key: 'all', label: 'all languages', filter: () => true }];
  for (const lang of languages) groups.push({ key: lang, label: `language ${lang}`, filter: (d) => d.language === lang });

  BUDGETS.forEach((b, bi) => {
    const block = { label: b.label, meanK: docs.reduce((a, d) => a + b.k(d), 0) / docs.length, groups: {} };
    for (const g of groups) {
      const idx = docs.map((d, i) => (g.filter(d) ? i : -1)).filter((i) => i >= 0);
      const rows = [];
      const grp = { docs: idx.length, systems: {} };
      for (const name of opts.systems) {
        const r = results[name];
        if (r.skipped) {
          rows.push([name, { skipped: r.skipped }]);
          grp.systems[name] = { skipped: r.skipped };
          continue;
        }
        const row = publicRow(aggregate(idx.map((i) => r.perDoc[i][bi])));
        const ids = new Set(idx.map((i) => docs[i].id));
        const nErr = r.errors.filter((e) => ids.has(e.id) && e.budgets.includes(bi)).length;
        rows.push([nErr ? `${name} (${nErr} err)` : name, row]);
        grp.systems[name] = row;
      }
      block.groups[g.key] = grp;
      if (g.key === 'all' || idx.length > 0) {
        const meanK = idx.reduce((a, i) => a + b.k(docs[i]), 0) / Math.max(1, idx.length);
        out.push('');
        out.push(formatTable(`== ${b.label} (mean k ${meanK.toFixed(2)}), ${g.label}, ${idx.length} docs`, rows));
      }
    }
    report.budgets[b.key] = block;
  });

  out.push('');
  out.push('time per system (selection, incl. process spawns | scoring):');
  for (const name of opts.systems) {
    const t = timings[name];
    out.push(`  ${name.padEnd(10)} ${t ? `${(t.selectMs / 1000).toFixed(1).padStart(7)} s | ${(t.scoreMs / 1000).toFixed(1)} s` : 'skipped'}`);
  }
  for (const name of opts.systems) {
    const errs = results[name].errors ?? [];
    if (errs.length) {
      report.errors[name] = { count: errs.length, first: errs.slice(0, 20) };
      out.push(`!! ${name}: ${errs.length} failed call(s), scored as empty summaries; first: ${errs[0].id}: ${errs[0].message}`);
    }
  }
  console.log(out.join('\n'));

  fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${opts.out}`);
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
