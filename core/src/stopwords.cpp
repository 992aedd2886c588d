#include "stopwords.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

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

static_assert(std::size(kStopwordLists) <= 32, "lists_containing() has one bit per list");

std::uint32_t bit_of(const StopwordList* list) {
  if (list < std::begin(kStopwordLists) || list >= std::end(kStopwordLists)) return 0;
  return std::uint32_t{1} << (list - std::begin(kStopwordLists));
}

// Every word of every list -> the lists that hold it. Built once, on first use
// (about 10,000 words); the lists themselves stay the packed sorted strings.
const std::unordered_map<std::string_view, std::uint32_t>& word_index() {
  static const std::unordered_map<std::string_view, std::uint32_t> index = [] {
    std::unordered_map<std::string_view, std::uint32_t> out;
    std::size_t total = 0;
    for (const StopwordList& list : kStopwordLists) total += list.starts.size() - 1;
    out.reserve(total);
    for (const StopwordList& list : kStopwordLists) {
      const std::uint32_t bit = bit_of(&list);
      for (std::size_t i = 0; i + 1 < list.starts.size(); ++i) {
        out[list.words.substr(list.starts[i], list.starts[i + 1] - list.starts[i])] |= bit;
      }
    }
    return out;
  }();
  return index;
}

bool binary_search(const StopwordList& list, std::string_view folded_word) {
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

}  // namespace

std::uint32_t lists_containing(std::string_view folded_word) {
  const auto& index = word_index();
  const auto it = index.find(folded_word);
  return it == index.end() ? 0 : it->second;
}

bool contains(const StopwordList& list, std::string_view folded_word) {
  const std::uint32_t bit = bit_of(&list);
  return bit != 0 ? (lists_containing(folded_word) & bit) != 0 : binary_search(list, folded_word);
}

StopwordSet::StopwordSet(std::string_view language)
    : primary_(bit_of(stopwords_for(language))), ascii_fallback_(language == "en" ? 0 : bit_of(stopwords_for("en"))) {}

bool StopwordSet::contains(std::string_view folded_word) const {
  if ((primary_ | ascii_fallback_) == 0) return false;
  const std::uint32_t in = lists_containing(folded_word);
  if ((in & primary_) != 0) return true;
  if ((in & ascii_fallback_) == 0) return false;
  return std::all_of(folded_word.begin(), folded_word.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace precis
