// Per-section breakdown of a wasm binary (raw, gzip -9, brotli -q 11), so
// that growth is visible: which of code, data, names... got bigger.
//   node bench/speed/wasm_sections.mjs [build/wasm/package/precis.wasm] [--json]
// Custom sections are listed by name; the data section is split further into
// its segments' total and the largest segment.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code',
  'data', 'datacount', 'tag'];

function leb(bytes, at) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, at];
  }
}

export function wasmSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm binary');
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    let name = NAMES[id] ?? `unknown(${id})`;
    let count = null;
    if (id === 0) {
      const [len, s] = leb(bytes, body);
      name = `custom:${bytes.subarray(s, s + len).toString('utf8')}`;
    } else if (id !== 8) {
      [count] = leb(bytes, body);  // most sections start with an item count
    }
    const payload = bytes.subarray(at, body + size);
    sections.push({
      name,
      count,
      raw: payload.length,
      gzip: gzipSync(payload, { level: 9 }).length,
      brotli: brotliCompressSync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
    at = body + size;
  }
  return { total: bytes.length, sections };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'build/wasm/package/precis.wasm';
  const r = wasmSections(readFileSync(path));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(9);
    console.log(`${'section'.padEnd(24)}${'items'.padStart(8)}${'raw KB'.padStart(9)}${'gzip KB'.padStart(9)}${'br KB'.padStart(9)}`);
    for (const s of r.sections) {
      console.log(`${s.name.padEnd(24)}${String(s.count ?? '').padStart(8)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
    }
    console.log(`${'total'.padEnd(32)}${kb(r.total)}`);
  }
}
