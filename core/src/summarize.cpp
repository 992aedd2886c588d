// The pipeline: clean → segment → terms → score → select, one pure pass.
#include <algorithm>
#include <cmath>
#include <chrono>
#include <string>

#include "blocks.hpp"
#include "clean.hpp"
#include "document.hpp"
#include "headline.hpp"
#include "keywords.hpp"
#include "language.hpp"
#include "noise_html.hpp"
#include "numeric.hpp"
#include "pipeline.hpp"
#include "precis/precis.hpp"
#include "score.hpp"
#include "segment.hpp"
#include "sections.hpp"
#include "select.hpp"
#include "terms.hpp"
#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

using Clock = std::chrono::steady_clock;

class StageTimer {
 public:
  explicit StageTimer(bool on) : on_(on), start_(on ? Clock::now() : Clock::time_point{}), last_(start_) {}
  void lap(double& into) {
    if (!on_) return;
    const auto now = Clock::now();
    into = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
  }
  void total(double& into) const {
    if (on_) into = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
  }

 private:
  bool on_;
  Clock::time_point start_, last_;
};

std::size_t words_of(const Terms& terms, const std::vector<std::size_t>& chosen) {
  std::size_t words = 0;
  for (std::size_t i : chosen) words += terms.words[i];
  return words;
}

// The pipeline on plain text. `page`: what the text's HTML elements imply
// (text read from HTML), or null.
Outcome summarize_text(std::string_view text, const Options& options, const SentenceModel& model,
                       const CleaningModels& cleaning, std::vector<SentenceFeatures>* features,
                       const noise::HtmlText* page) {
  Outcome outcome;
  if (auto error = validate(options)) {
    outcome.error = std::move(error);
    return outcome;
  }
  if (text.size() > options.max_input_bytes) {
    outcome.error = Error{"text", "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                      std::to_string(options.max_input_bytes) + " (options.maxInputBytes)"};
    return outcome;
  }
  unicode::Breaker breaker;
  if (!breaker.ok()) {
    outcome.error = Error{"", "ICU break rules could not be loaded (ICU data missing)"};
    return outcome;
  }

  Timings timings;
  StageTimer timer(options.timings);
  Result& result = outcome.result;
  Document doc(text);
  result.stats.input_bytes = text.size();
  result.stats.input_utf16 = doc.offsets.utf16_size();
  result.stats.invalid_utf8 = doc.offsets.invalid_count();
  if (result.stats.invalid_utf8 > 0) {
    result.notes.push_back(std::to_string(result.stats.invalid_utf8) +
                           " ill-formed UTF-8 sequence(s) were read as U+FFFD");
  }

  // clean
  doc.blocks = split_blocks(text, doc.offsets);
  LanguageDetector detector;
  doc.title_block = classify_blocks_with(text, doc.blocks, options.clean, options.language, &detector,
                                         page, cleaning, nullptr);
  std::vector<std::uint8_t> html_headings;  // per block, the level of the <h1>-<h6> it is in
  if (page != nullptr && page->complete()) {
    html_headings.reserve(doc.blocks.size());
    for (const Block& b : doc.blocks) html_headings.push_back(page->heading[page->element_at(b.span.byte_start)]);
    doc.html_headings = &html_headings;
  }
  doc.language = options.language == "auto" ? detector.detect(text, doc.blocks) : options.language;
  if (options.clean) restore_section_bodies(text, doc.blocks, doc.title_block);
  timer.lap(timings.clean_ms);

  // segment
  doc.sentences = segment_sentences(text, doc.blocks, doc.language, breaker);
  timer.lap(timings.segment_ms);

  // terms
  std::optional<Span> title_span;
  if (doc.title_block) title_span = doc.blocks[*doc.title_block].span;
  doc.terms = extract_terms(text, doc.sentences, title_span, doc.language, breaker);
  timer.lap(timings.terms_ms);
  SectionPlan sections = plan_sections(doc);  // headings and the section of each sentence

  // score
  const std::size_t n = doc.sentences.size();
  std::vector<std::size_t> lengths(n);
  for (std::size_t i = 0; i < n; ++i) {
    lengths[i] = doc.offsets.at(doc.sentences[i].byte_end) - doc.offsets.at(doc.sentences[i].byte_start);
  }
  // A headline is one sentence; per section, the budget counts once per section.
  const Budget asked = options.mode == Mode::Headline ? Budget{BudgetUnit::Sentences, 1} : options.budget;
  const std::size_t budgets = options.per_section ? std::max<std::size_t>(1, sections.sections.size()) : 1;
  const double share = budget_share(asked, doc.terms, lengths, budgets);
  // Sentences of doubtful body (cleaning kept their block with less than even
  // odds) take no place in the text's order: the article's lead stays first.
  std::vector<bool> doubtful(n);
  for (std::size_t i = 0; i < n; ++i) doubtful[i] = is_doubtful(doc.blocks[doc.sentences[i].block]);
  Scores scores =
      score_sentences(text, doc.sentences, doc.terms, {doc.title_block.has_value(), share, &doubtful}, model);
  // A sentence is worth choosing when it is article text and, if it is, worth
  // summarizing: the model's score weighted by cleaning's confidence that its
  // block is body (1 in an article without page furniture), and less again
  // when that block is doubtful and the sentence does not end like one.
  for (std::size_t i = 0; i < n; ++i) {
    const SentenceSpan& s = doc.sentences[i];
    const double p = doc.blocks[s.block].body_probability;
    const double body = cleaning.body_power == 1 ? p : std::pow(p, cleaning.body_power);
    const bool unfinished = body < 1 && !scan::ends_sentence(text, s.byte_start, s.byte_end);
    scores.total[i] *= (unfinished ? body * cleaning.unfinished : body) * (doubtful[i] ? cleaning.doubtful : 1);
  }
  timer.lap(timings.score_ms);

  // select
  result.sentences.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const SentenceSpan& s = doc.sentences[i];
    Sentence& out = result.sentences[i];
    out.span = doc.offsets.span(s.byte_start, s.byte_end);
    out.text = utf8::repaired(text.substr(s.byte_start, s.byte_end - s.byte_start));
    out.paragraph = s.paragraph;
    out.block = s.block;
    out.score = numeric::round6(scores.total[i]);
    const ScoreParts& p = scores.parts[i];
    out.parts = {numeric::round6(p.centrality), numeric::round6(p.position), numeric::round6(p.title),
                 numeric::round6(p.salience), numeric::round6(p.length)};
  }
  std::vector<std::size_t> chosen;
  bool reworded = options.mode == Mode::Headline;  // the summary is not the chosen sentences as they stand
  if (n == 0) {
    result.notes.push_back(text.empty() ? "the input is empty"
                                        : "no sentences to summarize: the input has no body text");
  } else if (options.mode == Mode::Headline) {
    const Headline headline = make_headline(text, doc.sentences, scores.total, doc.terms,
                                            {options.headline_words, options.headline_characters}, doc.language,
                                            breaker);
    result.summary = headline.text;
    if (result.summary.empty()) {
      result.notes.push_back("the headline limits are shorter than the first word");
    } else {
      chosen.push_back(headline.sentence);
    }
  } else {
    const SelectionInput input{&scores.total, &doc.terms, &lengths};
    const Selection selection = options.per_section
                                    ? Selection{select_per_section(sections, input, options.budget, options.redundancy)}
                                    : select_sentences(input, options.budget, options.redundancy);
    chosen = selection.chosen;
    if (selection.shorten) {
      reworded = true;
      const SentenceSpan& s = doc.sentences[chosen.front()];
      const auto limit = static_cast<std::size_t>(options.budget.value);
      const TextLimits limits = options.budget.unit == BudgetUnit::Words ? TextLimits{limit, 0} : TextLimits{0, limit};
      result.summary = shorten(text.substr(s.byte_start, s.byte_end - s.byte_start), limits, ShortenStyle::Prefix,
                               doc.language, breaker)
                           .text;
      if (result.summary.empty()) chosen.clear();
    } else {
      for (std::size_t i : chosen) {
        if (!result.summary.empty()) result.summary += ' ';
        result.summary += result.sentences[i].text;
      }
    }
    if (chosen.empty()) result.notes.push_back("no whole sentence fits the budget");
  }
  for (std::size_t i : chosen) result.sentences[i].selected = true;
  attach_sections(std::move(sections), options.per_section, result);
  result.keywords = extract_keywords(text, doc.terms, options.keywords);
  for (Keyword& k : result.keywords) k.score = numeric::round6(k.score);
  timer.lap(timings.select_ms);

  result.language = doc.language;
  result.blocks = std::move(doc.blocks);
  for (Block& block : result.blocks) {
    block.body_probability = block.kind == BlockKind::Noise ? 0 : numeric::round6(block.body_probability);
  }
  if (doc.title_block) result.title = result.blocks[*doc.title_block];
  result.stats.sentences = n;
  result.stats.selected = chosen.size();
  for (std::size_t w : doc.terms.words) result.stats.words_in += w;
  // A headline or a shortened sentence is not its whole sentence: count what is shown.
  result.stats.words_out = reworded ? count_words(result.summary, doc.language, breaker) : words_of(doc.terms, chosen);
  if (options.timings) {
    timer.total(timings.total_ms);
    result.stats.timings = timings;
  }
  if (features != nullptr) *features = std::move(scores.features);
  return outcome;
}

}  // namespace

Outcome summarize_with(std::string_view text, const Options& options, const SentenceModel& model,
                       std::vector<SentenceFeatures>* features, const CleaningModels& cleaning) {
  // A page's HTML source: summarize the text a reader sees, then point every
  // offset back into the HTML (noise_html.hpp).
  if (options.clean && text.size() <= options.max_input_bytes && noise::looks_like_html(text)) {
    const noise::HtmlText page = noise::html_text(text);
    Outcome outcome = summarize_text(page.text, options, model, cleaning, features, &page);
    if (!outcome.error) noise::place_in_source(outcome.result, page, text);
    return outcome;
  }
  return summarize_text(text, options, model, cleaning, features, nullptr);
}

Outcome summarize(std::string_view text, const Options& options) {
  return summarize_with(text, options, kSentenceModel, nullptr);
}

}  // namespace precis
