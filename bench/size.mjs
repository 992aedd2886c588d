// Prints the size of what precis ships (raw, gzip -9, brotli -q 11) and checks
// the library against the budget: wasm + JS <= 250 KB gzip.
//   node bench/size.mjs [PACKAGE_DIR] [PAGE_DIR] [--json out.json]
// PACKAGE_DIR (default build/wasm/package) is the npm package: its wasm + JS
// are the library, and the tarball `npm pack` made next to it is reported too.
// PAGE_DIR (default build/wasm/dist) is the demo page, bundled from that
// package: its rows are marked "(page)" and count towards nothing; so do its
// document readers in PAGE_DIR/documents, marked "(lazy)": the page loads them
// only when a PDF, DOCX or EPUB is dropped.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_GZIP = 250 * 1024;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : null;
const dirs = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
const packageDir = dirs[0] ?? 'build/wasm/package';
const pageDir = dirs[1] ?? 'build/wasm/dist';
const isLibrary = (name) => /\.(wasm|js)$/.test(name);

function measure(dir, shipped) {
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
  return rows;
}

const files = measure(packageDir, isLibrary);
const page = existsSync(pageDir) ? measure(pageDir, () => false) : [];
// The page's document readers (PDF, DOCX, EPUB): loaded only when such a file is dropped.
const documentsDir = join(pageDir, 'documents');
const documents = existsSync(documentsDir) ? measure(documentsDir, () => false) : [];
const { name, version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const tgzPath = join(dirname(packageDir), `${name}-${version}.tgz`);
const tarball = existsSync(tgzPath) ? { name: `${name}-${version}.tgz`, bytes: statSync(tgzPath).size } : null;

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const line = (label, r) => console.log(`${label.padEnd(38)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${`package ${name}@${version}`.padEnd(38)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}`);
for (const r of files) line(r.name + (r.shipped ? '' : ' (docs)'), r);
const total = files.filter((r) => r.shipped).reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const verdict = total.gzip <= BUDGET_GZIP ? 'within' : 'OVER';
console.log(`${'library (wasm + JS)'.padEnd(38)}${kb(total.raw)} ${kb(total.gzip)}${kb(total.brotli)}   ${verdict} the ${BUDGET_GZIP / 1024} KB gzip budget`);
if (tarball) console.log(`${tarball.name.padEnd(38)}${kb(tarball.bytes)}   (npm pack: every file above, gzipped tar)`);
for (const r of page) line(`${r.name} (page)`, r);
for (const r of documents) line(`documents/${r.name} (lazy)`, r);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ files, total, budgetGzip: BUDGET_GZIP, tarball, page, documents }, null, 2));
