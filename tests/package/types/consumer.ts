// Type-checked by tests/package/types.test.mjs (tsc --strict) in a project that installed the tarball: every
// documented use of the API must compile.
import { Summarizer, summarize, keywords, createWorkerSummarizer, PrecisError, configure, load } from 'precis-summarizer';
import { installed, Summarizer as InEffect } from 'precis-summarizer/polyfill';
import { handle } from 'precis-summarizer/worker';

async function main(text: string) {
  const availability: 'available' | 'unavailable' | 'downloadable' | 'downloading' = await Summarizer.availability({ type: 'tldr' });
  const s = await Summarizer.create({ type: 'key-points', length: 'medium', format: 'markdown', expectedInputLanguages: ['en'],
    monitor(m) { m.addEventListener('downloadprogress', (e) => console.log(e.loaded)); } });
  const out: string = await s.summarize(text, { context: 'x' });
  const stream: ReadableStream<string> = s.summarizeStreaming(text);
  const usage: number = await s.measureInputUsage(text);
  const quota: number = s.inputQuota;
  s.destroy();
  const r = await summarize(text, { sentences: 3, timings: true, perSection: false });
  const first = r.sentences.filter((x) => x.selected).map((x) => text.slice(x.utf16Start, x.utf16End) + x.byteStart + x.score);
  const k = await keywords(text, { limit: 5 });
  k.map((x) => x.text + x.score + x.count);
  const w = createWorkerSummarizer();
  await w.ready;
  const r2 = await w.summarize(text, { ratio: 0.2 }, { signal: new AbortController().signal });
  r2.removed.map((b) => b.reason);
  r2.doubtful.map((b) => text.slice(b.utf16Start, b.utf16End) + b.bodyProbability.toFixed(2) + b.text);
  w.terminate();
  const own = createWorkerSummarizer({ createWorker: () => new Worker(new URL('./my-worker.js', import.meta.url), { type: 'module' }) });
  own.terminate();
  const polyfilled: boolean = installed;
  const viaGlobal = await InEffect.create({ type: 'tldr' });
  await handle({ type: 'load' }, (reply) => console.log(reply.type));
  try { await summarize(text, { ratio: 2 }); } catch (e) { if (e instanceof PrecisError) console.log(e.field); }
  return [availability, out, stream, usage, quota, first, r.stats.timings?.totalMs, r.language, polyfilled, viaGlobal];
}
main('x');
