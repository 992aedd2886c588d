// precis-worker.js — a module Worker that runs the precis core off the main
// thread. createWorkerSummarizer() in precis.js starts it as a module worker
// from its URL next to precis.js (a literal that bundlers recognise), or from
// `workerUrl` / `createWorker` when given.
//
// Protocol (structured-clone messages):
//   in : { type: 'load', wasmUrl?: string, module?: WebAssembly.Module }   (first)
//        { type: 'summarize', id, text, options }                          (core options)
//   out: { type: 'progress', loaded, total }                 while fetching the wasm
//        { type: 'ready', module? }                          the compiled module, when this worker fetched it
//        { type: 'load-error', error: { name, message, field } }
//        { type: 'result', id, result } | { type: 'error', id, error: { name, message, field } }
// Requests that arrive before the wasm is loaded wait for it, in order.
import { CoreError, compileWasm, loadCore } from './precis-core.js';

let core = null; // Promise<Core>

const wireError = (error) => ({
  name: error instanceof CoreError ? 'PrecisError' : (error?.name ?? 'Error'),
  message: error?.message ?? String(error),
  field: error?.field ?? '',
});

async function loadFrom(message, post) {
  if (message.module instanceof WebAssembly.Module) {
    const loaded = await loadCore({ module: message.module });
    post({ type: 'ready' });
    return loaded;
  }
  const module = await compileWasm(message.wasmUrl, (loaded, total) => post({ type: 'progress', loaded, total }));
  const loaded = await loadCore({ module });
  try {
    post({ type: 'ready', module }); // the page keeps it for fresh workers: no second fetch
  } catch {
    post({ type: 'ready' }); // a module that cannot be cloned back: a fresh worker fetches again
  }
  return loaded;
}

/** Handles one message; `post` sends a reply. Exported for tests that drive the protocol directly. */
export async function handle(message, post) {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'load') {
    if (core) return;
    core = loadFrom(message, post).catch((error) => {
      throw error instanceof CoreError ? error : new CoreError(`cannot load precis.wasm: ${error?.message ?? error}`, { cause: error });
    });
    core.catch((error) => post({ type: 'load-error', error: wireError(error) }));
    return;
  }
  if (message.type === 'summarize') {
    try {
      if (!core) throw new CoreError('the worker was not told where precis.wasm is (no load message)');
      const c = await core;
      post({ type: 'result', id: message.id, result: c.summarize(message.text, message.options ?? {}) });
    } catch (error) {
      post({ type: 'error', id: message.id, error: wireError(error) });
    }
  }
}

// In a worker (not when imported into a page), answer the page's messages.
if (typeof window === 'undefined' && typeof self === 'object' && self !== null && typeof self.postMessage === 'function') {
  self.addEventListener('message', (event) => handle(event.data, (m) => self.postMessage(m)));
}
