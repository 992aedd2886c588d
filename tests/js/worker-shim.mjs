// A Web Worker over node:worker_threads, for the JS tests only (Node 20 has
// no `Worker` global). The main side mimics the browser's Worker (postMessage,
// message/error events, terminate); the thread side gives the worker module
// the globals a module worker has (self, postMessage, addEventListener) and
// then imports it, so precis.js and precis-worker.js run unchanged.
import { Worker as NodeWorker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (!isMainThread && workerData?.precisWorkerShim) {
  const scope = new EventTarget();
  const queued = [];
  let started = false;
  parentPort.on('message', (data) => {
    if (started) scope.dispatchEvent(new MessageEvent('message', { data }));
    else queued.push(data);
  });
  globalThis.self = globalThis;
  globalThis.postMessage = (message) => parentPort.postMessage(message);
  globalThis.addEventListener = scope.addEventListener.bind(scope);
  globalThis.removeEventListener = scope.removeEventListener.bind(scope);
  await import(workerData.url);
  // A browser starts delivering messages once the module has been evaluated.
  started = true;
  for (const data of queued.splice(0)) scope.dispatchEvent(new MessageEvent('message', { data }));
}

export const stats = { created: 0, terminated: 0 };

export class ShimWorker extends EventTarget {
  #thread;
  constructor(url, options = {}) {
    super();
    if (options.type !== 'module') throw new TypeError('precis needs a module worker ({type: "module"})');
    stats.created++;
    this.#thread = new NodeWorker(new URL(import.meta.url), { workerData: { precisWorkerShim: true, url: String(url) } });
    this.#thread.on('message', (data) => this.dispatchEvent(new MessageEvent('message', { data })));
    this.#thread.on('error', (error) => {
      const event = new Event('error', { cancelable: true });
      event.message = error?.message ?? String(error);
      this.dispatchEvent(event);
    });
  }
  postMessage(message) {
    this.#thread.postMessage(message);
  }
  terminate() {
    stats.terminated++;
    this.#thread.terminate();
  }
}

/** Installs ShimWorker as the global Worker; returns a function that removes it. */
export function installWorkerShim() {
  const previous = globalThis.Worker;
  globalThis.Worker = ShimWorker;
  return () => {
    globalThis.Worker = previous;
  };
}
