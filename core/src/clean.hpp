// Stage 1b: decide what each block is — title, body or noise — before any
// scoring, so a summary never quotes a cookie banner or a caption.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis {

// Marks the title block (kind Title) and returns its index. The title is the
// first block when it is a single short line (at most 25 words, 250 bytes)
// without a full stop at its end, followed by more text. With `remove_noise`
// the other blocks are classified as Body or Noise (with a reason).
[[nodiscard]] std::optional<std::size_t> classify_blocks(std::string_view text, std::vector<Block>& blocks,
                                                         bool remove_noise);

}  // namespace precis
