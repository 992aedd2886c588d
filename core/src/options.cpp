// Options: the one place they are checked, and the stable names of enums.
#include <cmath>
#include <string>
#include <utility>

#include "precis/precis.hpp"
#include "stopwords.hpp"

namespace precis {
namespace {

std::string number(double v) {
  std::string s = std::to_string(v);
  // to_string prints 6 decimals; drop the trailing zeros.
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s;
}

bool supported_language(std::string_view code) {
  return code == "auto" || stopwords_for(code) != nullptr;
}

std::string supported_languages() {
  std::string list = "auto";
  for (const StopwordList& l : stopword_lists()) {
    list += ", ";
    list += l.language;
  }
  return list;
}

}  // namespace

std::optional<Error> validate(const Options& options) {
  const Budget& b = options.budget;
  const std::string field = "options." + std::string(to_string(b.unit));
  if (!std::isfinite(b.value)) return Error{field, "must be a finite number"};
  switch (b.unit) {
    case BudgetUnit::Ratio:
      if (!(b.value > 0 && b.value <= 1)) {
        return Error{field, "must be greater than 0 and at most 1, got " + number(b.value)};
      }
      break;
    case BudgetUnit::Sentences:
    case BudgetUnit::Words:
    case BudgetUnit::Characters:
      if (b.value != std::floor(b.value) || b.value < 1 || b.value > kMaxBudgetCount) {
        return Error{field, "must be a whole number from 1 to " + number(kMaxBudgetCount) + ", got " + number(b.value)};
      }
      break;
  }
  if (options.headline_words > kMaxHeadlineLimit) {
    return Error{"options.headlineWords", "must be from 0 (no limit) to " + std::to_string(kMaxHeadlineLimit)};
  }
  if (options.headline_characters > kMaxHeadlineLimit) {
    return Error{"options.headlineCharacters", "must be from 0 (no limit) to " + std::to_string(kMaxHeadlineLimit)};
  }
  if (options.mode == Mode::Headline && options.headline_words == 0 && options.headline_characters == 0) {
    return Error{"options.headlineWords", "a headline needs a word or character limit (both are 0)"};
  }
  if (options.per_section && options.mode == Mode::Headline) {
    return Error{"options.perSection", "is for extracts: a headline is one sentence of the whole text"};
  }
  if (options.keywords > kMaxKeywords) {
    return Error{"options.keywords", "must be from 0 to " + std::to_string(kMaxKeywords)};
  }
  if (!(options.redundancy > 0 && options.redundancy <= 1)) {
    return Error{"options.redundancy", "must be greater than 0 and at most 1 (1 turns the check off), got " +
                                           number(options.redundancy)};
  }
  if (options.max_input_bytes < 1 || options.max_input_bytes > kMaxInputBytesLimit) {
    return Error{"options.maxInputBytes", "must be from 1 to " + std::to_string(kMaxInputBytesLimit)};
  }
  if (!supported_language(options.language)) {
    return Error{"options.language",
                 "unsupported language \"" + options.language + "\"; supported: " + supported_languages()};
  }
  return std::nullopt;
}

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::Title: return "title";
    case BlockKind::Body: return "body";
    case BlockKind::Noise: return "noise";
  }
  return "body";
}

std::string_view to_string(NoiseReason reason) {
  switch (reason) {
    case NoiseReason::None: return "none";
    case NoiseReason::CookieBanner: return "cookie-banner";
    case NoiseReason::Caption: return "caption";
    case NoiseReason::Related: return "related";
    case NoiseReason::Share: return "share";
    case NoiseReason::Navigation: return "navigation";
    case NoiseReason::Byline: return "byline";
    case NoiseReason::Newsletter: return "newsletter";
    case NoiseReason::Advertisement: return "advertisement";
    case NoiseReason::Repeated: return "repeated";
    case NoiseReason::OtherLanguage: return "other-language";
    case NoiseReason::Fragment: return "fragment";
    case NoiseReason::OutsideArticle: return "outside-article";
  }
  return "none";
}

std::string_view to_string(BudgetUnit unit) {
  switch (unit) {
    case BudgetUnit::Sentences: return "sentences";
    case BudgetUnit::Ratio: return "ratio";
    case BudgetUnit::Words: return "words";
    case BudgetUnit::Characters: return "characters";
  }
  return "sentences";
}

std::string_view to_string(Mode mode) { return mode == Mode::Headline ? "headline" : "extract"; }

}  // namespace precis
