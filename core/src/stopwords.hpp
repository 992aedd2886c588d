// Stopword lists per language, generated from the npm package `stopword`
// (see toolchain/gen-stopwords.mjs). Words are folded (NFKC + case folding).
#pragma once

#include <span>
#include <string_view>

namespace precis {

struct StopwordList {
  std::string_view language;  // ISO 639-1
  std::string_view words;     // the words, sorted by bytes, each followed by '\n'
};

[[nodiscard]] std::span<const StopwordList> stopword_lists();
[[nodiscard]] const StopwordList* stopwords_for(std::string_view language);
[[nodiscard]] bool contains(const StopwordList& list, std::string_view folded_word);
// Which lists hold the word: bit i for stopword_lists()[i]. One hash lookup
// for all lists at once (language detection asks every list about every word).
[[nodiscard]] std::uint32_t lists_containing(std::string_view folded_word);
// The bit of `list` in lists_containing()'s answer (0 for a list that is not
// one of stopword_lists(), or none).
[[nodiscard]] std::uint32_t list_bit(const StopwordList* list);

// The document language's list, with English as the fallback for ASCII words
// inside text of another script (brand names, code, quotes).
class StopwordSet {
 public:
  explicit StopwordSet(std::string_view language);
  [[nodiscard]] bool contains(std::string_view folded_word) const;
  // The same, for a word whose lists_containing() the caller already has.
  [[nodiscard]] bool contains(std::string_view folded_word, std::uint32_t lists) const;

 private:
  std::uint32_t primary_ = 0;         // bit of the document language's list (0: none)
  std::uint32_t ascii_fallback_ = 0;  // bit of English's list, for other languages
};

}  // namespace precis
