// UTF-8 decoding shared by every stage. Ill-formed input is read the way ICU
// (U8_NEXT) and the WHATWG TextDecoder read it: each maximal subpart of an
// ill-formed sequence becomes one U+FFFD. Offsets always stay those of the
// caller's bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace precis::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t code_point;  // kReplacement for an ill-formed subpart
  std::size_t length;   // bytes consumed (>= 1)
  bool valid;
};

// Decode the code point starting at text[pos] (pos < text.size()). ASCII is
// decoded inline (every stage decodes mostly ASCII); the rest out of line.
[[nodiscard]] Decoded decode_multibyte(std::string_view text, std::size_t pos);
[[nodiscard]] inline Decoded decode(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  return decode_multibyte(text, pos);
}

// Number of UTF-16 code units the code point needs.
[[nodiscard]] constexpr std::size_t utf16_length(char32_t cp) { return cp > 0xFFFF ? 2 : 1; }

// Append the UTF-8 encoding of a code point.
void append(std::string& out, char32_t cp);

// A copy of `text` in which each ill-formed subpart is replaced by U+FFFD.
[[nodiscard]] std::string repaired(std::string_view text);

// Count ill-formed subparts.
[[nodiscard]] std::size_t count_invalid(std::string_view text);

}  // namespace precis::utf8
