// The value that flows through the pipeline: the input and what each stage
// adds to it. Internal to the core; callers see precis::Result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "offsets.hpp"
#include "precis/precis.hpp"

namespace precis {

// A body sentence located in the input (bytes; UTF-16 added at the end).
struct SentenceSpan {
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  std::size_t block = 0;      // index into Document::blocks
  std::size_t paragraph = 0;  // index among body blocks
};

inline constexpr std::uint32_t kNoTerm = UINT32_MAX;

// One word of a sentence: its term, or kNoTerm for a stopword / symbol
// (which still separates keyphrases).
struct Token {
  std::uint32_t term;
  std::uint32_t byte_start;
  std::uint32_t byte_end;
};

struct TermWeight {
  std::uint32_t term;
  float weight;
};

// What the terms stage adds: a vocabulary, the tokens of every sentence and
// of the title, and a unit-length TF-IDF vector per sentence.
struct Terms {
  std::vector<std::string> vocabulary;            // folded text per term id
  std::vector<std::uint32_t> sentence_frequency;  // sentences containing the term
  std::vector<std::uint32_t> occurrences;         // total occurrences of the term
  std::vector<std::vector<Token>> tokens;         // per sentence, in order
  std::vector<std::size_t> words;                 // words per sentence (stopwords included)
  std::vector<std::vector<TermWeight>> vectors;   // per sentence, sorted by term, L2 = 1
  std::vector<TermWeight> title_vector;           // same weighting, L2 = 1
};

struct Document {
  std::string_view input;
  Utf16Offsets offsets;
  std::vector<Block> blocks;
  std::optional<std::size_t> title_block;
  // Text read from HTML (noise_html.hpp): per block, the level of the
  // <h1>-<h6> it came from, or 0; null for other input.
  const std::vector<std::uint8_t>* html_headings = nullptr;
  std::string language = "und";
  std::vector<SentenceSpan> sentences;
  Terms terms;

  explicit Document(std::string_view text) : input(text), offsets(text) {}
};

}  // namespace precis
