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

namespace {

// Compares the word at words[start] (which ends at the next '\n') with
// `target` in byte order, in one pass.
int compare_word_at(std::string_view words, std::size_t start, std::string_view target) {
  for (std::size_t i = 0;; ++i) {
    const auto w = static_cast<unsigned char>(words[start + i]);
    if (w == '\n') return i == target.size() ? 0 : -1;  // equal, or the word is a proper prefix of target
    if (i == target.size()) return 1;                   // target is a proper prefix of the word
    const auto t = static_cast<unsigned char>(target[i]);
    if (w != t) return w < t ? -1 : 1;
  }
}

}  // namespace

bool contains(const StopwordList& list, std::string_view folded_word) {
  const std::string_view words = list.words;
  // The last block whose first word is <= folded_word (binary search), ...
  std::size_t lo = 0;
  std::size_t hi = list.blocks.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const int c = compare_word_at(words, list.blocks[mid], folded_word);
    if (c == 0) return true;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return false;
  // ... then the rest of its words in order (its first word is < folded_word).
  const std::size_t block_end = lo < list.blocks.size() ? list.blocks[lo] : words.size();
  for (std::size_t start = words.find('\n', list.blocks[lo - 1]) + 1; start < block_end;
       start = words.find('\n', start) + 1) {
    const int c = compare_word_at(words, start, folded_word);
    if (c == 0) return true;
    if (c > 0) return false;
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
