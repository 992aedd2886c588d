// TypeScript against the installed package: a consumer of every documented
// entry point (types/consumer.ts) type-checks under --strict with
// moduleResolution bundler and node16, the declarations coming through the
// `exports` map's "types" conditions; misuse and unexported paths fail, so
// the check itself works.
//   node --test tests/package/types.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NAME, ROOT, consumerProject, skipReason as skip } from './consumer.mjs';

const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
const consumer = readFileSync(new URL('./types/consumer.ts', import.meta.url), 'utf8');
const MODES = {
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
};
let project;

before(() => {
  if (!skip) project = consumerProject('types');
});

function check(mode, source) {
  writeFileSync(join(project, 'consumer.ts'), source);
  // "types": [] keeps the repository's @types (up the folder tree) out of it.
  const compilerOptions = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], ...MODES[mode] };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
  return spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles'], { cwd: project, encoding: 'utf8' });
}

for (const mode of Object.keys(MODES)) {
  test(`moduleResolution ${mode}: every documented use compiles, with the package's own declarations`, { skip }, () => {
    const r = check(mode, consumer);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const files = r.stdout.split('\n');
    for (const d of ['precis.d.ts', 'polyfill.d.ts', 'precis-worker.d.ts']) {
      assert.ok(files.includes(join(project, 'node_modules', NAME, d)), `${d} from the installed package`);
    }
  });

  test(`moduleResolution ${mode}: misuse and unexported paths are errors`, { skip }, () => {
    const misuse = check(mode, `${consumer}\nconst bad: number = (await summarize('x')).language;\nexport { bad };\n`);
    assert.notEqual(misuse.status, 0);
    assert.match(misuse.stdout, /TS2322/);
    const internal = check(mode, `import { loadCore } from '${NAME}/precis-core.js';\nexport { loadCore };\n`);
    assert.notEqual(internal.status, 0);
    assert.match(internal.stdout, /TS2307/, internal.stdout);
  });
}
