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
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 3}, 0.6) ==
        std::vector<std::size_t>{1, 3, 4});
}

TEST_CASE("ties go to the earlier sentence") {
  const Terms t = distinct_terms(4);
  const std::vector<double> scores{0.5, 0.5, 0.5, 0.5};
  const std::vector<std::size_t> lengths(4, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 0.6) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a near-duplicate of a chosen sentence is skipped while others remain") {
  Terms t = distinct_terms(3);
  t.vectors[1] = t.vectors[0];  // sentence 1 repeats sentence 0
  const std::vector<double> scores{0.9, 0.8, 0.1};
  const std::vector<std::size_t> lengths(3, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 0.6) == std::vector<std::size_t>{0, 2});
  // With the check off, the duplicate is taken.
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Sentences, 2}, 1.0) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("ratio, words and characters budgets") {
  const Terms t = distinct_terms(10);
  std::vector<double> scores;
  for (int i = 0; i < 10; ++i) scores.push_back(1.0 - i * 0.05);
  const std::vector<std::size_t> lengths(10, 50);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Ratio, 0.3}, 0.6).size() == 3);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Ratio, 0.01}, 0.6).size() == 1);
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Words, 25}, 0.6) == std::vector<std::size_t>{0, 1});
  // 50 + 1 + 50 = 101 > 100: only one fits.
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 100}, 0.6) == std::vector<std::size_t>{0});
  CHECK(select_sentences({&scores, &t, &lengths}, {BudgetUnit::Characters, 10}, 0.6).empty());
}

TEST_CASE("headlines are cut only at word ends and marked with an ellipsis") {
  unicode::Breaker breaker;
  const std::string s = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.";
  CHECK(cut_headline(s, 0, 0, breaker).empty() == false);
  CHECK(cut_headline(s, 5, 0, breaker) == "Quarterly profits at US media\xE2\x80\xA6");
  CHECK(cut_headline(s, 0, 20, breaker) == "Quarterly profits\xE2\x80\xA6");
  CHECK(cut_headline(s, 50, 0, breaker) == s);
  CHECK(cut_headline(s, 0, 5, breaker).empty());  // "Quarterly" does not fit
  CHECK(cut_headline("中国经济增长很快。", 3, 0, breaker) == "中国经\xE2\x80\xA6");
}
