// The bundler tests' shared part: a consumer project (consumer.mjs) with the
// app of ./app, built by one bundler, its output served on 127.0.0.1 under the
// page CSP (script-src 'self' 'wasm-unsafe-eval', web/serve.mjs) and loaded in
// Debian's Chromium (playwright-core, never a downloaded browser). Asserts the
// summaries (main thread, the package's worker, the app's own worker) equal
// Node's, no CSP violation or error, no request outside the served folder, and
// that precis.wasm came from the bundle's own output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CSP, startServer } from '../../web/serve.mjs';
import { CHROMIUM, launchBrowser, refuseOtherOrigins } from '../browser/helpers.mjs';
import { APP, NAME, PACKAGE, article, consumerProject, skipReason } from './consumer.mjs';

/** The app's sources in a new consumer project: index.html at its root, the scripts in src/. */
export function appProject(name) {
  const dir = consumerProject(name);
  mkdirSync(join(dir, 'src'));
  for (const f of ['main.js', 'own-worker.js']) cpSync(join(APP, f), join(dir, 'src', f));
  cpSync(join(APP, '../../browser/fixtures/worker-reply.js'), join(dir, 'src/worker-reply.js'));
  cpSync(join(APP, 'index.html'), join(dir, 'index.html'));
  return dir;
}

/** index.html for an output folder whose page script is `script` (bundlers that do not write HTML). */
export function writeIndex(outDir, script) {
  writeFileSync(join(outDir, 'index.html'), readFileSync(join(APP, 'index.html'), 'utf8').replace('./src/main.js', script));
}

/**
 * Registers the tests for one bundler: `build(project)` bundles the app and
 * resolves with the output folder (which must hold an index.html).
 * `exportedWorker`: the bundler also builds
 * new Worker(new URL('precis-summarizer/worker', import.meta.url)).
 * Returns the reason the tests are skipped, or false.
 */
export function bundlerTests(bundler, build, { exportedWorker = false } = {}) {
  const skip = skipReason || (!existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`);
  if (skip && process.env.PRECIS_PACKAGE_REQUIRED === '1') throw new Error(skip);
  let outDir;
  let server;
  let browser;
  let origin;
  let results;
  let expected;
  let csp;
  const requests = []; // every request of the page and its workers, as the browser made them
  const served = []; // every request the server answered
  const problems = [];

  before(async () => {
    if (skip) return;
    const project = appProject(bundler);
    const started = performance.now();
    outDir = await build(project);
    console.log(`# ${bundler}: built in ${Math.round(performance.now() - started)} ms into ${outDir}`);
    const text = article();
    writeFileSync(join(outDir, 'article.txt'), text);

    const precis = await import(pathToFileURL(join(PACKAGE, 'precis.js')).href);
    expected = {
      summary: (await precis.summarize(text, { sentences: 3 })).summary,
      keyPoints: await (await precis.Summarizer.create({ type: 'key-points', length: 'short', format: 'plain-text' })).summarize(text),
    };

    server = await startServer(outDir, 0);
    server.on('request', (req) => served.push(req.url));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchBrowser();
    const context = await browser.newContext();
    context.setDefaultTimeout(30_000);
    await refuseOtherOrigins(context, origin, requests);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console: ${m.text()}`)));
    const response = await page.goto(`${origin}/index.html${exportedWorker ? '?exported-worker' : ''}`);
    csp = response.headers()['content-security-policy'];
    await page.waitForFunction(() => window.__results, null, { timeout: 60_000 });
    results = await page.evaluate(() => window.__results);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r()));
  });

  test(`${bundler}: the bundled app summarizes under script-src 'self' 'wasm-unsafe-eval' without errors`, { skip }, () => {
    assert.equal(csp, CSP);
    assert.equal(results.error, undefined, results.error);
    assert.deepEqual(results.violations, []);
    assert.deepEqual(problems, []);
    assert.equal(results.page, expected.summary, 'summarize() on the main thread');
    assert.equal(results.keyPoints, expected.keyPoints, 'Summarizer key points');
  });

  test(`${bundler}: module workers built by the bundler — the package's own (createWorkerSummarizer${exportedWorker ? `, and by name` : ''}) and the app's`, { skip }, () => {
    assert.equal(results.worker, expected.summary);
    assert.equal(results.ownWorker, expected.summary);
    if (exportedWorker) assert.equal(results.exportedWorker, expected.summary, `new Worker(new URL('${NAME}/worker', import.meta.url))`);
  });

  test(`${bundler}: precis.wasm came from the bundle's own output, nothing from anywhere else`, { skip }, () => {
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`)), [], 'no request left the served folder');
    const wasm = served.filter((u) => /\.wasm(\?|$)/.test(u));
    assert.ok(wasm.length >= 1, `the wasm was fetched (served: ${served.join(' ')})`);
    const packaged = readFileSync(join(PACKAGE, 'precis.wasm'));
    for (const u of [...new Set(served)]) {
      const path = normalize(join(outDir, decodeURIComponent(new URL(u, origin).pathname)));
      assert.ok(path.startsWith(outDir + sep) && existsSync(path) && statSync(path).isFile(), `${u} is a file of the output folder`);
      if (wasm.includes(u)) assert.ok(readFileSync(path).equals(packaged), `${u} is the package's precis.wasm`);
    }
    assert.ok(!served.some((u) => u.includes('node_modules')), 'nothing was served from node_modules');
  });
  return skip;
}

export { NAME };
