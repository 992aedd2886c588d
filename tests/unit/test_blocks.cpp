#include <catch2/catch.hpp>

#include "blocks.hpp"

using namespace precis;

namespace {
std::vector<std::string> block_texts(std::string_view text) {
  const Utf16Offsets offsets(text);
  std::vector<std::string> out;
  for (const Block& b : split_blocks(text, offsets)) out.push_back(b.text);
  return out;
}
}  // namespace

TEST_CASE("blank lines and single line breaks separate blocks") {
  CHECK(block_texts("Title\n\nFirst para. Still.\nSecond line.\r\n\r\n  Third  \n") ==
        std::vector<std::string>{"Title", "First para. Still.", "Second line.", "Third"});
}

TEST_CASE("hard-wrapped lines join into one block") {
  CHECK(block_texts("The market rose sharply\nafter the announcement on\nthe first Friday.\nNext item") ==
        std::vector<std::string>{"The market rose sharply\nafter the announcement on\nthe first Friday.", "Next item"});
}

TEST_CASE("hard-wrapped Chinese lines join into one block; a short heading line stays apart") {
  // Wrapped at 12 characters: a line may end inside a sentence and the next
  // may start with a comma.
  const std::string text =
      "\u4e00\u3001\u7406\u89e3\u6587\u9769\n"                                          // heading
      "\u6587\u5316\u9769\u547d\u662f\u4e00\u573a\u6709\u7740\u5e7f\u6cdb\u7684\n"  // 12 characters
      "\u7fa4\u4f17\u53c2\u4e0e\u7684\u653f\u6cbb\u8fd0\u52a8\u56e0\u6b64\u5982\n"
      "\uff0c\u672c\u6587\u8bd5\u56fe\u7ed9\u51fa\u89e3\u91ca\u3002\n";
  const std::vector<std::string> blocks = block_texts(text);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0] == "\u4e00\u3001\u7406\u89e3\u6587\u9769");
  CHECK(blocks[1].find("\uff0c\u672c\u6587") != std::string::npos);
  CHECK(blocks[1].starts_with("\u6587\u5316\u9769\u547d"));
}

TEST_CASE("in short-line text, a line that ends before the margin is a block of its own") {
  // A menu, a list of headlines: every line short, none a wrapped paragraph.
  CHECK(block_texts("Skip to main content\nsign up for newsletters\nThe market rose sharply after the news\n"
                    "Impeachment\ndeposition transcripts\nThe market rose sharply after the\nannouncement") ==
        std::vector<std::string>{"Skip to main content", "sign up for newsletters", "The market rose sharply after the news",
                                 "Impeachment", "deposition transcripts",
                                 "The market rose sharply after the\nannouncement"});
}

TEST_CASE("a web paste (paragraphs on long lines) never joins a lowercase line to the line above") {
  const std::string body =
      "Lo sciopero nazionale del personale ferroviario ha provocato la cancellazione di centinaia di treni "
      "regionali e ad alta velocit\xC3\xA0 in tutta Italia.";
  CHECK(block_texts("Sciopero dei treni, disagi in tutta Italia\ndi Marco Rossi\n" + body) ==
        std::vector<std::string>{"Sciopero dei treni, disagi in tutta Italia", "di Marco Rossi", body});
}

TEST_CASE("block spans point at the trimmed text in bytes and UTF-16") {
  const std::string text = "\xF0\x9F\x98\x80 x\n\n  caf\xC3\xA9 ok ";
  const Utf16Offsets offsets(text);
  const auto blocks = split_blocks(text, offsets);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].text == "caf\xC3\xA9 ok");
  CHECK(blocks[1].span.byte_start == 10);
  CHECK(blocks[1].span.byte_end == 18);
  CHECK(blocks[1].span.utf16_start == 8);
  CHECK(blocks[1].span.utf16_end == 15);
}

TEST_CASE("empty and whitespace-only input has no blocks") {
  CHECK(block_texts("").empty());
  CHECK(block_texts(" \n\t\r\n \xC2\xA0 \n").empty());
}
