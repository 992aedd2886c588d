// Stage 1c: decide the language of the body once; later stages look up
// stopwords and term rules by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis {

// ISO 639-1 code of the text's main language, or "und". Evidence: the
// dominant script of the letters, then stopword hits for scripts shared by
// several languages (Latin, Cyrillic). Reads at most the first 64 KiB of
// `text` that is not noise.
[[nodiscard]] std::string detect_language(std::string_view text, const std::vector<Block>& blocks);

// The same on one stretch of text (used for per-block checks).
[[nodiscard]] std::string detect_language(std::string_view text);

}  // namespace precis
