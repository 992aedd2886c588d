#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "score.hpp"
#include "terms.hpp"

using namespace precis;

namespace {

// Sentences given directly as term ids (each weight 1 before normalizing).
Terms make_terms(const std::vector<std::vector<std::uint32_t>>& sentences, std::size_t vocabulary) {
  Terms t;
  t.vocabulary.resize(vocabulary);
  t.occurrences.assign(vocabulary, 0);
  t.sentence_frequency.assign(vocabulary, 0);
  for (const auto& s : sentences) {
    std::vector<TermWeight> v;
    for (std::uint32_t id : s) {
      v.push_back({id, static_cast<float>(1 / std::sqrt(static_cast<double>(s.size())))});
      t.occurrences[id] += 1;
      t.sentence_frequency[id] += 1;
    }
    t.vectors.push_back(v);
    t.words.push_back(10);
    t.tokens.emplace_back();
  }
  return t;
}

// Brute-force directed centrality, to check the linear-time version.
std::vector<double> brute_centrality(const Terms& t, double backward) {
  std::vector<double> c(t.vectors.size(), 0);
  for (std::size_t i = 0; i < c.size(); ++i) {
    for (std::size_t j = 0; j < c.size(); ++j) {
      if (i == j) continue;
      c[i] += (j > i ? 1.0 : backward) * cosine(t.vectors[i], t.vectors[j]);
    }
  }
  const auto [lo, hi] = std::minmax_element(c.begin(), c.end());
  const double low = *lo, range = *hi - *lo;
  for (double& x : c) x = range > 0 ? (x - low) / range : 0;
  return c;
}

}  // namespace

TEST_CASE("linear-time centrality equals the pairwise definition") {
  const Terms t = make_terms({{0, 1, 2}, {1, 2, 3}, {4, 5}, {0, 2, 5}, {1, 3, 4, 5}, {6}}, 7);
  const ScoreWeights w;
  const Scores s = score_sentences(t, false, w);
  const auto expected = brute_centrality(t, w.backward);
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(s.parts[i].centrality == Approx(expected[i]).margin(1e-6));
}

TEST_CASE("parts are in [0, 1] and the lead prior decreases") {
  const Terms t = make_terms({{0, 1}, {1, 2}, {2, 3}, {3, 0}}, 4);
  const Scores s = score_sentences(t, false, ScoreWeights{});
  for (std::size_t i = 0; i < s.parts.size(); ++i) {
    const ScoreParts& p = s.parts[i];
    for (double x : {p.centrality, p.position, p.title, p.salience, p.length}) {
      CHECK(x >= 0);
      CHECK(x <= 1);
    }
    if (i > 0) CHECK(p.position < s.parts[i - 1].position);
  }
}

TEST_CASE("a sentence sharing the title's terms gets the title part") {
  Terms t = make_terms({{0, 1}, {2, 3}, {4, 5}}, 6);
  t.title_vector = {{2, 0.70710678f}, {3, 0.70710678f}};
  const Scores s = score_sentences(t, true, ScoreWeights{});
  CHECK(s.parts[1].title == Approx(1.0));
  CHECK(s.parts[0].title == 0);
  CHECK(s.parts[2].title == 0);
}

TEST_CASE("fragments are penalized by the length prior") {
  Terms t = make_terms({{0, 1}, {0, 1}}, 2);
  t.words = {2, 12};
  const Scores s = score_sentences(t, false, ScoreWeights{});
  CHECK(s.parts[0].length == Approx(2.0 / 6));
  CHECK(s.parts[1].length == 1);
}
