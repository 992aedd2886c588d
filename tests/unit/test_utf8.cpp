#include <catch2/catch.hpp>
#include <string>

#include "offsets.hpp"
#include "utf8.hpp"

using namespace precis;

TEST_CASE("decode reads well-formed UTF-8 of every length") {
  const std::string s = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
  std::size_t pos = 0;
  std::vector<char32_t> cps;
  while (pos < s.size()) {
    const auto d = utf8::decode(s, pos);
    CHECK(d.valid);
    cps.push_back(d.code_point);
    pos += d.length;
  }
  CHECK(cps == std::vector<char32_t>{U'a', U'é', U'中', U'😀'});
}

TEST_CASE("ill-formed sequences become one U+FFFD per maximal subpart") {
  // Examples from the Unicode standard, section 3.9 (U+FFFD substitution).
  const std::string s = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  CHECK(utf8::count_invalid(s) == 6);
  CHECK(utf8::repaired(s) == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d");
  // Surrogates and overlongs are ill-formed.
  CHECK(utf8::count_invalid("\xED\xA0\x80") == 3);
  CHECK(utf8::count_invalid("\xC0\xAF") == 2);
  CHECK(utf8::count_invalid("\xF4\x90\x80\x80") == 4);
  // Truncated at the end.
  CHECK(utf8::count_invalid("ab\xE4\xB8") == 1);
}

TEST_CASE("UTF-16 offsets count surrogate pairs and replacements like JavaScript") {
  const std::string s = "a\xF0\x9F\x98\x80" "b\xFF" "c\xE4\xB8\xAD";
  const Utf16Offsets offsets(s);
  CHECK(offsets.at(0) == 0);
  CHECK(offsets.at(1) == 1);   // after 'a'
  CHECK(offsets.at(5) == 3);   // after the emoji (2 units)
  CHECK(offsets.at(6) == 4);   // after 'b'
  CHECK(offsets.at(7) == 5);   // after the bad byte (one U+FFFD)
  CHECK(offsets.at(8) == 6);   // after 'c'
  CHECK(offsets.utf16_size() == 7);
  CHECK(offsets.invalid_count() == 1);
}

TEST_CASE("UTF-16 offsets are exact far past the checkpoint stride") {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1 ? "x" : "\xF0\x9F\x98\x80");
  const Utf16Offsets offsets(s);
  std::size_t pos = 0, units = 0;
  while (pos < s.size()) {
    REQUIRE(offsets.at(pos) == units);
    const auto d = utf8::decode(s, pos);
    units += utf8::utf16_length(d.code_point);
    pos += d.length;
  }
  CHECK(offsets.at(s.size()) == units);
}
