// The precis page: paste or drop an article, get its key sentences.
// All the work runs in a Worker (precis-summarizer, bundled in by web/bundle.mjs → precis-worker.js → precis.wasm);
// this file only reads controls and renders results. User text is only ever
// put into the DOM as text nodes (textContent / createTextNode), never as markup.
import { checkRadios, copyWithFeedback, formatNumber, languageName, node, onRadioChange, summaryText } from './view.js';
import { MAX_INPUT_BYTES, createWorkerSummarizer, supportedLanguages, utf8Length as exactUtf8 } from 'precis-summarizer';

const TYPING_DELAY_MS = 300;
const SETTINGS_DELAY_MS = 120;
const BUSY_DELAY_MS = 150;
// Work younger than this is left to finish (its result is dropped): aborting
// terminates and restarts the worker, which costs more than a short summary.
const ABORT_AFTER_MS = 250;
const WORDS_PER_MINUTE = 238;
const SETTINGS_KEY = 'precis.settings.v1';
const LANGUAGES = supportedLanguages.filter((code) => code !== 'auto');

// Summary types → core options. Extract types pick N sentences per length;
// the exact-sentence slider overrides N. Headline cuts the best sentence.
const TYPES = {
  tldr: { sentences: { short: 1, medium: 3, long: 5 } },
  points: { sentences: { short: 3, medium: 5, long: 7 } },
  teaser: { sentences: { short: 1, medium: 3, long: 5 } },
  headline: { words: { short: 12, medium: 17, long: 22 } },
};
const LENGTHS = ['short', 'medium', 'long'];
const DEFAULTS = { type: 'tldr', length: 'medium', count: null, clean: true, perSection: false, showRemoved: true, format: 'text', language: 'auto' };
// Per section, each heading's part gets this many sentences per length (the slider overrides it).
const PER_SECTION = { short: 1, medium: 2, long: 3 };

const SAMPLE = `Town library starts lending tools, and the queue is out the door

Residents of Millbrook can now borrow a cordless drill as easily as a novel, after the town library opened a tool-lending shelf on Saturday.

The collection began with 140 items donated by a closing hardware shop and local tradespeople. It includes ladders, pressure washers, sewing machines, a tile cutter and two bicycle repair kits. Library members can borrow up to three tools for a week at no charge.

Head librarian Ana Ruiz said the idea came from patrons who kept asking whether the library could help with home repairs. "People told us they had bought a drill, used it once, and left it in a drawer for ten years," she said. "A library is exactly the place to share things like that."

By noon on opening day, more than half of the collection had been checked out. The waiting list for the pressure washer already runs to the end of next month.

Volunteers from the Millbrook repair café will run free workshops on the first Sunday of each month, showing borrowers how to use and care for the tools. Each item is inspected when it comes back, and worn parts are replaced from a small maintenance budget.

Town councillors, who approved a grant of 8,000 dollars for shelving and insurance, said they would review the scheme after six months. Councillor Ben Okafor said early demand suggested it could become permanent. "It saves families money and it keeps perfectly good equipment out of landfill," he said.

Similar tool libraries operate in more than a dozen cities, but Millbrook is believed to be the first town of its size in the region to add one to its public library.`;

const $ = (id) => document.getElementById(id);
const el = {
  input: $('input'), drop: $('drop'), meter: $('meter'), file: $('file'),
  count: $('count'), countOut: $('count-out'), countLabel: $('count-label'), countHint: $('count-hint'),
  clean: $('clean'), perSection: $('per-section'), language: $('language'), go: $('go'),
  loading: $('loading'), loadingText: $('loading-text'), loadingBar: $('loading-bar'),
  message: $('message'), error: $('error'), busy: $('busy'),
  summaryCard: $('summary-card'), summary: $('summary'), notes: $('notes'), format: $('format'), copy: $('copy'),
  keywordsCard: $('keywords-card'), keywords: $('keywords'),
  originalCard: $('original-card'), original: $('original'), showRemoved: $('show-removed'),
  announce: $('announce'),
};

// ---------------------------------------------------------------- settings

function loadSettings() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') ?? {};
  } catch {
    saved = {};
  }
  const s = { ...DEFAULTS };
  if (saved.type in TYPES) s.type = saved.type;
  if (LENGTHS.includes(saved.length)) s.length = saved.length;
  if (Number.isInteger(saved.count) && saved.count >= Number(el.count.min) && saved.count <= Number(el.count.max)) s.count = saved.count;
  if (typeof saved.clean === 'boolean') s.clean = saved.clean;
  if (typeof saved.perSection === 'boolean') s.perSection = saved.perSection;
  if (typeof saved.showRemoved === 'boolean') s.showRemoved = saved.showRemoved;
  if (saved.format === 'text' || saved.format === 'markdown') s.format = saved.format;
  if (saved.language === 'auto' || LANGUAGES.includes(saved.language)) s.language = saved.language;
  return s;
}

function saveSettings() {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // storage can be unavailable (private modes, quotas): settings just do not persist
  }
}

const settings = loadSettings();

/** The sentence count an extract type asks for (slider overrides the preset). */
const sentenceCount = (s) => s.count ?? (s.perSection ? PER_SECTION[s.length] : TYPES[s.type].sentences?.[s.length]) ?? 3;

/** The core options for the current settings. */
function coreOptions(s) {
  const options = { clean: s.clean, keywords: 10, timings: true };
  if (s.language !== 'auto') options.language = s.language;
  if (s.type === 'headline') return { ...options, mode: 'headline', headlineWords: TYPES.headline.words[s.length] };
  const extract = { ...options, mode: 'extract', sentences: sentenceCount(s) };
  return s.perSection ? { ...extract, perSection: true } : extract;
}

function syncControls() {
  const headline = settings.type === 'headline';
  checkRadios('type', (value) => value === settings.type);
  checkRadios('length', (value) => value === settings.length && (headline || settings.count === null));
  const n = sentenceCount(settings);
  el.count.value = String(n);
  el.count.disabled = headline;
  el.countOut.textContent = headline ? '–' : String(n);
  el.countHint.textContent = headline
    ? `Headlines are cut to about ${TYPES.headline.words[settings.length]} words`
    : settings.count === null ? '' : 'exact count';
  el.clean.checked = settings.clean;
  el.perSection.checked = settings.perSection;
  el.perSection.disabled = headline;
  el.showRemoved.checked = settings.showRemoved;
  el.original.classList.toggle('hide-removed', !settings.showRemoved);
  el.format.value = settings.format;
  el.language.value = settings.language;
}

// ---------------------------------------------------------------- helpers

/** UTF-8 length of a JS string: exact whenever it could exceed the limit (MAX_INPUT_BYTES, the core's default). */
function utf8Length(text) {
  return text.length * 3 <= MAX_INPUT_BYTES ? text.length : exactUtf8(text);
}
const fmt = formatNumber;

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  const mib = n / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

function formatDuration(minutes) {
  const seconds = Math.round(minutes * 60);
  if (seconds < 5) return 'a few seconds';
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m >= 60) return `${Math.floor(m / 60)} h ${m % 60} min`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

function announce(text) {
  el.announce.textContent = '';
  requestAnimationFrame(() => (el.announce.textContent = text));
}

// ---------------------------------------------------------------- states

function showMessage(title, body, { kind = 'info', action = null } = {}) {
  el.message.hidden = false;
  el.message.dataset.kind = kind;
  const children = [node('p', { class: 'message-title', text: title })];
  if (body) children.push(node('p', { text: body }));
  if (action) children.push(action);
  el.message.replaceChildren(...children);
}

function hideResults() {
  el.summaryCard.hidden = true;
  el.keywordsCard.hidden = true;
  el.originalCard.hidden = true;
  lastRender = null;
}

function showEmpty() {
  clearError();
  hideResults();
  const sample = node('button', { type: 'button', class: 'ghost', text: 'Try a sample article' });
  sample.addEventListener('click', loadSample);
  showMessage('No text yet', 'Paste or type an article on the left, or drop a PDF, Word (.docx), EPUB, .txt, .html or .md file. The summary updates as you type.', {
    action: sample,
  });
}

function showError(text) {
  el.error.hidden = false;
  el.error.replaceChildren(node('p', { class: 'message-title', text: 'Could not summarize' }), node('p', { text }));
}

function clearError() {
  el.error.hidden = true;
  el.error.replaceChildren();
}

function showTooLong(bytes) {
  hideResults();
  el.message.hidden = true;
  showError(
    `This text is ${formatBytes(bytes)} (${fmt(bytes)} bytes of UTF-8); precis accepts up to ${formatBytes(MAX_INPUT_BYTES)} (${fmt(MAX_INPUT_BYTES)} bytes). Shorten it to summarize.`,
  );
  el.error.firstChild.textContent = 'Text too long';
}

function setBusy(busy) {
  el.busy.hidden = !busy;
  el.summaryCard.setAttribute('aria-busy', String(busy));
}

function updateMeter() {
  const text = el.input.value;
  if (!text) {
    el.meter.textContent = 'Empty';
    return;
  }
  el.meter.textContent = `${fmt(text.length)} characters`;
}

// ---------------------------------------------------------------- rendering

let lastRender = null; // { text, result, settings }

function chosenSentences(result) {
  return result.sentences.filter((s) => s.selected);
}

function sentenceLink(s, text) {
  const a = node('a', { href: `#s-${s.index}`, class: 'sent', title: 'Show in the original', 'data-index': String(s.index), text: text ?? s.text });
  a.addEventListener('click', (event) => {
    event.preventDefault();
    revealSentence(s.index);
  });
  return a;
}

function revealSentence(index) {
  const mark = document.getElementById(`s-${index}`);
  if (!mark) return;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}

/** Per section: each part with chosen sentences under its heading, as the type renders them. */
function renderSections(result, s) {
  const groups = [];
  for (const c of chosenSentences(result)) {
    const last = groups[groups.length - 1];
    if (last?.section === c.section) last.sentences.push(c);
    else groups.push({ section: c.section, sentences: [c] });
  }
  const parts = groups.map(({ section, sentences }) => {
    const title = result.sections[section]?.title || 'Opening';
    const body =
      s.type === 'points'
        ? node('ul', { class: 'points' }, ...sentences.map((c) => node('li', {}, sentenceLink(c))))
        : node('p', { class: 'tldr' }, ...sentences.flatMap((c, i) => (i ? [' ', sentenceLink(c)] : [sentenceLink(c)])));
    return node('section', { class: 'section-summary' }, node('h3', { text: title }), body);
  });
  el.summary.replaceChildren(...parts);
}

function renderSummary(result, s) {
  const chosen = chosenSentences(result);
  if (s.perSection && s.type !== 'headline' && result.sections?.length > 1) {
    renderSections(result, s);
    return;
  }
  let body;
  if (s.type === 'headline') {
    const best = chosen[0];
    body = node('p', { class: 'headline' }, best ? sentenceLink(best, result.summary) : result.summary);
  } else if (s.type === 'points') {
    body = node('ul', { class: 'points' }, ...chosen.map((c) => node('li', {}, sentenceLink(c))));
  } else {
    const p = node('p', { class: s.type === 'teaser' ? 'teaser' : 'tldr' });
    chosen.forEach((c, i) => {
      if (i) p.append(' ');
      p.append(sentenceLink(c));
    });
    if (s.type === 'teaser' && chosen.length) {
      const more = node('a', { href: '#original-h', class: 'more', text: 'Read the original' });
      more.addEventListener('click', (event) => {
        event.preventDefault();
        revealSentence(chosen[chosen.length - 1].index);
      });
      p.append(' ', more);
    }
    body = p;
  }
  el.summary.replaceChildren(body);
}

function renderStats(result) {
  const st = result.stats;
  $('stat-words').textContent = `${fmt(st.wordsIn)} → ${fmt(st.wordsOut)}`;
  $('stat-saved').textContent = formatDuration(Math.max(0, st.wordsIn - st.wordsOut) / WORDS_PER_MINUTE);
  $('stat-language').textContent = languageName(result.language);
  const ms = st.timings?.totalMs;
  $('stat-time').textContent = typeof ms === 'number' ? (ms < 10 ? `${ms.toFixed(1)} ms` : `${fmt(Math.round(ms))} ms`) : '–';
}

function renderKeywords(result) {
  el.keywords.replaceChildren(...result.keywords.map((k) => node('li', { title: `${k.count}× in the text`, text: k.text })));
  el.keywordsCard.hidden = result.keywords.length === 0;
}

const reasonLabel = (reason) => String(reason || 'noise').replaceAll('-', ' ');

/**
 * The original text with chosen sentences in <mark>, removed noise in
 * greyed <span>s and doubtful body in dotted-underlined ones, built from UTF-16 offsets into the exact string that was
 * summarized. Only text nodes carry user text.
 */
function renderOriginal(text, result) {
  const spans = [];
  for (const s of result.sentences) {
    if (s.selected) spans.push({ start: s.utf16Start, end: s.utf16End, kind: 'sentence', s });
  }
  for (const r of result.removed ?? []) spans.push({ start: r.utf16Start, end: r.utf16End, kind: 'noise', r });
  // Doubtful body around the chosen sentences it holds (spans do not nest).
  const chosen = spans.filter((x) => x.kind === 'sentence');
  for (const d of result.doubtful ?? []) {
    let from = d.utf16Start;
    for (const c of chosen.filter((x) => x.end > d.utf16Start && x.start < d.utf16End).sort((a, b) => a.start - b.start)) {
      if (c.start > from) spans.push({ start: from, end: c.start, kind: 'doubtful', d });
      from = Math.max(from, c.end);
    }
    if (from < d.utf16End) spans.push({ start: from, end: d.utf16End, kind: 'doubtful', d });
  }
  if (result.title) spans.push({ start: result.title.utf16Start, end: result.title.utf16End, kind: 'title' });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const frag = document.createDocumentFragment();
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (start > at) frag.append(document.createTextNode(text.slice(at, start)));
    const piece = text.slice(start, end);
    if (span.kind === 'sentence') {
      frag.append(node('mark', { id: `s-${span.s.index}`, tabindex: '-1', 'data-index': String(span.s.index), text: piece }));
    } else if (span.kind === 'doubtful') {
      const label = `kept with doubt: ${Math.round(100 * span.d.bodyProbability)}% likely article text`;
      frag.append(node('span', { class: 'doubtful', title: label, text: piece }));
    } else if (span.kind === 'noise') {
      const label = `ignored: ${reasonLabel(span.r.reason)}`;
      frag.append(node('span', { class: 'noise', title: label, 'data-reason': span.r.reason ?? '', text: piece }));
    } else {
      frag.append(node('span', { class: 'title', title: 'title', text: piece }));
    }
    at = end;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  el.original.replaceChildren(frag);
}

function render(text, result, s) {
  clearError();
  el.message.hidden = true;
  el.summaryCard.hidden = false;
  el.originalCard.hidden = false;
  renderSummary(result, s);
  renderStats(result);
  renderKeywords(result);
  renderOriginal(text, result);
  const notes = (result.notes ?? []).filter(Boolean);
  el.notes.hidden = notes.length === 0;
  el.notes.textContent = notes.join(' · ');
  if (chosenSentences(result).length === 0 && result.sentences.length === 0) {
    el.summary.replaceChildren(node('p', { class: 'muted', text: 'No sentences found in this text.' }));
  }
  lastRender = { text, result, settings: { ...s } };
}

// ---------------------------------------------------------------- copy

function summaryAs(format) {
  if (!lastRender) return '';
  const { result, settings: s } = lastRender;
  if (s.perSection && s.type !== 'headline' && result.sections?.length > 1) {
    // Each section's title, then its sentences (Markdown: a heading and bullets).
    const out = [];
    let section = -1;
    for (const c of chosenSentences(result)) {
      if (c.section !== section) {
        section = c.section;
        const title = result.sections[section]?.title || 'Opening';
        if (out.length) out.push('');
        out.push(format === 'markdown' ? `## ${title}` : title);
      }
      out.push(format === 'markdown' ? `- ${c.text}` : c.text);
    }
    return out.join('\n');
  }
  const type = s.type === 'points' ? 'key-points' : s.type;
  return summaryText(type, format, result.summary, chosenSentences(result).map((c) => c.text));
}

async function copySummary() {
  const text = summaryAs(settings.format);
  if (!text) return;
  const ok = await copyWithFeedback(el.copy, text);
  announce(ok ? `Summary copied as ${settings.format === 'markdown' ? 'Markdown' : 'plain text'}` : 'Could not copy');
}

// ---------------------------------------------------------------- running

let summarizer = null;
let ready = false;
let loadError = null; // the summarizer could not load: say so instead of waiting
let timer = 0;
let inFlight = null; // { controller, started } of the newest request
let generation = 0;

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => run(), delay);
}

/** Makes the running request stale; aborts it when it has run for a while. */
function cancelInFlight() {
  if (inFlight && performance.now() - inFlight.started > ABORT_AFTER_MS) inFlight.controller.abort();
  inFlight = null;
}

async function run({ explicit = false } = {}) {
  clearTimeout(timer);
  const text = el.input.value;
  const gen = ++generation;
  cancelInFlight();
  if (!text.trim()) {
    showEmpty();
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    showTooLong(bytes);
    return;
  }
  if (loadError) {
    hideResults();
    el.message.hidden = true;
    showError(`The summarizer could not load: ${loadError}. Reload the page to try again.`);
    return;
  }
  if (!ready) {
    showMessage('Almost ready', 'The summarizer is still loading; your summary appears as soon as it is ready.');
    return;
  }
  const s = { ...settings };
  const ctl = new AbortController();
  inFlight = { controller: ctl, started: performance.now() };
  const busy = setTimeout(() => setBusy(true), BUSY_DELAY_MS);
  try {
    const result = await summarizer.summarize(text, coreOptions(s), { signal: ctl.signal });
    if (gen !== generation) return;
    render(text, result, s);
    if (explicit) announce(`Summary ready: ${chosenSentences(result).length} of ${result.stats.sentences} sentences`);
  } catch (error) {
    if (gen !== generation || error?.name === 'AbortError') return;
    hideResults();
    el.message.hidden = true;
    // The core's message is written for people; never show a stack trace.
    showError(error?.name === 'PrecisError' ? error.message : `Something went wrong: ${error?.message ?? error}`);
  } finally {
    clearTimeout(busy);
    if (gen === generation) {
      setBusy(false);
      inFlight = null;
    }
  }
}

// ---------------------------------------------------------------- input

const ACCEPTED = /\.(txt|text|md|markdown|html?|xhtml)$/i;
// Documents are read by lazy modules (web/documents, bundled into documents/),
// loaded only when such a file comes: the first load of the page is without them.
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const DOCUMENTS = {
  pdf: { test: /\.pdf$/i, type: 'application/pdf', label: 'PDF' },
  docx: { test: /\.docx$/i, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document' },
  epub: { test: /\.epub$/i, type: 'application/epub+zip', label: 'e-book' },
};
const documentKind = (file) => Object.keys(DOCUMENTS).find((k) => DOCUMENTS[k].test.test(file.name) || file.type === DOCUMENTS[k].type) ?? null;
let documentRead = 0; // the newest document being read; an older one finishing late is dropped
const readers = new Map();
/** The reader module of a kind, imported once (a failed import is tried again next time). */
function loadReader(kind) {
  if (!readers.has(kind)) {
    const loading = import(new URL(`./documents/${kind}.js`, import.meta.url).href);
    readers.set(kind, loading);
    loading.catch(() => readers.delete(kind));
  }
  return readers.get(kind);
}

function showDocumentError(file, text) {
  hideResults();
  el.message.hidden = true;
  showError(text);
  el.error.firstChild.textContent = `Could not read “${file.name}”`;
  el.meter.textContent = `${file.name} was not loaded`;
}

async function loadDocument(file, kind) {
  const { label } = DOCUMENTS[kind];
  if (file.size > MAX_DOCUMENT_BYTES) {
    showDocumentError(file, `This ${label} is ${formatBytes(file.size)}; precis reads documents up to ${formatBytes(MAX_DOCUMENT_BYTES)}.`);
    return;
  }
  const id = ++documentRead;
  cancelInFlight();
  clearError();
  hideResults();
  showMessage(`Reading “${file.name}”…`, `The ${label}'s text is extracted here in your browser; nothing is uploaded.`);
  document.documentElement.dataset.reading = kind;
  const started = performance.now();
  try {
    let reader;
    try {
      reader = await loadReader(kind);
    } catch (error) {
      throw new Error(`the ${label} reader could not be loaded (${navigator.onLine ? error?.message ?? error : 'you are offline and it was not cached yet'})`);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const onProgress = (done, total) => {
      if (id === documentRead) showMessage(`Reading “${file.name}”…`, `Page ${fmt(done)} of ${fmt(total)}`);
    };
    const doc = await reader.read(bytes, { onProgress });
    if (id !== documentRead) return;
    const bytesOut = utf8Length(doc.text);
    el.input.value = doc.text;
    updateMeter();
    const parts = [doc.pages ? `${fmt(doc.pages)} page${doc.pages === 1 ? '' : 's'}` : null, `${fmt(doc.characters)} characters read`];
    if (doc.headings >= 2) parts.push(`${fmt(doc.headings)} headings${settings.perSection ? '' : ' — try “Per section”'}`);
    el.meter.textContent = `${file.name} · ${parts.filter(Boolean).join(' · ')}`;
    document.documentElement.dataset.documentMs = String(Math.round(performance.now() - started));
    if (bytesOut > MAX_INPUT_BYTES) {
      showTooLong(bytesOut);
      return;
    }
    run({ explicit: true });
  } catch (error) {
    if (id !== documentRead) return;
    showDocumentError(file, error?.name === 'DocumentError' ? error.message : `Something went wrong: ${error?.message ?? error}.`);
  } finally {
    if (id === documentRead) delete document.documentElement.dataset.reading;
  }
}

async function loadFile(file) {
  if (!file) return;
  const kind = documentKind(file);
  if (kind) {
    await loadDocument(file, kind);
    return;
  }
  if (!ACCEPTED.test(file.name) && !/^text\/(plain|markdown|html)/.test(file.type)) {
    hideResults();
    el.message.hidden = true;
    showError(`“${file.name}” is not a file precis can read: open a PDF, .docx, .epub, .txt, .html or .md file.`);
    return;
  }
  documentRead++; // a document still being read is dropped
  if (file.size > MAX_INPUT_BYTES) {
    showTooLong(file.size);
    el.meter.textContent = `${file.name} was not loaded`;
    return;
  }
  // .html is passed as text: the core's cleaning stage deals with markup.
  const text = await file.text();
  cancelInFlight();
  el.input.value = text;
  updateMeter();
  el.meter.textContent += ` · from ${file.name}`;
  run({ explicit: true });
}

function loadSample() {
  el.input.value = SAMPLE;
  updateMeter();
  run({ explicit: true });
  el.input.focus();
  el.input.setSelectionRange(0, 0);
  el.input.scrollTop = 0;
}

const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!hasFiles(event)) return;
  // A document is likely coming: start loading its reader now (the drop then only waits for the rest).
  for (const item of event.dataTransfer?.items ?? []) {
    const kind = Object.keys(DOCUMENTS).find((k) => item.type === DOCUMENTS[k].type);
    if (kind) loadReader(kind).catch(() => {});
  }
  dragDepth++;
  el.drop.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) el.drop.classList.remove('dragging');
});
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault(); // allow dropping files anywhere on the page
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  el.drop.classList.remove('dragging');
  loadFile(event.dataTransfer.files[0]);
});

el.input.addEventListener('input', () => {
  // New text makes running work stale (a document still being read too): cancel it, then wait for a pause in typing.
  documentRead++;
  cancelInFlight();
  updateMeter();
  schedule(TYPING_DELAY_MS);
});

$('open').addEventListener('click', () => el.file.click());
el.file.addEventListener('change', () => {
  loadFile(el.file.files[0]);
  el.file.value = '';
});
$('sample').addEventListener('click', loadSample);
$('clear').addEventListener('click', () => {
  documentRead++;
  el.input.value = '';
  updateMeter();
  run();
  el.input.focus();
});
el.go.addEventListener('click', () => run({ explicit: true }));

document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run({ explicit: true });
  }
});

function settingChanged() {
  saveSettings();
  syncControls();
  schedule(SETTINGS_DELAY_MS);
}

onRadioChange('type', (value) => {
  settings.type = value;
  settingChanged();
});
onRadioChange('length', (value) => {
  settings.length = value;
  settings.count = null; // a preset replaces the exact count
  settingChanged();
});
el.count.addEventListener('input', () => {
  settings.count = Number(el.count.value);
  settingChanged();
});
el.clean.addEventListener('change', () => {
  settings.clean = el.clean.checked;
  settingChanged();
});
el.perSection.addEventListener('change', () => {
  settings.perSection = el.perSection.checked;
  settingChanged();
});
el.language.addEventListener('change', () => {
  settings.language = el.language.value;
  settingChanged();
});
el.showRemoved.addEventListener('change', () => {
  // Display only: the noise is still skipped, just hidden from the original view.
  settings.showRemoved = el.showRemoved.checked;
  saveSettings();
  syncControls();
});
el.format.addEventListener('change', () => {
  settings.format = el.format.value;
  saveSettings();
});
el.copy.addEventListener('click', copySummary);

// ---------------------------------------------------------------- start

for (const code of LANGUAGES.map((c) => [c, languageName(c)]).sort((a, b) => a[1].localeCompare(b[1]))) {
  el.language.append(node('option', { value: code[0], text: code[1] }));
}
syncControls();
updateMeter();

function setProgress(loaded, total) {
  if (total > 0) {
    const pct = Math.min(100, Math.round((100 * loaded) / total));
    el.loadingBar.value = pct;
    el.loadingText.textContent = `Loading the summarizer… ${pct}% of ${formatBytes(total)}`;
  }
}

async function start() {
  document.documentElement.dataset.state = 'loading';
  try {
    summarizer = createWorkerSummarizer({ onProgress: setProgress });
    await summarizer.ready;
    ready = true;
    document.documentElement.dataset.state = 'ready';
    el.loading.hidden = true;
    if (el.input.value.trim()) run();
    else showEmpty();
  } catch (error) {
    document.documentElement.dataset.state = 'failed';
    loadError = error?.message ?? String(error);
    el.loading.dataset.kind = 'error';
    el.loadingBar.hidden = true;
    el.loadingText.textContent = `Could not load the summarizer: ${error?.message ?? error}. Reload the page to try again.`;
  }
  registerServiceWorker();
}

function registerServiceWorker() {
  // Only over http(s): file:// pages cannot have a service worker.
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker
    .register('sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => ($('offline-state').textContent = 'works offline'))
    .catch(() => {
      // No offline copy (private mode, unsupported): the page works online anyway.
    });
}

start();
