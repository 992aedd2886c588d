// The page (web/index.html + app.js) in Debian's headless Chromium, driven by
// playwright-core: summary and highlights, types and lengths, keyboard use,
// pasted markup, files, limits, core errors, zero requests while summarizing,
// offline reload through the service worker, screenshots.
//   node --test tests/browser/page.test.mjs
// Env: PRECIS_WASM_DIST (served folder), PRECIS_SCREENSHOTS, PRECIS_SHARED.
// One browser context and page for the whole file (a context costs seconds to
// open; a reload from the service worker's cache costs one): the tests run in
// order, each starting from fresh() — settings cleared, page reloaded.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  MAX_INPUT_BYTES,
  SHARED,
  bbcArticles,
  launchBrowser,
  missingPrerequisite,
  nodeCore,
  openPage,
  pasteText,
  screenshotPath,
  serveDist,
  waitOfflineReady,
  waitReady,
  waitRendered,
} from './helpers.mjs';

const skip = missingPrerequisite();
const XSS = '<img src=x onerror=alert(1)>';
// The segmented radios are visually replaced by their labels: click those, as a user does.
const choose = (page, id) => page.click(`label[for="${id}"]`);

describe('precis page', { skip: skip ?? false }, () => {
  let browser;
  let server;
  let url;
  let core;
  let context;
  let page;
  let problems; // page errors, dialogs, CSP reports
  let article; // a realistic BBC article
  let longArticle; // long enough for the original text to scroll
  let noisy; // the article inside the clutter of a web page

  // What the page asks the core for, per type and length.
  const extract = (sentences, extra = {}) => ({ mode: 'extract', sentences, clean: true, keywords: 10, ...extra });
  const expected = (text, options) => core.summarize(text, options);
  const chosen = (result) => result.sentences.filter((s) => s.selected).map((s) => s.text);

  before(async () => {
    ({ server, url } = await serveDist());
    browser = await launchBrowser();
    core = await nodeCore();
    const articles = bbcArticles(100);
    article = articles[0].text;
    longArticle = articles.reduce((a, b) => (b.text.length > a.length ? b.text : a), '');
    noisy = [
      'Skip to content',
      'Home News Sport Business Culture',
      'We use cookies to give you the best online experience. Please let us know if you agree to all of these cookies.',
      'Accept all cookies',
      '',
      article,
      '',
      'Related articles',
      'Share this story',
    ].join('\n');
    ({ context, page, problems } = await openPage(browser, null));
  });

  afterEach(async () => {
    const csp = page && !page.isClosed() ? await page.evaluate(() => window.__cspViolations ?? []).catch(() => []) : [];
    const seen = [...problems, ...csp];
    problems.length = 0;
    assert.deepEqual(seen, [], 'no page errors, dialogs or CSP violations');
  });

  /** Default settings, given viewport and colour scheme, page reloaded and ready. */
  async function fresh({ width = 1280, height = 800, colorScheme = 'light' } = {}) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitReady(page);
  }

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('shows loading progress, then the empty state', async () => {
    // First load of the shared context (no service worker yet): slow the wasm
    // down so the loading state is observable.
    const slow = async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    };
    await context.route('**/precis.wasm', slow);
    await page.goto(url);
    await page.waitForSelector('#loading:not([hidden])');
    assert.match(await page.textContent('#loading'), /Loading the summarizer/);
    await waitReady(page);
    assert.equal(await page.isHidden('#loading'), true);
    assert.match(await page.textContent('#message'), /No text yet/);
    assert.equal(await page.isHidden('#summary-card'), true);
    // The strict CSP is in force (header from serve.mjs, meta for any static server).
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(meta, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'/);
    await context.unroute('**/precis.wasm', slow);
  });

  test('paste an article: summary, highlights, keywords and stats match the core', async () => {
    await fresh();
    await pasteText(page, article);
    await waitRendered(page, article);
    const want = expected(article, extract(3));
    const summary = await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent));
    assert.deepEqual(summary, chosen(want));
    assert.equal(summary.length, 3);
    // Highlights: exactly the chosen sentences, cut from the original by UTF-16 offsets.
    const marks = await page.$$eval('#original mark', (ms) => ms.map((m) => m.textContent));
    assert.deepEqual(
      marks,
      want.sentences.filter((s) => s.selected).map((s) => article.slice(s.utf16Start, s.utf16End)),
    );
    // The original view is the pasted text, character for character.
    assert.equal(await page.textContent('#original'), article);
    // Removed noise is greyed with its reason (as many spans as the core removed).
    const noise = await page.$$eval('#original .noise', (ns) => ns.map((n) => ({ title: n.title, text: n.textContent })));
    assert.equal(noise.length, want.removed.length);
    noise.forEach((n, i) => {
      assert.equal(n.title, `ignored: ${want.removed[i].reason.replaceAll('-', ' ')}`);
      assert.equal(n.text, article.slice(want.removed[i].utf16Start, want.removed[i].utf16End));
    });
    const keywords = await page.$$eval('#keywords li', (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(keywords, want.keywords.map((k) => k.text));
    assert.equal(await page.textContent('#stat-words'), `${want.stats.wordsIn} → ${want.stats.wordsOut}`);
    assert.equal(await page.textContent('#stat-language'), 'English');
    assert.match(await page.textContent('#stat-saved'), /\d+ (min|s)/);
    assert.match(await page.textContent('#stat-time'), /^\d[\d.,]* ms$/);
  });

  test('noisy page text: skipped blocks are greyed with their reason, and can be hidden', async () => {
    await fresh();
    await pasteText(page, noisy);
    await waitRendered(page, noisy);
    const want = expected(noisy, extract(3));
    const noise = await page.$$eval('#original .noise', (ns) => ns.map((n) => n.title));
    assert.deepEqual(noise, want.removed.map((r) => `ignored: ${r.reason.replaceAll('-', ' ')}`));
    assert.deepEqual(await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent)), chosen(want));
    assert.ok(noise.includes('ignored: cookie banner'), `the cookie banner is greyed with its reason: ${noise}`);
    const banner = page.locator('#original .noise[data-reason="cookie-banner"]').first();
    assert.match(await banner.textContent(), /We use cookies|Accept all cookies/);
    assert.equal(await banner.evaluate((e) => getComputedStyle(e).cursor), 'help');
    // "Show skipped text" only hides them from view; the summary stays the same.
    await page.uncheck('#show-removed');
    assert.equal(await banner.isVisible(), false);
    await page.check('#show-removed');
    assert.equal(await banner.isVisible(), true);
    // Cleaning off: the core is asked with clean:false and nothing is greyed.
    await page.uncheck('#clean');
    const raw = expected(noisy, extract(3, { clean: false }));
    await page.waitForFunction((n) => document.querySelectorAll('#original .noise').length === n, raw.removed.length);
    await page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('#summary a.sent')].map((a) => a.textContent)) === want,
      JSON.stringify(chosen(raw)),
    );
  });

  test('real page text: doubtful body is kept, dotted, with its probability', async () => {
    // The first paste of ../shared/data/pages (in name order) where cleaning keeps a block with doubt.
    const dir = join(SHARED, 'data/pages/wcxb');
    let text = null, want = null;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.paste.txt')).sort()) {
      const t = readFileSync(join(dir, f), 'utf8');
      const r = expected(t, extract(3));
      if (r.doubtful.length > 0 && t.length < 20000) {
        text = t;
        want = r;
        break;
      }
    }
    assert.ok(text, 'a page with doubtful body');
    await fresh();
    await pasteText(page, text);
    await waitRendered(page, text);
    assert.deepEqual(await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent)), chosen(want));
    // Each doubtful block is shown (around the chosen sentences it holds) with its probability.
    const shown = await page.$$eval('#original .doubtful', (ds) => ds.map((d) => ({ title: d.title, text: d.textContent })));
    const outside = (d) => {
      let out = '', at = d.utf16Start;
      for (const s of want.sentences.filter((x) => x.selected && x.utf16End > d.utf16Start && x.utf16Start < d.utf16End)) {
        out += text.slice(at, Math.max(at, s.utf16Start));
        at = Math.max(at, s.utf16End);
      }
      return out + text.slice(at, Math.max(at, d.utf16End));
    };
    assert.equal(shown.map((d) => d.text).join(''), want.doubtful.map(outside).join(''));
    const titles = new Set(want.doubtful.map((d) => `kept with doubt: ${Math.round(100 * d.bodyProbability)}% likely article text`));
    for (const d of shown) assert.ok(titles.has(d.title), d.title);
    assert.ok(want.doubtful.every((d) => d.bodyProbability > 0 && d.bodyProbability < 0.5));
    // The doubtful text is kept: its sentences are among the core's.
    assert.equal(await page.textContent('#original'), text);
  });

  test('summary types and lengths, the exact slider, and settings that persist', async () => {
    await fresh();
    await pasteText(page, longArticle);
    await waitRendered(page, longArticle);
    const sentencesShown = (n, selector = '#summary a.sent') =>
      page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [selector, n]);

    // Key points: a bulleted list, 3/5/7.
    await choose(page, 'type-points');
    await sentencesShown(5, '#summary ul.points li');
    assert.deepEqual(await page.$$eval('#summary li', (ls) => ls.map((l) => l.textContent)), chosen(expected(longArticle, extract(5))));
    await choose(page, 'length-short');
    await sentencesShown(3, '#summary ul.points li');
    await choose(page, 'length-long');
    await sentencesShown(7, '#summary ul.points li');
    assert.equal(await page.$$eval('#original mark', (ms) => ms.length), 7);

    // TL;DR: 1/3/5 sentences in a paragraph.
    await choose(page, 'type-tldr');
    await sentencesShown(5, '#summary p.tldr a.sent');
    await choose(page, 'length-short');
    await sentencesShown(1, '#summary p.tldr a.sent');
    assert.deepEqual(await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent)), chosen(expected(longArticle, extract(1))));

    // Headline: the core's headline mode, 12/17/22 words.
    await choose(page, 'type-headline');
    for (const [length, words] of [['short', 12], ['medium', 17], ['long', 22]]) {
      await choose(page, `length-${length}`);
      const want = expected(longArticle, { mode: 'headline', headlineWords: words, clean: true, keywords: 10 }).summary;
      await page.waitForFunction((w) => document.querySelector('#summary p.headline')?.textContent === w, want);
    }
    assert.equal(await page.isDisabled('#count'), true);

    // Teaser: 1/3/5 sentences and a link to the original.
    await choose(page, 'type-teaser');
    await choose(page, 'length-medium');
    await sentencesShown(3, '#summary p.teaser a.sent');
    assert.equal(await page.isVisible('#summary p.teaser a.more'), true);

    // The exact slider overrides the preset and clears the length choice.
    await choose(page, 'type-tldr');
    await page.fill('#count', '4');
    await sentencesShown(4, '#summary p.tldr a.sent');
    assert.equal(await page.textContent('#count-out'), '4');
    assert.deepEqual(await page.$$eval('input[name="length"]:checked', (rs) => rs.length), 0);
    assert.deepEqual(await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent)), chosen(expected(longArticle, extract(4))));

    // Settings survive a reload (localStorage); the text is not stored.
    await page.reload();
    await waitReady(page);
    assert.equal(await page.isChecked('#type-tldr'), true);
    assert.equal(await page.inputValue('#count'), '4');
    assert.equal(await page.textContent('#count-out'), '4');
    await choose(page, 'type-points');
    await choose(page, 'length-medium');
    await page.reload();
    await waitReady(page);
    assert.equal(await page.isChecked('#type-points'), true);
    assert.equal(await page.isChecked('#length-medium'), true);
    assert.equal(await page.inputValue('#input'), '');
  });

  test('clicking a summary sentence scrolls to it in the original', async () => {
    await fresh({ width: 1280, height: 720 });
    await choose(page, 'type-points');
    await choose(page, 'length-long');
    await pasteText(page, longArticle);
    await waitRendered(page, longArticle);
    const last = page.locator('#summary a.sent').last();
    const index = await last.getAttribute('data-index');
    await last.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, `s-${index}`);
    // The mark is scrolled into the visible part of the original text and the window.
    await page.waitForFunction((id) => {
      const mark = document.getElementById(id).getBoundingClientRect();
      const box = document.getElementById('original').getBoundingClientRect();
      return mark.top >= box.top - 1 && mark.top < box.bottom && mark.top >= 0 && mark.top < innerHeight;
    }, `s-${index}`);
    assert.equal(await page.textContent(`#s-${index}`), await last.textContent());
  });

  test('keyboard only: Tab, type, Ctrl+Enter, arrows on the controls, visible focus', async () => {
    await fresh();
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    // From the top of the page: skip link, then the file tools, then the textarea.
    for (let i = 0; i < 8 && (await focused()) !== 'input'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'input');
    await page.keyboard.insertText(article);
    await page.keyboard.press('Control+Enter');
    await waitRendered(page, article);
    assert.equal(await page.$$eval('#summary a.sent', (as) => as.length), 3);
    assert.equal(await focused(), 'input', 'Ctrl+Enter keeps the focus in the text');

    // Tab to the type radios and change the type with the arrow keys.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'type-tldr');
    const outline = await page.evaluate(() => getComputedStyle(document.querySelector('label[for="type-tldr"]')).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused radio shows a focus ring');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.isChecked('#type-points'), true);
    await page.waitForSelector('#summary ul.points li');

    // Down to the Summarize button; its focus ring is visible too.
    for (let i = 0; i < 10 && (await focused()) !== 'go'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'go');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(ring.style, 'none');
    assert.ok(ring.width >= 2);
    await page.keyboard.press('Enter');

    // Enter on a summary sentence (a link) moves the focus to it in the original.
    await page.focus('#summary a.sent');
    const index = await page.evaluate(() => document.activeElement.dataset.index);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, `s-${index}`);

    // Every form control has an accessible name.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=file]), select, textarea, button')]
        .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent.trim()))
        .map((e) => e.id || e.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
  });

  test('pasted markup is only ever rendered as text', async () => {
    await fresh();
    // A real paste from the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.evaluate((t) => navigator.clipboard.writeText(t), XSS);
    await page.focus('#input');
    await page.keyboard.press('Control+V');
    assert.equal(await page.inputValue('#input'), XSS);
    await waitRendered(page, XSS);
    assert.equal(await page.textContent('#summary'), XSS);
    assert.equal(await page.textContent('#original'), XSS);
    assert.equal(await page.locator('img').count(), 0);
    // Markup inside an article, in summary, keywords and highlights alike.
    const html = `<script>alert(2)</script> ${article} <b onmouseover=alert(3)>bold</b>`;
    await pasteText(page, html);
    await waitRendered(page, html);
    assert.equal(await page.locator('main script, main b, main img').count(), 0);
    // The pasted text never reached an HTML sink: none was used at all
    // (helpers.mjs wraps innerHTML, outerHTML, insertAdjacentHTML,
    // document.write, createContextualFragment, DOMParser… before app.js runs).
    assert.deepEqual(await page.evaluate(() => window.__htmlSinks), []);
    // The wrappers do see a use (so the empty list above means something).
    assert.deepEqual(
      await page.evaluate(() => {
        document.createElement('div').innerHTML = '<i>probe</i>';
        return window.__htmlSinks.splice(0);
      }),
      ['innerHTML: <i>probe</i>'],
    );
  });

  test('dropping a .md or .html file loads it as text; other files are refused', async () => {
    await fresh();
    const drop = (name, type, content) =>
      page.evaluate(
        ([name, type, content]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([content], name, { type }));
          const target = document.getElementById('input');
          for (const kind of ['dragenter', 'dragover', 'drop']) {
            target.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
          }
        },
        [name, type, content],
      );
    await drop('article.md', 'text/markdown', article);
    await waitRendered(page, article);
    assert.match(await page.textContent('#meter'), /from article\.md/);
    const page2 = `<html><body><h1>Title</h1><img src=x onerror=alert(1)><p>${article}</p></body></html>`;
    await drop('page.html', 'text/html', page2);
    await waitRendered(page, page2);
    assert.equal(await page.locator('main img').count(), 0);
    await drop('photo.png', 'image/png', 'not text');
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error'), /photo\.png.*\.txt, \.html or \.md/);
  });

  test('input too long: says the 16 MiB limit and does not summarize', async () => {
    await fresh();
    await pasteText(page, article);
    await waitRendered(page, article);
    const tooLong = async () => {
      await page.waitForSelector('#error:not([hidden])');
      const error = await page.textContent('#error');
      assert.match(error, /Text too long/);
      assert.match(error, /up to 16 MiB \(16,777,216 bytes\)/);
      assert.equal(await page.isHidden('#summary-card'), true);
    };
    // Pasted: 16 MiB + a few bytes of UTF-8 (multi-byte characters count as bytes;
    // this is under 16 Mi UTF-16 units). The textarea is hidden while it holds the
    // text only because laying out 16 MB of text takes Chromium half a minute.
    await page.evaluate((max) => {
      const input = document.getElementById('input');
      input.style.display = 'none';
      const line = 'Les élèves écoutent la leçon.\n';
      const bytes = new TextEncoder().encode(line).length;
      input.value = line.repeat(Math.floor(max / bytes) + 1);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, MAX_INPUT_BYTES);
    await page.keyboard.press('Control+Enter');
    await tooLong();
    await page.evaluate(() => {
      const input = document.getElementById('input');
      input.value = '';
      input.style.display = '';
    });
    // Emptying the text gives the empty state back.
    await page.click('#clear');
    await page.waitForSelector('#error', { state: 'hidden' });
    assert.match(await page.textContent('#message'), /No text yet/);
    // Dropped: a file one byte over the limit is refused before it is read.
    await page.evaluate((max) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(max + 1).fill(0x61)], 'huge.txt', { type: 'text/plain' }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        document.getElementById('input').dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, MAX_INPUT_BYTES);
    await tooLong();
    assert.equal(await page.inputValue('#input'), '');
  });

  test('an error from the core shows its message, not a stack trace', async () => {
    await fresh();
    await pasteText(page, article);
    await waitRendered(page, article);
    // A language the core does not support (the menu only lists supported ones).
    await page.evaluate(() => {
      const select = document.getElementById('language');
      select.append(new Option('Klingon', 'tlh'));
      select.value = 'tlh';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForSelector('#error:not([hidden])');
    const message = await page.textContent('#error');
    assert.match(message, /options\.language: unsupported language "tlh"/);
    assert.doesNotMatch(message, /\bat .+:\d+:\d+|Error:|\.js\b/);
    assert.equal(await page.isHidden('#summary-card'), true);
    await page.selectOption('#language', 'auto');
    await waitRendered(page, article);
    assert.equal(await page.isHidden('#error'), true);
  });

  test('copy the summary as plain text or Markdown', async () => {
    await fresh();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await choose(page, 'type-points');
    await pasteText(page, article);
    await waitRendered(page, article);
    const want = chosen(expected(article, extract(5)));
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('copy').textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want.map((t) => `• ${t}`).join('\n'));
    await page.selectOption('#format', 'markdown');
    await page.click('#copy');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(md.split('\n').length, 5);
    assert.ok(md.split('\n').every((line) => line.startsWith('- ')));
    assert.equal(md.replace(/\\(.)/g, '$1'), want.map((t) => `- ${t}`).join('\n'));
  });

  test('zero network requests while summarizing', async () => {
    // Load-time traffic first (the page, the worker, the wasm from the service
    // worker's cache): wait for the server to go quiet.
    let last = Date.now();
    const loadTraffic = () => (last = Date.now());
    server.on('request', loadTraffic);
    await fresh();
    await waitOfflineReady(page);
    await page.waitForLoadState('networkidle');
    for (const start = Date.now(); Date.now() - start < 4000 && Date.now() - last < 500; ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    server.off('request', loadTraffic);
    // Every request the browser makes (pages, workers, service worker), and
    // every one that reaches the server.
    const requests = [];
    const record = (r) => requests.push(r.url());
    const hits = [];
    const hit = (req) => hits.push(req.url);
    context.on('request', record);
    server.on('request', hit);
    await pasteText(page, article);
    await waitRendered(page, article);
    await choose(page, 'type-headline');
    await page.waitForSelector('#summary p.headline');
    await choose(page, 'type-points');
    await page.waitForSelector('#summary ul.points');
    await page.keyboard.press('Control+Enter');
    await pasteText(page, longArticle);
    await waitRendered(page, longArticle);
    await page.fill('#count', '6');
    await page.waitForFunction(() => document.querySelectorAll('#summary a.sent').length === 6);
    await page.waitForTimeout(300);
    context.off('request', record);
    server.off('request', hit);
    assert.deepEqual(requests, []);
    // Chromium checks sw.js for updates a moment after each navigation, on its
    // own schedule; that is the browser's, not the summarizer's.
    assert.deepEqual(hits.filter((u) => u !== '/sw.js'), []);
  });

  test('works offline after the first load (service worker)', async () => {
    await fresh();
    await waitOfflineReady(page);
    await context.setOffline(true);
    try {
      const probe = () => fetch(`probe-${Math.random()}.txt`).then(() => 'online', () => 'offline');
      assert.equal(await page.evaluate(probe), 'offline', 'the network is really off');
      await page.reload();
      await waitReady(page);
      await pasteText(page, article);
      await waitRendered(page, article);
      assert.deepEqual(await page.$$eval('#summary a.sent', (as) => as.map((a) => a.textContent)), chosen(expected(article, extract(3))));
      // A fresh tab in the same (offline) profile opens too.
      const second = await context.newPage();
      await second.goto(url);
      await waitReady(second);
      await second.close();
    } finally {
      await context.setOffline(false);
    }
  });

  test('screenshots: desktop and phone, light and dark; readable at 360 px', async () => {
    const shots = [
      ['desktop-light', 1280, 800, 'light'],
      ['desktop-dark', 1280, 800, 'dark'],
      ['phone-light', 360, 780, 'light'],
      ['phone-dark', 360, 780, 'dark'],
    ];
    for (const [name, width, height, colorScheme] of shots) {
      await fresh({ width, height, colorScheme });
      if (name === 'desktop-light') await page.screenshot({ path: screenshotPath('desktop-light-empty.png') });
      if (name === 'desktop-dark') await choose(page, 'type-points');
      const text = width > 500 ? noisy : article;
      await pasteText(page, text);
      await waitRendered(page, text);
      await page.evaluate(() => document.getElementById('input').setSelectionRange(0, 0));
      await page.evaluate(() => {
        document.getElementById('input').scrollTop = 0;
        document.activeElement.blur();
      });
      // No horizontal scrolling, text not smaller than 12 px.
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        smallest: Math.min(...[...document.querySelectorAll('p, li, label, button, dd, textarea')].map((e) => parseFloat(getComputedStyle(e).fontSize))),
      }));
      assert.ok(layout.scrollWidth <= width, `${name}: page is ${layout.scrollWidth}px wide`);
      assert.ok(layout.smallest >= 12, `${name}: ${layout.smallest}px text`);
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const dark = colorScheme === 'dark';
      const [r, g, b] = bg.match(/\d+/g).map(Number);
      assert.equal(r + g + b < 3 * 128, dark, `${name}: background ${bg}`);
      const path = screenshotPath(`${name}.png`);
      await page.screenshot({ path });
      assert.ok(statSync(path).size > 10_000);
      if (width < 500) {
        await page.locator('#summary-card').scrollIntoViewIfNeeded();
        await page.screenshot({ path: screenshotPath(`${name}-summary.png`) });
        await page.screenshot({ path: screenshotPath(`${name}-full.png`), fullPage: true });
      }
      }
  });
});
