// The browser extension (web/extension, built into build/wasm/extension) in
// Debian's headless Chromium, loaded unpacked into a persistent context with
// --load-extension (the new headless mode runs extensions):
//   - its manifest asks for the minimum (activeTab, scripting, contextMenus,
//     storage, sidePanel; no host permissions, no content scripts) under
//     script-src 'self' 'wasm-unsafe-eval';
//   - the popup, opened as a page against a tab (popup.html?tab=<id>), pulls
//     the article out of a local news-like page (tests/browser/fixtures/
//     news-page.html: cookie banner, captions, related links, newsletter box)
//     with Readability and summarizes it with precis in a Worker: the summary
//     sentences come from the article body; type, length, copy and settings
//     that persist in chrome.storage.local;
//   - "Summarize selection": the background's handler (the one the context
//     menu calls) stores the selection and opens popup.html?selection=<id> in
//     a tab, which summarizes exactly the selected paragraphs;
//   - no request leaves 127.0.0.1 on behalf of a page or the extension: every
//     request the browser context makes is recorded (Playwright), Chromium's
//     net log names who asked for each request its network stack made (the
//     initiator origin; none for the browser's own services), and all traffic
//     bound off the machine goes to a recording proxy that refuses it.
// Chromium itself talks to Google on its own (sign-in's ListAccounts, an
// on-demand component update check, Autofill's form-type queries for the
// fixture's newsletter form) with or without the extension loaded; those
// requests have no initiator in the net log. The test allows exactly those:
// every proxied request must be one the net log attributes to the browser,
// and none that leaves the machine may have a page or extension initiator.
// A toolbar click (which grants activeTab) cannot be made in headless
// Chromium, so the article path runs on a copy of the built extension whose
// only change is host_permissions ["http://127.0.0.1/*"], standing in for
// that grant; the shipped build itself is loaded alongside it, and is checked
// to be refused the page without the grant and to summarize selections.
//   node --test tests/browser/extension.test.mjs
// Highlights, the shortcut and the side panel: extension-highlight.test.mjs;
// real pages: extension-pages.test.mjs; Firefox: extension-firefox.test.mjs.
// Env: PRECIS_WASM_DIST (the built bundle; the extension is ../extension next
// to it, or PRECIS_EXTENSION), PRECIS_CHROMIUM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXTENSION, ZIP, extensionSkip, extensionWorkers, grantedCopy, launchWithExtensions, norm, requireBuiltExtension, serveFixtures,
  settled, tabIdOf, watch as watchFor,
} from './extension-helpers.mjs';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const MENU_ID = 'precis-summarize-selection';

const skip = extensionSkip();

let tmp;
let server;
let proxy;
let context;
let origin;
let newsUrl;
let newsPage;
let newsTabId;
let shipped; // { id, sw }
let granted; // { id, sw }: the copy with host access to 127.0.0.1
let article; // { paragraphs: string[], body: string }
let netLog; // Chromium's net log (--log-net-log), complete once the context has closed
const requests = [];
const proxied = [];
const problems = [];

const CLUTTER = [
  'cookie', 'Accept all', 'Photo:', 'ferry crane. Photo', 'Related stories', 'Offshore wind farm', 'bankruptcy',
  'seal pups', 'Wave power prototype', 'newsletter', 'Sign up', 'Most read', 'regatta', 'All rights reserved', 'Share on',
];

// The news page's own policy: strict (no scripts of its own, images only from
// itself and data: URLs). The extension's injected scripts run in their
// isolated world, which a page's CSP does not govern: this shows they do.
const NEWS_CSP = "default-src 'self'; img-src 'self' data:";

/** A tiny proxy that records (and refuses) whatever Chromium tries to send off the machine. */
function startRecordingProxy() {
  const p = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  p.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((r) => p.listen(0, '127.0.0.1', () => r(p)));
}

const watch = (page) => watchFor(page, problems);

/** Opens an extension page and waits until it has settled (summary shown, or an error/empty state). */
async function openPopup(ext, query) {
  const page = watch(await context.newPage());
  await page.goto(`chrome-extension://${ext.id}/popup.html${query}`);
  await settled(page);
  return page;
}

async function summaryTexts(page) {
  return page.$$eval('#summary li, #summary [data-index], #summary .headline', (nodes) => nodes.map((n) => n.textContent));
}

/** Picks a type or length the way a reader does (the labels are the visible controls) and waits for the new summary. */
async function choose(page, id) {
  const [name, value] = await page.$eval(`#${id}`, (r) => [r.name, r.value]);
  await page.click(`label[for="${id}"]`);
  await page.waitForFunction(
    ([n, v]) => document.documentElement.dataset.state === 'ready' && document.documentElement.dataset[n] === v,
    [name, value],
    { timeout: 10_000 },
  );
}

before(async () => {
  if (skip) return;
  requireBuiltExtension();
  tmp = mkdtempSync(join(tmpdir(), 'precis-extension-'));
  const grantedDir = grantedCopy(join(tmp, 'granted')); // host access to the test server (see the header)

  ({ server, origin } = await serveFixtures({ '/news-page.html': { body: readFileSync(join(FIXTURES, 'news-page.html')), csp: NEWS_CSP } }));
  newsUrl = `${origin}/news-page.html`;
  proxy = await startRecordingProxy();

  netLog = join(tmp, 'netlog.json');
  context = await launchWithExtensions(join(tmp, 'profile'), [EXTENSION, grantedDir], {
    args: [
      // Anything that is not loopback goes to the recording proxy.
      `--proxy-server=http://127.0.0.1:${proxy.address().port}`,
      // Every request of the network stack, with its initiator (URLs, no cookies or bodies).
      `--log-net-log=${netLog}`,
      '--net-log-capture-mode=Default',
    ],
  });
  context.setDefaultTimeout(20_000);
  context.on('request', (r) => requests.push(r.url()));
  ({ shipped, granted } = await extensionWorkers(context));
  assert.ok(shipped && granted, 'both the shipped extension and the test copy are loaded');

  newsPage = watch(context.pages()[0] ?? (await context.newPage()));
  await newsPage.goto(newsUrl);
  newsTabId = await tabIdOf(granted, newsUrl);
  article = await newsPage.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('.article-body p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim());
    return { paragraphs, body: paragraphs.join(' ') };
  });
});

after(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  await new Promise((r) => (proxy ? proxy.close(r) : r()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the manifest asks for the minimum; the build has the wasm, the JS, Readability and a zip', { skip }, () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable']) {
    assert.equal(manifest[key], undefined, `no ${key}`);
  }
  assert.deepEqual(manifest.content_security_policy, { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" });
  assert.equal(manifest.action.default_popup, 'popup.html');
  assert.deepEqual(manifest.background, { service_worker: 'background.js', type: 'module' });
  assert.deepEqual(manifest.side_panel, { default_path: 'popup.html?view=panel' });
  assert.deepEqual(Object.keys(manifest.commands).sort(), ['open-side-panel', 'toggle-highlights']);
  const files = [
    'background.js', 'popup.html', 'popup.js', 'popup.css', 'theme.css', 'extract.js', 'readability.js', 'highlight.js', 'highlight.css',
    'precis-worker.js', 'precis.wasm',
  ];
  for (const size of Object.keys(manifest.icons)) files.push(manifest.icons[size]);
  for (const f of files) assert.ok(existsSync(join(EXTENSION, f)), `${f} is in the build`);
  assert.match(readFileSync(join(EXTENSION, 'readability.js'), 'utf8').slice(0, 1000), /Licensed under the Apache License, Version 2\.0/);
  // No remote code and no network: the extension's own scripts name no URL and build no code from strings.
  for (const f of ['background.js', 'popup.js', 'extract.js', 'highlight.js', 'highlight.css', 'popup.html']) {
    const code = readFileSync(join(EXTENSION, f), 'utf8');
    assert.doesNotMatch(code, /https?:\/\//, `${f} names no remote URL`);
    assert.doesNotMatch(code, /\beval\s*\(|new Function\b|innerHTML|insertAdjacentHTML|document\.write/, `${f}: no code from strings, no markup from text`);
  }
  // The zip: the same files with manifest.json at its root.
  const zip = readFileSync(ZIP);
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
  for (const f of files) assert.ok(zip.includes(Buffer.from(f.replace(/^\.\//, ''))), `${f} is in precis-extension.zip`);
  assert.ok(!zip.includes(Buffer.from('extension/manifest.json')), 'manifest.json is at the root of the zip');
});

test('the popup summarizes the article body (Readability), not the cookie banner, captions or related links', { skip }, async () => {
  const page = await openPopup(granted, `?tab=${newsTabId}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', await page.textContent('#message'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.method), 'readability');
  assert.match(await page.textContent('#source'), /Harbour town turns old ferry terminal into a tidal energy lab/);
  const points = await page.$$eval('#summary ul.points li', (lis) => lis.map((li) => li.textContent));
  assert.equal(points.length, 3, 'key points, short: 3 bullets');
  for (const p of points) {
    assert.ok(article.body.includes(norm(p)), `"${p}" is a sentence of the article body`);
    for (const c of CLUTTER) assert.ok(!p.includes(c), `"${p}" has no clutter (${c})`);
  }
  assert.equal(await page.$eval('#stat-language', (d) => d.dataset.code), 'en');
  assert.equal(await page.textContent('#stat-language'), 'English');
  const keywords = await page.$$eval('#keywords li', (lis) => lis.map((li) => li.textContent));
  assert.ok(keywords.length > 0, 'keywords are shown');
  assert.ok(keywords.some((k) => /turbine|basin|tidal/i.test(k)), `keywords are about the article: ${keywords.join(', ')}`);
  await page.close();
});

test('type and length controls, copy, and settings that persist in chrome.storage.local', { skip }, async () => {
  const page = await openPopup(granted, `?tab=${newsTabId}`);
  await choose(page, 'type-headline');
  const headline = await page.textContent('#summary .headline');
  assert.ok(headline.split(/\s+/).length <= 12, `a short headline has at most 12 words: ${headline}`);
  // Headline style may leave out words (articles, attributions), never add any.
  const bodyWords = new Set(article.body.toLowerCase().split(/[^\p{L}\p{N}$%]+/u));
  for (const w of headline.replace(/…$/, '').toLowerCase().split(/[^\p{L}\p{N}$%]+/u).filter(Boolean)) {
    assert.ok(bodyWords.has(w), `headline word "${w}" is from the body: ${headline}`);
  }

  await choose(page, 'type-tldr');
  await choose(page, 'length-long');
  const tldr = await page.$$eval('#summary p.tldr [data-index]', (s) => s.map((n) => n.textContent));
  // TL;DR, long: whole sentences within 100 words (the Summarizer API's long), more than medium's 60.
  const tldrWords = tldr.join(' ').split(/\s+/).length;
  assert.ok(tldr.length >= 2 && tldrWords <= 100 && tldrWords > 60, `TL;DR, long: ${tldr.length} sentences, ${tldrWords} words`);
  for (const s of tldr) assert.ok(article.body.includes(norm(s)), `"${s}" is from the body`);

  await choose(page, 'type-points');
  await choose(page, 'length-medium');
  const points = await page.$$eval('#summary ul.points li', (lis) => lis.map((li) => li.textContent));
  assert.equal(points.length, 5, 'key points, medium: 5 bullets');

  // Copy: the bullets as plain text, or as Markdown. The extension has no
  // clipboard permission (none is needed: a click on Copy is a user gesture),
  // and Chromium grants none to extension origins from a test, so the
  // clipboard is read back from the news page, whose origin may be granted it.
  // A sentinel written there first shows that the popup replaced it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const copyAs = async (format) => {
    await newsPage.bringToFront();
    await newsPage.evaluate(() => navigator.clipboard.writeText('sentinel: not copied yet'));
    await page.bringToFront();
    await page.waitForFunction(() => !document.getElementById('copy').dataset.state); // the last "Copied" has gone
    await page.selectOption('#format', format);
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('copy').dataset.state === 'done');
    assert.equal(await page.textContent('#copy'), 'Copied');
    await newsPage.bringToFront();
    return newsPage.evaluate(() => navigator.clipboard.readText());
  };
  assert.equal(await copyAs('text'), points.map((p) => `• ${p}`).join('\n'));
  // Markdown: "- " bullets, with the Markdown characters of the text escaped.
  const md = (t) => t.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  assert.equal(await copyAs('markdown'), points.map((p) => `- ${md(p)}`).join('\n'));

  // The settings outlive the popup.
  assert.deepEqual(await granted.sw.evaluate(() => chrome.storage.local.get('settings')), {
    settings: { type: 'key-points', length: 'medium', format: 'markdown' },
  });
  await page.reload();
  await settled(page);
  assert.deepEqual(
    await page.evaluate(() => [
      document.querySelector('input[name="type"]:checked')?.value,
      document.querySelector('input[name="length"]:checked')?.value,
      document.getElementById('format').value,
    ]),
    ['key-points', 'medium', 'markdown'],
  );
  assert.equal((await summaryTexts(page)).length, 5);
  await page.evaluate(() => chrome.storage.local.clear());
  await page.close();
});

/** Selects paragraphs [from, to] of the article in the news tab; returns what the context menu would pass as selectionText. */
async function selectParagraphs(from, to) {
  await newsPage.bringToFront();
  return newsPage.evaluate(([a, b]) => {
    const ps = document.querySelectorAll('.article-body p');
    const range = document.createRange();
    range.setStartBefore(ps[a].firstChild);
    range.setEndAfter(ps[b].lastChild);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString().replace(/\s+/g, ' ').trim(); // Chromium collapses whitespace in selectionText
  }, [from, to]);
}

/** Runs what a click on "Summarize selection" runs in `ext`'s service worker; returns the result page. */
async function summarizeSelection(ext, selectionText) {
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('popup.html?selection=') });
  const { id, tabId } = await ext.sw.evaluate(
    async ([tabId, text, menuItemId]) => summarizeSelection({ menuItemId, selectionText: text, frameId: 0, editable: false }, await chrome.tabs.get(tabId)),
    [newsTabId, selectionText, MENU_ID],
  );
  const page = watch(await opened);
  assert.equal(page.url(), `chrome-extension://${ext.id}/popup.html?selection=${id}`);
  assert.ok(typeof tabId === 'number');
  await settled(page);
  return { page, id };
}

test('"Summarize selection" (the shipped extension): the selection is summarized in a tab', { skip }, async () => {
  const selected = await selectParagraphs(4, 6);
  const outside = article.paragraphs.filter((_, i) => i < 4 || i > 6);
  const { page, id } = await summarizeSelection(shipped, selected);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', await page.textContent('#message'));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'selection');
  assert.match(await page.textContent('#source'), /Selection from/);
  const points = await page.$$eval('#summary ul.points li', (lis) => lis.map((li) => li.textContent));
  assert.equal(points.length, 3);
  for (const p of points) {
    assert.ok(selected.includes(norm(p)), `"${p}" is from the selection`);
    assert.ok(!outside.some((o) => o.includes(norm(p))), `"${p}" is not from outside the selection`);
  }
  // Without an activeTab grant the worker cannot read the page: it keeps the menu's selectionText.
  const stored = await shipped.sw.evaluate((key) => chrome.storage.session.get(key), `selection:${id}`);
  assert.equal(stored[`selection:${id}`].text, selected);
  await page.close();
});

test('"Summarize selection" with access to the page keeps the selection\'s paragraph breaks', { skip }, async () => {
  const selected = await selectParagraphs(1, 3);
  const { page, id } = await summarizeSelection(granted, selected);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready', await page.textContent('#message'));
  const stored = (await granted.sw.evaluate((key) => chrome.storage.session.get(key), `selection:${id}`))[`selection:${id}`];
  assert.ok(stored.text.includes('\n'), 'the page\'s own selection, with line breaks');
  assert.equal(norm(stored.text), selected);
  assert.equal(stored.url, newsUrl);
  assert.match(await page.textContent('#source'), /Selection from Harbour town/);
  for (const p of await summaryTexts(page)) assert.ok(selected.includes(norm(p)), `"${p}" is from the selection`);
  await page.close();
});

test('without a toolbar click (no activeTab grant) the shipped popup cannot read the page, and says so', { skip }, async () => {
  const page = await openPopup(shipped, `?tab=${newsTabId}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'error');
  assert.match(await page.textContent('#message-title'), /precis cannot read this page/);
  assert.equal(await page.$$eval('#summary *', (n) => n.length), 0);
  await page.close();
});

/** The URL requests of Chromium's net log: { url, initiator } ("not an origin" when the browser itself asked). */
function netLogRequests(path) {
  const log = JSON.parse(readFileSync(path, 'utf8'));
  const START = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.filter((e) => e.type === START && e.params?.url).map((e) => ({ url: e.params.url, initiator: e.params.initiator ?? 'not an origin' }));
}

/** "host:port" of a URL, with the scheme's default port. */
function hostPort(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`;
}

test('no request left 127.0.0.1 for a page or the extension, and no page error or CSP violation', { skip }, async (t) => {
  // A request a page makes is logged with the page's origin as its initiator
  // (so a fetch by the extension's pages, workers or service worker would be
  // logged with chrome-extension://<id>): the control for the check below.
  const probe = `${origin}/initiator-probe`;
  await newsPage.evaluate((u) => fetch(u).then(() => {}, () => {}), probe);
  await context.close(); // Chromium completes its net log on exit
  context = null;

  const local = (u) => u.startsWith(`${origin}/`) || u.startsWith('chrome-extension://') || u.startsWith('data:');
  assert.deepEqual(requests.filter((u) => !local(u)), [], 'requests seen by the browser context');
  assert.ok(requests.includes(newsUrl), 'the news page was requested (and seen by the test)');
  assert.ok(requests.some((u) => u === `chrome-extension://${granted.id}/precis.wasm`), 'precis.wasm was loaded from the extension');

  const logged = netLogRequests(netLog);
  assert.ok(logged.some((r) => r.url === newsUrl), 'the net log covers the session');
  assert.ok(logged.some((r) => r.url === probe && r.initiator === origin), 'a page\'s request is logged with its origin as initiator');
  const isLocal = (u) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);
  const remote = logged.filter((r) => /^(https?|wss?):/.test(r.url) && !isLocal(r.url));
  assert.deepEqual(
    remote.filter((r) => r.initiator !== 'not an origin'),
    [],
    'no page, extension page, worker or service worker asked for anything off the machine',
  );
  const browserOwn = new Set(remote.map((r) => hostPort(r.url)));
  const unexplained = proxied.filter((line) => {
    const [method, target] = line.split(' ');
    return !browserOwn.has(method === 'CONNECT' ? target : hostPort(target));
  });
  assert.deepEqual(unexplained, [], 'everything that tried to leave the machine is a request of the browser\'s own');
  if (remote.length) t.diagnostic(`Chromium's own requests (refused by the proxy): ${[...new Set(remote.map((r) => new URL(r.url).origin + new URL(r.url).pathname))].join(', ')}`);
  assert.deepEqual(problems, []);
});
