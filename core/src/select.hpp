// Stage 5: choose sentences under a budget, without repeating oneself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "unicode.hpp"

namespace precis {

struct SelectionInput {
  const std::vector<double>* scores;        // per sentence
  const Terms* terms;                       // vectors and word counts
  const std::vector<std::size_t>* lengths;  // UTF-16 length per sentence
};

struct Selection {
  std::vector<std::size_t> chosen;  // indices in document order
  // The budget (words or characters) is smaller than the best sentence and
  // than each of the next best: `chosen` is the best one alone, to be shown
  // shortened (compress.hpp).
  bool shorten = false;
};

// Greedy selection in score order (ties: earlier sentence first). A
// candidate whose cosine to an already chosen sentence is >= `redundancy` is
// skipped (an MMR-style redundancy cut, checked through an inverted index of
// the chosen sentences, so cost stays near-linear); skipped ones fill in only
// if a count budget is not met otherwise. Words/Characters budgets take
// candidates that still fit, once the best sentence or one of the next two
// best fits (otherwise see Selection::shorten), from the top of the ranking
// only: a candidate more than three ranks below the sentences taken so far,
// or a fragment of under six words, does not fill the rest.
[[nodiscard]] Selection select_sentences(const SelectionInput& input, const Budget& budget, double redundancy);

// The share of the body a summary under `budget` may take, in [0, 1]:
// sentences / body sentences, the ratio itself, words / body words, or
// characters / body characters; `parts` summaries of that size (one per
// section) count together. `lengths` are UTF-16 lengths per sentence.
[[nodiscard]] double budget_share(const Budget& budget, const Terms& terms, const std::vector<std::size_t>& lengths,
                                  std::size_t parts = 1);

// Sentence indices ordered best first, ties by position.
[[nodiscard]] std::vector<std::size_t> rank_by_score(const std::vector<double>& scores);

}  // namespace precis
