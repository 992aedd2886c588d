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

// Candidates are the lead sentence and the best-scored ones, except those
// that start with a quotation mark or have fewer than six words. Each is put
// in headline form and shortened to the limits at a clause or phrase
// boundary (compress.hpp); the headline whose terms the text repeats most
// wins, ties to the lead. Without a candidate, the lead as it is.
[[nodiscard]] Headline make_headline(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                     const std::vector<double>& scores, const Terms& terms, TextLimits limits,
                                     std::string_view language, unicode::Breaker& breaker);

}  // namespace precis
