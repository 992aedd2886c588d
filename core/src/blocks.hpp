// Stage 1a: cut the input into blocks — paragraphs and lines.
#pragma once

#include <string_view>
#include <vector>

#include "offsets.hpp"
#include "precis/precis.hpp"

namespace precis {

// Blank lines always separate blocks. A single line break separates blocks
// too (pasted pages put each paragraph, caption and link on its own line),
// except where the line is visibly hard-wrapped: it does not end a sentence
// and the next line starts in lowercase. Every block starts as Body, trimmed.
[[nodiscard]] std::vector<Block> split_blocks(std::string_view text, const Utf16Offsets& offsets);

}  // namespace precis
