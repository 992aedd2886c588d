// Shared plumbing of the extension's browser tests (extension*.test.mjs):
// where the built extension is, the copy of it with host access to 127.0.0.1
// (a headless test cannot click the toolbar button, which is what grants
// activeTab), Chromium with both loaded unpacked into a persistent context,
// their service workers, and a small server for fixture pages.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST } from './helpers.mjs';

export const EXTENSION = resolve(process.env.PRECIS_EXTENSION ?? join(DIST, '..', 'extension'));
export const FIREFOX_EXTENSION = join(EXTENSION, '..', 'extension-firefox');
export const ZIP = join(EXTENSION, '..', 'precis-extension.zip');
export const FIREFOX_ZIP = join(EXTENSION, '..', 'precis-extension-firefox.zip');

/** Why the extension tests cannot run here, or false. */
export function extensionSkip() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return false;
}

export function requireBuiltExtension() {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION}: build the wasm preset first (cmake --build --preset wasm), which assembles it from web/extension`);
  }
}

/**
 * A copy of the built extension in `dir` with host access to 127.0.0.1
 * (standing in for activeTab) and without keyboard commands (so that the
 * shipped build loaded beside it has the shortcuts).
 */
export function grantedCopy(dir) {
  cpSync(EXTENSION, dir, { recursive: true });
  const { commands: _, ...manifest } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }, null, 2));
  return dir;
}

/**
 * Chromium with the extension folders `dirs` loaded unpacked into a
 * persistent context at `profile`; `args` are added, `headless: false` needs
 * a DISPLAY in `env`.
 */
export function launchWithExtensions(profile, dirs, { args = [], headless = true, env } = {}) {
  const list = dirs.join(',');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ...(env ? { env } : {}),
    viewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${list}`, `--load-extension=${list}`, ...args],
  });
}

/**
 * The loaded extensions' service workers: { shipped, granted } (each { id, sw }),
 * told apart by whether the manifest has host permissions; either is
 * undefined when not loaded.
 */
export async function extensionWorkers(context, count = 2) {
  let workers = [];
  for (let i = 0; i < 100; i++) {
    workers = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    if (workers.length >= count) break;
    await context.waitForEvent('serviceworker', { timeout: 200 }).catch(() => {});
  }
  if (workers.length < count) throw new Error('the extensions did not start (no service workers): is --load-extension honoured by this Chromium?');
  const found = {};
  for (const sw of workers) {
    const ext = { id: new URL(sw.url()).host, sw };
    const hosts = await sw.evaluate(() => chrome.runtime.getManifest().host_permissions ?? []);
    if (hosts.length) found.granted = ext;
    else found.shipped = ext;
  }
  return found;
}

/**
 * Serves `routes` ({ '/path': { body, type, csp } }) on 127.0.0.1; any other
 * path is an empty 204 (favicon.ico: no console 404s). Resolves with { server, origin }.
 */
export function serveFixtures(routes) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) {
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const headers = { 'Content-Type': route.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (route.csp) headers['Content-Security-Policy'] = route.csp;
    res.writeHead(200, headers).end(route.body);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** Records page errors, console errors and CSP reports of `page` in `problems`. */
export function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`pageerror ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console ${page.url()}: ${m.text()}`);
  });
  return page;
}

/** Waits until an extension page (popup.html) has settled: summary shown, or an error/empty state. */
export async function settled(page) {
  await page.waitForFunction(() => ['ready', 'error', 'empty'].includes(document.documentElement.dataset.state), null, { timeout: 20_000 });
}

/** The id of the tab showing `url`, through an extension's service worker (with host access to it). */
export async function tabIdOf(ext, url) {
  let tabs = [];
  for (let i = 0; i < 50 && tabs.length !== 1; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100)); // the tab may not have committed the URL yet
    tabs = await ext.sw.evaluate((u) => chrome.tabs.query({ url: u }), url);
  }
  assert.equal(tabs.length, 1, `one tab shows ${url}`);
  return tabs[0].id;
}

/** Text with whitespace runs as single spaces, trimmed. */
export const norm = (s) => s.replace(/\s+/g, ' ').trim();
