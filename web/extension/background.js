// background.js — the extension's background (a service worker in Chromium, an
// event page in Firefox): the "Summarize selection" context menu and the
// keyboard commands. It never uses the network.
//
// "Summarize selection", a click on the menu item:
//   1. reads the selected text: through chrome.scripting in the clicked frame
//      (the click grants activeTab, and getSelection() keeps line breaks,
//      which precis uses as paragraph breaks), else info.selectionText;
//   2. stores it in chrome.storage.session (memory only, cleared when the
//      browser quits) under "selection:<id>" (the last few are kept, so a
//      reloaded result tab still has its text);
//   3. opens popup.html?selection=<id> in a new tab next to the page, which
//      summarizes that text with the same controls as the toolbar popup.
// A tab rather than chrome.action.openPopup(): the popup closes as soon as it
// loses focus, so a summary opened from a menu would vanish when the reader
// clicks back into the page to compare, while a tab stays until closed.
//
// Commands (manifest "commands"; a command grants activeTab for the tab):
//   toggle-highlights   highlights the key sentences in the page (readability.js
//                       + extract.js, then precis on this thread, then
//                       highlight.js), or clears them when some are shown; the
//                       toolbar badge shows how many were placed;
//   open-side-panel     opens the side panel (Chromium; Firefox opens its
//                       sidebar itself through _execute_sidebar_action), which
//                       then shows this tab.
// Either tells an open side panel (MESSAGE.granted) that it may now read the tab.
//
// summarizeSelection(info, tab), toggleHighlights(tab) and highlightArticle(tabId)
// are globals of this worker so that tests can run exactly what a menu click or
// a command runs (sw.evaluate); nothing else can call them.
import { summarize } from 'precis-summarizer';
import { MESSAGE, Problem, chosenTexts, clearHighlights, coreOptionsFor, describeReport, ext, highlightCount, loadSettings, readTab, showHighlights, tell } from './tab.js';

const MENU_ID = 'precis-summarize-selection';
const SELECTION_PREFIX = 'selection:';
const KEEP_SELECTIONS = 5;

ext.runtime.onInstalled.addListener(() => {
  ext.contextMenus.create({ id: MENU_ID, title: 'Summarize selection', contexts: ['selection'] }, () => {
    void ext.runtime.lastError; // already there after an update: nothing to do
  });
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) summarizeSelection(info, tab).catch((error) => console.warn('precis:', error));
});

/** The selection as the page sees it (with line breaks), or '' when the frame cannot be read. */
async function selectionInPage(tab, frameId) {
  if (!tab?.id || tab.id < 0) return '';
  try {
    const [injection] = await ext.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [frameId ?? 0] },
      func: () => String(globalThis.getSelection?.() ?? ''),
    });
    return typeof injection?.result === 'string' ? injection.result : '';
  } catch {
    return ''; // no access to this frame (no activeTab grant, a browser page): use info.selectionText
  }
}

/** Stores one selection, dropping all but the newest few (storage.session holds 10 MB). */
async function storeSelection(entry) {
  const all = await ext.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([key]) => key.startsWith(SELECTION_PREFIX))
    .sort((a, b) => (b[1]?.at ?? 0) - (a[1]?.at ?? 0))
    .map(([key]) => key);
  await ext.storage.session.remove(old.slice(KEEP_SELECTIONS - 1));
  const key = SELECTION_PREFIX + entry.id;
  try {
    await ext.storage.session.set({ [key]: entry });
  } catch {
    // Over the quota: make room, then say so if it still does not fit.
    await ext.storage.session.remove(old);
    try {
      await ext.storage.session.set({ [key]: entry });
    } catch {
      await ext.storage.session.set({
        [key]: { ...entry, text: '', error: 'The selection is too large to hand over to the summary page (the limit is 10 MB). Select less text.' },
      });
    }
  }
}

/**
 * What a click on "Summarize selection" does.
 * @param {{selectionText?: string, frameId?: number}} info  as chrome.contextMenus.onClicked gives it
 * @param {{id?: number, index?: number, windowId?: number, title?: string, url?: string}} [tab]
 * @returns {Promise<{id: string, tabId: number}>} the stored selection's id and the tab that shows it
 */
async function summarizeSelection(info, tab) {
  const given = String(info?.selectionText ?? '');
  const inPage = await selectionInPage(tab, info?.frameId);
  // Prefer the page's own copy when it is the same selection with its line
  // breaks intact (it is never shorter, whitespace aside).
  const squash = (s) => s.replace(/\s+/g, '');
  const text = inPage.trim() && squash(inPage).length >= squash(given).length ? inPage : given;
  const id = crypto.randomUUID();
  await storeSelection({ id, text, title: String(tab?.title ?? ''), url: String(tab?.url ?? ''), at: Date.now() });
  const created = await ext.tabs.create({
    url: ext.runtime.getURL(`popup.html?selection=${encodeURIComponent(id)}`),
    ...(typeof tab?.index === 'number' && tab.index >= 0 ? { index: tab.index + 1 } : {}),
    ...(typeof tab?.windowId === 'number' && tab.windowId >= 0 ? { windowId: tab.windowId } : {}),
    ...(typeof tab?.id === 'number' && tab.id >= 0 ? { openerTabId: tab.id } : {}),
  });
  return { id, tabId: created.id };
}

globalThis.summarizeSelection = summarizeSelection;

// ---------------------------------------------------------------- highlights

const BADGE_COLOUR = '#8a6a00';

/**
 * What the highlight command does when nothing is highlighted: the tab's
 * article, summarized with the reader's settings, its chosen sentences marked
 * in the page. Resolves with what happened (tests read it).
 * @returns {Promise<{method: string, title: string, language: string, sentences: string[], removed: number, report: object}>}
 */
async function highlightArticle(tabId) {
  const input = await readTab(tabId);
  if (!input.text.trim()) throw new Problem('No text on this page', 'There is nothing to summarize.');
  const result = await summarize(input.text, await coreOptionsFor(await loadSettings()));
  const sentences = chosenTexts(result, input.text);
  const report = await showHighlights(tabId, sentences);
  return { method: input.method, title: input.title, language: result.language, sentences, removed: result.removed.length, report };
}

async function setBadge(tabId, text, title) {
  try {
    await ext.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
    await ext.action.setBadgeText({ tabId, text });
    await ext.action.setTitle({ tabId, title: title || ext.runtime.getManifest().action.default_title });
  } catch {
    // the tab has gone
  }
}

/**
 * The toggle-highlights command: clears the marks when the page has some,
 * else highlights the article's key sentences. The badge shows the count.
 * @returns {Promise<{cleared: number} | Awaited<ReturnType<typeof highlightArticle>> | {problem: string}>}
 */
async function toggleHighlights(tab) {
  const tabId = tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return { problem: 'no tab' };
  try {
    if ((await highlightCount(tabId)) > 0) {
      const cleared = await clearHighlights(tabId);
      await setBadge(tabId, '', '');
      return { cleared };
    }
    const done = await highlightArticle(tabId);
    await setBadge(tabId, String(done.report.placed), `precis: ${describeReport(done.report)}`);
    return done;
  } catch (error) {
    const problem = error instanceof Problem ? `${error.title}. ${error.message}` : String(error?.message ?? error);
    await setBadge(tabId, '!', `precis: ${problem}`);
    return { problem };
  }
}

globalThis.highlightArticle = highlightArticle;
globalThis.toggleHighlights = toggleHighlights;

ext.commands.onCommand.addListener((command, tab) => {
  if (command === 'open-side-panel') {
    // First, while the key press still counts as a user gesture.
    ext.sidePanel?.open({ windowId: tab.windowId }).catch((error) => console.warn('precis:', error));
  }
  if (command === 'toggle-highlights') toggleHighlights(tab).catch((error) => console.warn('precis:', error));
  if (tab?.id >= 0) tell({ type: MESSAGE.granted, tabId: tab.id, windowId: tab.windowId });
});
