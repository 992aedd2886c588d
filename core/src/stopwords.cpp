#include "stopwords.hpp"

#include <algorithm>

namespace precis {
namespace {
#include "stopword_lists.inc"
}  // namespace

std::span<const StopwordList> stopword_lists() { return kStopwordLists; }

const StopwordList* stopwords_for(std::string_view language) {
  for (const StopwordList& list : kStopwordLists) {
    if (list.language == language) return &list;
  }
  return nullptr;
}

bool contains(const StopwordList& list, std::string_view folded_word) {
  // Binary search over byte offsets: [lo, hi) always holds whole words
  // (lo and hi are word starts or the end); the word around the middle byte is
  // found from the '\n' separators.
  const std::string_view words = list.words;
  std::size_t lo = 0;
  std::size_t hi = words.size();
  while (lo < hi) {
    std::size_t start = lo + (hi - lo) / 2;
    while (start > lo && words[start - 1] != '\n') --start;
    const std::size_t end = words.find('\n', start);
    const std::string_view word = words.substr(start, end - start);
    if (word == folded_word) return true;
    if (word < folded_word) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return false;
}

StopwordSet::StopwordSet(std::string_view language)
    : primary_(stopwords_for(language)), ascii_fallback_(language == "en" ? nullptr : stopwords_for("en")) {}

bool StopwordSet::contains(std::string_view folded_word) const {
  if (primary_ != nullptr && precis::contains(*primary_, folded_word)) return true;
  if (ascii_fallback_ == nullptr) return false;
  const bool ascii = std::all_of(folded_word.begin(), folded_word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii && precis::contains(*ascii_fallback_, folded_word);
}

}  // namespace precis
