// Byte offsets → UTF-16 offsets, computed once per input in one pass.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis {

// Maps a UTF-8 byte offset of the input to the UTF-16 offset of the same
// position (ill-formed subparts count as one U+FFFD). Checkpoints every
// kStride bytes keep memory at ~1/32 of the input and lookups O(kStride).
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text);

  // `byte` must be 0, text.size(), or the start of a code point / subpart.
  [[nodiscard]] std::size_t at(std::size_t byte) const;
  [[nodiscard]] Span span(std::size_t byte_start, std::size_t byte_end) const;
  [[nodiscard]] std::size_t utf16_size() const { return utf16_size_; }
  [[nodiscard]] std::size_t invalid_count() const { return invalid_; }

 private:
  static constexpr std::size_t kStride = 256;
  struct Checkpoint {
    std::size_t byte;
    std::size_t utf16;
  };
  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;
  std::size_t utf16_size_ = 0;
  std::size_t invalid_ = 0;
};

}  // namespace precis
