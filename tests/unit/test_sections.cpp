// Sections (core/src/sections.*): headings, the section of each sentence, and
// key points per section.
#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "blocks.hpp"
#include "json.hpp"
#include "offsets.hpp"
#include "precis/precis.hpp"
#include "sections.hpp"

using namespace precis;

namespace {

Result run(const std::string& text, Options options = {}) {
  Outcome o = summarize(text, options);
  REQUIRE_FALSE(o.error);
  return o.result;
}

Options per_section(double sentences) {
  Options o;
  o.per_section = true;
  o.budget = {BudgetUnit::Sentences, sentences};
  return o;
}

std::vector<std::string> titles(const Result& r) {
  std::vector<std::string> out;
  for (const Section& s : r.sections) out.push_back(s.title);
  return out;
}

// Text of the chosen sentences, each prefixed with its section's title.
std::vector<std::string> chosen_by_section(const Result& r) {
  std::vector<std::string> out;
  for (const Sentence& s : r.sentences) {
    if (s.selected) out.push_back(r.sections[s.section].title + ": " + s.text);
  }
  return out;
}

// A paragraph of `n` distinct sentences about `topic`.
std::string paragraph(const std::string& topic, int n, int seed = 0) {
  static const char* const kVerbs[] = {"changed", "grew", "slowed", "improved", "doubled", "recovered", "settled"};
  static const char* const kThings[] = {"the budget", "the staff", "the schedule", "the network", "the plan",
                                        "the tariffs", "the suppliers", "the buildings"};
  std::string p;
  for (int i = 0; i < n; ++i) {
    if (!p.empty()) p += ' ';
    p += "In the " + topic + " work " + std::string(kThings[(i + seed) % 8]) + " " + kVerbs[(i * 3 + seed) % 7] +
         " during year " + std::to_string(2000 + i + seed) + " while the team kept careful records of it.";
  }
  return p;
}

const std::string kReport =
    "# The Annual Report on Water\n\n"
    "## Introduction\n\n"
    "Water supply in the region has changed a great deal over the last decade. The population grew by a fifth "
    "while rainfall fell in most years. This report looks at what the utilities did about it and what it cost.\n\n"
    "## Related work\n\n"
    "Earlier studies looked at single cities rather than the whole region. A 2015 survey counted leaks in the old "
    "town network and found that a third of the water was lost before it reached a tap.\n\n"
    "## Findings\n\n"
    "### Leaks\n\n"
    "Leaks remain the largest single source of loss. The utilities replaced 140 kilometres of pipe, but the oldest "
    "mains still lose water every day.\n\n"
    "### Meters\n\n"
    "Demand fell in households that received smart meters. The fall was largest in the first year.\n\n"
    "## Recommendations ##\n\n"
    "The region should replace the oldest mains first. It should also extend smart meters to every household.\n";

}  // namespace

TEST_CASE("Markdown headings cut sections at the shallowest level that repeats") {
  const Result r = run(kReport, per_section(1));
  // The title line is the title, not a section; ### Leaks and ### Meters stay inside Findings.
  CHECK(titles(r) == std::vector<std::string>{"Introduction", "Related work", "Findings", "Recommendations"});
  for (const Section& s : r.sections) CHECK(s.level == 2);
  REQUIRE(r.sections[3].heading);
  const Span h = *r.sections[3].heading;
  CHECK(kReport.substr(h.byte_start, h.byte_end - h.byte_start) == "Recommendations");  // closing #s dropped
  CHECK(r.sections[0].sentences == 3);
  CHECK(r.sections[2].sentences == 4);  // both subsections, headings not counted
  // One sentence per section, in document order, never a heading line.
  const std::vector<std::string> chosen = chosen_by_section(r);
  REQUIRE(chosen.size() == 4);
  CHECK(chosen[0].rfind("Introduction: ", 0) == 0);
  CHECK(chosen[1].rfind("Related work: ", 0) == 0);
  CHECK(chosen[2].rfind("Findings: ", 0) == 0);
  CHECK(chosen[3].rfind("Recommendations: ", 0) == 0);
  for (const Sentence& s : r.sentences) {
    if (s.selected) CHECK(s.text.find('#') == std::string::npos);
  }
  for (const Section& s : r.sections) CHECK(s.selected == 1);
  CHECK(r.stats.selected == 4);
  CHECK(r.notes.empty());
}

TEST_CASE("a Markdown document keeps its \"Related work\" section: cleaning's teaser rule is undone there") {
  Options flat;
  const Result r = run(kReport, flat);
  for (const Block& b : r.blocks) {
    if (b.kind == BlockKind::Noise) CHECK(b.text.rfind("##", 0) == 0);  // at most heading lines are set aside
  }
  CHECK(r.sections.size() == 4);
  CHECK(r.stats.sentences >= 11);
  // The same paragraphs as a web page's teaser list (no Markdown) stay noise.
  const std::string page = "Water news\n\n" + paragraph("story", 6) +
                           "\n\nRelated articles\n\nEarlier studies looked at single cities rather than the whole region "
                           "and counted leaks.\n\nAnother study compared tariffs across the country and found rises.\n";
  const Result p = run(page, flat);
  std::size_t related = 0;
  for (const Block& b : p.blocks) related += b.reason == NoiseReason::Related ? 1 : 0;
  CHECK(related >= 2);
}

TEST_CASE("sections are numbered in order on every sentence, in the flat summary too") {
  Options flat;
  flat.budget = {BudgetUnit::Sentences, 3};
  const Result a = run(kReport, flat);
  REQUIRE(a.sections.size() == 4);
  std::size_t last = 0;
  for (const Sentence& s : a.sentences) {
    CHECK(s.section >= last);
    last = s.section;
  }
  CHECK(last == 3);
  std::size_t selected = 0;
  for (const Section& s : a.sections) selected += s.selected;
  CHECK(selected == a.stats.selected);
  // The flat summary is chosen from the whole text: three sentences, not three per section.
  CHECK(a.stats.selected == 3);
  Options sections = flat;
  sections.per_section = true;
  CHECK(run(kReport, sections).stats.selected == 10);  // 3 + 2 (all it has) + 3 (of 4) + 2
}

TEST_CASE("a budget per section: ratio, words, and sections smaller than the budget") {
  const std::string text = "## One\n\n" + paragraph("first", 10) + "\n\n## Two\n\n" + paragraph("second", 2, 3) +
                           "\n\n## Three\n\n" + paragraph("third", 6, 5) + "\n";
  Options ratio;
  ratio.per_section = true;
  ratio.budget = {BudgetUnit::Ratio, 0.5};
  const Result r = run(text, ratio);
  REQUIRE(r.sections.size() == 3);
  CHECK(r.sections[0].selected == 5);
  CHECK(r.sections[1].selected == 1);
  CHECK(r.sections[2].selected == 3);

  const Result three = run(text, per_section(3));
  CHECK(three.sections[0].selected == 3);
  CHECK(three.sections[1].selected == 2);  // all it has
  CHECK(three.sections[2].selected == 3);

  Options words;
  words.per_section = true;
  words.budget = {BudgetUnit::Words, 25};
  const Result w = run(text, words);
  for (const Section& s : w.sections) {
    std::size_t n = 0;
    for (const Sentence& x : w.sentences) {
      if (x.selected && x.section == &s - w.sections.data()) ++n;
    }
    CHECK(n == 1);  // one sentence of ~20 words fits 25, two do not
  }
}

TEST_CASE("a heading right above another merges into it; the lead-in is a section without a title") {
  const std::string text = "Report on roads\n\n" + paragraph("opening", 3) + "\n\n# Part one\n\n## Streets\n\n" +
                           paragraph("street", 4, 1) + "\n\n# Part two\n\n" + paragraph("bridge", 4, 2) + "\n";
  const Result r = run(text, per_section(1));
  // Level 1 repeats (two parts): cut there. "Part one" has no sentence of its
  // own before "## Streets", which stays inside it.
  CHECK(titles(r) == std::vector<std::string>{"", "Part one", "Part two"});
  CHECK(r.sections[0].level == 0);
  CHECK_FALSE(r.sections[0].heading);
  CHECK(r.sections[1].sentences == 4);

  const std::string stacked = "## Chapter 1\n\n### Beginnings\n\n" + paragraph("early", 3) + "\n\n### Endings\n\n" +
                              paragraph("late", 3, 4) + "\n";
  const Result s = run(stacked, per_section(1));
  // Level 3 repeats: cut at levels <= 3; the empty chapter merges into the first subsection.
  CHECK(titles(s) == std::vector<std::string>{"Beginnings", "Endings"});
  for (const Sentence& x : s.sentences) {
    if (x.text == "## Chapter 1") CHECK(x.section == 0);
  }
}

TEST_CASE("HTML <h1>-<h6> and Setext underlines are headings too") {
  const std::string html = "<html><body><h1>Report</h1><p>" + paragraph("intro", 2) + "</p><h2 class=\"x\">Costs</h2><p>" +
                           paragraph("cost", 3, 1) + "</p><h2>Benefits</h2><p>" + paragraph("gain", 3, 2) +
                           "</p></body></html>";
  const Result h = run(html, per_section(1));
  CHECK(titles(h) == std::vector<std::string>{"", "Costs", "Benefits"});
  CHECK(h.sections[1].level == 2);

  const std::string setext = paragraph("lead", 2, 7) + "\n\nCosts\n=====\n\n" + paragraph("cost", 3, 1) + "\n\nBenefits\n========\n\n" +
                             paragraph("gain", 3, 2) + "\n\nRisks\n-----\n\n" + paragraph("risk", 2, 3) + "\n";
  const Result s = run(setext, per_section(1));
  CHECK(titles(s) == std::vector<std::string>{"", "Costs", "Benefits"});  // level 1 repeats; "Risks" (2) stays inside
  CHECK(s.sections[2].sentences == 5);
}

TEST_CASE("long plain text: short heading-like lines between paragraphs are headings") {
  std::string text = "Annual review of the regional transport network\n\n";
  const char* const kHeadings[] = {"1 Introduction", "2 Method", "2.1 Data sources", "3 Results", "4 Discussion"};
  int seed = 0;
  for (const char* heading : kHeadings) {
    text += std::string(heading) + "\n\n" + paragraph(heading + 2, 7, seed) + "\n\n" + paragraph("further", 6, seed + 1) +
            "\n\n";
    seed += 2;
  }
  const Result r = run(text, per_section(1));
  // Level 1 (whole numbers) repeats: 2.1 stays inside "2 Method".
  CHECK(titles(r) == std::vector<std::string>{"1 Introduction", "2 Method", "3 Results", "4 Discussion"});
  CHECK(r.sections[1].sentences == 26);

  // The same lines in a short text are left alone: no sections, a note says so.
  const std::string short_text = "1 Introduction\n\n" + paragraph("intro", 3) + "\n\n2 Method\n\n" + paragraph("method", 3, 1);
  const Result s = run(short_text, per_section(1));
  REQUIRE(s.sections.size() == 1);
  CHECK(s.sections[0].title.empty());
  CHECK(s.stats.selected == 1);
  REQUIRE(s.notes.size() == 1);
  CHECK(s.notes[0] == "no headings found: the whole text is one section");
}

TEST_CASE("guessed headings: list items, lowercase lines, sentences and repeated lines are not headings") {
  const std::string body = paragraph("main", 40);  // about 700 words
  std::string text = body + "\n\nShopping list\n\nApples\nPears\nPlums\n\n" + paragraph("more", 20, 3) +
                     "\n\nsee the table below\n\n" + paragraph("table", 8, 4) + "\n\nIt rained.\n\n" +
                     paragraph("rain", 8, 5) + "\n";
  Utf16Offsets offsets(text);
  std::vector<Block> blocks = split_blocks(text, offsets);
  const std::vector<Heading> headings = find_headings(text, blocks, std::nullopt);
  // Only "Shopping list" has a paragraph before it and (after one more short
  // line at most) a paragraph after it... and it has neither: Apples, Pears,
  // Plums follow. Nothing qualifies.
  CHECK(headings.empty());

  // A running header repeated on every page is set aside by cleaning and never a heading.
  std::string pages;
  for (int page = 1; page <= 8; ++page) {
    pages += "Quarterly Report 2024\n\n" + paragraph("page", 8, page) + "\n\n";
  }
  const Result r = run(pages, per_section(1));
  CHECK(r.sections.size() == 1);
}

TEST_CASE("find_headings: ATX details") {
  const std::string text = "## C#\n\n#NoSpace\n\n####### Seven\n\n###   Spaced out   ###\n\n#\n";
  Utf16Offsets offsets(text);
  std::vector<Block> blocks = split_blocks(text, offsets);
  const std::vector<Heading> h = find_headings(text, blocks, std::nullopt);
  REQUIRE(h.size() == 2);
  CHECK(text.substr(h[0].byte_start, h[0].byte_end - h[0].byte_start) == "C#");
  CHECK(h[0].level == 2);
  CHECK(text.substr(h[1].byte_start, h[1].byte_end - h[1].byte_start) == "Spaced out");
  CHECK(h[1].level == 3);
  CHECK(h[1].marked);
}

TEST_CASE("no headings: per-section picks what the flat summary picks, and says why") {
  const std::string text = paragraph("plain", 12);
  Options flat;
  flat.budget = {BudgetUnit::Sentences, 2};
  const Result a = run(text, flat);
  const Result b = run(text, per_section(2));
  CHECK(a.summary == b.summary);
  CHECK(a.notes.empty());
  REQUIRE(b.notes.size() == 1);
  REQUIRE(b.sections.size() == 1);
  CHECK(b.sections[0].selected == 2);
  // An empty text still has its one (empty) section.
  const Result e = run("", per_section(2));
  REQUIRE(e.sections.size() == 1);
  CHECK(e.sections[0].sentences == 0);
}

TEST_CASE("perSection: options, JSON and errors") {
  Options headline;
  headline.mode = Mode::Headline;
  headline.per_section = true;
  const auto error = validate(headline);
  REQUIRE(error);
  CHECK(error->field == "options.perSection");

  auto parsed = json::parse_request(R"({"text":"x","options":{"perSection":true,"sentences":2}})");
  REQUIRE(std::holds_alternative<json::Request>(parsed));
  CHECK(std::get<json::Request>(parsed).options.per_section);
  auto bad = json::parse_request(R"({"text":"x","options":{"perSection":1}})");
  REQUIRE(std::holds_alternative<Error>(bad));
  CHECK(std::get<Error>(bad).field == "options.perSection");

  const std::string out = json::render_result(run(kReport, per_section(1)));
  CHECK(out.find(R"("paragraph":0,"section":0,)") != std::string::npos);
  CHECK(out.find(R"("sections":[{"index":0,"title":"Introduction","level":2,"heading":{"byteStart":33,)") !=
        std::string::npos);
  CHECK(out.find(R"("title":"Recommendations","level":2,)") != std::string::npos);
  const std::string plain = json::render_result(run("Just one sentence here."));
  CHECK(plain.find(R"("sections":[{"index":0,"title":"","level":0,"heading":null,"sentences":1,"selected":1}])") !=
        std::string::npos);
}
