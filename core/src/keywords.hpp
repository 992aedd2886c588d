// Keyphrases of the body.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace precis {

// Candidates are runs of 1–3 adjacent terms inside a sentence (a stopword,
// punctuation or a sentence end breaks a run; overlapping CJK bigrams join).
// A term weighs occurrences × (2 if it is in the title) × (1 + 1/(1 + index
// of its first sentence)); a phrase scores count × mean term weight ×
// sqrt(length), and multi-term phrases must occur at least twice. A
// candidate whose terms are all inside a better one is dropped. Scores are
// scaled so the best is 1; ties keep first appearance order.
[[nodiscard]] std::vector<Keyword> extract_keywords(std::string_view text, const Terms& terms, std::size_t limit);

}  // namespace precis
