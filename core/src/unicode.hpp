// The one wrapper around ICU: break iterators, case folding, normalization
// and character properties. Nothing else in precis includes ICU headers, so
// the ICU surface (and the wasm size it costs) stays visible here.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace precis::unicode {

enum class Script : unsigned char { Common, Latin, Cyrillic, Greek, Arabic, Hebrew, Han, Hiragana, Katakana, Hangul, Thai, Devanagari, Other };

// ASCII is answered inline (most text is mostly ASCII); the rest from the
// tables, out of line.
[[nodiscard]] Script script_of_non_ascii(char32_t cp);
[[nodiscard]] bool is_letter_non_ascii(char32_t cp);
[[nodiscard]] bool is_digit_non_ascii(char32_t cp);
[[nodiscard]] bool is_space_non_ascii(char32_t cp);

[[nodiscard]] inline bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return is_letter_non_ascii(cp);
}
[[nodiscard]] inline Script script_of(char32_t cp) {
  if (cp < 0x80) return is_letter(cp) ? Script::Latin : Script::Common;
  return script_of_non_ascii(cp);
}
[[nodiscard]] inline bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return is_digit_non_ascii(cp);
}
// White space, including NBSP and line separators.
[[nodiscard]] inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return is_space_non_ascii(cp);
}
[[nodiscard]] bool is_uppercase(char32_t cp);
[[nodiscard]] bool is_lowercase(char32_t cp);
// Characters that written text never means (C0/C1 controls other than tab and
// line breaks, noncharacters); the core reads them as spaces.
[[nodiscard]] inline bool is_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C) return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// Han, Hiragana and Katakana: scripts written without spaces between words,
// whose runs become character bigrams.
[[nodiscard]] constexpr bool is_cjk(Script s) {
  return s == Script::Han || s == Script::Hiragana || s == Script::Katakana;
}

enum class WordKind { Other, Number, Letter, Ideographic };

// A segment between two ICU word boundaries, in bytes of the whole input.
struct WordPiece {
  std::size_t start;
  std::size_t end;
  WordKind kind;
};

// Owns one sentence and one word break iterator (root rules for every
// language, so results never depend on which locale data is present).
// Created once per summarize call; not thread-safe.
class Breaker {
 public:
  Breaker();
  ~Breaker();
  Breaker(const Breaker&) = delete;
  Breaker& operator=(const Breaker&) = delete;

  // False when ICU could not load its break rules (missing data).
  [[nodiscard]] bool ok() const;

  // ICU is given well-formed text as UTF-16 (fast) and ill-formed text through
  // its UTF-8 UText; tests turn this on to get the UTF-8 path for every text
  // and check that both cut the same.
  void use_utf8_only(bool on);

  // Sentence boundaries strictly inside text[begin, end), as absolute byte
  // offsets, appended to `out` in increasing order.
  void sentence_boundaries(std::string_view text, std::size_t begin, std::size_t end,
                           std::vector<std::size_t>& out);

  // Word segments of text[begin, end), appended to `out`. Adjacent
  // ideographic/kana segments are merged into one run, so the result is the
  // same with or without ICU's CJK dictionary.
  //
  // Space-separated ASCII tokens of the common shapes (a run of letters or of
  // digits, with punctuation before or after it: "word," "(1990)") are cut
  // without ICU, exactly as ICU's root word rules cut them; the rest goes
  // through ICU, a stretch at a time.
  void words(std::string_view text, std::size_t begin, std::size_t end, std::vector<WordPiece>& out);

  // The same, every byte through ICU: the reference the fast path is checked
  // against in the tests.
  void words_reference(std::string_view text, std::size_t begin, std::size_t end, std::vector<WordPiece>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// NFKC, then full Unicode case folding, appended to `out`. ASCII stretches
// take a fast path with the same result; only non-ASCII runs go to ICU.
void fold(std::string_view text, std::string& out);
// The same, the whole text through ICU: the reference fold() is tested against.
void fold_reference(std::string_view text, std::string& out);

}  // namespace precis::unicode
