// createWorkerSummarizer() and precis-worker.js in Node. Node 20 has no Web
// Worker, so worker-shim.mjs provides one over node:worker_threads: the real
// precis.js client and the real precis-worker.js run in a real second thread,
// talking by postMessage (structured clone) as in a browser. The browser's own
// Worker is exercised by tests/browser/api-csp.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE, SHARED, importPackage } from './env.mjs';
import { installWorkerShim, stats } from './worker-shim.mjs';

const uninstall = installWorkerShim();
after(uninstall);

const precis = await importPackage('precis.js');
const { createWorkerSummarizer, PrecisError, Summarizer } = precis;
const { loadCore } = await importPackage('precis-core.js');
const core = await loadCore();

const articles = readFileSync(join(SHARED, 'data/bbc-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 6)
  .map((l) => JSON.parse(l));
const SHORT = 'Rain fell on Paris all week. The river rose by two metres. Officials closed the quays on Friday. Tourists stayed indoors.';
// Big enough that the worker is still busy when the test aborts (~1 s of work).
const BIG = articles.map((a) => a.text).join('\n\n').repeat(60);

const rejectsWith = (promise, name) => assert.rejects(promise, (e) => (assert.equal(e.name, name, `${e.name}: ${e.message}`), true));

const progress = [];
const worker = createWorkerSummarizer({ onProgress: (loaded, total) => progress.push([loaded, total]) });
after(() => worker.terminate());

test('ready resolves once the worker has loaded the wasm, with download progress', async () => {
  await worker.ready;
  assert.ok(progress.length >= 1);
  const [loaded, total] = progress.at(-1);
  assert.equal(loaded, total);
  assert.equal(total, readFileSync(join(PACKAGE, 'precis.wasm')).length);
});

test('summarize and keywords in the worker give what the core gives here', async () => {
  for (const a of articles.slice(0, 3)) {
    assert.deepEqual(await worker.summarize(a.text, { sentences: 3 }), core.summarize(a.text, { sentences: 3 }), a.id);
  }
  assert.deepEqual(await worker.keywords(articles[0].text, { limit: 4 }), core.summarize(articles[0].text, { keywords: 4 }).keywords);
  const timed = await worker.summarize(SHORT, { timings: true });
  assert.equal(typeof timed.stats.timings.totalMs, 'number');
});

test('concurrent requests are matched to their answers by id', async () => {
  const texts = articles.map((a) => a.text);
  const results = await Promise.all(texts.map((t, i) => worker.summarize(t, { sentences: 1 + (i % 3) })));
  results.forEach((r, i) => {
    assert.equal(r.stats.inputUtf16, texts[i].length);
    assert.equal(r.stats.selected, Math.min(1 + (i % 3), r.stats.sentences));
  });
});

test('errors come back as PrecisError naming the field', async () => {
  const fails = (promise, field) => assert.rejects(promise, (e) => e instanceof PrecisError && e.name === 'PrecisError' && e.field === field);
  await fails(worker.summarize(SHORT, { ratio: 5 }), 'options.ratio');
  await fails(worker.summarize(SHORT, { language: 'tlh' }), 'options.language');
  await fails(worker.summarize(17), 'text');
  await fails(worker.keywords(SHORT, { limit: 101 }), 'options.limit');
  assert.equal((await worker.summarize(SHORT, { sentences: 1 })).stats.selected, 1, 'still usable after errors');
});

test('abort: rejects at once, terminates the busy worker, re-sends pending requests; the next worker reuses the module', async () => {
  const before = { ...stats };
  const progressBefore = progress.length;
  const controller = new AbortController();
  const started = performance.now();
  const busy = worker.summarize(BIG, { sentences: 3 }, { signal: controller.signal });
  const queued = worker.summarize(SHORT, { sentences: 2 }); // waits behind the busy one
  await new Promise((r) => setTimeout(r, 30));
  controller.abort();
  await rejectsWith(busy, 'AbortError');
  assert.ok(performance.now() - started < 5000, 'rejected without waiting for the work');
  assert.equal(stats.terminated, before.terminated + 1, 'the busy worker was terminated');
  assert.equal(stats.created, before.created + 1, 'a fresh worker took over');
  assert.equal((await queued).stats.selected, 2, 'the pending request was answered by the fresh worker');
  assert.equal(progress.length, progressBefore, 'the fresh worker got the compiled module: no second download');

  // An already aborted signal: rejected without touching the worker.
  await rejectsWith(worker.summarize(SHORT, {}, { signal: AbortSignal.abort() }), 'AbortError');
  await rejectsWith(worker.keywords(SHORT, { signal: AbortSignal.abort() }), 'AbortError');
  assert.equal(stats.terminated, before.terminated + 1);
  // A signal inside the options works as well.
  const c2 = new AbortController();
  const p = worker.summarize(BIG, { signal: c2.signal });
  setTimeout(() => c2.abort(), 20);
  await rejectsWith(p, 'AbortError');
  assert.equal((await worker.summarize(SHORT, { sentences: 1 })).stats.selected, 1);
});

test('terminate(): pending requests reject with AbortError, later ones with InvalidStateError', async () => {
  const w = createWorkerSummarizer();
  await w.ready;
  const pending = w.summarize(BIG);
  w.terminate();
  await rejectsWith(pending, 'AbortError');
  await rejectsWith(w.summarize(SHORT), 'InvalidStateError');
});

test('a worker that cannot load the wasm rejects ready and its requests', async () => {
  const w = createWorkerSummarizer({ wasmUrl: pathToFileURL(join(PACKAGE, 'no-such.wasm')) });
  await assert.rejects(w.ready, (e) => e.name === 'PrecisError');
  await assert.rejects(w.summarize(SHORT), (e) => e.name === 'PrecisError');
  w.terminate();
  const missing = createWorkerSummarizer({ workerUrl: pathToFileURL(join(PACKAGE, 'no-such-worker.js')) });
  await assert.rejects(missing.ready, /worker/);
  missing.terminate();
});

test('createWorker: the caller starts each worker (a bundler-built one), again after an abort', async () => {
  const started = [];
  const w = createWorkerSummarizer({
    createWorker: () => {
      started.push(performance.now());
      return new Worker(pathToFileURL(join(PACKAGE, 'precis-worker.js')), { type: 'module' });
    },
  });
  await w.ready;
  assert.equal(started.length, 1);
  assert.deepEqual(await w.summarize(SHORT, { sentences: 2 }), core.summarize(SHORT, { sentences: 2 }));
  const controller = new AbortController();
  const busy = w.summarize(BIG, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await rejectsWith(busy, 'AbortError');
  assert.equal((await w.summarize(SHORT, { sentences: 1 })).stats.selected, 1);
  assert.equal(started.length, 2, 'the fresh worker came from createWorker too');
  w.terminate();
  assert.throws(() => createWorkerSummarizer({ createWorker: 'precis-worker.js' }), TypeError);
});

test('Summarizer.create({worker: true}) runs the WICG API in a worker with the same output', async () => {
  for (const type of ['tldr', 'key-points', 'headline']) {
    const here = await Summarizer.create({ type, length: 'medium' });
    const there = await Summarizer.create({ type, length: 'medium', worker: true });
    assert.equal(await there.summarize(articles[1].text), await here.summarize(articles[1].text), type);
    const chunks = [];
    for await (const c of there.summarizeStreaming(articles[1].text)) chunks.push(c);
    assert.equal(chunks.join(''), await here.summarize(articles[1].text));
    const before = stats.terminated;
    there.destroy();
    assert.equal(stats.terminated, before + 1, 'destroy() ends its own worker');
    await rejectsWith(there.summarize(SHORT), 'InvalidStateError');
  }
  // A shared WorkerSummarizer is used, not owned.
  const shared = await Summarizer.create({ type: 'tldr', worker });
  const controller = new AbortController();
  const p = shared.summarize(BIG, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await rejectsWith(p, 'AbortError');
  shared.destroy();
  assert.equal((await worker.summarize(SHORT, { sentences: 1 })).stats.selected, 1, 'the shared worker lives on');
});

test('the worker protocol: handle() answers load and summarize messages in order', async () => {
  // Imported into this (main) thread the module registers no listener; handle() is the whole protocol.
  const { handle } = await importPackage('precis-worker.js');
  const sent = [];
  const post = (m) => sent.push(m);
  await handle({ type: 'summarize', id: 0, text: SHORT, options: {} }, post);
  assert.equal(sent.shift().error.message.includes('no load message'), true);
  await handle({ type: 'load', wasmUrl: pathToFileURL(join(PACKAGE, 'precis.wasm')).href }, post);
  await Promise.all([handle({ type: 'summarize', id: 1, text: SHORT, options: { sentences: 1 } }, post), handle({ type: 'summarize', id: 2, text: SHORT, options: { ratio: 9 } }, post)]);
  const kinds = sent.map((m) => m.type);
  assert.ok(kinds.includes('progress'));
  assert.ok(kinds.indexOf('ready') < kinds.indexOf('result'));
  const ready = sent.find((m) => m.type === 'ready');
  assert.ok(ready.module instanceof WebAssembly.Module, 'the compiled module goes back to the page');
  assert.deepEqual(sent.filter((m) => m.id).map((m) => [m.type, m.id]), [['result', 1], ['error', 2]]);
  assert.deepEqual(sent.find((m) => m.id === 2).error, { name: 'PrecisError', field: 'options.ratio', message: sent.find((m) => m.id === 2).error.message });
});
