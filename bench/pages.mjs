#!/usr/bin/env node
// Cleaning on real web pages: are summaries built from the article body?
// Runs the native CLI (--jsonl batches) over ../shared/data/pages (see its
// README: per page the HTML, the annotated main content `body`, and
// `paste.txt`, what select-all + copy gives in Chromium).
//
//   node bench/pages.mjs [--precis build/native/precis] [--pages ../shared/data/pages]
//        [--input paste|html|both] [--sets wcxb,dragnet] [--worst 10] [--no-baseline]
//        [--floors inBody3=0.97,allBody3=0.92,kept=0.97] [--out build/pages.json] [--markdown] [--oracle]
//
// Per set and overall, for summaries of k = 3 and k = 5 sentences:
//   in-body   share of selected sentences found in the body;
//   all-body  share of pages whose whole summary is found in the body (a page
//             with an empty summary counts as not all-body);
//   in body or dek  in-body k=3, counting also the chosen sentences outside the
//             body that are the page's own description (its meta description,
//             og: or twitter:description, read from the HTML for both inputs):
//             the publisher's dek, a summary of the article some annotators
//             left out of the body (how many of the misses are that, not junk);
//   kept      share of the body's sentences present in the input that are still
//             in the text cleaning kept (body sentences, doubtful body's too, + title);
//   body P/R, noise P/R   line-level precision / recall of cleaning's body vs
//             noise decision against the annotation (paste input only);
//   title     pages whose title was found, among pages whose JSON has a title;
//   agree     mean ROUGE-1 F of the page's 3-sentence summary against the
//             3-sentence summary precis makes of the annotated body alone, with
//             cleaning off (what perfect cleaning would give): in-body counts
//             only where a sentence comes from, agreement also whether it is
//             the one worth choosing.
// A baseline row gives the same with cleaning off (--no-clean); --oracle adds
// a ceiling: the paste's annotated body lines alone, cleaning off.
//
// Definitions (all on normalized text: NFKC, lowercase, only letters and
// digits kept, so spacing, punctuation and quote styles never matter):
//   - a sentence is *in the body* when its normalized text is a non-empty
//     substring of the normalized body;
//   - the body's sentences are its blocks split after . ! ? (followed by a
//     space) and after 。！？; those of at least 20 normalized characters count,
//     and only those present in the normalized input (the paste, or the HTML's
//     text with tags dropped and entities decoded) are in the denominator;
//   - a paste line (a non-empty line with a letter or digit) is *body* when its
//     normalized text equals a normalized body block, or has at least 20
//     characters and is a substring of the normalized body, or when more than
//     half of it (by characters) is sentences of 20+ characters found in the
//     body (a paragraph with a stray character); otherwise noise. A
//     line is predicted noise when it starts inside a removed block, title when
//     inside the title (title lines are left out of P/R), body otherwise
//     (doubtful body is kept: body);
//   - the title is *found* when precis's title and the JSON title (normalized)
//     contain one another.
// With --floors, exits 1 when a measure of the cleaned paste run (all pages)
// is below its floor: inBody3, allBody3, inBody5, kept, bodyPrecision,
// bodyRecall, title (fractions); htmlInBody3, htmlAllBody3, htmlKept, htmlTitle
// for the HTML run. Exits 77 (CTest's "skipped") when the pages are missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { flag, opt, precisCli, root } from './cli.mjs';
import { rougeN, tokenize } from './quality/rouge.mjs';

const SET_ORDER = ['scrapinghub', 'wcxb', 'dragnet', 'cleaneval', 'cleanportaleval', 'l3s-gn1', 'zh-cwce'];
const MIN_CHARS = 20;

// ------------------------------------------------------------ text helpers
export const normalize = (s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const SENTENCE_END = /(?<=[.!?][\u201d"')\]]*)\s+|(?<=[。！？][」』”）]*)/u;

/** The body's sentences: its blocks split after . ! ? + space, and after 。！？. */
export function bodySentences(body) {
  return body
    .split('\n\n')
    .flatMap((block) => block.split(SENTENCE_END))
    .map(normalize)
    .filter((s) => s.length >= MIN_CHARS);
}

/** Is a selected sentence in the body (its normalized text, non-empty, is in the body's)? `index`: bodyIndex(). */
export function inBody(text, index) {
  const n = normalize(text);
  return n !== '' && index.norm.includes(n);
}

/** The tokens of a response's selected sentences (what `agree` compares). */
export const summaryTokens = (out) => tokenize(out.sentences.filter((s) => s.selected).map((s) => s.text).join(' '));

/** The annotated body, ready for goldBody(). */
export function bodyIndex(body) {
  return { norm: normalize(body), blocks: new Set(body.split('\n\n').map(normalize).filter(Boolean)) };
}

/**
 * Is a piece of the input (a line, a block) body? Its normalized text equals a
 * body block, or has at least 20 characters and is in the body; or most of it
 * (by characters) is sentences of 20+ characters found in the body (a
 * paragraph with a stray character, or glued to a caption).
 */
export function goldBody(text, index) {
  const n = normalize(text);
  if (!n) return null;
  if (index.blocks.has(n) || (n.length >= MIN_CHARS && index.norm.includes(n))) return true;
  let found = 0;
  for (const piece of text.split(/\n+/).flatMap((line) => line.split(SENTENCE_END))) {
    const p = normalize(piece);
    if (p.length >= MIN_CHARS && index.norm.includes(p)) found += p.length;
  }
  return found * 2 > n.length;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018',
  rdquo: '\u201d', ldquo: '\u201c', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026' };
/** The text of an HTML page for the denominator of `kept`: no script/style, no tags, entities decoded. */
export function htmlText(html) {
  return html
    .replace(/<(script|style|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/**
 * The page's own descriptions of itself, normalized: the content of its `<meta name|property="description">`,
 * `og:description` and `twitter:description` (20+ characters) — the publisher's dek, which some annotators
 * left out of the body.
 */
export function pageDescriptions(html) {
  const out = new Set();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\b(?:name|property)\s*=\s*["']?(?:og:|twitter:)?description["'\s/>]/i.test(tag)) continue;
    const c = tag.match(/\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i);
    const n = c ? normalize(htmlText(c[1] ?? c[2])) : '';
    if (n.length >= MIN_CHARS) out.add(n);
  }
  return [...out];
}

/** Is a chosen sentence the page's description, or does it hold one (`descriptions`: pageDescriptions())? */
export function isDescription(text, descriptions) {
  const n = normalize(text);
  return n.length >= MIN_CHARS && descriptions.some((d) => d.includes(n) || n.includes(d));
}

// ------------------------------------------------------------ the pages
export function loadPages(dir, sets) {
  const pages = [];
  for (const set of SET_ORDER.filter((s) => existsSync(join(dir, s)) && (!sets || sets.includes(s)))) {
    for (const f of readdirSync(join(dir, set)).filter((x) => x.endsWith('.json')).sort()) {
      const meta = JSON.parse(readFileSync(join(dir, set, f), 'utf8'));
      const base = join(dir, set, f.slice(0, -'.json'.length));
      pages.push({ id: meta.id, set, lang: meta.lang, title: meta.title ?? null, body: meta.body, base });
    }
  }
  return pages;
}

export const readPaste = (page) => readFileSync(page.base + '.paste.txt', 'utf8');
export const readHtml = (page) => gunzipSync(readFileSync(page.base + '.html.gz')).toString('utf8');

// ------------------------------------------------------------ running precis
/**
 * Runs `precis --jsonl` (or another tool reading the same requests, with its
 * `args`) on the requests, `width` processes at a time; returns the responses
 * in order.
 */
export async function runBatch(precis, requests, { chunk = 100, width = 2, args = ['--jsonl'] } = {}) {
  const chunks = [];
  for (let i = 0; i < requests.length; i += chunk) chunks.push(requests.slice(i, i + chunk));
  const results = new Array(chunks.length);
  let next = 0;
  const one = (lines) =>
    new Promise((done, fail) => {
      const child = spawn(precis, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const out = [];
      let err = '';
      child.stdout.on('data', (c) => out.push(c));
      child.stderr.on('data', (c) => (err += c));
      child.on('error', fail);
      child.on('close', () => {
        const text = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean);
        if (text.length !== lines.length) return fail(new Error(`${precis} gave ${text.length} of ${lines.length} lines: ${err.trim()}`));
        done(text.map((l) => JSON.parse(l)));
      });
      child.stdin.end(lines.map((r) => JSON.stringify(r)).join('\n') + '\n');
    });
  await Promise.all(
    Array.from({ length: Math.min(width, chunks.length) }, async () => {
      while (next < chunks.length) {
        const i = next++;
        results[i] = await one(chunks[i]);
      }
    }),
  );
  return results.flat();
}

// ------------------------------------------------------------ measures of one page
/**
 * Where a summary's chosen sentences come from: how many were chosen, those found in the body (`index`:
 * bodyIndex()), whether all were (an empty summary is not all-body), and the text of the others.
 */
export function summaryPicks(out, index) {
  const selected = out.sentences.filter((s) => s.selected);
  const off = selected.filter((s) => !inBody(s.text, index)).map((s) => s.text);
  return { selected: selected.length, inBody: selected.length - off.length, allBody: selected.length > 0 && off.length === 0, off };
}

/** Whether a title precis found and the page's normalized JSON title contain one another. */
export function titleMatches(titleNorm, found) {
  const n = found ? normalize(found) : '';
  return n !== '' && (titleNorm.includes(n) || n.includes(titleNorm));
}

function lineLabels(paste, index, out) {
  const removed = (out.removed ?? []).map((r) => [r.byteStart, r.byteEnd]).sort((a, b) => a[0] - b[0]);
  const title = out.title ? [out.title.byteStart, out.title.byteEnd] : null;
  const buf = Buffer.from(paste, 'utf8');
  const lines = [];
  let start = 0;
  let k = 0;
  while (start <= buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const text = buf.subarray(start, end).toString('utf8');
    const gold = goldBody(text, index);
    if (gold !== null) {
      // The line's first non-space byte decides which block it is in.
      const lead = Buffer.byteLength(text) - Buffer.byteLength(text.trimStart());
      const at = start + lead;
      while (k < removed.length && removed[k][1] <= at) k++;
      const pred = k < removed.length && removed[k][0] <= at ? 'noise' : title && title[0] <= at && at < title[1] ? 'title' : 'body';
      lines.push({ gold: gold ? 'body' : 'noise', pred, text });
    }
    start = end + 1;
  }
  return lines;
}

function measurePage(page, input, kind, outputs, reference, descriptions) {
  const index = bodyIndex(page.body);
  const inputNorm = normalize(kind === 'html' ? htmlText(input) : input);
  const m = { id: page.id, set: page.set, lang: page.lang };
  for (const [k, out] of Object.entries(outputs)) {
    if (out.error) throw new Error(`${page.set}/${page.id}: ${JSON.stringify(out.error)}`);
    const picks = summaryPicks(out, index);
    m[`selected${k}`] = picks.selected;
    m[`inBody${k}`] = picks.inBody;
    m[`allBody${k}`] = picks.allBody ? 1 : 0;
    m[`off${k}`] = picks.off;
  }
  m.described3 = m.off3.filter((t) => isDescription(t, descriptions)).length;
  const out = outputs[3];
  m.agree = rougeN(summaryTokens(reference), summaryTokens(out), 1).fmeasure;
  const kept = normalize([out.title ? out.title.text : '', ...out.sentences.map((s) => s.text)].join(' '));
  const present = bodySentences(page.body).filter((s) => inputNorm.includes(s));
  m.bodySentences = present.length;
  m.kept = present.filter((s) => kept.includes(s)).length;
  if (page.title) m.titleFound = titleMatches(normalize(page.title), out.title?.text) ? 1 : 0;
  m.title = out.title ? out.title.text : null;
  if (kind === 'paste') {
    const lines = lineLabels(input, index, out);
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const l of lines) {
      if (l.pred === 'title') continue;
      if (l.gold === 'body') l.pred === 'body' ? c.tp++ : c.fn++;
      else l.pred === 'body' ? c.fp++ : c.tn++;
    }
    Object.assign(m, { lineTp: c.tp, lineFp: c.fp, lineFn: c.fn, lineTn: c.tn });
    m.lines = lines;
  }
  return m;
}

// ------------------------------------------------------------ summing up
const sum = (rows, key) => rows.reduce((a, r) => a + (r[key] ?? 0), 0);
export function summarizeRows(rows) {
  const s = { pages: rows.length };
  for (const k of [3, 5]) {
    s[`inBody${k}`] = sum(rows, `inBody${k}`) / sum(rows, `selected${k}`);
    s[`allBody${k}`] = sum(rows, `allBody${k}`) / rows.length;
  }
  s.inBodyOrDescription3 = (sum(rows, 'inBody3') + sum(rows, 'described3')) / sum(rows, 'selected3');
  s.kept = sum(rows, 'kept') / sum(rows, 'bodySentences');
  const tp = sum(rows, 'lineTp'), fp = sum(rows, 'lineFp'), fn = sum(rows, 'lineFn'), tn = sum(rows, 'lineTn');
  s.bodyPrecision = tp / (tp + fp);
  s.bodyRecall = tp / (tp + fn);
  s.noisePrecision = tn / (tn + fn);
  s.noiseRecall = tn / (tn + fp);
  s.agree = sum(rows, 'agree') / rows.length;
  const titled = rows.filter((r) => r.titleFound !== undefined);
  s.title = sum(titled, 'titleFound') / titled.length;
  s.titled = titled.length;
  return s;
}

const pct = (x) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : '-');
const COLUMNS = [
  ['in-body k=3', 'inBody3'], ['all-body k=3', 'allBody3'], ['in-body k=5', 'inBody5'], ['all-body k=5', 'allBody5'],
  ['in body or dek k=3', 'inBodyOrDescription3'], ['body kept', 'kept'], ['body P', 'bodyPrecision'], ['body R', 'bodyRecall'], ['noise P', 'noisePrecision'],
  ['noise R', 'noiseRecall'], ['title found', 'title'], ['agree', 'agree'],
];

export function printTable(title, rowsByName, markdown) {
  const header = ['', 'pages', ...COLUMNS.map((c) => c[0])];
  const body = Object.entries(rowsByName).map(([name, s]) => [name, String(s.pages), ...COLUMNS.map((c) => pct(s[c[1]]))]);
  console.log(`\n${title}`);
  if (markdown) {
    console.log('| ' + header.join(' | ') + ' |');
    console.log('|' + header.map(() => '---').join('|') + '|');
    for (const r of body) console.log('| ' + r.join(' | ') + ' |');
    return;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of body) console.log(line(r));
}

/**
 * The 3-sentence summaries of the annotated bodies alone, cleaning off (the
 * reference of `agree`); `args` as runBatch's.
 */
export async function bodySummaries(precis, pages, args = ['--jsonl']) {
  return runBatch(precis, pages.map((p) => ({ text: p.body, options: { sentences: 3, keywords: 0, clean: false } })), { args });
}

/** The paste's lines that are body by the annotation (goldBody), nothing else: what perfect cleaning keeps. */
export function oracleText(page) {
  const index = bodyIndex(page.body);
  return readPaste(page).split('\n').filter((line) => goldBody(line, index)).join('\n') + '\n';
}

/** A page's descriptions (pageDescriptions()), read from its HTML once per run (`html`: already read, or null). */
const descriptionsOf = (page, html) => (page.descriptions ??= pageDescriptions(html ?? readHtml(page)));

async function evaluate(precis, pages, kind, clean, references) {
  const inputs = pages.map((p) => (kind === 'html' ? readHtml(p) : kind === 'oracle' ? oracleText(p) : readPaste(p)));
  const options = (k) => ({ sentences: k, keywords: 0, ...(clean ? {} : { clean: false }) });
  const reqs = (k) => inputs.map((text) => ({ text, options: options(k) }));
  const out3 = await runBatch(precis, reqs(3));
  const out5 = await runBatch(precis, reqs(5));
  return pages.map((p, i) => measurePage(p, inputs[i], kind, { 3: out3[i], 5: out5[i] }, references[i], descriptionsOf(p, kind === 'html' ? inputs[i] : null)));
}

function table(rows) {
  const bySet = {};
  for (const set of SET_ORDER) {
    const r = rows.filter((x) => x.set === set);
    if (r.length) bySet[set] = summarizeRows(r);
  }
  bySet.all = summarizeRows(rows);
  return bySet;
}

function printWorst(rows, n) {
  const worst = rows
    .filter((r) => r.selected3 - r.inBody3 > 0)
    .sort((a, b) => (b.selected3 - b.inBody3) - (a.selected3 - a.inBody3) || (b.selected5 - b.inBody5) - (a.selected5 - a.inBody5) || (a.set + a.id).localeCompare(b.set + b.id))
    .slice(0, n);
  if (!worst.length) return;
  console.log(`\nworst pages (k=3 sentences outside the body):`);
  for (const r of worst) {
    console.log(`  ${r.set}/${r.id}  title: ${JSON.stringify((r.title ?? '').slice(0, 70))}`);
    for (const t of r.off3) console.log(`    - ${JSON.stringify(t.length > 140 ? t.slice(0, 140) + '…' : t)}`);
  }
}

function parseFloors(spec) {
  if (!spec) return null;
  return Object.fromEntries(spec.split(',').filter(Boolean).map((kv) => {
    const [k, v] = kv.split('=');
    if (!k || !Number.isFinite(Number(v))) throw new Error(`--floors: bad item ${JSON.stringify(kv)}`);
    return [k, Number(v)];
  }));
}

async function main() {
  const precis = precisCli('pages', 2);
  const dir = resolve(root, opt('--pages', '../shared/data/pages'));
  if (!existsSync(dir)) {
    console.error(`pages: ${dir} not found; skipped`);
    process.exit(77); // CTest: skipped
  }
  const sets = opt('--sets', null)?.split(',');
  const input = opt('--input', 'both');
  const worstN = Number(opt('--worst', '10'));
  const markdown = flag('--markdown');
  const floors = parseFloors(opt('--floors', ''));
  const outFile = opt('--out', null);
  const pages = loadPages(dir, sets);
  console.log(`pages: ${pages.length} from ${dir}`);
  const results = {};
  const kinds = input === 'both' ? ['paste', 'html'] : [input];
  const references = await bodySummaries(precis, pages);
  for (const kind of kinds) {
    const started = Date.now();
    const rows = await evaluate(precis, pages, kind, true, references);
    results[kind] = { rows, table: table(rows) };
    printTable(`${kind}, cleaning on (${((Date.now() - started) / 1000).toFixed(1)} s)`, results[kind].table, markdown);
    if (!flag('--no-baseline') && kind === 'paste') {
      const base = await evaluate(precis, pages, kind, false, references);
      results[`${kind}-baseline`] = { rows: base, table: table(base) };
      printTable(`${kind}, cleaning off (baseline)`, results[`${kind}-baseline`].table, markdown);
    }
    if (flag('--oracle') && kind === 'paste') {
      const best = await evaluate(precis, pages, 'oracle', false, references);
      results.oracle = { rows: best, table: table(best) };
      printTable('perfect cleaning: the annotated body lines of the paste only, cleaning off (ceiling)', results.oracle.table, markdown);
    }
    if (worstN > 0) printWorst(rows, worstN);
  }
  if (outFile) {
    const strip = (rows) => rows.map(({ lines, ...r }) => r);
    writeFileSync(resolve(root, outFile), JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { table: v.table, rows: strip(v.rows) }])), null, 1));
  }
  if (floors) {
    const failed = [];
    for (const [key, floor] of Object.entries(floors)) {
      const html = key.startsWith('html');
      const name = html ? key[4].toLowerCase() + key.slice(5) : key;
      const got = results[html ? 'html' : 'paste']?.table.all[name];
      if (got === undefined) failed.push(`${key}: not measured (run with --input ${html ? 'html' : 'paste'} or both)`);
      else if (!(got >= floor)) failed.push(`${key} ${pct(got)} < floor ${pct(floor)}`);
    }
    if (failed.length) {
      for (const f of failed) console.error(`FAIL: ${f}`);
      process.exit(1);
    }
    console.log(`\nfloors met: ${Object.entries(floors).map(([k, v]) => `${k} ≥ ${pct(v)}`).join(', ')}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench/pages.mjs')) await main();
