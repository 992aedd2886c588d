// The extension on real web pages: ../shared/data/pages (seven extraction
// benchmarks; see its README), served from 127.0.0.1 as given, with the
// page's own scripts blocked by a CSP header and every request that is not
// for the page itself refused (a navigation away, a meta refresh, is answered
// "204 No Content" so the page stays). For each chosen page the extension's
// background runs exactly what its highlight command runs (highlightArticle:
// readability.js + extract.js in the tab, precis on the worker's thread with
// the default settings, key points, short, then highlight.js in the tab), on
// the copy of the build with host access to 127.0.0.1 (a headless test cannot
// press a shortcut, which is what grants activeTab).
//
// Pages are chosen deterministically: per set, PRECIS_PAGES_PER_SET (30) ids
// spread evenly over the set's sorted ids (210 pages over the 7 sets).
// Printed, per set and overall:
//   - in body: summary sentences found in the annotated body (`body` of
//     <id>.json), both folded (NFKC, lower case, letters and digits only) and
//     compared as substrings; goal ≥ 99%;
//   - placed: summary sentences highlight.js placed in the live page; goal ≥ 98%;
//   - failures by kind: pages that did not load or gave no summary, sentences
//     not in the body (by extraction: Readability or the visible text), and
//     sentences not placed (not found in the page's text, only in hidden parts).
// The test asserts floors below the goals that this build meets (FLOORS); the
// in-body share depends on the core's cleaning, which other work improves.
// PRECIS_PAGES_REPORT=FILE writes every page's result there (JSON).
//   node --test tests/browser/extension-pages.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SHARED } from './helpers.mjs';
import { EXTENSION, extensionSkip, extensionWorkers, grantedCopy, launchWithExtensions, requireBuiltExtension, tabIdOf } from './extension-helpers.mjs';

const PAGES = join(SHARED, 'data/pages');
const PER_SET = Number(process.env.PRECIS_PAGES_PER_SET ?? 30);
const PAGE_CSP = "script-src 'none'; object-src 'none'; worker-src 'none'";
// Below what this build measures (210 pages: 100% summarized, 96.0% in body,
// 100% placed; the issue's goals: in body ≥ 99%, placed ≥ 98%).
const FLOORS = { pages: 200, summarized: 0.99, inBody: 0.94, placed: 0.99 };

const skip = extensionSkip() || (existsSync(PAGES) ? false : `no pages at ${PAGES}`);

/** letters and digits only, after NFKC and lower-casing (the evaluation's folding). */
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Per set, PER_SET ids spread evenly over its sorted ids. */
function choosePages() {
  const chosen = [];
  for (const set of readdirSync(PAGES).sort()) {
    const dir = join(PAGES, set);
    if (!statSync(dir).isDirectory()) continue;
    const ids = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    const k = Math.min(PER_SET, ids.length);
    for (let i = 0; i < k; i++) chosen.push({ set, id: ids[Math.floor(((i + 0.5) * ids.length) / k)] });
  }
  return chosen;
}

let tmp;
let server;
let origin;
let context;
let granted;
let tab;
let tabId;
const results = [];

before(async () => {
  if (skip) return;
  requireBuiltExtension();
  tmp = mkdtempSync(join(tmpdir(), 'precis-pages-'));
  const grantedDir = grantedCopy(join(tmp, 'granted'));
  server = createServer((req, res) => {
    if (req.url === '/p/start.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>start</title><p>The pages follow.</p>');
      return;
    }
    const m = /^\/p\/([\w-]+)\/([^/]+)\.html$/.exec(new URL(req.url, 'http://x').pathname);
    const file = m && join(PAGES, m[1], `${decodeURIComponent(m[2])}.html.gz`);
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store' });
    res.end(gunzipSync(readFileSync(file)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;

  context = await launchWithExtensions(join(tmp, 'profile'), [grantedDir], { args: ['--blink-settings=imagesEnabled=false'] });
  context.setDefaultTimeout(20_000);
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(`${origin}/p/`)) return route.continue();
    if (request.isNavigationRequest()) return route.fulfill({ status: 204 }); // stay on the page
    return route.abort();
  });
  ({ granted } = await extensionWorkers(context, 1));
  assert.ok(granted, 'the copy with host access is loaded');
  tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(`${origin}/p/start.html`);
  tabId = await tabIdOf(granted, `${origin}/p/start.html`);
});

after(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

test(`real pages: extraction, summary and highlights on ${PER_SET} pages per set`, { skip, timeout: 600_000 }, async (t) => {
  const pages = choosePages();
  const started = Date.now();
  for (const { set, id } of pages) {
    const gold = JSON.parse(readFileSync(join(PAGES, set, `${id}.json`), 'utf8'));
    const r = { set, id, lang: gold.lang, sentences: [], inBody: [], report: null, problem: null, method: '' };
    try {
      await tab.goto(`${origin}/p/${set}/${encodeURIComponent(id)}.html`, { waitUntil: 'load', timeout: 15_000 });
    } catch (error) {
      if (!/Timeout/i.test(String(error))) r.problem = `load: ${String(error.message ?? error).split('\n')[0]}`;
    }
    if (!r.problem) {
      const done = await granted.sw.evaluate(async (id) => {
        try {
          return await highlightArticle(id);
        } catch (error) {
          return { problem: `${error?.title ? `${error.title}: ` : ''}${error?.message ?? error}` };
        }
      }, tabId);
      if (done.problem) r.problem = `summary: ${done.problem}`;
      else {
        r.method = done.method;
        r.sentences = done.sentences;
        r.report = done.report;
        const body = fold(gold.body);
        r.inBody = done.sentences.map((s) => fold(s).length > 0 && body.includes(fold(s)));
        if (!done.sentences.length) r.problem = 'summary: no sentences';
      }
    }
    results.push(r);
  }
  const seconds = (Date.now() - started) / 1000;
  if (process.env.PRECIS_PAGES_REPORT) writeFileSync(process.env.PRECIS_PAGES_REPORT, JSON.stringify(results, null, 1));

  // Numbers per set and overall.
  const sum = (rows, f) => rows.reduce((n, r) => n + f(r), 0);
  const line = (name, rows) => {
    const sentences = sum(rows, (r) => r.sentences.length);
    const inBody = sum(rows, (r) => r.inBody.filter(Boolean).length);
    const placed = sum(rows, (r) => r.report?.placed ?? 0);
    const summarized = rows.filter((r) => r.sentences.length).length;
    const allBody = rows.filter((r) => r.sentences.length && r.inBody.every(Boolean)).length;
    return { name, pages: rows.length, summarized, sentences, inBody, placed, allBody };
  };
  const sets = [...new Set(results.map((r) => r.set))];
  const rows = [...sets.map((s) => line(s, results.filter((r) => r.set === s))), line('all', results)];
  const table = [
    '| set | pages | summarized | sentences | in body | pages all in body | placed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.pages} | ${r.summarized} | ${r.sentences} | ${pct(r.inBody, r.sentences)} | ${pct(r.allBody, r.summarized)} | ${pct(r.placed, r.sentences)} |`),
  ];
  const all = rows.at(-1);

  // Failures by kind.
  const kinds = new Map();
  const count = (kind, example) => {
    const k = kinds.get(kind) ?? { n: 0, examples: [] };
    k.n++;
    if (k.examples.length < 3) k.examples.push(example);
    kinds.set(kind, k);
  };
  for (const r of results) {
    const where = `${r.set}/${r.id}`;
    if (r.problem) count(`page: ${r.problem.replace(/\(.*$/, '').slice(0, 60)}`, where);
    r.sentences.forEach((s, i) => {
      if (!r.inBody[i]) count(`sentence not in the body (extraction: ${r.method})`, `${where}: ${s.slice(0, 100)}`);
    });
    for (const f of r.report?.failures ?? []) count(`sentence not placed: ${f.kind}`, `${where}: ${f.text.slice(0, 100)}`);
    if (r.report?.approximate) for (let i = 0; i < r.report.approximate; i++) count('placed approximately (anchors)', where);
  }
  const methods = new Map();
  for (const r of results) if (r.method) methods.set(r.method, (methods.get(r.method) ?? 0) + 1);

  t.diagnostic(`${results.length} pages in ${seconds.toFixed(0)} s (${((1000 * seconds) / results.length).toFixed(0)} ms a page); extraction: ${[...methods].map(([m, n]) => `${m} ${n}`).join(', ')}`);
  for (const l of table) t.diagnostic(l);
  for (const [kind, k] of [...kinds].sort((a, b) => b[1].n - a[1].n)) {
    t.diagnostic(`${kind}: ${k.n}`);
    for (const e of k.examples) t.diagnostic(`    ${e}`);
  }

  assert.ok(results.length >= FLOORS.pages, `at least ${FLOORS.pages} pages (${results.length})`);
  assert.ok(all.summarized / all.pages >= FLOORS.summarized, `pages summarized ${pct(all.summarized, all.pages)} ≥ ${FLOORS.summarized * 100}%`);
  assert.ok(all.inBody / all.sentences >= FLOORS.inBody, `sentences in the body ${pct(all.inBody, all.sentences)} ≥ ${FLOORS.inBody * 100}%`);
  assert.ok(all.placed / all.sentences >= FLOORS.placed, `sentences placed ${pct(all.placed, all.sentences)} ≥ ${FLOORS.placed * 100}%`);
});
