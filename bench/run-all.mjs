#!/usr/bin/env node
// Every speed, size, start-up and memory benchmark of precis and its peers, in
// one run (issue 10). Builds what it needs, then prints one table (Markdown)
// and writes every number to a JSON file.
//
//   node bench/run-all.mjs [--out build/bench/results.json] [--data ../shared/data/bbc-dev.jsonl]
//        [--no-build] [--quick] [--skip chromium,node,process,native]
//
// --quick: 200 documents, one pass (a smoke run; the numbers are noisier).
// Steps (each also runs alone, see its header):
//   toolchain/build.sh native wasm         the CLI, the tests' build, build/wasm/package (the library)
//   build/bench (Release, PRECIS_BUILD_BENCH=ON)   precis_bench, with OTS via libots-1
//   bench/speed/inputs.mjs                 docs.json + 100K/1M/10M concatenations
//   bench/speed/bench_native.cpp           precis in-process vs OTS in-process
//   bench/speed/bench_process.mjs          precis CLI vs ots CLI, one process per document
//   bench/speed/bench_node.mjs             wasm in Node 20 vs npm summarizers; memory
//   bench/speed/bench_chromium.mjs         wasm in headless Chromium; start-up
//   bench/size.mjs, bench/speed/wasm_sections.mjs   bundle and per-section sizes
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeInputs } from './speed/inputs.mjs';
import { wasmSections } from './speed/wasm_sections.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const outFile = resolve(arg('--out', 'build/bench/results.json'));
const data = resolve(arg('--data', '../shared/data/bbc-dev.jsonl'));
const quick = argv.includes('--quick');
const skip = new Set(arg('--skip', '').split(',').filter(Boolean));
const log = (...a) => console.error('[bench]', ...a);
const benchDir = join(root, 'build/bench');
mkdirSync(benchDir, { recursive: true });

function run(cmd, args, opts = {}) {
  log([cmd, ...args].join(' '));
  const r = spawnSync(cmd, args, { stdio: ['ignore', opts.capture ? 'pipe' : 2, 'inherit'], encoding: 'utf8',
    maxBuffer: 64 << 20, env: { ...process.env, ...(opts.env ?? {}) } });
  if (r.status !== 0) throw new Error(`${cmd} failed (exit ${r.status})`);
  return r.stdout;
}
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

// ------------------------------------------------------------------ build
if (!argv.includes('--no-build')) {
  run('bash', ['toolchain/build.sh', 'native', 'wasm']);
  run('cmake', ['-S', '.', '-B', 'build/bench', '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release', '-DCMAKE_CXX_FLAGS=-g',
    '-DPRECIS_BUILD_BENCH=ON', '-DPRECIS_BUILD_TESTS=OFF'], { capture: true });
  run('cmake', ['--build', 'build/bench', '--target', 'precis_bench']);
}
const dist = join(root, 'build/wasm/package'); // the npm package: precis-core.js, precis.wasm

// ------------------------------------------------------------------ inputs
const inputsDir = join(benchDir, 'inputs');
const made = makeInputs(data, inputsDir);
log(`inputs: ${made.count} documents, ${Object.keys(made.long).join(', ')}`);
const limit = quick ? ['--limit', '200'] : [];
const passes = quick ? '1' : '3';

// ------------------------------------------------------------------ runs
const results = { measured: new Date().toISOString(), quick, data };
results.machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: (() => {
    try {
      return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))[1];
    } catch {
      return 'unknown';
    }
  })(),
  node: process.version,
  compiler: execFileSync('c++', ['--version'], { encoding: 'utf8' }).split('\n')[0],
  emscripten: (() => {
    try {
      return execFileSync('emcc', ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } }).split('\n')[0];
    } catch {
      return 'unknown';
    }
  })(),
};
if (!skip.has('native')) {
  const f = join(benchDir, 'native.json');
  const out = run(join(root, 'build/bench/precis_bench'), ['--data', data, '--passes', quick ? '1' : '5',
    '--long-passes', passes, ...Object.values(made.long).flatMap((p) => ['--long', p]), ...limit], { capture: true });
  writeFileSync(f, out);
  results.native = JSON.parse(out);
}
if (!skip.has('process')) {
  const f = join(benchDir, 'process.json');
  run('node', ['bench/speed/bench_process.mjs', '--inputs', inputsDir, '--out', f, ...limit]);
  results.process = readJson(f);
}
if (!skip.has('node')) {
  const f = join(benchDir, 'node.json');
  run('node', ['bench/speed/bench_node.mjs', '--dist', dist, '--inputs', inputsDir, '--passes', passes, '--out', f,
    ...limit]);
  results.node = readJson(f);
}
if (!skip.has('chromium')) {
  const f = join(benchDir, 'chromium.json');
  run('node', ['bench/speed/bench_chromium.mjs', '--dist', dist, '--inputs', inputsDir, '--passes', passes, '--out', f]);
  results.chromium = readJson(f);
}
const sizeFile = join(benchDir, 'size.json');
run('node', ['bench/size.mjs', dist, join(root, 'build/wasm/dist'), '--json', sizeFile], { capture: true });  // its own table: not ours
results.size = readJson(sizeFile);
results.wasmSections = wasmSections(readFileSync(join(dist, 'precis.wasm')));
results.size.cjkDictionary =
  'none: precis has no optional CJK dictionary; Han/kana runs and Hangul words are split into character ' +
  'bigrams without one, so there is a single bundle and no "with dictionary" variant';

// ------------------------------------------------------------------ table
const GOALS = {
  nativeMBps: 20,
  chromiumMBps: 8,
  otsSpeedup: 10,
  bundleGzipKB: 250,
  coldStartMs: 60,
  peakMemory1MB: 32 * 2 ** 20,
};
const f1 = (x) => (x == null || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
// A ratio precis/peer as "N× faster" or "N× slower".
const speed = (r) => (r == null || !Number.isFinite(r) ? '—' : r <= 1 ? `${f1(r)} (${f1(1 / r)}× faster)` : `${f1(r)} (${f1(r)}× slower)`);
const verdict = (ok) => (ok == null ? '' : ok ? 'met' : '**missed**');
const rows = [];
const row = (what, value, peer = '', ratio = '', goal = '', met = '') => rows.push([what, value, peer, ratio, goal, met]);
const n = results.native;
if (n?.docs) {
  const d = n.docs;
  const c = d.precisCore;
  row(`native in-process, bbc-dev (${d.documents} docs, ${(d.bytes / 1e6).toFixed(2)} MB)`,
    `${f1(c.mbPerS)} MB/s, ${f1(c.msPerDoc)} ms/doc`, '', '', '≥ 20 MB/s', verdict(c.mbPerS >= GOALS.nativeMBps));
  row('native, JSON in → JSON out (what the wasm call does)', `${f1(d.precisAbi.mbPerS)} MB/s, ${f1(d.precisAbi.msPerDoc)} ms/doc`);
  if (d.otsInProcess) {
    const speedup = 1 / d.ratioPrecisOverOts;
    row('vs OTS in-process (libots-1), same docs', `${f1(c.msPerDoc)} ms/doc`,
      `${f1(d.otsInProcess.msPerDoc)} ms/doc (${f1(d.otsInProcessNoDictionary.msPerDoc)} without dictionary load)`,
      speed(d.ratioPrecisOverOts), '≥ 10× faster', verdict(speedup >= GOALS.otsSpeedup));
  }
}
for (const l of n?.long ?? []) {
  const ots = l.otsInProcess?.ms;
  row(`native in-process, ${l.label} (${(l.bytes / 1e6).toFixed(2)} MB)`,
    `${f1(l.precisCore.ms)} ms, ${f1(l.precisCore.mbPerS)} MB/s`, ots ? `OTS ${f1(ots)} ms` : '',
    ots ? speed(l.ratioPrecisOverOts) : '');
}
if (n?.scaling?.['1M/100K']) {
  const s = n.scaling['1M/100K'];
  row('native scaling time(1 MB)/time(100 KB)', `${f1(s.timeRatio)} for ${f1(s.bytesRatio)}× the bytes`, '', '',
    'near-linear', verdict(s.normalized <= 1.3));
}
if (n?.scaling?.['10M/1M']) {
  const s = n.scaling['10M/1M'];
  row('native scaling time(10 MB)/time(1 MB)', `${f1(s.timeRatio)} for ${f1(s.bytesRatio)}× the bytes`);
}
const p = results.process;
if (p?.docs?.length) {
  const [pc, oc] = p.docs;
  row('one process per doc (CLI), bbc-dev', `${f1(pc.msPerDoc)} ms/doc`, oc ? `ots ${f1(oc.msPerDoc)} ms/doc` : '',
    oc ? speed(p.ratioPrecisOverOts) : '');
  for (const l of p.long ?? []) {
    row(`one process (CLI), ${l.label}`, `${f1(l['precis CLI'].wallMs)} ms`, l['ots CLI'] ? `ots ${f1(l['ots CLI'].wallMs)} ms` : '',
      l.ratioPrecisOverOts ? speed(l.ratioPrecisOverOts) : '');
  }
}
const nd = results.node;
if (nd) {
  const pd = nd.docs[0];
  row('wasm in Node, bbc-dev', `${f1(pd.mbPerS)} MB/s, ${f1(pd.msPerDoc)} ms/doc`);
  for (const peer of nd.docs.slice(1)) {
    row(`vs ${peer.name} ${peer.version ?? ''} (npm, Node, same docs)`, `${f1(pd.msPerDoc)} ms/doc`,
      `${f1(peer.msPerDoc)} ms/doc${peer.failures ? `, ${peer.failures} failures` : ''}`,
      speed(peer.ratioPrecisOverPeer));
  }
  for (const l of nd.long) {
    const peers = (l.peers ?? []).map((q) => `${q.name} ${q.error ? 'failed' : `${f1(q.cpuMs)} ms`}`).join('; ');
    const fastest = (l.peers ?? []).filter((q) => !q.error).sort((a, b) => a.cpuMs - b.cpuMs)[0];
    row(`wasm in Node, ${l.label}`, l.error ? `error: ${l.error}` : `${f1(l.cpuMs)} ms, ${f1(l.mbPerS)} MB/s`, peers,
      fastest ? `${speed(l.cpuMs / fastest.cpuMs)} vs ${fastest.name}` : '');
  }
  if (nd.scaling?.['1M/100K']) {
    const s = nd.scaling['1M/100K'];
    row('wasm (Node) scaling time(1 MB)/time(100 KB)', `${f1(s.timeRatio)} for ${f1(s.bytesRatio)}× the bytes`);
  }
  for (const l of nd.long) {
    const isGoal = l.label === '1M';
    row(`peak wasm memory, ${l.label} input`, mb(l.peakMemoryBytes), '', '', isGoal ? '≤ 32 MiB' : '',
      isGoal ? verdict(l.peakMemoryBytes <= GOALS.peakMemory1MB) : '');
  }
  const m = nd.memory;
  row(`memory after ${m.calls} more calls`, `heap in use ${kb(m.heapInUseBaselineBytes)} → ${kb(m.heapInUseAfterBytes)}; ` +
    `wasm memory ${mb(m.baselineBytes)} → ${mb(m.afterBytes)}`, '', '', 'back to baseline', verdict(m.returnsToBaseline));
}
const ch = results.chromium;
if (ch?.docs) {
  row(`wasm in Chromium ${ch.browser}, bbc-dev`, `${f1(ch.docs.mbPerS)} MB/s, ${f1(ch.docs.msPerDoc)} ms/doc`, '', '',
    '≥ 8 MB/s', verdict(ch.docs.mbPerS >= GOALS.chromiumMBps));
  for (const l of ch.long) row(`wasm in Chromium, ${l.label}`, `${f1(l.cpuMs)} ms, ${f1(l.mbPerS)} MB/s`);
  const s = ch.startup;
  const st = (x) => `${f1(x.firstSummaryMs)} ms (page to module start ${f1(x.moduleStartMs)}, then fetch + compile ${f1(x.fetchCompileMs)}, ` +
    `instantiate ${f1(x.instantiateMs)}, first call ${f1(x.firstCallMs)})`;
  row('start-up cold: navigation → first summary (wall)', st(s.cold), '', '', '≤ 60 ms', verdict(s.cold.firstSummaryMs <= GOALS.coldStartMs));
  row('start-up cold, precis\'s part: module start → first summary', `${f1(s.cold.ownMs)} ms`,
    `empty page: navigation → module start ${f1(s.emptyModuleStartMs)} ms`);
  row('start-up warm (reload, HTTP cache) (wall)', st(s.warm));
  row('start-up renderer CPU time, cold / warm', `${f1(s.cold.rendererCpuMs)} ms / ${f1(s.warm.rendererCpuMs)} ms`);
}
const t = results.size.total;
row('bundle (precis.wasm + JS)', `${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`, '', '', '≤ 250 KB gzip',
  verdict(t.gzip <= GOALS.bundleGzipKB * 1024));
results.table = rows;

const header = ['measure', 'precis', 'peer', 'ratio precis/peer', 'goal', ''];
const md = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const sections = results.wasmSections.sections
  .filter((s) => s.raw >= 256)
  .map((s) => `| ${s.name} | ${s.count ?? ''} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
const files = results.size.files.map((f) => `| ${f.name}${f.shipped ? '' : ' (page only)'} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
const m = results.machine;
const text = [
  `Measured ${results.measured} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}` +
    (quick ? ' — QUICK RUN (200 docs, 1 pass)' : ''),
  '',
  md,
  '',
  '| file | raw | gzip | brotli |',
  '| --- | --- | --- | --- |',
  ...files,
  '',
  '| wasm section | items | raw | gzip | brotli |',
  '| --- | --- | --- | --- | --- |',
  ...sections,
  '',
  `CJK dictionary: ${results.size.cjkDictionary}.`,
].join('\n');
results.markdown = text;
writeFileSync(outFile, JSON.stringify(results, null, 2));
console.log(text);
log(`wrote ${outFile}`);
