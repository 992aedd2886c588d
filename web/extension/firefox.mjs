// Writes the Firefox manifest from the Chromium one (manifest.json), for the
// Firefox build of the extension (build/wasm/extension-firefox/, the same
// files otherwise). Firefox's Manifest V3 differs in four places:
//   - background: an event page from `scripts` (Firefox runs no extension
//     service workers); the same background.js, still an ES module;
//   - the side panel is a `sidebar_action` (Firefox has no sidePanel API or
//     permission), opened by the built-in _execute_sidebar_action command;
//   - browser_specific_settings.gecko: the add-on id Firefox's MV3 requires,
//     the minimum version (140: the CSS Custom Highlight API) and the data
//     collection declaration (none);
//   - no minimum_chrome_version.
//   node web/extension/firefox.mjs manifest.json OUT/manifest.json
import { readFileSync, writeFileSync } from 'node:fs';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: node web/extension/firefox.mjs CHROMIUM_MANIFEST FIREFOX_MANIFEST');
  process.exit(2);
}
const chromium = JSON.parse(readFileSync(from, 'utf8'));
const { minimum_chrome_version: _min, side_panel: sidePanel, background, permissions, commands, ...rest } = chromium;

const firefox = {
  ...rest,
  browser_specific_settings: {
    gecko: { id: 'precis@precis-summarizer', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    // Firefox for Android: 142 is the first to read data_collection_permissions.
    gecko_android: { strict_min_version: '142.0' },
  },
  background: { scripts: [background.service_worker], type: background.type },
  permissions: permissions.filter((p) => p !== 'sidePanel'),
  sidebar_action: {
    default_panel: sidePanel.default_path,
    default_title: chromium.short_name,
    default_icon: chromium.action.default_icon,
    open_at_install: false,
  },
  commands: Object.fromEntries(Object.entries(commands).map(([name, c]) => [name === 'open-side-panel' ? '_execute_sidebar_action' : name, c])),
};
writeFileSync(to, `${JSON.stringify(firefox, null, 2)}\n`);
