// Shared plumbing of the package tests: each test is a consumer project made
// from nothing in the build folder, which installs the packed tarball (never
// the source tree) offline, then imports, type-checks or bundles it.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The package folder the wasm build made; `npm pack` wrote the tarball beside it. */
export const PACKAGE = resolve(process.env.PRECIS_WASM_PACKAGE ?? join(ROOT, 'build/wasm/package'));
export const SCRATCH = resolve(process.env.PRECIS_PACKAGE_SCRATCH ?? join(ROOT, 'build/package-consumers'));
export const SHARED = resolve(process.env.PRECIS_SHARED ?? join(ROOT, '../shared'));
export const APP = fileURLToPath(new URL('./app/', import.meta.url));

const manifestPath = join(PACKAGE, 'package.json');
export const MANIFEST = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
export const NAME = MANIFEST?.name;
export const TARBALL = MANIFEST ? join(dirname(PACKAGE), `${MANIFEST.name}-${MANIFEST.version}.tgz`) : null;

/** Why the package tests cannot run, or false. */
export const skipReason = !MANIFEST ? `no ${manifestPath} (build the wasm preset first)` : !existsSync(TARBALL) ? `no ${TARBALL}` : false;
// CTest sets PRECIS_PACKAGE_REQUIRED: there, a missing package fails instead of skipping.
if (skipReason && process.env.PRECIS_PACKAGE_REQUIRED === '1') throw new Error(skipReason);

/** Runs a command; throws with its output when it fails. Returns stdout. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * A new, empty project SCRATCH/<name> (type: module) with the tarball
 * installed by npm, offline: the package has no dependencies, so nothing may
 * need the network. Returns the project folder.
 */
export function consumerProject(name) {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }, null, 2)}\n`);
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], { cwd: dir });
  const installed = join(dir, 'node_modules', NAME);
  if (lstatSync(installed).isSymbolicLink()) throw new Error(`${installed} is a link, not an installed copy`);
  return dir;
}

/** A BBC article from the shared development set. */
export function article(index = 2) {
  return JSON.parse(readFileSync(join(SHARED, 'data/bbc-dev.jsonl'), 'utf8').split('\n')[index]).text;
}
