// tab.js — what the popup, the side panel (popup.js) and the background
// (background.js) share; esbuild bundles it into both:
//   ext                the extension API: Firefox's `browser`, else Chromium's `chrome`
//   settings           type, length and copy format in storage.local
//   readTab()          the article of a tab (readability.js + extract.js injected into it)
//   coreOptionsFor()   the core's options for a type and length (what the Summarizer API sends)
//   chosenTexts()      the chosen sentences as they are in the extracted text
//   showHighlights(), clearHighlights(), highlightCount()
//                      the chosen sentences marked in the tab itself (highlight.js + highlight.css)
// Every function that touches a tab needs access to it: the activeTab grant of
// a toolbar click, a context-menu click or a keyboard command in that tab.
import { Summarizer } from 'precis-summarizer';

export const ext = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;

export const TYPES = ['tldr', 'key-points', 'headline', 'teaser'];
export const LENGTHS = ['short', 'medium', 'long'];
export const FORMATS = ['text', 'markdown'];
export const DEFAULTS = Object.freeze({ type: 'key-points', length: 'short', format: 'text' });
const SETTINGS_KEY = 'settings';
export const KEYWORDS = 8;

/** Messages between the extension's pages (runtime.sendMessage). */
export const MESSAGE = Object.freeze({
  /** { type, tabId, windowId }: the reader asked precis about this tab (toolbar, shortcut): a following side panel shows it. */
  granted: 'precis:granted',
  /** { type } → { view, tabId, state, sentences }: what a side panel shows, if one is open. */
  panelState: 'precis:panel-state',
});

/** A problem to show to the reader: a title and one sentence of explanation. */
export class Problem extends Error {
  constructor(title, body) {
    super(body);
    this.title = title;
  }
}

/** The saved settings, each checked (defaults for anything missing or unknown). */
export async function loadSettings() {
  let saved = {};
  try {
    saved = (await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {};
  } catch {
    saved = {};
  }
  const s = { ...DEFAULTS };
  if (TYPES.includes(saved.type)) s.type = saved.type;
  if (LENGTHS.includes(saved.length)) s.length = saved.length;
  if (FORMATS.includes(saved.format)) s.format = saved.format;
  return s;
}

export function saveSettings(settings) {
  ext.storage.local.set({ [SETTINGS_KEY]: settings }).catch(() => {
    // storage unavailable: the settings just do not persist
  });
}

/**
 * precis's core options for a type and length: exactly what its Summarizer
 * API sends, with cleaning, keywords and timings. `worker`: a
 * WorkerSummarizer to load the wasm in (pages), or undefined to load it on
 * this thread (the background).
 */
export async function coreOptionsFor(s, worker) {
  const summarizer = await Summarizer.create({ type: s.type, length: s.length, worker });
  const options = summarizer.coreOptions;
  summarizer.destroy(); // a worker passed in is the caller's: destroy() leaves it running
  return { ...options, clean: true, keywords: KEYWORDS, timings: true };
}

const CANNOT_READ = 'precis cannot read this page';

/** The article of a tab: Readability in the tab, else its visible text. */
export async function readTab(tabId) {
  let injection;
  try {
    [injection] = await ext.scripting.executeScript({ target: { tabId }, files: ['readability.js', 'extract.js'] });
  } catch (error) {
    throw new Problem(
      CANNOT_READ,
      `Browsers keep extensions out of some pages (browser settings, the extension store, other extensions' pages), and precis reads a page only after you click its toolbar button or press its shortcut there. (${error?.message ?? error})`,
    );
  }
  const r = injection?.result;
  if (!r || typeof r.textContent !== 'string') throw new Problem(CANNOT_READ, 'The page gave no text to summarize.');
  return { kind: 'article', tabId, text: r.textContent, title: String(r.title ?? ''), url: String(r.url ?? ''), method: String(r.method ?? '') };
}

/** The chosen sentences of `result`, cut from the summarized `text` by their UTF-16 offsets (in document order). */
export function chosenTexts(result, text) {
  return result.sentences.filter((s) => s.selected).map((s) => text.slice(s.utf16Start, s.utf16End));
}

const HIGHLIGHT_CSS = ['highlight.css'];

/**
 * Marks `sentences` in the tab and scrolls to the first; replaces earlier marks.
 * Resolves with highlight.js's report: { total, placed, approximate, failures: [{ index, kind, text }], supported }.
 */
export async function showHighlights(tabId, sentences) {
  const target = { tabId };
  await ext.scripting.removeCSS({ target, files: HIGHLIGHT_CSS }).catch(() => {});
  await ext.scripting.insertCSS({ target, files: HIGHLIGHT_CSS });
  await ext.scripting.executeScript({ target, files: ['highlight.js'] });
  const [injection] = await ext.scripting.executeScript({ target, func: (s) => globalThis.precisHighlights.show(s), args: [sentences] });
  return injection.result;
}

/** Removes the marks and their style sheet from the tab; resolves with how many ranges there were. */
export async function clearHighlights(tabId) {
  const target = { tabId };
  const [injection] = await ext.scripting.executeScript({ target, func: () => globalThis.precisHighlights?.clear() ?? 0 });
  await ext.scripting.removeCSS({ target, files: HIGHLIGHT_CSS }).catch(() => {});
  return injection?.result ?? 0;
}

/** How many ranges are marked in the tab now (0 also when precis has no access to it). */
export async function highlightCount(tabId) {
  try {
    const [injection] = await ext.scripting.executeScript({ target: { tabId }, func: () => globalThis.precisHighlights?.count() ?? 0 });
    return injection?.result ?? 0;
  } catch {
    return 0;
  }
}

/** "3 of 3 sentences highlighted", with why the others are not. */
export function describeReport(report) {
  if (!report) return '';
  if (report.supported === false) return 'This browser cannot highlight text in pages (it lacks the CSS Custom Highlight API).';
  const noun = report.total === 1 ? 'sentence' : 'sentences';
  let text = `${report.placed} of ${report.total} ${noun} highlighted in the page`;
  const missing = report.failures.filter((f) => f.kind === 'not-found').length;
  const hidden = report.failures.filter((f) => f.kind === 'hidden').length;
  const why = [];
  if (missing) why.push(`${missing} not found in the page's text`);
  if (hidden) why.push(`${hidden} only in hidden parts of the page`);
  if (why.length) text += ` (${why.join(', ')})`;
  return `${text}.`;
}

/** The shortcut of a manifest command as the browser has it ('' when none is set). */
export async function shortcutOf(name) {
  try {
    return (await ext.commands.getAll()).find((c) => c.name === name)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/** Tells the extension's other pages (a side panel) something; nobody listening is fine. */
export function tell(message) {
  return Promise.resolve()
    .then(() => ext.runtime.sendMessage(message))
    .catch(() => undefined);
}
