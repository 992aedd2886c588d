// Bundles page scripts of this repository (the demo page's app.js, the
// extension's popup.js and background.js) with esbuild, importing precis from
// the npm package the wasm build made (build/wasm/package), exactly as a
// developer who installed the package would: `import … from 'precis-summarizer'`.
// Writes into OUT_DIR
//   <entry>.js          each script with precis inside (each bundle stands alone)
//   precis-worker.js    the package's worker (createWorkerSummarizer() starts it from next to the script)
//   precis.wasm         copied from the package (precis finds it next to the script)
// This is the esbuild recipe of the package README; esbuild leaves
// `new URL('./…', import.meta.url)` as it is, so both files go next to the bundle.
//   node web/bundle.mjs --package PACKAGE_DIR --out OUT_DIR ENTRY.js [ENTRY.js…]
//
// With --documents instead, it bundles the page's document readers
// (web/documents: PDF with pdf.js, DOCX and EPUB with fflate) into
// OUT_DIR/documents/ as separate lazy modules — pdf.js, docx.js, epub.js and
// their shared chunks, minified — with pdf.js's worker, its CMaps and
// standard font data, and manifest.json (every module file with its hash, for
// the service worker's cache). The page script imports none of them: it
// loads one with import() when such a file is dropped, so the first load is
// the same as without them.
//   node web/bundle.mjs --documents --out OUT_DIR
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const { values, positionals } = parseArgs({
  options: { package: { type: 'string' }, out: { type: 'string' }, documents: { type: 'boolean' } },
  allowPositionals: true,
});
if (values.documents && values.out && positionals.length === 0) {
  await bundleDocuments(resolve(values.out, 'documents'));
  process.exit(0);
}
if (!values.package || !values.out || positionals.length < 1) {
  console.error('usage: node web/bundle.mjs --package PACKAGE_DIR --out OUT_DIR ENTRY.js [ENTRY.js…] | --documents --out OUT_DIR');
  process.exit(2);
}
const packageDir = resolve(values.package);
const entries = positionals.map((p) => resolve(p));
const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

// build/wasm/node_modules holds only a link to the package (made with the
// tarball, web/CMakeLists.txt), so the name resolves through the package's own
// `exports` map, as from a consumer's node_modules.
const modules = join(dirname(packageDir), 'node_modules');
if (!existsSync(join(modules, name, 'package.json'))) throw new Error(`${join(modules, name)} does not lead to the package`);

await esbuild.build({
  entryPoints: {
    ...Object.fromEntries(entries.map((entry) => [basename(entry, '.js'), entry])),
    'precis-worker': `${name}/worker`,
    precis: `${name}/precis.wasm`,
  },
  loader: { '.wasm': 'copy' },
  bundle: true,
  format: 'esm',
  outdir: resolve(values.out),
  nodePaths: [modules],
  logLevel: 'warning',
});

async function bundleDocuments(outdir) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const source = join(root, 'web/documents');
  const pdfjs = join(root, 'node_modules/pdfjs-dist');
  const result = await esbuild.build({
    entryPoints: { pdf: join(source, 'pdf.js'), docx: join(source, 'docx.js'), epub: join(source, 'epub.js') },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir,
    chunkNames: 'chunk-[hash]',
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  // pdf.js parses in its own module worker, loaded from next to pdf.js (GlobalWorkerOptions.workerSrc).
  const { cpSync: copy, mkdirSync, readdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(outdir, { recursive: true });
  copy(join(pdfjs, 'build/pdf.worker.min.mjs'), join(outdir, 'pdf.worker.mjs'));
  copy(join(pdfjs, 'cmaps'), join(outdir, 'cmaps'), { recursive: true });
  copy(join(pdfjs, 'standard_fonts'), join(outdir, 'standard_fonts'), { recursive: true });
  const modules = Object.keys(result.metafile.outputs).map((p) => basename(p)).filter((n) => n.endsWith('.js'));
  const files = {};
  for (const name of [...modules, 'pdf.worker.mjs'].sort()) {
    files[name] = createHash('sha256').update(readFileSync(join(outdir, name))).digest('hex').slice(0, 16);
  }
  // Files of an earlier build (old chunk hashes) would linger and be cached: remove them.
  const { rmSync } = await import('node:fs');
  for (const name of readdirSync(outdir)) {
    if (/^chunk-.*\.js$/.test(name) && !(name in files)) rmSync(join(outdir, name));
  }
  writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify({ files }, null, 2)}\n`);
}
