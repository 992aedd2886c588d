// popup.js — the extension's popup: summarizes the current tab's article, or a
// selection handed over by the "Summarize selection" menu (background.js).
//
//   popup.html                  the toolbar popup: the active tab of this window
//   popup.html?tab=<tabId>      the same, against the given tab, opened as a page
//                               (tests; needs access to that tab: an activeTab grant)
//   popup.html?selection=<id>   the selection stored in chrome.storage.session
//                               under "selection:<id>" (opened by background.js)
//
// The article comes from readability.js + extract.js injected into the tab
// (chrome.scripting, allowed by the activeTab grant of the toolbar click); the
// summary is computed by precis in a module Worker of this extension
// (precis-summarizer, bundled in by web/bundle.mjs → precis-worker.js → precis.wasm). Nothing goes over the network.
// Page text is only ever put into the DOM as text (textContent), never markup.
// Settings (type, length, copy format) persist in chrome.storage.local.
import { checkRadios, copyWithFeedback, formatNumber, languageName, node, onRadioChange, summaryText } from '../view.js';
import { MAX_INPUT_BYTES, Summarizer, createWorkerSummarizer, utf8Length } from 'precis-summarizer';

const TYPES = ['tldr', 'key-points', 'headline', 'teaser'];
const LENGTHS = ['short', 'medium', 'long'];
const FORMATS = ['text', 'markdown'];
const DEFAULTS = { type: 'key-points', length: 'short', format: 'text' };
const SETTINGS_KEY = 'settings';
const SELECTION_PREFIX = 'selection:';
const KEYWORDS = 8;

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const root = document.documentElement;

/** A problem to show to the reader: a title and one sentence of explanation. */
class Problem extends Error {
  constructor(title, body) {
    super(body);
    this.title = title;
  }
}

// ---------------------------------------------------------------- settings

let settings = { ...DEFAULTS };

async function loadSettings() {
  let saved = {};
  try {
    saved = (await chrome.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] ?? {};
  } catch {
    saved = {};
  }
  const s = { ...DEFAULTS };
  if (TYPES.includes(saved.type)) s.type = saved.type;
  if (LENGTHS.includes(saved.length)) s.length = saved.length;
  if (FORMATS.includes(saved.format)) s.format = saved.format;
  return s;
}

function saveSettings() {
  chrome.storage.local.set({ [SETTINGS_KEY]: settings }).catch(() => {
    // storage unavailable: the settings just do not persist
  });
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

/** The article of a tab: Readability in the tab, else its visible text. */
async function readTab(tabId) {
  let injection;
  try {
    [injection] = await chrome.scripting.executeScript({ target: { tabId }, files: ['readability.js', 'extract.js'] });
  } catch (error) {
    throw new Problem(
      'precis cannot read this page',
      `Browsers keep extensions out of some pages (browser settings, the extension store, other extensions' pages), and precis reads a page only after you click its toolbar button. (${error?.message ?? error})`,
    );
  }
  const r = injection?.result;
  if (!r || typeof r.textContent !== 'string') throw new Problem('precis cannot read this page', 'The page gave no text to summarize.');
  return { kind: 'article', text: r.textContent, title: String(r.title ?? ''), url: String(r.url ?? ''), method: String(r.method ?? '') };
}

/** A selection stored by background.js. */
async function readSelection(id) {
  const key = SELECTION_PREFIX + id;
  const entry = (await chrome.storage.session.get(key))[key];
  if (!entry) {
    throw new Problem(
      'This selection is no longer here',
      'Selections are kept only while the browser runs. Select the text again, right-click it and choose “Summarize selection”.',
    );
  }
  if (entry.error) throw new Problem('Could not summarize the selection', entry.error);
  return { kind: 'selection', text: String(entry.text ?? ''), title: String(entry.title ?? ''), url: String(entry.url ?? ''), method: 'selection' };
}

async function readInput() {
  if (params.has('selection')) return readSelection(params.get('selection'));
  let tabId;
  if (params.has('tab')) {
    tabId = Number(params.get('tab'));
    if (!Number.isInteger(tabId) || tabId < 0) throw new Problem('No such tab', `“${params.get('tab')}” is not a tab id.`);
  } else {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (typeof tab?.id !== 'number') throw new Problem('No page to summarize', 'Open an article, then click the precis button.');
    tabId = tab.id;
  }
  return readTab(tabId);
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

function render(result, s) {
  $('message').hidden = true;
  $('summary-card').hidden = false;
  renderSummary(result, s);
  renderStats(result);
  renderKeywords(result);
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
let generation = 0;

/** precis's core options for a type and length: exactly what its Summarizer API sends. */
async function coreOptionsFor(s) {
  const summarizer = await Summarizer.create({ type: s.type, length: s.length, worker });
  const options = summarizer.coreOptions;
  summarizer.destroy(); // the worker is ours: destroy() leaves it running
  return { ...options, clean: true, keywords: KEYWORDS, timings: true };
}

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
    const result = await worker.summarize(input.text, await coreOptionsFor(s));
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
  update();
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

async function start() {
  root.classList.toggle('page', params.has('tab') || params.has('selection'));
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
  try {
    settings = await loadSettings();
    syncControls();
    input = await readInput();
    root.dataset.source = input.kind;
    root.dataset.method = input.method;
    showSource(input);
    if (root.dataset.state === 'loading') showMessage('Loading the summarizer…');
    const problem = await ready;
    if (problem) throw problem;
  } catch (error) {
    showProblem(error);
    return;
  }
  await update();
  if (root.dataset.state === 'ready') announce(`Summary ready: ${chosen(lastRender.result).length} sentences`);
}

start();
