// The page's document readers (web/documents) in Node: DOCX and EPUB from
// real files that Debian packages ship (toolchain/debian-packages.txt) and
// generated ones; the PDF layout pass on synthetic pages and on real PDFs
// (read with pdfjs-dist's Node build); bad input gives a DocumentError.
// The CLI then summarizes what the readers produced, per section.
//   node --test tests/js/documents.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { read as readDocx } from '../../web/documents/docx.js';
import { read as readEpub, xhtmlBlocks } from '../../web/documents/epub.js';
import { walkXml } from '../../web/documents/xml.js';
import { joinLines, layoutPages, pageLines, readingOrder } from '../../web/documents/pdf-layout.js';
import { DocumentError, MAX_DOCUMENT_BYTES, blocksToText } from '../../web/documents/common.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = process.env.PRECIS_CLI ?? resolve(ROOT, 'build/native/precis');
// Real documents from Debian packages (installed by toolchain/setup.sh).
export const REAL = {
  epub: '/usr/share/doc/live-manual/epub/live-manual.en.epub',
  epubJa: '/usr/share/doc/live-manual/epub/live-manual.ja.epub',
  pdf: '/usr/share/doc/r-doc-pdf/manual/R-intro.pdf',
  pdf52: '/usr/share/doc/r-doc-pdf/manual/R-FAQ.pdf',
  emptyDocx: '/usr/lib/python3/dist-packages/docx/templates/default.docx',
  pandocDocx: '/usr/share/pandoc/data/docx',
};
const scratch = mkdtempSync(join(tmpdir(), 'precis-documents-'));

function precisJson(text, ...flags) {
  const out = execFileSync(CLI, ['--json', ...flags], { input: text, maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

async function rejects(promise, kind) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof DocumentError, `a DocumentError, got ${error}`);
    assert.equal(error.kind, kind, error.message);
    assert.ok(error.message.length > 20);
    return true;
  });
}

/** A zip of `files` ({ name: text }). */
const zip = (files) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));

describe('xml walker', () => {
  test('entities, CDATA, comments, doctypes with a subset, and broken markup read as text', () => {
    const events = [];
    walkXml('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x "y">]><a b="1 &amp; 2"><!-- no --><![CDATA[<raw>]]>caf&eacute; &#233;&#x2014;&unknown;<br/>< 3</a>', {
      open: (name, attrs) => events.push(['open', name, attrs.b ?? null]),
      close: (name) => events.push(['close', name]),
      text: (t) => events.push(['text', t]),
    });
    assert.deepEqual(events, [
      ['open', 'a', '1 & 2'],
      ['text', '<raw>'],
      ['text', 'café é—&unknown;'],
      ['open', 'br', null],
      ['close', 'br'],
      ['text', '<'],
      ['text', ' 3'],
      ['close', 'a'],
    ]);
  });
});

describe('DOCX', () => {
  test('pandoc\'s reference document: heading styles 1–6 become # lines, footnote marks are dropped', async () => {
    const dir = REAL.pandocDocx;
    const files = {};
    const walk = (d) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else files[relative(dir, path)] = new Uint8Array(readFileSync(path));
      }
    };
    walk(dir);
    const doc = await readDocx(zipSync(files));
    const lines = doc.text.split('\n\n');
    for (let level = 1; level <= 6; level++) assert.ok(lines.includes(`${'#'.repeat(level)} Heading ${level}`), `Heading ${level}`);
    assert.ok(lines.includes('Heading 7'), 'Heading 7 is beyond Markdown: a plain line');
    assert.ok(lines.includes('Body Text. Body Text Char. Verbatim Char . Hyperlink . Footnote.'));
    assert.equal(doc.format, 'docx');
  });

  test('a document written by python-docx: headings, runs joined, then key points per section', async () => {
    const path = join(scratch, 'report.docx');
    const script = `
import docx, sys
d = docx.Document()
d.add_heading('Water report', 0)
for title, body in [('Introduction', 'Water supply in the region has changed a great deal over the last decade. The population grew by a fifth while rainfall fell. This report looks at what the utilities did about it.'),
                    ('Findings', 'Leaks remain the largest single source of loss. The utilities replaced 140 kilometres of pipe. The oldest mains still lose water every day.'),
                    ('Recommendations', 'The region should replace the oldest mains first. It should extend smart meters to every household within five years. Tariffs should reward saving water.')]:
    d.add_heading(title, 1)
    p = d.add_paragraph(body.split('. ')[0] + '. ')
    p.add_run('. '.join(body.split('. ')[1:])).bold = True
d.save(sys.argv[1])
`;
    const made = spawnSync('/usr/bin/python3', ['-c', script, path]);
    assert.equal(made.status, 0, `python3-docx: ${made.stderr}`);
    const doc = await readDocx(readFileSync(path));
    assert.equal(doc.headings, 4);
    assert.match(doc.text, /^# Water report\n\n# Introduction\n\nWater supply in the region has changed a great deal over the last decade\. The population grew/);
    const r = precisJson(doc.text, '--per-section', '--sentences', '1');
    assert.deepEqual(r.sections.map((s) => s.title), ['Introduction', 'Findings', 'Recommendations']);
    assert.deepEqual(r.sections.map((s) => s.selected), [1, 1, 1]);
  });

  test('bad input: empty template, encrypted, legacy .doc, not a zip, no document part, a zip bomb, too large', async () => {
    await rejects(readDocx(readFileSync(REAL.emptyDocx)), 'no-text');
    const ole = (extra) => {
      const b = new Uint8Array(4096);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...extra].forEach((c, i) => b.set([c.charCodeAt(0), 0], 1024 + 2 * i));
      return b;
    };
    await rejects(readDocx(ole('EncryptedPackage')), 'encrypted');
    await rejects(readDocx(ole('WordDocument')), 'unsupported');
    await rejects(readDocx(new TextEncoder().encode('just some text, renamed to .docx')), 'corrupt');
    await rejects(readDocx(zip({ 'hello.txt': 'hi' })), 'corrupt');
    const truncated = zip({ 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>Hello there.</w:t></w:r></w:p></w:body></w:document>' });
    await rejects(readDocx(truncated.slice(0, truncated.length - 30)), 'corrupt');
    // An entry that claims to unpack to 3 GiB (central directory size field patched).
    const bomb = zip({ 'word/document.xml': '<w:p><w:r><w:t>x</w:t></w:r></w:p>' });
    const cd = bomb.findLastIndex((_, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2);
    new DataView(bomb.buffer).setUint32(cd + 24, 0xc0000000, true);
    await rejects(readDocx(bomb), 'too-large');
    await rejects(readDocx(new Uint8Array(MAX_DOCUMENT_BYTES + 1)), 'too-large');
  });
});

describe('EPUB', () => {
  test('the Live Systems Manual (Debian live-manual-epub): spine order, headings, no navigation, then sections', async () => {
    const doc = await readEpub(readFileSync(REAL.epub));
    assert.equal(doc.title, 'Live Systems Manual');
    assert.ok(doc.chapters >= 40, `chapters: ${doc.chapters}`);
    assert.ok(doc.headings >= 100, `headings: ${doc.headings}`);
    assert.match(doc.text, /\n4\.1 What is a live system\?\n\nA live system usually means an operating system booted on a computer from a removable medium/);
    // Its paragraph numbers (<label class="ocn">164</label>) are not paragraphs.
    assert.doesNotMatch(doc.text, /\n\d+\n/);
    // Each content file once, although its spine lists it once per fragment.
    assert.equal(doc.text.split('A live system usually means an operating system booted').length, 2);
    const r = precisJson(doc.text, '--per-section', '--sentences', '1');
    assert.ok(r.sections.length >= 10, `sections: ${r.sections.length}`);
    assert.ok(r.sections.some((s) => /basics/i.test(s.title)));
    for (const s of r.sentences.filter((x) => x.selected)) assert.doesNotMatch(s.text, /^#/);
  });

  test('Japanese edition: CJK text comes through', async () => {
    const doc = await readEpub(readFileSync(REAL.epubJa));
    assert.match(doc.text, /[\u3040-\u30ff\u4e00-\u9fff]{20}/u);
  });

  test('XHTML: footnote references and bodies, scripts and navigation are left out; <br> is a space', () => {
    const blocks = xhtmlBlocks(`<html><head><title>T</title><script>alert(1)</script></head><body>
      <nav epub:type="toc"><ol><li>Contents</li></ol></nav>
      <h2>The <em>first</em> chapter</h2>
      <p>It was late.<a epub:type="noteref" href="#n1"><sup>1</sup></a> The rain<br/>fell.</p>
      <aside epub:type="footnote" id="n1"><p>A note.</p></aside>
      <div><p>Nested block.</p>tail text</div></body></html>`);
    assert.deepEqual(blocksToText(blocks).text.split('\n\n'), ['## The first chapter', 'It was late. The rain fell.', 'Nested block.', 'tail text']);
  });

  test('bad input: DRM, no package document, not a zip', async () => {
    const container = '<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>';
    const opf = '<package><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>';
    await rejects(
      readEpub(zip({ 'META-INF/container.xml': container, 'OEBPS/content.opf': opf, 'OEBPS/c.xhtml': '<p>secret</p>', 'META-INF/encryption.xml': '<encryption><EncryptedData><CipherData><CipherReference URI="OEBPS/c.xhtml"/></CipherData></EncryptedData></encryption>' })),
      'encrypted',
    );
    await rejects(readEpub(zip({ 'mimetype': 'application/epub+zip' })), 'corrupt');
    await rejects(readEpub(new Uint8Array(100).fill(7)), 'corrupt');
    const good = await readEpub(zip({ 'META-INF/container.xml': container, 'OEBPS/content.opf': opf, 'OEBPS/c.xhtml': '<html><body><p>Readable text here.</p></body></html>' }));
    assert.equal(good.text, 'Readable text here.');
  });
});

describe('PDF layout', () => {
  // A synthetic page: lines of items at baselines, 10 pt body type, width 600.
  const item = (str, x, y, size = 10, w = str.length * size * 0.5) => ({ str, x, y, w, size, eol: false });
  const line = (str, y, x = 72, size = 10) => [{ ...item(str, x, y, size), eol: true }];

  test('one baseline is one line; a raised small number is a footnote marker and goes', () => {
    const lines = pageLines([item('values of mode', 72, 700), item('1', 142, 704, 6), item(', complex', 145, 700), { ...item(' and raw.', 190, 700), eol: true }]);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].text, 'values of mode, complex and raw.');
  });

  test('words hyphenated at a line end are joined; real hyphens between words stay', () => {
    assert.equal(joinLines('a further coer-', 'cion of modes'), 'a further coercion of modes');
    assert.equal(joinLines('the 1990-', '2000 period'), 'the 1990- 2000 period');
    assert.equal(joinLines('see Smith-', 'Jones'), 'see Smith- Jones');
  });

  test('two columns are read left, then right', () => {
    const items = [];
    for (let k = 0; k < 8; k++) {
      items.push(...line(`left column line number ${k} with text`, 700 - k * 12, 50));
      items.push(...line(`right column line number ${k} with text`, 700 - k * 12, 320));
    }
    const ordered = readingOrder(pageLines(items), 600).map((l) => l.text);
    assert.deepEqual(ordered.slice(0, 8), [...Array(8).keys()].map((k) => `left column line number ${k} with text`));
  });

  test('running headers, page numbers and footnotes leave; paragraphs and outline headings are rebuilt', () => {
    const pages = [];
    const words = ['river', 'lake', 'canal', 'reservoir', 'spring'];
    for (let p = 0; p < 5; p++) {
      const w = words[p];
      const items = [
        ...line(`Chapter 1: Water in the region ${p + 3}`, 760),
        ...(p === 0 ? line('1.1 Supply', 700, 72, 14) : []),
        ...line(`This ${w} text opens the page, and it runs long enough to fill the whole`, 680),
        ...line(`measure of the ${w} column, and it goes on to the next line where it ends.`, 668),
        ...line(`   A second paragraph about the ${w} starts with an indent and goes on without`, 656, 90),
        ...line(`stopping at the page end, so it continues on the next page with the text`, 644),
        ...line(`2 A footnote on the ${w} in small type.`, 100, 72, 7),
        ...line(`${p + 3}`, 60, 300),
      ];
      pages.push({ items, width: 600, height: 792 });
    }
    const layout = layoutPages(pages, [{ title: 'Supply', page: 0, level: 2 }]);
    const text = blocksToText(layout.blocks).text;
    assert.doesNotMatch(text, /Chapter 1: Water/);
    assert.doesNotMatch(text, /footnote/);
    assert.doesNotMatch(text, /(^|\n)\d+(\n|$)/);
    assert.match(text, /^## 1\.1 Supply\n\nThis river text opens the page, and it runs long enough to fill the whole measure of the river column, and it goes on to the next line where it ends\.\n\n/);
    // A paragraph that does not end at the page end continues on the next page.
    assert.match(text, /continues on the next page with the text This lake text opens the page/);
    assert.equal(layout.furniture, 10);
    assert.equal(layout.footnotes, 5);
  });
});

describe('PDF files (pdfjs-dist in Node)', async () => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  async function pdfPages(path) {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const c = await page.getTextContent();
      pages.push({ width, height, items: c.items.map((it) => ({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, size: Math.hypot(it.transform[0], it.transform[1]), eol: it.hasEOL })) });
    }
    await pdf.destroy();
    return pages;
  }

  test('An Introduction to R (r-doc-pdf, 113 pages): running headers and page numbers gone, text whole', async () => {
    const pages = await pdfPages(REAL.pdf);
    const { text } = blocksToText(layoutPages(pages).blocks);
    // Its running headers: "Chapter 3: Objects, their modes and attributes 15", "14", "Appendix A: A sample session 79".
    const header = /(?:Chapter \d+|Appendix [A-Z]): [^.\n]{3,70}? \d{1,3}(?: |\n|$)/;
    assert.doesNotMatch(text, header);
    assert.doesNotMatch(text, /\n\d{1,3}\n/);
    // Without the layout pass's furniture step the same text has them: the check can fail.
    const raw = pages.map((p) => pageLines(p.items).map((l) => l.text).join('\n')).join('\n');
    assert.match(raw, header);
    assert.match(text, /components are all of the same type, or mode, namely numeric, complex, logical, character and raw\./);
    assert.match(text, /A further coercion, or change of mode, reconstructs the numerical vector again/);
  });

  test('a two-column PDF typeset by groff: paragraphs in order, hyphenation undone', async (t) => {
    const ms = join(scratch, 'two.ms');
    const paragraphs = [...Array(12).keys()].map((i) => `Paragraph ${i + 1} opens here. ${[1, 2, 3, 4, 5].map((j) => `Sentence ${j} of paragraph ${i + 1} talks about internationalization and characteristically unpredictable circumstances.`).join(' ')}`);
    writeFileSync(ms, `.TL\nTwo Column Test\n.2C\n${paragraphs.map((p) => `.PP\n${p}\n`).join('')}`);
    const pdf = spawnSync('groff', ['-ms', '-Tpdf', ms], { maxBuffer: 16 << 20 });
    assert.equal(pdf.status, 0, `groff: ${pdf.stderr}`);
    writeFileSync(join(scratch, 'two.pdf'), pdf.stdout);
    const { text } = blocksToText(layoutPages(await pdfPages(join(scratch, 'two.pdf'))).blocks);
    const found = [...text.matchAll(/Sentence (\d) of paragraph (\d+) talks about internationalization and characteristically unpredictable circumstances\./g)].map((m) => `${m[2]}.${m[1]}`);
    assert.deepEqual(found, paragraphs.flatMap((_, i) => [1, 2, 3, 4, 5].map((j) => `${i + 1}.${j}`)));
  });
});
