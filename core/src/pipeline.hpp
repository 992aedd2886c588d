// The pipeline with the models as parameters and the sentence features it saw
// as an output: what bench/quality/train.mjs needs to fit and cross-validate
// the sentence model on exactly the core's features (and bench/cleaning/
// weights.mjs to choose how doubtful body counts). precis::summarize() is
// this with the fitted models.
#pragma once

#include <string_view>
#include <vector>

#include "block_model.hpp"
#include "precis/precis.hpp"
#include "sentence_features.hpp"
#include "sentence_model.hpp"

namespace precis {

// `features`, when given, receives one entry per body sentence (Result::sentences).
[[nodiscard]] Outcome summarize_with(std::string_view text, const Options& options, const SentenceModel& model,
                                     std::vector<SentenceFeatures>* features,
                                     const CleaningModels& cleaning = kCleaningModels);

}  // namespace precis
