#include "score.hpp"

#include <algorithm>
#include <cmath>

#include "terms.hpp"

namespace precis {
namespace {

// Σ_{j>i} cos(i, j) (forward) and Σ_{j<i} cos(i, j) (backward) for every i,
// in one pass each way over the sentences.
void directed_similarity(const Terms& terms, std::vector<double>& forward, std::vector<double>& backward) {
  const std::size_t n = terms.vectors.size();
  std::vector<double> running(terms.vocabulary.size(), 0.0);
  forward.assign(n, 0);
  backward.assign(n, 0);
  for (std::size_t k = n; k-- > 0;) {
    for (const TermWeight& tw : terms.vectors[k]) forward[k] += tw.weight * running[tw.term];
    for (const TermWeight& tw : terms.vectors[k]) running[tw.term] += tw.weight;
  }
  std::fill(running.begin(), running.end(), 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    for (const TermWeight& tw : terms.vectors[k]) backward[k] += tw.weight * running[tw.term];
    for (const TermWeight& tw : terms.vectors[k]) running[tw.term] += tw.weight;
  }
}

// Scale to [0, 1] by the range; all-equal values become 0.
void rescale(std::vector<double>& v) {
  if (v.empty()) return;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const double low = *lo, range = *hi - *lo;
  for (double& x : v) x = range > 0 ? (x - low) / range : 0;
}

// Fragments (under 6 words) and run-ons (over 60) are less likely to be
// what an editor keeps.
double length_prior(std::size_t words) {
  const double w = static_cast<double>(words);
  if (w < 6) return w / 6;
  if (w > 60) return 60 / w;
  return 1;
}

}  // namespace

Scores score_sentences(const Terms& terms, bool has_title, const ScoreWeights& weights) {
  const std::size_t n = terms.vectors.size();
  Scores scores;
  scores.parts.resize(n);
  scores.total.resize(n);
  if (n == 0) return scores;

  std::vector<double> forward, backward;
  directed_similarity(terms, forward, backward);
  std::vector<double> centrality(n), title(n), salience(n);
  for (std::size_t i = 0; i < n; ++i) {
    centrality[i] = forward[i] + weights.backward * backward[i];
    double recurring = 0;
    for (const TermWeight& tw : terms.vectors[i]) recurring += terms.occurrences[tw.term] - 1.0;
    salience[i] = recurring;
    if (has_title) title[i] = cosine(terms.vectors[i], terms.title_vector);
  }
  rescale(centrality);
  rescale(salience);
  rescale(title);

  const double weight_sum =
      weights.centrality + weights.position + weights.salience + (has_title ? weights.title : 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    ScoreParts& p = scores.parts[i];
    p.centrality = centrality[i];
    p.position = 1 / std::sqrt(1.0 + static_cast<double>(i));
    p.title = title[i];
    p.salience = salience[i];
    p.length = length_prior(terms.words[i]);
    const double mix = weights.centrality * p.centrality + weights.position * p.position +
                       weights.salience * p.salience + (has_title ? weights.title * p.title : 0.0);
    scores.total[i] = p.length * mix / weight_sum;
  }
  return scores;
}

}  // namespace precis
