// polyfill.js — `import 'precis-summarizer/polyfill'` makes precis the
// Summarizer API (WICG writing-assistance-apis) where the environment has none:
// globalThis.Summarizer is set only when it is missing, so a browser's own
// Summarizer is never replaced. Its exports say what is in effect.
import { Summarizer as PrecisSummarizer } from './precis.js';

/** True when this module installed precis as globalThis.Summarizer. */
export const installed = globalThis.Summarizer === undefined;

if (installed) {
  Object.defineProperty(globalThis, 'Summarizer', { value: PrecisSummarizer, writable: true, configurable: true, enumerable: false });
}

/** globalThis.Summarizer as it is now: the environment's own, or precis's. */
export const Summarizer = globalThis.Summarizer;
