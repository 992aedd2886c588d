// Helpers shared by the unit tests.
#pragma once

#include <cstdint>
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

// `count` strings of 1 to `max_pieces` pieces drawn from `pieces` (a fixed
// linear congruential sequence from `seed`: the same strings on every run),
// for checking a fast path against its reference on tricky mixes.
inline std::vector<std::string> random_mixes(const std::vector<std::string>& pieces, std::size_t count,
                                             std::uint32_t max_pieces, std::uint32_t seed) {
  std::uint32_t state = seed;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    const std::uint32_t n = 1 + next() % max_pieces;
    for (std::uint32_t k = 0; k < n; ++k) text += pieces[next() % pieces.size()];
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace precis::testing
