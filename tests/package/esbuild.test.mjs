// esbuild (from the repository's package-lock) bundles an app that installed
// the tarball, with the package README's recipe: esbuild keeps
// new URL('./…', import.meta.url) as written, so the package's worker and
// wasm are two more entry points that land next to the bundle.
//   node --test tests/package/esbuild.test.mjs
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { NAME, bundlerTests, writeIndex } from './bundled.mjs';

bundlerTests('esbuild', async (project) => {
  const outDir = join(project, 'dist');
  await esbuild.build({
    absWorkingDir: project,
    entryPoints: {
      main: './src/main.js',
      'own-worker': './src/own-worker.js',
      // the recipe: two entries and one loader
      'precis-worker': `${NAME}/worker`,
      precis: `${NAME}/precis.wasm`,
    },
    loader: { '.wasm': 'copy' },
    bundle: true,
    format: 'esm',
    minify: true,
    outdir: outDir,
    logLevel: 'error',
  });
  writeIndex(outDir, 'main.js');
  return outDir;
});
