#include "unicode.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "utf8.hpp"

namespace precis::unicode {

namespace {

#include "char_tables.inc"

// Whether cp lies in the set described by `toggles` (see char_tables.inc).
template <std::size_t N>
bool in_set(const char32_t (&toggles)[N], char32_t cp) {
  return (std::upper_bound(std::begin(toggles), std::end(toggles), cp) - std::begin(toggles)) % 2 == 1;
}

}  // namespace

// Script, letter, digit and white space come from char_tables.inc (generated
// from ICU, checked against it code point by code point in the unit tests)
// rather than from ICU's property API, whose general property tries would add
// ~140 KB to the wasm module.
Script script_of(char32_t cp) {
  if (cp < 0x80) {
    const bool alpha = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return alpha ? Script::Latin : Script::Common;
  }
  if (cp > 0x10FFFF) return Script::Other;
  const auto* after = std::upper_bound(std::begin(kScriptStarts), std::end(kScriptStarts), cp);
  return kScriptRuns[after - std::begin(kScriptStarts) - 1];
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return in_set(kLetterToggles, cp);
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return in_set(kDigitToggles, cp);
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return in_set(kSpaceToggles, cp);
}

bool is_uppercase(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isUUppercase(static_cast<UChar32>(cp)) != 0;
}

bool is_lowercase(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_isULowercase(static_cast<UChar32>(cp)) != 0;
}

bool is_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C) return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// ------------------------------------------------------------------ Breaker

struct Breaker::Impl {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
};

namespace {

// The root locale's rules, loaded directly from the compiled rule data
// (brkitr/sent.brk, brkitr/word.brk) rather than through
// BreakIterator::createXxxInstance(Locale::getRoot()): for the root locale
// that is exactly what ICU does (root.res maps "sentence" -> sent.brk and
// "word" -> word.brk; no "ss" keyword, so no sentence-break suppressions), and
// it keeps the locale, resource-bundle and service machinery out of the wasm
// module. The iterator owns the UDataMemory.
std::unique_ptr<icu::BreakIterator> open_rules(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "brk", name, &status);
  if (U_FAILURE(status) || data == nullptr) return nullptr;
  std::unique_ptr<icu::RuleBasedBreakIterator> it(new icu::RuleBasedBreakIterator(data, status));
  if (!it) {
    udata_close(data);
    return nullptr;
  }
  if (U_FAILURE(status)) return nullptr;
  return it;
}

}  // namespace

Breaker::Breaker() : impl_(std::make_unique<Impl>()) {
  impl_->sentence = open_rules("sent");
  impl_->word = open_rules("word");
}

Breaker::~Breaker() = default;

bool Breaker::ok() const { return impl_->sentence && impl_->word; }

namespace {

// A UText over text[begin, end); ICU reports offsets relative to `begin`.
class Utf8Text {
 public:
  Utf8Text(std::string_view text, std::size_t begin, std::size_t end) {
    status_ = U_ZERO_ERROR;
    utext_openUTF8(&ut_, text.data() + begin, static_cast<int64_t>(end - begin), &status_);
  }
  ~Utf8Text() { utext_close(&ut_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  [[nodiscard]] bool ok() const { return U_SUCCESS(status_); }
  UText* get() { return &ut_; }

 private:
  UText ut_ = UTEXT_INITIALIZER;
  UErrorCode status_ = U_ZERO_ERROR;
};

WordKind word_kind(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT) return WordKind::Ideographic;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return WordKind::Ideographic;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return WordKind::Letter;
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return WordKind::Number;
  return WordKind::Other;
}

}  // namespace

void Breaker::sentence_boundaries(std::string_view text, std::size_t begin, std::size_t end,
                                  std::vector<std::size_t>& out) {
  if (!impl_->sentence || end <= begin) return;
  Utf8Text ut(text, begin, end);
  if (!ut.ok()) return;
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentence->setText(ut.get(), status);
  if (U_FAILURE(status)) return;
  for (int32_t b = impl_->sentence->next(); b != icu::BreakIterator::DONE; b = impl_->sentence->next()) {
    const std::size_t at = begin + static_cast<std::size_t>(b);
    if (at < end) out.push_back(at);
  }
}

void Breaker::words(std::string_view text, std::size_t begin, std::size_t end, std::vector<WordPiece>& out) {
  if (!impl_->word || end <= begin) return;
  Utf8Text ut(text, begin, end);
  if (!ut.ok()) return;
  UErrorCode status = U_ZERO_ERROR;
  impl_->word->setText(ut.get(), status);
  if (U_FAILURE(status)) return;
  int32_t prev = impl_->word->first();
  for (int32_t b = impl_->word->next(); b != icu::BreakIterator::DONE; prev = b, b = impl_->word->next()) {
    WordKind kind = word_kind(impl_->word->getRuleStatus());
    const std::size_t start = begin + static_cast<std::size_t>(prev);
    const std::size_t stop = begin + static_cast<std::size_t>(b);
    // Without a dictionary ICU reports an unsegmented Han run with status
    // "none"; classify by script so both builds agree.
    if (kind == WordKind::Other || kind == WordKind::Letter) {
      const utf8::Decoded d = utf8::decode(text, start);
      if (is_cjk(script_of(d.code_point))) kind = WordKind::Ideographic;
    }
    if (kind == WordKind::Ideographic && !out.empty() && out.back().kind == WordKind::Ideographic &&
        out.back().end == start) {
      out.back().end = stop;
      continue;
    }
    out.push_back({start, stop, kind});
  }
}

// ------------------------------------------------------------------ folding

void fold(std::string_view word, std::string& out) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (char c : word) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString normalized;
  if (U_SUCCESS(status) && nfkc != nullptr) {
    nfkc->normalize(source, normalized, status);
  }
  if (U_FAILURE(status)) {
    normalized = source;
  }
  normalized.foldCase(U_FOLD_CASE_DEFAULT);
  normalized.toUTF8String(out);
}

}  // namespace precis::unicode
