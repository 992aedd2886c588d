#include "offsets.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace precis {

Utf16Offsets::Utf16Offsets(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 2);
  checkpoints_.push_back({0, 0});
  std::size_t pos = 0;
  std::size_t units = 0;
  std::size_t next_checkpoint = kStride;
  while (pos < text.size()) {
    if (pos >= next_checkpoint) {
      checkpoints_.push_back({pos, units});
      next_checkpoint = pos + kStride;
    }
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      ++pos;
      ++units;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, pos);
    units += utf8::utf16_length(d.code_point);
    invalid_ += d.valid ? 0 : 1;
    pos += d.length;
  }
  utf16_size_ = units;
}

std::size_t Utf16Offsets::at(std::size_t byte) const {
  if (byte >= text_.size()) return utf16_size_;
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), byte,
                             [](std::size_t b, const Checkpoint& c) { return b < c.byte; });
  const Checkpoint& c = *(it - 1);
  // Every character maps to at most as many UTF-16 units as it has bytes, so
  // a stretch between checkpoints with as many units as bytes maps one to one
  // (plain ASCII, the usual case): no walk needed.
  const std::size_t next_byte = it == checkpoints_.end() ? text_.size() : it->byte;
  const std::size_t next_units = it == checkpoints_.end() ? utf16_size_ : it->utf16;
  if (next_units - c.utf16 == next_byte - c.byte) return c.utf16 + (byte - c.byte);
  if (invalid_ == 0) {
    // Well-formed UTF-8: a unit per code point start, two for a 4-byte one
    // (a surrogate pair); a branch-free count the compiler vectorizes.
    std::size_t units = c.utf16;
    for (std::size_t pos = c.byte; pos < byte; ++pos) {
      const auto b = static_cast<unsigned char>(text_[pos]);
      units += static_cast<std::size_t>((b & 0xC0) != 0x80) + static_cast<std::size_t>(b >= 0xF0);
    }
    return units;
  }
  std::size_t pos = c.byte;
  std::size_t units = c.utf16;
  while (pos < byte) {
    const auto b = static_cast<unsigned char>(text_[pos]);
    if (b < 0x80) {
      ++pos;
      ++units;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text_, pos);
    units += utf8::utf16_length(d.code_point);
    pos += d.length;
  }
  return units;
}

Span Utf16Offsets::span(std::size_t byte_start, std::size_t byte_end) const {
  return {byte_start, byte_end, at(byte_start), at(byte_end)};
}

}  // namespace precis
