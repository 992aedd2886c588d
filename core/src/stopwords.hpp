// Stopword lists per language, generated from the npm package `stopword`
// (see toolchain/gen-stopwords.mjs). Words are folded (NFKC + case folding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace precis {

// Words per block of StopwordList::blocks (toolchain/gen-stopwords.mjs).
inline constexpr std::size_t kStopwordBlock = 8;

struct StopwordList {
  std::string_view language;              // ISO 639-1
  std::string_view words;                 // the words, sorted by bytes, each followed by '\n'
  std::span<const std::uint16_t> blocks;  // where words 0, 8, 16, ... start in `words`
};

[[nodiscard]] std::span<const StopwordList> stopword_lists();
[[nodiscard]] const StopwordList* stopwords_for(std::string_view language);
[[nodiscard]] bool contains(const StopwordList& list, std::string_view folded_word);

// The document language's list, with English as the fallback for ASCII words
// inside text of another script (brand names, code, quotes).
class StopwordSet {
 public:
  explicit StopwordSet(std::string_view language);
  [[nodiscard]] bool contains(std::string_view folded_word) const;

 private:
  const StopwordList* primary_;
  const StopwordList* ascii_fallback_;
};

}  // namespace precis
