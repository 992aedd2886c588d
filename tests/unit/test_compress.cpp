#include <catch2/catch.hpp>

#include "compress.hpp"

using namespace precis;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

std::string headline(std::string_view s, std::size_t words, std::string_view language = "en") {
  unicode::Breaker breaker;
  return shorten(s, {words, 0}, ShortenStyle::Headline, language, breaker).text;
}

}  // namespace

TEST_CASE("a sentence that fits is kept whole") {
  unicode::Breaker breaker;
  const std::string s = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.";
  const Shortened p = shorten(s, {50, 0}, ShortenStyle::Prefix, "en", breaker);
  CHECK(p.text == s);
  CHECK_FALSE(p.cut);
  // A headline drops the final full stop.
  CHECK(headline(s, 50) == "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn");
}

TEST_CASE("shortening ends at a clause boundary, not mid-phrase") {
  const std::string s =
      "The Moto G will cost just $179 without a contract in the United States, about a third the cost of an "
      "iPhone 5c and about half the cost of a Galaxy.";
  // (Headline style leaves English articles out.)
  CHECK(headline(s, 12) == "Moto G will cost just $179 without contract in United States");
  unicode::Breaker breaker;
  const Shortened p = shorten(s, {0, 80}, ShortenStyle::Prefix, "en", breaker);
  CHECK(p.text == "The Moto G will cost just $179 without a contract in the United States" + kEllipsis);
  CHECK(p.cut);
  // Before a conjunction, when no punctuation helps.
  CHECK(headline("The proposal would raise the legal age to buy tobacco and it would fine shops that sell to "
                 "teenagers under the new rules.",
                 12) == "Proposal would raise legal age to buy tobacco");
}

TEST_CASE("a headline drops attributions, parentheses and a leading connective") {
  CHECK(headline("But the company will close three plants (in Ohio and Texas) in March, officials said Tuesday.", 22) ==
        "Company will close three plants");  // "in March": a time headlines leave out
  CHECK(headline("According to the report, the river rose by two metres in one night.", 22) ==
        "River rose by two metres in one night");
  // "In …, " opens with a phrase a headline drops; "This week" goes as a time.
  CHECK(headline("In a vote late on Monday night, the council approved the new budget for schools this week.", 22) ==
        "Council approved new budget for schools");
  CHECK(headline("Le navire a heurté le quai du port de Venise dimanche, selon les autorités.", 22, "fr") ==
        "Le navire a heurté le quai du port de Venise dimanche");
}

TEST_CASE("without a clause that fits, the first words and an ellipsis") {
  unicode::Breaker breaker;
  const std::string s = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.";
  CHECK(shorten(s, {5, 0}, ShortenStyle::Headline, "en", breaker).text == "Quarterly profits at US media" + kEllipsis);
  CHECK(shorten(s, {0, 20}, ShortenStyle::Prefix, "en", breaker).text == "Quarterly profits" + kEllipsis);
  CHECK(shorten(s, {0, 5}, ShortenStyle::Prefix, "en", breaker).text.empty());  // "Quarterly" does not fit
  CHECK(shorten("中国经济增长很快。", {3, 0}, ShortenStyle::Headline, "zh", breaker).text == "中国经" + kEllipsis);
  // A clause never ends on a stopword: "… written by the" is not a phrase.
  const Shortened h = shorten("The report was written by the, as it were, best team in the whole region.", {7, 0},
                              ShortenStyle::Headline, "en", breaker);
  CHECK(h.cut);
  CHECK(h.text == "Report was written by the, as it" + kEllipsis);
}

TEST_CASE("CJK text is cut after a full-width comma") {
  unicode::Breaker breaker;
  const Shortened h = shorten("中国经济去年增长了百分之五，高于许多分析人士此前的预期和判断。", {14, 0},
                              ShortenStyle::Headline, "zh", breaker);
  CHECK(h.text == "中国经济去年增长了百分之五");
  CHECK_FALSE(h.cut);
}
