// Documents dropped on the page in headless Chromium (Debian's, through
// playwright-core): from the drop to the summary on screen, for real PDFs and
// an EPUB from Debian packages' documentation (toolchain/debian-packages.txt).
// Prints one row per document: pages, characters read, then medians over
// --passes drops of: reading (the lazy reader's import + text extraction +
// layout), summarizing (the core in its worker), and the whole drop → summary.
// The first drop of a run also loads the reader modules (cold); later drops
// reuse them (warm): both are printed.
//   node bench/documents.mjs [--dist build/wasm/dist] [--passes 5] [--per-section] [--out FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../web/serve.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const dist = resolve(arg('--dist', 'build/wasm/dist'));
const passes = Number(arg('--passes', '5'));
const perSection = argv.includes('--per-section');
const out = arg('--out', null);
const GOAL_MS = 2000; // a 50-page PDF, drop → summary (issue 18)

const DOCUMENTS = [
  { file: '/usr/share/doc/r-doc-pdf/manual/R-FAQ.pdf', label: 'R FAQ (PDF, r-doc-pdf)', goal: true },
  { file: '/usr/share/doc/r-doc-pdf/manual/R-data.pdf', label: 'R Data Import/Export (PDF)' },
  { file: '/usr/share/doc/r-doc-pdf/manual/R-intro.pdf', label: 'An Introduction to R (PDF)' },
  { file: '/usr/share/doc/live-manual/epub/live-manual.en.epub', label: 'Live Systems Manual (EPUB)' },
];
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const d of DOCUMENTS) {
  if (!existsSync(d.file)) throw new Error(`${d.file} is missing (toolchain/setup.sh installs it)`);
}
if (!existsSync(resolve(dist, 'documents/pdf.js'))) throw new Error(`no documents/ in ${dist}: build the wasm preset first`);

const server = await startServer(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.PRECIS_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const rows = [];
try {
  for (const d of DOCUMENTS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    if (perSection) await page.click('label:has(#per-section)');
    const b64 = readFileSync(d.file).toString('base64');
    const runs = [];
    for (let pass = 0; pass < passes; pass++) {
      // Clear first, so that each drop is summarized from scratch.
      await page.click('#clear');
      const name = d.file.split('/').pop();
      const result = await page.evaluate(
        async ([b64, name]) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name));
          const start = performance.now();
          document.getElementById('input').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          // Done when the reader has finished and the summary of the new text is on screen.
          for (;;) {
            await new Promise((r) => setTimeout(r, 5));
            const html = document.documentElement;
            const error = !document.getElementById('error').hidden;
            const shown = !document.getElementById('original-card').hidden && document.getElementById('busy').hidden &&
              document.getElementById('original').textContent.length > 0 && document.getElementById('original').textContent === document.getElementById('input').value;
            if (!html.dataset.reading && (error || shown)) {
              return {
                error: error ? document.getElementById('error').textContent : null,
                totalMs: performance.now() - start,
                readMs: Number(html.dataset.documentMs),
                meter: document.getElementById('meter').textContent,
                summarizeMs: document.getElementById('stat-time').textContent,
              };
            }
          }
        },
        [b64, name],
      );
      if (result.error) throw new Error(`${d.label}: ${result.error}`);
      runs.push(result);
    }
    await context.close();
    const pages = /(\d+) pages?/.exec(runs[0].meter)?.[1] ?? '–';
    const chars = /([\d,]+) characters read/.exec(runs[0].meter)?.[1] ?? '–';
    const warm = runs.slice(1);
    const row = {
      document: d.label,
      pages,
      characters: chars,
      coldTotalMs: Math.round(runs[0].totalMs),
      readMs: Math.round(median(warm.map((r) => r.readMs))),
      summarizeMs: Math.round(median(warm.map((r) => parseFloat(r.summarizeMs.replace(/,/g, ''))))),
      totalMs: Math.round(median(warm.map((r) => r.totalMs))),
      goal: d.goal ? `≤ ${GOAL_MS} ms` : '',
    };
    row.met = d.goal ? (Math.max(row.totalMs, row.coldTotalMs) <= GOAL_MS ? 'yes' : 'NO') : '';
    rows.push(row);
  }
} finally {
  await browser.close();
  server.close();
}

const version = browser.version();
console.log(`documents on the page, headless Chromium ${version}, median of ${passes - 1} warm drops${perSection ? ', per section' : ''}`);
const head = ['document', 'pages', 'chars read', 'cold drop→summary', 'read', 'summarize', 'drop→summary', 'goal', 'met'];
const table = [head, ...rows.map((r) => [r.document, r.pages, r.characters, `${r.coldTotalMs} ms`, `${r.readMs} ms`, `${r.summarizeMs} ms`, `${r.totalMs} ms`, r.goal, r.met])];
const widths = head.map((_, i) => Math.max(...table.map((t) => String(t[i]).length)));
for (const t of table) console.log(t.map((c, i) => String(c).padEnd(widths[i])).join('  '));
if (out) writeFileSync(out, JSON.stringify({ chromium: version, passes, perSection, rows }, null, 2));
if (rows.some((r) => r.met === 'NO')) process.exitCode = 1;
