#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "block_model.hpp"
#include "pipeline.hpp"
#include "precis/precis.hpp"

using namespace precis;

namespace {

const std::string kArticle =
    "Ad sales boost Time Warner profit\n\n"
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.\n\n"
    "The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet "
    "connections and higher advert sales. TimeWarner said fourth quarter sales rose 2% to $11.1bn. Its profits were "
    "buoyed by one-off gains which offset a profit dip at Warner Bros.\n\n"
    "Time Warner said on Friday that it now owns 8% of search-engine Google. But its own internet business, AOL, "
    "had mixed fortunes. It lost 464,000 subscribers in the fourth quarter.\n";

Result run(const std::string& text, Options options = {}) {
  Outcome o = summarize(text, options);
  REQUIRE_FALSE(o.error);
  return o.result;
}

}  // namespace

TEST_CASE("an article gives its title, sentences with offsets and the chosen ones in order") {
  const Result r = run(kArticle);
  REQUIRE(r.title);
  CHECK(r.title->text == "Ad sales boost Time Warner profit");
  CHECK(r.language == "en");
  REQUIRE(r.sentences.size() == 7);
  std::size_t selected = 0;
  for (const Sentence& s : r.sentences) {
    CHECK(kArticle.substr(s.span.byte_start, s.span.byte_end - s.span.byte_start) == s.text);
    CHECK(s.span.utf16_end - s.span.utf16_start == s.text.size());  // ASCII input
    selected += s.selected ? 1 : 0;
  }
  CHECK(selected == 3);
  CHECK(r.stats.selected == 3);
  // The chosen ones are the three best scores (no near-duplicates here).
  std::vector<double> scores;
  for (const Sentence& s : r.sentences) scores.push_back(s.score);
  std::sort(scores.begin(), scores.end(), std::greater<>());
  for (const Sentence& s : r.sentences) CHECK(s.selected == (s.score >= scores[2]));
  CHECK(r.sentences[0].paragraph == 0);
  CHECK(r.sentences[3].paragraph == 1);
  CHECK_FALSE(r.keywords.empty());
  CHECK(r.keywords.front().score == 1.0);
}

TEST_CASE("the same input gives the same result") {
  const Result a = run(kArticle), b = run(kArticle);
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    CHECK(a.sentences[i].score == b.sentences[i].score);
    CHECK(a.sentences[i].selected == b.sentences[i].selected);
  }
  CHECK(a.summary == b.summary);
}

TEST_CASE("empty, blank and punctuation-only input give an empty summary with a reason") {
  for (const std::string text : {"", "   \n\n\t ", "!!! ... ???"}) {
    const Result r = run(text);
    CHECK(r.sentences.empty());
    CHECK(r.summary.empty());
    REQUIRE(r.notes.size() == 1);
  }
}

TEST_CASE("ill-formed UTF-8 is read as U+FFFD, counted, and offsets stay those of the input") {
  const std::string text = "First sentence has a bad \xFF byte. Second sentence is fine.";
  const Result r = run(text);
  CHECK(r.stats.invalid_utf8 == 1);
  REQUIRE(r.sentences.size() == 2);
  CHECK(r.sentences[0].text == "First sentence has a bad \xEF\xBF\xBD byte.");
  CHECK(r.sentences[1].span.byte_start == text.find("Second"));
  CHECK(r.sentences[1].span.utf16_start == text.find("Second"));  // one byte, one U+FFFD
}

TEST_CASE("options out of range are refused naming the option") {
  Options o;
  o.budget = {BudgetUnit::Sentences, 0};
  auto out = summarize(kArticle, o);
  REQUIRE(out.error);
  CHECK(out.error->field == "options.sentences");
  o.budget = {BudgetUnit::Ratio, 1.5};
  CHECK(summarize(kArticle, o).error->field == "options.ratio");
  o = {};
  o.language = "xx";
  CHECK(summarize(kArticle, o).error->field == "options.language");
  o = {};
  o.max_input_bytes = 10;
  const auto big = summarize(kArticle, o);
  REQUIRE(big.error);
  CHECK(big.error->field == "text");
}

TEST_CASE("every option out of range names the option and its allowed range") {
  struct Case {
    std::function<void(Options&)> set;
    std::string field;
    std::string range;  // must appear in the message
  };
  const Case cases[] = {
      {[](Options& o) { o.budget = {BudgetUnit::Sentences, 100001}; }, "options.sentences", "1 to 100000"},
      {[](Options& o) { o.budget = {BudgetUnit::Sentences, 2.5}; }, "options.sentences", "whole number"},
      {[](Options& o) { o.budget = {BudgetUnit::Words, -3}; }, "options.words", "1 to 100000"},
      {[](Options& o) { o.budget = {BudgetUnit::Characters, 0}; }, "options.characters", "1 to 100000"},
      {[](Options& o) { o.budget = {BudgetUnit::Ratio, 0}; }, "options.ratio", "greater than 0 and at most 1"},
      {[](Options& o) { o.budget = {BudgetUnit::Ratio, std::nan("")}; }, "options.ratio", "finite"},
      {[](Options& o) { o.headline_words = 1001; }, "options.headlineWords", "0 (no limit) to 1000"},
      {[](Options& o) { o.headline_characters = 5000; }, "options.headlineCharacters", "0 (no limit) to 1000"},
      {[](Options& o) { o.keywords = 101; }, "options.keywords", "0 to 100"},
      {[](Options& o) { o.redundancy = 0; }, "options.redundancy", "greater than 0 and at most 1"},
      {[](Options& o) { o.redundancy = 1.01; }, "options.redundancy", "greater than 0 and at most 1"},
      {[](Options& o) { o.max_input_bytes = 0; }, "options.maxInputBytes", "1 to 1073741824"},
      {[](Options& o) { o.language = "xx"; }, "options.language", "supported: auto, "},
  };
  for (const Case& c : cases) {
    Options o;
    c.set(o);
    const Outcome out = summarize(kArticle, o);
    REQUIRE(out.error);
    CHECK(out.error->field == c.field);
    CHECK_THAT(out.error->message, Catch::Matchers::Contains(c.range));
  }
  // The edges of each range are accepted.
  Options edge;
  edge.budget = {BudgetUnit::Sentences, 100000};
  edge.headline_words = 1000;
  edge.keywords = 100;
  edge.redundancy = 1;
  edge.max_input_bytes = kMaxInputBytesLimit;
  CHECK_FALSE(summarize(kArticle, edge).error);
}

TEST_CASE("headline mode returns one sentence cut to the word limit") {
  Options o;
  o.mode = Mode::Headline;
  o.headline_words = 6;
  const Result r = run(kArticle, o);
  CHECK(r.stats.selected == 1);
  CHECK(r.summary.size() > 3);
  CHECK(r.summary.substr(r.summary.size() - 3) == "\xE2\x80\xA6");
  // The stats count the words shown, not those of the whole sentence.
  CHECK(r.stats.words_out == 6);
}

TEST_CASE("NUL bytes and control characters do not break the pipeline") {
  std::string text = "A sentence with a NUL";
  text += '\0';
  text += " inside. Another\x01\x02 one here.";
  const Result r = run(text);
  CHECK(r.sentences.size() >= 1);
  CHECK(r.stats.input_bytes == text.size());
}

TEST_CASE("summarize: a line kept as doubtful body that is not a sentence counts less") {
  // A local news page: a cookie banner and a menu (furniture, so the body
  // model decides), then the article with a headline-like line inside it.
  const std::string page =
      "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out "
      "if you wish.\nAccept Reject Read More\nHome » News » Local\n"
      "Council approves new cycle lanes despite opposition from traders\n"
      "Published: 14:05, 22 March 2024\nBy Tom Harris, Local Democracy Reporter\n"
      "Facebook Twitter WhatsApp Email Print\n"
      "Plans for two new protected cycle lanes in the city centre have been approved by councillors, despite "
      "objections from shop owners who fear they will lose customers.\n"
      "New protected cycle lanes for Market Street and Station Road approved by councillors\n"
      "The scheme will remove 40 parking spaces on Market Street and Station Road and replace them with kerbed "
      "lanes separating cyclists from traffic.\n"
      "Councillor Ann Whitby, who leads on transport, said the lanes would make it safer for children to ride to "
      "school and would help the council meet its climate targets.\n"
      "But the chairman of the city's traders association said businesses were already struggling with high "
      "energy bills and fewer visitors.\n";
  const std::string line = "New protected cycle lanes for Market Street and Station Road approved by councillors";
  auto chosen = [&](float unfinished) {
    CleaningModels cleaning = kCleaningModels;
    cleaning.unfinished = unfinished;
    Options options;
    options.budget = {BudgetUnit::Sentences, 3};
    const Outcome o = summarize_with(page, options, kSentenceModel, nullptr, cleaning);
    REQUIRE_FALSE(o.error);
    std::vector<std::string> texts;
    for (const Sentence& s : o.result.sentences) {
      if (s.selected) texts.push_back(s.text);
    }
    REQUIRE(texts.size() == 3);
    return texts;
  };
  const std::vector<std::string> full = chosen(1);
  CHECK(std::find(full.begin(), full.end(), line) != full.end());
  const std::vector<std::string> none = chosen(0);
  CHECK(std::find(none.begin(), none.end(), line) == none.end());
}

TEST_CASE("summarize: cleaning removes a block only at 4 to 1 odds of noise, and keeps doubtful body below that") {
  // A page with furniture (a cookie banner), so the body model decides the
  // blocks without a cue of their own; here a model that gives every block
  // the same log-odds.
  const std::string page =
      "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out "
      "if you wish.\nAccept Reject Read More\n"
      "Plans for two new protected cycle lanes in the city centre have been approved by councillors, despite "
      "objections from shop owners who fear they will lose customers.\n"
      "The scheme will remove 40 parking spaces on Market Street and Station Road and replace them with kerbed "
      "lanes separating cyclists from traffic.\n";
  auto run_with = [&](float log_odds) {
    CleaningModels cleaning = kCleaningModels;
    cleaning.body = BlockModel{log_odds, {}, 0.0f};
    const Outcome o = summarize_with(page, Options{}, kSentenceModel, nullptr, cleaning);
    REQUIRE_FALSE(o.error);
    return o.result;
  };
  const auto article = [](const Result& r) {
    std::vector<const Block*> out;
    for (const Block& b : r.blocks) {
      if (b.text.rfind("Plans", 0) == 0 || b.text.rfind("The scheme", 0) == 0) out.push_back(&b);
    }
    REQUIRE(out.size() == 2);
    return out;
  };
  // Odds of noise under 4 to 1 (log-odds of body -1): kept, doubtful, with
  // the probability; the cookie banner, a cue of its own, stays removed.
  const Result doubtful = run_with(-1.0f);
  for (const Block* b : article(doubtful)) {
    CHECK(b->kind == BlockKind::Body);
    CHECK(b->body_probability == Approx(1 / (1 + std::exp(1.0))).margin(1e-6));
  }
  CHECK(doubtful.blocks.front().kind == BlockKind::Noise);
  CHECK(doubtful.blocks.front().body_probability == 0);
  // ("Accept Reject Read More" is the banner's by context: a block the rules
  // marked from context goes at 2 to 1 odds of noise, so it stays removed.)
  CHECK(doubtful.blocks[1].kind == BlockKind::Noise);
  CHECK(doubtful.blocks[1].reason == NoiseReason::CookieBanner);
  REQUIRE(doubtful.sentences.size() == 2);
  for (const Sentence& s : doubtful.sentences) CHECK(doubtful.blocks[s.block].body_probability < 0.5);
  // All of it doubtful: positions in plain order.
  CHECK(doubtful.sentences[1].parts.position < 1);
  // At 4 to 1 or more (log-odds -2): removed, as text outside the article.
  const Result removed = run_with(-2.0f);
  for (const Block* b : article(removed)) {
    CHECK(b->kind == BlockKind::Noise);
    CHECK(b->reason == NoiseReason::OutsideArticle);
  }
  CHECK(removed.sentences.empty());
  // Under 2 to 1 (log-odds -0.5): the banner's line by context is kept as
  // doubtful body too, its own cue line still goes.
  const Result context = run_with(-0.5f);
  CHECK(context.blocks.front().kind == BlockKind::Noise);
  CHECK(context.blocks[1].kind == BlockKind::Body);
  CHECK(is_doubtful(context.blocks[1]));
  // At even odds or better: body, not doubtful.
  const Result body = run_with(0.5f);
  for (const Block* b : article(body)) CHECK(b->body_probability > 0.5);
}

TEST_CASE("summarize: doubtful body before the article does not push its lead down") {
  const std::string page =
      "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out "
      "if you wish.\n"
      "Readers in the north of the city have written to us about the lanes all week, and many of them are "
      "parents of young children.\n"
      "Plans for two new protected cycle lanes in the city centre have been approved by councillors, despite "
      "objections from shop owners who fear they will lose customers.\n"
      "The scheme will remove 40 parking spaces on Market Street and Station Road and replace them with kerbed "
      "lanes separating cyclists from traffic.\n";
  // One tree on Position (share of the page's words before the block): the
  // blocks in the first 40% of the words score -1 (doubtful), the others +0.99.
  const auto position = static_cast<std::uint8_t>(BlockFeature::Position);
  const std::uint16_t at = 13107;  // 0.4 in units of 1/32768
  const BlockTree tree{{position, position, position, position, position, position, position},
                       {at, at, at, at, at, at, at},
                       {-128, 0, 0, 0, 0, 0, 0, 127}};  // in 1/128: -1 and +0.99
  CleaningModels cleaning = kCleaningModels;
  cleaning.body = BlockModel{0.0f, std::span<const BlockTree>(&tree, 1), 0.0f};
  const Outcome o = summarize_with(page, Options{}, kSentenceModel, nullptr, cleaning);
  REQUIRE_FALSE(o.error);
  const Result& r = o.result;
  REQUIRE(r.sentences.size() >= 3);
  const auto lead = std::find_if(r.sentences.begin(), r.sentences.end(),
                                 [](const Sentence& s) { return s.text.rfind("Plans", 0) == 0; });
  REQUIRE(lead != r.sentences.end());
  REQUIRE(lead != r.sentences.begin());
  CHECK(r.blocks[r.sentences.front().block].body_probability < 0.5);  // the readers' line, kept with doubt
  CHECK(r.blocks[lead->block].body_probability > 0.5);
  CHECK(lead->parts.position == Approx(1.0));                          // still the lead
  CHECK(std::next(lead)->parts.position < 1);
}

TEST_CASE("summarize: in an article without page furniture a line that is not a sentence keeps its score") {
  const std::string article = "Ad sales boost Time Warner profit\n\n"
                              "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn\n\n" +
                              kArticle.substr(kArticle.find("The firm"));
  auto scores = [&](float unfinished) {
    CleaningModels cleaning = kCleaningModels;
    cleaning.unfinished = unfinished;
    const Outcome o = summarize_with(article, Options{}, kSentenceModel, nullptr, cleaning);
    REQUIRE_FALSE(o.error);
    std::vector<double> s;
    for (const Sentence& x : o.result.sentences) s.push_back(x.score);
    return s;
  };
  const std::vector<double> one = scores(1);
  REQUIRE(one.size() > 3);
  CHECK(scores(0) == one);
}
