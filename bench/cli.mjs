// What the bench scripts that drive the native CLI share: the repository root,
// `--name value` options from the command line, and the CLI to run.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);

/** The value after `name` on the command line, or `fallback`. */
export function opt(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** Whether the flag `name` is on the command line. */
export const flag = (name) => args.includes(name);

/**
 * The CLI given by --precis (default build/native/precis), resolved from the
 * repository root; exits with `exitCode` and a one-line message when it is
 * not built.
 */
export function precisCli(script, exitCode) {
  const precis = resolve(root, opt('--precis', 'build/native/precis'));
  if (!existsSync(precis)) {
    console.error(`${script}: no CLI at ${precis} (build with: cmake --build --preset native)`);
    process.exit(exitCode);
  }
  return precis;
}
