#include "unicode.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "text_scan.hpp"
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
Script script_of_non_ascii(char32_t cp) {
  if (cp > 0x10FFFF) return Script::Other;
  const auto* after = std::upper_bound(std::begin(kScriptStarts), std::end(kScriptStarts), cp);
  return kScriptRuns[after - std::begin(kScriptStarts) - 1];
}

bool is_letter_non_ascii(char32_t cp) {
  return in_set(kLetterToggles, cp);
}

bool is_digit_non_ascii(char32_t cp) {
  return in_set(kDigitToggles, cp);
}

bool is_space_non_ascii(char32_t cp) {
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

// ------------------------------------------------------------------ Breaker

struct Breaker::Impl {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
  std::vector<WordPiece> token;  // the fast path's cut of one token
  std::vector<char16_t> utf16;   // the stretch being cut, for ICU
  bool utf8_only = false;        // tests: always the UTF-8 UText path
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

// Each rule set is opened once per process and never iterated itself: every
// Breaker takes a clone, which shares the compiled rules (ICU's clone of an
// iterator that nobody is using is safe from any thread). Opening costs about
// 50,000 instructions a call, a clone a few hundred.
std::unique_ptr<icu::BreakIterator> clone_of(const std::unique_ptr<icu::BreakIterator>& prototype) {
  return prototype ? std::unique_ptr<icu::BreakIterator>(prototype->clone()) : nullptr;
}

const std::unique_ptr<icu::BreakIterator>& sentence_rules() {
  static const std::unique_ptr<icu::BreakIterator> rules = open_rules("sent");
  return rules;
}

const std::unique_ptr<icu::BreakIterator>& word_rules() {
  static const std::unique_ptr<icu::BreakIterator> rules = open_rules("word");
  return rules;
}

}  // namespace

Breaker::Breaker() : impl_(std::make_unique<Impl>()) {
  impl_->sentence = clone_of(sentence_rules());
  impl_->word = clone_of(word_rules());
}

Breaker::~Breaker() = default;

bool Breaker::ok() const { return impl_->sentence && impl_->word; }

void Breaker::use_utf8_only(bool on) { impl_->utf8_only = on; }

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

// text[begin, end) as UTF-16 in `out`; false (out unspecified) when the bytes
// are not well-formed UTF-8.
bool to_utf16(std::string_view text, std::size_t begin, std::size_t end, std::vector<char16_t>& out) {
  out.resize(end - begin);  // never more units than bytes
  char16_t* w = out.data();
  const std::string_view upto = text.substr(0, end);
  for (std::size_t pos = begin; pos < end;) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      *w++ = static_cast<char16_t>(b);
      ++pos;
      continue;
    }
    const utf8::Decoded d = utf8::decode(upto, pos);
    if (!d.valid) return false;
    if (d.code_point > 0xFFFF) {
      *w++ = static_cast<char16_t>(0xD7C0 + (d.code_point >> 10));
      *w++ = static_cast<char16_t>(0xDC00 | (d.code_point & 0x3FF));
    } else {
      *w++ = static_cast<char16_t>(d.code_point);
    }
    pos += d.length;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return true;
}

// Runs `it` over text[begin, end) and calls each(byte) with the absolute byte
// offset of every boundary after `begin`, in order. Well-formed text goes to
// ICU as UTF-16 (its fastest input: no UText callbacks per character), the
// boundaries mapped back to bytes; ill-formed text through ICU's UTF-8 UText,
// which reads each ill-formed subpart as U+FFFD. Same code points, same rules,
// same boundaries.
template <class Each>
void for_each_boundary(icu::BreakIterator& it, std::string_view text, std::size_t begin, std::size_t end,
                       std::vector<char16_t>& utf16, bool utf8_only, Each each) {
  UErrorCode status = U_ZERO_ERROR;
  if (!utf8_only && to_utf16(text, begin, end, utf16)) {
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, utf16.data(), static_cast<int64_t>(utf16.size()), &status);
    if (U_FAILURE(status)) return;
    it.setText(&ut, status);
    if (U_SUCCESS(status)) {
      std::size_t units = 0, byte = begin;
      for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
        while (units < static_cast<std::size_t>(b) && byte < end) {
          const utf8::Decoded d = utf8::decode(text, byte);
          units += utf8::utf16_length(d.code_point);
          byte += d.length;
        }
        each(byte);
      }
    }
    utext_close(&ut);
    return;
  }
  Utf8Text ut(text, begin, end);
  if (!ut.ok()) return;
  it.setText(ut.get(), status);
  if (U_FAILURE(status)) return;
  for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) each(begin + static_cast<std::size_t>(b));
}

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
  for_each_boundary(*impl_->sentence, text, begin, end, impl_->utf16, impl_->utf8_only, [&](std::size_t at) {
    if (at < end) out.push_back(at);
  });
}

namespace {

// Appends one segment: an unsegmented Han run (ICU without a dictionary gives
// it status "none") is classified by script so both builds agree, and
// adjacent ideographic segments merge into one run.
void emit(std::string_view text, std::size_t start, std::size_t stop, WordKind kind, std::vector<WordPiece>& out) {
  if (kind == WordKind::Other || kind == WordKind::Letter) {
    const utf8::Decoded d = utf8::decode(text, start);
    if (is_cjk(script_of(d.code_point))) kind = WordKind::Ideographic;
  }
  if (kind == WordKind::Ideographic && !out.empty() && out.back().kind == WordKind::Ideographic &&
      out.back().end == start) {
    out.back().end = stop;
    return;
  }
  out.push_back({start, stop, kind});
}

// What the fast path makes of each byte: 0 not handled (controls, space, DEL,
// '_' and '@', anything beyond ASCII), 1 letter, 2 digit, 3 other mark.
constexpr std::array<unsigned char, 256> kAsciiClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0x21; c < 0x7F; ++c) {
    const bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    const bool digit = c >= '0' && c <= '9';
    t[static_cast<std::size_t>(c)] = alpha ? 1 : digit ? 2 : (c == '_' || c == '@') ? 0 : 3;
  }
  return t;
}();

// Cuts the token text[start, stop) (no spaces) the way ICU's root word rules
// do, if it has a shape whose cut is certain: printable ASCII only, one run
// of letters or of digits (or none), and punctuation around it. Letters join
// letters (WB5) and digits digits (WB8); '.', ',', ';', ':' and '\'' join only
// between two letters or two digits (WB6/7, WB11/12), which this shape never
// has; '_' (ExtendNumLet, WB13a/b) and '@' (a letter in ICU's data) join
// words, so tokens with them are left to ICU; every other mark is a segment
// of its own (WB999). Returns false, writing nothing, otherwise. Checked
// against ICU on every token of up to three characters (tests/unit/test_terms.cpp).
bool ascii_token(std::string_view text, std::size_t start, std::size_t stop, std::vector<WordPiece>& out) {
  std::size_t core_start = stop, core_end = stop;
  unsigned char core_class = 0;
  for (std::size_t i = start; i < stop; ++i) {
    const unsigned char c = kAsciiClass[static_cast<unsigned char>(text[i])];
    if (c == 0) return false;
    if (c == 3) continue;
    if (core_start == stop) {
      core_start = i;
      core_class = c;
    } else if (core_end != i || c != core_class) {
      return false;  // a second run, or letters and digits together
    }
    core_end = i + 1;
  }
  const WordKind kind = core_class == 1 ? WordKind::Letter : WordKind::Number;
  if (core_start == start && core_end == stop) {  // the usual token: one word, nothing around it
    out.push_back({start, stop, kind});
    return true;
  }
  for (std::size_t i = start; i < stop; ++i) {
    if (i == core_start) {
      out.push_back({core_start, core_end, kind});
      i = core_end - 1;
    } else {
      out.push_back({i, i + 1, WordKind::Other});
    }
  }
  return true;
}

}  // namespace

void Breaker::words_reference(std::string_view text, std::size_t begin, std::size_t end,
                              std::vector<WordPiece>& out) {
  if (!impl_->word || end <= begin) return;
  icu::BreakIterator& it = *impl_->word;
  std::size_t prev = begin;
  for_each_boundary(it, text, begin, end, impl_->utf16, impl_->utf8_only, [&](std::size_t at) {
    emit(text, prev, at, word_kind(it.getRuleStatus()), out);
    prev = at;
  });
}

// A run of spaces (U+0020) is one segment (WB3d), and there is a boundary on
// both sides of it: before it, because no rule joins anything but another
// space-like character to a following space (checked below where ICU's
// stretch ends); after it, unless the next character is Extend, Format or ZWJ
// (WB4), which is never the case when the next token is ASCII. So ICU's cut of the
// whole range is the cut of each ASCII token on its own, and ICU is asked
// only about the other stretches, each from the start of the spaces before
// it (a boundary) to a boundary.
void Breaker::words(std::string_view text, std::size_t begin, std::size_t end, std::vector<WordPiece>& out) {
  if (!impl_->word || end <= begin) return;
  std::size_t pos = begin;
  std::size_t pending = end;  // start of the stretch ICU has still to cut, or `end` when none
  while (pos < end) {
    const std::size_t spaces = pos;
    while (pos < end && text[pos] == ' ') ++pos;
    const std::size_t token = pos;
    while (pos < end && text[pos] != ' ') ++pos;
    if (token == pos) {  // trailing spaces
      if (pending == end) out.push_back({spaces, pos, WordKind::Other});
      break;
    }
    if (pending == end) {
      const std::size_t mark = out.size();
      if (spaces < token) out.push_back({spaces, token, WordKind::Other});
      if (ascii_token(text, token, pos, out)) continue;
      out.resize(mark);
      pending = spaces;
    } else {
      std::vector<WordPiece>& scratch = impl_->token;
      scratch.clear();
      // The ICU stretch may end here only if its last character cannot join
      // the spaces: ICU puts a space together with a space-like character
      // before it (U+3000, U+2003...: WB3d) and, to be safe, with any
      // non-ASCII character that is not a letter or digit (a mark, a format
      // character). Otherwise the token stays in the stretch.
      const char32_t before = scan::last_code_point(text, pending, spaces).code_point;
      const bool can_cut = before < 0x80 || is_letter(before) || is_digit(before);
      if (can_cut && ascii_token(text, token, pos, scratch)) {
        words_reference(text, pending, spaces, out);
        pending = end;
        if (spaces < token) out.push_back({spaces, token, WordKind::Other});
        out.insert(out.end(), scratch.begin(), scratch.end());
      }
    }
  }
  if (pending != end) words_reference(text, pending, end, out);
}

// ------------------------------------------------------------------ folding

void fold_reference(std::string_view text, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
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

namespace {

void append_ascii_lower(std::string_view text, std::string& out) {
  const std::size_t at = out.size();
  out.append(text);
  // Through a pointer and without a branch, so the loop vectorizes (a write
  // through out[i] might change the string's own size, for all the compiler knows).
  char* const p = out.data() + at;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = p[i];
    p[i] = static_cast<char>(c + (c >= 'A' && c <= 'Z' ? 'a' - 'A' : 0));
  }
}

// The end of the run of ASCII bytes that starts at `pos`, 8 bytes at a time.
std::size_t ascii_run_end(std::string_view text, std::size_t pos) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  while (pos + 8 <= text.size()) {
    std::uint64_t v;
    std::memcpy(&v, text.data() + pos, sizeof v);
    if ((v & kHighBits) != 0) break;
    pos += 8;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

}  // namespace

// ASCII folds to its lower case, and NFKC has a boundary before every ASCII
// character (ASCII is never changed, never composes with what precedes it,
// and a mark after it is the only thing it composes with); case folding goes
// code point by code point. So the fold of a text is the concatenation of
// the folds of its pieces cut before each ASCII character that does not
// precede a non-ASCII one: ASCII stretches are lowered here and only the
// non-ASCII runs, each with the ASCII character before it, go to ICU.
void fold(std::string_view text, std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t run = ascii_run_end(text, pos);  // end of the ASCII run starting at pos
    if (run == text.size()) {
      append_ascii_lower(text.substr(pos), out);
      return;
    }
    const std::size_t piece = run > pos ? run - 1 : run;  // keep the character before the run with it
    append_ascii_lower(text.substr(pos, piece - pos), out);
    std::size_t stop = run;
    while (stop < text.size() && static_cast<unsigned char>(text[stop]) >= 0x80) ++stop;
    fold_reference(text.substr(piece, stop - piece), out);
    pos = stop;
  }
}

}  // namespace precis::unicode
