#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "keywords.hpp"
#include "terms.hpp"

using namespace precis;

namespace {

std::vector<Keyword> keywords_of(const std::string& text, std::size_t limit, std::string_view language = "en",
                                 std::optional<Span> title = std::nullopt) {
  const Utf16Offsets offsets(text);
  const auto blocks = split_blocks(text, offsets);
  unicode::Breaker breaker;
  const auto sentences = segment_sentences(text, blocks, language, breaker);
  const Terms terms = extract_terms(text, sentences, title, language, breaker);
  return extract_keywords(text, terms, limit);
}

std::vector<std::string> texts(const std::vector<Keyword>& k) {
  std::vector<std::string> out;
  for (const auto& x : k) out.push_back(x.text);
  return out;
}

}  // namespace

TEST_CASE("repeated phrases outrank their words, which are then not repeated") {
  const auto k = keywords_of(
      "The central bank raised rates. Analysts said the central bank acted early. "
      "Rates will matter for the central bank next year.",
      3);
  REQUIRE_FALSE(k.empty());
  CHECK(k.front().text == "central bank");
  CHECK(k.front().count == 3);
  CHECK(k.front().score == 1.0);
  const auto t = texts(k);
  CHECK(std::find(t.begin(), t.end(), "central") == t.end());
  CHECK(std::find(t.begin(), t.end(), "bank") == t.end());
}

TEST_CASE("stopwords and punctuation break phrases; limit and order are respected") {
  const auto k = keywords_of("Oil prices, gas prices and coal prices rose. Oil prices fell later. Gas prices held.", 10);
  for (const auto& x : k) {
    CHECK(x.text.find(',') == std::string::npos);
    CHECK(x.text.find(" and ") == std::string::npos);
    CHECK(x.score <= 1.0);
  }
  for (std::size_t i = 1; i < k.size(); ++i) CHECK(k[i - 1].score >= k[i].score);
  CHECK(keywords_of("Oil prices rose. Oil prices fell.", 1).size() == 1);
  CHECK(keywords_of("Oil prices rose.", 0).empty());
}

TEST_CASE("CJK keyphrases join overlapping bigrams into the original characters") {
  const auto k = keywords_of("人工智能发展很快。人工智能改变世界。专家讨论人工智能。", 3, "zh");
  REQUIRE_FALSE(k.empty());
  CHECK(k.front().text.find("人工智能") != std::string::npos);
}

TEST_CASE("keywords keep the original spelling of their first occurrence") {
  const auto k = keywords_of("TimeWarner grew. TimeWarner shrank. Analysts watched TimeWarner.", 1);
  REQUIRE(k.size() == 1);
  CHECK(k.front().text == "TimeWarner");
}

TEST_CASE("singular and plural of one word make one keyword") {
  const auto t = texts(keywords_of(
      "Profits rose at the mill. The profit came from exports. Profits are expected to grow. "
      "Taxes on exports fell, and the export tax will be cut again.",
      10));
  const auto has = [&](const char* w) { return std::find(t.begin(), t.end(), w) != t.end(); };
  CHECK(has("Profits") != has("profit"));
  CHECK((has("exports") || has("export") || has("export tax")));
  CHECK_FALSE((has("exports") && has("export")));
  CHECK_FALSE((has("Taxes") && has("tax")));
}
