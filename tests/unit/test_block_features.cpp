// The block features cleaning's models read (block_features.cpp), on their
// own: text shape, the densest region, runs, neighbours, vocabulary.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "block_features.hpp"
#include "block_model.hpp"

using namespace precis;
using F = BlockFeature;

namespace {

BlockEvidence good(std::string_view text, double words, std::vector<std::uint32_t> terms = {}) {
  BlockEvidence e;
  e.shape = text_shape(text);
  e.words = words;
  e.ends = true;
  e.good = true;
  e.stopword_density = 0.4;
  e.terms = std::move(terms);
  return e;
}

BlockEvidence weak(std::string_view text, double words, NoiseReason rule = NoiseReason::None) {
  BlockEvidence e;
  e.shape = text_shape(text);
  e.words = words;
  e.rule = rule;
  return e;
}

}  // namespace

TEST_CASE("block features: every feature has a name") {
  for (std::size_t k = 0; k < kBlockFeatureCount; ++k) {
    CHECK_FALSE(feature_name(static_cast<BlockFeature>(k)).empty());
  }
  CHECK(feature_name(F::Words) == "Words");
  CHECK(feature_name(F::TitleOverlap) == "TitleOverlap");
}

TEST_CASE("block features: the shape of a line's text") {
  const TextShape menu = text_shape("Home | News | Sport | Weather");
  CHECK(menu.tokens == 4);
  CHECK(menu.capitalised == 4);
  CHECK(menu.separators == 3);
  CHECK(menu.terminals == 0);

  const TextShape prose = text_shape("The council met on Monday, 3 May. It approved the bridge.");
  CHECK(prose.tokens == 11);
  CHECK(prose.capitalised == 4);  // The, Monday, May, It
  CHECK(prose.commas == 1);
  CHECK(prose.terminals == 2);
  CHECK(prose.digits == 1);

  CHECK(text_shape("• Read more").bullet);
  CHECK(text_shape("Related:").colon_end);
  CHECK(text_shape("see https://example.com").link);
  CHECK(text_shape("mail jane@example.com").link);
  CHECK_FALSE(text_shape("Version 3.5 is out.").link);
  CHECK(text_shape("km/h and 3.5").separators == 0);  // a slash inside a word is no separator
  CHECK(text_shape("他说。我们走吧！").terminals == 2);
}

TEST_CASE("block features: the densest region is the run of running text") {
  const std::vector<BlockEvidence> page = {
      weak("Home", 1),  weak("News", 1), weak("Sport", 1),
      good("p1", 40),   weak("Subheading", 2), good("p2", 30),
      weak("Share on Facebook", 3, NoiseReason::Share), weak("Related articles", 2, NoiseReason::Related),
      weak("Teaser one", 5), weak("Teaser two", 5),
      good("comment", 10),
  };
  const Region r = densest_region(page);
  REQUIRE(r.found);
  CHECK(r.first == 3);
  CHECK(r.last == 5);
  CHECK_FALSE(densest_region(std::vector<BlockEvidence>{weak("a", 1), weak("b", 2)}).found);
  CHECK_FALSE(densest_region(std::vector<BlockEvidence>{}).found);

  const std::vector<BlockFeatures> f = block_features(page);
  REQUIRE(f.size() == page.size());
  CHECK(f[0][F::BeforeRegion] == Approx(3.0 / 6.0));
  CHECK(f[4][F::InRegion] == 1);
  CHECK(f[10][F::AfterRegion] == Approx(5.0 / 8.0));
  // Runs: p1 + subheading + p2 is one run (the largest); the comment is another.
  CHECK(f[3][F::LargestRun] == 1);
  CHECK(f[5][F::RunShare] == 1);
  CHECK(f[10][F::RunShare] == Approx(10.0 / 70.0));
  CHECK(f[10][F::LargestRun] == 0);
  CHECK(f[10][F::RunsBefore] == Approx(0.5));  // one large run before it
  CHECK(f[6][F::RuleShare] == 1);
  CHECK(f[7][F::PreviousNoise] == 1);
  CHECK(f[3][F::PreviousWords] == Approx(1.0 / 11.0));
}

TEST_CASE("block features: comment lines, titles, duplicates and vocabulary") {
  std::vector<BlockEvidence> page = {
      weak("Menu", 1),
      weak("Bridge opens", 2),
      good("a", 30, {1, 2, 3, 4}),
      good("b", 30, {1, 2, 5, 6}),
      weak("37 comments", 2),
      good("c", 20, {7, 8, 9, 10}),
      weak("Menu", 1),
  };
  page[1].title = true;
  page[1].terms = {1, 2};
  page[4].comment_line = true;
  page[0].duplicate = page[6].duplicate = true;
  const std::vector<BlockFeatures> f = block_features(page);
  CHECK(f[0][F::BeforeTitle] == 1);
  CHECK(f[2][F::AfterTitle] == 1);
  CHECK(f[1][F::Title] == 1);
  CHECK(f[0][F::Duplicate] == 1);
  CHECK(f[4][F::CommentLine] == 1);
  CHECK(f[5][F::CommentsBefore] == Approx(0.5));
  CHECK(f[3][F::CommentsBefore] == 0);
  // a shares terms 1 and 2 with b (the region's other good block) and with the title.
  CHECK(f[2][F::TopicOverlap] == Approx(0.5));
  CHECK(f[2][F::TitleOverlap] == Approx(0.5));
  CHECK(f[5][F::TopicOverlap] == 0);
  // Position: the share of the page's words before the block.
  CHECK(f[0][F::Position] == 0);
  CHECK(f[2][F::Position] == Approx(3.0 / 86.0));
}

TEST_CASE("block features: every value is finite and in [0, 1]") {
  std::vector<BlockEvidence> page;
  const std::vector<std::string> texts = {"", "x", "A | B | C", "Ein Satz, mit Komma.", "只有中文。", "12:30 | 2024-05-01"};
  for (std::size_t i = 0; i < 60; ++i) {
    BlockEvidence e = i % 3 ? weak(texts[i % texts.size()], static_cast<double>(i % 7), static_cast<NoiseReason>(i % 13))
                            : good(texts[i % texts.size()], static_cast<double>(i), {static_cast<std::uint32_t>(i % 5)});
    e.comment_line = i % 11 == 0;
    e.title = i == 4;
    page.push_back(e);
  }
  for (const BlockFeatures& f : block_features(page)) {
    for (const float v : f.values) {
      CHECK(std::isfinite(v));
      CHECK(v >= 0);
      CHECK(v <= 1);
    }
  }
}

TEST_CASE("block features: the article's top: how far after the title, and bylines before and after") {
  std::vector<BlockEvidence> page = {
      weak("Menu", 1),
      weak("Bridge opens", 2),
      weak("The town's new bridge opens after ten years of debate.", 10),
      weak("By Jane Doe", 3, NoiseReason::Byline),
      weak("Updated 3 hours ago", 4, NoiseReason::Byline),
      good("p1", 40),
      good("p2", 30),
      weak("By the way", 3),
  };
  page[1].title = true;
  const std::vector<BlockFeatures> f = block_features(page);
  CHECK(f[0][F::TitleDistance] == 0);  // before the title
  CHECK(f[1][F::TitleDistance] == 0);  // the title itself
  CHECK(f[2][F::TitleDistance] == 1);  // right after it: the standfirst's place
  CHECK(f[5][F::TitleDistance] == Approx(1.0 / 4.0));
  CHECK(f[2][F::BylineAfter] == 1);
  CHECK(f[2][F::BylineBefore] == 0);
  CHECK(f[5][F::BylineBefore] == 1);  // the article starts after the byline
  CHECK(f[6][F::BylineBefore] == 0);  // a good block between
  CHECK(f[0][F::BylineAfter] == 1);   // three blocks on, no good block between
  CHECK(f[7][F::BylineBefore] == 0);
}

TEST_CASE("block model: a tree sends the features down its splits") {
  constexpr std::uint16_t kNever = BlockTree::kNever;
  // Node 0: Words >= 0.5? Node 1: EndsSentence >= 0.5? Nodes 2-6 send every block left.
  const BlockTree tree{{static_cast<std::uint8_t>(F::Words), static_cast<std::uint8_t>(F::EndsSentence), 0, 0, 0, 0, 0},
                       {16384, 16384, kNever, kNever, kNever, kNever, kNever},  // thresholds in 1/32768
                       {-128, 0, 32, 0, 127, 0, 0, 0}};                         // leaves in 1/128
  const BlockTree trees[] = {tree};
  const BlockModel model{0.5f, trees, 0.0f};
  BlockFeatures short_line;  // 0 → 1 → 3 → leaf 0
  CHECK(model_score(model, short_line) == Approx(-0.5));  // 0.5 - 128/128
  BlockFeatures sentence;  // 0 → 1 → 4 → leaf 2
  sentence[F::EndsSentence] = 1;
  CHECK(model_score(model, sentence) == Approx(0.75));
  BlockFeatures paragraph;  // 0 → 2 → 5 → leaf 4
  paragraph[F::Words] = 0.5f;  // at the threshold: right
  CHECK(model_score(model, paragraph) == Approx(0.5 + 127.0 / 128));
  paragraph[F::Words] = 0.49998f;  // just below it: left
  CHECK(model_score(model, paragraph) == Approx(-0.5));
  BlockFeatures full;  // a feature at 1 still goes left at kNever
  full[F::Words] = 1;
  full[F::EndsSentence] = 1;
  CHECK(model_score(model, full) == Approx(0.5 + 127.0 / 128));
  // The fitted models exist and are not empty.
  CHECK_FALSE(kCleaningModels.body.trees.empty());
  CHECK_FALSE(kCleaningModels.title.trees.empty());
}
