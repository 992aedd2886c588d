// Unit tests of the quality harness's ROUGE implementation (bench/quality/rouge.mjs)
// and of its sentence splitting / matching helpers (bench/quality/text.mjs).
// Expected values are computed by hand in the comments; run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fmeasure, lcsLength, ngramCounts, rougeL, rougeN, rougeScores, tokenize } from '../../bench/quality/rouge.mjs';
import { lead, random, textrank, lexrank } from '../../bench/quality/baselines.mjs';
import { makeMatcher, normalizeForMatch, splitSentences, stripHeadline } from '../../bench/quality/text.mjs';

const EPS = 1e-12;
function close(actual, expected, what = '') {
  assert.ok(Math.abs(actual - expected) <= EPS, `${what}: expected ${expected}, got ${actual}`);
}
function prf(score, p, r, f, what) {
  close(score.precision, p, `${what} precision`);
  close(score.recall, r, `${what} recall`);
  close(score.fmeasure, f, `${what} fmeasure`);
}

describe('tokenize (rouge-score default tokenizer)', () => {
  test('lowercases, non-[a-z0-9] chars become separators', () => {
    assert.deepEqual(tokenize('The Cat-sat, on THE mat!!'), ['the', 'cat', 'sat', 'on', 'the', 'mat']);
    // "$11.1bn" -> "11", "1bn"; "U.S." -> "u", "s"; apostrophe splits
    assert.deepEqual(tokenize("U.S. firm's $11.1bn"), ['u', 's', 'firm', 's', '11', '1bn']);
    assert.deepEqual(tokenize('  \t\n '), []);
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('!!! ... ---'), []);
  });

  test('no stemming', () => {
    assert.deepEqual(tokenize('running runs ran'), ['running', 'runs', 'ran']);
  });

  test('ASCII parts are unaffected by non-ASCII neighbours (em dash, pound sign)', () => {
    // rouge-score: "—" and "£" are replaced by spaces, exactly like ASCII punctuation
    assert.deepEqual(tokenize("Hello, World! It's 3:45pm \u2014 £600m"), ['hello', 'world', 'it', 's', '3', '45pm', '600m']);
  });

  test('CJK characters are single tokens (extension)', () => {
    // 。 is punctuation, dropped
    assert.deepEqual(tokenize('東京は日本の首都です。'), ['東', '京', 'は', '日', '本', 'の', '首', '都', 'で', 'す']);
    // Katakana incl. the prolonged sound mark, Hangul syllables
    assert.deepEqual(tokenize('カー 한국어'), ['カ', 'ー', '한', '국', '어']);
    // CJK directly attached to Latin letters still splits
    assert.deepEqual(tokenize('ABC東京'), ['abc', '東', '京']);
  });

  test('other Unicode letters are kept, lowercased, NFKC-normalized (extension)', () => {
    assert.deepEqual(tokenize('Café CAFÉ cafe\u0301'), ['café', 'café', 'café']); // decomposed é composed by NFKC
    assert.deepEqual(tokenize('Москва, Αθήνα'), ['москва', 'αθήνα']);
    assert.deepEqual(tokenize('\ufb01nd １２'), ['find', '12']); // ligature fi, full-width digits
  });
});

describe('ROUGE scores', () => {
  test('ref "the cat sat on the mat", cand "the cat on the mat"', () => {
    const s = rougeScores('the cat sat on the mat', 'the cat on the mat');
    // R1: ref {the:2,cat,sat,on,mat} (6), cand {the:2,cat,on,mat} (5); overlap 2+1+1+1 = 5
    //     P = 5/5, R = 5/6, F = 2*1*(5/6)/(1+5/6) = 10/11
    prf(s.rouge1, 1, 5 / 6, 10 / 11, 'rouge1');
    // R2: ref {the cat, cat sat, sat on, on the, the mat} (5), cand {the cat, cat on, on the, the mat} (4)
    //     overlap 3 -> P = 3/4, R = 3/5, F = 2*(9/20)/(27/20) = 2/3
    prf(s.rouge2, 3 / 4, 3 / 5, 2 / 3, 'rouge2');
    // RL: LCS = "the cat on the mat" = 5 -> P = 5/5, R = 5/6, F = 10/11
    prf(s.rougeL, 1, 5 / 6, 10 / 11, 'rougeL');
  });

  test('case and punctuation do not matter', () => {
    const a = rougeScores('The cat sat on the mat.', '"THE CAT... on the mat!"');
    const b = rougeScores('the cat sat on the mat', 'the cat on the mat');
    assert.deepEqual(a, b);
  });

  test('repeated tokens are clipped (multiset intersection)', () => {
    const s = rougeScores('the the the cat', 'the the the the the');
    // R1: ref {the:3, cat:1} (4), cand {the:5} (5); overlap min(3,5) = 3
    //     P = 3/5, R = 3/4, F = 2*(9/20)/(27/20) = 2/3
    prf(s.rouge1, 3 / 5, 3 / 4, 2 / 3, 'rouge1');
    // R2: ref {the the:2, the cat:1} (3), cand {the the:4} (4); overlap min(2,4) = 2
    //     P = 2/4, R = 2/3, F = 2*(1/3)/(7/6) = 4/7
    prf(s.rouge2, 1 / 2, 2 / 3, 4 / 7, 'rouge2');
    // RL: LCS = "the the the" = 3 -> P = 3/5, R = 3/4, F = 2/3
    prf(s.rougeL, 3 / 5, 3 / 4, 2 / 3, 'rougeL');
  });

  test('order matters for ROUGE-2 and ROUGE-L, not for ROUGE-1', () => {
    const s = rougeScores('a b c d', 'd c b a');
    prf(s.rouge1, 1, 1, 1, 'rouge1'); // same multiset
    prf(s.rouge2, 0, 0, 0, 'rouge2'); // {ab,bc,cd} vs {dc,cb,ba}: no overlap
    prf(s.rougeL, 1 / 4, 1 / 4, 1 / 4, 'rougeL'); // LCS = 1
  });

  test('empty and degenerate inputs', () => {
    for (const [ref, cand] of [['', ''], ['the cat', ''], ['', 'the cat'], ['the cat', '?!'], ['...', 'cat']]) {
      const s = rougeScores(ref, cand);
      for (const k of ['rouge1', 'rouge2', 'rougeL']) prf(s[k], 0, 0, 0, `${k} for ${JSON.stringify([ref, cand])}`);
    }
    // one-token candidate: no bigram -> R2 P = 0/max(0,1) = 0, R = 0/1 = 0
    const s = rougeScores('the cat', 'cat');
    prf(s.rouge1, 1, 1 / 2, 2 / 3, 'rouge1'); // overlap 1: P = 1/1, R = 1/2, F = 2/3
    prf(s.rouge2, 0, 0, 0, 'rouge2');
    prf(s.rougeL, 1, 1 / 2, 2 / 3, 'rougeL');
  });

  test('CJK: 東京は日本の首都です vs 日本の首都は東京です', () => {
    const s = rougeScores('東京は日本の首都です。', '日本の首都は東京です');
    // R1: both are the same 10 characters -> P = R = F = 1
    prf(s.rouge1, 1, 1, 1, 'rouge1');
    // R2: ref {東京,京は,は日,日本,本の,の首,首都,都で,です} (9)
    //     cand {日本,本の,の首,首都,都は,は東,東京,京で,です} (9)
    //     common: 東京,日本,本の,の首,首都,です = 6 -> P = R = F = 6/9
    prf(s.rouge2, 2 / 3, 2 / 3, 2 / 3, 'rouge2');
    // RL: LCS = 日本の首都です = 7 -> P = R = F = 7/10
    prf(s.rougeL, 7 / 10, 7 / 10, 7 / 10, 'rougeL');
  });

  test('reference-first argument order: P uses the candidate length, R the reference length', () => {
    const s = rougeScores('a b c d e', 'a b');
    prf(s.rouge1, 1, 2 / 5, 4 / 7, 'rouge1'); // F = 2*(2/5)/(7/5) = 4/7
  });

  test('building blocks', () => {
    assert.deepEqual([...ngramCounts(['a', 'b', 'a', 'b'], 2)].map(([k, v]) => [k.split('\u0001'), v]), [
      [['a', 'b'], 2],
      [['b', 'a'], 1],
    ]);
    close(fmeasure(0, 0), 0, 'fmeasure(0,0)');
    close(fmeasure(1, 0.5), 2 / 3, 'fmeasure(1,1/2)');
    prf(rougeN(['x'], ['x'], 3), 0, 0, 0, 'rouge3 of single tokens');
    prf(rougeL([], ['x']), 0, 0, 0, 'rougeL empty ref');
  });

  test('LCS: classic example, symmetry, long inputs with linear memory', () => {
    // ABCBDAB vs BDCABA -> LCS length 4 (e.g. BCBA)
    assert.equal(lcsLength([...'ABCBDAB'], [...'BDCABA']), 4);
    assert.equal(lcsLength([...'BDCABA'], [...'ABCBDAB']), 4);
    assert.equal(lcsLength([], ['a']), 0);
    const n = 4000;
    const a = Array.from({ length: n }, (_, i) => `w${i}`);
    assert.equal(lcsLength(a, a), n);
    assert.equal(lcsLength(a, [...a].reverse()), 1);
    // every other token of a -> LCS n/2
    assert.equal(lcsLength(a, a.filter((_, i) => i % 2 === 0)), n / 2);
  });
});

describe('harness text helpers', () => {
  test('normalizeForMatch removes the BBC reference artifacts', () => {
    assert.equal(normalizeForMatch('rose 2% to $11. 1bn'), normalizeForMatch('rose 2% to $11.1bn'));
    assert.equal(normalizeForMatch('"Months." I think'), 'monthsithink');
  });

  test('makeMatcher: long sentences by substring, short ones only as whole sentences', () => {
    const m = makeMatcher('Sales rose 2% to $11. 1bn from $10. 9bn. Yes. He said "no, never." It was a pity, he said.');
    assert.ok(m.matches('Sales rose 2% to $11.1bn from $10.9bn.'));
    assert.ok(!m.matches('Sales rose 3% to $11.1bn from $10.9bn.'));
    assert.ok(m.matches('Yes.')); // short, bounded on both sides
    assert.ok(m.matches('He said "no, never."'));
    assert.ok(!m.matches('It was a pity.')); // short, but followed by ", he said" in the reference
    assert.ok(!m.matches('no, never.')); // short, does not start at a boundary
    assert.ok(!m.matches('...'));
  });

  test('splitSentences: abbreviations, quotes, lines, CJK', () => {
    const t = 'Mr. Smith met Dr. J. K. Rowling at AT&T. He said "No. Never." Then No. 10 called! it was 3.5% up.\nList item\n\n東京です。大阪です。';
    assert.deepEqual(
      splitSentences(t).map((s) => s.text),
      ['Mr. Smith met Dr. J. K. Rowling at AT&T.', 'He said "No.', 'Never."', 'Then No. 10 called! it was 3.5% up.', 'List item', '東京です。', '大阪です。'],
    );
    const s = splitSentences('A b.\n\nC d. E f.');
    assert.deepEqual(s.map((x) => [x.text, x.start, x.end, x.paragraph]), [['A b.', 0, 4, 0], ['C d.', 6, 10, 1], ['E f.', 11, 15, 1]]);
  });

  test('stripHeadline', () => {
    assert.deepEqual(stripHeadline('Ad sales boost profit\n\nBody one. Body two.\n'), { title: 'Ad sales boost profit', body: 'Body one. Body two.\n' });
    assert.deepEqual(stripHeadline('Not a title.\n\nBody.'), { title: null, body: 'Not a title.\n\nBody.' });
    assert.deepEqual(stripHeadline('Title: here\nBody.', 'Title: here'), { title: 'Title: here', body: 'Body.' });
  });

  test('baselines are deterministic and return document order', () => {
    const sents = ['The cat sat.', 'A dog barked at the cat.', 'Cats and dogs.', 'Rain fell.', 'The cat slept.'];
    assert.deepEqual(lead(sents, 2), [0, 1]);
    assert.deepEqual(lead(sents, 9), [0, 1, 2, 3, 4]);
    const r = random(sents, 3, 'doc-1');
    assert.deepEqual(random(sents, 3, 'doc-1'), r);
    assert.equal(new Set(r).size, 3);
    assert.deepEqual([...r].sort((a, b) => a - b), r);
    for (const f of [textrank, lexrank]) {
      const sel = f(sents, 2);
      assert.equal(sel.length, 2);
      assert.deepEqual(f(sents, 2), sel);
      assert.ok(!sel.includes(3), `${f.name} should not pick the unrelated sentence`);
    }
  });
});
