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
  // Binary search over the word indices [lo, hi); word i is words[starts[i], starts[i + 1]).
  std::size_t lo = 0;
  std::size_t hi = list.starts.size() - 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::string_view word = list.words.substr(list.starts[mid], list.starts[mid + 1] - list.starts[mid]);
    if (word == folded_word) return true;
    if (word < folded_word) {
      lo = mid + 1;
    } else {
      hi = mid;
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
