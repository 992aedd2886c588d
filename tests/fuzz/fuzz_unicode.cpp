// libFuzzer target: precis's Unicode fast paths against the general paths
// they shortcut, on arbitrary bytes. Any difference aborts (a crash for
// libFuzzer):
//  - unicode::fold (ASCII stretches lowered directly, only non-ASCII runs to
//    ICU) against ICU's fold of the whole text, and against the fold of the
//    repaired text (ill-formed bytes read as U+FFFD either way);
//  - sentence boundaries and ICU word segments with well-formed text given to
//    ICU as UTF-16, against ICU's UTF-8 UText on every text;
//  - Breaker::words (ASCII tokens cut without ICU) against words_reference;
// on the whole input and on an inner stretch chosen by its first byte.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "unicode.hpp"
#include "utf8.hpp"

namespace {

using precis::unicode::Breaker;
using precis::unicode::WordPiece;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_unicode: %s differs from its reference\n", what);
  std::abort();
}

bool same(const std::vector<WordPiece>& a, const std::vector<WordPiece>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].kind != b[i].kind) return false;
  }
  return true;
}

// A position at or after `pos` that starts a code point (or ill-formed subpart).
std::size_t boundary_at(std::string_view text, std::size_t pos) {
  std::size_t at = 0;
  while (at < pos && at < text.size()) at += precis::utf8::decode(text, at).length;
  return at;
}

void check_range(Breaker& fast, Breaker& reference, std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> a, b;
  fast.sentence_boundaries(text, begin, end, a);
  reference.sentence_boundaries(text, begin, end, b);
  if (a != b) fail("sentence_boundaries (UTF-16)");
  std::vector<WordPiece> wa, wb, wc;
  fast.words_reference(text, begin, end, wa);
  reference.words_reference(text, begin, end, wb);
  if (!same(wa, wb)) fail("words_reference (UTF-16)");
  fast.words(text, begin, end, wc);
  if (!same(wc, wb)) fail("words (ASCII fast path)");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 4096) return 0;  // ICU's whole-text fold is the slow part
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::string fast, whole, of_repaired;
  precis::unicode::fold(text, fast);
  precis::unicode::fold_reference(text, whole);
  if (fast != whole) fail("fold");
  precis::unicode::fold(precis::utf8::repaired(text), of_repaired);
  if (fast != of_repaired) fail("fold of ill-formed text");

  static Breaker fast_breaker;
  static Breaker& reference_breaker = [] () -> Breaker& {
    static Breaker b;
    b.use_utf8_only(true);
    return b;
  }();
  check_range(fast_breaker, reference_breaker, text, 0, text.size());
  const std::size_t begin = boundary_at(text, data[0] % 8);
  const std::size_t end = boundary_at(text, text.size() - std::min<std::size_t>(text.size(), data[0] / 32));
  if (begin < end) check_range(fast_breaker, reference_breaker, text, begin, end);
  return 0;
}
