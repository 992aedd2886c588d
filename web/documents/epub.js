// EPUB 2 and 3: the XHTML documents of the spine, in reading order. Block
// elements become paragraphs, <h1>–<h6> Markdown headings; scripts, styles,
// the head, navigation and footnote bodies are left out, and so are the
// footnote reference marks in the text.
import { DocumentError, blocksToText, checkSize, isZip } from './common.js';
import { localName, walkXml } from './xml.js';
import { unzipText } from './zip.js';

const LABEL = 'e-book';
const BLOCKS = new Set([
  'p', 'div', 'li', 'dt', 'dd', 'blockquote', 'pre', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer',
  'figcaption', 'caption', 'table', 'ul', 'ol', 'dl', 'hr', 'body', 'main', 'figure', 'address', 'center',
]);
const SKIPPED = new Set(['head', 'script', 'style', 'nav', 'svg', 'math', 'object', 'template']);

/** "OEBPS/Text/../Images/x.png" → "OEBPS/Images/x.png"; percent-escapes decoded. */
function resolvePath(base, href) {
  let decoded = href.split('#')[0];
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // keep it as written
  }
  const parts = (decoded.startsWith('/') ? [] : base.split('/').slice(0, -1)).concat(decoded.replace(/^\//, '').split('/'));
  const out = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

function rootfile(files) {
  let path = null;
  walkXml(files.get('META-INF/container.xml') ?? '', {
    open(name, attrs) {
      if (!path && localName(name) === 'rootfile' && attrs['full-path']) path = attrs['full-path'];
    },
  });
  if (path && files.has(path)) return path;
  return [...files.keys()].find((name) => name.toLowerCase().endsWith('.opf')) ?? null;
}

/** The spine's content documents, in reading order (non-linear ones last), and the title. */
function readPackage(opfPath, opf) {
  const manifest = new Map();
  const spine = [];
  let title = '';
  let inTitle = false;
  walkXml(opf, {
    open(name, attrs) {
      const local = localName(name);
      if (local === 'item' && attrs.id) manifest.set(attrs.id, { href: attrs.href ?? '', type: attrs['media-type'] ?? '' });
      else if (local === 'itemref' && attrs.idref) spine.push({ id: attrs.idref, linear: attrs.linear !== 'no' });
      else if (name.toLowerCase() === 'dc:title' && !title) inTitle = true;
    },
    close(name) {
      if (name.toLowerCase() === 'dc:title') inTitle = false;
    },
    text(t) {
      if (inTitle) title += t;
    },
  });
  const ordered = [...spine.filter((s) => s.linear), ...spine.filter((s) => !s.linear)];
  const documents = [];
  for (const { id } of ordered) {
    const item = manifest.get(id);
    if (!item || !/html|xml/i.test(item.type || 'html')) continue;
    // Some books list one file many times (an itemref per fragment of it): read it once.
    const path = resolvePath(opfPath, item.href);
    if (!documents.includes(path)) documents.push(path);
  }
  return { documents, title: title.trim() };
}

/** Content files that META-INF/encryption.xml lists (DRM); font obfuscation alone is harmless. */
function encryptedContent(files) {
  const xml = files.get('META-INF/encryption.xml');
  if (!xml) return false;
  let found = false;
  walkXml(xml, {
    open(name, attrs) {
      if (localName(name) === 'cipherreference' && /\.(x?html?|xml)$/i.test(attrs.URI ?? '')) found = true;
    },
  });
  return found;
}

/** Paragraph blocks of one XHTML content document. */
export function xhtmlBlocks(xhtml) {
  const blocks = [];
  let current = { text: '', heading: 0 };
  let skip = 0;
  let heading = 0;
  const stack = []; // per open element: was it a skipped subtree root?
  const flush = () => {
    if (current.text.trim()) blocks.push(current);
    current = { text: '', heading };
  };
  walkXml(xhtml, {
    open(name, attrs) {
      const local = localName(name);
      const type = `${attrs['epub:type'] ?? ''} ${attrs.role ?? ''}`;
      // Footnote bodies and reference marks ("…said.<sup><a href="#n1">1</a></sup>") are not the text.
      const skipped = SKIPPED.has(local) || /\b(footnote|endnote|rearnote|noteref|doc-footnote|doc-endnote|doc-noteref|pagebreak|doc-pagebreak)\b/.test(type);
      // The walker closes self-closing elements too: push for every element.
      stack.push(skipped);
      if (skipped) {
        skip++;
        return;
      }
      if (skip) return;
      const level = /^h([1-6])$/.exec(local);
      if (level) {
        flush();
        heading = Number(level[1]);
        current.heading = heading;
      } else if (BLOCKS.has(local)) {
        flush();
      } else if (local === 'br') {
        current.text += ' ';
      }
    },
    close(name) {
      const local = localName(name);
      const skipped = stack.pop();
      if (skipped) {
        if (skip > 0) skip--;
        return;
      }
      if (skip) return;
      if (/^h[1-6]$/.test(local)) {
        heading = 0;
        flush();
      } else if (BLOCKS.has(local)) {
        flush();
      }
    },
    text(t) {
      if (!skip) current.text += t;
    },
  });
  flush();
  return blocks;
}

/**
 * Reads an .epub file's bytes. Resolves { text, format: 'epub', title, chapters, paragraphs, headings, characters }.
 * Rejects with a DocumentError (too large, DRM, damaged, no text).
 */
export async function read(bytes) {
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  checkSize(bytes, LABEL);
  if (!isZip(bytes)) throw new DocumentError('corrupt', 'This file is not an EPUB e-book: it is not a zip package.');
  const files = unzipText(bytes, (name) => /\.(x?html?|xml|opf|ncx)$/i.test(name), LABEL);
  if (encryptedContent(files)) throw new DocumentError('encrypted', 'This e-book is protected (DRM-encrypted); precis cannot read its text.');
  const opfPath = rootfile(files);
  if (!opfPath) throw new DocumentError('corrupt', 'This e-book is damaged: it has no package document (.opf).');
  const { documents, title } = readPackage(opfPath, files.get(opfPath));
  const blocks = [];
  let chapters = 0;
  for (const path of documents) {
    const xhtml = files.get(path);
    if (xhtml === undefined) continue;
    const found = xhtmlBlocks(xhtml);
    if (found.length) chapters++;
    blocks.push(...found);
  }
  const { text, paragraphs, headings } = blocksToText(blocks);
  if (!text) throw new DocumentError('no-text', documents.length ? 'This e-book has no text to summarize (only images?).' : 'This e-book is damaged: its spine lists no readable chapter.');
  return { text, format: 'epub', title, chapters, paragraphs, headings, characters: text.length };
}
