// webpack 5 (from the repository's package-lock) builds an app that installed
// the tarball, with no configuration beyond entry and output: it finds
// precis.wasm (an asset) and the package's worker (a worker chunk) through
// their new URL('./…', import.meta.url) literals. (It warns that the wasm is
// over its asset size hint; `performance: { maxAssetSize: 600_000 }` quiets it.)
//   node --test tests/package/webpack.test.mjs
import { join } from 'node:path';
import webpack from 'webpack';
import { bundlerTests, writeIndex } from './bundled.mjs';

bundlerTests('webpack', async (project) => {
  const outDir = join(project, 'dist');
  const compiler = webpack({ mode: 'production', context: project, entry: './src/main.js', output: { path: outDir }, devtool: false });
  const stats = await new Promise((resolve, reject) => compiler.run((error, s) => (error ? reject(error) : resolve(s))));
  await new Promise((resolve) => compiler.close(resolve));
  // The one warning allowed is webpack's performance hint: the wasm (504 KiB
  // raw, ~200 KiB gzip) is over its 244 KiB default for an asset.
  const warnings = stats.compilation.warnings.filter((w) => !/OverSizeLimitWarning$/.test(w.name));
  if (stats.hasErrors() || warnings.length) throw new Error(stats.toString('errors-warnings'));
  writeIndex(outDir, 'main.js');
  return outDir;
}, { exportedWorker: true });
