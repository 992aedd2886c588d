#include "blocks.hpp"

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

bool continues_line(std::string_view text, const Line& previous, const Line& next) {
  if (scan::ends_sentence(text, previous.start, previous.end)) return false;
  const scan::Last last = scan::last_code_point(text, previous.start, previous.end);
  if (last.code_point == ':') return false;
  return starts_lowercase(text, next.start, next.end);
}

// Text is hard-wrapped when (almost) no line is longer than a wrap width. A
// paste from a web page has its paragraphs on one long line each; there, a
// line that starts in lowercase is a block of its own ("di Marco Rossi" under
// a headline), not the continuation of the line above.
constexpr std::size_t kWrapMaxCodePoints = 100;
constexpr std::size_t kLongLinesPerMille = 50;  // up to 5% longer lines (URLs, tables)

bool hard_wrapped(std::string_view text) {
  std::size_t lines = 0, long_lines = 0, length = 0;
  auto end_line = [&] {
    if (length > 0) {
      ++lines;
      if (length > kWrapMaxCodePoints) ++long_lines;
    }
    length = 0;
  };
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      end_line();
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\t') {
      ++length;
    }
  }
  end_line();
  return long_lines * 1000 <= lines * kLongLinesPerMille;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view text, const Utf16Offsets& offsets) {
  std::vector<Block> blocks;
  std::size_t block_start = 0, block_end = 0;
  bool open = false;
  Line previous{0, 0, true};
  const bool wrapped = hard_wrapped(text);

  auto close = [&] {
    if (!open) return;
    Block block;
    block.span = offsets.span(block_start, block_end);
    block.text = utf8::repaired(text.substr(block_start, block_end - block_start));
    blocks.push_back(std::move(block));
    open = false;
  };

  std::size_t pos = 0;
  while (pos <= text.size()) {
    // (find_first_of would call memchr on "\n\r" for every byte.)
    std::size_t eol = pos;
    while (eol < text.size() && text[eol] != '\n' && text[eol] != '\r') ++eol;
    const std::size_t start = scan::skip_space(text, pos, eol);
    const Line line{start, scan::trim_space_end(text, start, eol), start == eol};
    if (line.blank) {
      close();
    } else if (open && wrapped && continues_line(text, previous, line)) {
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
