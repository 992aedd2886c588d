// precis — offline extractive summarization.
//
// The whole public surface of the core library: plain value types in, plain
// value types out. No I/O, no globals, no exceptions thrown for bad input.
//
//   precis::Options options;
//   options.budget = {precis::BudgetUnit::Sentences, 3};
//   precis::Outcome outcome = precis::summarize(text, options);
//   if (outcome.error) { /* outcome.error->field, outcome.error->message */ }
//   for (const auto& s : outcome.result.sentences) if (s.selected) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

inline constexpr std::string_view kVersion = "0.1.0";

// ---------------------------------------------------------------- options

enum class BudgetUnit { Sentences, Ratio, Words, Characters };

// How much summary to produce. `value` is a count for Sentences, Words and
// Characters (Characters are UTF-16 code units, as a browser counts them),
// and a fraction of the body's sentences in (0, 1] for Ratio.
struct Budget {
  BudgetUnit unit = BudgetUnit::Sentences;
  double value = 3;
};

enum class Mode {
  Extract,   // whole sentences under the budget, in document order
  Headline,  // one sentence, cut at a word boundary to the headline limits
};

struct Options {
  Budget budget;
  Mode mode = Mode::Extract;
  // Headline limits (0 = no limit of that kind). A cut headline ends with "…".
  std::size_t headline_words = 12;
  std::size_t headline_characters = 0;
  // Classify blocks and drop noise (captions, banners, related links...).
  bool clean = true;
  // "auto" or a lowercase ISO 639-1 code ("en", "zh", ...).
  std::string language = "auto";
  // Number of keyphrases to return.
  std::size_t keywords = 10;
  // Redundancy control: a candidate whose cosine similarity to an already
  // chosen sentence is at least this is skipped. 1 disables the check.
  double redundancy = 0.6;
  // Inputs longer than this (UTF-8 bytes) are refused with an error.
  std::size_t max_input_bytes = std::size_t{16} << 20;
  // Measure per-stage wall time into Stats::timings (makes output vary).
  bool timings = false;
  // Key points per section (long documents with headings): the budget applies
  // to each section (Result::sections) instead of the whole text, and each
  // section's sentences are chosen among its own. Extract mode only.
  bool per_section = false;
};

// The allowed ranges, shared by validation and the documentation.
inline constexpr double kMaxBudgetCount = 100000;
inline constexpr std::size_t kMaxHeadlineLimit = 1000;
inline constexpr std::size_t kMaxKeywords = 100;
inline constexpr std::size_t kMaxInputBytesLimit = std::size_t{1} << 30;

// A problem with the caller's input: `field` names it the way a JSON request
// spells it ("options.sentences", "text"), `message` says what was wrong.
struct Error {
  std::string field;
  std::string message;
};

// The one place options are checked; the CLI, the C ABI and the JS API all
// report these messages.
[[nodiscard]] std::optional<Error> validate(const Options& options);

// ---------------------------------------------------------------- result

// A half-open range [start, end) in UTF-8 bytes of the input and in UTF-16
// code units of the same text (what JavaScript string indices count).
struct Span {
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  std::size_t utf16_start = 0;
  std::size_t utf16_end = 0;
};

enum class BlockKind { Title, Body, Noise };

enum class NoiseReason {
  None,
  CookieBanner,   // consent / cookie notices
  Caption,        // image captions, photo credits, "AI-generated image"
  Related,        // "Related articles", "Read more" and their teasers
  Share,          // share / print / subscribe / follow lines
  Navigation,     // breadcrumbs, menus, "Home > World"
  Byline,         // author, date and time lines, "Reported by ..."
  Newsletter,     // newsletter and sign-up prompts
  Advertisement,  // "Advertisement", "Sponsored"
  Repeated,       // a line that repeats an earlier one
  OtherLanguage,  // a block in another language/script than the body
  Fragment,       // short line without sentence punctuation outside the body
  OutsideArticle, // running text outside the article: comments, teasers, sidebars, bios
};

// A paragraph or line of the input and what cleaning decided about it.
struct Block {
  Span span;
  BlockKind kind = BlockKind::Body;
  NoiseReason reason = NoiseReason::None;
  std::string text;
  // Body blocks: cleaning's probability that the block is article text (1
  // where no model had to judge it). Under 0.5 it is doubtful body: kept,
  // but its sentences weigh less in the summary. 0 for noise.
  double body_probability = 1;
};

// A block cleaning kept with doubt: body, but under even odds of being
// article text.
[[nodiscard]] inline bool is_doubtful(const Block& b) {
  return b.kind == BlockKind::Body && b.body_probability < 0.5;
}

// The parts a sentence's score is made of, each in [0, 1] before weighting.
struct ScoreParts {
  double centrality = 0;  // position-aware similarity to the rest of the text
  double position = 0;    // lead prior
  double title = 0;       // similarity to the title
  double salience = 0;    // frequent content words (Luhn / OTS style)
  double length = 0;      // prior against fragments and run-ons
};

struct Sentence {
  std::string text;
  Span span;
  std::size_t paragraph = 0;  // index of the body paragraph it belongs to
  std::size_t block = 0;      // index into Result::blocks
  std::size_t section = 0;    // index into Result::sections
  double score = 0;
  ScoreParts parts;
  bool selected = false;
};

// A part of the text under one heading (Markdown `#` lines, HTML <h1>-<h6>,
// Setext underlines, or — in long plain text — short heading-like lines).
// The text before the first heading is a section without a heading.
struct Section {
  std::string title;           // the heading without its markup; empty for the lead-in
  std::optional<Span> heading; // the heading's words in the input
  std::size_t level = 0;       // 1 (top) to 6; 0 for the lead-in
  std::size_t sentences = 0;   // body sentences in it (headings not counted)
  std::size_t selected = 0;
};

struct Keyword {
  std::string text;
  double score = 0;
  std::size_t count = 0;
};

struct Timings {
  double clean_ms = 0;
  double segment_ms = 0;
  double terms_ms = 0;
  double score_ms = 0;
  double select_ms = 0;
  double total_ms = 0;
};

struct Stats {
  std::size_t input_bytes = 0;
  std::size_t input_utf16 = 0;
  std::size_t invalid_utf8 = 0;  // ill-formed sequences read as U+FFFD
  std::size_t words_in = 0;      // words of the body
  std::size_t words_out = 0;     // words of the summary
  std::size_t sentences = 0;     // body sentences
  std::size_t selected = 0;
  std::optional<Timings> timings;
};

struct Result {
  std::string language;       // ISO 639-1 code, or "und" when unknown
  std::optional<Block> title; // the detected title line, if any
  std::vector<Block> blocks;  // every block of the input, in order
  std::vector<Sentence> sentences;  // every body sentence, in order
  std::vector<Section> sections;    // in order; one (the whole text) when it has no headings
  std::string summary;        // selected sentences joined, or the headline
  std::vector<Keyword> keywords;
  Stats stats;
  std::vector<std::string> notes;  // e.g. why the summary is empty
};

struct Outcome {
  std::optional<Error> error;  // set when the request was refused
  Result result;
};

// Summarize UTF-8 text. Ill-formed UTF-8 is read as U+FFFD (counted in
// stats.invalid_utf8); offsets always refer to the bytes given.
[[nodiscard]] Outcome summarize(std::string_view text, const Options& options);

// Stable names used in JSON, the CLI and the page.
[[nodiscard]] std::string_view to_string(BlockKind kind);
[[nodiscard]] std::string_view to_string(NoiseReason reason);
[[nodiscard]] std::string_view to_string(BudgetUnit unit);
[[nodiscard]] std::string_view to_string(Mode mode);

}  // namespace precis
