// Stage 3: terms — what sentences are compared by.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "unicode.hpp"

namespace precis {

// Words come from ICU word breaks, folded (NFKC + case folding). Stopwords
// of the document language and one-letter words are kept as tokens without
// a term; numbers are terms. A possessive or elided part is dropped
// ("Greenspan's" → greenspan, "l'homme" → homme). Han/kana runs become
// character bigrams within each stretch of Han and of Katakana (Hiragana
// stretches — Japanese particles and endings — give no terms), Hangul words
// syllable bigrams (a single character stays a unigram), so CJK text needs no
// dictionary (docs/languages.md has the measurements). Vectors weight terms by (1 + ln tf) ×
// ln(1 + N / sentence frequency), normalized to unit length.
[[nodiscard]] Terms extract_terms(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                  const std::optional<Span>& title, std::string_view language,
                                  unicode::Breaker& breaker);

// Words of `text` counted as extract_terms counts them (Terms::words).
[[nodiscard]] std::size_t count_words(std::string_view text, std::string_view language, unicode::Breaker& breaker);

// Cosine similarity of two unit vectors sorted by term.
[[nodiscard]] double cosine(const std::vector<TermWeight>& a, const std::vector<TermWeight>& b);

}  // namespace precis
