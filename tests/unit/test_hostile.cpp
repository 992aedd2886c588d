// Hostile and degenerate inputs (issue #8): each must finish, fast, with a
// sane result. Sizes keep the suite quick even under ASan; the 50 MB runs and
// the timings live in bench/hostile.mjs. Every result is also checked against
// the fuzz targets' invariants (tests/fuzz/invariants.hpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "../fuzz/invariants.hpp"
#include "precis/precis.hpp"
#include "utf8.hpp"

using namespace precis;

namespace {

Result sane(const std::string& text, Options options = {}) {
  const Outcome o = summarize(text, options);
  REQUIRE_FALSE(o.error);
  fuzz::check_outcome(text, options, o);  // aborts on a violated invariant
  const Result& r = o.result;
  for (const Sentence& s : r.sentences) {
    REQUIRE(utf8::count_invalid(s.text) == 0);  // sentence texts are always valid UTF-8
  }
  REQUIRE(utf8::count_invalid(r.summary) == 0);
  return r;
}

// Deterministic pseudo-random words, so the text is not one repeated term.
std::string words(std::size_t bytes, bool punctuation, char separator = ' ') {
  static constexpr std::string_view kWords[] = {
      "river", "council", "budget", "school", "market", "energy", "harbour", "village", "report", "station",
      "museum", "forest", "minister", "farmers", "festival", "railway", "bridge", "doctors", "weather", "library"};
  std::string out;
  out.reserve(bytes + 16);
  std::uint32_t x = 12345;
  std::size_t n = 0;
  while (out.size() < bytes) {
    x = x * 1664525u + 1013904223u;
    out += kWords[(x >> 16) % 20];
    ++n;
    if (punctuation && n % 12 == 0) out += '.';
    out += separator;
  }
  return out;
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

const std::string kArticle =
    "Harbour town plans new bridge\n\n"
    "The council of the harbour town approved a new bridge over the river on Monday. "
    "The bridge will cost four million euros and should open in two years. "
    "Farmers on the east bank have waited for a crossing for decades.\n\n"
    "The minister said the state would pay half of the cost. "
    "Work on the bridge starts in the spring, when the river is low.\n";

}  // namespace

TEST_CASE("hostile: input above the size limit is refused naming text and the limit") {
  Options small;
  small.max_input_bytes = 1024;
  const Outcome o = summarize(std::string(1025, 'a'), small);
  REQUIRE(o.error);
  CHECK(o.error->field == "text");
  CHECK(o.error->message.find("1025") != std::string::npos);
  CHECK(o.error->message.find("1024") != std::string::npos);
  CHECK(o.error->message.find("maxInputBytes") != std::string::npos);
  // Exactly at the limit is accepted.
  CHECK_FALSE(summarize(std::string(1024, 'a'), small).error);
  // The default limit is 16 MiB; a byte more is refused before any work.
  const Outcome big = summarize(std::string((std::size_t{16} << 20) + 1, ' '), Options{});
  REQUIRE(big.error);
  CHECK(big.error->field == "text");
  // The limit itself is an option with a range.
  Options huge;
  huge.max_input_bytes = kMaxInputBytesLimit + 1;
  const Outcome h = summarize("x", huge);
  REQUIRE(h.error);
  CHECK(h.error->field == "options.maxInputBytes");
  CHECK(h.error->message.find(std::to_string(kMaxInputBytesLimit)) != std::string::npos);
}

TEST_CASE("hostile: one 1 MB sentence without punctuation") {
  const std::string text = words(1 << 20, false);
  const Result r = sane(text);
  REQUIRE(r.sentences.size() >= 1);
  CHECK(r.sentences.size() <= 64);  // one run-on, perhaps cut at safety limits
  CHECK_FALSE(r.summary.empty());
  // A word budget that no whole sentence fits: empty summary and a reason.
  Options w;
  w.budget = {BudgetUnit::Words, 20};
  const Result rw = sane(text, w);
  if (rw.summary.empty()) CHECK_FALSE(rw.notes.empty());
  // Headline mode cuts it.
  Options h;
  h.mode = Mode::Headline;
  const Result rh = sane(text, h);
  CHECK_FALSE(rh.summary.empty());
  CHECK(rh.summary.size() < 200);
}

TEST_CASE("hostile: one 1 MB token without spaces") {
  const Result r = sane(std::string(1 << 20, 'x'));
  CHECK(r.sentences.size() <= 1);
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
}

TEST_CASE("hostile: 100,000 one-word lines") {
  const std::string text = words(100000 * 8, false, '\n');
  const Result r = sane(text);
  CHECK(r.stats.sentences <= 100001);
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
  CHECK(r.blocks.size() >= 1);
}

TEST_CASE("hostile: 100,000 short lines with full stops") {
  const Result r = sane(words(100000 * 12, true, '\n'), Options{});
  CHECK(r.stats.selected <= 3);
  CHECK_FALSE(r.summary.empty());
}

TEST_CASE("hostile: only punctuation") {
  const Result r = sane(repeat("... !!! ??? ,,, ;;; --- ((( ))) \"\" ''\n", 5000));
  CHECK(r.summary.empty());
  CHECK_FALSE(r.notes.empty());
}

TEST_CASE("hostile: only emoji") {
  const Result r = sane(repeat("😀🎉👨‍👩‍👧‍👦 🇬🇧👍🏽 ", 10000));
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
  CHECK(r.stats.input_utf16 < r.stats.input_bytes);
}

TEST_CASE("hostile: mixed scripts") {
  const std::string text = repeat(
      "The council met today. Der Rat tagte heute. 议会今天开会了。 議会は今日開かれた。 의회가 오늘 열렸다. "
      "Совет собрался сегодня. Το συμβούλιο συνεδρίασε σήμερα. परिषद की बैठक आज हुई। สภาประชุมวันนี้\n\n",
      200);
  const Result r = sane(text);
  CHECK(r.stats.sentences > 10);
  CHECK(r.stats.selected >= 1);
  CHECK_FALSE(r.summary.empty());
}

TEST_CASE("hostile: right-to-left text with bidi controls") {
  const std::string text = repeat(
      "ارتفعت أسعار النفط اليوم. وقال المحللون إن الطلب يتزايد. \u202B\u05D4\u05DE\u05E0\u05D9\u05D5\u05EA "
      "\u05D9\u05E8\u05D3\u05D5 \u05D4\u05D9\u05D5\u05DD.\u202C \u202Ereversed\u202C \u200F!\u200E\n\n",
      500);
  const Result r = sane(text);
  CHECK(r.stats.sentences >= 500);
  CHECK_FALSE(r.summary.empty());
}

TEST_CASE("hostile: combining-mark floods") {
  // One base letter carrying 100,000 combining marks, then a normal article.
  std::string text = "Z" + repeat("\u0301", 100000) + "algo is here.\n\n" + kArticle;
  const Result r = sane(text);
  CHECK_FALSE(r.summary.empty());
  // Marks on every letter of a long text.
  std::string zalgo;
  for (char c : words(20000, true)) {
    zalgo += c;
    if (c != ' ' && c != '.') zalgo += "\u0300\u0316\u0317\u0318";
  }
  const Result z = sane(zalgo);
  CHECK_FALSE(z.summary.empty());
}

TEST_CASE("hostile: HTML and script markup is text, never executed") {
  const std::string page =
      "<html><head><title>Bridge</title><script>alert(1);document.cookie</script>"
      "<style>body{display:none}</style></head><body><h1>Harbour town plans new bridge</h1>\n"
      "<p>The council approved a new bridge over the river on Monday.</p>\n"
      "<p>The bridge will cost four million euros &amp; open in two years.</p>\n"
      "<img src=x onerror=\"alert('x')\"><a href=\"javascript:alert(2)\">click</a>\n</body></html>\n";
  const Result r = sane(repeat(page, 200));
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
  // Whatever is returned is the input's own text: offsets still point into it.
  const Result one = sane(page);
  CHECK(one.stats.input_bytes == page.size());
}

TEST_CASE("hostile: deeply repeated lines") {
  const Result r = sane(repeat("The council approved the bridge over the river.\n", 20000));
  // Redundancy control: never the same sentence twice.
  CHECK(r.stats.selected <= 1);
  const Result same_article = sane(repeat(kArticle, 2000));
  CHECK(same_article.stats.selected <= 3);
}

TEST_CASE("hostile: NUL bytes and control characters everywhere") {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "word";
    text += static_cast<char>(i % 32);
    if (i % 10 == 9) text += ". ";
  }
  text += std::string(1000, '\0');
  const Result r = sane(text);
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
  const Result nul_only = sane(std::string(100000, '\0'));
  CHECK(nul_only.summary.empty());
  CHECK_FALSE(nul_only.notes.empty());
}

TEST_CASE("hostile: ill-formed UTF-8 is replaced, counted and reported") {
  std::string text;
  std::uint32_t x = 7;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245u + 12345u;
    text += static_cast<char>((x >> 16) & 0xFF);
  }
  const Result r = sane(text);
  CHECK(r.stats.invalid_utf8 > 1000);
  REQUIRE_FALSE(r.notes.empty());
  CHECK(r.notes.front().find("U+FFFD") != std::string::npos);
  // A valid article with a few bad bytes still summarizes.
  const Result a = sane("Bad \xff\xfe bytes \xc3\x28 here.\n\n" + kArticle);
  CHECK(a.stats.invalid_utf8 == 3);
  CHECK_FALSE(a.summary.empty());
}

TEST_CASE("hostile: empty and whitespace-only input give an empty summary with a reason") {
  for (const std::string text : {std::string(), std::string(" \t\r\n\n\u00a0\u3000\u2028 \n"), std::string(100000, '\n')}) {
    const Result r = sane(text);
    CHECK(r.summary.empty());
    CHECK(r.sentences.empty());
    CHECK_FALSE(r.notes.empty());
  }
}

TEST_CASE("hostile: CJK text without any punctuation") {
  const Result r = sane(repeat("中国经济在第三季度增长了百分之五分析人士认为消费需求正在恢复", 20000));
  CHECK(r.stats.sentences >= 1);
  if (r.summary.empty()) CHECK_FALSE(r.notes.empty());
}
