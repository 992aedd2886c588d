// Vite (from the repository's package-lock) builds an app that installed the
// tarball, with no configuration: it finds precis.wasm and the package's
// worker through their new URL('./…', import.meta.url) literals.
//   node --test tests/package/vite.test.mjs
import { join } from 'node:path';
import { build } from 'vite';
import { bundlerTests } from './bundled.mjs';

bundlerTests('vite', async (project) => {
  await build({ root: project, configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
  return join(project, 'dist');
}, { exportedWorker: true });
