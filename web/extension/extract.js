// extract.js — runs in the current tab (the extension's isolated world), right
// after readability.js, when the popup asks for the page's article:
//   chrome.scripting.executeScript({ target: { tabId }, files: ['readability.js', 'extract.js'] })
// The value of the last expression below is what executeScript returns:
//   { title, textContent, url, lang, method: 'readability' | 'body', length }
// Readability (Firefox's Reader View library) parses a clone of the document,
// so the page itself is never modified. Captions are taken out of the clone
// first (<figcaption>, and short elements whose class or id names a caption):
// they describe pictures, not the story, and Readability keeps them. Its article HTML is turned back into
// plain text with a blank line between blocks (paragraphs, headings, list
// items), which precis's segmenter uses. When Readability finds no article,
// the page's visible text (document.body.innerText) is used instead; precis's
// own cleaning stage still sets clutter aside in both cases.
// Nothing here renders anything or talks to the network.
(() => {
  // Below this many characters Readability's article is probably a fragment
  // (a teaser box, a cookie notice) and the visible text is a better input.
  const MIN_ARTICLE_CHARS = 280;
  const BLOCKS = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
    'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
    'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
  ]);
  const CAPTIONS = 'figcaption, [class*="caption" i], [id*="caption" i]';
  // A caption is short; a long element naming one is a container (a page's
  // <body class="… f_caption_muted_videos_on …">).
  const MAX_CAPTION_CHARS = 400;
  const isCaption = (el) => el.localName === 'figcaption' || (el.localName !== 'body' && el.localName !== 'html' && el.textContent.length <= MAX_CAPTION_CHARS);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);

  /** Plain text of an element tree: blocks separated by blank lines, <br> as a line break. */
  function blockText(root) {
    const parts = [];
    let line = '';
    const flush = () => {
      const t = line.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
      if (t) parts.push(t);
      line = '';
    };
    const walk = (n) => {
      if (n.nodeType === 3) {
        line += n.nodeValue.replace(/[\r\n]+/g, ' ');
        return;
      }
      if (n.nodeType !== 1 || SKIP.has(n.nodeName.toUpperCase())) return;
      const name = n.nodeName.toUpperCase();
      if (name === 'BR') {
        line += '\n';
        return;
      }
      const block = BLOCKS.has(name);
      if (block) flush();
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      if (block) flush();
    };
    walk(root);
    flush();
    return parts.join('\n\n');
  }

  const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
  let title = norm(document.title);
  let text = '';
  let method = 'body';

  try {
    if (typeof Readability === 'function') {
      const clone = document.cloneNode(true);
      for (const caption of clone.querySelectorAll(CAPTIONS)) if (isCaption(caption)) caption.remove();
      const article = new Readability(clone).parse();
      if (article) {
        // article.content is Readability's cleaned HTML, parsed inertly here
        // (DOMParser runs no scripts and loads nothing) only to read its text.
        let body = '';
        if (article.content) {
          const doc = new DOMParser().parseFromString(article.content, 'text/html');
          body = blockText(doc.body);
        }
        if (!body) body = String(article.textContent ?? '').trim();
        if (body.length >= MIN_ARTICLE_CHARS) {
          text = body;
          method = 'readability';
          if (norm(article.title)) title = norm(article.title);
        }
      }
    }
  } catch {
    text = ''; // a page Readability cannot parse: fall back to the visible text
  }
  if (!text) text = String(document.body?.innerText ?? '').trim();

  // The title as the first paragraph lets precis recognise it (and score
  // sentences against it) unless the article already starts with it.
  if (title && !norm(text.slice(0, title.length * 2)).startsWith(title)) text = `${title}\n\n${text}`;

  return { title, textContent: text, url: location.href, lang: document.documentElement.lang || '', method, length: text.length };
})();
