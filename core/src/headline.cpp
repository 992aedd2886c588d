#include "headline.hpp"

#include <algorithm>

#include "select.hpp"

namespace precis {
namespace {

// How many of the first sentences and of the best-scored ones are candidates.
constexpr std::size_t kLeadCandidates = 2;
constexpr std::size_t kTopCandidates = 3;

}  // namespace

Headline make_headline(std::string_view text, const std::vector<SentenceSpan>& sentences,
                       const std::vector<double>& scores, TextLimits limits, std::string_view language,
                       unicode::Breaker& breaker) {
  std::vector<std::size_t> candidates;
  const std::vector<std::size_t> ranked = rank_by_score(scores);
  for (std::size_t i = 0; i < std::min(kTopCandidates, ranked.size()); ++i) candidates.push_back(ranked[i]);
  for (std::size_t i = 0; i < std::min(kLeadCandidates, sentences.size()); ++i) {
    if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) candidates.push_back(i);
  }
  // Best score first; ties to the earlier sentence.
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
  });
  Headline best;
  bool found = false;
  for (std::size_t i : candidates) {
    const SentenceSpan& s = sentences[i];
    Shortened h = shorten(text.substr(s.byte_start, s.byte_end - s.byte_start), limits, ShortenStyle::Headline,
                          language, breaker);
    if (h.text.empty()) continue;
    if (!h.cut) return {std::move(h.text), i};
    if (!found) {
      best = {std::move(h.text), i};
      found = true;
    }
  }
  return best;
}

}  // namespace precis
