// Stage 1c: decide the language of the body once; later stages look up
// stopwords and term rules by it.
#pragma once

#include <cstddef>
#include <memory>
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

// The same two answers, with the evidence of each stretch of text read once:
// cleaning detects the body's language, then each block's, and the pipeline
// the body's again after cleaning, all over the same blocks. Evidence is
// additive over stretches and depends only on their bytes, so it is kept by
// the stretch's address and length (the text must outlive the detector and
// not change). One per summarize call; not thread-safe.
class LanguageDetector {
 public:
  LanguageDetector();
  ~LanguageDetector();
  LanguageDetector(const LanguageDetector&) = delete;
  LanguageDetector& operator=(const LanguageDetector&) = delete;

  [[nodiscard]] std::string detect(std::string_view text, const std::vector<Block>& blocks);
  // The same over the given stretches of `text` (spans of its blocks), in order.
  [[nodiscard]] std::string detect(std::string_view text, const std::vector<Span>& stretches);
  [[nodiscard]] std::string detect(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace precis
