// Documents on the page, in Debian's Chromium: real PDFs and an EPUB from
// Debian packages' documentation, a DOCX written by python-docx, and broken,
// encrypted, scanned and oversized files, dropped on the page as a user does.
// Checks that the readers load only when such a file comes, that the summary
// is free of running headers and page numbers, key points per section, the
// messages for bad files, offline use, and the page's CSP (no violations).
//   node --test tests/browser/documents.test.mjs
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, missingPrerequisite, openPage, screenshotPath, serveDist, waitOfflineReady, waitReady } from './helpers.mjs';

const REAL = {
  pdf: '/usr/share/doc/r-doc-pdf/manual/R-intro.pdf', // 113 pages
  pdf52: '/usr/share/doc/r-doc-pdf/manual/R-FAQ.pdf', // 52 pages
  epub: '/usr/share/doc/live-manual/epub/live-manual.en.epub',
};
const missing = Object.values(REAL).find((p) => !existsSync(p));
const skip = missingPrerequisite() ?? (missing ? `no ${missing} (toolchain/setup.sh installs it)` : null);
// The running headers of the R manuals: "Chapter 3: Objects, their modes and attributes 15", "Appendix A: A sample session 79".
const HEADER = /(?:Chapter \d+|Appendix [A-Z]): [^.\n]{3,70}? \d{1,3}(?: |\n|$)/;
const scratch = mkdtempSync(join(tmpdir(), 'precis-page-documents-'));

/** A PDF of `pages` pages that each show one grey image and no text: what a scanner makes. */
function imageOnlyPdf(pages) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids = [];
  const image = 3;
  objects.push('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream');
  for (let p = 0; p < pages; p++) {
    const content = 'q 400 0 0 600 100 100 cm /Im1 Do Q';
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('documents on the page', { skip: skip ?? false }, () => {
  let browser;
  let server;
  let url;
  let page;
  let context;
  let problems;

  before(async () => {
    ({ server, url } = await serveDist());
    browser = await launchBrowser();
    ({ context, page, problems } = await openPage(browser, url));
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  afterEach(async () => {
    const csp = page && !page.isClosed() ? await page.evaluate(() => window.__cspViolations ?? []).catch(() => []) : [];
    const seen = [...problems, ...csp];
    problems.length = 0;
    assert.deepEqual(seen, [], 'no page errors, dialogs or CSP violations');
  });

  async function fresh() {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitReady(page);
  }

  /** Drops the bytes as a file named `name` on the text area, as a user's drag and drop does. */
  async function drop(bytes, name, type = '') {
    await page.evaluate(
      ([b64, name, type]) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type }));
        const target = document.getElementById('input');
        for (const kind of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [Buffer.from(bytes).toString('base64'), name, type],
    );
  }

  /** Waits until the document is read and summarized (or refused); returns the page's state. */
  async function settled() {
    await page.waitForFunction(
      () =>
        !document.documentElement.dataset.reading &&
        (!document.getElementById('error').hidden || (!document.getElementById('original-card').hidden && document.getElementById('busy').hidden)),
      null,
      { timeout: 60_000 },
    );
    return page.evaluate(() => ({
      error: document.getElementById('error').hidden ? null : document.getElementById('error').textContent,
      meter: document.getElementById('meter').textContent,
      text: document.getElementById('input').value,
      chosen: [...document.querySelectorAll('#summary a.sent')].map((a) => a.textContent),
      sections: [...document.querySelectorAll('#summary .section-summary h3')].map((h) => h.textContent),
      readMs: Number(document.documentElement.dataset.documentMs),
      summarizeMs: document.getElementById('stat-time').textContent,
    }));
  }

  test('the readers are not loaded until a document comes; a real 113-page PDF then reads without its running headers', async () => {
    await fresh();
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.deepEqual((await loaded()).filter((p) => p.includes('/documents/')), [], 'the first load fetches no document reader');
    await drop(readFileSync(REAL.pdf), 'R-intro.pdf', 'application/pdf');
    const r = await settled();
    assert.equal(r.error, null);
    assert.match(r.meter, /^R-intro\.pdf · 113 pages · [\d,]+ characters read · \d+ headings/);
    assert.ok((await loaded()).some((p) => p.endsWith('/documents/pdf.js')));
    // The text handed to the core, and the summary: no running header, no page number.
    assert.doesNotMatch(r.text, HEADER);
    assert.doesNotMatch(r.text, /\n\d{1,3}\n/);
    assert.equal(r.chosen.length, 3);
    for (const s of r.chosen) {
      assert.doesNotMatch(s, HEADER);
      assert.doesNotMatch(s, /^\d+$|An Introduction to R \d/);
    }
    assert.match(r.text, /A further coercion, or change of mode, reconstructs the numerical vector again/);
    console.log(`R-intro.pdf (113 pages): read ${r.readMs} ms, summarized ${r.summarizeMs}`);
  });

  test('key points per section: chapters of the PDF outline as headings, in order', async () => {
    await fresh();
    await page.click('label:has(#per-section)');
    await drop(readFileSync(REAL.pdf52), 'R-FAQ.pdf');
    const r = await settled();
    assert.equal(r.error, null);
    assert.match(r.meter, /^R-FAQ\.pdf · 52 pages/);
    assert.ok(r.sections.length >= 5, `sections: ${r.sections.join(' | ')}`);
    assert.ok(r.sections.includes('1 Introduction'), r.sections.join(' | '));
    assert.ok(r.sections.indexOf('1 Introduction') < r.sections.indexOf('2 R Basics'));
    for (const s of r.chosen) assert.doesNotMatch(s, /^#|R FAQ \d/);
    console.log(`R-FAQ.pdf (52 pages): read ${r.readMs} ms, summarized ${r.summarizeMs}, ${r.sections.length} sections`);
    await page.screenshot({ path: screenshotPath('document-per-section.png') });
  });

  test('an EPUB (Debian Live manual) and a DOCX (python-docx) read into sections', async () => {
    await fresh();
    await page.click('label:has(#per-section)');
    await drop(readFileSync(REAL.epub), 'live-manual.en.epub');
    const e = await settled();
    assert.equal(e.error, null);
    assert.match(e.meter, /^live-manual\.en\.epub · [\d,]+ characters read · \d+ headings$/);
    assert.ok(e.sections.length >= 10, e.sections.join(' | '));

    const docx = join(scratch, 'water.docx');
    const made = spawnSync('/usr/bin/python3', ['-c', `
import docx, sys
d = docx.Document()
d.add_heading('Water report', 0)
for title in ['Introduction', 'Findings', 'Recommendations']:
    d.add_heading(title, 1)
    d.add_paragraph(f'The {title.lower()} of the review come first here. Then the {title.lower()} are explained in detail. Finally the {title.lower()} close with numbers.')
d.save(sys.argv[1])
`, docx]);
    assert.equal(made.status, 0, String(made.stderr));
    await drop(readFileSync(docx), 'water.docx');
    const d = await settled();
    assert.equal(d.error, null);
    assert.deepEqual(d.sections, ['Introduction', 'Findings', 'Recommendations']);
  });

  test('bad files get a clear message: encrypted, scanned, damaged, not a document, too large', async () => {
    await fresh();
    const message = async (bytes, name) => {
      await drop(bytes, name);
      const r = await settled();
      assert.ok(r.error, `${name}: an error is shown`);
      return r.error;
    };
    // Encrypted with a user password (qpdf), and with an owner password only (readable, so read).
    const locked = join(scratch, 'locked.pdf');
    const open = join(scratch, 'owner-only.pdf');
    assert.equal(spawnSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', REAL.pdf52, locked]).status, 0);
    assert.equal(spawnSync('qpdf', ['--encrypt', '', 'owner', '256', '--', REAL.pdf52, open]).status, 0);
    assert.match(await message(readFileSync(locked), 'locked.pdf'), /Could not read “locked\.pdf”.*protected with a password/);
    await drop(readFileSync(open), 'owner-only.pdf');
    assert.equal((await settled()).error, null, 'a PDF with only an owner password opens');
    assert.match(await message(imageOnlyPdf(3), 'scan.pdf'), /no text layer \(3 pages, 0 characters of text\): it looks scanned.*OCR/);
    assert.match(await message(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]), 'broken.pdf'), /Could not read “broken\.pdf”/);
    assert.match(await message(readFileSync(REAL.pdf).subarray(0, 40_000), 'cut.pdf'), /Could not read “cut\.pdf”|no text layer/);
    assert.match(await message(Buffer.from('not a zip at all'), 'notes.docx'), /not a Word document \(\.docx\)/);
    assert.match(await message(Buffer.from('PK\x03\x04 broken zip'), 'book.epub'), /e-book is damaged|not an EPUB/);
    // Too large: refused before it is read.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.pdf'));
      document.getElementById('input').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    const big = await settled();
    assert.match(big.error, /This PDF is 65 MiB; precis reads documents up to 64 MiB/);
    // The page still works after all that.
    await drop(readFileSync(REAL.pdf52), 'R-FAQ.pdf');
    assert.equal((await settled()).error, null);
  });

  test('offline: the service worker has the readers, a PDF opens without the network', async () => {
    await fresh();
    await waitOfflineReady(page);
    const cached = await page.evaluate(async () => {
      const list = await (await caches.match('documents/manifest.json')).json();
      const names = Object.keys(list.files);
      return { names, cached: await Promise.all(names.map(async (n) => Boolean(await caches.match(`documents/${n}`)))) };
    });
    assert.ok(cached.names.includes('pdf.js') && cached.names.includes('pdf.worker.mjs'), cached.names.join(' '));
    assert.deepEqual(cached.cached, cached.names.map(() => true));
    await context.setOffline(true);
    try {
      await page.reload();
      await waitReady(page);
      await drop(readFileSync(REAL.pdf52), 'R-FAQ.pdf');
      const r = await settled();
      assert.equal(r.error, null);
      assert.equal(r.chosen.length, 3);
    } finally {
      await context.setOffline(false);
    }
  });
});
