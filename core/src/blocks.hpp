// Stage 1a: cut the input into blocks — paragraphs and lines.
#pragma once

#include <string_view>
#include <vector>

#include "offsets.hpp"
#include "precis/precis.hpp"

namespace precis {

// Blank lines always separate blocks. A single line break separates blocks
// too (pasted pages put each paragraph, caption and link on its own line),
// except where the line is visibly hard-wrapped: the text's lines stay within
// a width, the line does not end a sentence, the next line starts in
// lowercase, and its first word would not have fitted on the line (so a menu
// item or a list entry never runs into the line below). Every block starts as
// Body, trimmed.
[[nodiscard]] std::vector<Block> split_blocks(std::string_view text, const Utf16Offsets& offsets);

}  // namespace precis
