// Stage 4: score every body sentence; parts are kept for the result.
#pragma once

#include <string_view>
#include <vector>

#include "document.hpp"
#include "sentence_features.hpp"
#include "sentence_model.hpp"

namespace precis {

// Per sentence: its features, the parts shown in the result (a subset of the
// features) and the final score, the sentence model's output in (0, 1).
// Cost is linear in the number of term occurrences: similarities go through
// per-term running totals, never sentence pairs.
struct Scores {
  std::vector<SentenceFeatures> features;
  std::vector<ScoreParts> parts;
  std::vector<double> total;
};

[[nodiscard]] Scores score_sentences(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                     const Terms& terms, const ScoringContext& context,
                                     const SentenceModel& model = kSentenceModel);

}  // namespace precis
