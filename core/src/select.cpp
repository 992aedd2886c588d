#include "select.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "offsets.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// Cosine of a candidate against every chosen sentence that shares a term.
class ChosenIndex {
 public:
  explicit ChosenIndex(std::size_t vocabulary) : postings_(vocabulary) {}

  void add(const std::vector<TermWeight>& v) {
    const auto id = static_cast<std::uint32_t>(dots_.size());
    dots_.push_back(0);
    for (const TermWeight& tw : v) postings_[tw.term].push_back({id, tw.weight});
  }

  double max_similarity(const std::vector<TermWeight>& v) {
    touched_.clear();
    for (const TermWeight& tw : v) {
      for (const TermWeight& p : postings_[tw.term]) {
        if (dots_[p.term] == 0) touched_.push_back(p.term);
        dots_[p.term] += static_cast<double>(tw.weight) * p.weight;
      }
    }
    double best = 0;
    for (std::uint32_t id : touched_) {
      best = std::max(best, dots_[id]);
      dots_[id] = 0;
    }
    return best;
  }

 private:
  std::vector<std::vector<TermWeight>> postings_;  // term -> (chosen id, weight)
  std::vector<double> dots_;
  std::vector<std::uint32_t> touched_;
};

// Cosine at or above which two sentences say the same thing word for word.
constexpr double kDuplicate = 0.95;

std::size_t count_target(const Budget& budget, std::size_t n) {
  if (budget.unit == BudgetUnit::Sentences) return std::min(n, static_cast<std::size_t>(std::llround(budget.value)));
  if (budget.unit == BudgetUnit::Ratio) {
    const auto k = static_cast<std::size_t>(std::llround(budget.value * static_cast<double>(n)));
    return std::clamp<std::size_t>(k, 1, n);
  }
  return n;
}

}  // namespace

std::vector<std::size_t> rank_by_score(const std::vector<double>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

std::vector<std::size_t> select_sentences(const SelectionInput& input, const Budget& budget, double redundancy) {
  const std::vector<double>& scores = *input.scores;
  const Terms& terms = *input.terms;
  const std::size_t n = scores.size();
  const std::size_t target = count_target(budget, n);
  const bool by_size = budget.unit == BudgetUnit::Words || budget.unit == BudgetUnit::Characters;
  const double capacity = by_size ? budget.value : 0;

  std::vector<std::size_t> chosen, skipped;
  ChosenIndex index(terms.vocabulary.size());
  double used = 0;
  for (std::size_t i : rank_by_score(scores)) {
    if (chosen.size() >= target) break;
    if (by_size) {
      const double cost = budget.unit == BudgetUnit::Words
                              ? static_cast<double>(terms.words[i])
                              : static_cast<double>((*input.lengths)[i] + (chosen.empty() ? 0 : 1));
      if (used + cost > capacity) continue;
      if (redundancy < 1 && index.max_similarity(terms.vectors[i]) >= redundancy) continue;
      used += cost;
    } else if (redundancy < 1 && index.max_similarity(terms.vectors[i]) >= redundancy) {
      skipped.push_back(i);
      continue;
    }
    chosen.push_back(i);
    index.add(terms.vectors[i]);
  }
  // Too few distinct sentences for the budget: fill it with the best of the
  // skipped ones, but never with a (near-)copy of one already chosen.
  for (std::size_t k = 0; k < skipped.size() && chosen.size() < target; ++k) {
    if (index.max_similarity(terms.vectors[skipped[k]]) >= kDuplicate) continue;
    chosen.push_back(skipped[k]);
    index.add(terms.vectors[skipped[k]]);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

std::string cut_headline(std::string_view sentence, std::size_t max_words, std::size_t max_characters,
                         unicode::Breaker& breaker) {
  std::vector<unicode::WordPiece> pieces;
  breaker.words(sentence, 0, sentence.size(), pieces);
  // Places a cut may end: after each word, and after each character of a
  // CJK run (those scripts have no spaces between words).
  struct Cut {
    std::size_t end;
    std::size_t words;
  };
  std::vector<Cut> cuts;
  std::size_t words = 0;
  for (const unicode::WordPiece& p : pieces) {
    if (p.kind == unicode::WordKind::Other) continue;
    if (p.kind == unicode::WordKind::Ideographic) {
      for (std::size_t pos = p.start; pos < p.end;) {
        pos += utf8::decode(sentence, pos).length;
        cuts.push_back({pos, ++words});
      }
    } else {
      cuts.push_back({p.end, ++words});
    }
  }
  const Utf16Offsets offsets(sentence);
  const std::size_t units = offsets.utf16_size();
  const bool fits_whole = (max_words == 0 || words <= max_words) && (max_characters == 0 || units <= max_characters);
  if (fits_whole) return utf8::repaired(sentence);

  // The longest cut within both limits, leaving room for the ellipsis.
  for (std::size_t k = cuts.size(); k-- > 0;) {
    if (max_words != 0 && cuts[k].words > max_words) continue;
    if (max_characters != 0 && offsets.at(cuts[k].end) + 1 > max_characters) continue;
    return utf8::repaired(sentence.substr(0, cuts[k].end)) + "\xE2\x80\xA6";  // …
  }
  return {};
}

}  // namespace precis
