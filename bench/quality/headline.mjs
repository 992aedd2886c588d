#!/usr/bin/env node
// Headlines against real titles: precis's headline mode beside "the first N
// words of the lead sentence", at 12, 17 and 22 words (the Summarizer API's
// short, medium and long headlines).
//
//   node bench/quality/headline.mjs [--limit N] [--precis build/native/precis] [--examples 5]
//
// Sets (the title is never in the input):
//   bbc    bbc-dev: the article without its title line; reference = the title line
//   fr     multilingual-dev French rows (OrangeSum): the article; reference = its title
//   pages  shared/data/pages with a known title: the annotated body (a leading copy of the
//          title removed); reference = the page title without a short " | Site" tail
// Metrics: ROUGE-1/2/L F1 against the title (rouge.mjs), mean words, the share
// of headlines that end cut ("…"). The baseline takes precis's own first body
// sentence (its segmentation, datelines removed) and keeps its first N words.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';

import { nativeTool, runBatch } from './core.mjs';
import { rougeL, rougeN, tokenize } from './rouge.mjs';
import { SHARED, readJsonl } from './sets.mjs';
import { mean } from './stats.mjs';

const LIMITS = [12, 17, 22];
const ELLIPSIS = '\u2026';

// A page title's site tail: " | Site", " - Site", " — Site" of at most 4 words.
export function stripSiteTail(title) {
  const m = /^(.*\S)\s+[|\-–—:·]\s+([^|\-–—:·]+)$/u.exec(title.trim());
  if (m && m[2].trim().split(/\s+/).length <= 4 && m[1].split(/\s+/).length >= 3) return stripSiteTail(m[1]);
  return title.trim();
}

function loadSets(limit) {
  const sets = {};
  sets.bbc = readJsonl(path.join(SHARED, 'bbc-dev.jsonl'))
    .slice(0, limit)
    .map((r) => {
      const cut = r.text.indexOf('\n\n');
      return { id: r.id, text: r.text.slice(cut + 2), title: r.title ?? r.text.slice(0, cut) };
    });
  sets.fr = readJsonl(path.join(SHARED, 'multilingual-dev.jsonl'))
    .filter((r) => r.lang === 'fr' && r.title)
    .slice(0, limit)
    .map((r) => ({ id: r.id, text: r.text, title: r.title }));
  const pages = [];
  const root = path.join(SHARED, 'pages');
  for (const set of fs.readdirSync(root).sort()) {
    const dir = path.join(root, set);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const page = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (!page.title || !page.body) continue;
      const title = stripSiteTail(page.title);
      let body = page.body;
      const firstBlock = body.split('\n\n')[0];
      if (tokenize(firstBlock).join(' ') === tokenize(page.title).join(' ') || tokenize(firstBlock).join(' ') === tokenize(title).join(' ')) {
        body = body.slice(firstBlock.length).replace(/^\n+/, '');
      }
      if (tokenize(title).length < 3) continue;
      pages.push({ id: `${set}/${page.id}`, text: body, title });
    }
  }
  sets.pages = pages.slice(0, limit);
  return sets;
}

function firstWords(text, n) {
  const words = text.trim().split(/\s+/);
  return words.length <= n ? text.trim() : words.slice(0, n).join(' ') + ELLIPSIS;
}

function scores(reference, candidate) {
  const ref = tokenize(reference);
  const cand = tokenize(candidate);
  return { r1: rougeN(ref, cand, 1).fmeasure, r2: rougeN(ref, cand, 2).fmeasure, rl: rougeL(ref, cand).fmeasure };
}

function main() {
  const { values } = parseArgs({
    options: { limit: { type: 'string' }, precis: { type: 'string' }, examples: { type: 'string', default: '0' } },
  });
  const limit = values.limit ? Number(values.limit) : Infinity;
  const bin = nativeTool('precis', values.precis);
  const sets = loadSets(limit);
  const out = [`headlines against real titles (ROUGE F1 %, mean words, share ending "${ELLIPSIS}")`];
  for (const [name, docs] of Object.entries(sets)) {
    out.push('', `== ${name}: ${docs.length} documents`);
    out.push(`${'words'.padEnd(6)} ${'system'.padEnd(22)} ${'R-1'.padStart(5)} ${'R-2'.padStart(5)} ${'R-L'.padStart(5)} ${'words'.padStart(6)} ${'cut'.padStart(6)}`);
    const requests = [];
    for (const d of docs) {
      for (const n of LIMITS) requests.push({ text: d.text, options: { mode: 'headline', headlineWords: n, keywords: 0 } });
    }
    const responses = runBatch(bin, requests);
    LIMITS.forEach((n, li) => {
      const rows = { precis: [], [`lead sentence, ${n} words`]: [] };
      docs.forEach((d, di) => {
        const r = responses[di * LIMITS.length + li];
        if (r.error) throw new Error(`${d.id}: ${r.error.field}: ${r.error.message}`);
        const lead = r.sentences.length ? r.sentences[0].text : '';
        rows.precis.push(r.summary ?? '');
        rows[`lead sentence, ${n} words`].push(firstWords(lead, n));
      });
      for (const [system, texts] of Object.entries(rows)) {
        const s = texts.map((t, i) => scores(docs[i].title, t));
        const pct = (k) => (100 * mean(s.map((x) => x[k]))).toFixed(1).padStart(5);
        const words = mean(texts.map((t) => (t.trim() ? t.trim().split(/\s+/).length : 0))).toFixed(1).padStart(6);
        const cut = ((100 * texts.filter((t) => t.endsWith(ELLIPSIS)).length) / Math.max(1, texts.length)).toFixed(1).padStart(5) + '%';
        out.push(`${String(n).padEnd(6)} ${system.padEnd(22)} ${pct('r1')} ${pct('r2')} ${pct('rl')} ${words} ${cut}`);
      }
      const show = Number(values.examples);
      if (show > 0 && n === LIMITS[0]) {
        docs.slice(0, show).forEach((d, i) => out.push(`   title:    ${d.title}`, `   precis:   ${rows.precis[i]}`, `   baseline: ${rows[`lead sentence, ${n} words`][i]}`));
      }
    });
  }
  console.log(out.join('\n'));
}

main();
