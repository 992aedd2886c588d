// Stage 4a: what the sentence scorer sees — one feature vector per body
// sentence, computed from the sentences, their terms and the text itself.
//
// Features, model and decision are three pieces (DESIGN.md, "Fitted
// numbers"): this file computes the features, `sentence_model.hpp` holds the
// fitted weights (written by bench/quality/train.mjs) and the function that
// applies them, and score.cpp ranks by the model's output.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace precis {

// Every feature is a plain number. The model is a set of decision trees, so
// a feature's scale does not matter, only its order; the enum's order is the
// model's feature index, the names are what bench/quality/train.mjs prints.
enum class SentenceFeature : std::size_t {
  Position,             // index among the body sentences (0 = first)
  RelativePosition,     // index / (n - 1)
  Words,                // words (CJK: characters)
  RelativeLength,       // words / mean words of the document's sentences
  ContentRatio,         // content terms / words
  Centrality,           // similarity to every other sentence, rescaled to [0, 1]
  Forward,              // similarity to later sentences (PacSum's direction), rescaled
  Backward,             // similarity to earlier sentences, rescaled
  Salience,             // recurring content words (Luhn / OTS), rescaled
  Title,                // cosine to the title (0 without one)
  LeadSimilarity,       // cosine to the first sentence (0 for the first)
  Number,               // has a digit
  Quote,                // has a quotation mark
  QuoteStart,           // starts with a quotation mark
  Question,             // ends with a question or exclamation mark
  Capitalized,          // share of words after the first that start in upper case
  ColonEnd,             // ends with a colon (introduces a list or a quote)
  LeadCentrality,       // the first sentence's centrality: how much the lead says
  BudgetShare,          // the share of the body the summary may take (a gist or an abridgement)
  Count
};

inline constexpr std::size_t kSentenceFeatureCount = static_cast<std::size_t>(SentenceFeature::Count);

inline constexpr std::array<std::string_view, kSentenceFeatureCount> kSentenceFeatureNames = {
    "position",    "relativePosition", "words",    "relativeLength", "contentRatio", "centrality",
    "forward",     "backward",         "salience", "title",          "leadSimilarity", "number",
    "quote",       "quoteStart",       "question", "capitalized",    "colonEnd",       "leadCentrality",
    "budgetShare"};

struct SentenceFeatures {
  std::array<double, kSentenceFeatureCount> values{};
  [[nodiscard]] double operator[](SentenceFeature f) const { return values[static_cast<std::size_t>(f)]; }
  double& operator[](SentenceFeature f) { return values[static_cast<std::size_t>(f)]; }
};

// What the features need besides the sentences: whether terms.title_vector
// is the document's title, and the share of the body the request asks for
// (select.hpp: budget_share) — a three-sentence gist of a long story is
// chosen differently from an abridgement to 40% of it.
struct ScoringContext {
  bool has_title = false;
  double budget_share = 0;
  // Per sentence, whether its block is doubtful body (kept, but cleaning
  // thinks it more likely noise than not): left out of positions and of the
  // lead. Empty: none is.
  const std::vector<bool>* doubtful = nullptr;
};

// The features of every sentence. `text` is the input the spans index.
[[nodiscard]] std::vector<SentenceFeatures> sentence_features(std::string_view text,
                                                              const std::vector<SentenceSpan>& sentences,
                                                              const Terms& terms, const ScoringContext& context);

}  // namespace precis
