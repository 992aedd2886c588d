// precis's wasm module in headless Chromium (Debian's /usr/bin/chromium via
// playwright-core; never downloads a browser).
//   node bench/speed/bench_chromium.mjs [--dist build/wasm/package] [--inputs build/bench/inputs]
//        [--passes 3] [--starts 5] [--long 100K,1M,10M] [--out FILE]
// Serves a generated benchmark page (in a temp dir, next to copies of
// precis-core.js and precis.wasm) with web/serve.mjs and measures:
// - start-up: navigation start -> first summary (fetch + streaming compile, instantiate,
//   first call incl. ICU init), cold (fresh browser context, cache disabled)
//   and warm (reload in the same context); median of --starts runs each;
// - throughput on the documents and the long inputs, timed in the page with
//   performance.now(), and as renderer main-thread CPU time (CDP
//   Performance.getMetrics ThreadTime), which other jobs on the machine
//   disturb much less than wall time.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../web/serve.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const dist = resolve(arg('--dist', 'build/wasm/package'));
const inputs = resolve(arg('--inputs', 'build/bench/inputs'));
const passes = Number(arg('--passes', '3'));
const starts = Number(arg('--starts', '5'));
const longLabels = arg('--long', '100K,1M,10M').split(',').filter(Boolean);
const out = arg('--out', null);
const log = (...a) => console.error('[chromium]', ...a);
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const START_SAMPLE = 'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.\n\nThe firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales. TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.';

// The page's scripts: external modules (the served CSP forbids inline script).
const START_JS = `
import { compileWasm, Core } from './precis-core.js';
const t = { moduleStart: performance.now() };
// What loadCore() does: compile while downloading (compileStreaming).
const module = await compileWasm(new URL('precis.wasm', import.meta.url));
t.compiled = performance.now();
const core = await Core.create(module);
t.instantiated = performance.now();
const r = core.summarize(${JSON.stringify(START_SAMPLE)}, { sentences: 2 });
t.firstSummary = performance.now();
performance.mark('first-summary');
const nav = performance.getEntriesByType('navigation')[0];
window.__start = { ...t, responseEnd: nav ? nav.responseEnd : null, domInteractive: nav ? nav.domInteractive : null,
  selected: r.sentences.filter((s) => s.selected).length, memoryBytes: core.memoryBytes };
`;

const RUN_JS = `
import { loadCore } from './precis-core.js';
const core = await loadCore();
const OPTIONS = { sentences: 3 };
const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const docs = await (await fetch('docs.json')).json();
const bytesOf = (t) => new TextEncoder().encode(t).length;
window.__docBytes = docs.reduce((a, t) => a + bytesOf(t), 0);
window.__docCount = docs.length;
window.__warm = () => { for (const t of docs.slice(0, 50)) core.summarize(t, OPTIONS); return true; };
// One pass over every document: per-document wall times.
window.__pass = () => docs.map((t) => { const t0 = performance.now(); core.summarize(t, OPTIONS); return performance.now() - t0; });
window.__median = median;
window.__long = async (label, repeat) => {
  const text = await (await fetch(label + '.txt')).text();
  const times = [];
  for (let i = 0; i < repeat; i++) { const t0 = performance.now(); core.summarize(text, OPTIONS); times.push(performance.now() - t0); }
  return { bytes: bytesOf(text), wallMs: median(times), memoryBytes: core.memoryBytes };
};
window.__ready = true;
`;

function page(script) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>precis bench</title>
<script type="module" src="${script}"></script></head><body></body></html>`;
}

const dir = mkdtempSync(join(tmpdir(), 'precis-bench-'));
for (const f of ['precis-core.js', 'precis.wasm']) copyFileSync(join(dist, f), join(dir, f));
for (const f of ['docs.json', ...longLabels.map((l) => `${l}.txt`)]) {
  if (existsSync(join(inputs, f))) copyFileSync(join(inputs, f), join(dir, f));
}
writeFileSync(join(dir, 'start.js'), START_JS);
// The floor: the same page with an empty module script (what the browser
// takes to get to the first line of a module on this machine).
writeFileSync(join(dir, 'floor.js'), 'window.__start = { moduleStart: performance.now() };\n');
writeFileSync(join(dir, 'floor.html'), page('floor.js'));
writeFileSync(join(dir, 'run.js'), RUN_JS);
writeFileSync(join(dir, 'start.html'), page('start.js'));
writeFileSync(join(dir, 'run.html'), page('run.js'));

const server = await startServer(dir, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const report = { tool: 'bench_chromium', browser: browser.version(), passes };
try {
  // ------------------------------------------------------------ start-up
  const cold = [];
  const warm = [];
  const floor = [];
  for (let i = 0; i < starts; i++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(base + 'floor.html');
    await p.waitForFunction(() => window.__start, null, { timeout: 60000 });
    floor.push((await p.evaluate(() => window.__start)).moduleStart);
    await context.close();
  }
  for (let i = 0; i < starts; i++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // Renderer CPU time (all its threads, so wasm compilation counts) from
    // before navigation to the first summary.
    const processTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
    let c0 = await processTime();
    await p.goto(base + 'start.html');
    await p.waitForFunction(() => window.__start, null, { timeout: 60000 });
    cold.push({ ...(await p.evaluate(() => window.__start)), cpuMs: ((await processTime()) - c0) * 1000 });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    c0 = await processTime();
    await p.reload();
    await p.waitForFunction(() => window.__start, null, { timeout: 60000 });
    warm.push({ ...(await p.evaluate(() => window.__start)), cpuMs: ((await processTime()) - c0) * 1000 });
    await context.close();
  }
  const stage = (runs) => ({
    runs: runs.length,
    firstSummaryMs: median(runs.map((r) => r.firstSummary)),
    fetchCompileMs: median(runs.map((r) => r.compiled - r.moduleStart)),
    instantiateMs: median(runs.map((r) => r.instantiated - r.compiled)),
    firstCallMs: median(runs.map((r) => r.firstSummary - r.instantiated)),
    ownMs: median(runs.map((r) => r.firstSummary - r.moduleStart)),
    moduleStartMs: median(runs.map((r) => r.moduleStart)),
    rendererCpuMs: median(runs.map((r) => r.cpuMs)),
    all: runs.map((r) => r.firstSummary),
  });
  report.startup = { cold: stage(cold), warm: stage(warm), emptyModuleStartMs: median(floor) };
  log('start-up', JSON.stringify(report.startup));

  // ------------------------------------------------------------ throughput
  const context = await browser.newContext();
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  await p.goto(base + 'run.html');
  await p.waitForFunction(() => window.__ready, null, { timeout: 120000 });
  const docBytes = await p.evaluate(() => window.__docBytes);
  const docCount = await p.evaluate(() => window.__docCount);
  await p.evaluate(() => window.__warm());
  const perDoc = [];
  const cpu = [];
  for (let i = 0; i < passes; i++) {
    log(`documents pass ${i + 1}/${passes}`);
    const c0 = await threadTime();
    perDoc.push(await p.evaluate(() => window.__pass()));
    cpu.push((await threadTime()) - c0);
  }
  const medians = perDoc[0].map((_, d) => median(perDoc.map((pass) => pass[d])));
  const wallMs = medians.reduce((a, b) => a + b, 0);
  const cpuMs = median(cpu) * 1000;
  report.docs = {
    documents: docCount,
    bytes: docBytes,
    wallMs,
    cpuMs,
    msPerDoc: (Number.isFinite(cpuMs) ? cpuMs : wallMs) / docCount,
    mbPerS: docBytes / 1e6 / ((Number.isFinite(cpuMs) ? cpuMs : wallMs) / 1000),
    wallMbPerS: docBytes / 1e6 / (wallMs / 1000),
  };
  log('docs', JSON.stringify(report.docs));
  report.long = [];
  for (const label of longLabels) {
    if (!existsSync(join(dir, `${label}.txt`))) continue;
    const repeat = label === '10M' ? 1 : passes;
    const c0 = await threadTime();
    const r = await p.evaluate(([l, n]) => window.__long(l, n), [label, repeat]);
    const c = (((await threadTime()) - c0) * 1000) / repeat;  // includes the fetch of the text
    report.long.push({ label, ...r, cpuMs: c, mbPerS: r.bytes / 1e6 / (c / 1000), wallMbPerS: r.bytes / 1e6 / (r.wallMs / 1000) });
    log('long', JSON.stringify(report.long.at(-1)));
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
const json = JSON.stringify(report, null, 2);
if (out) writeFileSync(out, json);
else console.log(json);
