// The JS API of the npm package's precis.js (build/wasm/package) in Node: the WICG Summarizer shape,
// the low-level summarize()/keywords(), loading once, and no eval in any
// shipped JS. The worker side is in worker.test.mjs; the browser (CSP) side in
// tests/browser/api-csp.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PACKAGE, SHARED, importPackage } from './env.mjs';

const precis = await importPackage('precis.js');
const { Summarizer, PrecisError, MAX_INPUT_BYTES } = precis;
const { loadCore } = await importPackage('precis-core.js');
const core = await loadCore();

const articles = readFileSync(join(SHARED, 'data/bbc-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 4)
  .map((l) => JSON.parse(l));
const ARTICLE = articles[0].text;
const SHORT = 'Rain fell on Paris all week. The river rose by two metres. Officials closed the quays on Friday. Tourists stayed indoors.';
const tidy = (s) => s.replace(/\s+/g, ' ').trim();
const words = (s) => s.replace(/…$/, '').split(/\s+/).filter(Boolean);

const rejectsWith = (promise, name) => assert.rejects(promise, (e) => (assert.equal(e.name, name, `${e.name}: ${e.message}`), true));
const throwsWith = (fn, name) => assert.throws(fn, (e) => (assert.equal(e.name, name, `${e.name}: ${e.message}`), true));

async function readAll(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

test('exports: the WICG shape, the low-level functions and the worker entry', () => {
  for (const name of ['availability', 'create']) assert.equal(typeof Summarizer[name], 'function', name);
  for (const name of ['summarize', 'summarizeStreaming', 'measureInputUsage', 'destroy']) {
    assert.equal(typeof Summarizer.prototype[name], 'function', name);
  }
  for (const name of ['summarize', 'keywords', 'createWorkerSummarizer', 'load', 'configure']) assert.equal(typeof precis[name], 'function', name);
  assert.equal(new PrecisError('x', { field: 'text' }).name, 'PrecisError');
  assert.throws(() => new Summarizer(), TypeError, 'the constructor is not public; create() is');
});

test('supportedLanguages is the core\'s own list', () => {
  const message = core.callJson(JSON.stringify({ text: '', options: { language: 'xx' } }));
  const list = JSON.parse(message).error.message.split('supported: ')[1].split(', ');
  assert.deepEqual([...precis.supportedLanguages], list);
  assert.ok(Object.isFrozen(precis.supportedLanguages));
});

test('availability: "available", "unavailable" for a language precis lacks or without WebAssembly; TypeError for bad options', async () => {
  assert.equal(await Summarizer.availability(), 'available');
  assert.equal(await Summarizer.availability({ type: 'headline', length: 'long', format: 'plain-text', expectedInputLanguages: ['en-US', 'de'] }), 'available');
  assert.equal(await Summarizer.availability({ expectedInputLanguages: ['tlh'] }), 'unavailable');
  assert.equal(await Summarizer.availability({ outputLanguage: 'eo' }), 'unavailable');
  await rejectsWith(Summarizer.availability({ type: 'summary' }), 'TypeError');
  await rejectsWith(Summarizer.availability({ length: 'tiny' }), 'TypeError');
  await rejectsWith(Summarizer.availability({ format: 'html' }), 'TypeError');
  await rejectsWith(Summarizer.availability({ expectedInputLanguages: ['not a tag!'] }), 'TypeError');
  await rejectsWith(Summarizer.availability({ expectedInputLanguages: 'en' }), 'TypeError');
  const saved = globalThis.WebAssembly;
  globalThis.WebAssembly = undefined;
  try {
    assert.equal(await Summarizer.availability(), 'unavailable');
    await rejectsWith(Summarizer.create(), 'NotSupportedError');
  } finally {
    globalThis.WebAssembly = saved;
  }
});

test('create: defaults and read-only option mirrors', async () => {
  const s = await Summarizer.create();
  assert.equal(s.type, 'key-points');
  assert.equal(s.format, 'markdown');
  assert.equal(s.length, 'short');
  assert.equal(s.sharedContext, '');
  assert.equal(s.expectedInputLanguages, null);
  assert.equal(s.expectedContextLanguages, null);
  assert.equal(s.outputLanguage, null);
  assert.equal(s.inputQuota, 16 * 1024 * 1024);
  assert.throws(() => {
    s.type = 'headline';
  }, TypeError);
  assert.equal(s.type, 'key-points');

  const t = await Summarizer.create({ type: 'tldr', length: 'long', format: 'plain-text', sharedContext: 'News for busy readers', expectedInputLanguages: ['de-DE', 'de'], expectedContextLanguages: ['en-GB'], outputLanguage: 'de-AT' });
  assert.deepEqual([t.type, t.length, t.format, t.sharedContext], ['tldr', 'long', 'plain-text', 'News for busy readers']);
  assert.deepEqual(t.expectedInputLanguages, ['de'], 'best-fit matches, deduplicated');
  assert.ok(Object.isFrozen(t.expectedInputLanguages));
  assert.deepEqual(t.expectedContextLanguages, ['en-GB']);
  assert.equal(t.outputLanguage, 'de');
  assert.equal(t.coreOptions.language, 'de', 'one expected language is passed to the core');
});

test('every type × length: 40/60/100 words, 3/5/7 bullets, headlines within 12/17/22 words', async () => {
  const expected = { tldr: [40, 60, 100], teaser: [40, 60, 100], 'key-points': [3, 5, 7], headline: [12, 17, 22] };
  for (const text of articles.slice(0, 3).map((a) => a.text)) {
    for (const [type, counts] of Object.entries(expected)) {
      for (const [i, length] of ['short', 'medium', 'long'].entries()) {
        const markdown = await Summarizer.create({ type, length, format: 'markdown' });
        const plain = await Summarizer.create({ type, length, format: 'plain-text' });
        const [md, pt] = [await markdown.summarize(text), await plain.summarize(text)];
        const result = core.summarize(text, markdown.coreOptions);
        const chosen = result.sentences.filter((x) => x.selected).map((x) => tidy(x.text));
        const what = `${type}/${length}`;
        if (type === 'headline') {
          assert.ok(md.length > 0 && !md.includes('\n'), what);
          assert.ok(words(md).length <= counts[i], `${what}: ${md}`);
          assert.equal(md, tidy(result.summary), what);
        } else if (type === 'key-points') {
          assert.equal(chosen.length, counts[i], what);
          assert.deepEqual(md.split('\n'), chosen.map((c) => `- ${c}`), `${what}: markdown bullets`);
          assert.deepEqual(pt.split('\n'), chosen, `${what}: plain text, one point per line`);
        } else {
          // Whole sentences within the word budget, or the best one shortened to it.
          assert.ok(chosen.length >= 1, what);
          assert.ok(result.stats.wordsOut <= counts[i], `${what}: ${result.stats.wordsOut} words`);
          assert.equal(md, chosen.length === 1 && tidy(result.summary) !== chosen[0] ? tidy(result.summary) : chosen.join(' '), what);
        }
        if (type !== 'key-points') assert.equal(pt, md, `${what}: no markup either way`);
      }
    }
  }
});

test('teaser and tldr choose the same sentences; tl;dr is accepted as the spec spells it', async () => {
  const teaser = await Summarizer.create({ type: 'teaser', length: 'medium' });
  assert.deepEqual(teaser.coreOptions, (await Summarizer.create({ type: 'tldr', length: 'medium' })).coreOptions);
  const spelled = await Summarizer.create({ type: 'tl;dr', length: 'medium' });
  const tldr = await Summarizer.create({ type: 'tldr', length: 'medium' });
  assert.equal(await spelled.summarize(ARTICLE), await tldr.summarize(ARTICLE));
});

test('summarizeStreaming yields the summary sentence by sentence; the chunks join to summarize()', async () => {
  for (const type of ['tldr', 'teaser', 'key-points', 'headline']) {
    for (const format of ['markdown', 'plain-text']) {
      const s = await Summarizer.create({ type, length: 'long', format });
      const stream = s.summarizeStreaming(ARTICLE);
      assert.ok(stream instanceof ReadableStream);
      const chunks = await readAll(stream);
      assert.ok(chunks.every((c) => typeof c === 'string'));
      assert.equal(chunks.join(''), await s.summarize(ARTICLE), `${type}/${format}`);
      if (type !== 'headline') assert.ok(chunks.length >= 5, `${type}: one chunk per sentence`);
    }
  }
  const s = await Summarizer.create();
  assert.deepEqual(await readAll(s.summarizeStreaming('   ')), []);
});

test('empty or blank input gives an empty summary', async () => {
  const s = await Summarizer.create({ type: 'tldr' });
  assert.equal(await s.summarize(''), '');
  assert.equal(await s.summarize(' \n\t\u0000 '), '');
});

test('measureInputUsage counts UTF-8 bytes against inputQuota; over it: QuotaExceededError', async () => {
  const s = await Summarizer.create({ type: 'tldr' });
  assert.equal(await s.measureInputUsage('abc'), 3);
  assert.equal(await s.measureInputUsage('héllo'), 6);
  assert.equal(await s.measureInputUsage('日本'), 6);
  assert.equal(await s.measureInputUsage('🎉'), 4);
  assert.equal(await s.measureInputUsage('\ud800'), 3, 'a lone surrogate is sent as U+FFFD');
  assert.equal(await s.measureInputUsage(SHORT, { context: 'ignored' }), new TextEncoder().encode(SHORT).length);
  assert.equal(s.inputQuota, MAX_INPUT_BYTES);
  const atQuota = 'a'.repeat(s.inputQuota);
  assert.equal(await s.measureInputUsage(atQuota), s.inputQuota);
  const over = `${atQuota}é`;
  await assert.rejects(s.summarize(over), (e) => {
    assert.equal(e.name, 'QuotaExceededError');
    assert.ok(e instanceof DOMException);
    assert.equal(e.requested, s.inputQuota + 2);
    assert.equal(e.quota, s.inputQuota);
    return true;
  });
  const stream = s.summarizeStreaming(over);
  await rejectsWith(readAll(stream), 'QuotaExceededError');
});

test('errors: TypeError for bad arguments, NotSupportedError for languages', async () => {
  await rejectsWith(Summarizer.create({ type: 'bullet' }), 'TypeError');
  await rejectsWith(Summarizer.create({ sharedContext: 42 }), 'TypeError');
  await rejectsWith(Summarizer.create({ signal: 'no' }), 'TypeError');
  await rejectsWith(Summarizer.create({ monitor: 'no' }), 'TypeError');
  await rejectsWith(Summarizer.create({ expectedInputLanguages: ['tlh'] }), 'NotSupportedError');
  await rejectsWith(Summarizer.create({ outputLanguage: 'eo' }), 'NotSupportedError');
  await rejectsWith(Summarizer.create({ expectedInputLanguages: ['en'], outputLanguage: 'fr' }), 'NotSupportedError');
  await rejectsWith(Summarizer.create({ monitor: () => { throw new RangeError('from monitor'); } }), 'RangeError');

  const s = await Summarizer.create({ type: 'tldr' });
  await rejectsWith(s.summarize(42), 'TypeError');
  await rejectsWith(s.summarize(SHORT, { context: 7 }), 'TypeError');
  await rejectsWith(s.measureInputUsage(null), 'TypeError');
  throwsWith(() => s.summarizeStreaming({}), 'TypeError');
  assert.equal(typeof (await s.summarize(SHORT, { context: 'a weather report' })), 'string', 'context is accepted');

  // Extractive summaries are in the input's language: another output language cannot be honoured.
  const german = await Summarizer.create({ type: 'tldr', outputLanguage: 'de' });
  await rejectsWith(german.summarize(ARTICLE), 'NotSupportedError');
  const english = await Summarizer.create({ type: 'tldr', outputLanguage: 'en-US' });
  assert.ok((await english.summarize(ARTICLE)).length > 0);
});

test('destroy: work under way rejects with AbortError, later calls with InvalidStateError', async () => {
  const s = await Summarizer.create({ type: 'tldr' });
  const pending = s.summarize(ARTICLE);
  s.destroy();
  await rejectsWith(pending, 'AbortError');
  await rejectsWith(s.summarize(SHORT), 'InvalidStateError');
  await rejectsWith(s.measureInputUsage(SHORT), 'InvalidStateError');
  throwsWith(() => s.summarizeStreaming(SHORT), 'InvalidStateError');
  s.destroy(); // twice is fine
});

test('abort: create and summarize honour their AbortSignal', async () => {
  await rejectsWith(Summarizer.create({ signal: AbortSignal.abort() }), 'AbortError');
  const reason = new Error('my reason');
  await assert.rejects(Summarizer.create({ signal: AbortSignal.abort(reason) }), (e) => e === reason);

  const s = await Summarizer.create({ type: 'tldr' });
  await rejectsWith(s.summarize(ARTICLE, { signal: AbortSignal.abort() }), 'AbortError');
  const controller = new AbortController();
  const p = s.summarize(ARTICLE, { signal: controller.signal });
  controller.abort();
  await rejectsWith(p, 'AbortError');
  assert.ok((await s.summarize(ARTICLE)).length > 0, 'the summarizer still works');

  const streamController = new AbortController();
  const stream = s.summarizeStreaming(ARTICLE, { signal: streamController.signal });
  streamController.abort();
  await rejectsWith(readAll(stream), 'AbortError');
  throwsWith(() => s.summarizeStreaming(ARTICLE, { signal: AbortSignal.abort() }), 'AbortError');

  // Aborting create()'s signal later destroys the summarizer, as in the spec.
  const createController = new AbortController();
  const t = await Summarizer.create({ signal: createController.signal });
  createController.abort();
  await rejectsWith(t.summarize(SHORT), 'InvalidStateError');
});

test('low-level summarize(): the full result, offsets, timings; PrecisError names the field', async () => {
  const text = `Party 🎉 news\n\n${SHORT} Everyone 😀 stayed late.`;
  const r = await precis.summarize(text, { sentences: 2, timings: true });
  for (const key of ['language', 'summary', 'sentences', 'keywords', 'title', 'removed', 'doubtful', 'stats', 'notes']) assert.ok(key in r, key);
  assert.equal(r.language, 'en');
  assert.equal(r.title.text, 'Party 🎉 news');
  assert.equal(r.stats.selected, 2);
  assert.equal(typeof r.stats.timings.totalMs, 'number');
  for (const s of r.sentences) {
    assert.equal(text.slice(s.utf16Start, s.utf16End), s.text, 'UTF-16 offsets index the JS string');
    for (const part of ['centrality', 'position', 'title', 'salience', 'length']) assert.equal(typeof s.parts[part], 'number');
  }
  assert.equal(r.title && text.slice(r.title.utf16Start, r.title.utf16End), r.title.text);
  const plain = await precis.summarize(text, { sentences: 2 });
  assert.ok(!('timings' in plain.stats));
  assert.deepEqual(plain, core.summarize(text, { sentences: 2 }), 'the same result as the core');
  assert.equal((await precis.summarize(ARTICLE)).stats.selected, 3, 'default: 3 sentences');

  const fails = async (promise, field) =>
    assert.rejects(promise, (e) => {
      assert.ok(e instanceof PrecisError, String(e));
      assert.equal(e.name, 'PrecisError');
      assert.equal(e.field, field, e.message);
      return true;
    });
  await fails(precis.summarize(42), 'text');
  await fails(precis.summarize(SHORT, 'three'), 'options');
  await fails(precis.summarize(SHORT, { ratio: 2 }), 'options.ratio');
  await fails(precis.summarize(SHORT, { sentences: 2, words: 10 }), 'options.words');
  await fails(precis.summarize(SHORT, { language: 'xx' }), 'options.language');
  await fails(precis.summarize(SHORT, { bogus: 1 }), 'options.bogus');
  await fails(precis.summarize(SHORT, { signal: 'x' }), 'options.signal');
  await fails(precis.summarize('a'.repeat(100), { maxInputBytes: 10 }), 'text');
  await rejectsWith(precis.summarize(SHORT, { signal: AbortSignal.abort() }), 'AbortError');
  const controller = new AbortController();
  const p = precis.summarize(ARTICLE, { signal: controller.signal });
  controller.abort();
  await rejectsWith(p, 'AbortError');
});

test('low-level keywords(): best first, limit and language; errors name the option', async () => {
  const k = await precis.keywords(ARTICLE, { limit: 3 });
  assert.equal(k.length, 3);
  assert.deepEqual(k, core.summarize(ARTICLE, { keywords: 3 }).keywords);
  for (const x of k) assert.deepEqual(Object.keys(x), ['text', 'score', 'count']);
  assert.equal((await precis.keywords(ARTICLE)).length, 10);
  assert.ok((await precis.keywords(ARTICLE, { language: 'en' })).length > 0);
  assert.deepEqual(await precis.keywords(''), []);
  await assert.rejects(precis.keywords(ARTICLE, { limit: 1000 }), (e) => e.name === 'PrecisError' && e.field === 'options.limit');
  await assert.rejects(precis.keywords(ARTICLE, { limit: 'x' }), (e) => e.name === 'PrecisError' && e.field === 'options.limit');
  await assert.rejects(precis.keywords(ARTICLE, { count: 3 }), (e) => e.name === 'PrecisError' && e.field === 'options.count');
  await assert.rejects(precis.keywords(null), (e) => e.name === 'PrecisError' && e.field === 'text');
});

test('loading twice fetches once; create() reports downloadprogress 0 → 1 while fetching', async () => {
  const bytes = readFileSync(join(PACKAGE, 'precis.wasm'));
  const url = 'http://precis.test/lib/precis.wasm';
  const savedFetch = globalThis.fetch;
  const fetched = [];
  globalThis.fetch = async (input) => {
    fetched.push(String(input));
    const chunk = 64 * 1024;
    let at = 0;
    const body = new ReadableStream({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 1));
        if (at >= bytes.length) return c.close();
        c.enqueue(new Uint8Array(bytes.subarray(at, at + chunk)));
        at += chunk;
      },
    });
    return new Response(body, { headers: { 'Content-Length': String(bytes.length), 'Content-Type': 'application/wasm' } });
  };
  try {
    precis.configure({ wasmUrl: url });
    const events = [[], []];
    const monitor = (i) => (m) => {
      m.addEventListener('downloadprogress', (e) => events[i].push([e.loaded, e.total]));
    };
    const [a, b] = await Promise.all([Summarizer.create({ type: 'tldr', monitor: monitor(0) }), Summarizer.create({ type: 'tldr', monitor: monitor(1) })]);
    await precis.load({ wasmUrl: url });
    assert.deepEqual(fetched, [url], 'one fetch for two create() calls and a load()');
    for (const list of events) {
      assert.deepEqual(list[0], [0, 1], 'the first event is 0');
      assert.deepEqual(list.at(-1), [1, 1], 'the last event is 1');
      assert.ok(list.length > 3, 'progress in between');
      for (let i = 1; i < list.length; i++) assert.ok(list[i][0] > list[i - 1][0], 'increasing');
    }
    assert.equal(await a.summarize(SHORT), await b.summarize(SHORT));
    // Already loaded: nothing to download, so no events (as in the spec), and no fetch.
    const later = [];
    let handlerCalls = 0;
    await Summarizer.create({
      monitor(m) {
        m.addEventListener('downloadprogress', (e) => later.push(e.loaded));
        m.ondownloadprogress = () => handlerCalls++;
      },
    });
    assert.deepEqual(later, []);
    assert.equal(handlerCalls, 0);
    assert.equal(await Summarizer.availability(), 'available');
    assert.deepEqual(fetched, [url]);
    assert.equal(await precis.load({ wasmUrl: url }), await precis.load({ wasmUrl: url }), 'one Core per module');
  } finally {
    precis.configure({});
    globalThis.fetch = savedFetch;
  }
});

test('a failed download rejects create() with NetworkError and can be retried', async () => {
  const savedFetch = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = async () => {
    calls++;
    return new Response('missing', { status: 404 });
  };
  try {
    precis.configure({ wasmUrl: 'http://precis.test/missing/precis.wasm' });
    await rejectsWith(Summarizer.create(), 'NetworkError');
    assert.equal(await Summarizer.availability(), 'unavailable');
    assert.equal(calls, 2, 'a failed load is not cached');
  } finally {
    precis.configure({});
    globalThis.fetch = savedFetch;
  }
});

// Every JS file of the package and of the page bundled from it.
const shippedJs = () => [PACKAGE, DIST].flatMap((dir) => readdirSync(dir).filter((f) => /\.(m?js)$/.test(f)).map((f) => join(dir, f)));

test('no eval, new Function or Function( in any shipped JS', () => {
  const files = shippedJs();
  for (const name of ['precis.js', 'precis-worker.js', 'precis-core.js', 'polyfill.js']) assert.ok(files.includes(join(PACKAGE, name)), `${name} in ${files.join(' ')}`);
  for (const f of files) {
    const source = readFileSync(f, 'utf8');
    for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\b/, /\bFunction\s*\(/, /\bsetTimeout\s*\(\s*['"`]/, /\bsetInterval\s*\(\s*['"`]/]) {
      assert.doesNotMatch(source, pattern, `${f} contains ${pattern}`);
    }
  }
});

test('precis.wasm imports five inert functions and nothing that could run code', () => {
  const module = new WebAssembly.Module(readFileSync(join(PACKAGE, 'precis.wasm')));
  const imports = WebAssembly.Module.imports(module)
    .map((i) => `${i.kind} ${i.module}.${i.name}`)
    .sort();
  assert.deepEqual(imports, [
    'function env.emscripten_notify_memory_growth',
    'function wasi_snapshot_preview1.clock_time_get',
    'function wasi_snapshot_preview1.environ_get',
    'function wasi_snapshot_preview1.environ_sizes_get',
    'function wasi_snapshot_preview1.proc_exit',
  ]);
  // The import object the loader builds holds exactly those, none of them
  // taking a string of code (emscripten_run_script, eval-style glue).
  const source = readFileSync(join(PACKAGE, 'precis-core.js'), 'utf8');
  assert.doesNotMatch(source, /emscripten_run_script|emscripten_asm_const|_emval|UTF8ToString\s*\(/);
});

test('no shipped JS writes HTML from strings (innerHTML, outerHTML, insertAdjacentHTML, document.write…)', () => {
  const files = shippedJs();
  assert.ok(files.includes(join(DIST, 'app.js')) && files.includes(join(DIST, 'sw.js')), files.join(' '));
  const sinks = [
    /\.innerHTML\b/,
    /\.outerHTML\b/,
    /\binsertAdjacentHTML\b/,
    /\bdocument\.write(ln)?\b/,
    /\bcreateContextualFragment\b/,
    /\bDOMParser\b/,
    /\bsetHTMLUnsafe\b/,
    /\bsrcdoc\b/,
  ];
  for (const f of files) {
    const source = readFileSync(f, 'utf8');
    for (const pattern of sinks) assert.doesNotMatch(source, pattern, `${f} uses ${pattern}`);
  }
});

test('bundlers can see the wasm and the worker: literal new URL(…, import.meta.url) forms, no other import.meta', () => {
  const core = readFileSync(join(PACKAGE, 'precis-core.js'), 'utf8');
  const api = readFileSync(join(PACKAGE, 'precis.js'), 'utf8');
  // (The package's modules come out of esbuild's transform: either quote.)
  assert.match(core, /new URL\((['"])\.\/precis\.wasm\1, import\.meta\.url\)/);
  assert.match(api, /new Worker\(new URL\((['"])\.\/precis-worker\.js\1, import\.meta\.url\), \{ type: (['"])module\2 \}\)/);
  for (const f of ['precis.js', 'precis-core.js', 'precis-worker.js', 'polyfill.js']) {
    const source = readFileSync(join(PACKAGE, f), 'utf8').replace(/new URL\((['"])\.\/precis(\.wasm|-worker\.js)\1, import\.meta\.url\)/g, '');
    assert.doesNotMatch(source, /import\.meta/, `${f}: a bare import.meta (webpack would put the build machine's path there)`);
    assert.doesNotMatch(source, /\bimport\s*\(/, `${f}: a dynamic import() that a browser bundler would try to resolve`);
  }
});
