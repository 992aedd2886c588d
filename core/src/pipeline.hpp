// The pipeline with the sentence model as a parameter and the features it saw
// as an output: what bench/quality/train.mjs needs to fit and cross-validate
// the model on exactly the core's features. precis::summarize() is this with
// the fitted model.
#pragma once

#include <string_view>
#include <vector>

#include "precis/precis.hpp"
#include "sentence_features.hpp"
#include "sentence_model.hpp"

namespace precis {

// `features`, when given, receives one entry per body sentence (Result::sentences).
[[nodiscard]] Outcome summarize_with(std::string_view text, const Options& options, const SentenceModel& model,
                                     std::vector<SentenceFeatures>* features);

}  // namespace precis
