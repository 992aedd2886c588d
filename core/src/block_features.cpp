#include "block_features.hpp"

#include <algorithm>
#include <cstdint>

#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

constexpr std::array<std::string_view, kBlockFeatureCount> kNames = {
    "Words",          "EndsSentence",  "Sentences",     "Good",           "StopwordDensity", "NoStopwordList",
    "Capitals",       "Digits",        "Separators",    "Commas",         "Bullet",          "EndsColon",
    "LinkLike",       "Title",         "RuleCookie",    "RuleCaption",    "RuleRelated",     "RuleShare",
    "RuleNavigation", "RuleByline",    "RuleNewsletter", "RuleAdvertisement", "RuleRepeated", "RuleOtherLanguage",
    "RuleFragment",   "Duplicate",     "Position",      "InRegion",       "BeforeRegion",    "AfterRegion",
    "RegionShare",    "PreviousWords", "NextWords",     "PreviousGood",   "NextGood",        "PreviousNoise",
    "NextNoise",      "WindowGood",    "WindowNoise",   "RunShare",       "LargestRun",      "RunsBefore",
    "CommentLine",    "CommentsBefore", "ContextRule",   "BeforeTitle",    "AfterTitle",      "TopicOverlap",
    "TitleOverlap",   "BylineBefore",  "BylineAfter",   "TitleDistance",
};

// x / (x + half): 0 at 0, 1/2 at `half`, towards 1 for large x.
float saturate(double x, double half) { return static_cast<float>(x / (x + half)); }

bool is_separator(char32_t c) {
  return c == '|' || c == 0xBB || c == 0x203A || c == 0xB7 || c == 0x2022 || c == '>' || c == 0xFF5C || c == 0x25B6;
}

bool is_bullet(char32_t c) {
  return c == 0x2022 || c == 0xB7 || c == '-' || c == 0x2013 || c == 0x2014 || c == '*' || c == 0x25BA ||
         c == 0x25B6 || c == 0x25CF || c == 0x25A0 || c == 0x25A1 || c == 0x25E6 || c == 0x25AA || c == '>' ||
         c == 0x203A || c == 0xBB;
}

constexpr std::size_t kWindow = 3;
// text_shape reads the shape of at most this many bytes of a block (its
// ratios and sentence count; the word units of all of it).
constexpr std::size_t kShapeMaxBytes = 1200;

}  // namespace

std::string_view feature_name(BlockFeature f) { return kNames[static_cast<std::size_t>(f)]; }

TextShape text_shape(std::string_view text) {
  std::size_t tokens = 0, capitalised = 0, digits = 0, alnum = 0, separators = 0, commas = 0, terminals = 0;
  bool in_token = false;     // inside a run of non-space characters
  bool token_start = false;  // no letter or digit yet in this run
  bool previous_space = true;
  TextShape s;
  scan::WordUnits units;
  bool first = true;
  const std::size_t shaped = std::min(text.size(), kShapeMaxBytes);
  for (std::size_t pos = 0; pos < shaped;) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    // Most bytes are ASCII letters inside a word: nothing changes but the counts.
    const bool ascii_digit = byte >= '0' && byte <= '9';
    if (units.in_token && !token_start && (ascii_digit || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z'))) {
      ++alnum;
      if (ascii_digit) ++digits;
      previous_space = false;
      ++pos;
      continue;
    }
    char32_t c = byte;
    bool letter = false, digit = false, space = false;
    if (byte < 0x80) {
      ++pos;
      units.add(byte);
      letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      digit = byte >= '0' && byte <= '9';
      space = byte <= 0x20 || byte == 0x7F;
    } else {
      const utf8::Decoded d = utf8::decode(text, pos);
      c = d.code_point;
      pos += d.length;
      units.add_non_ascii(c);
      letter = unicode::is_letter(c);
      digit = !letter && unicode::is_digit(c);
      space = unicode::is_space(c) || unicode::is_control(c);
    }
    if (first && !space) {
      s.bullet = is_bullet(c);
      first = false;
    }
    if (space) {
      if (c == '\t') ++separators;
      in_token = false;
      previous_space = true;
      continue;
    }
    if (!in_token) {
      in_token = true;
      token_start = true;
    }
    if (letter || digit) {
      ++alnum;
      if (digit) ++digits;
      if (token_start) {
        ++tokens;
        if (letter && (c < 0x80 ? c >= 'A' && c <= 'Z' : unicode::is_uppercase(c))) ++capitalised;
        token_start = false;
      }
    } else if (is_separator(c) || (c == '/' && previous_space && pos < text.size() && text[pos] == ' ')) {
      ++separators;
    } else if (c == ',' || c == 0x3001 || c == 0xFF0C) {
      ++commas;
    } else if (scan::is_terminal(c)) {
      // A sentence end: terminal punctuation followed by the end, a space or a closing mark.
      std::size_t next = pos;
      while (next < text.size()) {
        const utf8::Decoded n = utf8::decode(text, next);
        if (!scan::is_closing(n.code_point)) break;
        next += n.length;
      }
      const bool cjk = c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
      if (next >= text.size() || cjk || unicode::is_space(utf8::decode(text, next).code_point)) ++terminals;
    } else if (c == '@' && pos < text.size() && unicode::is_letter(utf8::decode(text, pos).code_point)) {
      s.link = true;
    } else if (c == ':' && text.compare(pos, 2, "//") == 0) {
      s.link = true;
    }
    // A mark or symbol at a token's start ("(Reuters)", "“Quote") keeps the start open.
    previous_space = false;
  }
  // Past the shaped prefix, only the word units.
  for (std::size_t pos = shaped; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      units.add(byte);
      ++pos;
    } else {
      const utf8::Decoded d = utf8::decode(text, pos);
      units.add_non_ascii(d.code_point);
      pos += d.length;
    }
  }
  if (text.substr(0, shaped).find("www.") != std::string_view::npos) s.link = true;
  const std::size_t end = scan::trim_space_end(text, 0, text.size());
  if (end > 0) s.colon_end = scan::last_code_point(text, 0, end).code_point == ':';
  s.tokens = static_cast<double>(tokens);
  s.capitalised = static_cast<double>(capitalised);
  s.digits = static_cast<double>(digits);
  s.alnum = static_cast<double>(alnum);
  s.separators = static_cast<double>(separators);
  s.commas = static_cast<double>(commas);
  s.terminals = static_cast<double>(terminals);
  s.half_words = static_cast<double>(units.halves);
  return s;
}

Region densest_region(std::span<const BlockEvidence> blocks) {
  Region best;
  double best_sum = 0, sum = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockEvidence& b = blocks[i];
    const double score = b.good && b.rule == NoiseReason::None ? b.words
                         : b.rule != NoiseReason::None         ? -(b.words + 2)
                                                               : -1.0;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > best_sum) {
      best_sum = sum;
      best = {start, i, true};
    }
  }
  return best;
}

std::vector<BlockFeatures> block_features(std::span<const BlockEvidence> blocks) {
  using F = BlockFeature;
  const std::size_t n = blocks.size();
  std::vector<BlockFeatures> out(n);
  double total_words = 0;
  for (const BlockEvidence& b : blocks) total_words += b.words;
  const Region region = densest_region(blocks);
  double region_words = 0;
  if (region.found) {
    for (std::size_t i = region.first; i <= region.last; ++i) region_words += blocks[i].words;
  }
  auto noise = [&](std::size_t i) { return blocks[i].rule != NoiseReason::None; };
  auto good = [&](std::size_t i) { return blocks[i].good && !noise(i); };

  // Runs: a gap of two or more non-good blocks, or a comment line, ends one.
  std::vector<std::size_t> run_of(n, SIZE_MAX);
  std::vector<double> run_words;
  {
    std::size_t i = 0;
    while (i < n) {
      if (!good(i)) {
        ++i;
        continue;
      }
      const std::size_t id = run_words.size();
      run_words.push_back(0);
      std::size_t last_good = i;
      std::size_t j = i;
      while (j < n) {
        if (good(j)) {
          run_words[id] += blocks[j].words;
          last_good = j;
          ++j;
          continue;
        }
        if (blocks[j].comment_line || j + 1 >= n || !good(j + 1)) break;
        ++j;  // one block between two good ones
      }
      for (std::size_t k = i; k <= last_good; ++k) run_of[k] = id;
      i = last_good + 1;
    }
  }
  const double largest = run_words.empty() ? 0 : *std::max_element(run_words.begin(), run_words.end());
  const std::size_t largest_run =
      run_words.empty() ? SIZE_MAX
                        : static_cast<std::size_t>(std::max_element(run_words.begin(), run_words.end()) - run_words.begin());
  std::size_t first_good = n;
  for (std::size_t i = 0; i < n && first_good == n; ++i) {
    if (good(i)) first_good = i;
  }

  // Terms of the region's good blocks, with the number of blocks holding each.
  std::vector<std::uint32_t> region_terms;
  if (region.found) {
    for (std::size_t i = region.first; i <= region.last; ++i) {
      if (good(i)) region_terms.insert(region_terms.end(), blocks[i].terms.begin(), blocks[i].terms.end());
    }
    std::sort(region_terms.begin(), region_terms.end());
  }
  auto region_count = [&](std::uint32_t t) {
    const auto [lo, hi] = std::equal_range(region_terms.begin(), region_terms.end(), t);
    return static_cast<std::size_t>(hi - lo);
  };

  double words_before = 0, comments_before = 0;
  std::size_t large_runs_before = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockEvidence& b = blocks[i];
    BlockFeatures& x = out[i];
    const TextShape& s = b.shape;
    x[F::Words] = saturate(b.words, 10);
    x[F::EndsSentence] = b.ends ? 1 : 0;
    x[F::Sentences] = saturate(s.terminals, 2);
    x[F::Good] = b.good ? 1 : 0;
    x[F::StopwordDensity] = b.stopword_density < 0 ? 0 : static_cast<float>(b.stopword_density);
    x[F::NoStopwordList] = b.stopword_density < 0 ? 1 : 0;
    x[F::Capitals] = s.tokens > 0 ? static_cast<float>(s.capitalised / s.tokens) : 0;
    x[F::Digits] = s.alnum > 0 ? static_cast<float>(s.digits / s.alnum) : 0;
    x[F::Separators] = saturate(s.separators / (s.tokens + 1), 0.1);
    x[F::Commas] = saturate(s.commas / (s.tokens + 1), 0.1);
    x[F::Bullet] = s.bullet ? 1 : 0;
    x[F::EndsColon] = s.colon_end ? 1 : 0;
    x[F::LinkLike] = s.link ? 1 : 0;
    switch (b.rule) {
      case NoiseReason::CookieBanner: x[F::RuleCookie] = 1; break;
      case NoiseReason::Caption: x[F::RuleCaption] = 1; break;
      case NoiseReason::Related: x[F::RuleRelated] = 1; break;
      case NoiseReason::Share: x[F::RuleShare] = 1; break;
      case NoiseReason::Navigation: x[F::RuleNavigation] = 1; break;
      case NoiseReason::Byline: x[F::RuleByline] = 1; break;
      case NoiseReason::Newsletter: x[F::RuleNewsletter] = 1; break;
      case NoiseReason::Advertisement: x[F::RuleAdvertisement] = 1; break;
      case NoiseReason::Repeated: x[F::RuleRepeated] = 1; break;
      case NoiseReason::OtherLanguage: x[F::RuleOtherLanguage] = 1; break;
      case NoiseReason::Fragment: x[F::RuleFragment] = 1; break;
      default: break;
    }
    x[F::Duplicate] = b.duplicate ? 1 : 0;
    x[F::Position] = total_words > 0 ? static_cast<float>(words_before / total_words) : 0;
    words_before += b.words;
    if (region.found) {
      x[F::InRegion] = i >= region.first && i <= region.last ? 1 : 0;
      if (i < region.first) x[F::BeforeRegion] = saturate(static_cast<double>(region.first - i), 3);
      if (i > region.last) x[F::AfterRegion] = saturate(static_cast<double>(i - region.last), 3);
      x[F::RegionShare] = total_words > 0 ? static_cast<float>(region_words / total_words) : 0;
    }
    if (i > 0) {
      x[F::PreviousWords] = saturate(blocks[i - 1].words, 10);
      x[F::PreviousGood] = good(i - 1) ? 1 : 0;
      x[F::PreviousNoise] = noise(i - 1) ? 1 : 0;
    }
    if (i + 1 < n) {
      x[F::NextWords] = saturate(blocks[i + 1].words, 10);
      x[F::NextGood] = good(i + 1) ? 1 : 0;
      x[F::NextNoise] = noise(i + 1) ? 1 : 0;
    }
    const std::size_t lo = i >= kWindow ? i - kWindow : 0, hi = std::min(n, i + kWindow + 1);
    double around = 0, good_around = 0, noise_around = 0;
    for (std::size_t j = lo; j < hi; ++j) {
      if (j == i) continue;
      around += 1;
      good_around += good(j) ? 1 : 0;
      noise_around += noise(j) ? 1 : 0;
    }
    if (around > 0) {
      x[F::WindowGood] = static_cast<float>(good_around / around);
      x[F::WindowNoise] = static_cast<float>(noise_around / around);
    }
    const std::size_t run = run_of[i];
    if (run != SIZE_MAX && largest > 0) {
      x[F::RunShare] = static_cast<float>(run_words[run] / largest);
      x[F::LargestRun] = run == largest_run ? 1 : 0;
    }
    x[F::RunsBefore] = saturate(static_cast<double>(large_runs_before), 1);
    // A large run counts for the blocks after its last one.
    if (run != SIZE_MAX && (i + 1 >= n || run_of[i + 1] != run) && run_words[run] * 2 >= largest) ++large_runs_before;
    x[F::ContextRule] = b.context_rule ? 1 : 0;
    if (!b.terms.empty() && !b.title) {
      const bool counted = region.found && i >= region.first && i <= region.last && good(i);
      double shared = 0;
      for (const std::uint32_t t : b.terms) {
        if (region_count(t) > (counted ? 1u : 0u)) shared += 1;
      }
      x[F::TopicOverlap] = static_cast<float>(shared / static_cast<double>(b.terms.size()));
    }
    for (std::size_t back = 1; back <= kWindow && back <= i && !good(i - back); ++back) {
      if (blocks[i - back].rule == NoiseReason::Byline) x[F::BylineBefore] = 1;
    }
    for (std::size_t ahead = 1; ahead <= kWindow && i + ahead < n && !good(i + ahead); ++ahead) {
      if (blocks[i + ahead].rule == NoiseReason::Byline) x[F::BylineAfter] = 1;
    }
    x[F::CommentLine] = b.comment_line ? 1 : 0;
    x[F::CommentsBefore] = saturate(comments_before, 1);
    if (b.comment_line && i > first_good) comments_before += 1;
  }
  place_title(blocks, out);
  return out;
}

void place_title(std::span<const BlockEvidence> blocks, std::vector<BlockFeatures>& features) {
  using F = BlockFeature;
  const std::size_t n = std::min(blocks.size(), features.size());
  std::size_t title = n;
  for (std::size_t i = 0; i < n && title == n; ++i) {
    if (blocks[i].title) title = i;
  }
  for (std::size_t i = 0; i < n; ++i) {
    BlockFeatures& x = features[i];
    x[F::Title] = i == title ? 1 : 0;
    x[F::BeforeTitle] = title < n && i < title ? 1 : 0;
    x[F::AfterTitle] = title < n && i > title ? 1 : 0;
    x[F::TitleDistance] = title < n && i > title ? static_cast<float>(1.0 / static_cast<double>(i - title)) : 0;
    x[F::TitleOverlap] = 0;
    if (title == n || i == title || blocks[i].terms.empty()) continue;
    const std::vector<std::uint32_t>& title_terms = blocks[title].terms;
    double in_title = 0;
    for (const std::uint32_t t : blocks[i].terms) {
      if (std::binary_search(title_terms.begin(), title_terms.end(), t)) in_title += 1;
    }
    x[F::TitleOverlap] = static_cast<float>(in_title / static_cast<double>(blocks[i].terms.size()));
  }
}

}  // namespace precis
