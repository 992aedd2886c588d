#include "language.hpp"

#include <array>
#include <cstddef>

#include "stopwords.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;

using unicode::Script;

struct Evidence {
  std::array<std::size_t, 13> letters{};  // indexed by Script
  std::vector<std::size_t> hits;          // per stopword list
  std::size_t words = 0;

  Evidence() : hits(stopword_lists().size(), 0) {}

  void add_word(std::string_view word, std::string& folded) {
    folded.clear();
    unicode::fold(word, folded);
    ++words;
    const auto lists = stopword_lists();
    for (std::size_t i = 0; i < lists.size(); ++i) hits[i] += contains(lists[i], folded) ? 1 : 0;
  }

  void add_text(std::string_view text) {
    std::string folded;
    std::size_t pos = 0, word_start = std::string_view::npos;
    while (pos < text.size()) {
      const utf8::Decoded d = utf8::decode(text, pos);
      const bool letter = unicode::is_letter(d.code_point) || d.code_point == '\'' || d.code_point == 0x2019;
      if (letter) {
        letters[static_cast<std::size_t>(unicode::script_of(d.code_point))]++;
        if (word_start == std::string_view::npos) word_start = pos;
      } else if (word_start != std::string_view::npos) {
        add_word(text.substr(word_start, pos - word_start), folded);
        word_start = std::string_view::npos;
      }
      pos += d.length;
    }
    if (word_start != std::string_view::npos) add_word(text.substr(word_start), folded);
  }

  std::size_t count(Script s) const { return letters[static_cast<std::size_t>(s)]; }

  // The stopword list with the most hits among `candidates`; "und" if none hit.
  std::string vote(std::initializer_list<std::string_view> candidates) const {
    const auto lists = stopword_lists();
    std::string_view best = "und";
    std::size_t best_hits = 0;
    for (std::string_view code : candidates) {
      for (std::size_t i = 0; i < lists.size(); ++i) {
        if (lists[i].language == code && hits[i] > best_hits) {
          best = code;
          best_hits = hits[i];
        }
      }
    }
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
    const std::size_t cjk = count(Script::Han) + count(Script::Hiragana) + count(Script::Katakana);
    // Chinese and Japanese share Han; compare CJK as one script before Latin etc.
    if (cjk > top_count || unicode::is_cjk(top)) {
      const std::size_t kana = count(Script::Hiragana) + count(Script::Katakana);
      return kana * 10 >= cjk ? "ja" : "zh";
    }
    switch (top) {
      case Script::Latin:
        return vote({"en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "id", "sv", "da", "nb", "fi", "cs",
                     "ro", "hu", "vi"});
      case Script::Cyrillic: {
        std::string v = vote({"ru", "uk"});
        return v == "und" ? "ru" : v;
      }
      case Script::Hangul: return "ko";
      case Script::Arabic: return "ar";
      case Script::Hebrew: return "he";
      case Script::Greek: return "el";
      case Script::Thai: return "th";
      case Script::Devanagari: return "hi";
      default: return "und";
    }
  }
};

}  // namespace

std::string detect_language(std::string_view text, const std::vector<Block>& blocks) {
  Evidence evidence;
  std::size_t read = 0;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::Noise) continue;
    const std::size_t take = std::min(block.span.byte_end - block.span.byte_start, kSampleBytes - read);
    evidence.add_text(text.substr(block.span.byte_start, take));
    read += take;
    if (read >= kSampleBytes) break;
  }
  return evidence.decide();
}

std::string detect_language(std::string_view text) {
  Evidence evidence;
  evidence.add_text(text.substr(0, std::min(text.size(), kSampleBytes)));
  return evidence.decide();
}

}  // namespace precis
