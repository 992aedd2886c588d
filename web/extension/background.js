// background.js — the extension's service worker: the "Summarize selection"
// context menu. It does no summarizing itself (that happens in the popup page,
// in a Worker) and never uses the network.
//
// A click on the menu item:
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
// clicks back into the page to compare, while a tab stays until closed; and
// a tab needs no extra permission (a side panel needs "sidePanel").
//
// summarizeSelection(info, tab) is a global of this worker so that tests can
// run exactly what a menu click runs (sw.evaluate); nothing else can call it.

const MENU_ID = 'precis-summarize-selection';
const SELECTION_PREFIX = 'selection:';
const KEEP_SELECTIONS = 5;

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: MENU_ID, title: 'Summarize selection', contexts: ['selection'] }, () => {
    void chrome.runtime.lastError; // already there after an update: nothing to do
  });
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) summarizeSelection(info, tab).catch((error) => console.warn('precis:', error));
});

/** The selection as the page sees it (with line breaks), or '' when the frame cannot be read. */
async function selectionInPage(tab, frameId) {
  if (!tab?.id || tab.id < 0) return '';
  try {
    const [injection] = await chrome.scripting.executeScript({
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
  const all = await chrome.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([key]) => key.startsWith(SELECTION_PREFIX))
    .sort((a, b) => (b[1]?.at ?? 0) - (a[1]?.at ?? 0))
    .map(([key]) => key);
  await chrome.storage.session.remove(old.slice(KEEP_SELECTIONS - 1));
  const key = SELECTION_PREFIX + entry.id;
  try {
    await chrome.storage.session.set({ [key]: entry });
  } catch {
    // Over the quota: make room, then say so if it still does not fit.
    await chrome.storage.session.remove(old);
    try {
      await chrome.storage.session.set({ [key]: entry });
    } catch {
      await chrome.storage.session.set({
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
  const created = await chrome.tabs.create({
    url: chrome.runtime.getURL(`popup.html?selection=${encodeURIComponent(id)}`),
    ...(typeof tab?.index === 'number' && tab.index >= 0 ? { index: tab.index + 1 } : {}),
    ...(typeof tab?.windowId === 'number' && tab.windowId >= 0 ? { windowId: tab.windowId } : {}),
    ...(typeof tab?.id === 'number' && tab.id >= 0 ? { openerTabId: tab.id } : {}),
  });
  return { id, tabId: created.id };
}
