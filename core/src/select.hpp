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

// Greedy selection in score order (ties: earlier sentence first). A
// candidate whose cosine to an already chosen sentence is >= `redundancy` is
// skipped (an MMR-style redundancy cut, checked through an inverted index of
// the chosen sentences, so cost stays near-linear); skipped ones fill in only
// if a count budget is not met otherwise. Words/Characters budgets take every
// candidate that still fits. Returns indices in document order.
[[nodiscard]] std::vector<std::size_t> select_sentences(const SelectionInput& input, const Budget& budget,
                                                        double redundancy);

// Sentence indices ordered best first, ties by position.
[[nodiscard]] std::vector<std::size_t> rank_by_score(const std::vector<double>& scores);

// Cut `sentence` to at most `max_words` words and `max_characters` UTF-16
// units (0 = no limit), only at the end of a word; a cut text ends with "…"
// (which counts toward the characters). Returns an empty string when not even
// the first word fits.
[[nodiscard]] std::string cut_headline(std::string_view sentence, std::size_t max_words, std::size_t max_characters,
                                       unicode::Breaker& breaker);

}  // namespace precis
