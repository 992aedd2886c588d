// Small character-level questions the stages ask about UTF-8 text.
#pragma once

#include <cstddef>
#include <string_view>

namespace precis::scan {

// First / last position of text[begin, end) that is not white space (end if none).
[[nodiscard]] std::size_t skip_space(std::string_view text, std::size_t begin, std::size_t end);
[[nodiscard]] std::size_t trim_space_end(std::string_view text, std::size_t begin, std::size_t end);

// The code point that ends before `end` (end > begin), and where it starts.
struct Last {
  char32_t code_point;
  std::size_t start;
};
[[nodiscard]] Last last_code_point(std::string_view text, std::size_t begin, std::size_t end);

// Sentence-final punctuation: . ! ? … and their CJK / fullwidth / other-script forms.
[[nodiscard]] bool is_terminal(char32_t cp);
// Closing quotes and brackets that may follow a full stop.
[[nodiscard]] bool is_closing(char32_t cp);

// Does text[begin, end) end with sentence-final punctuation, ignoring closing
// quotes/brackets and white space after it?
[[nodiscard]] bool ends_sentence(std::string_view text, std::size_t begin, std::size_t end);

// Does text[begin, end) contain a letter or a digit?
[[nodiscard]] bool has_alnum(std::string_view text, std::size_t begin, std::size_t end);

// Word units, counted in halves, one code point at a time: a CJK character
// is 1, a Korean word 3 (it carries its particles: about 1.5 words), any
// other run of characters that has a letter or digit 2. Spaces and control
// characters end a word.
struct WordUnits {
  std::size_t halves = 0;
  bool in_token = false;

  void add(char32_t cp) {
    if (cp < 0x80) {
      if (cp <= 0x20 || cp == 0x7F) {
        in_token = false;
      } else if (!in_token && (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9'))) {
        halves += 2;
        in_token = true;
      }
      return;
    }
    add_non_ascii(cp);
  }
  void add_non_ascii(char32_t cp);
};

// Calls each(token) for every non-empty run of bytes between U+0020 spaces
// (the tokens of a noise key, or of a line split at spaces), in order, while
// it returns true. Returns false when `each` stopped it.
template <class Each>
bool each_token(std::string_view text, Each each) {
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = start;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > start && !each(text.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace precis::scan
