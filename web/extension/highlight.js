// highlight.js — injected into the current tab (the extension's isolated
// world) by chrome.scripting, only after the reader asked for highlights (the
// popup's or side panel's "Highlight in page", or the keyboard command), which
// the activeTab grant allows. It defines globalThis.precisHighlights in that
// world (a second injection finds it there):
//   show(sentences) → report   marks the sentences in the live page, scrolls to the first
//   clear()         → number   removes the marks (how many ranges there were)
//   count()         → number   ranges marked now
// The marks are a CSS Custom Highlight (CSS.highlights, styled by
// ::highlight(precis-summary) in highlight.css, which chrome.scripting.insertCSS
// adds as a style sheet of the extension's): Range objects over the page's own
// text nodes, so the page's DOM is never modified, and a reload or navigation
// drops them.
//
// The sentences come from Readability's copy of the page (or its innerText),
// not from the live DOM, so they are found again by text: both sides are
// folded the same way, code point by code point (NFKC, lower case, only
// letters, digits and combining marks kept: whitespace, NBSP, soft hyphens,
// zero-width characters, quotes, dashes and other punctuation drop out), and
// each folded character of the page remembers which text node and offset it
// came from. A sentence is placed
//   1. exactly: its folded text occurs in the page's folded text (a sentence
//      may span several text nodes and inline elements; searching from where
//      the previous sentence ended first, since they come in document order);
//   2. else approximately: its first and last folded characters (anchors of up
//      to 40) occur in order, no further apart than the sentence's length
//      allows with some text in between (a footnote marker, an inline button
//      Readability dropped).
// An occurrence inside an element that is not rendered (display: none,
// content-visibility: hidden) is passed over for a rendered one (opacity and
// visibility are left alone: pages fade text in with them as it scrolls into
// view); when there is none the sentence counts as "hidden". The report
// says how many sentences were placed and why the others were not.
(() => {
  if (globalThis.precisHighlights) return;

  const NAME = 'precis-summary';
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT']);
  const ANCHOR = 40; // folded characters at each end for the approximate match
  const SHORT = 16; // a folded sentence shorter than this must match at word starts and ends
  const WORD = /[\p{L}\p{N}\p{M}]/u;
  const SPACE = /\s/u;

  const folded = new Map();
  /** A code point folded: '' for anything that is not a letter, digit or mark. */
  function fold(ch) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) return ch;
      if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
      if (c >= 0x30 && c <= 0x39) return ch;
      return '';
    }
    let f = folded.get(ch);
    if (f === undefined) {
      f = '';
      for (const x of ch.normalize('NFKC').toLowerCase()) if (WORD.test(x)) f += x;
      folded.set(ch, f);
    }
    return f;
  }

  /** A string folded, as the page's text is. */
  function foldText(text) {
    let out = '';
    for (const ch of text) out += fold(ch);
    return out;
  }

  /**
   * The page's text folded, with where each folded character came from:
   * nodes[node[k]] at UTF-16 offset off[k], len[k] code units long, and
   * start[k] = 1 where a word starts (after a dropped character or a node edge).
   */
  function indexPage() {
    const nodes = [];
    const chunks = [];
    const node = [];
    const off = [];
    const len = [];
    const start = [];
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        for (let e = n.parentElement; e; e = e.parentElement) if (SKIP.has(e.nodeName.toUpperCase())) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const value = t.nodeValue;
      if (!value) continue;
      const n = nodes.push(t) - 1;
      let boundary = 1;
      let i = 0;
      for (const ch of value) {
        const f = fold(ch);
        if (f) {
          chunks.push(f);
          for (let j = 0; j < f.length; j++) {
            node.push(n);
            off.push(i);
            len.push(ch.length);
            start.push(boundary && j === 0 ? 1 : 0);
          }
          boundary = 0;
        } else {
          boundary = 1;
        }
        i += ch.length;
      }
    }
    return { nodes, text: chunks.join(''), node, off, len, start };
  }

  /** Whether the element holding a text node is rendered and visible. */
  function visible(textNode) {
    const e = textNode.parentElement;
    if (!e) return false;
    if (typeof e.checkVisibility === 'function') {
      return e.checkVisibility();
    }
    return e.getClientRects().length > 0;
  }

  /** Counts the characters at the start (or end) of `raw` that are neither space nor word characters: quotes, brackets, final stops. */
  function edgePunctuation(raw, fromEnd) {
    const chars = [...raw.trim()];
    if (fromEnd) chars.reverse();
    let n = 0;
    while (n < chars.length && !WORD.test(chars[n]) && !SPACE.test(chars[n])) n++;
    return Math.min(n, 4);
  }

  /** A Range over folded characters [a, b) of the page, widened over the sentence's own leading and trailing punctuation. */
  function rangeOf(page, a, b, raw) {
    const startNode = page.nodes[page.node[a]];
    const endNode = page.nodes[page.node[b - 1]];
    let s = page.off[a];
    let e = page.off[b - 1] + page.len[b - 1];
    const punct = (c) => c && !WORD.test(c) && !SPACE.test(c);
    for (let n = edgePunctuation(raw, false); n > 0 && s > 0 && punct(startNode.nodeValue[s - 1]); n--) s--;
    for (let n = edgePunctuation(raw, true); n > 0 && e < endNode.nodeValue.length && punct(endNode.nodeValue[e]); n--) e++;
    const range = document.createRange();
    range.setStart(startNode, s);
    range.setEnd(endNode, e);
    return range;
  }

  const wordEdges = (page, a, b) => page.start[a] === 1 && (b >= page.text.length || page.start[b] === 1);

  /** Start offsets of `needle` in the folded page, those at or after `from` first, then the earlier ones. */
  function* occurrences(page, needle, from) {
    for (let i = page.text.indexOf(needle, from); i >= 0; i = page.text.indexOf(needle, i + 1)) yield i;
    for (let i = page.text.indexOf(needle); i >= 0 && i < from; i = page.text.indexOf(needle, i + 1)) yield i;
  }

  /** Where a folded sentence is: { a, b, approximate } (folded offsets) for a visible occurrence, else { hidden } or null. */
  function locate(page, needle, from) {
    let hidden = false;
    const accept = (a, b, approximate) => {
      if (needle.length < SHORT && !wordEdges(page, a, b)) return null;
      if (visible(page.nodes[page.node[a]]) && visible(page.nodes[page.node[b - 1]])) return { a, b, approximate };
      hidden = true;
      return null;
    };
    for (const a of occurrences(page, needle, from)) {
      const found = accept(a, a + needle.length, false);
      if (found) return found;
    }
    if (needle.length >= 2 * ANCHOR) {
      const head = needle.slice(0, ANCHOR);
      const tail = needle.slice(-ANCHOR);
      const longest = Math.ceil(needle.length * 1.5) + 80;
      for (const a of occurrences(page, head, from)) {
        const t = page.text.indexOf(tail, a + ANCHOR);
        if (t < 0 || t + ANCHOR - a > longest) continue;
        const found = accept(a, t + ANCHOR, true);
        if (found) return found;
      }
    }
    return hidden ? { hidden: true } : null;
  }

  function scrollToRange(range) {
    const target = range.startContainer.parentElement;
    if (!target) return;
    const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'instant' : 'smooth' });
  }

  /**
   * Marks `sentences` (the chosen sentences' text, in document order) in the
   * page, replacing earlier marks, and scrolls to the first placed one.
   * @param {string[]} sentences
   * @returns {{total: number, placed: number, approximate: number, failures: {index: number, kind: 'not-found'|'hidden'|'empty', text: string}[], supported: boolean}}
   */
  function show(sentences) {
    const report = { total: sentences.length, placed: 0, approximate: 0, failures: [], supported: true };
    if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') {
      report.supported = false;
      report.failures = sentences.map((text, index) => ({ index, kind: 'unsupported', text }));
      return report;
    }
    const page = indexPage();
    const ranges = [];
    let from = 0;
    sentences.forEach((raw, index) => {
      const text = String(raw ?? '');
      const needle = foldText(text);
      if (!needle) {
        report.failures.push({ index, kind: 'empty', text });
        return;
      }
      const where = locate(page, needle, from);
      if (!where || where.hidden) {
        report.failures.push({ index, kind: where?.hidden ? 'hidden' : 'not-found', text });
        return;
      }
      ranges.push(rangeOf(page, where.a, where.b, text));
      report.placed++;
      if (where.approximate) report.approximate++;
      from = where.b;
    });
    CSS.highlights.delete(NAME);
    if (ranges.length) {
      const highlight = new Highlight(...ranges);
      highlight.priority = 1; // above the page's own highlights, if it has any
      CSS.highlights.set(NAME, highlight);
      const first = ranges.reduce((x, y) => (x.compareBoundaryPoints(Range.START_TO_START, y) <= 0 ? x : y));
      scrollToRange(first);
    }
    return report;
  }

  function count() {
    return globalThis.CSS?.highlights?.get(NAME)?.size ?? 0;
  }

  function clear() {
    const n = count();
    globalThis.CSS?.highlights?.delete(NAME);
    return n;
  }

  globalThis.precisHighlights = Object.freeze({ show, clear, count });
})();
