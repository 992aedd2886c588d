#include "sentence_features.hpp"

#include <algorithm>
#include <cmath>

#include "terms.hpp"
#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

using F = SentenceFeature;

// Σ_{j>i} cos(i, j) (forward) and Σ_{j<i} cos(i, j) (backward) for every i,
// in one pass each way over the sentences (per-term running sums: linear in
// the number of term occurrences, never sentence pairs).
// Only the sentences whose `counts` is set add to the others' sums.
void directed_similarity(const Terms& terms, const std::vector<char>& counts, std::vector<double>& forward,
                         std::vector<double>& backward) {
  const std::size_t n = terms.vectors.size();
  std::vector<double> running(terms.vocabulary.size(), 0.0);
  forward.assign(n, 0);
  backward.assign(n, 0);
  for (std::size_t k = n; k-- > 0;) {
    for (const TermWeight& tw : terms.vectors[k]) forward[k] += tw.weight * running[tw.term];
    if (counts[k]) {
      for (const TermWeight& tw : terms.vectors[k]) running[tw.term] += tw.weight;
    }
  }
  std::fill(running.begin(), running.end(), 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    for (const TermWeight& tw : terms.vectors[k]) backward[k] += tw.weight * running[tw.term];
    if (counts[k]) {
      for (const TermWeight& tw : terms.vectors[k]) running[tw.term] += tw.weight;
    }
  }
}

// Scale to [0, 1] by the range; all-equal values become 0.
std::vector<double> rescaled(std::vector<double> v) {
  if (v.empty()) return v;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const double low = *lo, range = *hi - *lo;
  for (double& x : v) x = range > 0 ? (x - low) / range : 0;
  return v;
}

bool is_quote_mark(char32_t cp) {
  switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2018:  // " “ ” „ « » ‘
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0xFF02:                           // 「 」 『 』 ＂
      return true;
    default:
      return false;
  }
}

// What the characters of one sentence say: digits, quotes, its last mark.
struct Surface {
  bool number = false;
  bool quote = false;
  bool quote_start = false;
  bool question = false;
  bool colon_end = false;
};

Surface surface_of(std::string_view text, std::size_t begin, std::size_t end) {
  Surface s;
  for (std::size_t pos = begin; pos < end;) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      s.number = s.number || (b >= '0' && b <= '9');
      if (b == '"') {
        s.quote = true;
        s.quote_start = s.quote_start || pos == begin;
      }
      ++pos;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, pos);
    s.number = s.number || unicode::is_digit(d.code_point);
    if (is_quote_mark(d.code_point)) {
      s.quote = true;
      s.quote_start = s.quote_start || pos == begin;
    }
    pos += d.length;
  }
  // The last mark, behind closing quotes and brackets.
  for (std::size_t stop = end; stop > begin;) {
    const scan::Last last = scan::last_code_point(text, begin, stop);
    const char32_t cp = last.code_point;
    if (scan::is_closing(cp) || unicode::is_space(cp)) {
      stop = last.start;
      continue;
    }
    s.question = cp == '?' || cp == '!' || cp == 0xFF1F || cp == 0xFF01;
    s.colon_end = cp == ':' || cp == 0xFF1A;
    break;
  }
  return s;
}

// Share of the tokens after the first whose first letter is upper case.
double capitalized_share(std::string_view text, const std::vector<Token>& tokens) {
  if (tokens.size() < 2) return 0;
  std::size_t capitals = 0;
  for (std::size_t k = 1; k < tokens.size(); ++k) {
    const char32_t first = utf8::decode(text, tokens[k].byte_start).code_point;
    capitals += unicode::is_uppercase(first) ? 1 : 0;
  }
  return static_cast<double>(capitals) / static_cast<double>(tokens.size() - 1);
}

}  // namespace

std::vector<SentenceFeatures> sentence_features(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                                const Terms& terms, const ScoringContext& context) {
  const bool has_title = context.has_title;
  const std::size_t n = sentences.size();
  std::vector<SentenceFeatures> out(n);
  if (n == 0) return out;

  // Doubtful body (kept with less than even odds) is read but does not
  // count: not in the others' similarity, recurrence or positions. (When all
  // of it is doubtful, all of it counts.)
  std::vector<char> counts(n, 1);
  std::vector<double> doubtful_occurrences;
  if (context.doubtful != nullptr && std::find(context.doubtful->begin(), context.doubtful->end(), false) !=
                                         context.doubtful->end()) {
    doubtful_occurrences.assign(terms.vocabulary.size(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      if (!(*context.doubtful)[i]) continue;
      counts[i] = 0;
      for (const Token& t : terms.tokens[i]) {
        if (t.term != kNoTerm) doubtful_occurrences[t.term] += 1;
      }
    }
  }
  std::vector<double> forward, backward;
  directed_similarity(terms, counts, forward, backward);
  std::vector<double> centrality(n), salience(n);
  double total_words = 0;
  for (std::size_t i = 0; i < n; ++i) {
    centrality[i] = forward[i] + backward[i];
    double recurring = 0;
    for (const TermWeight& tw : terms.vectors[i]) {
      // Occurrences in the other sentences that count.
      const double uncounted = doubtful_occurrences.empty() ? 0 : doubtful_occurrences[tw.term] - (counts[i] ? 0 : 1);
      recurring += terms.occurrences[tw.term] - 1.0 - uncounted;
    }
    salience[i] = recurring;
    total_words += static_cast<double>(terms.words[i]);
  }
  centrality = rescaled(std::move(centrality));
  forward = rescaled(std::move(forward));
  backward = rescaled(std::move(backward));
  salience = rescaled(std::move(salience));
  const double mean_words = std::max(1.0, total_words / static_cast<double>(n));
  // Positions count the sentences of confident body only: doubtful blocks
  // kept before the article do not push its lead down.
  std::size_t lead = 0;
  while (lead + 1 < n && !counts[lead]) ++lead;
  const auto counted = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), 1));
  std::size_t position = 0;
  for (std::size_t i = 0; i < n; ++i) {
    SentenceFeatures& f = out[i];
    const double words = static_cast<double>(terms.words[i]);
    std::size_t content = 0;
    for (const Token& t : terms.tokens[i]) content += t.term != kNoTerm ? 1 : 0;
    const Surface surface = surface_of(text, sentences[i].byte_start, sentences[i].byte_end);

    f[F::Position] = static_cast<double>(position);
    f[F::RelativePosition] =
        counted > 1 ? std::min(1.0, static_cast<double>(position) / static_cast<double>(counted - 1)) : 0;
    if (counts[i]) ++position;
    f[F::Words] = words;
    f[F::RelativeLength] = words / mean_words;
    f[F::ContentRatio] = words > 0 ? std::min(1.0, static_cast<double>(content) / words) : 0;
    f[F::Centrality] = centrality[i];
    f[F::Forward] = forward[i];
    f[F::Backward] = backward[i];
    f[F::Salience] = salience[i];
    f[F::Title] = has_title ? cosine(terms.vectors[i], terms.title_vector) : 0;
    f[F::LeadSimilarity] = i == lead ? 0 : cosine(terms.vectors[i], terms.vectors[lead]);
    f[F::Number] = surface.number ? 1 : 0;
    f[F::Quote] = surface.quote ? 1 : 0;
    f[F::QuoteStart] = surface.quote_start ? 1 : 0;
    f[F::Question] = surface.question ? 1 : 0;
    f[F::Capitalized] = capitalized_share(text, terms.tokens[i]);
    f[F::ColonEnd] = surface.colon_end ? 1 : 0;
    f[F::LeadCentrality] = centrality[lead];
    f[F::BudgetShare] = context.budget_share;
  }
  return out;
}

}  // namespace precis
