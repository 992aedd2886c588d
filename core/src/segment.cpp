#include "segment.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "stopwords.hpp"
#include "text_scan.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// Abbreviations that precede a name or number and never end a sentence.
constexpr std::array<std::string_view, 44> kTitles = {
    "adm", "apr", "aug", "capt", "cmdr", "col", "cpl", "dec", "det", "dr", "feb", "fig", "gen", "gov",
    "hon", "insp", "jan", "jul", "jun", "lt", "maj", "messrs", "mme", "mlle", "mr", "mrs", "ms", "mt",
    "no", "nov", "nr", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "st", "supt",
    "vol", "vs"};
// Abbreviations that often end a sentence as well; kept together unless the
// next word looks like a new sentence.
constexpr std::array<std::string_view, 14> kMaybeFinal = {
    "approx", "bros", "co", "corp", "dept", "est", "etc", "inc", "jr", "ltd", "plc", "sr", "univ", "ca"};
// Languages that write ordinals as "3." ("am 3. Oktober").
constexpr std::array<std::string_view, 12> kDotOrdinals = {"cs", "da", "de", "fi", "hr", "hu",
                                                           "nb", "pl", "sk", "sl", "sr", "tr"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

enum class Abbreviation { None, Always, Unless, Ordinal };

// The folded word that ends (before spaces) at text[.., end), if any.
std::string word_before(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t stop = end;
  while (stop > begin) {
    const scan::Last last = scan::last_code_point(text, begin, stop);
    if (!unicode::is_space(last.code_point)) break;
    stop = last.start;
  }
  std::size_t start = stop;
  while (start > begin) {
    const scan::Last last = scan::last_code_point(text, begin, start);
    if (!unicode::is_letter(last.code_point)) break;
    start = last.start;
  }
  std::string folded;
  unicode::fold(text.substr(start, stop - start), folded);
  return folded;
}

// Classify the word that ends with the full stop at text[dot]. A number
// followed by a full stop is an ordinal ("am 3. Oktober", "den 5. Platz")
// only after a function word of the language: "... normy Euro 4. Rada
// miasta ..." ends a sentence.
Abbreviation abbreviation_before(std::string_view text, std::size_t begin, std::size_t dot,
                                 std::string_view language, const StopwordSet& stopwords) {
  // The word: letters, digits and inner periods before the final period.
  std::size_t start = dot;
  std::size_t letters = 0, digits = 0, periods = 0, upper = 0;
  while (start > begin) {
    const scan::Last last = scan::last_code_point(text, begin, start);
    const char32_t cp = last.code_point;
    if (unicode::is_letter(cp)) {
      ++letters;
      upper += unicode::is_uppercase(cp) ? 1 : 0;
    } else if (unicode::is_digit(cp)) {
      ++digits;
    } else if (cp == '.') {
      ++periods;
    } else {
      break;
    }
    start = last.start;
  }
  if (letters + digits == 0) return Abbreviation::None;  // "..." or a lone "."
  const std::string word = ascii_lower(text.substr(start, dot - start));
  if (digits > 0 && letters == 0 && periods == 0 && digits <= 2 && listed(kDotOrdinals, language)) {
    const std::string before = word_before(text, begin, start);
    return !before.empty() && stopwords.contains(before) ? Abbreviation::Ordinal : Abbreviation::None;
  }
  if (digits > 0) return Abbreviation::None;
  if (periods > 0) return Abbreviation::Unless;                    // U.S. / Ph.D. / p.m. / e.g.
  if (letters == 1 && upper == 1) return Abbreviation::Unless;     // an initial: "J."
  if (listed(kTitles, word)) return Abbreviation::Always;
  if (listed(kMaybeFinal, word)) return Abbreviation::Unless;
  return Abbreviation::None;
}

// Does text[begin, end) end with a CJK sentence terminator (。｡！？, possibly
// followed by closing quotes or brackets)?
bool cjk_terminal(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const scan::Last last = scan::last_code_point(text, begin, end);
    if (!scan::is_closing(last.code_point)) {
      const char32_t cp = last.code_point;
      return cp == 0x3002 || cp == 0xFF61 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
    }
    end = last.start;
  }
  return false;
}

struct NextWord {
  std::string folded;
  char32_t first = 0;
};

NextWord next_word(std::string_view text, std::size_t pos, std::size_t end) {
  pos = scan::skip_space(text, pos, end);
  NextWord next;
  std::size_t stop = pos;
  while (stop < end) {
    const utf8::Decoded d = utf8::decode(text, stop);
    if (stop == pos) next.first = d.code_point;
    if (!unicode::is_letter(d.code_point) && !unicode::is_digit(d.code_point)) break;
    stop += d.length;
  }
  unicode::fold(text.substr(pos, stop - pos), next.folded);
  return next;
}

// Should the boundary at `at` (between text[piece_start, at) and what follows
// up to `end`) be removed?
bool false_boundary(std::string_view text, std::size_t piece_start, std::size_t at, std::size_t end,
                    std::string_view language, const StopwordSet& stopwords) {
  const std::size_t piece_end = scan::trim_space_end(text, piece_start, at);
  if (piece_end == piece_start) return false;
  const NextWord next = next_word(text, at, end);
  if (next.first == 0) return false;
  // A hard-wrapped line: ICU breaks at every line break.
  if (!scan::ends_sentence(text, piece_start, piece_end)) return true;
  const scan::Last last = scan::last_code_point(text, piece_start, piece_end);
  // After 。！？ (CJK, full- and half-width) a sentence may start with a Latin
  // word in lowercase ("…と発表した。iPS細胞を…"): the boundary stands.
  // Japanese quotes go on with a quoting particle: 「本当ですか？」と聞いた。
  if (cjk_terminal(text, piece_start, piece_end)) {
    return scan::is_closing(last.code_point) && (next.first == U'と' || next.first == U'っ');
  }
  // '"Why?" he asked.' — a sentence does not start in lowercase.
  if (unicode::is_lowercase(next.first)) return true;

  if (last.code_point != '.') return false;
  const bool new_sentence_word = !next.folded.empty() && stopwords.contains(next.folded);
  switch (abbreviation_before(text, piece_start, last.start, language, stopwords)) {
    case Abbreviation::Always: return true;
    case Abbreviation::Unless: return !new_sentence_word;
    case Abbreviation::Ordinal: return !new_sentence_word && unicode::is_letter(next.first);
    case Abbreviation::None: return false;
  }
  return false;
}

}  // namespace

std::vector<SentenceSpan> segment_sentences(std::string_view text, const std::vector<Block>& blocks,
                                            std::string_view language, unicode::Breaker& breaker) {
  std::vector<SentenceSpan> sentences;
  const StopwordSet stopwords(language);
  std::vector<std::size_t> boundaries;
  std::size_t paragraph = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (block.kind != BlockKind::Body) continue;
    const std::size_t begin = block.span.byte_start, end = block.span.byte_end;
    boundaries.clear();
    breaker.sentence_boundaries(text, begin, end, boundaries);
    boundaries.push_back(end);

    std::size_t piece_start = begin;
    for (std::size_t at : boundaries) {
      if (at < end && false_boundary(text, piece_start, at, end, language, stopwords)) continue;
      const std::size_t start = scan::skip_space(text, piece_start, at);
      const std::size_t stop = scan::trim_space_end(text, start, at);
      if (stop > start && scan::has_alnum(text, start, stop)) {
        sentences.push_back({start, stop, b, paragraph});
      }
      piece_start = at;
    }
    ++paragraph;
  }
  return sentences;
}

}  // namespace precis
