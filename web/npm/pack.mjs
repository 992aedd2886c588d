// Finishes the npm package folder that the wasm build assembled and packs it:
// writes package.json from package.template.json with the version of the core
// (kVersion in core/include/precis/precis.hpp), checks that every file the
// template ships is there, then runs `npm pack` (offline: nothing to fetch).
//   node web/npm/pack.mjs PACKAGE_DIR OUT_DIR
// Prints the tarball's path; OUT_DIR/<name>-<version>.tgz is the package.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, out] = process.argv.slice(2).map((p) => resolve(p));
if (!dir || !out) {
  console.error('usage: node web/npm/pack.mjs PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
const root = fileURLToPath(new URL('../..', import.meta.url));
const header = readFileSync(join(root, 'core/include/precis/precis.hpp'), 'utf8');
const version = header.match(/kVersion\s*=\s*"([^"]+)"/)?.[1];
if (!version) throw new Error('kVersion not found in core/include/precis/precis.hpp');

const manifest = JSON.parse(readFileSync(new URL('./package.template.json', import.meta.url), 'utf8'));
manifest.version = version;
const missing = [...manifest.files, 'README.md', 'LICENSE'].filter((f) => !existsSync(join(dir, f)));
if (missing.length) throw new Error(`the package folder ${dir} lacks ${missing.join(', ')}`);
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// Older tarballs of this package (another version) would be mistaken for this one.
for (const f of readdirSync(out)) if (f.startsWith(`${manifest.name}-`) && f.endsWith('.tgz')) rmSync(join(out, f));
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--offline', '--pack-destination', out], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
console.log(join(out, packed.filename));
