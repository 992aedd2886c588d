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
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const { values, positionals } = parseArgs({ options: { package: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
if (!values.package || !values.out || positionals.length < 1) {
  console.error('usage: node web/bundle.mjs --package PACKAGE_DIR --out OUT_DIR ENTRY.js [ENTRY.js…]');
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
