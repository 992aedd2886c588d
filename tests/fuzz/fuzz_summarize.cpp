// libFuzzer target: precis::summarize on arbitrary bytes. The first four bytes
// choose the options (budget unit and value, mode, clean, language,
// redundancy); the rest is the text. Every result is checked against the
// invariants of invariants.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "precis/precis.hpp"

namespace {

precis::Options options_from(const std::uint8_t* data) {
  static constexpr const char* kLanguages[] = {"auto", "auto", "auto", "auto", "en", "de", "zh", "ar"};
  static constexpr double kRedundancy[] = {0.6, 1.0, 0.01, 0.3};
  precis::Options o;
  const std::uint8_t a = data[0], b = data[1], c = data[2], d = data[3];
  switch (a & 3) {
    case 0: o.budget = {precis::BudgetUnit::Sentences, static_cast<double>(1 + b % 12)}; break;
    case 1: o.budget = {precis::BudgetUnit::Ratio, (1 + b) / 256.0}; break;
    case 2: o.budget = {precis::BudgetUnit::Words, static_cast<double>(1 + b * 3)}; break;
    default: o.budget = {precis::BudgetUnit::Characters, static_cast<double>(1 + b * 8)}; break;
  }
  o.mode = (a & 4) ? precis::Mode::Headline : precis::Mode::Extract;
  o.clean = !(a & 8);
  o.language = kLanguages[(a >> 4) & 7];
  o.redundancy = kRedundancy[c & 3];
  o.headline_words = (c >> 2) & 15;                     // 0..15
  o.headline_characters = (c & 0x40) ? d % 64 : 0;      // 0..63
  if (o.mode == precis::Mode::Headline && o.headline_words == 0 && o.headline_characters == 0) o.headline_words = 1;
  o.keywords = d % 12;
  o.per_section = (d & 0x80) != 0 && o.mode == precis::Mode::Extract;
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const precis::Options options = options_from(data);
  const std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);
  const precis::Outcome outcome = precis::summarize(text, options);
  PRECIS_FUZZ_CHECK(!outcome.error);  // the options above are always valid
  precis::fuzz::check_outcome(text, options, outcome);
  return 0;
}
