#include "text_scan.hpp"

#include "unicode.hpp"
#include "utf8.hpp"

namespace precis::scan {

std::size_t skip_space(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  while (pos < end) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (!unicode::is_space(d.code_point) && !unicode::is_control(d.code_point)) return pos;
    pos += d.length;
  }
  return end;
}

Last last_code_point(std::string_view text, std::size_t begin, std::size_t end) {
  // Step back over at most 3 continuation bytes, then check the decode lands on end.
  std::size_t start = end - 1;
  for (std::size_t k = 0; k < 3 && start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80; ++k) {
    --start;
  }
  const utf8::Decoded d = utf8::decode(text, start);
  if (start + d.length == end) return {d.code_point, start};
  return {utf8::kReplacement, end - 1};  // an ill-formed tail byte
}

std::size_t trim_space_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const Last last = last_code_point(text, begin, end);
    if (!unicode::is_space(last.code_point) && !unicode::is_control(last.code_point)) return end;
    end = last.start;
  }
  return begin;
}

bool is_terminal(char32_t cp) {
  switch (cp) {
    case '.': case '!': case '?':
    case 0x2026:  // …
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  // ‼ ⁇ ⁈ ⁉
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E: case 0xFF61:  // 。！？．｡
    case 0x061F: case 0x06D4:  // Arabic ؟ ۔
    case 0x0964: case 0x0965:  // Devanagari danda
    case 0x037E:  // Greek question mark
    case 0x1362:  // Ethiopic full stop
    case 0x104B:  // Myanmar ။
    case 0x17D4: case 0x17D5:  // Khmer ។ ៕
      return true;
    default:
      return false;
  }
}

bool is_closing(char32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A:  // ’ ” » ›
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0x300B: case 0x3009:  // 」』）】》〉
      return true;
    default:
      return false;
  }
}

bool ends_sentence(std::string_view text, std::size_t begin, std::size_t end) {
  end = trim_space_end(text, begin, end);
  while (end > begin) {
    const Last last = last_code_point(text, begin, end);
    if (is_terminal(last.code_point)) return true;
    if (!is_closing(last.code_point)) return false;
    end = last.start;
  }
  return false;
}

bool has_alnum(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  while (pos < end) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (unicode::is_letter(d.code_point) || unicode::is_digit(d.code_point)) return true;
    pos += d.length;
  }
  return false;
}

void WordUnits::add_non_ascii(char32_t cp) {
  if (unicode::is_space(cp) || unicode::is_control(cp)) {
    in_token = false;
  } else if (unicode::is_cjk(unicode::script_of(cp))) {
    halves += 1;
    in_token = false;
  } else if (!in_token && (unicode::is_letter(cp) || unicode::is_digit(cp))) {
    halves += unicode::script_of(cp) == unicode::Script::Hangul ? 3 : 2;
    in_token = true;
  }
}

}  // namespace precis::scan
