// precis-core.js — loads precis.wasm and calls its C ABI (JSON in, JSON out).
// No Emscripten glue, no eval, no globals: works in pages, workers,
// extensions and Node 20 alike. Higher-level APIs live in precis.js.

/**
 * Where precis.wasm sits: next to this module. The expression below is the
 * literal form that bundlers (Vite, Rollup, webpack 5, Parcel) recognise: they
 * copy the asset into their output and rewrite the URL. Keep it literal, and
 * ask for the module's own URL nowhere else (webpack would write the build
 * machine's file path there).
 */
export const defaultWasmUrl = () => new URL('./precis.wasm', import.meta.url);

/** A URL or string, a relative string being resolved against precis.wasm's default place. */
export const resolveWasmUrl = (url) => new URL(url ?? defaultWasmUrl(), defaultWasmUrl());

// Node's file system, taken without an import statement or a dynamic import that
// browser bundlers would try to resolve (Node >= 20.16 has getBuiltinModule).
function nodeFs() {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs/promises');
  if (!fs) throw new Error('reading a file: URL needs Node.js 20.16 or later (or pass wasmBinary)');
  return fs;
}

const isNodeFileUrl = (url) => url.protocol === 'file:' && !!globalThis.process?.versions?.node;

/**
 * Fetches the wasm bytes, reporting progress as (loaded, total).
 * @param {URL|string} url
 * @param {(loaded: number, total: number) => void} [onProgress]
 * @returns {Promise<Uint8Array>}
 */
export async function fetchWasm(url = defaultWasmUrl(), onProgress) {
  const u = resolveWasmUrl(url);
  if (isNodeFileUrl(u)) {
    const bytes = new Uint8Array(await nodeFs().readFile(u));
    onProgress?.(bytes.length, bytes.length);
    return bytes;
  }
  return readBody(await fetchOk(u), onProgress);
}

async function fetchOk(u) {
  const response = await fetch(u);
  if (!response.ok) throw new Error(`cannot load ${u.href}: HTTP ${response.status}`);
  return response;
}

const contentLength = (response) => Number(response.headers.get('Content-Length')) || 0;

async function readBody(response, onProgress) {
  const total = contentLength(response);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(bytes.length, bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, Math.max(total, loaded));
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  onProgress?.(loaded, loaded);
  return bytes;
}

/**
 * Fetches and compiles the wasm module. Where the browser can, it compiles
 * while the bytes arrive (WebAssembly.compileStreaming on an
 * application/wasm response), so compiling costs next to nothing after the
 * download; otherwise (Node file URLs, other content types) it fetches, then
 * compiles. Reports download progress as (loaded, total) either way.
 * @param {URL|string} url
 * @param {(loaded: number, total: number) => void} [onProgress]
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compileWasm(url = defaultWasmUrl(), onProgress) {
  const u = resolveWasmUrl(url);
  if (isNodeFileUrl(u) || typeof WebAssembly.compileStreaming !== 'function') {
    return WebAssembly.compile(await fetchWasm(u, onProgress));
  }
  const response = await fetchOk(u);
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/wasm' || !response.body) return WebAssembly.compile(await readBody(response, onProgress));
  if (!onProgress) return WebAssembly.compileStreaming(response);
  const total = contentLength(response);
  let loaded = 0;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.length;
        onProgress(loaded, Math.max(total, loaded));
        controller.enqueue(chunk);
      },
    }),
  );
  const module = await WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
  onProgress(loaded, loaded);
  return module;
}

/** Thrown when the wasm module traps (out of memory, a bug); the core is reset. */
export class CoreError extends Error {
  constructor(message, { field = '', cause } = {}) {
    super(message, cause ? { cause } : undefined);
    this.name = 'PrecisError';
    this.field = field;
  }
}

class ProcExit extends Error {}

// Whether `memory` can still grow by `bytes` (tried on an instance that is
// being discarded anyway).
function canGrow(memory, bytes) {
  try {
    memory.grow(Math.ceil(bytes / 65536));
    return true;
  } catch {
    return false;
  }
}

// JSON.stringify writes a lone surrogate as "\udxxx", which the core's JSON
// parser refuses; read each as U+FFFD instead, as TextEncoder does (one UTF-16
// unit for one, so offsets do not move). Returns [text, how many replaced].
function wellFormed(text) {
  if (typeof text.isWellFormed === 'function' && text.isWellFormed()) return [text, 0];
  let count = 0;
  const fixed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, () => {
    ++count;
    return '\uFFFD';
  });
  return [fixed, count];
}

// The few imports a standalone Emscripten module asks for. The core does no
// I/O, has no environment and never exits; time is only read for timings.
function imports(state) {
  const view = () => new DataView(state.memory.buffer);
  return {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: {
      clock_time_get(_id, _precision, out) {
        const ns = BigInt(Math.round(performance.now() * 1e6));
        view().setBigUint64(out, ns, true);
        return 0;
      },
      environ_sizes_get(countOut, sizeOut) {
        view().setUint32(countOut, 0, true);
        view().setUint32(sizeOut, 0, true);
        return 0;
      },
      environ_get() {
        return 0;
      },
      proc_exit(code) {
        throw new ProcExit(`precis core exited (${code})`);
      },
    },
  };
}

/**
 * The compiled module, instantiated on demand. A trap (for example running
 * out of memory) discards the instance; the next call starts a fresh one.
 */
export class Core {
  /** @param {WebAssembly.Module} module */
  constructor(module) {
    this.module = module;
    this.instance = null;
    this.encoder = new TextEncoder();
    this.decoder = new TextDecoder('utf-8');
  }

  /** @param {BufferSource|WebAssembly.Module} source */
  static async create(source) {
    const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
    const core = new Core(module);
    core.#instantiate();
    return core;
  }

  #instantiate() {
    const state = { memory: null };
    const instance = new WebAssembly.Instance(this.module, imports(state));
    state.memory = instance.exports.memory;
    instance.exports._initialize();
    this.instance = instance;
  }

  /** Bytes of wasm memory in use (it grows, never shrinks). */
  get memoryBytes() {
    return this.instance ? this.instance.exports.memory.buffer.byteLength : 0;
  }

  get version() {
    if (!this.instance) this.#instantiate();
    const e = this.instance.exports;
    const p = e.precis_version();
    const bytes = new Uint8Array(e.memory.buffer, p);
    return this.decoder.decode(bytes.subarray(0, bytes.indexOf(0)));
  }

  /**
   * Sends one JSON request string; returns the response JSON string.
   * @param {string} requestJson
   */
  callJson(requestJson) {
    if (!this.instance) this.#instantiate();
    const e = this.instance.exports;
    const request = this.encoder.encode(requestJson);
    let input = 0;
    let output = 0;
    try {
      input = e.precis_alloc(request.length);
      if (input === 0) throw new CoreError('out of memory: the input is too large for the wasm heap');
      new Uint8Array(e.memory.buffer, input, request.length).set(request);
      output = e.precis_summarize(input, request.length);
      if (output === 0) throw new CoreError('out of memory while writing the result');
      const heap = new Uint8Array(e.memory.buffer);
      const end = heap.indexOf(0, output);
      return this.decoder.decode(heap.subarray(output, end));
    } catch (error) {
      if (error instanceof CoreError) throw error;
      // A trap leaves the heap in an unknown state: start over next time.
      this.instance = null;
      // Without exceptions, a failed allocation inside the core aborts (a trap
      // or proc_exit): call it out of memory when the heap cannot grow by what
      // this request could plausibly need.
      const oom =
        error instanceof RangeError ||
        /memory|unreachable/i.test(String(error?.message)) ||
        !canGrow(e.memory, Math.max(64 << 20, 2 * request.length));
      throw new CoreError(oom ? 'out of memory inside precis (the input is too large)' : `precis core failed: ${error?.message}`, {
        cause: error,
      });
    } finally {
      if (this.instance) {
        if (input) e.precis_free(input);
        if (output) e.precis_free(output);
      }
    }
  }

  /**
   * Summarizes `text`; returns the parsed result object or throws a
   * CoreError naming the offending field.
   * @param {string} text
   * @param {object} [options] the C ABI's options (sentences, ratio, words, characters, mode, ...)
   */
  summarize(text, options = {}) {
    if (typeof text !== 'string') throw new CoreError('must be a string', { field: 'text' });
    const [wellFormedText, loneSurrogates] = wellFormed(text);
    const response = JSON.parse(this.callJson(JSON.stringify({ text: wellFormedText, options })));
    if (response.error) throw new CoreError(`${response.error.field ? response.error.field + ': ' : ''}${response.error.message}`, {
      field: response.error.field,
    });
    if (loneSurrogates > 0) response.notes.unshift(`${loneSurrogates} lone UTF-16 surrogate(s) were read as U+FFFD`);
    return response;
  }
}

/**
 * Loads the core: fetch and compile (streaming where possible, with
 * progress), instantiate.
 * @param {{wasmUrl?: URL|string, wasmBinary?: BufferSource, module?: WebAssembly.Module, onProgress?: (loaded:number,total:number)=>void}} [options]
 */
export async function loadCore({ wasmUrl, wasmBinary, module, onProgress } = {}) {
  if (typeof WebAssembly !== 'object') throw new CoreError('WebAssembly is not available here');
  if (module) return Core.create(module);
  return Core.create(wasmBinary ?? (await compileWasm(wasmUrl ?? defaultWasmUrl(), onProgress)));
}
