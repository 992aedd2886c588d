// Looking into a precis core's wasm heap from JS, through its C ABI only
// (precis_alloc / precis_free): used by tests/js/reliability.test.mjs and
// bench/speed/bench_node.mjs.

/**
 * Allocates blocks of `bytes` until precis_alloc fails (or, with
 * `noGrowth`, until the memory would have to grow: that block is freed and
 * not counted). Returns the pointers, for the caller to free.
 */
export function allocateAll(core, bytes, { noGrowth = false } = {}) {
  const e = core.instance.exports;
  const size = e.memory.buffer.byteLength;
  const blocks = [];
  for (;;) {
    const p = e.precis_alloc(bytes);
    if (p === 0 || (noGrowth && e.memory.buffer.byteLength !== size)) {
      if (p) e.precis_free(p);
      break;
    }
    blocks.push(p);
  }
  return blocks;
}

export const freeAll = (core, blocks) => {
  for (const p of blocks) core.instance.exports.precis_free(p);
};

/** The unit heapInUse() counts in: exact to one block. */
export const BLOCK = 16384;

/**
 * Heap in use: the memory size minus how many BLOCK-byte blocks precis_alloc
 * hands out before wasm memory has to grow (the size is read first, so the
 * growth itself does not matter). A leak of L bytes raises it by ~L.
 */
export function heapInUse(core) {
  const size = core.instance.exports.memory.buffer.byteLength;
  const blocks = allocateAll(core, BLOCK, { noGrowth: true });
  freeAll(core, blocks);
  return size - blocks.length * BLOCK;
}
