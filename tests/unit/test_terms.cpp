#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fixtures.hpp"
#include "numeric.hpp"
#include "terms.hpp"
#include "utf8.hpp"

using namespace precis;

namespace {

struct Extracted {
  std::string text;
  Terms terms;
  std::vector<std::string> words(std::size_t sentence) const {
    std::vector<std::string> out;
    for (const Token& t : terms.tokens[sentence]) {
      out.push_back(t.term == kNoTerm ? "_" : terms.vocabulary[t.term]);
    }
    return out;
  }
};

Extracted extract(std::string text, std::string_view language = "en") {
  const Utf16Offsets offsets(text);
  const auto blocks = split_blocks(text, offsets);
  unicode::Breaker breaker;
  const auto sentences = segment_sentences(text, blocks, language, breaker);
  Extracted e{std::move(text), {}};
  e.terms = extract_terms(e.text, sentences, std::nullopt, language, breaker);
  return e;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("words are folded, stopwords and one-letter words carry no term, numbers do") {
  const auto e = extract("The CAFÉ sold 1,200 Croissants in 2004 to a crowd.");
  CHECK(e.words(0) == V{"_", "café", "sold", "1,200", "croissants", "_", "2004", "_", "_", "crowd"});
  CHECK(e.terms.words[0] == 10);
}

TEST_CASE("folding applies NFKC and full case folding") {
  const auto e = extract("STRASSE ｆｕｌｌｗｉｄｔｈ ﬁnance");
  CHECK(e.words(0) == V{"strasse", "fullwidth", "finance"});
}

TEST_CASE("possessives and elisions keep the longest part") {
  CHECK(extract("Greenspan's speech moved markets.").words(0) == V{"greenspan", "speech", "moved", "markets"});
  CHECK(extract("L'économie française ralentit.", "fr").words(0) == V{"économie", "française", "ralentit"});
}

TEST_CASE("CJK runs and Hangul words become character bigrams") {
  const auto zh = extract("中国经济增长。", "zh");
  CHECK(zh.words(0) == V{"中国", "国经", "经济", "济增", "增长"});
  const auto ko = extract("경제 성장률이 높다.", "ko");
  CHECK(ko.words(0) == V{"경제", "성장", "장률", "률이", "높다"});
  const auto single = extract("我 好。", "zh");
  CHECK(single.words(0) == V{"我", "好"});
}

TEST_CASE("sentence vectors are unit length and sorted by term") {
  const auto e = extract("Rates rose. Rates fell again. Markets rose and rates rose.");
  for (const auto& v : e.terms.vectors) {
    double norm = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
      norm += static_cast<double>(v[i].weight) * v[i].weight;
      if (i > 0) CHECK(v[i - 1].term < v[i].term);
    }
    CHECK(norm == Approx(1.0).epsilon(1e-6));
  }
  CHECK(cosine(e.terms.vectors[0], e.terms.vectors[0]) == Approx(1.0).epsilon(1e-6));
  CHECK(cosine(e.terms.vectors[0], e.terms.vectors[2]) > cosine(e.terms.vectors[0], e.terms.vectors[1]));
}

TEST_CASE("the portable logarithm matches libm closely") {
  for (double x : {1e-300, 1e-9, 0.1, 0.5, 1.0, 1.5, 2.0, 2.718281828459045, 10.0, 12345.678, 1e12, 1e300}) {
    CHECK(numeric::ln(x) == Approx(std::log(x)).epsilon(1e-14).margin(1e-15));
  }
  CHECK(numeric::ln(0) == 0);
  CHECK(numeric::ln(-1) == 0);
}

namespace {

bool same_cut(unicode::Breaker& breaker, const std::string& text) {
  std::vector<unicode::WordPiece> fast, icu;
  breaker.words(text, 0, text.size(), fast);
  breaker.words_reference(text, 0, text.size(), icu);
  if (fast.size() != icu.size()) return false;
  for (std::size_t i = 0; i < fast.size(); ++i) {
    if (fast[i].start != icu[i].start || fast[i].end != icu[i].end || fast[i].kind != icu[i].kind) return false;
  }
  return true;
}

}  // namespace

// The ASCII fast path of Breaker::words must cut exactly as ICU does: every
// token of up to three characters drawn from printable ASCII and a few
// characters that matter to the rules (tab, line breaks, a combining accent,
// ZWJ, a curly apostrophe, NBSP, Han, kana, Hebrew, an emoji), between
// spaces and next to words and numbers.
TEST_CASE("unicode.words fast path: the same segments as ICU's root rules") {
  unicode::Breaker breaker;
  std::vector<std::string> alphabet;
  for (int c = 0x20; c < 0x7F; ++c) alphabet.emplace_back(1, static_cast<char>(c));
  for (const char* x : {"\n", "\t", "\r", "\xC3\xA9", "\xCC\x81", "\xE2\x80\x8D", "\xE2\x80\x99", "\xC2\xA0",
                        "\xE4\xB8\xAD", "\xE3\x81\x82", "\xD7\x90", "\xF0\x9F\x98\x80"}) {
    alphabet.emplace_back(x);
  }
  std::size_t mismatches = 0;
  for (const std::string& a : alphabet) {
    for (const std::string& b : alphabet) {
      for (const std::string& c : alphabet) {
        const std::string token = a + b + c;
        if (!same_cut(breaker, " " + token + "  x" + token + " 1 " + token)) ++mismatches;
      }
      if (!same_cut(breaker, a + b) || !same_cut(breaker, "Word " + a + b + " 12")) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
  CHECK(same_cut(breaker, "  The U.S. economy grew 3.5% in 2004, don't you_know? e-mail a@b.c \xE2\x80\x9CQuoted\xE2\x80\x9D  "));
}

TEST_CASE("fold's ASCII fast path gives ICU's result on mixed text") {
  // Pieces chosen where a split could go wrong: marks that compose with the
  // ASCII letter before them ("e" + U+0301, "<" + U+0338), compatibility
  // characters that fold to ASCII (ﬁ, ①, ½, full-width), case folding that
  // grows (ß, İ), Hangul jamo that compose with each other, ill-formed bytes.
  const std::vector<std::string> pieces = {
      "a", "E", "<", "=", " ", "'", "1", "K", "e", "\xCC\x81", "\xCC\xB8", "\xCD\x85", "\xEF\xAC\x81", "\xE2\x91\xA0",
      "\xC2\xBD", "\xEF\xBC\xA1", "\xC4\xB0", "\xC3\x9F", "\xCE\xA3", "\xCF\x82", "\xE1\x84\x80", "\xE1\x85\xA1",
      "\xE1\x86\xA8", "\xEA\xB0\x80", "\xE2\x80\x99", "\xE2\x84\xAA", "\xC3\xA9", "\xE4\xB8\xAD", "\xFF", "\xE2\x82", "\xC0\xAF",
      "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF1\x80\x80", "\x80"};
  for (const std::string& text : precis::testing::random_mixes(pieces, 20000, 8, 12345)) {
    std::string fast, reference;
    unicode::fold(text, fast);
    unicode::fold_reference(text, reference);
    INFO("text: " << text);
    REQUIRE(fast == reference);
    // Ill-formed bytes fold as the U+FFFD that utf8::repaired() writes.
    std::string of_repaired;
    unicode::fold(utf8::repaired(text), of_repaired);
    REQUIRE(fast == of_repaired);
  }
  for (const auto& entry : std::filesystem::directory_iterator(PRECIS_NOISY_CORPUS)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string fast, reference;
    unicode::fold(page, fast);
    unicode::fold_reference(page, reference);
    INFO(entry.path().filename().string());
    CHECK(fast == reference);
  }
}
