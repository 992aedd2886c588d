// Shortening one sentence to a word or character limit where it reads well:
// at a clause boundary rather than mid-phrase, without the parts a headline
// drops (attributions, parentheses, a leading "But").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "unicode.hpp"

namespace precis {

// 0 = no limit of that kind. Characters are UTF-16 code units (what a
// browser counts); words are counted as the summary counts them (a CJK
// character is a word).
struct TextLimits {
  std::size_t words = 0;
  std::size_t characters = 0;
};

enum class ShortenStyle {
  Prefix,    // a leading part of the sentence, as it stands in the text
  Headline,  // may also drop attributions, parentheses, a leading connective
             // and the final full stop
};

struct Shortened {
  std::string text;  // empty when not even the first word fits
  bool cut = false;  // ends with "…": no complete clause fitted
};

// The whole sentence when it fits; otherwise its longest leading clause that
// fits (ending before a comma, semicolon, colon, dash or a conjunction of the
// language, with at least kMinClauseWords words and not on a stopword);
// otherwise its first words with "…" (which counts toward the characters).
// A Prefix that is not the whole sentence also ends with "…".
[[nodiscard]] Shortened shorten(std::string_view sentence, TextLimits limits, ShortenStyle style,
                                std::string_view language, unicode::Breaker& breaker);

inline constexpr std::size_t kMinClauseWords = 4;

}  // namespace precis
