// precis's wasm module in Node 20, and npm extractive summarizers in the same
// process on the same documents.
//   node bench/speed/bench_node.mjs [--dist build/wasm/package] [--inputs build/bench/inputs]
//        [--passes 3] [--calls 10000] [--limit N] [--no-peers] [--out FILE]
// The peers are the repository's npm dev dependencies (package.json; installed
// by toolchain/setup.sh): ts-textrank, node-summarizer, lexrank — the most
// downloaded extractive summarizers on npm that work offline.
// Prints one JSON object (stdout, or --out). Per document the median over
// passes is kept; precis and the peers alternate document by document inside
// each pass, so they see the same machine load. `cpu` numbers come from
// process.cpuUsage() over whole passes (robust to other jobs on the machine);
// `wall` numbers are sums of per-document medians of performance.now().
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { BLOCK, heapInUse } from '../../tests/js/heap.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const dist = resolve(arg('--dist', 'build/wasm/package'));
const inputs = resolve(arg('--inputs', 'build/bench/inputs'));
const passes = Number(arg('--passes', '3'));
const withPeers = !argv.includes('--no-peers');
const calls = Number(arg('--calls', '10000'));
const limit = Number(arg('--limit', '0'));
const out = arg('--out', null);
const log = (...a) => console.error('[node]', ...a);

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mbps = (bytes, ms) => (ms > 0 ? bytes / 1e6 / (ms / 1000) : 0);

let docs = JSON.parse(readFileSync(join(inputs, 'docs.json'), 'utf8'));
if (limit) docs = docs.slice(0, limit);
const docBytes = docs.reduce((a, t) => a + Buffer.byteLength(t), 0);
const longLabels = ['100K', '1M', '10M'].filter((l) => existsSync(join(inputs, `${l}.txt`)));
const longs = Object.fromEntries(longLabels.map((l) => [l, readFileSync(join(inputs, `${l}.txt`), 'utf8')]));

const { loadCore } = await import(pathToFileURL(join(dist, 'precis-core.js')).href);
const wasmBytes = readFileSync(join(dist, 'precis.wasm'));
const module = await WebAssembly.compile(wasmBytes);
const core = await loadCore({ module });
const OPTIONS = { sentences: 3 };

// ---------------------------------------------------------------- peers
// Each peer: name, package@version, and a function text -> summary (sync or
// async) asking for 3 sentences.
function loadPeers() {
  if (!withPeers) return [];
  const dir = fileURLToPath(new URL('../..', import.meta.url));
  const require = createRequire(join(dir, 'package.json'));
  const version = (name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const peers = [];
  try {
    const t = require('ts-textrank');
    const config = new t.AbsoluteSummarizerConfig(3, new t.SorensenDiceSimilarity(), new t.DefaultTextParser(), 0.85,
      t.Summarizer.SORT_OCCURENCE);
    const s = new t.Summarizer(config, new t.NullLogger());
    peers.push({ name: 'ts-textrank', version: version('ts-textrank'), run: (text) => s.summarize(text, 'en') });
  } catch (e) {
    log('ts-textrank unavailable:', e.message);
  }
  try {
    const { SummarizerManager } = require('node-summarizer');
    peers.push({
      name: 'node-summarizer (frequency)',
      version: version('node-summarizer'),
      run: (text) => new SummarizerManager(text, 3).getSummaryByFrequency().summary,
    });
    peers.push({
      name: 'node-summarizer (textrank)',
      version: version('node-summarizer'),
      run: (text) => new SummarizerManager(text, 3).getSummaryByRank().then((o) => o.summary),
    });
  } catch (e) {
    log('node-summarizer unavailable:', e.message);
  }
  try {
    const lexrank = require('lexrank');
    peers.push({
      name: 'lexrank',
      version: version('lexrank'),
      run: (text) =>
        new Promise((ok, fail) => lexrank.summarize(text, 3, (err, top) => (err ? fail(err) : ok(top)))),
    });
  } catch (e) {
    log('lexrank unavailable:', e.message);
  }
  return peers;
}

async function timeOne(fn) {
  const t0 = performance.now();
  let r = fn();
  if (r && typeof r.then === 'function') r = await r;
  return performance.now() - t0;
}

// ---------------------------------------------------------------- documents
const peers = loadPeers();
const systems = [
  { name: 'precis (wasm, summarize)', run: (t) => core.summarize(t, OPTIONS) },
  ...peers.map((p) => ({ ...p, run: (t) => p.run(t) })),
];
const perDoc = systems.map(() => docs.map(() => []));
const cpu = systems.map(() => []);
const failures = systems.map(() => 0);
log(`documents: ${docs.length}, systems: ${systems.map((s) => s.name).join(', ')}`);
// Warm-up: one pass, not counted (JIT, wordpos/WordNet files, ICU init).
for (const s of systems) {
  for (const t of docs.slice(0, 50)) {
    try {
      await s.run(t);
    } catch {}
  }
}
for (let p = 0; p < passes; p++) {
  log(`documents pass ${p + 1}/${passes}`);
  const cpuSum = systems.map(() => 0);
  for (let i = 0; i < docs.length; i++) {
    for (let k = 0; k < systems.length; k++) {
      const c0 = cpuMs();
      try {
        perDoc[k][i].push(await timeOne(() => systems[k].run(docs[i])));
      } catch {
        failures[k]++;
        perDoc[k][i].push(NaN);
      }
      cpuSum[k] += cpuMs() - c0;
    }
  }
  systems.forEach((_, k) => cpu[k].push(cpuSum[k]));
}
const docResults = systems.map((s, k) => {
  const medians = perDoc[k].map((v) => median(v.filter((x) => !Number.isNaN(x))));
  const wall = medians.reduce((a, b) => a + b, 0);
  const cpuTotal = median(cpu[k]);
  return {
    name: s.name,
    version: s.version ?? null,
    wallMs: wall,
    cpuMs: cpuTotal,
    msPerDoc: cpuTotal / docs.length,
    medianWallMsPerDoc: median(medians),
    mbPerS: mbps(docBytes, cpuTotal),
    wallMbPerS: mbps(docBytes, wall),
    failures: failures[k],
  };
});
const precisDocs = docResults[0];
for (const r of docResults.slice(1)) {
  r.ratioPrecisOverPeer = precisDocs.cpuMs / r.cpuMs;
  r.ratioPrecisOverPeerWall = precisDocs.wallMs / r.wallMs;
}

// callJson alone (no JS-side JSON.stringify/parse of the whole result).
const requests = docs.map((t) => JSON.stringify({ text: t, options: OPTIONS }));
const cj = [];
for (let p = 0; p < passes; p++) {
  const c0 = cpuMs();
  for (const r of requests) core.callJson(r);
  cj.push(cpuMs() - c0);
}
const callJson = { cpuMs: median(cj), mbPerS: mbps(docBytes, median(cj)) };

// ---------------------------------------------------------------- long inputs
const longResults = [];
for (const label of longLabels) {
  const text = longs[label];
  const bytes = Buffer.byteLength(text);
  log(`long ${label}: ${bytes} bytes`);
  // Peak memory: a fresh instance per input, so the heap holds only this call.
  const fresh = await loadCore({ module });
  const before = fresh.memoryBytes;
  const c0 = cpuMs();
  const t0 = performance.now();
  let error = null;
  try {
    fresh.summarize(text, OPTIONS);
  } catch (e) {
    error = String(e.message);
  }
  const firstWall = performance.now() - t0;
  const firstCpu = cpuMs() - c0;
  const peak = fresh.memoryBytes;
  const times = [];
  const walls = [];
  const repeat = bytes > 5e6 ? 1 : passes;
  for (let p = 0; p < repeat && !error; p++) {
    const c1 = cpuMs();
    const w1 = performance.now();
    fresh.summarize(text, OPTIONS);
    walls.push(performance.now() - w1);
    times.push(cpuMs() - c1);
  }
  const ms = times.length ? median(times) : firstCpu;
  const row = {
    label,
    bytes,
    cpuMs: ms,
    wallMs: walls.length ? median(walls) : firstWall,
    mbPerS: mbps(bytes, ms),
    memoryBeforeBytes: before,
    peakMemoryBytes: peak,
    error,
  };
  // The same text through the peers, once, in this process (ts-textrank and
  // lexrank compare every sentence pair: quadratic, so only the 100 KB text).
  if (label === '100K') {
    row.peers = [];
    for (const p of peers) {
      const c2 = cpuMs();
      let perr = null;
      try {
        await p.run(text);
      } catch (e) {
        perr = String(e?.message ?? e);
      }
      const pm = cpuMs() - c2;
      row.peers.push({ name: p.name, cpuMs: pm, mbPerS: mbps(bytes, pm), ratioPrecisOverPeer: ms / pm, error: perr });
    }
  }
  longResults.push(row);
}
const byLabel = Object.fromEntries(longResults.map((r) => [r.label, r]));
const scaling = (a, b) =>
  byLabel[a] && byLabel[b]
    ? {
        timeRatio: byLabel[b].cpuMs / byLabel[a].cpuMs,
        bytesRatio: byLabel[b].bytes / byLabel[a].bytes,
        normalized: byLabel[b].cpuMs / byLabel[a].cpuMs / (byLabel[b].bytes / byLabel[a].bytes),
      }
    : null;

// ---------------------------------------------------------------- 10,000 calls
// Does memory come back? wasm memory never shrinks, so "back to baseline"
// means: after a first round over every document (the heap has reached its
// working size) 10,000 more calls neither grow the memory nor the heap in use.
// Heap in use is measured from JS through the C ABI (tests/js/heap.mjs, the
// same measure as tests/js/reliability.test.mjs).
const soak = await loadCore({ module });
const heapFresh = heapInUse(soak);
for (const t of docs) soak.summarize(t, OPTIONS);
const baseline = soak.memoryBytes;
const heapBaseline = heapInUse(soak);
const s0 = cpuMs();
for (let i = 0; i < calls; i++) soak.callJson(requests[i % requests.length]);
const soakMs = cpuMs() - s0;
const after = soak.memoryBytes;
const heapAfter = heapInUse(soak);

const report = {
  tool: 'bench_node',
  node: process.version,
  wasmBytes: wasmBytes.length,
  documents: docs.length,
  bytes: docBytes,
  passes,
  options: OPTIONS,
  docs: docResults,
  callJson,
  long: longResults,
  scaling: { '1M/100K': scaling('100K', '1M'), '10M/1M': scaling('1M', '10M') },
  memory: {
    calls,
    baselineBytes: baseline,
    afterBytes: after,
    grewBytes: after - baseline,
    heapInUseFreshBytes: heapFresh,
    heapInUseBaselineBytes: heapBaseline,
    heapInUseAfterBytes: heapAfter,
    // The heap in use is what a leak would raise; the memory itself may grow
    // by a page when the allocator's free blocks fragment.
    returnsToBaseline: heapAfter <= heapBaseline + 2 * BLOCK,
    cpuMsPerCall: soakMs / calls,
  },
};
const json = JSON.stringify(report, null, 2);
if (out) writeFileSync(out, json);
else console.log(json);
