// Stage 2: sentences of the body blocks, with byte offsets.
#pragma once

#include <string_view>
#include <vector>

#include "document.hpp"
#include "unicode.hpp"

namespace precis {

// ICU's sentence boundaries inside each Body block, repaired where ICU is
// known to be wrong:
//  - after abbreviations ("Mr. Smith", "U.S. Ambassador", "Ph.D. student",
//    "5 p.m. Friday") and initials ("J. K. Rowling"), unless the next word
//    is a capitalized stopword ("... in the U.S. The ...");
//  - after German-style ordinals ("am 3. Oktober");
//  - where the next piece starts in lowercase ('"Why?" he asked.');
//  - at line breaks inside a hard-wrapped paragraph (no final punctuation).
// Blocks are never joined: a line without punctuation (headline, list item)
// is a sentence of its own. Pieces without a letter or digit are dropped.
[[nodiscard]] std::vector<SentenceSpan> segment_sentences(std::string_view text, const std::vector<Block>& blocks,
                                                          std::string_view language, unicode::Breaker& breaker);

}  // namespace precis
