// popup.js — the extension's popup and side panel: summarizes the current
// tab's article, or a selection handed over by the "Summarize selection" menu
// (background.js), and marks the chosen sentences in the page itself.
//
//   popup.html                  the toolbar popup: the active tab of this window
//   popup.html?tab=<tabId>      the same, against the given tab, opened as a page
//                               (tests; needs access to that tab: an activeTab grant)
//   popup.html?selection=<id>   the selection stored in chrome.storage.session
//                               under "selection:<id>" (opened by background.js)
//   popup.html?view=panel       the side panel (Chromium's side_panel, Firefox's
//                               sidebar_action): stays open while the reader reads,
//                               shows the removed clutter opened, and follows the
//                               active tab on request ("Summarize this tab", or
//                               the toolbar button / a shortcut in that tab);
//                               with &tab=<tabId> it starts on that tab
//
// The article comes from readability.js + extract.js injected into the tab
// (chrome.scripting, allowed by the activeTab grant of the toolbar click); the
// summary is computed by precis in a module Worker of this extension
// (precis-summarizer, bundled in by web/bundle.mjs → precis-worker.js → precis.wasm). Nothing goes over the network.
// Page text is only ever put into the DOM as text (textContent), never markup.
// Settings (type, length, copy format) persist in chrome.storage.local.
// Highlights: "Highlight in page" sends the chosen sentences to highlight.js in
// the tab (tab.js); while they are shown, a new summary (another type or
// length) moves them, and the button clears them.
import { checkRadios, copyWithFeedback, formatNumber, languageName, node, onRadioChange, summaryText } from '../view.js';
import { MAX_INPUT_BYTES, createWorkerSummarizer, utf8Length } from 'precis-summarizer';
import {
  DEFAULTS, MESSAGE, Problem, chosenTexts, clearHighlights, coreOptionsFor, describeReport, ext, highlightCount, loadSettings,
  readTab, saveSettings as storeSettings, shortcutOf, showHighlights, tell,
} from './tab.js';

const SELECTION_PREFIX = 'selection:';
const REMOVED_SHOWN = 160; // characters of a removed block shown

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const isPanel = params.get('view') === 'panel';

// ---------------------------------------------------------------- settings

let settings = { ...DEFAULTS };

function saveSettings() {
  storeSettings(settings);
}

function syncControls() {
  checkRadios('type', (value) => value === settings.type);
  checkRadios('length', (value) => value === settings.length);
  $('format').value = settings.format;
}

// ---------------------------------------------------------------- helpers

const fmt = formatNumber;

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function announce(text) {
  $('announce').textContent = '';
  requestAnimationFrame(() => ($('announce').textContent = text));
}

// ---------------------------------------------------------------- states

function showMessage(title, body = '', kind = 'info') {
  const message = $('message');
  message.hidden = false;
  message.dataset.kind = kind;
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  $('message-title').textContent = title;
  $('message-body').textContent = body;
  message.querySelector('progress')?.remove();
}

function showProblem(error) {
  hideResults();
  root.dataset.state = 'error';
  if (error instanceof Problem) showMessage(error.title, error.message, 'error');
  else if (error?.name === 'PrecisError') showMessage('Could not summarize', error.message, 'error');
  else showMessage('Something went wrong', String(error?.message ?? error), 'error');
}

function hideResults() {
  $('summary-card').hidden = true;
  $('keywords-card').hidden = true;
  $('removed-card').hidden = true;
  $('doubtful-card').hidden = true;
  $('actions').hidden = true;
  lastRender = null;
}

function showProgress(loaded, total) {
  if (!(total > 0) || root.dataset.state !== 'loading') return;
  let bar = $('message').querySelector('progress');
  if (!bar) {
    bar = node('progress', { max: '100', 'aria-label': 'Loading the summarizer' });
    $('message').append(bar);
  }
  bar.value = Math.min(100, Math.round((100 * loaded) / total));
}

function showSource(input) {
  $('source').hidden = false;
  $('source-kind').textContent = input.kind === 'selection' ? 'Selection from' : 'Article:';
  const label = input.title || hostOf(input.url) || 'this page';
  $('source-title').textContent = label;
  $('source').title = input.url || label;
  if (root.classList.contains('page')) document.title = `precis — ${label}`;
}

// ---------------------------------------------------------------- input

/** A selection stored by background.js. */
async function readSelection(id) {
  const key = SELECTION_PREFIX + id;
  const entry = (await ext.storage.session.get(key))[key];
  if (!entry) {
    throw new Problem(
      'This selection is no longer here',
      'Selections are kept only while the browser runs. Select the text again, right-click it and choose “Summarize selection”.',
    );
  }
  if (entry.error) throw new Problem('Could not summarize the selection', entry.error);
  return { kind: 'selection', text: String(entry.text ?? ''), title: String(entry.title ?? ''), url: String(entry.url ?? ''), method: 'selection' };
}

/** The tab this page is about: ?tab=<id>, else the active tab of its window. */
async function targetTab() {
  if (params.has('tab')) {
    const tabId = Number(params.get('tab'));
    if (!Number.isInteger(tabId) || tabId < 0) throw new Problem('No such tab', `“${params.get('tab')}” is not a tab id.`);
    return ext.tabs.get(tabId);
  }
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  if (typeof tab?.id !== 'number') throw new Problem('No page to summarize', 'Open an article, then click the precis button.');
  return tab;
}

async function readInput() {
  if (params.has('selection')) return readSelection(params.get('selection'));
  const tab = await targetTab();
  windowId = tab.windowId;
  return readTab(tab.id);
}

// ---------------------------------------------------------------- rendering

let lastRender = null; // { result, settings }

const chosen = (result) => result.sentences.filter((s) => s.selected);

function renderSummary(result, s) {
  const sentences = chosen(result);
  let body;
  if (!sentences.length) {
    body = node('p', { class: 'muted', text: 'No sentences found in this text.' });
  } else if (s.type === 'headline') {
    body = node('p', { class: 'headline', text: result.summary });
  } else if (s.type === 'key-points') {
    body = node('ul', { class: 'points' }, ...sentences.map((c) => node('li', { 'data-index': String(c.index), text: c.text })));
  } else {
    body = node('p', { class: s.type === 'teaser' ? 'teaser' : 'tldr' });
    sentences.forEach((c, i) => {
      if (i) body.append(' ');
      body.append(node('span', { 'data-index': String(c.index), text: c.text }));
    });
  }
  $('summary').replaceChildren(body);
}

function renderStats(result) {
  const st = result.stats;
  $('stat-words').textContent = `${fmt(st.wordsIn)} → ${fmt(st.wordsOut)}`;
  $('stat-language').textContent = languageName(result.language);
  $('stat-language').dataset.code = result.language;
  const ms = st.timings?.totalMs;
  $('stat-time').textContent = typeof ms === 'number' ? (ms < 10 ? `${ms.toFixed(1)} ms` : `${fmt(Math.round(ms))} ms`) : '–';
}

function renderKeywords(result) {
  $('keywords').replaceChildren(...result.keywords.map((k) => node('li', { title: `${k.count}× in the text`, text: k.text })));
  $('keywords-card').hidden = result.keywords.length === 0;
}

const reasonLabel = (reason) => String(reason || 'noise').replaceAll('-', ' ');

/** A card listing blocks with a label each (text only, abridged): `id` names the card, its list and its count. */
function renderBlocks(id, blocks, label, data = () => ({})) {
  $(`${id}-count`).textContent = fmt(blocks.length);
  $(id).replaceChildren(
    ...blocks.map((b) => {
      const text = b.text.length > REMOVED_SHOWN ? `${b.text.slice(0, REMOVED_SHOWN - 1).trimEnd()}…` : b.text;
      return node('li', data(b), node('span', { class: 'reason', text: label(b) }), node('span', { class: 'removed-text', title: b.text, text }));
    }),
  );
  $(`${id}-card`).hidden = blocks.length === 0;
}

/** The blocks cleaning set aside, with their reason; those it kept with doubt, with their probability. */
function renderRemoved(result) {
  renderBlocks('removed', result.removed ?? [], (r) => reasonLabel(r.reason), (r) => ({ 'data-reason': r.reason ?? '' }));
  renderBlocks('doubtful', result.doubtful ?? [], (d) => `${Math.round(100 * d.bodyProbability)}% article`);
}

function render(result, s) {
  $('message').hidden = true;
  $('summary-card').hidden = false;
  renderSummary(result, s);
  renderStats(result);
  renderKeywords(result);
  renderRemoved(result);
  $('actions').hidden = input?.kind !== 'article';
  lastRender = { result, settings: { ...s } };
}

// ---------------------------------------------------------------- copy

/** The summary as the page's Copy gives it: plain text or Markdown. */
function summaryAs(format) {
  if (!lastRender) return '';
  const { result, settings: s } = lastRender;
  return summaryText(s.type, format, result.summary, chosen(result).map((c) => c.text));
}

async function copySummary() {
  const text = summaryAs(settings.format);
  if (!text) return;
  const ok = await copyWithFeedback($('copy'), text);
  announce(ok ? 'Summary copied' : 'Could not copy');
}

// ---------------------------------------------------------------- running

let worker = null;
let input = null;
let windowId = null; // the window of the tab summarized (the side panel follows its active tab)
let generation = 0;

async function update() {
  if (!input) return;
  const gen = ++generation;
  const s = { ...settings };
  if (!input.text.trim()) {
    hideResults();
    root.dataset.state = 'empty';
    showMessage(input.kind === 'selection' ? 'The selection is empty' : 'No text on this page', 'There is nothing to summarize.');
    return;
  }
  const bytes = utf8Length(input.text);
  if (bytes > MAX_INPUT_BYTES) {
    showProblem(new Problem('Too long to summarize', `This text is ${fmt(bytes)} bytes of UTF-8; precis accepts up to ${fmt(MAX_INPUT_BYTES)}.`));
    return;
  }
  root.dataset.state = 'busy';
  $('summary-card').setAttribute('aria-busy', 'true');
  try {
    const result = await worker.summarize(input.text, await coreOptionsFor(s, worker));
    if (gen !== generation) return;
    render(result, s);
    root.dataset.type = s.type;
    root.dataset.length = s.length;
    root.dataset.state = 'ready';
  } catch (error) {
    if (gen !== generation) return;
    showProblem(error);
  } finally {
    if (gen === generation) $('summary-card').setAttribute('aria-busy', 'false');
  }
}

function settingChanged() {
  saveSettings();
  syncControls();
  update().then(() => {
    if (highlighted && root.dataset.state === 'ready') highlight(); // move the marks to the new summary
  });
}

onRadioChange('type', (value) => {
  settings.type = value;
  settingChanged();
});
onRadioChange('length', (value) => {
  settings.length = value;
  settingChanged();
});
$('format').addEventListener('change', () => {
  settings.format = $('format').value;
  saveSettings();
});
$('copy').addEventListener('click', copySummary);

// ---------------------------------------------------------------- highlights in the page

let highlighted = false; // the tab shows this page's marks

function syncHighlightButton() {
  const button = $('highlight');
  button.textContent = highlighted ? 'Clear highlights' : 'Highlight in page';
  button.setAttribute('aria-pressed', String(highlighted));
  button.disabled = !lastRender || chosen(lastRender.result).length === 0;
}

function highlightStatus(text) {
  $('highlight-status').textContent = text;
  $('highlight-status').hidden = !text;
}

async function highlight() {
  if (!lastRender || input?.kind !== 'article') return;
  const tabId = input.tabId;
  try {
    const report = await showHighlights(tabId, chosenTexts(lastRender.result, input.text));
    if (input?.tabId !== tabId) return;
    highlighted = report.placed > 0;
    root.dataset.highlights = String(report.placed);
    highlightStatus(describeReport(report));
  } catch (error) {
    highlighted = false;
    highlightStatus(`Could not highlight the page: ${error?.message ?? error}`);
  }
  syncHighlightButton();
}

async function unhighlight() {
  if (input?.kind !== 'article') return;
  try {
    await clearHighlights(input.tabId);
    highlightStatus('Highlights cleared.');
  } catch (error) {
    highlightStatus(`Could not clear the highlights: ${error?.message ?? error}`);
  }
  highlighted = false;
  root.dataset.highlights = '0';
  syncHighlightButton();
}

$('highlight').addEventListener('click', () => (highlighted ? unhighlight() : highlight()));

// ---------------------------------------------------------------- side panel

/** Opens the side panel (Chromium) or sidebar (Firefox) of this window; the popup closes. */
function openPanel() {
  // Synchronously first: both browsers want the click's user gesture.
  const opened = ext.sidePanel ? ext.sidePanel.open({ windowId }) : ext.sidebarAction?.open();
  Promise.resolve(opened).then(
    () => window.close(),
    (error) => highlightStatus(`Could not open the side panel: ${error?.message ?? error}`),
  );
}
$('open-panel').addEventListener('click', openPanel);

let activeTabId = null; // the active tab of the panel's window
let stale = false; // the summarized tab has loaded another page since

function refreshFollow() {
  if (!isPanel || input?.kind !== 'article') return;
  const elsewhere = activeTabId !== null && activeTabId !== input.tabId;
  $('follow').hidden = !(elsewhere || stale);
  $('follow-text').textContent = elsewhere
    ? `This summary is of “${input.title || hostOf(input.url) || 'another tab'}”, not of the tab you are on.`
    : 'This page has changed since it was summarized.';
  $('follow-button').textContent = elsewhere ? 'Summarize this tab' : 'Summarize again';
}

/** Shows the summary of another tab (the panel follows the reader's request). */
async function follow(tabId) {
  let next;
  try {
    next = await readTab(tabId);
  } catch (error) {
    const shortcut = await shortcutOf('open-side-panel') || await shortcutOf('toggle-highlights');
    $('follow').hidden = false;
    $('follow-text').textContent = `precis may read a tab only after you click its toolbar button${shortcut ? ` or press ${shortcut}` : ''} there. ${error instanceof Problem ? '' : String(error?.message ?? error)}`.trim();
    return;
  }
  input = next;
  stale = false;
  activeTabId = tabId;
  highlighted = (await highlightCount(tabId)) > 0;
  highlightStatus('');
  root.dataset.source = input.kind;
  root.dataset.method = input.method;
  showSource(input);
  refreshFollow();
  await update();
  syncHighlightButton();
}

function listenAsPanel() {
  ext.tabs.onActivated.addListener((info) => {
    if (info.windowId !== windowId) return;
    activeTabId = info.tabId;
    refreshFollow();
  });
  ext.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId !== input?.tabId || change.status !== 'complete') return;
    stale = true;
    highlighted = false;
    refreshFollow();
    syncHighlightButton();
  });
  ext.runtime.onMessage.addListener((message, sender, reply) => {
    if (message?.type === MESSAGE.granted && message.windowId === windowId) {
      if (message.tabId !== input?.tabId || stale || root.dataset.state === 'error') follow(message.tabId);
    } else if (message?.type === MESSAGE.panelState) {
      reply({
        view: 'panel',
        tabId: input?.tabId ?? null,
        state: root.dataset.state,
        sentences: lastRender && input ? chosenTexts(lastRender.result, input.text) : [],
        removed: lastRender?.result.removed.length ?? 0,
      });
    }
  });
  $('follow-button').addEventListener('click', () => {
    if (activeTabId !== null) follow(activeTabId);
  });
}

// ---------------------------------------------------------------- start

async function start() {
  root.classList.toggle('page', !isPanel && (params.has('tab') || params.has('selection')));
  root.classList.toggle('panel', isPanel);
  $('removed-card').open = isPanel;
  $('open-panel').hidden = isPanel || !(ext.sidePanel || ext.sidebarAction);
  root.dataset.state = 'loading';
  showMessage(params.has('selection') ? 'Reading the selection…' : 'Reading the page…');
  try {
    worker = createWorkerSummarizer({ onProgress: showProgress });
  } catch (error) {
    showProblem(error);
    return;
  }
  const ready = worker.ready.then(
    () => null,
    (error) => new Problem('Could not load the summarizer', String(error?.message ?? error)),
  );
  shortcutOf('toggle-highlights').then((key) => {
    if (key) $('highlight').title = `Or press ${key} on the page`;
  });
  try {
    settings = await loadSettings();
    syncControls();
    if (isPanel) {
      // Listen before reading: a panel that may not read its tab yet follows the first grant.
      windowId = params.has('tab') ? (await ext.tabs.get(Number(params.get('tab')))).windowId : (await ext.windows.getCurrent()).id;
      listenAsPanel();
    }
    input = await readInput();
    root.dataset.source = input.kind;
    root.dataset.method = input.method;
    showSource(input);
    if (input.kind === 'article') {
      activeTabId = input.tabId;
      if (!isPanel) tell({ type: MESSAGE.granted, tabId: input.tabId, windowId });
      highlighted = (await highlightCount(input.tabId)) > 0;
    }
    if (root.dataset.state === 'loading') showMessage('Loading the summarizer…');
    const problem = await ready;
    if (problem) throw problem;
  } catch (error) {
    showProblem(error);
    return;
  }
  await update();
  syncHighlightButton();
  if (root.dataset.state === 'ready') announce(`Summary ready: ${chosen(lastRender.result).length} sentences`);
}

start();
