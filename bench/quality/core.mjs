// Runs the native core over many requests in one process: `precis --jsonl`
// or `precis_features` (same request format), one response per line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './sets.mjs';

export const BUILD = path.join(REPO_ROOT, 'build/native');

/** Path of a native tool in build/native, or an error saying how to build it. */
export function nativeTool(name, given) {
  const bin = path.resolve(given ?? path.join(BUILD, name));
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} not found: build it with toolchain/build.sh native (or cmake --build --preset native)`);
  }
  return bin;
}

/**
 * requests: [{ text, options }]; returns the parsed responses in order. A
 * response with "error" is returned as is (the caller decides).
 */
export function runBatch(bin, requests, args = []) {
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const res = spawnSync(bin, args.length ? args : path.basename(bin) === 'precis' ? ['--jsonl'] : [], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (res.error) throw new Error(`${bin}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${bin} exited ${res.status}: ${res.stderr.trim().split('\n')[0]}`);
  const lines = res.stdout.split('\n').filter(Boolean);
  if (lines.length !== requests.length) throw new Error(`${bin}: ${lines.length} responses for ${requests.length} requests`);
  return lines.map((l) => JSON.parse(l));
}

/** The feature names of precis_features, in the model's weight order. */
export function featureNamesOf(bin) {
  const res = spawnSync(bin, ['--names'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${bin} --names failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}
