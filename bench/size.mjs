// Prints the size of the shipped bundle (raw, gzip -9, brotli) and checks it
// against the budget: wasm + JS + data <= 250 KB gzip.
//   node bench/size.mjs build/wasm/dist [--json out.json]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_GZIP = 250 * 1024;
const dir = process.argv[2] ?? 'build/wasm/dist';
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;
// What a page that summarizes must download (the demo page's own UI excluded).
const shipped = (name) => /\.(wasm|js)$/.test(name) && !/^(app|sw|view)\.js$/.test(name);

const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  rows.push({
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    shipped: shipped(name),
  });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(24)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${(r.name + (r.shipped ? '' : ' (page)')).padEnd(24)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.brotli)}`);
const total = rows.filter((r) => r.shipped).reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const verdict = total.gzip <= BUDGET_GZIP ? 'within' : 'OVER';
console.log(`${'library (wasm + JS)'.padEnd(24)}${kb(total.raw)} ${kb(total.gzip)}${kb(total.brotli)}   ${verdict} the ${BUDGET_GZIP / 1024} KB gzip budget`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ files: rows, total, budgetGzip: BUDGET_GZIP }, null, 2));
