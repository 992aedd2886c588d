// DOCX (Word 2007+): the paragraphs of word/document.xml, in order, with
// heading styles (Heading 1–6, Title, or any style with an outline level)
// written as Markdown `#` lines. Deleted text of tracked changes, field codes
// and footnote reference marks are left out; tables give one paragraph per
// cell paragraph; text boxes give paragraphs of their own.
import { DocumentError, blocksToText, checkSize, isZip, oleKind } from './common.js';
import { localName, walkXml } from './xml.js';
import { unzipText } from './zip.js';

const LABEL = 'Word document';

/** Heading level (1–6) per style id, from styles.xml: names "heading N" / "Title", or outline levels (through basedOn). */
function headingStyles(stylesXml) {
  const styles = new Map(); // id → { name, outline, basedOn }
  let current = null;
  let depth = 0; // inside <w:pPr> of the style
  walkXml(stylesXml ?? '', {
    open(name, attrs, selfClosing) {
      const local = localName(name);
      if (local === 'style') {
        current = { id: attrs['w:styleId'] ?? '', name: '', outline: null, basedOn: null };
        styles.set(current.id, current);
      } else if (current && local === 'name') current.name = attrs['w:val'] ?? '';
      else if (current && local === 'basedon') current.basedOn = attrs['w:val'] ?? null;
      else if (current && local === 'ppr' && !selfClosing) depth++;
      else if (current && depth > 0 && local === 'outlinelvl') current.outline = Number(attrs['w:val']);
    },
    close(name) {
      const local = localName(name);
      if (local === 'style') current = null;
      else if (local === 'ppr' && depth > 0) depth--;
    },
  });
  const levels = new Map();
  const levelOf = (id, seen = 0) => {
    const s = styles.get(id);
    if (!s || seen > 10) return 0;
    const named = /^heading\s*([1-6])$/i.exec(s.name.trim());
    if (named) return Number(named[1]);
    if (/^title$/i.test(s.name.trim())) return 1;
    if (Number.isInteger(s.outline) && s.outline >= 0 && s.outline <= 5) return s.outline + 1;
    return s.basedOn ? levelOf(s.basedOn, seen + 1) : 0;
  };
  for (const id of styles.keys()) {
    const level = levelOf(id);
    if (level) levels.set(id, level);
  }
  return levels;
}

/** The path of the main document part, from _rels/.rels (usually word/document.xml). */
function mainPart(files) {
  let target = null;
  walkXml(files.get('_rels/.rels') ?? '', {
    open(name, attrs) {
      if (localName(name) === 'relationship' && /\/officeDocument$/.test(attrs.Type ?? '')) target = attrs.Target;
    },
  });
  const path = (target ?? 'word/document.xml').replace(/^\//, '');
  return files.has(path) ? path : 'word/document.xml';
}

/** Paragraph blocks of a WordprocessingML body. */
export function docxBlocks(documentXml, levels) {
  const blocks = [];
  const stack = []; // open paragraphs (text boxes nest paragraphs inside a run)
  let skip = 0; // inside w:del / w:instrText / w:delText
  let inText = false;
  walkXml(documentXml, {
    open(name, attrs, selfClosing) {
      const local = localName(name);
      if (local === 'p') {
        stack.push({ text: '', heading: 0 });
        if (selfClosing) return;
      } else if (local === 'del' || local === 'deltext' || local === 'instrtext') {
        skip++; // the walker closes self-closing elements too
      }
      const p = stack[stack.length - 1];
      if (!p || skip) return;
      if (local === 't') inText = !selfClosing;
      else if (local === 'tab' || local === 'br' || local === 'cr') p.text += ' ';
      else if (local === 'nobreakhyphen') p.text += '-';
      else if (local === 'pstyle') p.heading = levels.get(attrs['w:val'] ?? '') ?? p.heading;
      else if (local === 'outlinelvl') {
        const level = Number(attrs['w:val']);
        if (Number.isInteger(level) && level >= 0 && level <= 5) p.heading = level + 1;
      }
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inText = false;
      else if ((local === 'del' || local === 'deltext' || local === 'instrtext') && skip > 0) skip--;
      else if (local === 'p') {
        const p = stack.pop();
        if (p) blocks.push(p);
      }
    },
    text(t) {
      if (inText && !skip && stack.length) stack[stack.length - 1].text += t;
    },
  });
  return blocks;
}

/**
 * Reads a .docx file's bytes. Resolves { text, format: 'docx', paragraphs, headings, characters }.
 * Rejects with a DocumentError (too large, encrypted, legacy .doc, damaged, no text).
 */
export async function read(bytes) {
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  checkSize(bytes, LABEL);
  const ole = oleKind(bytes);
  if (ole === 'encrypted') throw new DocumentError('encrypted', 'This Word document is protected with a password (encrypted); precis cannot read it. Save an unprotected copy and open that.');
  if (ole === 'legacy') throw new DocumentError('unsupported', 'This is an old Word file (.doc), not .docx; save it as .docx (or as PDF) and open that.');
  if (!isZip(bytes)) throw new DocumentError('corrupt', 'This file is not a Word document (.docx): it is not a zip package.');
  const files = unzipText(bytes, (name) => name === '_rels/.rels' || /^word\/[^/]+\.xml$/i.test(name) || name.endsWith('.xml'), LABEL);
  const main = mainPart(files);
  if (!files.has(main)) throw new DocumentError('corrupt', 'This Word document is damaged: it has no word/document.xml.');
  const blocks = docxBlocks(files.get(main), headingStyles(files.get('word/styles.xml')));
  const { text, paragraphs, headings } = blocksToText(blocks);
  if (!text) throw new DocumentError('no-text', 'This Word document has no text to summarize.');
  return { text, format: 'docx', paragraphs, headings, characters: text.length };
}
