#include "utf8.hpp"

namespace precis::utf8 {
namespace {

constexpr unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

constexpr bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

// Well-formed sequences (Unicode Table 3-7). On an ill-formed sequence the
// maximal subpart (the longest prefix that could start a well-formed one) is
// consumed as a single replacement character.
Decoded decode_multibyte(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
  const unsigned char b0 = byte_at(text, pos);
  if (b0 < 0x80) return {b0, 1, true};
  if (b0 < 0xC2 || b0 > 0xF4) return {kReplacement, 1, false};

  std::size_t needed = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 < 0xE0) {
    needed = 1;
    cp = b0 & 0x1F;
  } else if (b0 < 0xF0) {
    needed = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else {
    needed = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  }
  std::size_t i = pos + 1;
  for (std::size_t k = 0; k < needed; ++k, ++i) {
    if (i >= size) return {kReplacement, i - pos, false};
    const unsigned char b = byte_at(text, i);
    const bool ok = k == 0 ? (b >= lo && b <= hi) : is_continuation(b);
    if (!ok) return {kReplacement, i - pos, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, needed + 1, true};
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Copy runs of ASCII directly: the common case.
    const std::size_t start = pos;
    while (pos < text.size() && byte_at(text, pos) < 0x80) ++pos;
    out.append(text.substr(start, pos - start));
    if (pos >= text.size()) break;
    const Decoded d = decode(text, pos);
    if (d.valid) {
      out.append(text.substr(pos, d.length));
    } else {
      append(out, kReplacement);
    }
    pos += d.length;
  }
  return out;
}

std::size_t count_invalid(std::string_view text) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (byte_at(text, pos) < 0x80) {
      ++pos;
      continue;
    }
    const Decoded d = decode(text, pos);
    count += d.valid ? 0 : 1;
    pos += d.length;
  }
  return count;
}

}  // namespace precis::utf8
