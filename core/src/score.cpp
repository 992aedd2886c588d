#include "score.hpp"

#include <cmath>

namespace precis {
namespace {

// Fragments (under 6 words) and run-ons (over 60) are less likely to be
// what an editor keeps (shown in the result's parts; the model sees words).
double length_prior(double words) {
  if (words < 6) return words / 6;
  if (words > 60) return 60 / words;
  return 1;
}

}  // namespace

Scores score_sentences(std::string_view text, const std::vector<SentenceSpan>& sentences, const Terms& terms,
                       const ScoringContext& context, const SentenceModel& model) {
  using F = SentenceFeature;
  Scores scores;
  scores.features = sentence_features(text, sentences, terms, context);
  const std::size_t n = scores.features.size();
  scores.parts.resize(n);
  scores.total.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const SentenceFeatures& f = scores.features[i];
    scores.parts[i] = {f[F::Centrality], 1 / std::sqrt(1 + f[F::Position]), f[F::Title], f[F::Salience],
                       length_prior(f[F::Words])};
    scores.total[i] = model(f);
  }
  return scores;
}

}  // namespace precis
