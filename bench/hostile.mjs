#!/usr/bin/env node
// Hostile and degenerate inputs (issue #8) through the native CLI, at growing
// sizes, to show that time grows linearly. Prints wall time, time per MB and
// peak memory per input and size; flags a kind whose time per MB at the
// largest size is more than 2× the one at the smallest (super-linear).
//
//   node bench/hostile.mjs [--precis build/native/precis] [--sizes 1,5,50] [--only name,name]
//
// Sizes are in MB (2^20 bytes); --max-input-bytes is raised to fit the largest.
// Exits 1 when the CLI fails on an input or a kind looks super-linear.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { opt, precisCli } from './cli.mjs';

const precis = precisCli('hostile.mjs', 2);
const sizes = opt('--sizes', '1,5,50').split(',').map(Number);
const only = opt('--only', '') ? new Set(opt('--only', '').split(',')) : null;
const MB = 1 << 20;

// Deterministic pseudo-random words.
const WORDS = 'river council budget school market energy harbour village report station museum forest minister farmers festival railway bridge doctors weather library'.split(' ');
function* rng(seed = 12345) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield x >>> 16;
  }
}
// Repeats `unit(i)` until `bytes` UTF-8 bytes are reached.
function fill(bytes, unit) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; ++i) {
    const s = Buffer.from(unit(i), 'utf8');
    parts.push(s);
    n += s.length;
  }
  return Buffer.concat(parts, n).subarray(0, bytes);
}
const word = (r) => WORDS[r.next().value % WORDS.length];

const KINDS = {
  // The reference: ordinary prose in paragraphs.
  prose: (b) => {
    const r = rng();
    return fill(b, (i) => {
      const n = 8 + (i % 15);
      const w = Array.from({ length: n }, () => word(r));
      w[0] = w[0][0].toUpperCase() + w[0].slice(1);
      return w.join(' ') + (i % 5 === 4 ? '.\n\n' : '. ');
    });
  },
  'one-sentence': (b) => {
    const r = rng();
    return fill(b, () => word(r) + ' ');
  },
  'one-word-lines': (b) => {
    const r = rng();
    return fill(b, () => word(r) + '\n');
  },
  punctuation: (b) => fill(b, () => '... !!! ??? ,,, ;;; --- ((( ))) "" \'\'\n'),
  emoji: (b) => fill(b, () => '😀🎉👨‍👩‍👧‍👦 🇬🇧👍🏽 '),
  'mixed-scripts': (b) =>
    fill(b, () => 'The council met today. Der Rat tagte heute. 议会今天开会了。 議会は今日開かれた。 의회가 오늘 열렸다. Совет собрался сегодня. परिषद की बैठक आज हुई। สภาประชุมวันนี้\n\n'),
  rtl: (b) => fill(b, () => 'ارتفعت أسعار النفط اليوم. وقال المحللون إن الطلب يتزايد. \u202Bהמניות ירדו היום.\u202C \u200F!\u200E\n\n'),
  'combining-flood': (b) => fill(b, (i) => (i % 1000 === 0 ? ' Z' : '\u0301')),
  html: (b) =>
    fill(b, () => '<div class="x"><script>alert(1)</script><p>The council approved a new bridge &amp; a road.</p><img src=x onerror="alert(2)"></div>\n'),
  'repeated-lines': (b) => fill(b, () => 'The council approved the bridge over the river.\n'),
  'invalid-utf8': (b) => {
    const r = rng(7);
    const buf = Buffer.alloc(b);
    for (let i = 0; i < b; ++i) buf[i] = r.next().value & 0xff;
    return buf;
  },
  'nul-controls': (b) => fill(b, (i) => 'word' + String.fromCharCode(i % 32) + (i % 10 === 9 ? '. ' : '')),
};

const dir = mkdtempSync(join(tmpdir(), 'precis-hostile-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const maxBytes = Math.max(...sizes) * MB + 1;

function run(file) {
  const t0 = performance.now();
  const p = spawnSync('/usr/bin/time', ['-f', '%M', precis, file, '--max-input-bytes', String(maxBytes)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  const rssKb = Number(p.stderr.trim().split('\n').pop());
  return { ok: p.status === 0, ms, rssMb: rssKb / 1024, stderr: p.stderr, lines: p.stdout.split('\n').filter(Boolean).length };
}

let failed = false;
const pad = (s, n) => String(s).padStart(n);
console.log(`precis hostile inputs (${precis}); sizes ${sizes.join(', ')} MB`);
console.log(`${'input'.padEnd(16)}${sizes.map((s) => pad(`${s} MB: s`, 12) + pad('s/MB', 8) + pad('RSS MB', 8)).join('')}   verdict`);
for (const [name, make] of Object.entries(KINDS)) {
  if (only && !only.has(name)) continue;
  const cells = [];
  const perMb = [];
  for (const size of sizes) {
    const file = join(dir, `${name}-${size}`);
    writeFileSync(file, make(size * MB));
    const r = run(file);
    rmSync(file);
    if (!r.ok) {
      failed = true;
      cells.push(pad('FAILED', 28));
      console.error(`${name} ${size} MB: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      perMb.push(NaN);
      continue;
    }
    perMb.push(r.ms / 1000 / size);
    cells.push(pad((r.ms / 1000).toFixed(2), 12) + pad((r.ms / 1000 / size).toFixed(3), 8) + pad(r.rssMb.toFixed(0), 8));
  }
  // Process start-up dominates tiny runs; compare per-MB times when the smallest run takes > 50 ms.
  const first = perMb[0];
  const last = perMb[perMb.length - 1];
  let verdict = 'linear';
  if (perMb.some(Number.isNaN)) verdict = 'FAILED';
  else if (first * sizes[0] > 0.05 && last > 2 * first) {
    verdict = `SUPER-LINEAR (${(last / first).toFixed(1)}× per MB)`;
    failed = true;
  } else verdict = `linear (${(last / first).toFixed(2)}× per MB)`;
  console.log(`${name.padEnd(16)}${cells.join('')}   ${verdict}`);
}
process.exit(failed ? 1 : 0);
