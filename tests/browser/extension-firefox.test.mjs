// The Firefox build of the extension (build/wasm/extension-firefox, its
// manifest derived by web/extension/firefox.mjs): the same files as the
// Chromium build but the manifest, whose differences are exactly Firefox's
// (background scripts, sidebar_action, browser_specific_settings), passes
// Mozilla's own linter (web-ext lint, pinned in package-lock.json), and the
// extension's scripts reach the browser only through `ext` (Firefox's
// `browser`, else `chrome`). No Firefox runs here: Debian's firefox-esr
// cannot be driven by Playwright.
//   node --test tests/browser/extension-firefox.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers.mjs';
import { EXTENSION, FIREFOX_EXTENSION, FIREFOX_ZIP, requireBuiltExtension } from './extension-helpers.mjs';

const WEB_EXT = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
// The vendored Readability.js assigns markup with innerHTML, to its own inert
// clone of the document (no scripts run there, nothing loads): web-ext warns
// about the two places; nothing else may warn.
const KNOWN_WARNINGS = ['UNSAFE_VAR_ASSIGNMENT readability.js', 'UNSAFE_VAR_ASSIGNMENT readability.js'];

const manifests = () => [join(EXTENSION, 'manifest.json'), join(FIREFOX_EXTENSION, 'manifest.json')].map((f) => JSON.parse(readFileSync(f, 'utf8')));

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

test('the Firefox manifest differs from the Chromium one exactly where Firefox differs', () => {
  requireBuiltExtension();
  const [chromium, firefox] = manifests();
  assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' }, 'an event page from the same module, no service worker');
  assert.deepEqual(firefox.permissions, chromium.permissions.filter((p) => p !== 'sidePanel'));
  assert.equal(firefox.side_panel, undefined);
  assert.equal(firefox.minimum_chrome_version, undefined);
  assert.equal(firefox.sidebar_action.default_panel, chromium.side_panel.default_path, 'the sidebar is the side panel view');
  assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, '140.0', 'the CSS Custom Highlight API');
  assert.match(firefox.browser_specific_settings.gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.deepEqual(Object.keys(firefox.commands).sort(), ['_execute_sidebar_action', 'toggle-highlights']);
  assert.deepEqual(firefox.commands._execute_sidebar_action, chromium.commands['open-side-panel']);
  for (const key of ['name', 'version', 'description', 'icons', 'action', 'content_security_policy', 'manifest_version']) {
    assert.deepEqual(firefox[key], chromium[key], key);
  }
  for (const key of ['host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable']) assert.equal(firefox[key], undefined, `no ${key}`);
});

test('the Firefox build ships the same files as the Chromium build, and its zip has them at the root', () => {
  requireBuiltExtension();
  const ff = files(FIREFOX_EXTENSION);
  assert.deepEqual(ff, files(EXTENSION));
  for (const f of ff) {
    if (f !== 'manifest.json') assert.ok(readFileSync(join(FIREFOX_EXTENSION, f)).equals(readFileSync(join(EXTENSION, f))), `${f} is the same`);
  }
  const zip = readFileSync(FIREFOX_ZIP);
  assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
  for (const f of ff) assert.ok(zip.includes(Buffer.from(f)), `${f} is in the zip`);
});

test('web-ext lint: no errors, no notices, no warnings but the known two in Readability.js', () => {
  requireBuiltExtension();
  let out;
  try {
    out = execFileSync(process.execPath, [WEB_EXT, 'lint', '--source-dir', FIREFOX_EXTENSION, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  } catch (error) {
    out = error.stdout; // exits 1 on errors; the JSON says which
  }
  const report = JSON.parse(out);
  const show = (list) => list.map((m) => `${m.code} ${m.file ?? ''}`.trim());
  assert.deepEqual(show(report.errors), [], JSON.stringify(report.errors, null, 1));
  assert.deepEqual(show(report.notices), []);
  assert.deepEqual(show(report.warnings).sort(), KNOWN_WARNINGS, JSON.stringify(report.warnings, null, 1));
});

test('the extension\'s own scripts use the browser through `ext` only (Firefox\'s `browser` or Chromium\'s `chrome`)', () => {
  for (const name of ['background.js', 'popup.js', 'tab.js']) {
    const code = readFileSync(join(ROOT, 'web/extension', name), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
      .join('\n');
    assert.doesNotMatch(code, /\bchrome\.\w+/, `${name} calls chrome.* directly`);
  }
  const tab = readFileSync(join(ROOT, 'web/extension/tab.js'), 'utf8');
  assert.match(tab, /export const ext = globalThis\.browser\?\.runtime\?\.id \? globalThis\.browser : globalThis\.chrome;/);
});
