// Copies one of the library's ES modules into the npm package without its
// comments (esbuild's transform, not minified: names, layout and imports stay
// as written, so a stack trace still reads like the source). The comments are
// for the repository; the package documents its API in the .d.ts files.
// Saves ~4 KB gzip of the 250 KB budget (docs/size.md).
//   node web/npm/strip.mjs IN OUT
import { readFileSync, writeFileSync } from 'node:fs';

import { transformSync } from 'esbuild';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node web/npm/strip.mjs IN OUT');
  process.exit(2);
}
const { code } = transformSync(readFileSync(input, 'utf8'), {
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  sourcefile: input,
});
writeFileSync(output, code);
