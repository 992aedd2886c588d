// The benchmark inputs, made once and shared by the native, Node and Chromium
// benchmarks so that every system reads the same bytes.
//   node bench/speed/inputs.mjs [--data ../shared/data/bbc-dev.jsonl] [--out build/bench/inputs]
// writes docs.json (the article texts, in file order) and 100K.txt, 1M.txt,
// 10M.txt (articles concatenated with a blank line between them).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = { '100K': 100 * 1024, '1M': 1024 * 1024, '10M': 10 * 1024 * 1024 };

export function readDocs(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line).text)
    .filter((text) => typeof text === 'string');
}

// Articles joined by "\n\n" until `target` UTF-8 bytes, cut at the last
// paragraph break before it. bbc-dev holds ~3 MB of text, so 10 MB goes round
// the set again: round k drops the first k words of every paragraph, so that
// cleaning does not set the copies aside as repeated blocks and the text stays
// ordinary prose (each round is a little shorter than the last).
export function longInput(docs, target) {
  const parts = [];
  let bytes = 0;
  const enc = new TextEncoder();
  for (let round = 0; bytes < target && docs.length; round++) {
    for (const text of docs) {
      if (bytes >= target) break;
      const t =
        round === 0
          ? text
          : text
              .split('\n')
              .map((para) => {
                let p = para;
                for (let k = 0; k < round; k++) {
                  const sp = p.indexOf(' ');
                  if (sp < 0) break;
                  p = p.slice(sp + 1);
                }
                return p;
              })
              .join('\n');
      if (parts.length) bytes += 2;
      parts.push(t);
      bytes += enc.encode(t).length;
    }
  }
  const all = Buffer.from(parts.join('\n\n'), 'utf8');
  if (all.length <= target) return all.toString('utf8');
  let cut = all.lastIndexOf('\n\n', target);
  if (cut < target / 2) cut = target;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (all[cut] & 0xc0) === 0x80) cut--;
  return all.subarray(0, cut).toString('utf8');
}

export function makeInputs(dataPath, outDir) {
  mkdirSync(outDir, { recursive: true });
  const docs = readDocs(dataPath);
  writeFileSync(join(outDir, 'docs.json'), JSON.stringify(docs));
  const files = {};
  for (const [label, size] of Object.entries(SIZES)) {
    files[label] = join(outDir, `${label}.txt`);
    writeFileSync(files[label], longInput(docs, size));
  }
  return { docs: join(outDir, 'docs.json'), long: files, count: docs.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, def) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
  const made = makeInputs(arg('--data', '../shared/data/bbc-dev.jsonl'), arg('--out', 'build/bench/inputs'));
  console.log(JSON.stringify(made));
}
