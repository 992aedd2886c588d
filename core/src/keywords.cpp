#include "keywords.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "text_scan.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

constexpr std::size_t kMaxPhraseTerms = 3;

// Up to kMaxPhraseTerms term ids, inline: phrases are counted for every
// position of every sentence, so they must not allocate.
struct Terms3 {
  std::array<std::uint32_t, kMaxPhraseTerms> ids{};
  std::size_t n = 0;
  [[nodiscard]] std::size_t size() const { return n; }
  [[nodiscard]] const std::uint32_t* begin() const { return ids.data(); }
  [[nodiscard]] const std::uint32_t* end() const { return ids.data() + n; }
  std::uint32_t operator[](std::size_t k) const { return ids[k]; }
  void push_back(std::uint32_t id) { ids[n++] = id; }
  bool operator==(const Terms3& o) const { return n == o.n && std::equal(begin(), end(), o.begin()); }
};

// Phrase index by terms: open addressing over indices into `phrases`.
class PhraseIndex {
 public:
  // The slot for `key`: its phrase index, or kEmpty.
  template <class Phrases>
  std::size_t& find(const Terms3& key, const Phrases& phrases) {
    if (2 * (used_ + 1) > slots_.size()) grow(phrases);
    std::size_t i = hash(key) & (slots_.size() - 1);
    while (slots_[i] != kEmpty && !(phrases[slots_[i]].terms == key)) i = (i + 1) & (slots_.size() - 1);
    return slots_[i];
  }
  void added() { ++used_; }
  static constexpr std::size_t kEmpty = ~std::size_t{0};

 private:
  static std::size_t hash(const Terms3& key) {
    std::uint64_t h = key.n;
    for (std::uint32_t id : key) h = (h ^ id) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  template <class Phrases>
  void grow(const Phrases& phrases) {
    std::vector<std::size_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, kEmpty);
    for (std::size_t p : old) {
      if (p == kEmpty) continue;
      std::size_t i = hash(phrases[p].terms) & (slots_.size() - 1);
      while (slots_[i] != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = p;
    }
  }
  std::vector<std::size_t> slots_;
  std::size_t used_ = 0;
};

struct Phrase {
  Terms3 terms;
  std::size_t count = 0;
  std::size_t first = 0;  // order of first appearance
  std::uint32_t byte_start = 0, byte_end = 0;
  double score = 0;
};

// Adjacent in a phrase: overlapping (CJK bigrams) or separated by spaces only.
bool adjacent(std::string_view text, const Token& a, const Token& b) {
  if (b.byte_start <= a.byte_end) return true;
  return scan::skip_space(text, a.byte_end, b.byte_start) == b.byte_start;
}

// "profit" / "profits", "tax" / "taxes": plural-style variants of one word
// make one keyword, not two (the better-scored one is kept).
bool variants(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() < 3 || !b.starts_with(a)) return a == b;
  const std::string_view tail = b.substr(a.size());
  return tail == "s" || tail == "es";
}

}  // namespace

std::vector<Keyword> extract_keywords(std::string_view text, const Terms& terms, std::size_t limit) {
  if (limit == 0) return {};
  const std::size_t vocabulary = terms.vocabulary.size();
  std::vector<double> weight(vocabulary, 0);
  std::vector<bool> seen(vocabulary, false);
  for (std::size_t s = 0; s < terms.tokens.size(); ++s) {
    for (const Token& t : terms.tokens[s]) {
      if (t.term == kNoTerm || seen[t.term]) continue;
      seen[t.term] = true;
      weight[t.term] = terms.occurrences[t.term] * (1 + 1.0 / (1.0 + static_cast<double>(s)));
    }
  }
  for (const TermWeight& tw : terms.title_vector) {
    if (tw.term < vocabulary) weight[tw.term] *= 2;
  }

  PhraseIndex index;
  std::vector<Phrase> phrases;
  Terms3 key;
  for (const auto& tokens : terms.tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      key = Terms3{};
      for (std::size_t len = 1; len <= kMaxPhraseTerms && i + len <= tokens.size(); ++len) {
        const Token& last = tokens[i + len - 1];
        if (last.term == kNoTerm) break;
        if (len > 1 && !adjacent(text, tokens[i + len - 2], last)) break;
        key.push_back(last.term);
        std::size_t& slot = index.find(key, phrases);
        if (slot == PhraseIndex::kEmpty) {
          slot = phrases.size();
          index.added();
          Phrase p;
          p.terms = key;
          p.first = phrases.size();
          p.byte_start = tokens[i].byte_start;
          p.byte_end = last.byte_end;
          phrases.push_back(p);
        }
        ++phrases[slot].count;
      }
    }
  }

  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    Phrase& p = phrases[i];
    if (p.terms.size() > 1 && p.count < 2) continue;
    double mean = 0;
    for (std::uint32_t t : p.terms) mean += weight[t];
    mean /= static_cast<double>(p.terms.size());
    p.score = static_cast<double>(p.count) * mean * std::sqrt(static_cast<double>(p.terms.size()));
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return phrases[a].score > phrases[b].score; });

  std::vector<Keyword> keywords;
  std::vector<const Phrase*> taken;
  for (std::size_t i : order) {
    if (keywords.size() >= limit) break;
    const Phrase& p = phrases[i];
    const bool covered = std::any_of(taken.begin(), taken.end(), [&](const Phrase* q) {
      const bool inside = std::all_of(p.terms.begin(), p.terms.end(), [&](std::uint32_t t) {
        return std::find(q->terms.begin(), q->terms.end(), t) != q->terms.end();
      });
      if (inside || p.terms.size() != q->terms.size()) return inside;
      for (std::size_t k = 0; k < p.terms.size(); ++k) {
        if (!variants(terms.vocabulary[p.terms[k]], terms.vocabulary[q->terms[k]])) return false;
      }
      return true;
    });
    if (covered) continue;
    taken.push_back(&p);
    const double scale = phrases[order.front()].score;
    keywords.push_back({utf8::repaired(text.substr(p.byte_start, p.byte_end - p.byte_start)),
                        scale > 0 ? p.score / scale : 0, p.count});
  }
  return keywords;
}

}  // namespace precis
