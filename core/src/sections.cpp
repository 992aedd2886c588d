#include "sections.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// A heading line has at most this many words and bytes (a CJK heading of ~40
// characters fits the bytes).
constexpr std::size_t kHeadingMaxWords = 12;
constexpr std::size_t kHeadingMaxBytes = 120;
// Guessed headings are looked for only in long texts (body words), and only
// kept when there are at least this many: one short line between two
// paragraphs of an article is a subhead or a quote, not a document outline.
constexpr std::size_t kLongTextWords = 1000;
constexpr std::size_t kMinGuessedHeadings = 2;
// A paragraph (what a guessed heading must lead to) has this many words, or
// ends like a sentence.
constexpr std::size_t kParagraphMinWords = 12;
// Markdown headings that make a text a structured document (restore_section_bodies).
constexpr std::size_t kMinMarkdownHeadings = 2;
// A guessed heading line seen this often is page furniture.
constexpr std::size_t kMaxRepeats = 3;
// Markdown allows six heading levels; so do we.
constexpr std::size_t kMaxLevel = 6;
// How far back an HTML heading's opening tag may be from its text.
constexpr std::size_t kMaxTagBytes = 200;

std::size_t count_words(std::string_view line) {
  std::size_t words = 0;
  scan::each_token(line, [&](std::string_view) {
    ++words;
    return true;
  });
  return words;
}

bool single_line(std::string_view text, const Block& b) {
  // Two memchr passes (find_first_of with a set asks memchr once per byte).
  const std::string_view s = text.substr(b.span.byte_start, b.span.byte_end - b.span.byte_start);
  return s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos;
}

struct Range {
  std::size_t start;
  std::size_t end;
};

Range trimmed(std::string_view text, std::size_t start, std::size_t end) {
  start = scan::skip_space(text, start, end);
  return {start, scan::trim_space_end(text, start, end)};
}

// "## Findings ##" → level 2 and the words between the markers.
std::optional<Heading> atx_heading(std::string_view text, const Block& b) {
  std::size_t pos = b.span.byte_start;
  const std::size_t end = b.span.byte_end;
  std::size_t level = 0;
  while (pos < end && text[pos] == '#') ++pos, ++level;
  if (level == 0 || level > kMaxLevel || pos >= end || (text[pos] != ' ' && text[pos] != '\t')) return std::nullopt;
  Range words = trimmed(text, pos, end);
  // Closing hashes count only after a space ("## C#" keeps its '#').
  std::size_t close = words.end;
  while (close > words.start && text[close - 1] == '#') --close;
  if (close < words.end && close > words.start && (text[close - 1] == ' ' || text[close - 1] == '\t')) {
    words.end = scan::trim_space_end(text, words.start, close);
  }
  if (!scan::has_alnum(text, words.start, words.end)) return std::nullopt;
  return Heading{0, level, words.start, words.end, true};
}

// A block of only '=' (level 1) or '-' (level 2), at least three of them.
std::size_t setext_level(std::string_view text, const Block& b) {
  const std::string_view s = text.substr(b.span.byte_start, b.span.byte_end - b.span.byte_start);
  if (s.size() < 3 || (s[0] != '=' && s[0] != '-')) return 0;
  if (s.find_first_not_of(s[0]) != std::string_view::npos) return 0;
  return s[0] == '=' ? 1 : 2;
}

// The block's text follows an HTML <h1>…<h6> opening tag.
std::size_t html_level(std::string_view text, const Block& b) {
  std::size_t pos = b.span.byte_start;
  const std::size_t floor = pos > kMaxTagBytes ? pos - kMaxTagBytes : 0;
  while (pos > floor && (text[pos - 1] == ' ' || text[pos - 1] == '\n' || text[pos - 1] == '\r' || text[pos - 1] == '\t')) {
    --pos;
  }
  if (pos == 0 || text[pos - 1] != '>') return 0;
  std::size_t lt = pos - 1;
  while (lt > floor && text[lt] != '<') --lt;
  if (text[lt] != '<' || lt + 3 > pos) return 0;
  const char h = text[lt + 1], digit = text[lt + 2], after = text[lt + 3];
  if ((h != 'h' && h != 'H') || digit < '1' || digit > '6') return 0;
  if (after != '>' && after != ' ' && after != '\t' && after != '\n') return 0;
  return static_cast<std::size_t>(digit - '0');
}

// Short, one line, not ending like a sentence or a clause, not starting in
// lowercase: a line that could be a heading by its shape alone.
bool heading_shaped(std::string_view text, const Block& b) {
  const std::size_t start = b.span.byte_start, end = b.span.byte_end;
  if (end <= start || end - start > kHeadingMaxBytes || !single_line(text, b)) return false;
  const std::string_view line = text.substr(start, end - start);
  if (count_words(line) > kHeadingMaxWords || !scan::has_alnum(text, start, end)) return false;
  if (scan::ends_sentence(text, start, end)) return false;
  const char32_t last = scan::last_code_point(text, start, end).code_point;
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == 0x2014 /* — */) return false;
  // List items and quotes are not headings.
  const char32_t first = utf8::decode(text, start).code_point;
  if (first == '-' || first == '*' || first == '+' || first == 0x2022 /* • */ || first == '>' || first == '"' ||
      first == 0x201C /* “ */ || first == '(' || first == '[') {
    return false;
  }
  for (std::size_t pos = start; pos < end;) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (unicode::is_letter(d.code_point)) return !unicode::is_lowercase(d.code_point);
    pos += d.length;
  }
  return true;  // digits only ("2024") — numbered headings have letters after the number
}

bool paragraph_shaped(std::string_view text, const Block& b) {
  const std::string_view s = text.substr(b.span.byte_start, b.span.byte_end - b.span.byte_start);
  return count_words(s) >= kParagraphMinWords || (scan::ends_sentence(text, b.span.byte_start, b.span.byte_end) &&
                                                  !heading_shaped(text, b) && count_words(s) >= 4);
}

// "3.2 Results" → 2, "IV. Discussion" → 1, "Chapter 7" → 1; otherwise 1.
std::size_t numbered_level(std::string_view line) {
  std::size_t pos = 0, groups = 0;
  while (pos < line.size()) {
    const std::size_t digits = pos;
    while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') ++pos;
    if (pos == digits) break;
    ++groups;
    if (pos < line.size() && line[pos] == '.') ++pos;
    else break;
  }
  if (groups > 0 && pos < line.size() && line[pos] == ' ') return std::min(groups, kMaxLevel);
  return 1;
}

// Guessed headings: kinds cleaning may give a heading line. Repeated lines
// (running headers of a PDF) and page furniture are never headings.
bool may_be_guessed(const Block& b) {
  return b.kind == BlockKind::Body ||
         (b.kind == BlockKind::Noise && (b.reason == NoiseReason::Fragment || b.reason == NoiseReason::Related));
}

std::vector<Heading> guessed_headings(std::string_view text, const std::vector<Block>& blocks,
                                      std::optional<std::size_t> title_block) {
  const std::size_t n = blocks.size();
  const std::string_view title = title_block ? std::string_view(blocks[*title_block].text) : std::string_view();
  std::vector<char> shaped(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Block& b = blocks[i];
    shaped[i] = title_block != i && may_be_guessed(b) && heading_shaped(text, b) && b.text != title;
  }
  // A line repeated through the text (a running header or footer that
  // cleaning kept, the title again on every page) is no heading.
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < n; ++i) {
    if (shaped[i]) seen.emplace(blocks[i].text, 0);
  }
  if (seen.empty()) return {};
  for (const Block& b : blocks) {
    if (const auto it = seen.find(b.text); it != seen.end()) ++it->second;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (shaped[i] && seen[blocks[i].text] >= kMaxRepeats) shaped[i] = 0;
  }
  // Paragraph or not, asked only of a heading line's neighbours.
  std::vector<signed char> paragraph(n, -1);
  auto is_paragraph = [&](std::size_t i) {
    if (paragraph[i] < 0) paragraph[i] = !shaped[i] && paragraph_shaped(text, blocks[i]) ? 1 : 0;
    return paragraph[i] == 1;
  };
  std::vector<Heading> found;
  for (std::size_t i = 0; i < n; ++i) {
    if (!shaped[i]) continue;
    // Before: the start, the title or a paragraph — or one more heading line
    // right after one of those ("Chapter 3" above "The Return").
    bool before = i == 0 || title_block == i - 1 || is_paragraph(i - 1);
    if (!before && shaped[i - 1]) before = i == 1 || title_block == i - 2 || is_paragraph(i - 2);
    // After: a paragraph, or one more heading line and then a paragraph.
    bool after = i + 1 < n && is_paragraph(i + 1);
    if (!after && i + 2 < n && shaped[i + 1]) after = is_paragraph(i + 2);
    if (!before || !after) continue;
    const Block& b = blocks[i];
    const std::string_view line = text.substr(b.span.byte_start, b.span.byte_end - b.span.byte_start);
    found.push_back({i, numbered_level(line), b.span.byte_start, b.span.byte_end, false});
  }
  return found;
}

}  // namespace

std::vector<Heading> find_headings(std::string_view text, const std::vector<Block>& blocks,
                                   std::optional<std::size_t> title_block, const std::vector<std::uint8_t>* html_levels) {
  std::vector<Heading> marked;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (title_block == i) continue;
    const Block& b = blocks[i];
    std::optional<Heading> h;
    if (b.span.byte_start < b.span.byte_end && text[b.span.byte_start] == '#' && single_line(text, b)) {
      h = atx_heading(text, b);
    }
    if (!h) {
      const std::size_t level =
          html_levels != nullptr && i < html_levels->size() ? (*html_levels)[i] : html_level(text, b);
      if (level > 0 && scan::has_alnum(text, b.span.byte_start, b.span.byte_end)) {
        h = Heading{0, level, b.span.byte_start, b.span.byte_end, true};
      }
    }
    if (!h && i + 1 < blocks.size()) {
      if (const std::size_t level = setext_level(text, blocks[i + 1]);
          level > 0 && b.span.byte_end - b.span.byte_start <= kHeadingMaxBytes && single_line(text, b) &&
          scan::has_alnum(text, b.span.byte_start, b.span.byte_end)) {
        h = Heading{0, level, b.span.byte_start, b.span.byte_end, true};
      }
    }
    if (h) {
      h->block = i;
      marked.push_back(*h);
    }
  }
  if (!marked.empty()) return marked;
  std::size_t words = 0;
  for (std::size_t i = 0; i < blocks.size() && words < kLongTextWords; ++i) {
    if (blocks[i].kind == BlockKind::Body) words += count_words(blocks[i].text);
  }
  if (words < kLongTextWords) return {};
  std::vector<Heading> guessed = guessed_headings(text, blocks, title_block);
  if (guessed.size() < kMinGuessedHeadings) return {};
  return guessed;
}

void restore_section_bodies(std::string_view text, std::vector<Block>& blocks, std::optional<std::size_t> title_block) {
  std::size_t first = blocks.size(), count = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (title_block == i || !single_line(text, blocks[i])) continue;
    const bool setext = i + 1 < blocks.size() && setext_level(text, blocks[i + 1]) > 0 && heading_shaped(text, blocks[i]);
    if (setext || atx_heading(text, blocks[i])) {
      first = std::min(first, i);
      ++count;
    }
  }
  if (count < kMinMarkdownHeadings) return;
  for (std::size_t i = first + 1; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.kind == BlockKind::Noise && b.reason == NoiseReason::Related && paragraph_shaped(text, b)) {
      b.kind = BlockKind::Body;
      b.reason = NoiseReason::None;
    }
  }
}

SectionPlan plan_sections(const Document& doc) {
  const std::string_view text = doc.input;
  const std::vector<Heading> headings = find_headings(text, doc.blocks, doc.title_block, doc.html_headings);

  // Cut at the shallowest level that occurs at least twice (else at every heading).
  std::array<std::size_t, kMaxLevel + 1> per_level{};
  for (const Heading& h : headings) ++per_level[h.level];
  std::size_t cut_level = kMaxLevel;
  for (std::size_t level = 1; level <= kMaxLevel; ++level) {
    if (per_level[level] >= 2) {
      cut_level = level;
      break;
    }
  }
  std::vector<const Heading*> cuts;
  std::vector<char> heading_block(doc.blocks.size());
  for (const Heading& h : headings) {
    heading_block[h.block] = 1;
    if (h.level <= cut_level) cuts.push_back(&h);
  }

  // Raw sections: the lead-in, then one per cut; the section of each sentence.
  std::vector<Section> raw(cuts.size() + 1);
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    Section& s = raw[k + 1];
    const Heading& h = *cuts[k];
    s.title = utf8::repaired(text.substr(h.byte_start, h.byte_end - h.byte_start));
    s.heading = doc.offsets.span(h.byte_start, h.byte_end);
    s.level = h.level;
  }
  SectionPlan plan;
  plan.found_headings = !cuts.empty();
  const std::size_t n = doc.sentences.size();
  plan.of_sentence.resize(n);
  plan.is_heading.resize(n);
  std::size_t next_cut = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t block = doc.sentences[i].block;
    while (next_cut < cuts.size() && cuts[next_cut]->block <= block) ++next_cut;
    plan.of_sentence[i] = next_cut;
    plan.is_heading[i] = block < heading_block.size() && heading_block[block] != 0;
    if (!plan.is_heading[i]) ++raw[next_cut].sentences;
  }

  // Sections without a body sentence merge into the next one (a chapter
  // heading right above its first section's heading), the last ones into the
  // one before; a text with no sentence keeps its lead-in.
  std::vector<std::size_t> final_of(raw.size());
  std::size_t kept = 0;
  for (const Section& s : raw) kept += s.sentences > 0 ? 1 : 0;
  if (kept == 0) {
    plan.sections.push_back(std::move(raw[0]));
    std::fill(plan.of_sentence.begin(), plan.of_sentence.end(), 0);
    return plan;
  }
  std::size_t index = 0;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    final_of[k] = std::min(index, kept - 1);
    if (raw[k].sentences > 0) {
      plan.sections.push_back(std::move(raw[k]));
      ++index;
    }
  }
  for (std::size_t& s : plan.of_sentence) s = final_of[s];
  return plan;
}

std::vector<std::size_t> select_per_section(const SectionPlan& plan, const SelectionInput& input, const Budget& budget,
                                            double redundancy) {
  const Terms& terms = *input.terms;
  const std::size_t n = input.scores->size();
  // Members of each section, in order.
  std::vector<std::vector<std::size_t>> members(plan.sections.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!plan.is_heading[i]) members[plan.of_sentence[i]].push_back(i);
  }
  std::vector<std::uint32_t> local_term(terms.vocabulary.size(), kNoTerm);
  std::vector<std::uint32_t> touched;
  std::vector<std::size_t> chosen;
  for (const std::vector<std::size_t>& m : members) {
    if (m.empty()) continue;
    // The section as a text of its own: its sentences, scores and vectors,
    // term ids renumbered so the selection's index is as small as the section.
    Terms local;
    std::vector<double> scores;
    std::vector<std::size_t> lengths;
    for (std::size_t i : m) {
      scores.push_back((*input.scores)[i]);
      lengths.push_back((*input.lengths)[i]);
      local.words.push_back(terms.words[i]);
      std::vector<TermWeight> v = terms.vectors[i];
      for (TermWeight& tw : v) {
        if (local_term[tw.term] == kNoTerm) {
          local_term[tw.term] = static_cast<std::uint32_t>(touched.size());
          touched.push_back(tw.term);
        }
        tw.term = local_term[tw.term];
      }
      local.vectors.push_back(std::move(v));
    }
    local.vocabulary.resize(touched.size());
    for (std::uint32_t t : touched) local_term[t] = kNoTerm;
    touched.clear();
    for (std::size_t k : select_sentences({&scores, &local, &lengths}, budget, redundancy).chosen) chosen.push_back(m[k]);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

void attach_sections(SectionPlan plan, bool per_section, Result& result) {
  for (std::size_t i = 0; i < result.sentences.size(); ++i) {
    Sentence& s = result.sentences[i];
    s.section = plan.of_sentence[i];
    if (s.selected) ++plan.sections[s.section].selected;
  }
  result.sections = std::move(plan.sections);
  if (per_section && !plan.found_headings && !result.sentences.empty()) {
    result.notes.push_back("no headings found: the whole text is one section");
  }
}

}  // namespace precis
