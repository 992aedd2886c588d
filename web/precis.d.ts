// Types of precis.js — the JavaScript API of precis (offline extractive summaries).
// Guide and examples: docs/js-api.md.

// ------------------------------------------------------------ results

/** A half-open range [start, end) in UTF-8 bytes of the input and in UTF-16 code units (JS string indices). */
export interface Span {
  byteStart: number;
  byteEnd: number;
  utf16Start: number;
  utf16End: number;
}

/** The parts a sentence's score is made of, each in [0, 1] before weighting. */
export interface ScoreParts {
  centrality: number;
  position: number;
  title: number;
  salience: number;
  length: number;
}

export interface PrecisSentence extends Span {
  /** Position among the body sentences. */
  index: number;
  text: string;
  /** Index of the body paragraph it belongs to. */
  paragraph: number;
  /** Index into `sections` of the part (under a heading) it belongs to. */
  section: number;
  score: number;
  parts: ScoreParts;
  /** Part of the summary. */
  selected: boolean;
}

/**
 * A part of the text under one heading: Markdown `#` lines, HTML `<h1>`–`<h6>`, Setext underlines, or — in a long
 * plain text — short heading-like lines. The text before the first heading is a section without a heading.
 */
export interface PrecisSection {
  index: number;
  /** The heading without its markup; "" for the text before the first heading. */
  title: string;
  /** 1 (top) to 6; 0 for the text before the first heading. */
  level: number;
  /** Where the heading's words are in the input; null for the text before the first heading. */
  heading: Span | null;
  /** Body sentences in the section (heading lines not counted). */
  sentences: number;
  selected: number;
}

export interface Keyword {
  text: string;
  score: number;
  /** Occurrences in the body. */
  count: number;
}

export interface PrecisTitle extends Span {
  text: string;
}

export type NoiseReason =
  | 'cookie-banner'
  | 'caption'
  | 'related'
  | 'share'
  | 'navigation'
  | 'byline'
  | 'newsletter'
  | 'advertisement'
  | 'repeated'
  | 'other-language'
  | 'fragment'
  | 'outside-article';

/** A block cleaning set aside. */
export interface RemovedBlock extends Span {
  reason: NoiseReason | (string & {});
  text: string;
}

/**
 * A block cleaning kept with doubt: the body model gives it less than even
 * odds of being article text, but not the 4 to 1 odds of noise it takes to
 * remove a block. Its sentences are in `sentences` and weigh less.
 */
export interface DoubtfulBlock extends Span {
  /** Cleaning's probability that the block is article text, under 0.5. */
  bodyProbability: number;
  text: string;
}

/** Milliseconds per stage, present with `timings: true`. */
export interface Timings {
  cleanMs: number;
  segmentMs: number;
  termsMs: number;
  scoreMs: number;
  selectMs: number;
  totalMs: number;
}

export interface Stats {
  inputBytes: number;
  inputUtf16: number;
  /** Ill-formed UTF-8 sequences read as U+FFFD (0 for JS strings). */
  invalidUtf8: number;
  wordsIn: number;
  wordsOut: number;
  sentences: number;
  selected: number;
  timings?: Timings;
}

/** What summarize() resolves with (the core's JSON, README "The CLI"). */
export interface PrecisResult {
  /** ISO 639-1 code, or "und" when unknown. */
  language: string;
  /** The selected sentences joined by spaces, or the headline. */
  summary: string;
  /** Every body sentence, in document order. */
  sentences: PrecisSentence[];
  /** The text's sections in order; one (the whole text) when it has no headings. */
  sections: PrecisSection[];
  keywords: Keyword[];
  title: PrecisTitle | null;
  removed: RemovedBlock[];
  /** Kept blocks that are more likely page furniture than not (see DoubtfulBlock). */
  doubtful: DoubtfulBlock[];
  stats: Stats;
  /** Why the summary is empty or short, if it is. */
  notes: string[];
}

// ------------------------------------------------------------ low-level API

export type SupportedLanguage =
  | 'auto' | 'ar' | 'cs' | 'da' | 'de' | 'en' | 'es' | 'fi' | 'fr' | 'hi' | 'hu' | 'id' | 'it' | 'ja' | 'ko'
  | 'nb' | 'nl' | 'pl' | 'pt' | 'ro' | 'ru' | 'sv' | 'tr' | 'uk' | 'vi' | 'zh';

/** The core's options (the C ABI's request options). Give at most one of sentences, ratio, words, characters. */
export interface SummarizeOptions {
  /** Whole sentences to select (default 3). */
  sentences?: number;
  /** Fraction of the body's sentences, in (0, 1]. */
  ratio?: number;
  /** Word budget. */
  words?: number;
  /** Character budget (UTF-16 code units). */
  characters?: number;
  /** "extract" (default) or "headline": one sentence cut to the headline limits. */
  mode?: 'extract' | 'headline';
  /** Headline word limit (default 12; 0 = none). */
  headlineWords?: number;
  /** Headline character limit (default 0 = none). */
  headlineCharacters?: number;
  /** Set aside noise blocks (captions, banners, related links...). Default true. */
  clean?: boolean;
  /** "auto" (default) or one of supportedLanguages. */
  language?: SupportedLanguage | (string & {});
  /** Keyphrases to return (0..100, default 10). */
  keywords?: number;
  /** Skip a sentence this similar to a chosen one, in (0, 1] (default 0.6; 1 = off). */
  redundancy?: number;
  /** Refuse longer inputs, in UTF-8 bytes (default 16 MiB). */
  maxInputBytes?: number;
  /** Add stats.timings. */
  timings?: boolean;
  /** Key points per section: the budget applies to each section on its own (extract mode only). */
  perSection?: boolean;
}

export interface KeywordsOptions {
  /** How many (0..100, default 10). */
  limit?: number;
  language?: SupportedLanguage | (string & {});
  signal?: AbortSignal;
}

/** A bad option or input; `field` names it as a request spells it ("options.ratio", "text"). */
export class PrecisError extends Error {
  constructor(message: string, options?: { field?: string; cause?: unknown });
  readonly name: 'PrecisError';
  readonly field: string;
}

/** The loaded core (precis-core.js): synchronous calls on this thread. */
export class Core {
  constructor(module: WebAssembly.Module);
  static create(source: BufferSource | WebAssembly.Module): Promise<Core>;
  readonly module: WebAssembly.Module;
  readonly memoryBytes: number;
  readonly version: string;
  /** One request `{"text": ..., "options": {...}}` in, the response JSON out. */
  callJson(requestJson: string): string;
  summarize(text: string, options?: SummarizeOptions): PrecisResult;
}

export interface WasmSource {
  /** Where precis.wasm is (default: next to precis.js). */
  wasmUrl?: URL | string;
  wasmBinary?: BufferSource;
  module?: WebAssembly.Module;
}

/** Languages the core supports ("auto" detects). */
export const supportedLanguages: readonly SupportedLanguage[];
/** The core's default input limit: 16 MiB of UTF-8. */
export const MAX_INPUT_BYTES: number;
/** UTF-8 length of a string (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number;

/** Where later calls load precis.wasm from. */
export function configure(source: WasmSource): void;
/** Loads the core once (fetch + compile per URL, shared); later calls reuse it. */
export function load(options?: WasmSource & { onProgress?: (loaded: number, total: number) => void }): Promise<Core>;

/**
 * Summarizes `text` on this thread. Rejects with a PrecisError naming the
 * field, or with the signal's reason (an "AbortError" DOMException).
 */
export function summarize(text: string, options?: SummarizeOptions & { signal?: AbortSignal }): Promise<PrecisResult>;
/** The keyphrases of `text`, best first. */
export function keywords(text: string, options?: KeywordsOptions): Promise<Keyword[]>;

// ------------------------------------------------------------ worker

export interface WorkerSummarizerOptions {
  /** Default: precis-worker.js next to precis.js. */
  workerUrl?: URL | string;
  /**
   * Starts each worker (instead of `workerUrl`); called again for the fresh
   * worker after an abort. For a worker your bundler builds, e.g.
   * `() => new Worker(new URL('./my-precis-worker.js', import.meta.url), { type: 'module' })`
   * where that file imports 'precis-summarizer/worker'.
   */
  createWorker?: () => Worker;
  /** Default: precis.wasm next to precis.js (or configure()'s). */
  wasmUrl?: URL | string;
  /** Download progress of the wasm, in bytes. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * precis in a module Worker. Aborting a request rejects it at once and
 * terminates the worker (a running wasm call cannot be interrupted); a fresh
 * worker, given the already compiled module, takes the pending requests.
 */
export class WorkerSummarizer {
  constructor(options?: WorkerSummarizerOptions);
  /** Resolves when the worker has loaded the wasm. */
  readonly ready: Promise<void>;
  summarize(text: string, options?: SummarizeOptions & { signal?: AbortSignal }, control?: { signal?: AbortSignal }): Promise<PrecisResult>;
  keywords(text: string, options?: KeywordsOptions): Promise<Keyword[]>;
  /** Ends the worker for good: pending requests reject with "AbortError", later ones with "InvalidStateError". */
  terminate(): void;
}

export function createWorkerSummarizer(options?: WorkerSummarizerOptions): WorkerSummarizer;

// ------------------------------------------------------------ Summarizer (WICG writing-assistance-apis)

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
/** "tl;dr" (the spec's IDL spelling) is accepted as "tldr". */
export type SummarizerType = 'tldr' | 'tl;dr' | 'teaser' | 'key-points' | 'headline';
export type SummarizerFormat = 'plain-text' | 'markdown';
export type SummarizerLength = 'short' | 'medium' | 'long';

export interface SummarizerCreateCoreOptions {
  /** Default "key-points". */
  type?: SummarizerType;
  /** Default "markdown". */
  format?: SummarizerFormat;
  /** Default "short". */
  length?: SummarizerLength;
  /** BCP 47 tags; each must best-fit a supported language. One language is passed to the core. */
  expectedInputLanguages?: string[];
  /** BCP 47 tags; context is not used, so any well-formed tag is accepted. */
  expectedContextLanguages?: string[];
  /** Must be a supported language (and one of expectedInputLanguages, if given): summaries are in the input's language. */
  outputLanguage?: string;
}

export interface CreateMonitor extends EventTarget {
  ondownloadprogress: ((this: CreateMonitor, event: ProgressEvent) => any) | null;
  addEventListener(type: 'downloadprogress', listener: (this: CreateMonitor, event: ProgressEvent) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}
export const CreateMonitor: { prototype: CreateMonitor; new (): CreateMonitor };

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  signal?: AbortSignal;
  /** Called with a monitor that gets `downloadprogress` events (loaded 0..1, total 1) while the wasm is fetched. */
  monitor?: (monitor: CreateMonitor) => void;
  /** Accepted and exposed; an extractive summary does not use it. */
  sharedContext?: string;
  /** precis extension: run the summaries in a Worker (true: a private one, ended by destroy()). */
  worker?: boolean | WorkerSummarizer;
}

export interface SummarizerSummarizeOptions {
  signal?: AbortSignal;
  /** Accepted (must be a string); an extractive summary does not use it. */
  context?: string;
}

/**
 * The browser's Summarizer API shape, backed by precis (extractive: the
 * summary quotes the input's own sentences).
 * tldr/teaser: 1/3/5 sentences; key-points: 3/5/7 bullets; headline: ≤ 12/17/22 words.
 */
export class Summarizer {
  private constructor();
  static availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;

  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;
  /** String chunks, one per sentence or bullet, that concatenate to summarize()'s result. */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;
  /** UTF-8 bytes of `input`: the unit of inputQuota. */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;
  /** 16 MiB of UTF-8; more rejects with a "QuotaExceededError" DOMException. */
  readonly inputQuota: number;
  /** Operations under way reject with "AbortError"; later calls with "InvalidStateError". */
  destroy(): void;

  readonly sharedContext: string;
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly expectedInputLanguages: readonly string[] | null;
  readonly expectedContextLanguages: readonly string[] | null;
  readonly outputLanguage: string | null;
  /** precis extension: the core options each call sends. */
  readonly coreOptions: SummarizeOptions;
}
