#include <catch2/catch.hpp>

#include "select.hpp"

using namespace precis;

namespace {

Terms distinct_terms(std::size_t n) {
  Terms t;
  t.vocabulary.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    t.vectors.push_back({{i, 1.0f}});
    t.words.push_back(10);
  }
  return t;
}

}  // namespace

TEST_CASE("the top N by score come back in document order") {
  const Terms t = distinct_terms(5);
  const std::vector<double> scores{0.1, 0.9, 0.3, 0.8, 0.5};
  const std::vector<std::size_t> lengths(5, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 3}, 0.6).chosen ==
        std::vector<std::size_t>{1, 3, 4});
}

TEST_CASE("ties go to the earlier sentence") {
  const Terms t = distinct_terms(4);
  const std::vector<double> scores{0.5, 0.5, 0.5, 0.5};
  const std::vector<std::size_t> lengths(4, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 0.6).chosen == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a near-duplicate of a chosen sentence is skipped while others remain") {
  Terms t = distinct_terms(3);
  t.vectors[1] = t.vectors[0];  // sentence 1 repeats sentence 0
  const std::vector<double> scores{0.9, 0.8, 0.1};
  const std::vector<std::size_t> lengths(3, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 0.6).chosen == std::vector<std::size_t>{0, 2});
  // With the check off, the duplicate is taken.
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 1.0).chosen == std::vector<std::size_t>{0, 1});
}

TEST_CASE("ratio, words and characters budgets") {
  const Terms t = distinct_terms(10);
  std::vector<double> scores;
  for (int i = 0; i < 10; ++i) scores.push_back(1.0 - i * 0.05);
  const std::vector<std::size_t> lengths(10, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Ratio, 0.3}, 0.6).chosen.size() == 3);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Ratio, 0.01}, 0.6).chosen.size() == 1);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Words, 25}, 0.6).chosen == std::vector<std::size_t>{0, 1});
  // 50 + 1 + 50 = 101 > 100: only one fits.
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 100}, 0.6).chosen == std::vector<std::size_t>{0});
  // Nothing fits whole: the best sentence, to be shortened.
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 10}, 0.6).shorten);
}

TEST_CASE("a size budget smaller than the best sentence takes a near-best one that fits, or shortens the best") {
  const Terms t = distinct_terms(6);
  const std::vector<double> scores{0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
  // The best sentence is 200 characters; the third best fits 120.
  std::vector<std::size_t> lengths{200, 150, 100, 60, 40, 30};
  Selection s = select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 120}, 0.6);
  CHECK_FALSE(s.shorten);
  CHECK(s.chosen == std::vector<std::size_t>{2});
  // Only sentences far down the ranking fit: the best one, to be shortened.
  lengths = {200, 150, 130, 60, 40, 30};
  s = select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 120}, 0.6);
  CHECK(s.shorten);
  CHECK(s.chosen == std::vector<std::size_t>{0});
  // The same with words.
  Terms w = distinct_terms(4);
  w.words = {40, 35, 30, 5};
  const std::vector<double> four{0.9, 0.8, 0.7, 0.6};
  const std::vector<std::size_t> any(4, 50);
  s = select_sentences({&four, &w, &any}, {BudgetUnit::Words, 20}, 0.6);
  CHECK(s.shorten);
  CHECK(s.chosen == std::vector<std::size_t>{0});
}
