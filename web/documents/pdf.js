// PDF: text through Mozilla's pdf.js (pdfjs-dist), in its own worker served
// from this folder, with eval off (isEvalSupported: false), no font loading
// and no rendering; then paragraphs rebuilt by pdf-layout.js. Outline
// entries become Markdown headings. Scanned pages (no text layer), password
// protection and damaged files get messages of their own.
import { GlobalWorkerOptions, InvalidPDFException, getDocument } from 'pdfjs-dist';
import { DocumentError, blocksToText, checkSize, withLimits } from './common.js';
import { layoutPages } from './pdf-layout.js';

const LABEL = 'PDF';
// A page with fewer characters than this on average has no real text layer.
const MIN_CHARS_PER_PAGE = 20;
const MAX_OUTLINE_ENTRIES = 2000;
const PAGES_IN_FLIGHT = 4;

GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.mjs', import.meta.url).href;

/** The outline flattened to [{ title, page, level }] (page 0-based or null). */
async function readOutline(pdf) {
  const out = [];
  let outline;
  try {
    outline = await pdf.getOutline();
  } catch {
    return out;
  }
  const visit = async (items, level) => {
    for (const item of items ?? []) {
      if (out.length >= MAX_OUTLINE_ENTRIES) return;
      let page = null;
      try {
        const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
        if (Array.isArray(dest)) page = typeof dest[0] === 'number' ? dest[0] : await pdf.getPageIndex(dest[0]);
      } catch {
        page = null;
      }
      out.push({ title: item.title ?? '', page, level: Math.min(level, 6) });
      if (level < 6) await visit(item.items, level + 1);
    }
  };
  await visit(outline, 1);
  return out;
}

/**
 * Reads a PDF's bytes. Resolves { text, format: 'pdf', pages, characters, headings, furniture, footnotes, outline }.
 * Rejects with a DocumentError: too large, encrypted (a password is needed), no text layer, damaged, timeout.
 * `onProgress(pagesRead, pageCount)` is called as pages are read.
 */
export async function read(bytes, { signal, onProgress, timeoutMs } = {}) {
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  checkSize(bytes, LABEL);
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    cMapUrl: new URL('./cmaps/', import.meta.url).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('./standard_fonts/', import.meta.url).href,
    verbosity: 0,
  });
  let passwordNeeded = false;
  task.onPassword = () => {
    passwordNeeded = true;
    task.destroy();
  };
  return withLimits(
    async () => {
      let pdf;
      try {
        pdf = await task.promise;
      } catch (error) {
        if (passwordNeeded || error?.name === 'PasswordException') {
          throw new DocumentError('encrypted', 'This PDF is protected with a password (encrypted); precis cannot read it. Open it in a PDF viewer with the password and save an unprotected copy.');
        }
        if (error instanceof InvalidPDFException || error?.name === 'InvalidPDFException') {
          throw new DocumentError('corrupt', 'This file is not a readable PDF: it is damaged or not a PDF at all.', { cause: error });
        }
        throw new DocumentError('corrupt', `This PDF could not be opened: ${error?.message ?? error}.`, { cause: error });
      }
      const pageCount = pdf.numPages;
      const pages = new Array(pageCount);
      let chars = 0;
      let next = 1;
      let done = 0;
      const readPage = async (n) => {
        const page = await pdf.getPage(n);
        const { width, height } = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ includeMarkedContent: false });
        const items = [];
        for (const it of content.items) {
          if (typeof it.str !== 'string') continue;
          const [a, b, , , x, y] = it.transform;
          const size = Math.hypot(a, b) || it.height || 0;
          items.push({ str: it.str, x, y, w: it.width, size, eol: it.hasEOL });
          chars += it.str.trim().length;
        }
        pages[n - 1] = { items, width, height };
        page.cleanup();
        onProgress?.(++done, pageCount);
      };
      // A few pages asked for at once: the worker parses one while the answer for another comes back.
      const reader = async () => {
        while (next <= pageCount) await readPage(next++);
      };
      await Promise.all(Array.from({ length: Math.min(PAGES_IN_FLIGHT, pageCount) }, reader));
      if (chars < MIN_CHARS_PER_PAGE * pageCount) {
        throw new DocumentError(
          'no-text',
          `This PDF has no text layer (${pageCount} page${pageCount === 1 ? '' : 's'}, ${chars} characters of text): it looks scanned. precis reads text, not images; run it through OCR first (for example ocrmypdf) and open the result.`,
        );
      }
      const outline = await readOutline(pdf);
      const layout = layoutPages(pages, outline);
      const { text, paragraphs, headings } = blocksToText(layout.blocks);
      return {
        text,
        format: 'pdf',
        pages: pageCount,
        characters: text.length,
        paragraphs,
        headings,
        furniture: layout.furniture,
        footnotes: layout.footnotes,
        outline: outline.length,
      };
    },
    { signal, timeoutMs, cleanup: () => task.destroy() },
  );
}
