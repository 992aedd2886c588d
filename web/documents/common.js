// What the document readers share: their error, their limits, and the text
// they hand to the core — paragraphs separated by blank lines, headings as
// Markdown `#` lines (the portable heading signal of precis's sections stage).
// No DOM: the readers run in pages, workers and Node alike.

/** Files larger than this are refused before they are read. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** A zip (DOCX, EPUB) may not unpack to more than this, whatever its entries claim. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** Extraction gives up after this long (a hostile or broken file never hangs the page). */
export const READ_TIMEOUT_MS = 60_000;

/**
 * A document that cannot be read, with a message written for people.
 * `kind`: 'too-large' | 'encrypted' | 'no-text' | 'corrupt' | 'unsupported' | 'timeout' | 'aborted'.
 */
export class DocumentError extends Error {
  constructor(kind, message, options) {
    super(message, options);
    this.name = 'DocumentError';
    this.kind = kind;
  }
}

export function checkSize(bytes, label) {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    const mib = (n) => `${Math.round((n / 1048576) * 10) / 10} MiB`;
    throw new DocumentError('too-large', `This ${label} is ${mib(bytes.byteLength)}; precis reads documents up to ${mib(MAX_DOCUMENT_BYTES)}.`);
  }
}

/** Runs `work()` but rejects after READ_TIMEOUT_MS or when `signal` aborts; `cleanup()` runs either way. */
export async function withLimits(work, { signal, timeoutMs = READ_TIMEOUT_MS, cleanup } = {}) {
  let timer;
  let onAbort;
  const stop = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DocumentError('timeout', `Reading this document took longer than ${timeoutMs / 1000} s; it may be damaged.`)), timeoutMs);
    if (signal) {
      onAbort = () => reject(new DocumentError('aborted', 'Reading was cancelled.'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work(), stop]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await cleanup?.();
  }
}

/** Runs of white space (including NBSP and line breaks) become one space; ends trimmed. */
export function collapseSpace(text) {
  return text.replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\u3000]+/gu, ' ').trim();
}

/** A heading line: Markdown `#` marks (level 1–6) before the collapsed text. */
export function headingLine(text, level) {
  const words = collapseSpace(text).replace(/^#+\s*/, '');
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${words}`;
}

/**
 * Builds the text the core reads from blocks [{ text, heading?: level }]:
 * one line per paragraph, a blank line between paragraphs, headings as `#` lines.
 * Returns { text, paragraphs, headings }.
 */
export function blocksToText(blocks) {
  const out = [];
  let headings = 0;
  for (const b of blocks) {
    const text = collapseSpace(b.text);
    // Blocks without a letter (paragraph and page numbers, rules, figure ticks) say nothing.
    if (!text || !/\p{L}/u.test(text)) continue;
    if (b.heading) {
      out.push(headingLine(text, b.heading));
      headings++;
    } else {
      out.push(text);
    }
  }
  return { text: out.join('\n\n'), paragraphs: out.length - headings, headings };
}

/** The zip magic "PK\x03\x04" (or an empty archive's "PK\x05\x06"). */
export function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** An OLE compound file (legacy .doc, or an encrypted Office file, whose package sits in "EncryptedPackage"). */
export function oleKind(bytes) {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b)) return null;
  const needle = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + needle.length * 2 <= limit; i++) {
    for (let k = 0; k < needle.length; k++) {
      if (bytes[i + 2 * k] !== needle.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return 'encrypted';
  }
  return 'legacy';
}
