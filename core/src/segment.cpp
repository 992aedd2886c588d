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
constexpr std::array<std::string_view, 48> kTitles = {
    "adm", "apr", "aug", "capt", "cmdr", "col", "cpl", "dec", "det", "dr", "feb", "fig", "gen", "gov",
    "govs", "hon", "insp", "jan", "jul", "jun", "lt", "maj", "messrs", "mme", "mlle", "mr", "mrs", "ms",
    "mt", "no", "nov", "nr", "oct", "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept",
    "sgt", "st", "supt", "vol", "vs", "gens"};
// Abbreviations that often end a sentence as well; kept together unless the
// next word looks like a new sentence.
constexpr std::array<std::string_view, 14> kMaybeFinal = {
    "approx", "bros", "co", "corp", "dept", "est", "etc", "inc", "jr", "ltd", "plc", "sr", "univ", "ca"};
// Datelines are looked for in the first sentence of this many first body paragraphs.
constexpr std::size_t kDatelineParagraphs = 3;
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


// ---------------------------------------------------------------- glued sentences

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower_letter(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_alnum(char c) { return ascii_upper(c) || ascii_lower_letter(c) || (c >= '0' && c <= '9'); }

// Boundaries ICU cannot see because the space is missing: "media.The union",
// "tomorrow.In", 'issue."Their' — a word of two or more letters (or digits),
// a full stop, question or exclamation mark (and closing quotes), then a
// capitalised word, inside one space-free token that is not a web or mail
// address ("CNN.com", "www.Example.com", "a@b.Com") or a dotted abbreviation
// ("U.S.Army"). Returns the positions right after the punctuation.
void glued_boundaries(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out) {
  for (std::size_t p = begin + 2; p + 2 < end; ++p) {
    const char c = text[p];
    if (c != '.' && c != '?' && c != '!') continue;
    if (!ascii_alnum(text[p - 1]) || !ascii_alnum(text[p - 2])) continue;
    // Closing quotes and brackets stay with the sentence they close; a
    // straight double quote closes when an odd number of them came before.
    std::size_t after = p + 1;
    while (after < end && (text[after] == ')' || text[after] == '\'' ||
                           (text[after] == '"' && std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                                             text.begin() + static_cast<std::ptrdiff_t>(after), '"') % 2 == 1))) {
      ++after;
    }
    const std::size_t boundary = after;
    while (after < end && (text[after] == '"' || text[after] == '\'')) ++after;  // an opening quote
    if (after + 1 >= end || !ascii_upper(text[after]) || !ascii_lower_letter(text[after + 1])) continue;
    // The space-free token around the junction.
    std::size_t token_start = p;
    while (token_start > begin && text[token_start - 1] != ' ' && text[token_start - 1] != '\n' &&
           text[token_start - 1] != '\t') {
      --token_start;
    }
    std::size_t token_end = after;
    while (token_end < end && text[token_end] != ' ' && text[token_end] != '\n' && text[token_end] != '\t') ++token_end;
    const std::string_view left = text.substr(token_start, p - token_start);
    const std::string_view right = text.substr(after, token_end - after);
    if (left.find_first_of("./@:") != std::string_view::npos) continue;  // U.S.Army, http://, a@b
    bool address = right.find_first_of("/@") != std::string_view::npos;
    for (std::size_t k = 0; !address && k + 1 < right.size(); ++k) {
      address = right[k] == '.' && ascii_lower_letter(right[k + 1]);  // www.Example.com
    }
    if (address) continue;
    out.push_back(boundary);
  }
}

// ---------------------------------------------------------------- datelines

// A dateline before the story: "(CNN) --", "LONDON, England (CNN) --",
// "WASHINGTON (Reuters) -", "WASHINGTON —", "Jakarta, CNN Indonesia - -",
// "Merdeka.com -". At most 8 words before a spaced dash (or an em/en dash),
// each capitalised, a number, parenthesised or a particle ("Rio de
// Janeiro"); at least one an all-capitals word, a parenthesis or a domain;
// and a capitalised sentence (or a quote) of three words or more after it.
// Returns where the story starts, or `start` when there is no dateline.
std::size_t after_dateline(std::string_view text, std::size_t start, std::size_t end) {
  constexpr std::size_t kMaxBytes = 80;
  constexpr std::size_t kMaxWords = 8;
  const std::size_t limit = std::min(end, start + kMaxBytes);
  std::size_t words = 0;
  bool marker = false;
  int depth = 0;
  for (std::size_t pos = start; pos < limit;) {
    // A dash: " - ", " -- ", " - - ", " — ", "—", " – ".
    std::size_t dash_end = pos;
    bool spaced_before = pos > start && text[pos - 1] == ' ';
    while (dash_end < limit) {
      if (text[dash_end] == '-' && (spaced_before || dash_end > pos)) {
        ++dash_end;
      } else if (text.compare(dash_end, 3, "\xE2\x80\x94") == 0 || text.compare(dash_end, 3, "\xE2\x80\x93") == 0) {
        dash_end += 3;
      } else if (dash_end > pos && text[dash_end] == ' ' && dash_end + 1 < limit && text[dash_end + 1] == '-') {
        ++dash_end;  // "- -"
      } else {
        break;
      }
    }
    if (dash_end > pos && depth == 0) {
      if (words == 0 || !marker) return start;
      const std::size_t story = scan::skip_space(text, dash_end, end);
      if (story == dash_end && text[pos] == '-') return start;  // "-word": a hyphen
      if (story >= end) return start;
      const char32_t first = utf8::decode(text, story).code_point;
      if (!unicode::is_uppercase(first) && !unicode::is_digit(first) && first != '"' && first != 0x201C &&
          first != 0x00AB) {
        return start;
      }
      std::size_t rest_words = 0;
      for (std::size_t k = story; k < end && rest_words < 3; ++k) rest_words += text[k] == ' ' ? 1 : 0;
      return rest_words >= 3 ? story : start;
    }
    const char c = text[pos];
    if (c == ' ' || c == ',') {
      ++pos;
      continue;
    }
    if (c == '(') {
      ++depth;
      marker = true;
      ++pos;
      continue;
    }
    if (c == ')') {
      if (--depth < 0) return start;
      ++pos;
      continue;
    }
    // A word: up to the next space, comma or parenthesis.
    std::size_t word_end = pos;
    while (word_end < limit && text[word_end] != ' ' && text[word_end] != ',' && text[word_end] != '(' &&
           text[word_end] != ')') {
      ++word_end;
    }
    const std::string_view word = text.substr(pos, word_end - pos);
    if (++words > kMaxWords) return start;
    const char32_t first = utf8::decode(word, 0).code_point;
    std::size_t letters = 0, upper = 0;
    bool dot_letter = false;
    for (std::size_t k = 0; k < word.size();) {
      const utf8::Decoded d = utf8::decode(word, k);
      if (unicode::is_letter(d.code_point)) {
        ++letters;
        upper += unicode::is_uppercase(d.code_point) ? 1 : 0;
      } else if (!unicode::is_digit(d.code_point) && d.code_point != '.' && d.code_point != '-' &&
                 d.code_point != '\'' && d.code_point != 0x2019) {
        return start;  // quotes, colons, sentence marks: not a dateline
      }
      if (d.code_point == '.' && k + 1 < word.size() && ascii_lower_letter(word[k + 1]) && k > 0) dot_letter = true;
      k += d.length;
    }
    if (word.back() == '.' && !dot_letter) return start;  // a sentence ended before any dash
    const bool capital = unicode::is_uppercase(first) || unicode::is_digit(first);
    const bool particle = !capital && words > 1 && letters <= 3 && depth == 0;
    if (!capital && !particle && depth == 0) return start;
    if ((letters >= 2 && upper == letters) || dot_letter) marker = true;
    pos = word_end;
  }
  return start;
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
    const std::size_t icu = boundaries.size();
    glued_boundaries(text, begin, end, boundaries);
    if (boundaries.size() > icu) std::sort(boundaries.begin(), boundaries.end());
    boundaries.push_back(end);

    std::size_t piece_start = begin;
    const std::size_t first_of_block = sentences.size();
    for (std::size_t at : boundaries) {
      if (at < end && false_boundary(text, piece_start, at, end, language, stopwords)) continue;
      std::size_t start = scan::skip_space(text, piece_start, at);
      const std::size_t stop = scan::trim_space_end(text, start, at);
      // The story starts after a dateline, in the first sentence of one of
      // the first paragraphs (offsets still point into the input).
      if (sentences.size() == first_of_block && paragraph < kDatelineParagraphs) {
        start = after_dateline(text, start, stop);
      }
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
