// Reliability of the wasm module through the JS loader (issue #8): no leak
// over 10,000 calls, an out-of-memory becomes a JS error and the module stays
// usable, and the input contract (size limit, invalid options, empty input,
// NUL/control characters, ill-formed text) holds through JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPackage } from './env.mjs';
import { BLOCK, allocateAll, freeAll, heapInUse } from './heap.mjs';

const { loadCore, CoreError } = await importPackage('precis-core.js');
// One compiled module; each test gets its own fresh instance.
const { module } = await loadCore();
const freshCore = () => loadCore({ module });

const ARTICLE =
  'Harbour town plans new bridge\n\n' +
  'The council of the harbour town approved a new bridge over the river on Monday. ' +
  'The bridge will cost four million euros and should open in two years. ' +
  'Farmers on the east bank have waited for a crossing for decades.\n\n' +
  'The minister said the state would pay half of the cost. ' +
  'Work on the bridge starts in the spring, when the river is low.\n';

const WORDS = 'river council budget school market energy harbour village report station museum forest'.split(' ');
let seed = 1;
const rand = (n) => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
};
const sentence = () => {
  const n = 4 + rand(14);
  const w = Array.from({ length: n }, () => WORDS[rand(WORDS.length)]);
  return w[0][0].toUpperCase() + w.join(' ').slice(1) + '.';
};
// Varied inputs: prose of varied length, scripts, emoji, controls, empty, markup.
const VARIANTS = [
  () => Array.from({ length: 1 + rand(30) }, sentence).join(rand(3) ? ' ' : '\n\n'),
  () => ARTICLE,
  () => '经济新闻\n\n中国经济在第三季度增长了百分之五。分析人士认为，消费需求正在恢复。出口也比去年同期有所增加。',
  () => 'ارتفعت أسعار النفط اليوم. وقال المحللون إن الطلب يتزايد. وتراجعت الأسهم في الأسواق.',
  () => 'Party 🎉 time. We celebrated 🎂 with friends! Everyone 😀 stayed late.',
  () => 'Line\u0000with NUL.\u0007 Bell \u001b[31m escape.\r\nNext line \uFFFF here. \uD800 lone surrogate.',
  () => '',
  () => ' \n\t ',
  () => '<p>Markup <script>alert(1)</script> and &amp; entities.</p><img src=x onerror=alert(2)>',
  () => '... !!! ???',
];
const OPTIONS = [
  {},
  { sentences: 1 },
  { ratio: 0.5 },
  { words: 15 },
  { characters: 80 },
  { mode: 'headline', headlineWords: 5 },
  { clean: false, keywords: 0 },
  { redundancy: 1, language: 'en' },
];

test('10,000 consecutive calls with varied inputs leave the wasm heap at its baseline', async () => {
  const core = await freshCore();
  // Warm-up: the largest input of the run first, so the heap reaches its peak.
  const big = Array.from({ length: 4000 }, sentence).join(' ');
  core.summarize(big, { sentences: 5 });
  for (let i = 0; i < 200; ++i) core.summarize(VARIANTS[i % VARIANTS.length](), OPTIONS[i % OPTIONS.length]);
  core.summarize(big, { sentences: 5 });
  const baselineUsed = heapInUse(core);
  const baselineBytes = core.memoryBytes;
  let selected = 0;
  for (let i = 0; i < 10000; ++i) {
    const text = VARIANTS[rand(VARIANTS.length)]();
    const r = core.summarize(text, OPTIONS[rand(OPTIONS.length)]);
    selected += r.stats.selected;
    if (i % 97 === 0) {
      // Errors are calls too: they must not leak either.
      assert.throws(() => core.summarize(text, { ratio: 2 }), CoreError);
    }
  }
  assert.ok(selected > 5000, 'the calls did real work');
  assert.equal(core.memoryBytes, baselineBytes, 'wasm memory grew over 10,000 calls');
  const after = heapInUse(core);
  // Fragmentation may cost a block or two; a leak of even 8 bytes per call
  // would cost five.
  assert.ok(after <= baselineUsed + 2 * BLOCK, `heap in use grew from ${baselineUsed} to ${after} bytes`);
});

test('out of memory inside wasm becomes a CoreError and the module stays usable', async () => {
  const core = await freshCore();
  // Take almost all of the 2 GB the module may grow to, then ask for a
  // summary that needs more than what is left: cheap (memory is reserved,
  // not touched) and the same path as a genuinely huge input.
  allocateAll(core, 64 << 20);
  // Then fill what is left to the last megabyte, and give back 16 MB: room
  // for the request (what is left after 64 MB blocks depends on the module's
  // own memory layout), not for the summary.
  freeAll(core, allocateAll(core, 1 << 20).slice(-16));
  assert.ok(core.memoryBytes > 1.8 * 2 ** 30, `memory only grew to ${core.memoryBytes}`);
  const text = Array.from({ length: 40000 }, sentence).join(' '); // ~3 MB; needs tens of MB inside
  let error;
  try {
    core.summarize(text, { sentences: 3 });
  } catch (err) {
    error = err;
  }
  assert.ok(error instanceof CoreError, `expected a CoreError, got ${error}`);
  assert.match(error.message, /memory/i);
  // The module is usable again, with its memory back to normal.
  const r = core.summarize(ARTICLE, { sentences: 2 });
  assert.equal(r.stats.selected, 2);
  assert.ok(core.memoryBytes < 256 << 20, `memory after recovery: ${core.memoryBytes}`);
  // A big input works once memory is free again.
  assert.equal(core.summarize(text, { sentences: 3 }).stats.selected, 3);
});

test('a request larger than the free heap becomes a CoreError, then calls succeed', async () => {
  const core = await freshCore();
  const hog = allocateAll(core, 64 << 20);
  // The request itself cannot be copied in.
  assert.throws(() => core.summarize('x'.repeat(80 << 20), { maxInputBytes: 1 << 30 }), CoreError);
  freeAll(core, hog);
  assert.equal(core.summarize(ARTICLE).stats.selected, 3);
});

test('input above maxInputBytes is refused naming text; the limit is configurable', async () => {
  const core = await freshCore();
  const text = 'word '.repeat(300);
  assert.throws(() => core.summarize(text, { maxInputBytes: 1000 }), (err) => {
    assert.ok(err instanceof CoreError);
    assert.equal(err.field, 'text');
    assert.match(err.message, /1500 bytes.*1000/);
    return true;
  });
  assert.ok(core.summarize(text, { maxInputBytes: 1500 }));
  // The default limit is 16 MiB (UTF-8 bytes, not UTF-16 units).
  assert.throws(() => core.summarize('é'.repeat((8 << 20) + 1)), (err) => err.field === 'text');
  assert.throws(() => core.summarize('x', { maxInputBytes: 2 ** 30 + 1 }), (err) => err.field === 'options.maxInputBytes');
});

test('invalid options through the JS API name the option and the allowed range', async () => {
  const core = await freshCore();
  const cases = [
    [{ sentences: 0 }, 'options.sentences', /1 to 100000/],
    [{ sentences: 2.5 }, 'options.sentences', /whole number/],
    [{ ratio: 1.5 }, 'options.ratio', /greater than 0 and at most 1/],
    [{ words: -3 }, 'options.words', /1 to 100000/],
    [{ characters: 1e9 }, 'options.characters', /1 to 100000/],
    [{ headlineWords: 5000 }, 'options.headlineWords', /0 \(no limit\) to 1000/],
    [{ keywords: 101 }, 'options.keywords', /0 to 100/],
    [{ redundancy: 0 }, 'options.redundancy', /greater than 0 and at most 1/],
    [{ language: 'xx' }, 'options.language', /supported/],
    [{ mode: 'poem' }, 'options.mode', /extract.*headline/],
    [{ weights: { salience: 1 } }, 'options.weights', /no longer an option/],
    [{ sentences: 2, words: 5 }, 'options.words', /only one/],
    [{ clean: 'yes' }, 'options.clean', /true or false/],
    [{ bogus: 1 }, 'options.bogus', /unknown option/],
  ];
  for (const [options, field, message] of cases) {
    assert.throws(() => core.summarize(ARTICLE, options), (err) => {
      assert.ok(err instanceof CoreError, String(err));
      assert.equal(err.field, field, JSON.stringify(options));
      assert.match(err.message, message, JSON.stringify(options));
      return true;
    });
  }
  assert.throws(() => core.summarize(42), (err) => err.field === 'text');
});

test('empty and whitespace-only input give an empty summary with a reason', async () => {
  const core = await freshCore();
  for (const text of ['', '   ', '\n\n\t\r\n', '\u00a0\u3000\u2028']) {
    const r = core.summarize(text);
    assert.equal(r.summary, '', JSON.stringify(text));
    assert.deepEqual(r.sentences, []);
    assert.ok(r.notes.length > 0, JSON.stringify(text));
  }
});

test('NUL bytes, control characters and lone surrogates are handled', async () => {
  const core = await freshCore();
  const text = 'First\u0000 sentence with a NUL byte.\u0007 Second \u001b[0m sentence here.\r\n\u000bThird \uD800 one.';
  const r = core.summarize(text, { sentences: 3 });
  assert.ok(r.sentences.length >= 1);
  assert.ok(r.summary.length > 0);
  // UTF-16 offsets index the JS string itself.
  for (const s of r.sentences) {
    assert.ok(s.utf16Start < s.utf16End && s.utf16End <= text.length);
    assert.equal(text.slice(s.utf16Start, s.utf16End).replace(/\uD800/g, '\uFFFD'), s.text);
  }
  assert.ok(r.notes.some((n) => /surrogate/.test(n)), 'the lone surrogate is reported');
  const nul = core.summarize('\u0000'.repeat(1000));
  assert.equal(nul.summary, '');
  assert.ok(nul.notes.length > 0);
});

test('hostile inputs through the JS API give sane results', async () => {
  const core = await freshCore();
  const inputs = {
    longSentence: Array.from({ length: 20000 }, () => WORDS[rand(WORDS.length)]).join(' '),
    oneWordLines: Array.from({ length: 20000 }, () => WORDS[rand(WORDS.length)]).join('\n'),
    emoji: '😀🎉👨‍👩‍👧‍👦 🇬🇧👍🏽 '.repeat(2000),
    combining: 'Z' + '\u0301'.repeat(50000) + ' algo. ' + ARTICLE,
    repeated: 'The council approved the bridge over the river.\n'.repeat(5000),
    rtl: '\u202Bارتفعت أسعار النفط اليوم.\u202C '.repeat(1000),
    punctuation: '... !!! ??? ,,, ;;; --- ((( ))) "" \'\'\n'.repeat(2000),
    mixedScripts: 'The council met today. Der Rat tagte heute. 议会今天开会了。 의회가 오늘 열렸다. Совет собрался сегодня. परिषद की बैठक आज हुई। สภาประชุมวันนี้\n\n'.repeat(300),
    html: '<div><script>alert(1)</script><p>The council approved a new bridge &amp; a road.</p><img src=x onerror="alert(2)"></div>\n'.repeat(500),
    controls: Array.from({ length: 5000 }, (_, i) => `word${String.fromCharCode(i % 32)}${i % 10 === 9 ? '. ' : ''}`).join(''),
  };
  for (const [name, text] of Object.entries(inputs)) {
    const r = core.summarize(text);
    assert.ok(r.summary.length > 0 || r.notes.length > 0, name);
    assert.ok(r.stats.selected <= 3, name);
    for (const s of r.sentences) {
      assert.ok(s.score >= 0 && s.score <= 1, name);
      assert.ok(s.utf16Start < s.utf16End && s.utf16End <= text.length, name);
    }
    if (name === 'punctuation') assert.equal(r.summary, '', name);
    if (name === 'mixedScripts' || name === 'html') assert.ok(r.summary.length > 0, name);
  }
});

test('ill-formed UTF-8 through the wasm C ABI: a request that is not UTF-8 is refused naming it, never a crash', async () => {
  // JSON text is UTF-8 (RFC 8259 §8.1), so raw ill-formed bytes inside a
  // request make it malformed: an error naming "request" and the byte, after
  // which the module keeps working. (Text with ill-formed bytes is summarized
  // with U+FFFD by the core and the CLI; from JS, a string's only ill-formed
  // part can be a lone surrogate, tested above.)
  const core = await freshCore();
  core.summarize(ARTICLE); // instantiate
  const e = core.instance.exports;
  const enc = new TextEncoder();
  const call = (bytes) => {
    const p = e.precis_alloc(bytes.length);
    new Uint8Array(e.memory.buffer, p, bytes.length).set(bytes);
    const out = e.precis_summarize(p, bytes.length);
    const heap = new Uint8Array(e.memory.buffer);
    const response = JSON.parse(new TextDecoder().decode(heap.subarray(out, heap.indexOf(0, out))));
    e.precis_free(p);
    e.precis_free(out);
    return response;
  };
  const prefix = enc.encode('{"text":"Bad ');
  for (const bad of [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
    const request = Buffer.concat([prefix, Buffer.from(bad), enc.encode(' bytes. Second sentence is fine."}')]);
    const response = call(request);
    assert.equal(response.error?.field, 'request', JSON.stringify(response));
    // The byte named (1-based) is where the parser saw the sequence go
    // wrong: inside it, or the byte that cut a truncated one short.
    const at = Number(response.error.message.match(/byte (\d+)/)?.[1]);
    assert.ok(at > prefix.length && at <= prefix.length + bad.length + 1, response.error.message);
    assert.match(response.error.message, /UTF-8/);
  }
  // The same text with U+FFFD in place is summarized, and the module is fine.
  const ok = call(enc.encode('{"text":"Bad \uFFFD bytes. Second sentence is fine.","options":{"sentences":2}}'));
  assert.equal(ok.error, undefined);
  assert.equal(ok.sentences.length, 2);
  assert.equal(core.summarize(ARTICLE, { sentences: 2 }).stats.selected, 2);
});
