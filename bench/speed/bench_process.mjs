// One process per document: the precis CLI against Debian's `ots` command,
// alternating document by document so both see the same machine load.
//   node bench/speed/bench_process.mjs [--precis build/native/precis] [--inputs build/bench/inputs]
//        [--limit N] [--out FILE]
// Wall time of spawn-to-exit (what a shell script pays), per document, summed.
// precis asks for 3 sentences; ots for 20% of the text (its CLI has no
// sentence count), with its English dictionary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const precis = resolve(arg('--precis', 'build/native/precis'));
const inputs = resolve(arg('--inputs', 'build/bench/inputs'));
const limit = Number(arg('--limit', '0'));
const out = arg('--out', null);
const log = (...a) => console.error('[process]', ...a);

const which = (name) =>
  (process.env.PATH ?? '').split(':').map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;
const ots = which('ots');

let docs = JSON.parse(readFileSync(join(inputs, 'docs.json'), 'utf8'));
if (limit) docs = docs.slice(0, limit);
const dir = mkdtempSync(join(tmpdir(), 'precis-bench-proc-'));
const files = docs.map((t, i) => {
  const f = join(dir, `${i}.txt`);
  writeFileSync(f, t);
  return f;
});
const bytes = docs.reduce((a, t) => a + Buffer.byteLength(t), 0);

function timed(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - t0;
  return { ms, ok: r.status === 0 && r.stdout.length > 0 };
}

const systems = [{ name: 'precis CLI', cmd: precis, args: (f) => ['--sentences', '3', f] }];
if (ots) systems.push({ name: 'ots CLI', cmd: ots, args: (f) => ['-d', 'en', '-r', '20', f] });
const totals = systems.map(() => ({ ms: 0, failures: 0 }));
log(`documents: ${docs.length}, systems: ${systems.map((s) => s.name).join(', ')}`);
for (let i = 0; i < files.length; i++) {
  systems.forEach((s, k) => {
    const r = timed(s.cmd, s.args(files[i]));
    totals[k].ms += r.ms;
    if (!r.ok) totals[k].failures++;
  });
}
// The long inputs, once each (ots is slow on them: 100 KB and 1 MB only).
const long = [];
for (const label of ['100K', '1M']) {
  const f = join(inputs, `${label}.txt`);
  if (!existsSync(f)) continue;
  const b = readFileSync(f).length;
  const row = { label, bytes: b };
  for (const s of systems) {
    const r = timed(s.cmd, s.args(f));
    row[s.name] = { wallMs: r.ms, mbPerS: b / 1e6 / (r.ms / 1000), ok: r.ok };
  }
  if (row['ots CLI']) row.ratioPrecisOverOts = row['precis CLI'].wallMs / row['ots CLI'].wallMs;
  long.push(row);
  log('long', JSON.stringify(row));
}
rmSync(dir, { recursive: true, force: true });

const report = {
  tool: 'bench_process',
  documents: docs.length,
  bytes,
  otsAvailable: Boolean(ots),
  docs: systems.map((s, k) => ({
    name: s.name,
    wallMs: totals[k].ms,
    msPerDoc: totals[k].ms / docs.length,
    mbPerS: bytes / 1e6 / (totals[k].ms / 1000),
    failures: totals[k].failures,
  })),
  long,
};
if (ots) report.ratioPrecisOverOts = report.docs[0].wallMs / report.docs[1].wallMs;
const json = JSON.stringify(report, null, 2);
if (out) writeFileSync(out, json);
else console.log(json);
