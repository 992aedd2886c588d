// unicode.cpp answers script/letter/digit/space from char_tables.inc (generated
// by toolchain/gen-char-tables.cpp) instead of asking ICU; here every code point
// is checked against the ICU this build links. A failure means ICU's Unicode
// data differs from the tables: regenerate them.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "unicode.hpp"

using precis::unicode::Script;

namespace {

Script icu_script(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status)) return Script::Other;
  switch (code) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: return Script::Common;
    case USCRIPT_LATIN: return Script::Latin;
    case USCRIPT_CYRILLIC: return Script::Cyrillic;
    case USCRIPT_GREEK: return Script::Greek;
    case USCRIPT_ARABIC: return Script::Arabic;
    case USCRIPT_HEBREW: return Script::Hebrew;
    case USCRIPT_HAN: return Script::Han;
    case USCRIPT_HIRAGANA: return Script::Hiragana;
    case USCRIPT_KATAKANA: return Script::Katakana;
    case USCRIPT_HANGUL: return Script::Hangul;
    case USCRIPT_THAI: return Script::Thai;
    case USCRIPT_DEVANAGARI: return Script::Devanagari;
    default: return Script::Other;
  }
}

}  // namespace

TEST_CASE("character tables agree with ICU on every code point") {
  // Counted, not CHECKed one by one: 1.1 million assertions would swamp the report.
  long script = 0, letter = 0, digit = 0, space = 0;
  char32_t first_bad = 0;
  auto bad = [&first_bad](long& counter, char32_t cp) {
    if (counter++ == 0 && first_bad == 0) first_bad = cp;
  };
  for (char32_t cp = 0; cp <= 0x10FFFF + 16; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    if (precis::unicode::script_of(cp) != icu_script(cp)) bad(script, cp);
    if (precis::unicode::is_letter(cp) != (u_isalpha(c) != 0)) bad(letter, cp);
    if (precis::unicode::is_digit(cp) != (u_isdigit(c) != 0)) bad(digit, cp);
    if (precis::unicode::is_space(cp) != (u_isUWhiteSpace(c) != 0)) bad(space, cp);
  }
  INFO("first mismatch at U+" << std::hex << static_cast<unsigned long>(first_bad));
  CHECK(script == 0);
  CHECK(letter == 0);
  CHECK(digit == 0);
  CHECK(space == 0);
}

TEST_CASE("character tables: spot checks") {
  using namespace precis::unicode;
  CHECK(script_of(U'中') == Script::Han);
  CHECK(script_of(U'ひ') == Script::Hiragana);
  CHECK(script_of(U'カ') == Script::Katakana);
  CHECK(script_of(U'한') == Script::Hangul);
  CHECK(script_of(U'ж') == Script::Cyrillic);
  CHECK(script_of(U'é') == Script::Latin);
  CHECK(script_of(U'\u0301') == Script::Common);  // Inherited counts as Common
  CHECK(script_of(0x10FFFF) == Script::Other);     // unassigned: Unknown
  CHECK(script_of(0x110000) == Script::Other);     // not a code point
  CHECK(is_letter(U'ß'));
  CHECK_FALSE(is_letter(U'\u00D7'));  // ×
  CHECK(is_digit(U'٣'));
  CHECK(is_space(U'\u00A0'));
  CHECK(is_space(U'\u3000'));
  CHECK_FALSE(is_space(U'\u200B'));  // zero width space is not White_Space
}
