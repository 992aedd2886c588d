// The extension's in-page highlights, keyboard shortcuts and side panel, in
// Debian's Chromium with a window (not headless): on an X virtual framebuffer
// (Xvfb) that the test starts, so that xdotool can press real keys, which
// reach the browser's shortcut handling (keys sent through the DevTools
// protocol go to the page only) and grant activeTab as a reader's key press
// does. Two builds are loaded: the shipped one (the shortcuts; no host
// access, so whatever it reads it reads through the key press's grant) and a
// copy with host access to 127.0.0.1 and no shortcuts, standing in for a
// toolbar click in the popup and side panel tests.
//   - popup: "Highlight in page" marks the summary's sentences in the page as
//     a CSS Custom Highlight (the page's DOM does not change: a
//     MutationObserver sees nothing), scrolls to the first, follows a new
//     length, and clears them; screenshots of the highlighted page, light and dark;
//   - highlight.js on text that differs from the page's DOM (inline elements,
//     NBSP, soft hyphens, curly vs straight quotes, an inline button, a hidden
//     copy, a hidden paragraph, a sentence that is not there);
//   - the shipped build cannot read the page without a grant; Alt+Shift+H
//     highlights (badge: the count), Alt+Shift+H again clears;
//   - Alt+Shift+S opens the side panel on the tab: summary, keywords, removed
//     clutter; on another tab Alt+Shift+S again, and the open panel follows;
//   - the panel view as a page: removed clutter opened, "Summarize this tab"
//     after the reader switches tabs, highlight from the panel; screenshot;
//   - no request leaves 127.0.0.1, no page or console error.
//   node --test tests/browser/extension-highlight.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screenshotPath } from './helpers.mjs';
import {
  EXTENSION, extensionSkip, extensionWorkers, grantedCopy, launchWithExtensions, norm, requireBuiltExtension, serveFixtures, settled,
  tabIdOf, watch,
} from './extension-helpers.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NAME = 'precis-summary';
// The fixtures' own policy: no scripts at all, styles from the page's origin only.
const PAGE_CSP = "default-src 'self'; img-src 'self' data:";

const skip = extensionSkip();

let tmp;
let xvfb;
let display;
let server;
let origin;
let context;
let shipped;
let granted;
const problems = [];
const requests = [];
const pages = {}; // name → { url, page, tabId }

/** Starts Xvfb on a free display; resolves with its number. */
function startXvfb() {
  for (const tool of ['Xvfb', 'xdotool']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: toolchain/setup.sh installs it (toolchain/debian-packages.txt)`);
    }
  }
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

/** Presses `keys` (xdotool's names, e.g. "alt+shift+h") in the browser window, as a reader would. */
function press(keys) {
  execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium', 'windowfocus', '--sync', 'key', '--clearmodifiers', keys], {
    env: { ...process.env, DISPLAY: `:${display}` },
    timeout: 10_000,
  });
}

/** Polls `f` (async) until it returns a truthy value; fails with `what` after `ms`. */
async function until(f, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text of each range of precis's highlight in `page` (read in the page's own world: the registry is the document's). */
function highlighted(page) {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), NAME);
}

/** Starts counting DOM mutations of `page` (window.__mutations) and keeps its markup to compare. */
async function watchDom(page) {
  return page.evaluate(() => {
    window.__mutations = 0;
    new MutationObserver((list) => (window.__mutations += list.length)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    return document.documentElement.outerHTML;
  });
}

async function openTab(name, path) {
  const page = watch(await context.newPage(), problems);
  const url = `${origin}${path}`;
  await page.goto(url);
  pages[name] = { url, page, tabId: await tabIdOf(granted, url) };
  return pages[name];
}

async function openExtensionPage(ext, query, viewport) {
  const page = watch(await context.newPage(), problems);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${ext.id}/popup.html${query}`);
  await settled(page);
  return page;
}

const summaryTexts = (page) => page.$$eval('#summary li, #summary [data-index]', (nodes) => nodes.map((n) => n.textContent));

/** Asks the open side panel of `ext` what it shows (its answer to MESSAGE.panelState), or null. */
function panelState(ext) {
  return ext.sw.evaluate(() => chrome.runtime.sendMessage({ type: 'precis:panel-state' }).catch(() => null));
}

before(async () => {
  if (skip) return;
  requireBuiltExtension();
  tmp = mkdtempSync(join(tmpdir(), 'precis-highlight-'));
  display = await startXvfb();
  const fixture = (name, type) => ({ body: readFileSync(join(FIXTURES, name)), type, csp: PAGE_CSP });
  ({ server, origin } = await serveFixtures({
    '/highlight-page.html': fixture('highlight-page.html'),
    '/highlight-page.css': fixture('highlight-page.css', 'text/css; charset=utf-8'),
    '/news-page.html': fixture('news-page.html'),
  }));
  context = await launchWithExtensions(join(tmp, 'profile'), [EXTENSION, grantedCopy(join(tmp, 'granted'))], {
    headless: false,
    env: { ...process.env, DISPLAY: `:${display}` },
  });
  context.setDefaultTimeout(20_000);
  context.on('request', (r) => requests.push(r.url()));
  ({ shipped, granted } = await extensionWorkers(context));
  assert.ok(shipped && granted, 'both the shipped extension and the test copy are loaded');
  await openTab('weir', '/highlight-page.html');
  await openTab('news', '/news-page.html');
  for (const p of context.pages()) if (p.url() === 'about:blank') await p.close();
});

after(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  xvfb?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the shortcuts are registered: Alt+Shift+H highlights, Alt+Shift+S opens the side panel', { skip }, async () => {
  const commands = await shipped.sw.evaluate(() => chrome.commands.getAll());
  const keys = Object.fromEntries(commands.filter((c) => c.name !== '_execute_action').map((c) => [c.name, c.shortcut]));
  assert.deepEqual(keys, { 'toggle-highlights': 'Alt+Shift+H', 'open-side-panel': 'Alt+Shift+S' });
});

// The weir page's one sentence with an inline button: Readability's copy
// lacks the button's label, the mark in the page spans it.
const withoutButton = (t) => norm(t.replace('centimetresSharein', 'centimetresin'));

test('popup: "Highlight in page" marks the summary in the page without touching its DOM, scrolls to it, follows a new length, clears', { skip }, async () => {
  const { page: weir, tabId } = pages.weir;
  await weir.emulateMedia({ reducedMotion: 'reduce' });
  const before = await watchDom(weir);
  const popup = await openExtensionPage(granted, `?tab=${tabId}`);
  assert.equal(await popup.evaluate(() => document.documentElement.dataset.state), 'ready', await popup.textContent('#message'));
  assert.equal(await popup.getAttribute('#highlight', 'aria-pressed'), 'false');
  const sentences = await summaryTexts(popup);
  assert.equal(sentences.length, 3);

  await popup.click('#highlight');
  await popup.waitForFunction(() => document.getElementById('highlight').getAttribute('aria-pressed') === 'true');
  assert.equal(await popup.textContent('#highlight'), 'Clear highlights');
  assert.equal(await popup.textContent('#highlight-status'), '3 of 3 sentences highlighted in the page.');
  const marked = await highlighted(weir);
  assert.deepEqual(marked.map(withoutButton), sentences.map(norm), 'each chosen sentence is marked, in order, exactly');

  // Scrolled so that the first mark is in view.
  const first = await weir.evaluate((name) => {
    const r = [...CSS.highlights.get(name)][0].getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  }, NAME);
  assert.ok(first.top >= 0 && first.bottom <= first.height, `the first highlight is in the viewport: ${JSON.stringify(first)}`);

  // The marks are painted: the page looks different with and without them (same scroll position).
  await weir.bringToFront();
  const light = await weir.screenshot({ path: screenshotPath('extension-highlight-light.png') });
  await weir.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const dark = await weir.screenshot({ path: screenshotPath('extension-highlight-dark.png') });
  await weir.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  assert.notDeepEqual(light, dark);

  // Another length: the marks follow the new summary.
  await popup.bringToFront();
  await popup.click('label[for="length-medium"]');
  await popup.waitForFunction(() => document.documentElement.dataset.length === 'medium' && document.getElementById('highlight-status').textContent.startsWith('5 of 5'));
  assert.deepEqual((await highlighted(weir)).map(withoutButton), (await summaryTexts(popup)).map(norm));

  // A second click clears them.
  await popup.click('#highlight');
  await popup.waitForFunction(() => document.getElementById('highlight').getAttribute('aria-pressed') === 'false');
  assert.equal(await popup.textContent('#highlight-status'), 'Highlights cleared.');
  assert.equal(await weir.evaluate((name) => CSS.highlights.has(name), NAME), false);
  await weir.bringToFront();
  const plain = await weir.screenshot();
  assert.notDeepEqual(plain, light, 'without the marks the page looks different');

  assert.equal(await weir.evaluate(() => window.__mutations), 0, 'the page\'s DOM was not modified');
  assert.equal(await weir.evaluate(() => document.documentElement.outerHTML), before);
  await granted.sw.evaluate(() => chrome.storage.local.clear());
  await popup.close();
});

test('highlight.js places sentences whose text differs from the DOM, and reports the ones it cannot place', { skip }, async () => {
  const { page: weir, tabId } = pages.weir;
  const sentences = [
    // spans <em>, <a> and an NBSP
    'The river authority opened the rebuilt weir at Elm Ford on Friday, two years after floods tore a hole in the old stone structure and drained the mill pond upstream.',
    // also in a hidden teaser above: the visible paragraph is marked
    'The new weir at Elm Ford lets salmon pass upstream for the first time in ninety years.',
    // soft hyphens in the page
    'Engineers from the authority spent the winter building the pools from local limestone, so that the new weir matches the colour of the old mill walls beside it.',
    // straight quotes and apostrophe for the page's curly ones
    '"We wanted a weir that fish can climb and people can cross," said Helen Marsh, the authority\'s project manager.',
    // the page has an inline "Share" button inside the sentence (and no spaces around it)
    'Water levels in the mill pond rose by forty centimetres in the first week after the gates closed, and the authority says the pond will be back to its old depth by midsummer.',
    // in a paragraph the page hides (display: none)
    'This article was printed from the Valley Courier website and is for personal use only.',
    // nowhere
    'Nothing like this sentence appears anywhere on the page at all.',
  ];
  const report = await granted.sw.evaluate(
    async ([id, s]) => {
      await chrome.scripting.executeScript({ target: { tabId: id }, files: ['highlight.js'] });
      const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, func: (x) => globalThis.precisHighlights.show(x), args: [s] });
      return r.result;
    },
    [tabId, sentences],
  );
  assert.equal(report.total, 7);
  assert.equal(report.placed, 5);
  assert.equal(report.approximate, 1);
  assert.deepEqual(report.failures.map((f) => [f.index, f.kind]), [[5, 'hidden'], [6, 'not-found']]);
  const marked = await highlighted(weir);
  const dom = await weir.evaluate(() => [...document.querySelectorAll('.story-body p')].map((p) => p.textContent));
  const paragraph = (start) => dom.find((p) => p.startsWith(start));
  const upTo = (p, end) => p.slice(0, p.indexOf(end) + end.length);
  assert.equal(marked[0], paragraph('The '), 'the first paragraph, across its inline elements');
  assert.equal(marked[1], upTo(paragraph('The new weir'), 'years.'));
  assert.equal(marked[2], paragraph('Engi'), 'across the soft hyphens');
  assert.equal(marked[3], upTo(paragraph('“We'), 'manager.'), 'from the opening quote to the full stop');
  assert.equal(marked[4], 'Water levels in the mill pond rose by forty centimetresSharein the first week after the gates closed, and the authority says the pond will be back to its old depth by midsummer.');
  const where = await weir.evaluate((name) => [...CSS.highlights.get(name)].map((r) => r.startContainer.parentElement.closest('.story-body, .mobile-teaser')?.className), NAME);
  assert.deepEqual(where, ['story-body', 'story-body', 'story-body', 'story-body', 'story-body'], 'the visible copy, not the hidden teaser');
  assert.equal(await weir.evaluate(() => document.querySelector('.story-body p').textContent.includes('\u00ad')), false);
  await granted.sw.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.precisHighlights.clear() }), tabId);
});

test('shortcut: without a grant the shipped build cannot read the page; Alt+Shift+H highlights, again clears (badge: the count)', { skip }, async () => {
  const { page: news, tabId } = pages.news;
  const refused = await shipped.sw.evaluate((id) => toggleHighlights({ id }), tabId);
  assert.match(refused.problem, /precis cannot read this page/);

  await news.bringToFront();
  await news.emulateMedia({ reducedMotion: 'reduce' });
  const before = await watchDom(news);
  press('alt+shift+h');
  const marked = await until(async () => {
    const m = await highlighted(news);
    return m.length ? m : null;
  }, 'the shortcut\'s highlights');
  assert.equal(marked.length, 3, 'key points, short: 3 sentences');
  const body = norm(await news.$$eval('.article-body p', (ps) => ps.map((p) => p.textContent).join(' ')));
  for (const m of marked) assert.ok(body.includes(norm(m)), `"${m}" is a sentence of the article`);
  assert.equal(await shipped.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '3');
  assert.match(await shipped.sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId), /3 of 3 sentences highlighted/);

  press('alt+shift+h');
  await until(async () => (await highlighted(news)).length === 0, 'the highlights to clear');
  assert.equal(await shipped.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), '');
  assert.equal(await news.evaluate(() => window.__mutations), 0, 'the page\'s DOM was not modified');
  assert.equal(await news.evaluate(() => document.documentElement.outerHTML), before);
});

test('side panel: Alt+Shift+S opens it on the tab (summary, keywords, clutter); on another tab the open panel follows', { skip }, async () => {
  const { page: weir, tabId: weirTab } = pages.weir;
  await weir.bringToFront();
  press('alt+shift+s');
  const contexts = await until(
    async () => {
      const c = await shipped.sw.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
      return c.length && c.every((x) => x.documentUrl) ? c : null; // the URL is empty until the panel's page commits
    },
    'the side panel to open',
  );
  assert.equal(contexts.length, 1);
  assert.equal(contexts[0].documentUrl, `chrome-extension://${shipped.id}/popup.html?view=panel`);
  let state = await until(async () => {
    const s = await panelState(shipped);
    return s?.state === 'ready' ? s : null;
  }, 'the panel\'s summary');
  assert.equal(state.view, 'panel');
  assert.equal(state.tabId, weirTab);
  assert.equal(state.sentences.length, 3);
  const weirText = withoutButton(await weir.$eval('.story-body', (b) => b.textContent));
  for (const s of state.sentences) assert.ok(weirText.includes(norm(s)), `"${s}" is from the weir article`);
  assert.ok(state.removed >= 2, `the related link and the newsletter prompt were set aside (${state.removed})`);

  // The reader moves to the other tab and asks again: the open panel follows.
  const { page: news, tabId: newsTab } = pages.news;
  await news.bringToFront();
  press('alt+shift+s');
  state = await until(async () => {
    const s = await panelState(shipped);
    return s?.state === 'ready' && s.tabId === newsTab ? s : null;
  }, 'the panel to follow the other tab');
  const body = norm(await news.$$eval('.article-body p', (ps) => ps.map((p) => p.textContent).join(' ')));
  for (const s of state.sentences) assert.ok(body.includes(norm(s)), `"${s}" is from the news article`);
});

test('the panel view: removed clutter opened, "Summarize this tab" after a tab switch, highlight from the panel', { skip }, async () => {
  const { page: news, tabId: newsTab } = pages.news;
  const { page: weir } = pages.weir;
  await weir.bringToFront();
  const panel = await openExtensionPage(granted, `?view=panel&tab=${pages.weir.tabId}`, { width: 400, height: 1000 });
  assert.equal(await panel.evaluate(() => document.documentElement.dataset.state), 'ready', await panel.textContent('#message'));
  assert.equal(await panel.evaluate(() => document.documentElement.classList.contains('panel')), true);
  assert.equal(await panel.$eval('#removed-card', (d) => d.open && !d.hidden), true, 'the removed clutter is shown, opened');
  const reasons = await panel.$$eval('#removed li', (lis) => lis.map((li) => li.dataset.reason));
  assert.ok(reasons.length > 0 && reasons.every(Boolean), `each removed block has its reason: ${reasons.join(', ')}`);
  // Blocks kept with doubt: listed with their probability, the card shown only when there are some.
  const doubtful = await panel.$$eval('#doubtful li .reason', (ls) => ls.map((l) => l.textContent));
  assert.equal(await panel.textContent('#doubtful-count'), String(doubtful.length));
  assert.equal(await panel.$eval('#doubtful-card', (d) => d.hidden), doubtful.length === 0);
  for (const label of doubtful) assert.match(label, /^\d{1,2}% article$/);
  assert.ok((await panel.$$eval('#keywords li', (l) => l.length)) > 0, 'keywords');
  assert.equal(await panel.isHidden('#open-panel'), true, 'no "Open side panel" inside the panel');
  await panel.screenshot({ path: screenshotPath('extension-panel-light.png'), fullPage: true });

  // The reader switches to the news tab: the panel offers to follow.
  await news.bringToFront();
  await panel.waitForFunction(() => !document.getElementById('follow').hidden);
  assert.match(await panel.textContent('#follow-text'), /not of the tab you are on/);
  await panel.click('#follow-button');
  await panel.waitForFunction(() => document.getElementById('source-title').textContent.includes('tidal energy lab') && document.documentElement.dataset.state === 'ready');
  assert.equal(await panel.isHidden('#follow'), true);
  await panel.click('#highlight');
  await panel.waitForFunction(() => document.getElementById('highlight').getAttribute('aria-pressed') === 'true');
  assert.deepEqual((await highlighted(news)).map(norm), (await summaryTexts(panel)).map(norm));
  await panel.click('#highlight');
  await panel.waitForFunction(() => document.getElementById('highlight').getAttribute('aria-pressed') === 'false');
  assert.equal((await highlighted(news)).length, 0);
  assert.ok(newsTab > 0);
  await panel.close();
});

test('no request left 127.0.0.1 for a page or the extension, and no page or console error', { skip }, () => {
  const local = (u) => u.startsWith(`${origin}/`) || u.startsWith('chrome-extension://') || u.startsWith('data:');
  assert.deepEqual(requests.filter((u) => !local(u)), []);
  assert.ok(requests.includes(`chrome-extension://${granted.id}/precis.wasm`), 'precis.wasm came from the extension');
  assert.deepEqual(problems, []);
});
