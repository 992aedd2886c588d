// Stage 4: score every body sentence; parts are kept for the result.
#pragma once

#include <vector>

#include "document.hpp"

namespace precis {

// Per sentence: the parts and the final score
//   length × Σ w·part / Σ w   (the title weight drops out when there is no title).
// Cost is linear in the number of term occurrences: centrality sums
// similarities through per-term running totals, never sentence pairs.
struct Scores {
  std::vector<ScoreParts> parts;
  std::vector<double> total;
};

[[nodiscard]] Scores score_sentences(const Terms& terms, bool has_title, const ScoreWeights& weights);

}  // namespace precis
