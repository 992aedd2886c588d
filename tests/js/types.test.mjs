// precis.d.ts describes the API that developers compile against: a consumer
// using every documented entry point must type-check under `tsc --strict`,
// and a consumer that misuses a type must not (so the check itself works).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PACKAGE, ROOT } from './env.mjs';

const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
const consumer = readFileSync(new URL('./types/consumer.ts', import.meta.url), 'utf8');

function check(source) {
  const dir = mkdtempSync(join(tmpdir(), 'precis-types-'));
  try {
    copyFileSync(join(PACKAGE, 'precis.d.ts'), join(dir, 'precis.d.ts'));
    writeFileSync(join(dir, 'consumer.ts'), source);
    const args = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler',
      '--lib', 'es2022,dom', join(dir, 'consumer.ts')];
    return spawnSync(process.execPath, [tsc, ...args], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a consumer of every documented entry point type-checks against the shipped precis.d.ts', () => {
  const r = check(consumer);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('misuse is caught: a result field used as the wrong type fails to compile', () => {
  const r = check(`${consumer}\nconst bad: number = (await summarize('x')).language;\nexport { bad };\n`);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /TS2322/);
});
