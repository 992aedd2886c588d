#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <string>

#include "score.hpp"
#include "sentence_features.hpp"
#include "terms.hpp"

using namespace precis;
using F = SentenceFeature;

namespace {

// Sentences given directly as term ids (each weight 1 before normalizing),
// each located in a text of "x" characters so the surface features are 0.
struct Fixture {
  std::string text;
  std::vector<SentenceSpan> sentences;
  Terms terms;
};

Fixture make(const std::vector<std::vector<std::uint32_t>>& ids, std::size_t vocabulary) {
  Fixture f;
  f.terms.vocabulary.resize(vocabulary);
  f.terms.occurrences.assign(vocabulary, 0);
  f.terms.sentence_frequency.assign(vocabulary, 0);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const auto& s = ids[k];
    std::vector<TermWeight> v;
    for (std::uint32_t id : s) {
      v.push_back({id, static_cast<float>(1 / std::sqrt(static_cast<double>(s.size())))});
      f.terms.occurrences[id] += 1;
      f.terms.sentence_frequency[id] += 1;
    }
    f.terms.vectors.push_back(v);
    f.terms.words.push_back(10);
    f.terms.tokens.emplace_back();
    const std::size_t start = f.text.size();
    f.text += "xxxxxxxxxx ";
    f.sentences.push_back({start, start + 10, k, k});
  }
  return f;
}

// Brute-force directed similarity, rescaled to [0, 1] like the features.
std::vector<double> brute(const Terms& t, bool later) {
  std::vector<double> c(t.vectors.size(), 0);
  for (std::size_t i = 0; i < c.size(); ++i) {
    for (std::size_t j = 0; j < c.size(); ++j) {
      if (i != j && (j > i) == later) c[i] += cosine(t.vectors[i], t.vectors[j]);
    }
  }
  const auto [lo, hi] = std::minmax_element(c.begin(), c.end());
  const double low = *lo, range = *hi - *lo;
  for (double& x : c) x = range > 0 ? (x - low) / range : 0;
  return c;
}

}  // namespace

TEST_CASE("linear-time similarity sums equal the pairwise definitions") {
  const Fixture f = make({{0, 1, 2}, {1, 2, 3}, {4, 5}, {0, 2, 5}, {1, 3, 4, 5}, {6}}, 7);
  const auto x = sentence_features(f.text, f.sentences, f.terms, {false, 0.5});
  const auto forward = brute(f.terms, true), backward = brute(f.terms, false);
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i][F::Forward] == Approx(forward[i]).margin(1e-6));
    CHECK(x[i][F::Backward] == Approx(backward[i]).margin(1e-6));
    CHECK(x[i][F::Centrality] >= 0);
    CHECK(x[i][F::Centrality] <= 1);
  }
}

TEST_CASE("position features") {
  const Fixture f = make({{0}, {1}, {2}, {3}, {4}, {5}}, 6);
  const auto x = sentence_features(f.text, f.sentences, f.terms, {false, 0.5});
  CHECK(x[0][F::Position] == 0);
  CHECK(x[5][F::Position] == 5);
  CHECK(x[0][F::RelativePosition] == 0);
  CHECK(x[5][F::RelativePosition] == 1);
  CHECK(x[2][F::RelativeLength] == Approx(1.0));  // every sentence has 10 words
  for (const auto& s : x) CHECK(s[F::LeadCentrality] == x[0][F::Centrality]);
}

TEST_CASE("title and lead similarity") {
  Fixture f = make({{0, 1}, {2, 3}, {0, 1}}, 4);
  f.terms.title_vector = {{2, 0.70710678f}, {3, 0.70710678f}};
  const auto x = sentence_features(f.text, f.sentences, f.terms, {true, 0.5});
  CHECK(x[1][F::Title] == Approx(1.0));
  CHECK(x[0][F::Title] == 0);
  CHECK(x[0][F::LeadSimilarity] == 0);  // the lead itself
  CHECK(x[2][F::LeadSimilarity] == Approx(1.0));
  const auto untitled = sentence_features(f.text, f.sentences, f.terms, {false, 0.5});
  CHECK(untitled[1][F::Title] == 0);
}

TEST_CASE("surface features read the sentence's own characters") {
  unicode::Breaker breaker;
  const std::string text =
      "\"We will win,\" she said in 2024. Why would anyone leave? The plan has three parts: "
      "Maria Lopez met John Smith in Paris today.";
  std::vector<SentenceSpan> sentences;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find_first_of(".?:", start);
    end = end == std::string::npos ? text.size() : end + 1;
    sentences.push_back({start, end, 0, 0});
    start = end + (end < text.size() ? 1 : 0);
  }
  const Terms terms = extract_terms(text, sentences, std::nullopt, "en", breaker);
  const auto x = sentence_features(text, sentences, terms, {false, 0.5});
  REQUIRE(x.size() == 4);
  CHECK(x[0][F::Quote] == 1);
  CHECK(x[0][F::QuoteStart] == 1);
  CHECK(x[0][F::Number] == 1);
  CHECK(x[1][F::Question] == 1);
  CHECK(x[1][F::Quote] == 0);
  CHECK(x[2][F::ColonEnd] == 1);
  CHECK(x[3][F::Capitalized] > 0.4);  // Lopez, John, Smith, Paris among 8 words
  CHECK(x[1][F::Capitalized] == 0);
}

TEST_CASE("the score is the model's output: trees decide the ranking") {
  const Fixture f = make({{0}, {1}, {2}, {3}}, 4);
  // One tree: a sentence at position >= 2 gets +1, earlier ones -1 (the
  // splits below the first always go left).
  static constexpr std::array<std::uint8_t, kTreeSplits> features{};
  std::array<float, kTreeSplits> thresholds;
  thresholds.fill(kAlways);
  thresholds[0] = 2.0f;
  static_assert(static_cast<std::size_t>(F::Position) == 0);
  std::array<float, kTreeSplits + 1> leaves;
  leaves.fill(0.0f);
  leaves[0] = -1.0f;                          // the leftmost leaf under the left child
  leaves[(kTreeSplits + 1) / 2] = 1.0f;       // the leftmost leaf under the right child
  const SentenceModel late{0.0f, features, thresholds, leaves};
  const Scores s = score_sentences(f.text, f.sentences, f.terms, {false, 0.5}, late);
  CHECK(s.total[0] == Approx(0.25));  // squash(-1) = 0.5 - 0.5 / 2
  CHECK(s.total[3] == Approx(0.75));
  CHECK(s.total[2] > s.total[1]);
  for (const ScoreParts& p : s.parts) {
    for (double v : {p.centrality, p.position, p.title, p.salience, p.length}) {
      CHECK(v >= 0);
      CHECK(v <= 1);
    }
  }
  CHECK(s.parts[1].position < s.parts[0].position);
}

TEST_CASE("the fitted model prefers the lead of a news story to a quote in its middle") {
  const std::string story =
      "Officials in the city of Springfield approved a plan on Monday to replace every lead water pipe within "
      "five years, at a cost of $200 million.\n\n"
      "The plan follows tests last year that found lead above federal limits in one in ten homes.\n\n"
      "\"I'm glad,\" said one resident.\n\n"
      "Work on the first pipes will begin in the spring, the water department said.\n\n"
      "The city will pay for the work with a bond and federal grants.";
  Options o;
  o.budget = {BudgetUnit::Sentences, 1};
  const Outcome out = summarize(story, o);
  REQUIRE_FALSE(out.error);
  REQUIRE(out.result.sentences.size() == 5);
  CHECK(out.result.sentences[0].selected);
  CHECK(out.result.sentences[0].score > out.result.sentences[2].score);
}
