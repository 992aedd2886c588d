// Invariants every precis::summarize result must satisfy, whatever the input.
// Shared by the fuzz targets; a violation aborts (a crash libFuzzer reports).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "precis/precis.hpp"

namespace precis::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "precis fuzz invariant violated: %s\n", what);
  std::abort();
}

#define PRECIS_FUZZ_CHECK(cond) \
  do {                          \
    if (!(cond)) ::precis::fuzz::fail(#cond); \
  } while (0)

inline bool unit_interval(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

inline void check_span(const Span& s, const Stats& stats) {
  PRECIS_FUZZ_CHECK(s.byte_start <= s.byte_end);
  PRECIS_FUZZ_CHECK(s.byte_end <= stats.input_bytes);
  PRECIS_FUZZ_CHECK(s.utf16_start <= s.utf16_end);
  PRECIS_FUZZ_CHECK(s.utf16_end <= stats.input_utf16);
  PRECIS_FUZZ_CHECK(s.utf16_end - s.utf16_start <= s.byte_end - s.byte_start);
}

inline void check_outcome(std::string_view text, const Options& options, const Outcome& outcome) {
  if (outcome.error) {
    // Only a too-large input or bad options are refused, always naming a field.
    PRECIS_FUZZ_CHECK(!outcome.error->field.empty());
    PRECIS_FUZZ_CHECK(!outcome.error->message.empty());
    return;
  }
  const Result& r = outcome.result;
  PRECIS_FUZZ_CHECK(r.stats.input_bytes == text.size());
  PRECIS_FUZZ_CHECK(r.stats.input_utf16 <= text.size());
  PRECIS_FUZZ_CHECK(r.stats.invalid_utf8 <= text.size());
  PRECIS_FUZZ_CHECK(r.stats.sentences == r.sentences.size());
  PRECIS_FUZZ_CHECK(!r.language.empty());

  std::size_t selected = 0;
  std::size_t prev_byte_end = 0;
  std::size_t prev_utf16_end = 0;
  for (const Sentence& s : r.sentences) {
    check_span(s.span, r.stats);
    PRECIS_FUZZ_CHECK(s.span.byte_start >= prev_byte_end);  // ordered, not overlapping
    PRECIS_FUZZ_CHECK(s.span.utf16_start >= prev_utf16_end);
    prev_byte_end = s.span.byte_end;
    prev_utf16_end = s.span.utf16_end;
    PRECIS_FUZZ_CHECK(s.span.byte_end > s.span.byte_start);  // no empty sentences
    PRECIS_FUZZ_CHECK(s.block < r.blocks.size());
    PRECIS_FUZZ_CHECK(unit_interval(s.score));
    PRECIS_FUZZ_CHECK(unit_interval(s.parts.centrality));
    PRECIS_FUZZ_CHECK(unit_interval(s.parts.position));
    PRECIS_FUZZ_CHECK(unit_interval(s.parts.title));
    PRECIS_FUZZ_CHECK(unit_interval(s.parts.salience));
    PRECIS_FUZZ_CHECK(unit_interval(s.parts.length));
    if (s.selected) ++selected;
  }
  PRECIS_FUZZ_CHECK(selected == r.stats.selected);

  std::size_t prev_block_end = 0;
  for (const Block& b : r.blocks) {
    check_span(b.span, r.stats);
    PRECIS_FUZZ_CHECK(b.span.byte_start >= prev_block_end);
    prev_block_end = b.span.byte_end;
    PRECIS_FUZZ_CHECK((b.kind == BlockKind::Noise) == (b.reason != NoiseReason::None));
  }
  if (r.title) check_span(r.title->span, r.stats);

  if (options.mode == Mode::Extract) {
    PRECIS_FUZZ_CHECK(r.summary.empty() == (selected == 0));
    if (options.budget.unit == BudgetUnit::Sentences) {
      PRECIS_FUZZ_CHECK(selected <= static_cast<std::size_t>(options.budget.value));
    }
  } else {
    PRECIS_FUZZ_CHECK(selected <= 1);
  }
  if (r.sentences.empty()) PRECIS_FUZZ_CHECK(!r.notes.empty());
  if (r.summary.empty()) PRECIS_FUZZ_CHECK(!r.notes.empty());
  PRECIS_FUZZ_CHECK(r.stats.words_out <= r.stats.words_in);
  PRECIS_FUZZ_CHECK(r.keywords.size() <= options.keywords);
  for (const Keyword& k : r.keywords) {
    PRECIS_FUZZ_CHECK(!k.text.empty());
    PRECIS_FUZZ_CHECK(std::isfinite(k.score) && k.score >= 0);
    PRECIS_FUZZ_CHECK(k.count >= 1);
  }
}

}  // namespace precis::fuzz
