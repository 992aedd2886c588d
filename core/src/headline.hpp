// Headline mode: one line that says what the text is about.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compress.hpp"
#include "document.hpp"
#include "unicode.hpp"

namespace precis {

struct Headline {
  std::string text;           // empty when not even one word fits the limits
  std::size_t sentence = 0;   // the sentence it was made from
};

// Candidates are the lead (the first body sentences) and the best-scored
// sentences; each is put in headline form and shortened to the limits at a
// clause boundary (compress.hpp). The best-scored candidate whose headline
// is a complete clause wins; when every candidate must be cut, the best one.
[[nodiscard]] Headline make_headline(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                     const std::vector<double>& scores, TextLimits limits, std::string_view language,
                                     unicode::Breaker& breaker);

}  // namespace precis
