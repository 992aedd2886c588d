// The development sets of the quality bench and how each is judged: which
// reference, which budget k, which groups (languages) are reported apart.
// Shared by run.mjs (the report), train.mjs (the sentence model) and
// headline.mjs (headlines against real titles). Pure, no I/O but reading.
//
//   cnn           ../shared/data/cnn-dev.jsonl          editor-written highlights; k = 3
//   multilingual  ../shared/data/multilingual-dev.jsonl  fr / id / zh human summaries; k = the reference's
//                                                        sentence count (splitSentences), per language
//   bbc           ../shared/data/bbc-dev.jsonl          long extractive references (a regression guard);
//                                                        k = reference sentences found in the article
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { fnv1a } from './baselines.mjs';
import { makeMatcher, splitSentences, stripHeadline } from './text.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared/data');

export const SET_NAMES = ['cnn', 'multilingual', 'bbc'];

const FILES = { cnn: 'cnn-dev.jsonl', multilingual: 'multilingual-dev.jsonl', bbc: 'bbc-dev.jsonl' };

export const SET_LABELS = {
  cnn: 'cnn-dev: CNN news, editor-written highlights (human)',
  multilingual: 'multilingual-dev: fr OrangeSum / id IndoSum / zh LCSTS, human summaries',
  bbc: 'bbc-dev: BBC news, long extractive references (regression guard)',
};

/** Reads a JSONL file; a bad line is an error naming the file and line. */
export function readJsonl(file) {
  const rows = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        rows.push(JSON.parse(line));
      } catch (e) {
        throw new Error(`${file}:${i + 1}: invalid JSON: ${e.message}`);
      }
    });
  return rows;
}

/**
 * Documents of one set: { id, set, group, text, reference, k, title }.
 * `text` is what precis reads (BBC keeps its headline line: precis finds
 * titles itself); `group` is the language for multilingual, else the set.
 */
export function loadSet(name, { limit = Infinity, dir = SHARED } = {}) {
  if (!FILES[name]) throw new Error(`unknown set "${name}" (known: ${SET_NAMES.join(', ')})`);
  const file = path.join(dir, FILES[name]);
  const docs = [];
  for (const row of readJsonl(file)) {
    if (docs.length >= limit) break;
    for (const f of ['id', 'text', 'summary']) {
      if (typeof row[f] !== 'string') throw new Error(`${file}: row ${docs.length + 1}: "${f}" missing or not a string`);
    }
    let k;
    if (name === 'cnn') {
      k = 3;
    } else if (name === 'multilingual') {
      k = Math.max(1, splitSentences(row.summary).length);
    } else {
      const { body } = stripHeadline(row.text, row.title);
      const matcher = makeMatcher(row.summary);
      k = Math.max(1, splitSentences(body).filter((s) => matcher.matches(s.text)).length);
    }
    // A French article comes with its title as a line of its own, as a page
    // shows it (BBC texts already start with theirs); headline.mjs reads the
    // rows without it.
    const titled = name === 'multilingual' && typeof row.title === 'string' && row.title.trim() !== '';
    docs.push({
      id: row.id,
      set: name,
      group: name === 'multilingual' ? row.lang : name,
      text: titled ? `${row.title.trim()}\n\n${row.text}` : row.text,
      reference: row.summary,
      title: typeof row.title === 'string' ? row.title : null,
      k,
    });
  }
  return docs;
}

/** The cross-validation fold of a document (stable: a hash of its id). */
export function foldOf(doc, folds) {
  return fnv1a(doc.id) % folds;
}
