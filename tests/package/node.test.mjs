// The npm package as Node 20 sees it: the tarball's contents and manifest,
// an offline install into an empty project, `import { summarize } from
// 'precis-summarizer'` on a file, the exports map (unlisted files are not
// importable), and the polyfill entry (installs Summarizer where it is
// missing, leaves an existing one alone).
//   node --test tests/package/node.test.mjs
// Env: PRECIS_WASM_PACKAGE, PRECIS_PACKAGE_SCRATCH, PRECIS_SHARED.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MANIFEST, NAME, PACKAGE, ROOT, TARBALL, article, consumerProject, run, skipReason as skip } from './consumer.mjs';

const SHIPPED = ['precis.js', 'precis-core.js', 'precis-worker.js', 'polyfill.js', 'precis.wasm', 'precis.d.ts', 'precis-worker.d.ts', 'polyfill.d.ts'];
let project;
let installed;

before(() => {
  if (skip) return;
  project = consumerProject('node');
  installed = join(project, 'node_modules', NAME);
  writeFileSync(join(project, 'article.txt'), article());
});

/** Runs an ES module in the consumer project; returns its JSON output. */
function runModule(name, source, nodeArgs = []) {
  writeFileSync(join(project, name), source);
  return JSON.parse(run(process.execPath, [...nodeArgs, name], { cwd: project }));
}

test('the tarball holds the library, its types, README, LICENSE and package.json, and nothing else', { skip }, () => {
  const listed = run('tar', ['-tzf', TARBALL]).trim().split('\n').map((p) => p.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, [...SHIPPED, 'LICENSE', 'README.md', 'package.json'].sort());
  assert.deepEqual(readdirSync(installed).sort(), listed, 'npm installed exactly the tarball');
  for (const f of SHIPPED) assert.deepEqual(readFileSync(join(installed, f)), readFileSync(join(PACKAGE, f)), `${f} as built`);
});

test('package.json: version of the core, ES module, exports with types, no dependencies', { skip }, () => {
  const kVersion = readFileSync(join(ROOT, 'core/include/precis/precis.hpp'), 'utf8').match(/kVersion\s*=\s*"([^"]+)"/)[1];
  const m = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(m.name, MANIFEST.name);
  assert.equal(m.version, kVersion);
  assert.equal(m.type, 'module');
  for (const entry of ['.', './worker', './polyfill']) {
    const conditions = Object.keys(m.exports[entry]);
    assert.deepEqual(conditions, ['types', 'default'], `${entry}: "types" first, then "default"`);
    for (const f of Object.values(m.exports[entry])) assert.ok(SHIPPED.includes(f.replace('./', '')), `${entry} → ${f} is shipped`);
  }
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'scripts']) assert.equal(m[key], undefined, `no ${key}`);
  assert.deepEqual(m.sideEffects, ['./polyfill.js', './precis-worker.js']);
  assert.match(m.engines.node, /^>=20/);
  assert.match(m.license, /^MIT\b/);
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /UNICODE, INC\. LICENSE AGREEMENT/, 'ICU\'s licence travels with the ICU code in the wasm');
});

test('wasm + JS stay within 250 KB gzip', { skip }, () => {
  const gzip = SHIPPED.filter((f) => /\.(js|wasm)$/.test(f)).reduce((n, f) => n + gzipSync(readFileSync(join(installed, f)), { level: 9 }).length, 0);
  assert.ok(gzip <= 250 * 1024, `${(gzip / 1024).toFixed(1)} KB gzip`);
});

test("import { summarize } from the package summarizes a file", { skip }, async () => {
  const out = runModule(
    'summarize-file.mjs',
    `import { readFileSync } from 'node:fs';
import { summarize, keywords } from '${NAME}';
const text = readFileSync('article.txt', 'utf8');
const result = await summarize(text, { sentences: 3 });
const chosen = result.sentences.filter((s) => s.selected).map((s) => text.slice(s.utf16Start, s.utf16End));
console.log(JSON.stringify({ language: result.language, summary: result.summary, chosen, keywords: await keywords(text, { limit: 3 }) }));
`,
  );
  const text = article();
  const expected = await (await import(pathToFileURL(join(PACKAGE, 'precis.js')).href)).summarize(text, { sentences: 3 });
  assert.equal(out.language, 'en');
  assert.equal(out.chosen.length, 3);
  for (const s of out.chosen) assert.ok(text.includes(s));
  assert.equal(out.summary, expected.summary);
  assert.equal(out.keywords.length, 3);
});

test('only the exported entries resolve: internal files are not importable', { skip }, () => {
  const out = runModule(
    'exports.mjs',
    `const tryImport = (s) => import(s).then((m) => Object.keys(m).sort(), (e) => e.code);
console.log(JSON.stringify({
  main: await tryImport('${NAME}'),
  worker: await tryImport('${NAME}/worker'),
  core: await tryImport('${NAME}/precis-core.js'),
  file: await tryImport('${NAME}/precis.js'),
}));
`,
  );
  assert.ok(out.main.includes('summarize') && out.main.includes('Summarizer') && out.main.includes('createWorkerSummarizer'), out.main.join(' '));
  assert.deepEqual(out.worker, ['handle'], 'the worker module, imported outside a worker, only exports its handler');
  assert.equal(out.core, 'ERR_PACKAGE_PATH_NOT_EXPORTED');
  assert.equal(out.file, 'ERR_PACKAGE_PATH_NOT_EXPORTED');
});

const polyfillCheck = `import { installed, Summarizer } from '${NAME}/polyfill';
import { Summarizer as Precis } from '${NAME}';
const s = globalThis.Summarizer;
const summary = s === Precis ? await (await s.create({ type: 'tldr', length: 'short' })).summarize('Rain fell on Paris all week. The river rose by two metres. Officials closed the quays.') : null;
console.log(JSON.stringify({ installed, isPrecis: s === Precis, exported: Summarizer === s, own: s?.own ?? null, enumerable: Object.keys(globalThis).includes('Summarizer'), summary }));
`;

test('the polyfill entry installs Summarizer where the environment has none (Node)', { skip }, () => {
  const out = runModule('polyfill.mjs', polyfillCheck);
  assert.deepEqual(out, { installed: true, isPrecis: true, exported: true, own: null, enumerable: false, summary: out.summary });
  assert.match(out.summary, /^\S.*\.$/, 'the installed Summarizer works');
});

test('the polyfill entry leaves an existing Summarizer alone', { skip }, () => {
  writeFileSync(join(project, 'own-summarizer.mjs'), "globalThis.Summarizer = { own: 'the environment\\'s' };\n");
  const out = runModule('polyfill.mjs', polyfillCheck, ['--import', './own-summarizer.mjs']);
  assert.deepEqual(out, { installed: false, isPrecis: false, exported: true, own: "the environment's", enumerable: true, summary: null });
});
