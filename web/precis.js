// precis.js — the JavaScript API of precis (an ES module, no dependencies).
//
//   summarize(text, options)  the full structured result of the core
//   keywords(text, options)   the keyphrases only
//   Summarizer                the shape of the browser's built-in Summarizer
//                             API (WICG writing-assistance-apis), so precis is
//                             a drop-in fallback where that API is missing
//   createWorkerSummarizer()  the same work in a module Worker, off the main
//                             thread, with cancellation
//
// Works in pages, workers, extensions and Node 20. No code from strings:
// it loads under a CSP of script-src 'self' 'wasm-unsafe-eval'.
// Types: precis.d.ts. Guide: docs/js-api.md.

import { Core, CoreError, compileWasm, resolveWasmUrl } from './precis-core.js';

export { CoreError as PrecisError, Core };

/** Languages the core has stopwords for; "auto" detects the language. */
export const supportedLanguages = Object.freeze([
  'auto', 'ar', 'cs', 'da', 'de', 'en', 'es', 'fi', 'fr', 'hi', 'hu', 'id', 'it', 'ja', 'ko', 'nb', 'nl', 'pl', 'pt',
  'ro', 'ru', 'sv', 'tr', 'uk', 'vi', 'zh',
]);

/** The core refuses longer inputs (UTF-8 bytes) unless `maxInputBytes` says otherwise. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

// ------------------------------------------------------------ loading

// One fetch + compile per wasm URL, shared by everything in this realm
// (main-thread calls, Summarizer instances, and the module handed to workers).
const modulesByUrl = new Map(); // href -> { promise, module, listeners, loaded, total }
const modulesByBinary = new WeakMap(); // BufferSource -> Promise<WebAssembly.Module>
const coresByModule = new WeakMap(); // WebAssembly.Module -> Core
let defaultSource = {};

const hasWebAssembly = () => typeof WebAssembly === 'object' && WebAssembly !== null && typeof WebAssembly.compile === 'function';

/**
 * Where later calls load precis.wasm from (default: next to this module).
 * @param {{wasmUrl?: URL|string, wasmBinary?: BufferSource, module?: WebAssembly.Module}} source
 */
export function configure(source = {}) {
  if (source === null || typeof source !== 'object') throw new TypeError('configure() takes an object');
  const { wasmUrl, wasmBinary, module } = source;
  defaultSource = { wasmUrl, wasmBinary, module };
}

const hrefOf = (wasmUrl) => resolveWasmUrl(wasmUrl).href;

function cacheEntry(source) {
  if (source.module || source.wasmBinary) return null;
  return modulesByUrl.get(hrefOf(source.wasmUrl)) ?? null;
}

/** True when the compiled module for `source` is already in memory (nothing to download). */
function isLoaded(source = defaultSource) {
  if (source.module) return true;
  return !!cacheEntry(source)?.module;
}

/**
 * The compiled WebAssembly.Module, fetched and compiled once per URL.
 * `onProgress(loaded, total)` reports the download in bytes (also to callers
 * that join a download already under way).
 */
function compiledModule(source = defaultSource, onProgress) {
  if (!hasWebAssembly()) return Promise.reject(new CoreError('WebAssembly is not available here'));
  if (source.module) return Promise.resolve(source.module);
  if (source.wasmBinary) {
    const key = ArrayBuffer.isView(source.wasmBinary) ? source.wasmBinary.buffer : source.wasmBinary;
    let p = modulesByBinary.get(key);
    if (!p) {
      p = WebAssembly.compile(source.wasmBinary);
      modulesByBinary.set(key, p);
    }
    return p;
  }
  const href = hrefOf(source.wasmUrl);
  let entry = modulesByUrl.get(href);
  if (!entry) {
    entry = { promise: null, module: null, listeners: new Set(), loaded: -1, total: 0 };
    const report = (loaded, total) => {
      entry.loaded = loaded;
      entry.total = total;
      for (const f of entry.listeners) f(loaded, total);
    };
    entry.promise = compileWasm(href, report).then(
      (module) => {
        entry.module = module;
        entry.listeners.clear();
        return module;
      },
      (error) => {
        modulesByUrl.delete(href); // a later call may try again
        entry.listeners.clear();
        throw error instanceof CoreError ? error : new CoreError(`cannot load precis.wasm: ${error?.message ?? error}`, { cause: error });
      },
    );
    modulesByUrl.set(href, entry);
  }
  if (onProgress && !entry.module) {
    entry.listeners.add(onProgress);
    if (entry.loaded >= 0) onProgress(entry.loaded, entry.total);
  }
  return entry.promise;
}

/** Remembers a module compiled elsewhere (a worker) so this realm need not fetch it again. */
function rememberModule(href, module) {
  if (!(module instanceof WebAssembly.Module) || modulesByUrl.get(href)?.module) return;
  modulesByUrl.set(href, { promise: Promise.resolve(module), module, listeners: new Set(), loaded: 0, total: 0 });
}

/**
 * Loads the core (once; later calls reuse it) and returns it. Optional:
 * summarize() and friends load on first use.
 * @param {{wasmUrl?: URL|string, wasmBinary?: BufferSource, module?: WebAssembly.Module, onProgress?: (loaded:number, total:number)=>void}} [options]
 * @returns {Promise<Core>}
 */
export async function load(options = {}) {
  const { onProgress, ...rest } = options ?? {};
  const source = rest.wasmUrl || rest.wasmBinary || rest.module ? rest : defaultSource;
  const module = await compiledModule(source, onProgress);
  let core = coresByModule.get(module);
  if (!core) {
    core = new Core(module); // instantiated on first call
    coresByModule.set(module, core);
  }
  return core;
}

// ------------------------------------------------------------ helpers

const abortError = (message = 'The operation was aborted.') => new DOMException(message, 'AbortError');
const reasonOf = (signal) => signal.reason ?? abortError();

function throwIfAborted(signal) {
  if (signal?.aborted) throw reasonOf(signal);
}

function checkSignal(signal, what) {
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError(`${what} must be an AbortSignal`);
}

/** An AbortSignal that aborts when any of `signals` does. */
function anySignal(signals) {
  const list = signals.filter(Boolean);
  if (list.length === 1) return list[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(list);
  const controller = new AbortController();
  for (const s of list) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** UTF-8 length of a JS string, as TextEncoder would encode it (lone surrogates become U+FFFD). */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Splits {signal, ...coreOptions}, checking what JS can check (the core checks the rest). */
function splitOptions(options) {
  if (options === undefined || options === null) return { signal: undefined, coreOptions: {} };
  if (!isPlainObject(options)) throw new CoreError('options: must be an object', { field: 'options' });
  const { signal, ...coreOptions } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new CoreError('options.signal: must be an AbortSignal', { field: 'options.signal' });
  }
  return { signal, coreOptions };
}

function checkText(text) {
  if (typeof text !== 'string') throw new CoreError(`text: must be a string, got ${text === null ? 'null' : typeof text}`, { field: 'text' });
}

function keywordOptions(options) {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) throw new CoreError('options: must be an object', { field: 'options' });
  const { limit = 10, language, signal, ...rest } = options;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) throw new CoreError(`options.${unknown}: unknown option; known: limit, language, signal`, { field: `options.${unknown}` });
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new CoreError('options.signal: must be an AbortSignal', { field: 'options.signal' });
  }
  const coreOptions = { sentences: 1, keywords: limit };
  if (language !== undefined) coreOptions.language = language;
  return { signal, coreOptions, limitField: 'options.limit' };
}

// Core option names in errors become the JS option names for keywords().
const renameField = (error, from, to) => {
  if (error instanceof CoreError && error.field === from) {
    return new CoreError(error.message.replace(from, to), { field: to, cause: error.cause });
  }
  return error;
};

// ------------------------------------------------------------ low-level API

/** Runs the core on this thread, honouring `signal` before and after the (synchronous) call. */
async function runHere(text, coreOptions, signal) {
  throwIfAborted(signal);
  const core = await load();
  throwIfAborted(signal);
  const result = core.summarize(text, coreOptions);
  throwIfAborted(signal);
  return result;
}

/**
 * Summarizes `text`; resolves with the full structured result (README, precis.d.ts).
 * Rejects with a PrecisError naming the field for a bad option or input, or
 * with the signal's reason (an "AbortError" DOMException) when aborted.
 * @param {string} text
 * @param {object} [options] the core's options, plus `signal`
 */
export async function summarize(text, options) {
  checkText(text);
  const { signal, coreOptions } = splitOptions(options);
  return runHere(text, coreOptions, signal);
}

/**
 * The keyphrases of `text`, best first.
 * @param {string} text
 * @param {{limit?: number, language?: string, signal?: AbortSignal}} [options]
 */
export async function keywords(text, options) {
  checkText(text);
  const { signal, coreOptions } = keywordOptions(options);
  try {
    return (await runHere(text, coreOptions, signal)).keywords;
  } catch (error) {
    throw renameField(error, 'options.keywords', 'options.limit');
  }
}

// ------------------------------------------------------------ worker

/**
 * Runs precis in a module Worker (precis-worker.js). Requests carry an id;
 * responses are matched by id. Aborting a request rejects it at once and,
 * since a running wasm call cannot be interrupted, terminates the worker;
 * the next request starts a fresh one (the compiled module is reused, not
 * fetched again) and requests still pending are re-sent to it.
 *
 * @param {{workerUrl?: URL|string, createWorker?: () => Worker, wasmUrl?: URL|string, onProgress?: (loaded:number,total:number)=>void}} [options]
 */
export function createWorkerSummarizer(options = {}) {
  return new WorkerSummarizer(options ?? {});
}

const errorFromWire = (e) => {
  if (e?.name === 'PrecisError') return new CoreError(e.message, { field: e.field ?? '' });
  const error = new Error(e?.message ?? String(e));
  if (e?.name) error.name = e.name;
  return error;
};

export class WorkerSummarizer {
  #workerUrl;
  #createWorker;
  #wasmHref;
  #onProgress;
  #worker = null;
  #workerReady = null; // Promise<void> of the current worker
  #pending = new Map(); // id -> { message, resolve, reject, cleanup }
  #nextId = 1;
  #terminated = false;
  #module = null; // compiled in a worker (or this realm), handed to fresh workers
  /** Resolves when the first worker has loaded the wasm. */
  ready;

  constructor({ workerUrl, createWorker, wasmUrl, onProgress } = {}) {
    if (createWorker !== undefined && typeof createWorker !== 'function') throw new TypeError('createWorker must be a function that returns a Worker');
    if (createWorker === undefined && typeof Worker !== 'function') throw new CoreError('Web Workers are not available here');
    if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('onProgress must be a function');
    this.#workerUrl = workerUrl;
    this.#createWorker = createWorker;
    this.#wasmHref = hrefOf(wasmUrl ?? defaultSource.wasmUrl);
    if (wasmUrl === undefined && defaultSource.module) this.#module = defaultSource.module; // from configure()
    this.#onProgress = onProgress;
    this.ready = this.#start();
    this.ready.catch(() => {}); // callers that never await `ready` see the error on their requests
  }

  #start() {
    // The last form is the literal pattern bundlers recognise: they build
    // precis-worker.js as a worker chunk and rewrite its URL.
    const worker = this.#createWorker
      ? this.#createWorker()
      : this.#workerUrl
        ? new Worker(this.#workerUrl, { type: 'module' })
        : new Worker(new URL('./precis-worker.js', import.meta.url), { type: 'module' });
    this.#worker = worker;
    let settle;
    const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
    worker.addEventListener('message', (event) => this.#onMessage(worker, event.data, settle));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      const error = new CoreError(`the precis worker failed: ${event.message || 'cannot load precis-worker.js'}`);
      this.#fail(worker, error, settle);
    });
    worker.addEventListener('messageerror', () => this.#fail(worker, new CoreError('the precis worker sent an unreadable message'), settle));
    const module = this.#module ?? modulesByUrl.get(this.#wasmHref)?.module ?? null;
    let sent = false;
    if (module) {
      try {
        worker.postMessage({ type: 'load', module, wasmUrl: this.#wasmHref });
        sent = true;
      } catch {
        // A module cannot cross into this worker: let it fetch (the HTTP cache helps).
      }
    }
    if (!sent) worker.postMessage({ type: 'load', wasmUrl: this.#wasmHref });
    this.#workerReady = ready;
    ready.catch(() => {});
    return ready;
  }

  #onMessage(worker, data, settle) {
    if (worker !== this.#worker || !data || typeof data !== 'object') return;
    switch (data.type) {
      case 'progress':
        if (this.#onProgress) this.#onProgress(data.loaded, data.total);
        break;
      case 'ready':
        if (data.module) {
          this.#module = data.module;
          rememberModule(this.#wasmHref, data.module);
        }
        settle.resolve();
        break;
      case 'load-error':
        this.#fail(worker, errorFromWire(data.error), settle);
        break;
      case 'result':
      case 'error': {
        const request = this.#pending.get(data.id);
        if (!request) return; // aborted meanwhile
        this.#pending.delete(data.id);
        request.cleanup();
        if (data.type === 'result') request.resolve(data.result);
        else request.reject(errorFromWire(data.error));
        break;
      }
    }
  }

  #fail(worker, error, settle) {
    if (worker !== this.#worker) return;
    settle.reject(error);
    worker.terminate();
    this.#worker = null;
    for (const [id, request] of this.#pending) {
      this.#pending.delete(id);
      request.cleanup();
      request.reject(error);
    }
  }

  /** Kills the current worker (a request was aborted) and re-sends what is still pending to a fresh one. */
  #restart() {
    this.#worker?.terminate();
    this.#worker = null;
    if (this.#pending.size === 0) return; // started lazily by the next request
    this.#start();
    for (const request of this.#pending.values()) this.#worker.postMessage(request.message);
  }

  #request(message, signal) {
    if (this.#terminated) return Promise.reject(new DOMException('terminate() was called on this WorkerSummarizer', 'InvalidStateError'));
    if (signal?.aborted) return Promise.reject(reasonOf(signal));
    if (!this.#worker) this.#start();
    const id = this.#nextId++;
    const full = { ...message, id };
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!this.#pending.has(id)) return;
        this.#pending.delete(id);
        reject(reasonOf(signal));
        this.#restart();
      };
      const cleanup = () => signal?.removeEventListener('abort', onAbort);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, { message: full, resolve, reject, cleanup });
      this.#worker.postMessage(full);
    });
  }

  /**
   * The full structured result, computed in the worker.
   * @param {string} text
   * @param {object} [options] the core's options (a `signal` here is honoured too)
   * @param {{signal?: AbortSignal}} [control]
   */
  async summarize(text, options, control = {}) {
    checkText(text);
    const { signal: inner, coreOptions } = splitOptions(options);
    if (control !== null && control !== undefined && !isPlainObject(control)) throw new TypeError('the third argument must be {signal}');
    checkSignal(control?.signal, 'signal');
    const signal = inner && control?.signal ? anySignal([inner, control.signal]) : inner ?? control?.signal;
    return this.#request({ type: 'summarize', text, options: coreOptions }, signal);
  }

  /**
   * The keyphrases of `text`, computed in the worker.
   * @param {string} text
   * @param {{limit?: number, language?: string, signal?: AbortSignal}} [options]
   */
  async keywords(text, options) {
    checkText(text);
    const { signal, coreOptions } = keywordOptions(options);
    try {
      return (await this.#request({ type: 'summarize', text, options: coreOptions }, signal)).keywords;
    } catch (error) {
      throw renameField(error, 'options.keywords', 'options.limit');
    }
  }

  /** Stops the worker for good; pending requests reject with an "AbortError" DOMException. */
  terminate() {
    if (this.#terminated) return;
    this.#terminated = true;
    this.#worker?.terminate();
    this.#worker = null;
    for (const [id, request] of this.#pending) {
      this.#pending.delete(id);
      request.cleanup();
      request.reject(abortError('the WorkerSummarizer was terminated'));
    }
  }
}

// ------------------------------------------------------------ Summarizer (WICG shape)

const TYPES = ['tldr', 'tl;dr', 'teaser', 'key-points', 'headline'];
const FORMATS = ['markdown', 'plain-text'];
const LENGTHS = ['short', 'medium', 'long'];
// tldr and teaser: the length of summaries people write (cnn-dev's highlights:
// median 42 words), in whole sentences that fit (bench/quality/run.mjs prints
// what each gives); key points: one sentence per point.
const WORDS = { short: 40, medium: 60, long: 100 };
const KEY_POINTS = { short: 3, medium: 5, long: 7 };
const HEADLINE_WORDS = { short: 12, medium: 17, long: 22 };

function checkEnum(value, allowed, name) {
  if (!allowed.includes(value)) {
    throw new TypeError(`The provided value '${String(value)}' is not a valid enum value of type ${name}.`);
  }
  return value;
}

function checkOptionalString(value, name) {
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  return value;
}

/** BCP 47 tag → canonical tag (TypeError when not structurally valid, as the spec says). */
function canonicalTag(tag, name) {
  if (typeof tag !== 'string') throw new TypeError(`${name} must contain language tags (strings)`);
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw new TypeError(`${name}: '${tag}' is not a valid BCP 47 language tag`);
  }
}

/** The core's language for a canonical tag ("en-US" → "en", "no" → "nb"), or null. */
function coreLanguage(tag) {
  let primary = tag.split('-')[0].toLowerCase();
  if (primary === 'no' || primary === 'nn') primary = 'nb';
  return primary !== 'auto' && supportedLanguages.includes(primary) ? primary : null;
}

function languageList(value, name) {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function' || typeof value === 'string') {
    throw new TypeError(`${name} must be a sequence of language tags`);
  }
  const tags = [];
  for (const tag of value) {
    const t = canonicalTag(tag, name);
    if (!tags.includes(t)) tags.push(t);
  }
  return tags;
}

/** Validates and canonicalizes create()/availability() options (TypeError when malformed). */
function readCreateOptions(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  const type = checkEnum(options.type ?? 'key-points', TYPES, 'SummarizerType');
  const format = checkEnum(options.format ?? 'markdown', FORMATS, 'SummarizerFormat');
  const length = checkEnum(options.length ?? 'short', LENGTHS, 'SummarizerLength');
  const expectedInputLanguages = languageList(options.expectedInputLanguages, 'expectedInputLanguages');
  const expectedContextLanguages = languageList(options.expectedContextLanguages, 'expectedContextLanguages');
  const outputLanguage = options.outputLanguage === undefined ? null : canonicalTag(options.outputLanguage, 'outputLanguage');
  const sharedContext = checkOptionalString(options.sharedContext, 'sharedContext') ?? '';
  checkSignal(options.signal, 'signal');
  if (options.monitor !== undefined && typeof options.monitor !== 'function') throw new TypeError('monitor must be a function');
  const worker = options.worker;
  if (worker !== undefined && worker !== false && worker !== true && !(worker instanceof WorkerSummarizer)) {
    throw new TypeError('worker must be true, false or a WorkerSummarizer');
  }
  return { type, format, length, expectedInputLanguages, expectedContextLanguages, outputLanguage, sharedContext, signal: options.signal, monitor: options.monitor, worker };
}

/**
 * Why these options cannot be served (a message), or null. Input and output
 * languages must be ones the core has stopwords for; an extractive summary is
 * in the input's language, so the output language must also be an expected
 * input language when those are given. Context is not used, so any
 * (well-formed) context language is fine.
 */
function languageProblem(o) {
  const input = [];
  for (const tag of o.expectedInputLanguages ?? []) {
    const code = coreLanguage(tag);
    if (!code) return `precis cannot summarize text in '${tag}'; supported: ${supportedLanguages.slice(1).join(', ')}`;
    input.push(code);
  }
  if (o.outputLanguage !== null) {
    const code = coreLanguage(o.outputLanguage);
    if (!code) return `precis cannot write summaries in '${o.outputLanguage}'; supported: ${supportedLanguages.slice(1).join(', ')}`;
    if (input.length && !input.includes(code)) {
      return `precis extracts sentences, so the summary is in the input's language; outputLanguage '${o.outputLanguage}' is not one of expectedInputLanguages`;
    }
  }
  return null;
}

/** The best-fit supported tags the spec replaces requested tags with ("en-US" → "en"). */
const bestFit = (tags) => (tags && tags.length ? Object.freeze([...new Set(tags.map((t) => coreLanguage(t) ?? t))]) : null);

/** The object passed to create()'s `monitor` callback (the spec's CreateMonitor). */
export class CreateMonitor extends EventTarget {
  #handler = null;
  get ondownloadprogress() {
    return this.#handler;
  }
  set ondownloadprogress(fn) {
    if (this.#handler) this.removeEventListener('downloadprogress', this.#handler);
    this.#handler = typeof fn === 'function' ? fn : null;
    if (this.#handler) this.addEventListener('downloadprogress', this.#handler);
  }
}

function progressEvent(loaded) {
  const init = { loaded, total: 1, lengthComputable: true };
  if (typeof ProgressEvent === 'function') return new ProgressEvent('downloadprogress', init);
  const event = new Event('downloadprogress');
  for (const [k, v] of Object.entries(init)) Object.defineProperty(event, k, { value: v, enumerable: true });
  return event;
}

/** Turns byte progress into the spec's downloadprogress events: 0 first, fractions (1/65536 steps), 1 last. */
function progressReporter(monitor) {
  let last = -1;
  const fire = (fraction) => {
    if (fraction <= last) return;
    last = fraction;
    monitor.dispatchEvent(progressEvent(fraction));
  };
  return {
    start: () => fire(0),
    bytes: (loaded, total) => {
      fire(0);
      if (total > 0 && loaded < total) fire(Math.floor((loaded / total) * 65536) / 65536);
    },
    // Only a download that was reported ends with 1: an already loaded wasm fires nothing, as in the spec.
    done: () => last >= 0 && fire(1),
  };
}

function quotaExceeded(requested, quota) {
  const message = `The input is ${requested} bytes of UTF-8; the input quota is ${quota}.`;
  const Ctor = globalThis.QuotaExceededError;
  if (typeof Ctor === 'function') {
    try {
      return new Ctor(message, { requested, quota });
    } catch {
      // an older shape: fall through
    }
  }
  const error = new DOMException(message, 'QuotaExceededError');
  Object.defineProperties(error, { requested: { value: requested, enumerable: true }, quota: { value: quota, enumerable: true } });
  return error;
}

const blank = (text) => /^[\s\p{Cc}\p{Cf}]*$/u.test(text);
const tidy = (sentence) => sentence.replace(/\s+/g, ' ').trim();

/** Renders a core result as the chunks of the summary string (their concatenation is the summary). */
function renderChunks(result, type, format) {
  if (type === 'headline') return result.summary ? [tidy(result.summary)] : [];
  const sentences = result.sentences.filter((s) => s.selected).map((s) => tidy(s.text)).filter(Boolean);
  if (type === 'key-points') {
    const bullet = format === 'markdown' ? '- ' : '';
    return sentences.map((s, i) => `${i ? '\n' : ''}${bullet}${s}`);
  }
  // A word budget smaller than every good sentence gives the best one shortened (result.summary).
  const summary = tidy(result.summary ?? '');
  if (sentences.length === 1 && summary && summary !== sentences[0]) return [summary];
  return sentences.map((s, i) => (i ? ` ${s}` : s));
}

const constructing = Symbol('Summarizer.create');

/**
 * The WICG Summarizer API shape, backed by precis. Extractive: the summary
 * is made of the input's own sentences (see docs/js-api.md for the mapping).
 */
export class Summarizer {
  #type;
  #format;
  #length;
  #sharedContext;
  #expectedInputLanguages;
  #expectedContextLanguages;
  #outputLanguage;
  #language; // the core's `language` option
  #backend; // (text, coreOptions, signal) => Promise<result>
  #ownedWorker; // a WorkerSummarizer to terminate on destroy()
  #destroyed = false;
  #destruction = new AbortController();

  constructor(token, settings) {
    if (token !== constructing) throw new TypeError('Illegal constructor: use Summarizer.create()');
    this.#type = settings.type;
    this.#format = settings.format;
    this.#length = settings.length;
    this.#sharedContext = settings.sharedContext;
    this.#expectedInputLanguages = bestFit(settings.expectedInputLanguages);
    this.#expectedContextLanguages = settings.expectedContextLanguages?.length ? Object.freeze([...settings.expectedContextLanguages]) : null;
    this.#outputLanguage = settings.outputLanguage === null ? null : coreLanguage(settings.outputLanguage);
    this.#language = this.#expectedInputLanguages?.length === 1 ? this.#expectedInputLanguages[0] : undefined;
    this.#backend = settings.backend;
    this.#ownedWorker = settings.ownedWorker ?? null;
  }

  /**
   * "available" when the wasm loads here, "unavailable" without WebAssembly,
   * when it cannot be loaded, or for a language precis does not support.
   * Rejects with a TypeError for malformed options. Loads (and caches) the
   * wasm, so a later create() does not download anything.
   */
  static async availability(options) {
    const o = readCreateOptions(options);
    if (!hasWebAssembly()) return 'unavailable';
    if (languageProblem(o)) return 'unavailable';
    try {
      await compiledModule(defaultSource);
      return 'available';
    } catch {
      return 'unavailable';
    }
  }

  /**
   * Loads the wasm (reporting downloadprogress to `monitor`) and resolves
   * with a Summarizer. Non-standard option: `worker` (true, or a
   * WorkerSummarizer) runs the summaries in a Worker.
   */
  static async create(options) {
    const o = readCreateOptions(options);
    throwIfAborted(o.signal);
    if (!hasWebAssembly()) throw new DOMException('WebAssembly is not available here', 'NotSupportedError');
    const problem = languageProblem(o);
    if (problem) throw new DOMException(problem, 'NotSupportedError');

    let monitor = null;
    if (o.monitor) {
      monitor = new CreateMonitor();
      o.monitor(monitor); // an exception rejects create(), as the spec says
    }
    const progress = monitor ? progressReporter(monitor) : null;
    const abortable = (promise) =>
      o.signal
        ? new Promise((resolve, reject) => {
            const onAbort = () => reject(reasonOf(o.signal));
            o.signal.addEventListener('abort', onAbort, { once: true });
            promise.then(resolve, reject).finally(() => o.signal.removeEventListener('abort', onAbort));
          })
        : promise;

    let backend;
    let ownedWorker = null;
    if (o.worker) {
      const worker =
        o.worker instanceof WorkerSummarizer
          ? o.worker
          : (ownedWorker = new WorkerSummarizer({
              onProgress: progress?.bytes,
            }));
      try {
        await abortable(worker.ready);
      } catch (error) {
        ownedWorker?.terminate();
        if (error instanceof DOMException) throw error;
        throw new DOMException(`cannot start precis: ${error?.message ?? error}`, 'NetworkError');
      }
      backend = (text, coreOptions, signal) => worker.summarize(text, coreOptions, { signal });
    } else {
      const needsDownload = !isLoaded(defaultSource);
      if (progress && needsDownload) progress.start();
      try {
        await abortable(load({ ...defaultSource, onProgress: progress ? progress.bytes : undefined }));
      } catch (error) {
        if (error instanceof DOMException) throw error;
        throw new DOMException(`cannot load precis.wasm: ${error?.message ?? error}`, 'NetworkError');
      }
      backend = runHere;
    }
    progress?.done();
    throwIfAborted(o.signal);
    const summarizer = new Summarizer(constructing, { ...o, backend, ownedWorker });
    o.signal?.addEventListener('abort', () => summarizer.destroy(), { once: true });
    return summarizer;
  }

  get type() {
    return this.#type;
  }
  get format() {
    return this.#format;
  }
  get length() {
    return this.#length;
  }
  get sharedContext() {
    return this.#sharedContext;
  }
  get expectedInputLanguages() {
    return this.#expectedInputLanguages;
  }
  get expectedContextLanguages() {
    return this.#expectedContextLanguages;
  }
  get outputLanguage() {
    return this.#outputLanguage;
  }
  /** UTF-8 bytes of input accepted per call (the core's limit, 16 MiB). */
  get inputQuota() {
    return MAX_INPUT_BYTES;
  }

  /** The core options this instance sends (tests and curious callers). */
  get coreOptions() {
    const o = { keywords: 0, maxInputBytes: MAX_INPUT_BYTES };
    if (this.#language) o.language = this.#language;
    switch (this.#type) {
      case 'headline':
        return { ...o, mode: 'headline', headlineWords: HEADLINE_WORDS[this.#length] };
      case 'key-points':
        return { ...o, sentences: KEY_POINTS[this.#length] };
      default: // tldr and teaser: the same sentences (an extract has no separate voice for a teaser)
        return { ...o, words: WORDS[this.#length] };
    }
  }

  #checkUsable() {
    if (this.#destroyed) throw new DOMException('The summarizer has been destroyed.', 'InvalidStateError');
  }

  #readCall(input, options) {
    this.#checkUsable();
    if (typeof input !== 'string') throw new TypeError('input must be a string');
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    checkOptionalString(options.context, 'context'); // accepted, not used (extractive)
    checkSignal(options.signal, 'signal');
    const signal = anySignal([this.#destruction.signal, options.signal]);
    throwIfAborted(signal);
    return signal;
  }

  async #chunks(input, signal) {
    const requested = utf8Length(input);
    if (requested > this.inputQuota) throw quotaExceeded(requested, this.inputQuota);
    if (blank(input)) return [];
    let result;
    try {
      result = await this.#backend(input, this.coreOptions, signal);
    } catch (error) {
      if (signal.aborted) throw reasonOf(signal);
      if (error instanceof DOMException) throw error;
      throw new DOMException(error?.message ?? String(error), 'UnknownError');
    }
    throwIfAborted(signal);
    if (this.#outputLanguage && result.language !== 'und' && result.language !== this.#outputLanguage) {
      throw new DOMException(
        `the input is in '${result.language}' and precis extracts sentences, so it cannot summarize it in '${this.#outputLanguage}'`,
        'NotSupportedError',
      );
    }
    return renderChunks(result, this.#type, this.#format);
  }

  /**
   * The summary as one string. `context` is accepted (and must be a string)
   * but does not change an extractive summary.
   * @param {string} input
   * @param {{context?: string, signal?: AbortSignal}} [options]
   */
  async summarize(input, options) {
    const signal = this.#readCall(input, options);
    return (await this.#chunks(input, signal)).join('');
  }

  /**
   * A ReadableStream of string chunks, one per sentence (or bullet); their
   * concatenation equals summarize()'s result. The summary is computed in
   * one call, then delivered sentence by sentence.
   */
  summarizeStreaming(input, options) {
    const signal = this.#readCall(input, options);
    let chunks = null;
    let onAbort = null;
    const stop = () => signal.removeEventListener('abort', onAbort);
    return new ReadableStream({
      start: (controller) => {
        onAbort = () => {
          try {
            controller.error(reasonOf(signal));
          } catch {
            // already closed
          }
        };
        signal.addEventListener('abort', onAbort, { once: true });
      },
      pull: async (controller) => {
        try {
          chunks ??= await this.#chunks(input, signal);
          if (signal.aborted) return;
          if (chunks.length) controller.enqueue(chunks.shift());
          if (!chunks.length) {
            stop();
            controller.close();
          }
        } catch (error) {
          stop();
          if (!signal.aborted) controller.error(error);
        }
      },
      cancel: stop,
    });
  }

  /** UTF-8 bytes of `input` (what inputQuota counts); context is not counted since it is not used. */
  async measureInputUsage(input, options) {
    const signal = this.#readCall(input, options);
    throwIfAborted(signal);
    return utf8Length(input);
  }

  /** Releases this summarizer: operations under way reject with "AbortError", later calls with "InvalidStateError". */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#destruction.abort(abortError('The summarizer was destroyed.'));
    this.#ownedWorker?.terminate();
  }
}
