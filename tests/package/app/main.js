// A consumer's page script (tests/package/*.test.mjs bundle it with each
// bundler): precis from the installed package, used as the README shows, on
// the main thread, in the package's own worker, and in the app's own worker.
// Results go to window.__results.
import { Summarizer, createWorkerSummarizer, summarize } from 'precis-summarizer';
import { workerReply } from './worker-reply.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

async function run() {
  const text = await (await fetch('article.txt')).text();
  const out = {};
  out.page = (await summarize(text, { sentences: 3 })).summary;
  const keyPoints = await Summarizer.create({ type: 'key-points', length: 'short', format: 'plain-text' });
  out.keyPoints = await keyPoints.summarize(text);

  const worker = createWorkerSummarizer();
  out.worker = (await worker.summarize(text, { sentences: 3 })).summary;
  worker.terminate();

  // The package's worker by its exported name, started by the app: Vite and
  // webpack resolve the bare name in this literal; esbuild does not build
  // workers, so the esbuild test does not ask for it (?exported-worker).
  if (new URLSearchParams(location.search).has('exported-worker')) {
    const byName = createWorkerSummarizer({
      createWorker: () => new Worker(new URL('precis-summarizer/worker', import.meta.url), { type: 'module' }),
    });
    out.exportedWorker = (await byName.summarize(text, { sentences: 3 })).summary;
    byName.terminate();
  }

  const own = new Worker(new URL('./own-worker.js', import.meta.url), { type: 'module' });
  out.ownWorker = await workerReply(own, text);
  own.terminate();
  out.violations = violations;
  return out;
}

run().then(
  (out) => {
    window.__results = out;
  },
  (error) => {
    window.__results = { error: `${error?.name}: ${error?.message}`, violations };
  },
);
