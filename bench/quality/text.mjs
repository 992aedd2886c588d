// Text helpers of the quality harness: headline stripping, a simple sentence
// splitter (used for the budget, lead/random/textrank/lexrank and for mapping
// OTS output back to sentences), and the normalized sentence matcher that
// decides whether a sentence belongs to a reference summary.
// All exports are pure functions.

/**
 * Matching normal form: NFKC, lowercase, keep only Unicode letters and digits
 * (spaces and punctuation are dropped entirely).  This makes the BBC reference
 * artifacts harmless: "$11. 1bn" and "$11.1bn" both become "111bn", and a
 * quote that moved across a sentence join disappears.
 */
export function normalizeForMatch(text) {
  return String(text).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Sentences whose normal form is at least this long match by plain substring. */
export const MIN_SUBSTRING_CHARS = 15;

const TERMINATOR = /[.!?…。！？｡؟]/u;
const CLOSER = /["'”’»)\]」』）】〕]/u;

/**
 * A matcher over a reference text (or any selection text, e.g. OTS output).
 * matches(sentence) is true when the sentence's normal form
 *   - is >= MIN_SUBSTRING_CHARS long and a substring of the reference's, or
 *   - is shorter (but non-empty) and occurs in the reference's normal form
 *     starting AND ending at a sentence boundary of the reference.  Boundaries
 *     are taken generously: the start/end of the text, every newline, and
 *     every terminator [.!?…。！？] (plus closing quotes/brackets) followed by
 *     whitespace or the end.  So "Yes." matches a reference containing
 *     '... said. "Yes." He ...' but not one containing "Yes, we can".
 */
export function makeMatcher(referenceText) {
  const ref = String(referenceText).normalize('NFKC').toLowerCase();
  const keep = /[\p{L}\p{N}]/u;
  let norm = '';
  const boundaries = new Set([0]);
  const chars = Array.from(ref);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (keep.test(ch)) {
      norm += ch;
      continue;
    }
    if (ch === '\n') {
      boundaries.add(norm.length);
    } else if (TERMINATOR.test(ch)) {
      let j = i + 1;
      while (j < chars.length && (CLOSER.test(chars[j]) || TERMINATOR.test(chars[j]))) j++;
      // CJK terminators need no following space.
      if (j >= chars.length || /\s/u.test(chars[j]) || /[。！？｡]/u.test(ch)) boundaries.add(norm.length);
    }
  }
  boundaries.add(norm.length);
  return {
    normalized: norm,
    matches(sentence) {
      const s = normalizeForMatch(sentence);
      if (s.length === 0) return false;
      if (s.length >= MIN_SUBSTRING_CHARS) return norm.includes(s);
      for (let p = norm.indexOf(s); p !== -1; p = norm.indexOf(s, p + 1)) {
        if (boundaries.has(p) && boundaries.has(p + s.length)) return true;
      }
      return false;
    },
  };
}

/**
 * Remove a leading headline.  If `title` is given and the first non-empty
 * line equals it (in matching normal form), that line is dropped.  Otherwise
 * the first line is dropped when it has no final punctuation and is followed
 * by a blank line.  Returns { title, body }.
 */
export function stripHeadline(text, title) {
  const t = String(text).replace(/\r\n?/g, '\n');
  const lines = t.split('\n');
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first >= lines.length) return { title: null, body: '' };
  const line = lines[first].trim();
  const rest = () => lines.slice(first + 1).join('\n').replace(/^\n+/, '');
  if (title != null && String(title).trim() !== '') {
    if (normalizeForMatch(line) === normalizeForMatch(title)) return { title: line, body: rest() };
  }
  const nextBlank = first + 1 < lines.length && lines[first + 1].trim() === '';
  if (nextBlank && !/[.!?…:;,。！？"'”’)\]]$/u.test(line)) return { title: line, body: rest() };
  return { title: null, body: lines.slice(first).join('\n') };
}

// Abbreviations after which a period never ends a sentence (case-sensitive,
// matched against the word right before the period).  Deliberately short:
// words that often END sentences (etc, Inc, Ltd, Co, Corp) are not listed.
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'St', 'Sr', 'Jr', 'Mt', 'Ft',
  'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Cmdr', 'Adm', 'Maj', 'Rev', 'Hon',
  'Gov', 'Sen', 'Rep', 'Pres', 'Supt', 'Insp', 'vs', 'v',
  'e.g', 'i.e', 'cf', 'approx',
  'U.S', 'U.K', 'U.N', 'E.U', 'U.S.A',
]);
// Only abbreviations when a number follows ("No. 1", but 'said: "No. Never."').
const NUMBER_ABBREVIATIONS = new Set(['No', 'Nos', 'no', 'Vol', 'Fig', 'fig', 'pp', 'p']);

// Candidate boundary inside a line: terminator(s) (Arabic ؟ included),
// optional closing quotes / brackets, whitespace, then an opening quote /
// bracket / Spanish ¿ ¡, an uppercase or caseless letter, or a digit.
const BOUNDARY = /[.!?…؟]+["'”’»)\]]*\s+(?=["'“‘«(\[¿¡]|[\p{Lu}\p{Lt}\p{Lo}\p{N}])/gu;
// Japanese quotes go on with a quoting particle: 「本当ですか？」と聞いた。
const CJK_BOUNDARY = /[。！？｡]+[」』）”’]*(?![」』）”’とっ])\s*/gu;

function isAbbreviation(line, dotIndex, nextChar) {
  // word = maximal run of letters and inner dots right before the terminator,
  // which must start the line or follow whitespace / an opening bracket or
  // quote (so "AT&T." and "R&B." are not mistaken for initials)
  const m = /(?:^|[\s("'“‘«\[])([\p{L}.]*\p{L})$/u.exec(line.slice(0, dotIndex));
  if (!m) return false;
  const word = m[1];
  if (ABBREVIATIONS.has(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(word)) return /\p{N}/u.test(nextChar);
  // single uppercase initial ("J. K. Rowling"), dotted initials ("J.R.R")
  return /^\p{Lu}$/u.test(word) || /^(\p{Lu}\.)+\p{Lu}$/u.test(word);
}

/**
 * Split text into sentences.  Every line is a hard boundary (the BBC files
 * have one paragraph per line, and list items on their own lines); inside a
 * line, see BOUNDARY / CJK_BOUNDARY and the abbreviation guard.
 * Returns [{ text, start, end, paragraph }] with UTF-16 offsets into `text`;
 * `paragraph` counts blank-line separated blocks.
 */
export function splitSentences(text) {
  const t = String(text);
  const out = [];
  let paragraph = 0;
  let sawBlank = false;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m; (m = lineRe.exec(t)) && m[0] !== ''; ) {
    const lineStart = m.index;
    const line = m[0].replace(/[\r\n]+$/, '');
    if (line.trim() === '') {
      sawBlank = true;
      continue;
    }
    if (sawBlank && out.length > 0) paragraph++;
    sawBlank = false;
    const cuts = [];
    for (const b of line.matchAll(BOUNDARY)) {
      if (b[0][0] === '.' && isAbbreviation(line, b.index, line[b.index + b[0].length] ?? '')) continue;
      cuts.push(b.index + b[0].length);
    }
    for (const b of line.matchAll(CJK_BOUNDARY)) cuts.push(b.index + b[0].length);
    cuts.sort((a, b) => a - b);
    let from = 0;
    for (const cut of [...cuts, line.length]) {
      if (cut <= from) continue;
      const piece = line.slice(from, cut);
      const lead = piece.length - piece.trimStart().length;
      const s = piece.trim();
      if (s) out.push({ text: s, start: lineStart + from + lead, end: lineStart + from + lead + s.length, paragraph });
      from = cut;
    }
  }
  return out;
}
