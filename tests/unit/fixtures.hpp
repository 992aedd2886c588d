// Helpers shared by the unit tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "blocks.hpp"
#include "document.hpp"
#include "segment.hpp"
#include "unicode.hpp"

namespace precis::testing {

// Sentences of `text` as strings, every block taken as body.
inline std::vector<std::string> sentences_of(std::string_view text, std::string_view language = "en") {
  const Utf16Offsets offsets(text);
  const std::vector<Block> blocks = split_blocks(text, offsets);
  unicode::Breaker breaker;
  std::vector<std::string> out;
  for (const SentenceSpan& s : segment_sentences(text, blocks, language, breaker)) {
    out.emplace_back(text.substr(s.byte_start, s.byte_end - s.byte_start));
  }
  return out;
}

}  // namespace precis::testing
