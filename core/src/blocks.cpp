#include "blocks.hpp"

#include <algorithm>

#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

struct Line {
  std::size_t start;  // trimmed
  std::size_t end;
  bool blank;
};

bool starts_lowercase(std::string_view text, std::size_t pos, std::size_t end) {
  if (pos >= end) return false;
  return unicode::is_lowercase(utf8::decode(text, pos).code_point);
}

// Punctuation that never opens a line of its own in Chinese or Japanese text
// (a comma, a full stop, a closing quote or bracket): a line that starts with
// it continues the line above.
bool cjk_continuing_punct(char32_t cp) {
  switch (cp) {
    case 0x3001: case 0x3002: case 0x300D: case 0x300F: case 0x3011:  // 、。」』】
    case 0xFF01: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:  // ！）：，；？
      return true;
    default:
      return false;
  }
}

// Chinese and Japanese text has no case and no spaces: a line that starts
// with a Han or kana character (or a mark that cannot open a line) after a
// line that ends in one (`last`, its last code point) can continue it, and
// what would have fitted on the line is one character.
bool starts_cjk_continuation(std::string_view text, char32_t last, const Line& next) {
  if (next.start >= next.end) return false;
  const char32_t first = utf8::decode(text, next.start).code_point;
  const bool last_cjk = unicode::is_cjk(unicode::script_of(last)) || cjk_continuing_punct(last);
  return last_cjk && (unicode::is_cjk(unicode::script_of(first)) || cjk_continuing_punct(first));
}

// Text is hard-wrapped when (almost) no line is longer than a wrap width. A
// paste from a web page has its paragraphs on one long line each; there, a
// line that starts in lowercase is a block of its own ("di Marco Rossi" under
// a headline), not the continuation of the line above.
constexpr std::size_t kWrapMaxCodePoints = 100;
constexpr std::size_t kLongLinesPerMille = 50;  // up to 5% longer lines (URLs, tables)
// The wrap width is the length 90% of the lines stay within; a wrapped line
// ends where the next word would have passed 80% of it.
constexpr std::size_t kWidthPerMille = 900;
constexpr std::size_t kWrapFill = 8;  // tenths of the width

// 1 for a byte that starts a code point other than a space or a tab: a
// line's length counts these (without a branch, so loops over it vectorize).
inline std::size_t counts(char c) {
  return static_cast<std::size_t>(((static_cast<unsigned char>(c) & 0xC0) != 0x80) & (c != ' ') & (c != '\t'));
}

// Finds the next '\n' or '\r' with memchr: one search for '\n' per line,
// and one for '\r' each time the last one found is passed (most text has
// none, so that is once).
class LineBreaks {
 public:
  explicit LineBreaks(std::string_view text) : text_(text) {}
  // The first line break at or after `pos` (<= text.size()), or text.size().
  std::size_t next(std::size_t pos) {
    if (cr_ < pos || cr_ == kUnknown) {
      cr_ = text_.find('\r', pos);
      if (cr_ == std::string_view::npos) cr_ = text_.size();
    }
    const std::size_t lf = text_.substr(pos, cr_ - pos).find('\n');
    return lf == std::string_view::npos ? cr_ : pos + lf;
  }

 private:
  static constexpr std::size_t kUnknown = std::string_view::npos;
  std::string_view text_;
  std::size_t cr_ = kUnknown;  // the first '\r' at or after the last search (text.size(): none)
};

// The width text is wrapped to (code points, spaces not counted), or 0 when
// it is not hard-wrapped.
std::size_t wrap_width(std::string_view text) {
  std::vector<std::size_t> lengths;
  std::size_t long_lines = 0;
  LineBreaks breaks(text);
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t eol = breaks.next(pos);
    std::size_t length = 0;
    for (std::size_t i = pos; i < eol; ++i) length += counts(text[i]);
    if (length > 0) {
      lengths.push_back(length);
      if (length > kWrapMaxCodePoints) ++long_lines;
    }
    pos = eol + 1;
  }
  if (lengths.empty() || long_lines * 1000 > lengths.size() * kLongLinesPerMille) return 0;
  const std::size_t at = std::min(lengths.size() - 1, lengths.size() * kWidthPerMille / 1000);
  std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(at), lengths.end());
  return lengths[at];
}

// Code points of text[begin, end) (spaces not counted), and of its first word.
struct LineLength {
  std::size_t all = 0;
  std::size_t first_word = 0;
};

LineLength line_length(std::string_view text, std::size_t begin, std::size_t end) {
  LineLength n;
  bool in_first = true;
  for (std::size_t pos = begin; pos < end; ++pos) {
    const char c = text[pos];
    if (c == ' ' || c == '\t') in_first = false;
    n.all += counts(c);
    if (in_first) n.first_word += counts(c);
  }
  return n;
}

// A line break inside a paragraph wrapped to `width`: the line does not end
// a sentence, the next starts in lowercase (or continues Chinese or Japanese
// text), and the next line's first word would not have fitted on the line (a
// menu item or a short heading above a lowercase line ends before the
// margin: it is a line of its own).
bool continues_line(std::string_view text, const Line& previous, const Line& next, std::size_t width) {
  if (scan::ends_sentence(text, previous.start, previous.end)) return false;
  const scan::Last last = scan::last_code_point(text, previous.start, previous.end);
  if (last.code_point == ':') return false;
  const bool cjk = starts_cjk_continuation(text, last.code_point, next);
  if (!cjk && !starts_lowercase(text, next.start, next.end)) return false;
  const std::size_t fits = line_length(text, previous.start, previous.end).all +
                           (cjk ? 1 : line_length(text, next.start, next.end).first_word);
  return fits * 10 > width * kWrapFill;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text, const Utf16Offsets& offsets) {
  std::vector<Block> blocks;
  std::size_t block_start = 0, block_end = 0;
  bool open = false;
  Line previous{0, 0, true};
  const std::size_t width = wrap_width(text);

  auto close = [&] {
    if (!open) return;
    Block block;
    block.span = offsets.span(block_start, block_end);
    const std::string_view slice = text.substr(block_start, block_end - block_start);
    // Well-formed text (the offsets counted no ill-formed sequence) needs no repair.
    block.text = offsets.invalid_count() == 0 ? std::string(slice) : utf8::repaired(slice);
    blocks.push_back(std::move(block));
    open = false;
  };

  LineBreaks breaks(text);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t eol = breaks.next(pos);
    const std::size_t start = scan::skip_space(text, pos, eol);
    const Line line{start, scan::trim_space_end(text, start, eol), start == eol};
    if (line.blank) {
      close();
    } else if (open && width > 0 && continues_line(text, previous, line, width)) {
      block_end = line.end;
    } else {
      close();
      open = true;
      block_start = line.start;
      block_end = line.end;
    }
    previous = line;
    if (eol >= text.size()) break;
    pos = eol + ((text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ? 2 : 1);
  }
  close();
  return blocks;
}

}  // namespace precis
