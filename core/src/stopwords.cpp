#include "stopwords.hpp"

#include <algorithm>
#include <iterator>
#include <cstdint>
#include <cstring>
#include <vector>

namespace precis {
namespace {
#include "stopword_lists.inc"
}  // namespace

std::span<const StopwordList> stopword_lists() { return kStopwordLists; }

const StopwordList* stopwords_for(std::string_view language) {
  // Asked ~1,000 times per article (language votes, per-block checks): the
  // codes are two or three bytes, compared inline rather than through memcmp.
  for (const StopwordList& list : kStopwordLists) {
    const std::string_view code = list.language;
    if (code.size() != language.size()) continue;
    std::size_t i = 0;
    while (i < code.size() && code[i] == language[i]) ++i;
    if (i == code.size()) return &list;
  }
  return nullptr;
}

namespace {

static_assert(std::size(kStopwordLists) <= 32, "lists_containing() has one bit per list");

// Every word of every list -> the lists that hold it. Built once, on first use
// (about 10,000 words), as one open-addressing table of views into the packed
// sorted strings the lists stay in: no allocation per word, and a lookup is a
// short hash and usually one comparison.
class WordIndex {
 public:
  WordIndex() {
    std::size_t total = 0;
    for (const StopwordList& list : kStopwordLists) total += std::count(list.words.begin(), list.words.end(), '\n');
    std::size_t size = 1;
    while (size < 2 * total + 2) size *= 2;
    words_.resize(size);
    bits_.assign(size, 0);
    for (const StopwordList& list : kStopwordLists) {
      const std::uint32_t bit = list_bit(&list);
      for (std::size_t start = 0; start < list.words.size();) {
        const std::size_t end = list.words.find('\n', start);
        const std::string_view word = list.words.substr(start, end - start);
        const std::size_t slot = find(word);
        words_[slot] = word;
        bits_[slot] |= bit;
        start = end + 1;
      }
    }
  }

  [[nodiscard]] std::uint32_t lists(std::string_view word) const { return bits_[find(word)]; }

 private:
  // Asked for every word of every text (language votes, terms, cleaning), so
  // a word is read a few bytes at a time: its first and last 8 (or 4) bytes
  // and its length. Words that share those only cost a longer probe; where
  // a word lands never changes which lists hold it.
  static std::uint64_t hash(std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    std::uint64_t a = 0, b = 0;
    if (n >= 8) {
      a = load<std::uint64_t>(p);
      b = load<std::uint64_t>(p + n - 8);
    } else if (n >= 4) {
      a = load<std::uint32_t>(p);
      b = load<std::uint32_t>(p + n - 4);
    } else if (n > 0) {
      a = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) | static_cast<unsigned char>(p[n - 1]);
    }
    std::uint64_t h = (a ^ (n * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 31) ^ b) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
  }
  template <class T>
  static std::uint64_t load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  // The word's slot, or the empty slot where it would go (bits 0: every list
  // has a bit, so a used slot never has 0).
  [[nodiscard]] std::size_t find(std::string_view word) const {
    const std::size_t mask = bits_.size() - 1;
    std::size_t i = static_cast<std::size_t>(hash(word)) & mask;
    while (bits_[i] != 0 && words_[i] != word) i = (i + 1) & mask;
    return i;
  }

  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> bits_;
};

const WordIndex& word_index() {
  static const WordIndex index;
  return index;
}

bool binary_search(const StopwordList& list, std::string_view folded_word) {
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

}  // namespace

std::uint32_t list_bit(const StopwordList* list) {
  if (list < std::begin(kStopwordLists) || list >= std::end(kStopwordLists)) return 0;
  return std::uint32_t{1} << (list - std::begin(kStopwordLists));
}

std::uint32_t lists_containing(std::string_view folded_word) {
  return word_index().lists(folded_word);
}

bool contains(const StopwordList& list, std::string_view folded_word) {
  const std::uint32_t bit = list_bit(&list);
  return bit != 0 ? (lists_containing(folded_word) & bit) != 0 : binary_search(list, folded_word);
}

StopwordSet::StopwordSet(std::string_view language)
    : primary_(list_bit(stopwords_for(language))), ascii_fallback_(language == "en" ? 0 : list_bit(stopwords_for("en"))) {}

bool StopwordSet::contains(std::string_view folded_word) const {
  if ((primary_ | ascii_fallback_) == 0) return false;
  return contains(folded_word, lists_containing(folded_word));
}

bool StopwordSet::contains(std::string_view folded_word, std::uint32_t in) const {
  if ((in & primary_) != 0) return true;
  if ((in & ascii_fallback_) == 0) return false;
  return std::all_of(folded_word.begin(), folded_word.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace precis
