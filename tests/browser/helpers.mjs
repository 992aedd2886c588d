// Shared plumbing for the browser tests: paths, the static server, Debian's
// Chromium through playwright-core (never a downloaded browser), sample text
// and the expected results computed by the same wasm in Node.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = resolve(process.env.PRECIS_WASM_DIST ?? resolve(ROOT, 'build/wasm/dist'));
/** The npm package the page is bundled from (the library: precis.js, precis-core.js, precis.wasm…). */
export const PACKAGE = resolve(process.env.PRECIS_WASM_PACKAGE ?? resolve(ROOT, 'build/wasm/package'));
export const SHARED = resolve(process.env.PRECIS_SHARED ?? resolve(ROOT, '../shared'));
export const SCREENSHOTS = resolve(process.env.PRECIS_SCREENSHOTS ?? resolve(ROOT, 'build/screenshots'));
export const CHROMIUM = process.env.PRECIS_CHROMIUM ?? '/usr/bin/chromium';
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Why the suite cannot run here, or null. */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  for (const f of ['index.html', 'app.js', 'precis-worker.js', 'precis.wasm']) {
    if (!existsSync(resolve(DIST, f))) return `no ${f} in ${DIST} (build the wasm preset first)`;
  }
  if (!existsSync(resolve(PACKAGE, 'precis-core.js'))) return `no precis-core.js in ${PACKAGE} (build the wasm preset first)`;
  return null;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Records in `requests` the URL of every request of the context (pages and their workers) and refuses those not bound for `origin`. */
export function refuseOtherOrigins(context, origin, requests) {
  return context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
  });
}

/** Serves DIST on 127.0.0.1 with the page's CSP header; returns { server, url }. */
export async function serveDist() {
  const server = await startServer(DIST, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** BBC development articles (../shared/data/bbc-dev.jsonl), read at test time. */
export function bbcArticles(count = 100) {
  const path = resolve(SHARED, 'data/bbc-dev.jsonl');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, count)
    .map((line) => JSON.parse(line));
}

/** The same core in Node, to compute what the page must show. */
export async function nodeCore() {
  const { loadCore } = await import(pathToFileURL(resolve(PACKAGE, 'precis-core.js')).href);
  return loadCore();
}

/** A new context + page that records page errors, dialogs and CSP violations. */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // Every string-to-HTML sink, wrapped before the page's scripts run: each
    // use is recorded in window.__htmlSinks (what was written, abridged).
    window.__htmlSinks = [];
    const record = (name, value) => window.__htmlSinks.push(`${name}: ${String(value).slice(0, 120)}`);
    const wrapSetter = (proto, prop, name) => {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d?.set) return;
      Object.defineProperty(proto, prop, {
        ...d,
        set(value) {
          record(name, value);
          return d.set.call(this, value);
        },
      });
    };
    const wrapMethod = (proto, method, name, arg = 0) => {
      const f = proto?.[method];
      if (typeof f !== 'function') return;
      proto[method] = function (...args) {
        record(name, args[arg]);
        return f.apply(this, args);
      };
    };
    wrapSetter(Element.prototype, 'innerHTML', 'innerHTML');
    wrapSetter(Element.prototype, 'outerHTML', 'outerHTML');
    wrapSetter(ShadowRoot.prototype, 'innerHTML', 'shadowRoot.innerHTML');
    wrapSetter(HTMLIFrameElement.prototype, 'srcdoc', 'srcdoc');
    wrapMethod(Element.prototype, 'insertAdjacentHTML', 'insertAdjacentHTML', 1);
    wrapMethod(Element.prototype, 'setHTMLUnsafe', 'setHTMLUnsafe');
    wrapMethod(Document.prototype, 'write', 'document.write');
    wrapMethod(Document.prototype, 'writeln', 'document.writeln');
    wrapMethod(Range.prototype, 'createContextualFragment', 'createContextualFragment');
    wrapMethod(DOMParser.prototype, 'parseFromString', 'DOMParser.parseFromString');
  });
  if (url) {
    await page.goto(url);
    await waitReady(page);
  }
  return { context, page, problems };
}

/** Waits until the worker has loaded the wasm. */
export async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'failed'].includes(document.documentElement.dataset.state), null, { timeout: 30_000 });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== 'ready') throw new Error(`the page failed to load the summarizer: ${await page.textContent('#loading')}`);
}

/** Waits until the service worker is active and has cached the wasm. */
export async function waitOfflineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 200; i++) {
      if (navigator.serviceWorker.controller && (await caches.match('precis.wasm'))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the service worker did not cache precis.wasm');
  });
}

/**
 * Replaces the textarea's text as a paste would (one input event) and waits
 * for the summary of exactly that text to be rendered.
 */
export async function pasteText(page, text) {
  await page.evaluate((t) => {
    const input = document.getElementById('input');
    input.focus();
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Waits for the rendered original text to equal `text` (the summary of it is on screen). */
export async function waitRendered(page, text) {
  await page.waitForFunction(
    (t) => !document.getElementById('original-card').hidden && document.getElementById('original').textContent === t && document.getElementById('busy').hidden,
    text,
    { timeout: 15_000 },
  );
}

/** Waits until the rendered summary satisfies `predicate(summaryElement)` evaluated in the page. */
export async function waitSummary(page, predicateSource, arg) {
  await page.waitForFunction(predicateSource, arg, { timeout: 15_000 });
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, name);
}
