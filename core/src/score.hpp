// Stage 4: score every body sentence; parts are kept for the result.
#pragma once

#include <vector>

#include "document.hpp"

namespace precis {

// The weights of the score's parts. Tuned on bbc-dev only (bench/quality);
// each part is in [0, 1] before weighting.
struct ScoreWeights {
  double centrality = 0.30;  // position-aware (PacSum-style) centrality
  double position = 0.30;    // lead prior 1 / sqrt(1 + i)
  double title = 0.15;       // cosine to the title, when there is one
  double salience = 0.25;    // Luhn / OTS: recurring content words
  // Directed centrality: similarity to later sentences counts fully, to
  // earlier ones with this weight (PacSum: sentences that repeat what came
  // before matter less).
  double backward = -0.2;
};

// Per sentence: the parts and the final score
//   length × Σ w·part / Σ w   (the title weight drops out when there is no title).
// Cost is linear in the number of term occurrences: centrality sums
// similarities through per-term running totals, never sentence pairs.
struct Scores {
  std::vector<ScoreParts> parts;
  std::vector<double> total;
};

[[nodiscard]] Scores score_sentences(const Terms& terms, bool has_title, const ScoreWeights& weights = {});

}  // namespace precis
