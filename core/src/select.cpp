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
// Under a size budget too small for the best sentence, a whole sentence is
// taken only from this many best ones.
constexpr std::size_t kFitRanks = 3;
// Nor does a sentence of fewer words ("Duncan said.") fill what is left.
constexpr std::size_t kMinFillWords = 6;

std::size_t count_target(const Budget& budget, std::size_t n) {
  if (budget.unit == BudgetUnit::Sentences) return std::min(n, static_cast<std::size_t>(std::llround(budget.value)));
  if (budget.unit == BudgetUnit::Ratio) {
    const auto k = static_cast<std::size_t>(std::llround(budget.value * static_cast<double>(n)));
    return std::clamp<std::size_t>(k, 1, n);
  }
  return n;
}

}  // namespace

double budget_share(const Budget& budget, const Terms& terms, const std::vector<std::size_t>& lengths,
                    std::size_t parts) {
  const std::size_t n = terms.words.size();
  if (n == 0) return 0;
  double whole = static_cast<double>(n);
  if (budget.unit == BudgetUnit::Ratio) return std::min(1.0, budget.value);
  if (budget.unit == BudgetUnit::Words) whole = static_cast<double>(std::accumulate(terms.words.begin(), terms.words.end(), std::size_t{0}));
  if (budget.unit == BudgetUnit::Characters) whole = static_cast<double>(std::accumulate(lengths.begin(), lengths.end(), std::size_t{0}));
  return whole > 0 ? std::min(1.0, budget.value * static_cast<double>(parts) / whole) : 1.0;
}

std::vector<std::size_t> rank_by_score(const std::vector<double>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

Selection select_sentences(const SelectionInput& input, const Budget& budget, double redundancy) {
  const std::vector<double>& scores = *input.scores;
  const Terms& terms = *input.terms;
  const std::size_t n = scores.size();
  const std::size_t target = count_target(budget, n);
  const bool by_size = budget.unit == BudgetUnit::Words || budget.unit == BudgetUnit::Characters;
  const double capacity = by_size ? budget.value : 0;

  const std::vector<std::size_t> ranked = rank_by_score(scores);
  auto cost_of = [&](std::size_t i, bool first) {
    return budget.unit == BudgetUnit::Words ? static_cast<double>(terms.words[i])
                                            : static_cast<double>((*input.lengths)[i] + (first ? 0 : 1));
  };
  // A size budget too small for the best sentence: one of the next best that
  // fits whole, or else the best one shortened — never a weak sentence only
  // because it is short.
  if (by_size && !ranked.empty() && cost_of(ranked.front(), true) > capacity) {
    const std::size_t look = std::min(ranked.size(), kFitRanks);
    if (std::none_of(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(look),
                     [&](std::size_t i) { return cost_of(i, true) <= capacity; })) {
      return {{ranked.front()}, true};
    }
  }

  std::vector<std::size_t> chosen, skipped;
  ChosenIndex index(terms.vocabulary.size());
  double used = 0;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const std::size_t i = ranked[rank];
    if (chosen.size() >= target) break;
    if (by_size) {
      // What is left of a size budget goes to sentences near the top of the
      // ranking, not to a fragment far down it only because it is short.
      if (rank >= chosen.size() + kFitRanks) break;
      if (terms.words[i] < kMinFillWords && !chosen.empty()) continue;
      const double cost = cost_of(i, chosen.empty());
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
  return {chosen, false};
}

}  // namespace precis
