#include "headline.hpp"

#include <algorithm>

#include "select.hpp"
#include "terms.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// The best-scored sentences that are candidates after the lead sentence.
constexpr std::size_t kTopCandidates = 3;
// The lead's headline wins unless another says this many times more of what
// the text repeats (the lead of a news story is written as its headline; a
// feature's opening is a hook).
constexpr double kLeadPreference = 2.0;
// A headline source has at least this many words (a dateline or a kicker is not one).
constexpr std::size_t kMinSourceWords = 6;

bool starts_with_quote(std::string_view s) {
  if (s.empty()) return false;
  const char32_t c = utf8::decode(s, 0).code_point;
  return c == '"' || c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x300C || c == 0x300E || c == 0x2018;
}


// How much of what the text keeps repeating a headline says: its distinct
// terms (of the sentence it came from), each counted by how often it occurs
// elsewhere in the text.
double recurrence_in(const std::string& headline, std::size_t sentence, const Terms& terms) {
  std::string folded;
  unicode::fold(headline, folded);
  std::vector<std::uint32_t> seen;
  double sum = 0;
  for (const Token& t : terms.tokens[sentence]) {
    if (t.term == kNoTerm || std::find(seen.begin(), seen.end(), t.term) != seen.end()) continue;
    const std::string& word = terms.vocabulary[t.term];
    bool present = false;
    for (std::size_t at = folded.find(word); at != std::string::npos && !present; at = folded.find(word, at + 1)) {
      const bool ascii_word = static_cast<unsigned char>(word[0]) < 0x80;
      const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
      present = !ascii_word || ((at == 0 || !letter(folded[at - 1])) &&
                                (at + word.size() == folded.size() || !letter(folded[at + word.size()])));
    }
    if (!present) continue;
    seen.push_back(t.term);
    sum += terms.occurrences[t.term] - 1.0;
  }
  return sum;
}

}  // namespace

Headline make_headline(std::string_view text, const std::vector<SentenceSpan>& sentences,
                       const std::vector<double>& scores, const Terms& terms, TextLimits limits,
                       std::string_view language, unicode::Breaker& breaker) {
  if (sentences.empty()) return {};
  // The lead (news puts its headline there), then the best-scored sentences.
  std::vector<std::size_t> candidates{0};
  const std::vector<std::size_t> ranked = rank_by_score(scores);
  for (std::size_t k = 0; k < std::min(kTopCandidates, ranked.size()); ++k) {
    if (ranked[k] != 0) candidates.push_back(ranked[k]);
  }
  auto source = [&](std::size_t i) { return text.substr(sentences[i].byte_start, sentences[i].byte_end - sentences[i].byte_start); };
  auto suitable = [&](std::size_t i) { return terms.words[i] >= kMinSourceWords && !starts_with_quote(source(i)); };
  // Among the suitable candidates, the headline that says most of what the
  // text repeats; ties to the earlier candidate. No suitable one: the lead.
  Headline best;
  double best_score = -1;
  for (std::size_t i : candidates) {
    if (!suitable(i)) continue;
    Shortened h = shorten(source(i), limits, ShortenStyle::Headline, language, breaker);
    if (h.text.empty()) continue;
    const double score = recurrence_in(h.text, i, terms) * (i == 0 ? kLeadPreference : 1.0);
    if (score > best_score) {
      best_score = score;
      best = {std::move(h.text), i};
    }
  }
  if (best_score >= 0) return best;
  return {shorten(source(0), limits, ShortenStyle::Headline, language, breaker).text, 0};
}

}  // namespace precis
