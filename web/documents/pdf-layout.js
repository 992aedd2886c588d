// From positioned PDF text to paragraphs: pure functions over what pdf.js's
// getTextContent() gives (strings with a position and a font size), so they
// run and are tested without a browser.
//
//  1. Lines: items on one baseline; raised small digits and marks inside a
//     line are footnote markers and are dropped; a wide gap on one baseline
//     starts a new line (the gutter between two columns).
//  2. Two columns: when a page's lines fall left and right of its middle with
//     few crossing it, the left column is read before the right one.
//  3. Running headers and footers: the top and bottom lines of each page that
//     are a bare page number, repeat (digits aside) at the edge of other
//     pages, or carry the page's number where the other pages carry theirs.
//  4. Footnotes: small-type lines below a page's last body line.
//  5. Headings: lines matching the document outline's titles on their page
//     (level = outline depth), or, without an outline, short lines in type
//     clearly larger than the body's.
//  6. Paragraphs: lines join until a vertical gap, an indented first line, a
//     short line ending a sentence, or a change of type size; a page or
//     column break continues the paragraph unless a sentence ended there.
//     Words hyphenated at a line end are joined again.

const PAGE_NUMBER = /^(?:page|p\.|seite|página|pagina)?\s*[-–—(]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—)]?\s*(?:(?:of|\/|von|de)\s*\d{1,5})?$/i;
const TERMINAL = /[.!?…。！？:;"”’»)\]]$/u;
const TOC_LINE = /(?:\.\s?){4,}\s*(?:\d{1,5}|[ivxlc]{1,6})$/i;
const MARKER = /^[\d*†‡§¶,\s]{1,6}$/u;

/** Rounds a font size so sizes of one font compare equal. */
const sizeKey = (size) => Math.round(size * 2) / 2;

/**
 * Lines of one page's items ({ str, x, y, w, size, eol }), in the items' order.
 * Each line: { text, x0, x1, y, size, chars }.
 */
export function pageLines(items) {
  const lines = [];
  let line = null;
  const close = () => {
    if (line && line.text.trim()) {
      line.text = line.text.replace(/\s+/g, ' ').trim();
      lines.push(line);
    }
    line = null;
  };
  for (const it of items) {
    if (!it.str) {
      if (it.eol) close();
      continue;
    }
    const size = it.size || 1;
    if (line) {
      const main = line.size;
      const raised = it.y - line.y;
      const small = size < main * 0.8;
      // A footnote marker: small, raised above the baseline, digits or marks only.
      if (small && raised > main * 0.15 && raised < main * 0.8 && MARKER.test(it.str)) {
        line.afterMarker = true;
        if (it.eol) close();
        continue;
      }
      const sameBaseline = Math.abs(raised) < Math.max(main, size) * 0.5 || (small && raised > 0 && raised < main * 0.8);
      const gap = it.x - line.x1;
      if (!sameBaseline || gap > Math.max(main, size) * 2.5 || gap < -Math.max(main, size) * 2) close();
    }
    if (!line) {
      line = { text: '', x0: it.x, x1: it.x, y: it.y, size, chars: 0 };
    } else if (it.x - line.x1 > size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(it.str) && !(line.afterMarker && /^[,.;:)]/.test(it.str))) {
      line.text += ' ';
    }
    if (line.afterMarker && /^[,.;:)]/.test(it.str)) line.text = line.text.replace(/\s+$/, '');
    line.afterMarker = false;
    line.text += it.str;
    line.x1 = Math.max(line.x1, it.x + (it.w || 0));
    line.x0 = Math.min(line.x0, it.x);
    const n = it.str.trim().length;
    if (n > 0 && (size > line.size || line.chars === 0)) {
      if (size > line.size || line.chars === 0) {
        line.size = size;
        line.y = it.y;
      }
    }
    line.chars += n;
    if (it.eol) close();
  }
  close();
  return lines;
}

/** The page's lines in reading order: left column, then right, when the page has two. */
export function readingOrder(lines, pageWidth) {
  if (lines.length < 10 || !(pageWidth > 0)) return lines;
  const mid = pageWidth / 2;
  const slack = pageWidth * 0.02;
  const left = [];
  const right = [];
  const spanning = [];
  for (const l of lines) {
    if (l.x1 <= mid + slack) left.push(l);
    else if (l.x0 >= mid - slack) right.push(l);
    else spanning.push(l);
  }
  const wide = (ls) => ls.filter((l) => l.text.length > 20).length;
  if (wide(left) < 4 || wide(right) < 4 || spanning.length > lines.length * 0.2) return lines;
  const columnTop = Math.max(...left.concat(right).map((l) => l.y));
  const columnBottom = Math.min(...left.concat(right).map((l) => l.y));
  const byY = (a, b) => b.y - a.y;
  const above = spanning.filter((l) => l.y > columnTop).sort(byY);
  const below = spanning.filter((l) => l.y < columnBottom).sort(byY);
  const inside = spanning.filter((l) => l.y <= columnTop && l.y >= columnBottom);
  return [...above, ...left.concat(inside).sort(byY), ...right.sort(byY), ...below];
}

const normalize = (text) => text.toLowerCase().replace(/\d+/g, '#').replace(/[^\p{L}\p{N}#]+/gu, ' ').trim();
const edgeNumber = (text) => {
  const m = /^(\d{1,5})\s+\S|\S\s+(\d{1,5})$/.exec(text);
  return m ? Number(m[1] ?? m[2]) : null;
};

/**
 * Marks running headers and footers: sets `furniture = true` on the lines that
 * are page furniture. `pages`: [{ lines, height }] in page order; `body`: the body's type size.
 * Returns how many lines were marked.
 */
export function markFurniture(pages, body = bodySize(pages)) {
  const EDGE = 2; // lines looked at, at each edge of a page
  const edges = pages.map((p) => {
    const sorted = [...p.lines].sort((a, b) => b.y - a.y);
    const top = sorted.slice(0, EDGE);
    const bottom = sorted.slice(-EDGE).reverse().filter((l) => !top.includes(l));
    return { top, bottom };
  });
  // How often each normalized edge text occurs, per edge.
  const counts = { top: new Map(), bottom: new Map() };
  for (const e of edges) {
    for (const side of ['top', 'bottom']) {
      for (const l of new Set(e[side].map((x) => normalize(x.text)))) counts[side].set(l, (counts[side].get(l) ?? 0) + 1);
    }
  }
  // The offset between printed page numbers and page indices, when most pages agree on one.
  const deltas = new Map();
  edges.forEach((e, i) => {
    for (const l of [...e.top, ...e.bottom]) {
      const n = PAGE_NUMBER.test(l.text) && /\d/.test(l.text) ? Number(/\d+/.exec(l.text)[0]) : edgeNumber(l.text);
      if (n !== null) deltas.set(n - i, (deltas.get(n - i) ?? 0) + 1);
    }
  });
  let delta = null;
  let best = 0;
  for (const [d, c] of deltas) {
    if (c > best) [delta, best] = [d, c];
  }
  if (best < Math.max(3, pages.length * 0.2)) delta = null;

  let marked = 0;
  edges.forEach((e, i) => {
    for (const side of ['top', 'bottom']) {
      // From the edge inwards: stop at the first line that is not furniture.
      let hasNumber = false;
      for (const l of e[side]) {
        const repeated = pages.length >= 3 && (counts[side].get(normalize(l.text)) ?? 0) >= 2 && l.text.length <= 200;
        const number = PAGE_NUMBER.test(l.text);
        // A header that carries the page's number — unless the page number stood alone
        // already, or the line is set large ("1 Introduction" under the page number 1).
        const numbered = !hasNumber && delta !== null && edgeNumber(l.text) === i + delta && l.text.length <= 120 && sizeKey(l.size) <= body * 1.1;
        if (!(repeated || number || numbered)) break;
        hasNumber ||= number || numbered;
        l.furniture = true;
        marked++;
      }
    }
  });
  return marked;
}

/** The body's type size: the size most characters are set in. */
export function bodySize(pages) {
  const weight = new Map();
  for (const p of pages) {
    for (const l of p.lines) weight.set(sizeKey(l.size), (weight.get(sizeKey(l.size)) ?? 0) + l.chars);
  }
  let size = 0;
  let best = -1;
  for (const [s, w] of weight) {
    if (w > best || (w === best && s < size)) [size, best] = [s, w];
  }
  return size || 10;
}

/** Marks footnotes: small-type lines below the last body-size line of each page. Returns how many. */
export function markFootnotes(pages, body) {
  let marked = 0;
  for (const p of pages) {
    const lines = p.lines.filter((l) => !l.furniture);
    const bodyLines = lines.filter((l) => sizeKey(l.size) >= body * 0.95);
    if (!bodyLines.length) continue;
    const lowest = Math.min(...bodyLines.map((l) => l.y));
    for (const l of lines) {
      if (l.y < lowest && sizeKey(l.size) < body * 0.9) {
        l.footnote = true;
        marked++;
      }
    }
  }
  return marked;
}

/**
 * Marks table-of-contents lines ("2.1 Vectors . . . . . 7"; a numbered entry
 * wrapped over lines ends in the leaders on its last line): left out like the
 * furniture, and never taken for the heading they name. Returns how many.
 */
export function markContents(pages) {
  let marked = 0;
  for (const p of pages) {
    const toc = p.lines.map((l) => TOC_LINE.test(l.text));
    for (let k = p.lines.length - 2; k >= 0; k--) {
      if (!toc[k] && toc[k + 1] && /^\d+(?:\.\d+)*\s/.test(p.lines[k].text) && !TERMINAL.test(p.lines[k].text)) toc[k] = true;
    }
    p.lines.forEach((l, k) => {
      if (toc[k]) {
        l.contents = true;
        marked++;
      }
    });
  }
  return marked;
}

const outlineKey = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
// A line and an outline title name the same heading when one is the other
// with a section number in front ("1.1 The R environment" / "The R environment").
const sameTitle = (line, title) => {
  if (line === title) return true;
  const [long, short] = line.length > title.length ? [line, title] : [title, line];
  return short.length >= 4 && long.endsWith(short) && /^(?:\d{1,6}|[a-z]\d{0,5}|appendix[a-z]?\d{0,4}|chapter\d{1,3})$/.test(long.slice(0, long.length - short.length));
};

/**
 * Marks headings (`heading = level`). `outline`: [{ title, page (0-based) or null, level }].
 * With an outline, lines matching its titles on their page (or the next) are headings;
 * without one, short lines in type clearly larger than the body's, levels by size.
 */
export function markHeadings(pages, body, outline) {
  let marked = 0;
  if (outline?.length) {
    for (const entry of outline) {
      const key = outlineKey(entry.title);
      if (!key) continue;
      const candidates = entry.page === null || entry.page === undefined ? pages.map((_, i) => i) : [entry.page, entry.page + 1];
      let done = false;
      for (const pi of candidates) {
        const lines = pages[pi]?.lines.filter((l) => !l.furniture && !l.footnote && !l.contents && !l.heading) ?? [];
        for (let k = 0; k < lines.length && !done; k++) {
          // A title may wrap over two lines.
          const one = outlineKey(lines[k].text);
          const two = k + 1 < lines.length ? one + outlineKey(lines[k + 1].text) : null;
          if (sameTitle(one, key)) {
            lines[k].heading = entry.level;
            marked++;
            done = true;
          } else if (two !== null && sameTitle(two, key)) {
            lines[k].heading = entry.level;
            lines[k + 1].heading = entry.level;
            lines[k + 1].headingContinues = true;
            marked++;
            done = true;
          }
        }
        if (done) break;
      }
    }
    if (marked > 0) return marked;
  }
  const sizes = new Set();
  const candidates = [];
  for (const p of pages) {
    for (const l of p.lines) {
      if (l.furniture || l.footnote || l.contents) continue;
      const words = l.text.split(' ').length;
      if (sizeKey(l.size) >= body * 1.15 && words <= 15 && /\p{L}/u.test(l.text) && !/[.,;]$/.test(l.text)) {
        candidates.push(l);
        sizes.add(sizeKey(l.size));
      }
    }
  }
  const ranked = [...sizes].sort((a, b) => b - a);
  for (const l of candidates) {
    l.heading = Math.min(3, ranked.indexOf(sizeKey(l.size)) + 1);
    marked++;
  }
  return marked;
}

/** Joins line `b` onto paragraph text `a`: a word hyphenated at the line end is made whole again. */
export function joinLines(a, b) {
  if (/\p{L}[-\u00ad\u2010]$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  if (/\u00ad$/.test(a)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/**
 * Paragraph blocks ({ text, heading }) of the marked pages, in reading order.
 * Furniture and footnotes are left out.
 */
export function paragraphs(pages, body) {
  const blocks = [];
  let current = null; // { text, heading, last }
  let previous = null; // the line before, across pages
  const flush = () => {
    if (current) blocks.push({ text: current.text, heading: current.heading });
    current = null;
  };
  for (const p of pages) {
    // Table-of-contents lines ("2.1 Vectors . . . . . 7") are left out with the furniture.
    const lines = p.lines.filter((l) => !l.furniture && !l.footnote && !l.contents);
    if (!lines.length) continue;
    // Column edges of the page's body lines, for indents and short lines.
    const bodyLines = lines.filter((l) => !l.heading);
    const lefts = bodyLines.map((l) => l.x0).sort((a, b) => a - b);
    const left = lefts.length ? lefts[Math.floor(lefts.length * 0.1)] : 0;
    // Typical baseline distance between consecutive body lines.
    const gaps = [];
    for (let k = 1; k < lines.length; k++) {
      const d = lines[k - 1].y - lines[k].y;
      if (d > 0 && !lines[k].heading && !lines[k - 1].heading) gaps.push(d);
    }
    gaps.sort((a, b) => a - b);
    const lineGap = gaps.length ? gaps[Math.floor(gaps.length / 2)] : body * 1.2;
    const rights = bodyLines.map((x) => x.x1).sort((a, b) => b - a);
    const right = rights.length ? rights[Math.floor(rights.length * 0.1)] : Infinity;
    for (const l of lines) {
      l.page = p;
      if (l.heading) {
        if (l.headingContinues && current?.heading) {
          current.text = `${current.text} ${l.text}`;
        } else {
          flush();
          current = { text: l.text, heading: l.heading, last: l };
        }
        previous = l;
        continue;
      }
      let newParagraph = !current || current.heading;
      if (!newParagraph && previous) {
        const samePage = previous.page === p;
        const columnBreak = l.y > previous.y + lineGap * 0.5; // back up: the next column (or a float)
        const gap = previous.y - l.y;
        const indent = l.x0 - left > body * 0.8 && l.x0 - previous.x0 > body * 0.8;
        const ended = TERMINAL.test(current.text);
        const shortLine = previous.x1 < right - body * 4;
        const sizeChange = Math.abs(sizeKey(l.size) - sizeKey(previous.size)) >= 1;
        if (!samePage || columnBreak) {
          // Page or column break: continue unless a sentence ended there and the next starts anew.
          newParagraph = ended && (indent || !/^\p{Ll}/u.test(l.text));
        } else {
          newParagraph = gap > lineGap * 1.4 || indent || (ended && shortLine) || sizeChange;
        }
      }
      if (newParagraph) {
        flush();
        current = { text: l.text, heading: 0, last: l };
      } else {
        current.text = joinLines(current.text, l.text);
        current.last = l;
      }
      previous = l;
    }
  }
  flush();
  return blocks;
}

/**
 * The whole layout pass. `pages`: [{ items, width, height }]; `outline`: see markHeadings.
 * Returns { blocks, furniture, footnotes, headings, body }.
 */
export function layoutPages(pages, outline = []) {
  const laid = pages.map((p) => ({ lines: readingOrder(pageLines(p.items), p.width), height: p.height }));
  const furniture = markFurniture(laid);
  const body = bodySize(laid);
  const footnotes = markFootnotes(laid, body);
  markContents(laid);
  const headings = markHeadings(laid, body, outline);
  return { blocks: paragraphs(laid, body), furniture, footnotes, headings, body };
}
