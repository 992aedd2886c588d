// The JS API (precis.js, precis-worker.js) in Debian's headless Chromium under
// the CSP  script-src 'self' 'wasm-unsafe-eval'  (sent by web/serve.mjs): the
// Summarizer API and the low-level functions in the page, in precis's worker
// and in the page's own module worker; no CSP violation, no request leaving
// 127.0.0.1, and the same results as in Node.
//   node --test tests/browser/api-csp.test.mjs
// Env: PRECIS_WASM_PACKAGE (the npm package folder), PRECIS_SHARED, PRECIS_CHROMIUM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CSP, startServer } from '../../web/serve.mjs';
import { CHROMIUM, PACKAGE, SHARED, launchBrowser, refuseOtherOrigins } from './helpers.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SHIPPED = ['precis.js', 'precis-core.js', 'precis-worker.js', 'precis.wasm'];
const PAGE_FILES = ['api-csp.html', 'api-csp.js', 'api-csp-worker.js', 'worker-reply.js'];

const missing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : SHIPPED.find((f) => !existsSync(join(PACKAGE, f)));
const skip = missing ? (missing.includes(' ') ? missing : `no ${missing} in ${PACKAGE} (build the wasm preset first)`) : false;

let dir;
let server;
let browser;
let origin;
let results;
let expected;
const requests = [];
const problems = [];

before(async () => {
  if (skip) return;
  // A temporary site: the shipped files plus the test page (test pages never go into web/).
  dir = mkdtempSync(join(tmpdir(), 'precis-api-csp-'));
  for (const f of SHIPPED) copyFileSync(join(PACKAGE, f), join(dir, f));
  for (const f of PAGE_FILES) copyFileSync(join(FIXTURES, f), join(dir, f));
  const article = JSON.parse(readFileSync(join(SHARED, 'data/bbc-dev.jsonl'), 'utf8').split('\n')[1]).text;
  writeFileSync(join(dir, 'article.json'), JSON.stringify({ text: article, big: `${article}\n\n`.repeat(400) }));

  // What the page must show: the same module in Node.
  const precis = await import(pathToFileURL(join(PACKAGE, 'precis.js')).href);
  const kp = await precis.Summarizer.create({ type: 'key-points', length: 'medium' });
  const kpPlain = await precis.Summarizer.create({ type: 'key-points', length: 'short', format: 'plain-text' });
  const headline = await precis.Summarizer.create({ type: 'headline', length: 'short', format: 'plain-text' });
  const tldr = await precis.Summarizer.create({ type: 'tldr', length: 'medium' });
  expected = {
    article,
    keyPoints: await kp.summarize(article),
    keyPointsPlain: await kpPlain.summarize(article),
    headline: await headline.summarize(article),
    tldr: await tldr.summarize(article),
    low: await precis.summarize(article, { sentences: 2 }),
    keywords: await precis.keywords(article, { limit: 3 }),
  };

  server = await startServer(dir, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000);
  await refuseOtherOrigins(context, origin, requests);
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console: ${m.text()}`)));
  const response = await page.goto(`${origin}/api-csp.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => window.__results, null, { timeout: 45_000 });
  results = await page.evaluate(() => window.__results);
  // The policy is really in force: code from strings is refused in the page's
  // own script (a separate page, whose expected console report is not a problem).
  const probe = await context.newPage();
  await probe.goto(`${origin}/api-csp.html?probe`);
  await probe.waitForFunction(() => window.__results, null, { timeout: 15_000 });
  results.stringCode = (await probe.evaluate(() => window.__results)).stringCode;
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the page ran the whole script without errors', { skip }, () => {
  assert.equal(results.error, undefined, results.error);
  assert.deepEqual(problems, []);
});

test('Summarizer in the page: availability, downloadprogress, key points, streaming, headline, destroy', { skip }, () => {
  assert.equal(results.availability, 'available');
  assert.deepEqual(results.events[0], [0, 1]);
  assert.deepEqual(results.events.at(-1), [1, 1]);
  assert.equal(results.keyPoints, expected.keyPoints, 'the same key points as in Node');
  assert.equal(results.keyPoints.split('\n').length, 5);
  assert.equal(results.streamed.join(''), results.keyPoints);
  assert.equal(results.streamed.length, 5);
  assert.equal(results.headline, expected.headline);
  assert.equal(results.afterDestroy, 'InvalidStateError');
});

test('low-level summarize() and keywords() in the page match Node', { skip }, () => {
  assert.deepEqual(results.low, expected.low);
  assert.deepEqual(results.keywords, expected.keywords);
});

test('precis in a Worker under the CSP: results, abort, restart; Summarizer({worker: true})', { skip }, () => {
  assert.deepEqual(results.workerLow, expected.low);
  assert.equal(results.workerAbort, 'AbortError');
  assert.equal(results.workerAfterAbort, expected.low.summary, 'a fresh worker answers after the abort');
  assert.equal(results.workerTldr, expected.tldr);
});

test('precis.js imported by the page\'s own module worker', { skip }, () => {
  assert.equal(results.ownWorker.error, undefined, results.ownWorker.error);
  assert.equal(results.ownWorker.keyPoints, expected.keyPointsPlain);
  assert.equal(results.ownWorker.summary, expected.low.summary);
  assert.deepEqual(results.ownWorker.violations, []);
});

test('no CSP violation, the policy is enforced, and no request leaves 127.0.0.1', { skip }, () => {
  assert.deepEqual(results.violations, []);
  assert.equal(results.stringCode, 'EvalError', 'new Function must be refused under this CSP');
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, []);
  for (const f of ['api-csp.html', 'precis.js', 'precis-core.js', 'precis-worker.js', 'precis.wasm', 'api-csp-worker.js']) {
    assert.ok(requests.includes(`${origin}/${f}`), `${f} was requested (and seen by the test)`);
  }
});
