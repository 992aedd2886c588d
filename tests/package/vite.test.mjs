// Vite (from the repository's package-lock) builds an app that installed the
// tarball, with no configuration: it finds precis.wasm and the package's
// worker through their new URL('./…', import.meta.url) literals. The dev
// server (with its dependency pre-bundling) serves the same app, also with no
// configuration.
//   node --test tests/package/vite.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createServer } from 'vite';
import { launchBrowser } from '../browser/helpers.mjs';
import { PACKAGE, article } from './consumer.mjs';
import { appProject, bundlerTests } from './bundled.mjs';

const skip = bundlerTests(
  'vite',
  async (project) => {
    await build({ root: project, configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
    return join(project, 'dist');
  },
  { exportedWorker: true },
);

test('vite dev server: the same app runs unbundled from node_modules, with no configuration', { skip }, async () => {
  const project = appProject('vite-dev');
  const text = article();
  writeFileSync(join(project, 'article.txt'), text);
  const expected = (await (await import(pathToFileURL(join(PACKAGE, 'precis.js')).href)).summarize(text, { sentences: 3 })).summary;
  const server = await createServer({ root: project, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  const browser = await launchBrowser();
  try {
    await server.listen();
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
    await page.goto(`${server.resolvedUrls.local[0]}index.html?exported-worker`);
    await page.waitForFunction(() => window.__results, null, { timeout: 60_000 });
    const results = await page.evaluate(() => window.__results);
    assert.equal(results.error, undefined, results.error);
    assert.deepEqual(problems, []);
    for (const key of ['page', 'worker', 'exportedWorker', 'ownWorker']) assert.equal(results[key], expected, key);
  } finally {
    await browser.close();
    await server.close();
  }
});
