#include "clean.hpp"

#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

constexpr std::size_t kTitleMaxWords = 25;
constexpr std::size_t kTitleMaxBytes = 250;

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded d = utf8::decode(text, pos);
    const bool space = unicode::is_space(d.code_point);
    if (!space && !in_word) ++words;
    in_word = !space;
    pos += d.length;
  }
  return words;
}

bool looks_like_title(std::string_view text, const Block& block) {
  const std::size_t begin = block.span.byte_start, end = block.span.byte_end;
  if (end - begin > kTitleMaxBytes) return false;
  const std::string_view line = text.substr(begin, end - begin);
  if (line.find_first_of("\n\r") != std::string_view::npos) return false;
  if (count_words(line) > kTitleMaxWords) return false;
  const scan::Last last = scan::last_code_point(text, begin, end);
  return last.code_point != '.' && last.code_point != 0x3002 && scan::has_alnum(text, begin, end);
}

}  // namespace

std::optional<std::size_t> classify_blocks(std::string_view text, std::vector<Block>& blocks, bool remove_noise) {
  (void)remove_noise;  // the noise classifier arrives with issue #4
  if (blocks.size() < 2 || !looks_like_title(text, blocks.front())) return std::nullopt;
  blocks.front().kind = BlockKind::Title;
  return 0;
}

}  // namespace precis
