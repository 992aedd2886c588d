// Types of polyfill.js: `import 'precis-summarizer/polyfill'` sets
// globalThis.Summarizer to precis's Summarizer where the environment has none.
import { Summarizer as PrecisSummarizer } from './precis.js';

/** True when this module installed precis as globalThis.Summarizer. */
export declare const installed: boolean;
/** globalThis.Summarizer as it is now: the environment's own (same shape), or precis's. */
export declare const Summarizer: typeof PrecisSummarizer;
