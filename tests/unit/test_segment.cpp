#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fixtures.hpp"
#include "unicode.hpp"

using namespace precis;
using precis::testing::sentences_of;
using V = std::vector<std::string>;

TEST_CASE("honorifics do not end sentences") {
  CHECK(sentences_of("Mr. Smith met Dr. Jones. They talked.") == V{"Mr. Smith met Dr. Jones.", "They talked."});
}

TEST_CASE("multi-period abbreviations stay inside the sentence") {
  CHECK(sentences_of("The U.S. Ambassador arrived. He spoke.") == V{"The U.S. Ambassador arrived.", "He spoke."});
  CHECK(sentences_of("The Ph.D. Program at Yale grew. It is large.") == V{"The Ph.D. Program at Yale grew.", "It is large."});
  CHECK(sentences_of("We met at 5 p.m. Friday in Paris. It rained.") ==
        V{"We met at 5 p.m. Friday in Paris.", "It rained."});
}

TEST_CASE("an abbreviation followed by a new sentence still ends it") {
  CHECK(sentences_of("He moved to the U.S. He never came back.") ==
        V{"He moved to the U.S.", "He never came back."});
}

TEST_CASE("initials do not end sentences") {
  CHECK(sentences_of("The book by J. K. Rowling sold well. Fans queued.") ==
        V{"The book by J. K. Rowling sold well.", "Fans queued."});
}

TEST_CASE("decimal numbers, ellipses and quotes") {
  CHECK(sentences_of("Profits rose 3.5% to $1.2bn. Shares fell.") == V{"Profits rose 3.5% to $1.2bn.", "Shares fell."});
  CHECK(sentences_of("\"We won.\" The crowd cheered.") == V{"\"We won.\"", "The crowd cheered."});
  CHECK(sentences_of("\"Why?\" he asked. Nobody knew.") == V{"\"Why?\" he asked.", "Nobody knew."});
  CHECK(sentences_of("Wait... what happened? Nobody knows.") == V{"Wait... what happened?", "Nobody knows."});
}

TEST_CASE("lines without final punctuation are sentences of their own") {
  CHECK(sentences_of("Headline Without Stop\n\nBody text here. More text.\n- item one\n- item two") ==
        V{"Headline Without Stop", "Body text here.", "More text.", "- item one", "- item two"});
}

TEST_CASE("hard-wrapped lines are one sentence") {
  CHECK(sentences_of("The central bank raised rates\nby half a point on Tuesday.") ==
        V{"The central bank raised rates\nby half a point on Tuesday."});
}

TEST_CASE("German ordinals do not end sentences") {
  CHECK(sentences_of("Die Wahl findet am 3. Oktober statt. Alle sind eingeladen.", "de") ==
        V{"Die Wahl findet am 3. Oktober statt.", "Alle sind eingeladen."});
}

TEST_CASE("CJK sentences end at full-width punctuation") {
  CHECK(sentences_of("今天天气很好。我们去公园！你来吗？") == V{"今天天气很好。", "我们去公园！", "你来吗？"});
}

TEST_CASE("pieces without letters or digits are dropped") {
  CHECK(sentences_of("***\n\nReal sentence here.") == V{"Real sentence here."});
}

TEST_CASE("ICU cuts the same through UTF-16 as through its UTF-8 UText") {
  std::vector<std::string> texts = {"Hello world. Second one! 中文句子。日本語の文です。", "😀 emoji first. Then 𝐛𝐨𝐥𝐝 text. End",
                                    "Ill\xFF-formed. Still cut.", ""};
  for (const char* dir : {PRECIS_LANGUAGE_CORPUS, PRECIS_NOISY_CORPUS}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      texts.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
  }
  REQUIRE(texts.size() > 40);
  // Random mixes of what the sentence rules look at around a full stop:
  // abbreviations, lower/upper case after it, closing quotes and brackets,
  // spaces, paragraph separators, numbers, marks and format characters after
  // the terminator, CJK and other scripts' full stops, surrogate pairs.
  const std::vector<std::string> pieces = {
      "Mr", ".", " ", "  ", "a", "B", "the", "U.S.", "1", ".5", "!", "?", "?!", "...", "\xE2\x80\xA6", ")", "\"",
      "\xE2\x80\x9D", "'", "\n", "\r\n", "\n\n", "\xC2\x85", "\xE2\x80\xA9", "\xE2\x80\xA8", "\xCC\x81", "\xE2\x80\x8D",
      "\xC2\xAD", "\xE3\x80\x82", "\xE4\xB8\xAD", "\xEF\xBC\x81", "\xEF\xBC\x8E", "\xD7\x90", "\xE0\xA5\xA4", ",", ";",
      ":", "-", "\xF0\x9F\x98\x80", "\xF0\x9D\x90\x80", "e.g", "x", "(", "[", "]", "\t"};
  for (std::string& t : precis::testing::random_mixes(pieces, 30000, 14, 2024)) texts.push_back(std::move(t));
  unicode::Breaker fast, reference;
  reference.use_utf8_only(true);
  for (const std::string& text : texts) {
    INFO(text.substr(0, 80));
    std::vector<std::size_t> a, b;
    fast.sentence_boundaries(text, 0, text.size(), a);
    reference.sentence_boundaries(text, 0, text.size(), b);
    REQUIRE(a == b);
    if (text.size() > 6) {  // a stretch inside the text, as segmentation asks for
      a.clear();
      b.clear();
      fast.sentence_boundaries(text, 2, text.size() - 3, a);
      reference.sentence_boundaries(text, 2, text.size() - 3, b);
      REQUIRE(a == b);
    }
    std::vector<unicode::WordPiece> wa, wb;
    fast.words_reference(text, 0, text.size(), wa);
    reference.words_reference(text, 0, text.size(), wb);
    REQUIRE(wa.size() == wb.size());
    for (std::size_t i = 0; i < wa.size(); ++i) {
      CHECK(wa[i].start == wb[i].start);
      CHECK(wa[i].end == wb[i].end);
      CHECK(wa[i].kind == wb[i].kind);
    }
  }
}
