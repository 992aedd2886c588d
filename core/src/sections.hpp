// Sections of long documents: headings, the section of every sentence, and
// "key points per section" — the budget spent in each section on its own.
//
// Built on what the earlier stages made (blocks of any kind, body sentences,
// their words and scores); it changes none of them. Headings are found in
// every block whatever cleaning decided (a "## Related work" heading can be
// set aside as a related-links line; it still starts a section).
//
// Heading signals, most explicit first:
//  1. Markdown ATX lines ("## Findings"), Setext underlines ("Findings" over
//     "========"), and the <h1>…<h6> elements of HTML input. The document
//     readers of the page write DOCX heading styles, PDF outline entries and
//     EPUB chapter headings as Markdown lines, so this is the portable signal.
//  2. Only when the text has none of those and is long: short heading-like
//     lines (a few words, no final punctuation, not lowercase, between
//     paragraphs), optionally numbered ("3.2 Results", "Chapter 4").
//
// Sections are cut at the headings of the shallowest level that occurs at
// least twice (chapters, not every subsection); deeper headings stay inside.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "precis/precis.hpp"
#include "select.hpp"

namespace precis {

struct Heading {
  std::size_t block = 0;  // index into the blocks
  std::size_t level = 1;  // 1 (top) to 6
  std::size_t byte_start = 0;  // the heading's words, without markup
  std::size_t byte_end = 0;
  bool marked = false;  // Markdown / HTML / Setext, not guessed
};

// The headings among `blocks` (the title block is never one). `html_levels`:
// per block, the <h1>-<h6> level of text read from HTML, or 0 (Document).
[[nodiscard]] std::vector<Heading> find_headings(std::string_view text, const std::vector<Block>& blocks,
                                                 std::optional<std::size_t> title_block,
                                                 const std::vector<std::uint8_t>* html_levels = nullptr);

// A text with Markdown headings is a structured document, not a web page:
// there, a "## Related work" section is part of it, not a list of teasers.
// Paragraphs after its first Markdown heading that cleaning set aside as
// `related` become body again. (Called between cleaning and segmentation.)
void restore_section_bodies(std::string_view text, std::vector<Block>& blocks, std::optional<std::size_t> title_block);

struct SectionPlan {
  std::vector<Section> sections;          // counts of selected filled in by attach_sections()
  std::vector<std::size_t> of_sentence;   // section index per sentence
  std::vector<bool> is_heading;           // the sentence is (part of) a heading line
  bool found_headings = false;
};

// Headings of `doc` (blocks, title, sentences and word counts already made)
// and the section of each sentence. Sections without a body sentence are
// merged into the next one.
[[nodiscard]] SectionPlan plan_sections(const Document& doc);

// The budget applied to each section on its own, with select_sentences()
// over that section's sentences (headings never chosen). Indices in
// document order.
[[nodiscard]] std::vector<std::size_t> select_per_section(const SectionPlan& plan, const SelectionInput& input,
                                                          const Budget& budget, double redundancy);

// Moves the plan's sections into `result` and sets each sentence's section
// and the sections' selected counts (from Sentence::selected); with
// `per_section` and no heading found, a note says so.
void attach_sections(SectionPlan plan, bool per_section, Result& result);

}  // namespace precis
