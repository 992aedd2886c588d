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

}  // namespace

std::vector<Block> split_blocks(std::string_view text, const Utf16Offsets& offsets) {
  std::vector<Block> blocks;
  std::size_t block_start = 0, block_end = 0;
  bool open = false;
  Line previous{0, 0, true};

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
    std::size_t eol = text.find_first_of("\n\r", pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::size_t start = scan::skip_space(text, pos, eol);
    const Line line{start, scan::trim_space_end(text, start, eol), start == eol};
    if (line.blank) {
      close();
    } else if (open && continues_line(text, previous, line)) {
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
