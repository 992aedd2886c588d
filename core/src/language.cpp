#include "language.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "stopwords.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;

using unicode::Script;

// Latin-script languages with a stopword list, in the order that breaks an
// exact tie on a long text (most common on the web first).
constexpr std::array<std::string_view, 18> kLatin = {"en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr",
                                                     "id", "sv", "da", "nb", "fi", "cs", "ro", "hu", "vi"};
constexpr std::array<std::string_view, 2> kCyrillic = {"ru", "uk"};

// Letters that only some of the candidate languages write. A word with one of
// them counts as one vote for each language named (once per word), like a
// stopword hit. They decide short inputs where stopwords are few and shared
// ("para" is Spanish, Portuguese and Indonesian; "Merkez Bankası para
// politikasını ..." is Turkish by its ı).
struct LetterHint {
  char32_t lower;  // 0: this case does not count
  char32_t upper;
  std::string_view languages;  // space-separated codes
};
constexpr std::array<LetterHint, 27> kLetterHints = {{
    {U'ı', 0, "tr"},  // dotless i (its capital I is everyone's)
    {0, U'İ', "tr"},  // dotted capital I (its small i is everyone's)
    {U'ğ', U'Ğ', "tr"},
    {U'ş', U'Ş', "tr ro"},
    {U'ł', U'Ł', "pl"},
    {U'ą', U'Ą', "pl"},
    {U'ę', U'Ę', "pl"},
    {U'ś', U'Ś', "pl"},
    {U'ź', U'Ź', "pl"},
    {U'ż', U'Ż', "pl"},
    {U'ń', U'Ń', "pl"},
    {U'ß', U'ẞ', "de"},
    {U'ñ', U'Ñ', "es"},
    {U'ã', U'Ã', "pt vi"},
    {U'õ', U'Õ', "pt vi"},
    {U'œ', U'Œ', "fr"},
    {U'ř', U'Ř', "cs"},
    {U'ě', U'Ě', "cs"},
    {U'ů', U'Ů', "cs"},
    {U'ă', U'Ă', "ro vi"},
    {U'ș', U'Ș', "ro"},
    {U'ț', U'Ț', "ro"},
    {U'ő', U'Ő', "hu"},
    {U'ű', U'Ű', "hu"},
    {U'ø', U'Ø', "da nb"},
    {U'æ', U'Æ', "da nb"},
    {U'ư', U'Ư', "vi"},
}};
// Cyrillic letters of one of the two languages with a list.
constexpr std::array<LetterHint, 8> kCyrillicHints = {{
    {U'ы', U'Ы', "ru"},
    {U'э', U'Э', "ru"},
    {U'ъ', U'Ъ', "ru"},
    {U'ё', U'Ё', "ru"},
    {U'і', U'І', "uk"},
    {U'ї', U'Ї', "uk"},
    {U'є', U'Є', "uk"},
    {U'ґ', U'Ґ', "uk"},
}};

// Arabic-script letters of Persian and Urdu that Arabic does not use: a text
// with many words containing them is not Arabic (and precis has no list for it).
constexpr bool persian_letter(char32_t cp) {
  return cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x06A9 || cp == 0x06CC;
}

// Votes below this (stopword hits plus letter hints) are too few to tell
// Latin-script languages apart: the answer is "und" rather than a guess.
constexpr std::size_t kMinLatinVotes = 2;

constexpr std::size_t kNoList = SIZE_MAX;

// Each candidate's index in stopword_lists() (kNoList: no list), looked up once.
template <std::size_t N>
std::array<std::size_t, N> list_indices(const std::array<std::string_view, N>& codes) {
  std::array<std::size_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    const StopwordList* list = stopwords_for(codes[i]);
    out[i] = list ? static_cast<std::size_t>(list - stopword_lists().data()) : kNoList;
  }
  return out;
}

const std::array<std::size_t, kLatin.size()>& latin_lists() {
  static const auto lists = list_indices(kLatin);
  return lists;
}

const std::array<std::size_t, kCyrillic.size()>& cyrillic_lists() {
  static const auto lists = list_indices(kCyrillic);
  return lists;
}

struct Evidence {
  std::array<std::size_t, 13> letters{};  // indexed by Script
  std::array<std::size_t, 32> hits{};     // per stopword list: stopword hits + letter hints
  std::size_t words = 0;
  std::size_t arabic_words = 0, persian_words = 0;

  // Evidence of two stretches read one after the other.
  void add(const Evidence& o) {
    for (std::size_t i = 0; i < letters.size(); ++i) letters[i] += o.letters[i];
    for (std::size_t i = 0; i < hits.size(); ++i) hits[i] += o.hits[i];
    words += o.words;
    arabic_words += o.arabic_words;
    persian_words += o.persian_words;
  }

  void vote_for(std::string_view code) {
    const auto lists = stopword_lists();
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (lists[i].language == code) ++hits[i];
    }
  }

  template <std::size_t N>
  void letter_hints(std::string_view word, const std::array<LetterHint, N>& hints) {
    std::array<bool, N> seen{};
    for (std::size_t pos = 0; pos < word.size();) {
      const utf8::Decoded d = utf8::decode(word, pos);
      pos += d.length;
      if (d.code_point < 0x80) continue;  // every hinted letter is beyond ASCII
      for (std::size_t h = 0; h < N; ++h) {
        if (d.code_point == hints[h].lower || d.code_point == hints[h].upper) seen[h] = true;
      }
    }
    // One vote per language per word, however many hinted letters it has.
    std::array<std::string_view, 8> voted{};
    std::size_t n_voted = 0;
    for (std::size_t h = 0; h < N; ++h) {
      if (!seen[h]) continue;
      std::string_view list = hints[h].languages;
      std::size_t start = 0;
      while (start < list.size()) {
        std::size_t end = list.find(' ', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view code = list.substr(start, end - start);
        start = end + 1;
        if (std::find(voted.begin(), voted.begin() + n_voted, code) != voted.begin() + n_voted) continue;
        if (n_voted < voted.size()) voted[n_voted++] = code;
        vote_for(code);
      }
    }
  }

  // `ascii`: every byte of the word is ASCII; `upper`: one is a capital A-Z
  // (add_text learns both while it finds the word).
  void add_word(std::string_view word, bool ascii, bool upper, std::string& folded) {
    // Lower-case ASCII folds to itself: look it up as it stands.
    const bool as_is = ascii && !upper;
    if (!as_is) {
      folded.clear();
      unicode::fold(word, folded);
    }
    ++words;
    for (std::uint32_t in = lists_containing(as_is ? word : std::string_view(folded)); in != 0; in &= in - 1) {
      ++hits[std::countr_zero(in)];
    }
    if (ascii) return;  // no hinted letter is ASCII, and ASCII is no Arabic
    const char32_t first = utf8::decode(word, 0).code_point;
    switch (unicode::script_of(first)) {
      case Script::Latin: letter_hints(word, kLetterHints); break;
      case Script::Cyrillic: letter_hints(word, kCyrillicHints); break;
      case Script::Arabic: {
        ++arabic_words;
        bool persian = false;
        for (std::size_t pos = 0; pos < word.size() && !persian;) {
          const utf8::Decoded d = utf8::decode(word, pos);
          persian = persian_letter(d.code_point);
          pos += d.length;
        }
        persian_words += persian ? 1 : 0;
        break;
      }
      default: break;
    }
  }

  void add_text(std::string_view text) {
    std::string folded;
    std::size_t pos = 0, word_start = std::string_view::npos;
    bool ascii = true, upper = false;  // of the word being read
    auto start_word = [&] {
      if (word_start != std::string_view::npos) return;
      word_start = pos;
      ascii = true;
      upper = false;
    };
    while (pos < text.size()) {
      const auto b = static_cast<unsigned char>(text[pos]);
      if (b < 0x80) {  // the same as below, for ASCII: letters are Latin, '\'' is Common
        const bool alpha = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
        if (alpha || b == '\'') {
          letters[static_cast<std::size_t>(alpha ? Script::Latin : Script::Common)]++;
          start_word();
          upper |= b >= 'A' && b <= 'Z';
        } else if (word_start != std::string_view::npos) {
          add_word(text.substr(word_start, pos - word_start), ascii, upper, folded);
          word_start = std::string_view::npos;
        }
        ++pos;
        continue;
      }
      const utf8::Decoded d = utf8::decode(text, pos);
      const bool letter = unicode::is_letter(d.code_point) || d.code_point == '\'' || d.code_point == 0x2019;
      if (letter) {
        letters[static_cast<std::size_t>(unicode::script_of(d.code_point))]++;
        start_word();
        ascii = false;
      } else if (word_start != std::string_view::npos) {
        add_word(text.substr(word_start, pos - word_start), ascii, upper, folded);
        word_start = std::string_view::npos;
      }
      pos += d.length;
    }
    if (word_start != std::string_view::npos) add_word(text.substr(word_start), ascii, upper, folded);
  }

  std::size_t count(Script s) const { return letters[static_cast<std::size_t>(s)]; }

  // Votes for the list at `index` (kNoList: none).
  std::size_t votes(std::size_t index) const { return index < hits.size() ? hits[index] : 0; }

  // The candidate with the most votes. "und" when it has fewer than
  // `min_votes`, or shares the lead on a short text (a tie between "di" in
  // Italian and Indonesian says nothing); on a long text, a tie goes to the
  // earlier candidate.
  template <std::size_t N>
  std::string vote(const std::array<std::string_view, N>& candidates, const std::array<std::size_t, N>& lists,
                   std::size_t min_votes) const {
    std::string_view best = "und";
    std::size_t best_votes = 0, second = 0;
    for (std::size_t c = 0; c < N; ++c) {
      const std::string_view code = candidates[c];
      const std::size_t v = votes(lists[c]);
      if (v > best_votes) {
        second = best_votes;
        best = code;
        best_votes = v;
      } else if (v > second) {
        second = v;
      }
    }
    if (best_votes < min_votes) return "und";
    if (best_votes == second && best_votes < 3 * min_votes) return "und";
    return std::string(best);
  }

  std::string decide() const {
    Script top = Script::Common;
    std::size_t top_count = 0;
    for (std::size_t s = 0; s < letters.size(); ++s) {
      if (static_cast<Script>(s) == Script::Common || static_cast<Script>(s) == Script::Other) continue;
      if (letters[s] > top_count) {
        top_count = letters[s];
        top = static_cast<Script>(s);
      }
    }
    if (top_count == 0) return "und";
    const std::size_t kana = count(Script::Hiragana) + count(Script::Katakana);
    const std::size_t cjk = count(Script::Han) + kana;
    // Chinese and Japanese share Han; compare CJK as one script before Latin
    // etc. Japanese running text is 30-60% kana (particles and endings are
    // hiragana), even a headline has a few; Chinese has none.
    if (cjk > top_count || unicode::is_cjk(top)) return kana * 20 >= cjk ? "ja" : "zh";
    switch (top) {
      case Script::Latin: return vote(kLatin, latin_lists(), kMinLatinVotes);
      case Script::Cyrillic: {
        // Russian unless Ukrainian has the evidence: the script alone already
        // says "East Slavic", and Russian is by far the most common.
        const std::string v = vote(kCyrillic, cyrillic_lists(), 1);
        return v == "uk" ? v : "ru";
      }
      case Script::Hangul: return "ko";
      case Script::Arabic:
        // Persian and Urdu write many words with letters Arabic lacks.
        return persian_words * 10 >= std::max<std::size_t>(arabic_words, 1) ? "und" : "ar";
      case Script::Hebrew: return "he";
      case Script::Greek: return "el";
      case Script::Thai: return "th";
      case Script::Devanagari: return "hi";
      default: return "und";
    }
  }
};

struct PtrLenHash {
  std::size_t operator()(const std::pair<const char*, std::size_t>& k) const {
    return std::hash<const char*>()(k.first) * 31 + k.second;
  }
};

}  // namespace

struct LanguageDetector::Impl {
  std::unordered_map<std::pair<const char*, std::size_t>, Evidence, PtrLenHash> seen;

  const Evidence& of(std::string_view stretch) {
    const auto [it, inserted] = seen.try_emplace({stretch.data(), stretch.size()});
    if (inserted) it->second.add_text(stretch);
    return it->second;
  }
};

LanguageDetector::LanguageDetector() : impl_(std::make_unique<Impl>()) {}
LanguageDetector::~LanguageDetector() = default;

std::string LanguageDetector::detect(std::string_view text, const std::vector<Span>& stretches) {
  Evidence evidence;
  std::size_t read = 0;
  for (const Span& span : stretches) {
    const std::size_t take = std::min(span.byte_end - span.byte_start, kSampleBytes - read);
    evidence.add(impl_->of(text.substr(span.byte_start, take)));
    read += take;
    if (read >= kSampleBytes) break;
  }
  return evidence.decide();
}

std::string LanguageDetector::detect(std::string_view text, const std::vector<Block>& blocks) {
  std::vector<Span> stretches;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::Noise) stretches.push_back(block.span);
  }
  return detect(text, stretches);
}

std::string LanguageDetector::detect(std::string_view text) {
  return impl_->of(text.substr(0, std::min(text.size(), kSampleBytes))).decide();
}

std::string detect_language(std::string_view text, const std::vector<Block>& blocks) {
  return LanguageDetector().detect(text, blocks);
}

std::string detect_language(std::string_view text) { return LanguageDetector().detect(text); }

}  // namespace precis
