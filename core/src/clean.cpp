#include "clean.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "block_model.hpp"
#include "language.hpp"
#include "noise_markers.hpp"
#include "stopwords.hpp"
#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis {

// Every threshold of the cleaning stage, in one place. "Words" are word units:
// space-separated tokens, with CJK ideographs/kana counted as half a word each
// (two characters make about one word) and Korean words (which carry their
// particles) as 1.5, so limits mean about the same in every script.
namespace clean_limits {
// Title: a single line of at most this many words / bytes, no final full stop.
inline constexpr std::size_t kTitleMaxWords = 25;
inline constexpr std::size_t kTitleMaxBytes = 250;
// A title found after leading page furniture needs at least this many words
// (section labels such as "World" or "Asia" are shorter)...
inline constexpr double kTitleMinWords = 3;
// ...and must be among the first blocks of the page.
inline constexpr std::size_t kTitleSearchBlocks = 25;
// Among several candidates, the one sharing most content words with the first
// few good blocks wins (menus and section labels share none).
inline constexpr std::size_t kTitleBodySample = 5;

// Good (body-like) block: ends like a sentence and has at least this many
// words, or is long running text without final punctuation...
inline constexpr double kGoodMinWords = 8;
inline constexpr double kGoodUnpunctuatedWords = 40;
// ...and its stopword density is at least this (alphabetic scripts with a
// stopword list; jusText's "stopwords_low" is 0.30 for HTML paragraphs, but a
// paste also holds tables, lists and quotes) / this for Chinese characters.
inline constexpr double kStopwordLow = 0.12;
inline constexpr double kStopwordLowZh = 0.04;
// Density is measured only on blocks with at least this many words.
inline constexpr double kStopwordMinWords = 6;

// Cue rules: whole-line furniture must be short...
inline constexpr double kMarkerLineMaxWords = 12;   // share rows, menus, headings
inline constexpr double kAdLineMaxWords = 6;        // "Advertisement", "Anzeige"
inline constexpr double kAdPhraseMaxWords = 14;     // "Story continues below advertisement"
inline constexpr double kCookieMaxWords = 90;       // a whole consent banner
inline constexpr double kCookieShortWords = 15;     // "Cookie settings", no "we use" needed
inline constexpr double kButtonMaxWords = 6;        // "Accept all / Reject all"
inline constexpr double kNewsletterMaxWords = 45;
inline constexpr double kNewsletterTopicOnlyWords = 8;  // "Newsletter" heading
inline constexpr double kCaptionMaxWords = 40;      // caption with a credit label
inline constexpr double kCreditMaxWords = 8;        // "Getty Images", "REUTERS/Jane Doe"
// A news agency's caption that ends with its credit, "... Tuesday, Jan. 15,
// 2008. (AP Photo/Jane Doe)": two or three sentences of it.
inline constexpr double kCreditedCaptionMaxWords = 90;
inline constexpr double kBylineMaxWords = 14;       // "By Jane Doe, BBC News", timestamps
inline constexpr double kAiLabelMaxWords = 16;      // "This article was reported by AI."
inline constexpr double kBylineTagMaxWords = 8;     // "김민수 기자", "新华社记者 张三"
inline constexpr double kReadTimeMaxWords = 5;      // "5 min read", "Lesezeit: 3 Min."
inline constexpr double kFooterMaxWords = 25;
inline constexpr double kFilingMaxWords = 40;        // "Tags: <a list of topics>"
inline constexpr double kScriptNoticeMaxWords = 40;  // "This site requires JavaScript to run correctly..."
inline constexpr double kRelatedHeadingMaxWords = 10;
inline constexpr double kRelatedInlineMaxWords = 30;     // "Read more: <teaser headline>"
inline constexpr double kRelatedShortHeadingWords = 4;  // a heading that starts with a cue: "More from Sport"
inline constexpr double kNavMaxWords = 15;
inline constexpr double kCrumbSegmentMaxWords = 5;
// ...and dominated by the cue: share of the line's letters inside matches.
inline constexpr double kShareCoverage = 0.6;
inline constexpr double kAppPromoMaxWords = 30;  // "Download our app and turn on notifications."

inline constexpr double kShareRowMaxWords = 24;    // a long row of share buttons...
inline constexpr double kShareRowCoverage = 0.8;   // ...made almost only of them
inline constexpr double kNavCoverage = 0.7;
// A menu row: at least kMenuRowMinWords capitalised words, none of them a
// common lowercase word, partly section names.
inline constexpr double kMenuRowCoverage = 0.3;
inline constexpr std::size_t kMenuRowMinWords = 4;
inline constexpr double kAdCoverage = 0.8;
inline constexpr double kCommentCoverage = 0.5;  // "37 comments", "Reply", "Leave a Reply"
inline constexpr double kRelatedHeadingCoverage = 0.8;
inline constexpr double kButtonCoverage = 0.9;
inline constexpr double kCookieHeadingCoverage = 0.8;
inline constexpr double kFooterCoverage = 0.6;
inline constexpr double kCaptionPrefixCoverage = 0.5;
// A consent button row counts as banner when a banner is this close.
inline constexpr std::size_t kButtonBannerDistance = 3;

// Captions: a line without final punctuation next to a credit / AI-image label.
inline constexpr double kCaptionNeighbourMaxWords = 40;
// ...or a sentence of at most this many words before a bracketed credit line.
inline constexpr double kCaptionSentenceMaxWords = 30;
// Related run: teasers follow a "Related" heading until two consecutive good
// blocks of at least this many words show the body resuming.
inline constexpr double kRelatedBreakWords = 15;
// A weak line of at most this many words between two blocks of the same noise
// reason takes that reason.
inline constexpr double kSandwichMaxWords = 40;
// A name line ("Ana López") next to a byline / dateline, up to this long...
inline constexpr double kNameMaxWords = 4;
// ...and the weak line right after an "Advertisement"/"Sponsored" label.
inline constexpr double kAdTeaserMaxWords = 25;
// Fragments: weak lines outside the body region that touch noise, up to this long.
inline constexpr double kFragmentMaxWords = 12;
// Other language: a block needs this many words (different script: letters of
// that script) before its language is trusted, and, in the same script, this
// many stopword hits of its own language, at least twice those of the body's.
inline constexpr std::size_t kOtherScriptMinLetters = 4;
inline constexpr double kOtherLanguageMinWords = 6;
inline constexpr std::size_t kOtherLanguageMinHits = 3;
inline constexpr double kOtherLanguageMinDensity = 0.2;  // own stopwords per word: running text, not a name list
inline constexpr std::size_t kOtherLanguageSampleBytes = 4096;
// Repeats: keys shorter than this (bytes) are not compared; a near-duplicate
// is a prefix of (or has as prefix) one of the last few blocks or the title,
// covering this share of it.
inline constexpr std::size_t kRepeatMinKeyBytes = 8;
inline constexpr double kNearDuplicate = 0.85;
inline constexpr std::size_t kNearDuplicateWindow = 3;
// When more than this share of the non-noise blocks would be repeats, none is
// removed (a repetitive text, not a page with a repeated headline).
inline constexpr double kRepeatMaxShare = 0.25;
// Cue scanning reads at most this many bytes of a block's folded key (every
// cue rule has a word limit far below it).
inline constexpr std::size_t kKeyMaxBytes = 1200;
}  // namespace clean_limits

namespace {

namespace L = clean_limits;
using noise::Cue;

// ------------------------------------------------------------ measurements

// Word units of text, in halves (scan::WordUnits).
std::size_t half_words(std::string_view text) {
  scan::WordUnits units;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      units.add(b);
      ++pos;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, pos);
    units.add_non_ascii(d.code_point);
    pos += d.length;
  }
  return units.halves;
}

// Every byte an ASCII digit, and at least one.
bool ascii_number(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A year of the last two centuries: four digits, 19xx or 20xx.
bool year_like(std::string_view t) {
  return t.size() == 4 && (t.starts_with("19") || t.starts_with("20")) && ascii_number(t);
}

struct DateTime {
  bool year = false;          // 19xx / 20xx
  bool numeric_date = false;  // 2024-05-01, 01.05.2024, 2024/5/1, 2024.05.01
  bool cjk_date = false;      // 2024年5月1日, 5月1日
  bool clock = false;         // 10:32
};

DateTime scan_datetime(std::string_view text) {
  DateTime dt;
  struct Run {
    std::size_t start, end;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= '0' && text[i] <= '9') {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      runs.push_back({i, j});
      i = j;
    } else {
      ++i;
    }
  }
  auto len = [](const Run& r) { return r.end - r.start; };
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const Run& r = runs[k];
    if (year_like(text.substr(r.start, len(r)))) dt.year = true;
    if (r.end < text.size()) {
      const std::string_view rest = text.substr(r.end);
      if (rest.starts_with("年") || rest.starts_with("月") || rest.starts_with("월") || rest.starts_with("년")) {
        if (k + 1 < runs.size()) dt.cjk_date = true;
      }
    }
    if (k + 1 < runs.size()) {
      const Run& n = runs[k + 1];
      if (n.start == r.end + 1) {
        const char sep = text[r.end];
        if (sep == ':' && len(r) <= 2 && len(n) == 2) dt.clock = true;
        if ((sep == '-' || sep == '.' || sep == '/') && len(r) <= 4 && len(n) <= 2 && k + 2 < runs.size()) {
          const Run& m = runs[k + 2];
          if (m.start == n.end + 1 && text[n.end] == sep && len(m) <= 4 && (len(r) == 4 || len(m) >= 2)) {
            dt.numeric_date = true;
          }
        }
      }
    }
  }
  return dt;
}

// "3 hours ago", "vor 3 Stunden", "hace 3 horas": a number then a time unit,
// after "vor"/"hace" or before "ago" (CJK forms are whole cue phrases).
bool time_ago(std::string_view key) {
  std::vector<std::string_view> tokens;
  scan::each_token(key, [&](std::string_view token) {
    tokens.push_back(token);
    return tokens.size() < 32;
  });
  auto unit = [](std::string_view t) {
    const noise::CueHits h = noise::scan_cues(t);
    return h.coverage(Cue::AgoUnit) >= 1.0;
  };
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if ((tokens[i] == "vor" || tokens[i] == "hace") && ascii_number(tokens[i + 1]) && unit(tokens[i + 2])) return true;
    if (ascii_number(tokens[i]) && unit(tokens[i + 1]) && tokens[i + 2] == "ago") return true;
  }
  return false;
}

// (find_first_of("0123456789") calls memchr for every byte.)
bool has_ascii_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Home News Sport Weather iPlayer Sounds": every token starts with a capital
// letter or a digit, or is a short connector ("&", "and", "of").
bool menu_row(std::string_view text) {
  std::size_t tokens = 0, short_cjk = 0;
  const bool every = scan::each_token(text, [&](std::string_view token) {
    const char32_t first = utf8::decode(token, 0).code_point;
    const bool capital = unicode::is_uppercase(first) || unicode::is_digit(first) ||
                         (token.size() > 1 && unicode::is_uppercase(utf8::decode(token, 1).code_point));
    ++tokens;
    if (noise::is_cjk_cp(first) || unicode::script_of(first) == unicode::Script::Hangul) {
      // CJK / Korean menus: many short words ("新闻 体育 财经", "정치 경제 사회").
      if (half_words(token) > 2 * 2 || token.size() > 4 * 4) return false;
      ++short_cjk;
      return true;
    }
    return capital || token == "&" || token == "and" || token == "of";
  });
  if (!every) return false;
  return tokens >= L::kMenuRowMinWords && (short_cjk == 0 || short_cjk + 1 >= L::kMenuRowMinWords);
}

// "Ana López", "Jane van der Berg": capitalised words (and short particles), no digits.
bool name_like(std::string_view text) {
  std::size_t capitals = 0;
  const bool every = scan::each_token(text, [&](std::string_view token) {
    const char32_t first = utf8::decode(token, 0).code_point;
    if (unicode::is_uppercase(first)) {
      ++capitals;
    } else if (token.size() > 3 || !unicode::is_letter(first)) {
      return false;
    }
    return !has_ascii_digit(token);
  });
  return every && capitals >= 2;
}

bool has_email(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) return false;
  const std::size_t dot = text.find('.', at);
  return dot != std::string_view::npos && dot > at + 1;
}

// Separators of a breadcrumb or menu row ("Home > World > Asia", "News | Sport").
std::size_t crumb_separators(std::string_view text, bool& long_segment) {
  std::size_t separators = 0;
  std::size_t segment_start = 0;
  long_segment = false;
  auto close_segment = [&](std::size_t end) {
    if (static_cast<double>(half_words(text.substr(segment_start, end - segment_start))) > 2 * L::kCrumbSegmentMaxWords) {
      long_segment = true;
    }
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded d = utf8::decode(text, pos);
    const char32_t c = d.code_point;
    const bool sep = c == '>' || c == 0xBB || c == 0x203A || c == '|' || c == 0xFF1E || c == 0x2192 ||
                     c == 0x25B6 || c == 0x2022 || c == 0x00B7 || c == '/';
    if (sep) {
      // A slash inside a word ("km/h", "REUTERS/Name") is not a separator.
      const bool spaced_before = pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t');
      const bool spaced_after = pos + d.length < text.size() && text[pos + d.length] == ' ';
      if (c != '/' || (spaced_before && spaced_after)) {
        close_segment(pos);
        segment_start = pos + d.length;
        ++separators;
      }
    }
    pos += d.length;
  }
  close_segment(text.size());
  return separators;
}

// The first code point after the first `kept` key characters of `text`
// (letters/digits), skipping spaces; 0 at the end.
char32_t char_after_kept(std::string_view text, std::size_t kept) {
  std::size_t pos = 0;
  while (pos < text.size() && kept > 0) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (noise::keeps(d.code_point)) --kept;
    pos += d.length;
  }
  while (pos < text.size()) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (!unicode::is_space(d.code_point)) return d.code_point;
    pos += d.length;
  }
  return 0;
}

std::size_t kept_in_key(std::string_view key, std::size_t end) {
  std::size_t kept = 0;
  for (std::size_t pos = 0; pos < end && pos < key.size();) {
    const utf8::Decoded d = utf8::decode(key, pos);
    if (d.code_point != ' ') ++kept;
    pos += d.length;
  }
  return kept;
}

// "12. ", "3) ": the line starts with a list number (at most 3 digits) and a
// space.
bool numbered_item(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

// A link that closes the teaser above it ("Read more ›", "Lire la suite"),
// not a heading over a list of teasers: a list page's entries end with one.
bool link_label(std::string_view key) {
  // (Each is a phrase of the Related cue list: a heading is mostly made of those.)
  for (std::string_view label : {"read more", "lire la suite", "leer más", "weiterlesen", "lesen sie mehr",
                                  "leia mais", "阅读全文", "阅读更多", "続きを読む", "더보기"}) {
    if (key == label) return true;
  }
  return false;
}

bool is_colon(char32_t c) { return c == ':' || c == 0xFF1A; }

// A line that opens with the copyright sign, or with "Copyright" and a year
// or the sign: a rights notice when a year comes among its first words
// ("© 2019 Beachbody, LLC. All rights reserved."), else a photo credit that
// leads its caption ("© John Brecher Needle poking skin during ..."). "(c)"
// numbers list items and is left alone.
enum class RightsLine : std::uint8_t { None, Notice, Credit };

RightsLine rights_line(std::string_view raw, std::string_view key) {
  constexpr std::string_view kSign = "\xC2\xA9";  // ©
  const std::size_t start = scan::skip_space(raw, 0, raw.size());
  const std::string_view line = raw.substr(start);
  const bool sign = line.starts_with(kSign);
  if (!sign && !key.starts_with("copyright ")) return RightsLine::None;  // (most blocks: no token scan)
  std::size_t index = 0;
  bool dated = false, second_is_year = false;
  scan::each_token(key, [&](std::string_view token) {
    if (year_like(token)) {
      dated = true;
      if (index == 1) second_is_year = true;
    }
    return ++index < 4;
  });
  if (!sign && !second_is_year && line.substr(0, 16).find(kSign) == std::string_view::npos) return RightsLine::None;
  return dated ? RightsLine::Notice : RightsLine::Credit;
}

bool is_label_punct(char32_t c) {
  return is_colon(c) || c == '=' || c == ',' || c == '|' || c == '/' || c == 0xFF0F || c == 0xBB ||
         c == 0x203A || c == '>' || c == 0x25B6 || c == '-' || c == 0x2013 || c == 0x2014 || c == 0x3011 ||
         c == ']' || c == 0xFF3D;
}

// Content terms of one token of a key (each_term). `stopword()` says whether
// the token is a stopword; it is asked only for tokens that need the answer.
template <class Stopword, class Each>
void token_terms(std::string_view token, Stopword stopword, Each each) {
  bool cjk = false;
  std::size_t n = 0, fifth = token.size();  // code points; where the 6th starts
  for (std::size_t pos = 0; pos < token.size();) {
    if (n == 5) fifth = pos;
    ++n;
    if (static_cast<unsigned char>(token[pos]) < 0x80) {  // (no ASCII character is CJK)
      ++pos;
      continue;
    }
    const utf8::Decoded d = utf8::decode(token, pos);
    cjk = cjk || noise::is_cjk_cp(d.code_point);
    pos += d.length;
  }
  if (cjk) {
    std::size_t a = 0;
    std::size_t b = utf8::decode(token, 0).length;
    while (b < token.size()) {
      const std::size_t c = b + utf8::decode(token, b).length;
      each(token.substr(a, c - a));
      a = b;
      b = c;
    }
    return;
  }
  if (unicode::script_of(utf8::decode(token, 0).code_point) == unicode::Script::Hangul) {
    if (n >= 2) {
      const std::size_t second = utf8::decode(token, 0).length;
      each(token.substr(0, second + utf8::decode(token, second).length));
    }
    return;
  }
  if (n >= 3 && !stopword()) each(token.substr(0, fifth));
}

// Content terms of a key: 5-letter prefixes of non-stopword tokens of 3+
// letters, character bigrams of tokens with CJK, 2-syllable Hangul prefixes.
template <class Each>
void each_term(std::string_view key, const StopwordSet& stop, Each each) {
  scan::each_token(key, [&](std::string_view token) {
    token_terms(token, [&] { return stop.contains(token); }, each);
    return true;
  });
}

// What the block models compare terms by (FNV-1a).
std::uint32_t term_hash(std::string_view term) {
  std::uint32_t h = 2166136261u;
  for (const char c : term) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// ------------------------------------------------------------ per block

enum class Local { Good, Weak };

struct Features {
  std::string key;         // folded, punctuation as spaces (first kKeyMaxBytes)
  double words = 0;        // word units
  bool ends = false;       // ends like a sentence
  bool scanned = false;    // cues scanned (key short enough)
  noise::CueHits hits;
  Local local = Local::Weak;
  NoiseReason reason = NoiseReason::None;
  bool related_heading = false;
  bool button_row = false;  // consent button row, resolved by neighbourhood
  bool caption_marker = false;
  bool ai_image = false;     // an "AI-generated image" label: a caption sits above it
  bool ad_label = false;  // "Advertisement", "Sponsored": the next line may be the ad
  bool forced = false;    // HTML: the element implies the reason
  bool comment_line = false;  // a short line of a comment section
  TextShape shape;            // text_shape() of the block (its `half_words` are `words`)
  NoiseReason local_reason = NoiseReason::None;  // the block's own cues' verdict (before the context passes)
  double density = -1;    // stopword density in the body's language (< 0: no list)
  std::vector<std::uint32_t> terms;  // term_hash() of its content terms, sorted, unique (rate(), when the models run)
};

// `halves`: the line's word units in halves (half_words(), or its TextShape's).
bool looks_like_title(std::string_view line, double halves) {
  if (line.empty() || line.size() > L::kTitleMaxBytes) return false;
  if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) return false;
  if (halves > 2 * L::kTitleMaxWords) return false;
  const scan::Last last = scan::last_code_point(line, 0, line.size());
  return last.code_point != '.' && last.code_point != 0x3002 && scan::has_alnum(line, 0, line.size());
}

bool looks_like_title(std::string_view line) {
  return line.size() <= L::kTitleMaxBytes && looks_like_title(line, static_cast<double>(half_words(line)));
}

std::string_view script_group(std::string_view language) {
  if (language == "zh" || language == "ja") return "cjk";
  if (language == "ko") return "hangul";
  if (language == "ru" || language == "uk") return "cyrillic";
  if (language == "ar" || language == "he" || language == "el" || language == "th" || language == "hi") {
    return language;
  }
  if (language == "und") return "und";
  return "latin";
}

// Stopword hits of the key's tokens in one list.
std::size_t stopword_hits(std::string_view key, const StopwordList* list) {
  if (list == nullptr) return 0;
  std::size_t hits = 0;
  scan::each_token(key, [&](std::string_view token) {
    if (token.size() > 1 && contains(*list, token)) ++hits;
    return true;
  });
  return hits;
}

// Share of Han characters of a Chinese key that are stopwords (-1: none).
double han_density(std::string_view key, const StopwordList& list) {
  std::size_t han = 0, hits = 0;
  for (std::size_t pos = 0; pos < key.size();) {
    const utf8::Decoded d = utf8::decode(key, pos);
    if (noise::is_cjk_cp(d.code_point)) {
      ++han;
      if (contains(list, key.substr(pos, d.length))) ++hits;
    }
    pos += d.length;
  }
  return han == 0 ? -1.0 : static_cast<double>(hits) / static_cast<double>(han);
}

// Share of tokens (alphabetic scripts) or Han characters (Chinese) that are
// stopwords; -1 when there is nothing to measure (no list for the language,
// a script without word spaces, no token). With `terms`, also appends the
// term_hash() of each content term of the key (each_term, `stop` being the
// language's StopwordSet): one walk over the tokens and one stopword lookup
// per token serve both.
double stopword_density(std::string_view key, std::string_view language, const StopwordSet& stop,
                        std::vector<std::uint32_t>* terms) {
  const StopwordList* list = stopwords_for(language);
  const std::string_view group = script_group(language);
  const bool by_tokens = list != nullptr && (group == "latin" || group == "cyrillic");
  const std::uint32_t own = list_bit(list);
  std::size_t hits = 0;
  if (by_tokens || terms != nullptr) {
    scan::each_token(key, [&](std::string_view token) {
      std::uint32_t lists = 0;
      bool looked_up = false;
      auto lists_of = [&] {
        if (!looked_up) lists = lists_containing(token);
        looked_up = true;
        return lists;
      };
      if (by_tokens && token.size() > 1 && (lists_of() & own) != 0) ++hits;
      if (terms != nullptr) {
        token_terms(token, [&] { return stop.contains(token, lists_of()); },
                    [&](std::string_view term) { terms->push_back(term_hash(term)); });
      }
      return true;
    });
  }
  if (!by_tokens) return list != nullptr && language == "zh" ? han_density(key, *list) : -1.0;
  // A key's tokens are separated by single spaces, none at either end.
  const std::size_t tokens = key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
  return tokens == 0 ? -1.0 : static_cast<double>(hits) / static_cast<double>(tokens);
}

// Cue rules on one block, in order of specificity. Sets reason / flags.
// `folded`: the block's folded text (it fits the key).
void classify_local(std::string_view raw, std::string_view folded, Features& f) {
  const noise::CueHits& h = f.hits;
  const double w = f.words;
  auto after_start = [&](Cue c) {
    const std::size_t kept = kept_in_key(f.key, f.hits.start_end[static_cast<std::size_t>(c)]);
    return char_after_kept(folded, kept);
  };
  auto raw_after_start = [&](Cue c) {
    const std::size_t kept = kept_in_key(f.key, f.hits.start_end[static_cast<std::size_t>(c)]);
    return char_after_kept(raw, kept);
  };

  // Cookie / consent banners.
  if (h.has(Cue::CookieTopic) && w <= L::kCookieMaxWords &&
      (h.has(Cue::SiteSelf) || (h.has(Cue::CookieAction) && w <= L::kCookieShortWords))) {
    f.reason = NoiseReason::CookieBanner;
    return;
  }
  if (h.coverage(Cue::CookieHeading) >= L::kCookieHeadingCoverage && w <= L::kMarkerLineMaxWords && !f.ends) {
    f.reason = NoiseReason::CookieBanner;
    return;
  }
  if (w <= L::kButtonMaxWords && h.union_coverage >= L::kButtonCoverage) f.button_row = true;

  // Captions and credits.
  if (h.has(Cue::CaptionAi) && w <= L::kBylineMaxWords) {
    f.reason = NoiseReason::Caption;
    f.caption_marker = true;
    f.ai_image = true;
    return;
  }
  if (h.has(Cue::AiLabel) && w <= L::kAiLabelMaxWords) {
    f.reason = NoiseReason::Byline;
    return;
  }
  const bool footer = (h.has(Cue::FooterStrong) && w <= L::kFooterMaxWords) ||
                      (f.key.starts_with("copyright ") && w <= L::kMarkerLineMaxWords && !f.ends) ||
                      (w <= L::kMarkerLineMaxWords && !f.ends && h.coverage(Cue::Footer) >= L::kFooterCoverage);
  if (footer) {
    f.reason = NoiseReason::Navigation;
    return;
  }
  // Site chrome: a notice asking for scripts; a tag or category line
  // ("Tags: ...", "Filed under ...").
  if (h.has(Cue::ScriptNotice) && w <= L::kScriptNoticeMaxWords) {
    f.reason = NoiseReason::Navigation;
    return;
  }
  if (h.starts(Cue::Filing) && w <= L::kFilingMaxWords) {
    const std::size_t end = f.hits.start_end[static_cast<std::size_t>(Cue::Filing)];
    const bool phrase = f.key.substr(0, end).find(' ') != std::string::npos;  // "filed under", not "tags"
    if (phrase || is_colon(after_start(Cue::Filing))) {
      f.reason = NoiseReason::Navigation;
      return;
    }
  }
  // (A credit tail needs a credit's name in the block, an archive photo a
  // caption word: most blocks have neither and skip those searches.)
  const noise::CreditTail tail = h.has(Cue::CaptionCredit) && w <= L::kCreditedCaptionMaxWords
                                     ? noise::credit_tail(folded)
                                     : noise::CreditTail::None;
  if ((w <= L::kCaptionMaxWords &&
       (noise::has_credit_label(folded) || tail != noise::CreditTail::None ||
        (h.has(Cue::CaptionPrefix) && noise::names_archive_photo(folded)) ||
       (h.starts(Cue::CaptionPrefix) &&
        (is_label_punct(after_start(Cue::CaptionPrefix)) ||
         (w <= 4 && h.coverage(Cue::CaptionPrefix) >= L::kCaptionPrefixCoverage))))) ||
      tail == noise::CreditTail::PhotoCredit) {
    f.reason = NoiseReason::Caption;
    f.caption_marker = true;
    return;
  }
  if (w <= L::kCaptionMaxWords && h.starts(Cue::CaptionPlace) && is_colon(after_start(Cue::CaptionPlace))) {  // "Above: ..."
    f.reason = NoiseReason::Caption;
    f.caption_marker = true;
    return;
  }
  if (w <= L::kCreditMaxWords && !f.ends && (h.has(Cue::CaptionCredit))) {
    f.reason = NoiseReason::Caption;
    f.caption_marker = true;
    return;
  }
  // (A rights notice runs as long as a credited caption: "All rights
  // reserved. This material may not be published, broadcast ...".)
  if (w <= L::kCreditedCaptionMaxWords) {
    const RightsLine rights = rights_line(raw, f.key);
    if (rights != RightsLine::None) {
      f.reason = rights == RightsLine::Notice ? NoiseReason::Navigation : NoiseReason::Caption;
      return;
    }
  }

  // Newsletter prompts.
  if (w <= L::kNewsletterMaxWords &&
      ((h.has(Cue::NewsletterAction) && h.has(Cue::NewsletterTopic)) ||
       (h.starts(Cue::NewsletterAction) && w <= L::kNewsletterMaxWords / 2) ||
       (h.has(Cue::NewsletterTopic) && w <= L::kNewsletterTopicOnlyWords && !f.ends))) {
    f.reason = NoiseReason::Newsletter;
    return;
  }

  // Share / print / follow rows.
  if (!f.ends && ((w <= L::kMarkerLineMaxWords &&
                    (h.coverage(Cue::Share) >= L::kShareCoverage || h.starts(Cue::ShareStart))) ||
                   (w <= L::kShareRowMaxWords && h.coverage(Cue::Share) >= L::kShareRowCoverage))) {
    f.reason = NoiseReason::Share;
    return;
  }

  // App promotions: an app and what to do with it, in one short block.
  if (w <= L::kAppPromoMaxWords && h.has(Cue::AppTopic) && h.has(Cue::AppAction)) {
    f.reason = NoiseReason::Share;
    return;
  }

  // Advertisements.
  if (w <= L::kAdLineMaxWords && h.coverage(Cue::Advertisement) >= L::kAdCoverage) {
    f.reason = NoiseReason::Advertisement;
    f.ad_label = true;
    return;
  }
  if (
      (w <= L::kAdPhraseMaxWords && h.has(Cue::AdPhrase))) {
    f.reason = NoiseReason::Advertisement;
    return;
  }

  // Related headings and inline "Read more: ..." lines.
  if (w <= L::kRelatedHeadingMaxWords && !f.ends && h.coverage(Cue::Related) >= L::kRelatedHeadingCoverage) {
    f.reason = NoiseReason::Related;
    f.related_heading = !link_label(f.key);
    return;
  }
  if (w <= L::kRelatedShortHeadingWords && !f.ends && h.starts(Cue::Related)) {  // "More from Football"
    f.reason = NoiseReason::Related;
    f.related_heading = true;
    return;
  }
  if (w <= L::kRelatedInlineMaxWords && h.starts(Cue::Related) && is_label_punct(after_start(Cue::Related))) {
    f.reason = NoiseReason::Related;
    return;
  }

  // Navigation: breadcrumbs and menu rows.
  if (w <= L::kNavMaxWords && !f.ends) {
    bool long_segment = false;
    const std::size_t separators = crumb_separators(raw, long_segment);
    if ((separators >= 2 && !long_segment) || (separators >= 1 && h.coverage(Cue::Navigation) >= 0.5) ||
        h.coverage(Cue::Navigation) >= L::kNavCoverage ||
        (h.coverage(Cue::Navigation) >= L::kMenuRowCoverage && menu_row(raw))) {
      f.reason = NoiseReason::Navigation;
      return;
    }
  }

  // Reading time: "5 min read", "Lesezeit: 3 Min.", "3 Min."
  if (w <= L::kReadTimeMaxWords && h.has(Cue::ReadTime) && has_ascii_digit(raw)) {
    f.reason = NoiseReason::Byline;
    return;
  }

  // Bylines, datelines and timestamps.
  if (w <= L::kBylineMaxWords && !f.ends) {
    if (h.starts(Cue::BylineStart)) {
      const char32_t next = raw_after_start(Cue::BylineStart);
      const char32_t first = utf8::decode(f.key, 0).code_point;
      const bool cjk_phrase = noise::is_cjk_cp(first) || unicode::script_of(first) == unicode::Script::Hangul;
      if ((!cjk_phrase && unicode::is_uppercase(next)) ||
          (cjk_phrase && (is_label_punct(after_start(Cue::BylineStart)) || next == 0 ||
                          raw_after_start(Cue::BylineStart) == 0))) {
        f.reason = NoiseReason::Byline;
        return;
      }
      if (cjk_phrase) {
        // "记者 张三": the phrase, a space, then a name.
        const std::size_t end = f.hits.start_end[static_cast<std::size_t>(Cue::BylineStart)];
        if (end < f.key.size() && f.key[end] == ' ') {
          f.reason = NoiseReason::Byline;
          return;
        }
      }
    }
    if ((h.has(Cue::BylineTag) && w <= L::kBylineTagMaxWords) || (has_email(raw) && w <= L::kBylineTagMaxWords) ||
        (h.has(Cue::ReadTime) && w <= L::kBylineTagMaxWords)) {
      f.reason = NoiseReason::Byline;
      return;
    }
    // (A numbered list item that carries a date, "26. A Quick Recap on
    // Torture (June 21, 2004)", is a list of the page's content.)
    if (numbered_item(raw)) return;
    const DateTime dt = scan_datetime(raw);
    const bool digits = dt.year || dt.clock || dt.numeric_date || dt.cjk_date ||
                        has_ascii_digit(raw);
    const bool stamp = (h.starts(Cue::TimeWord) && digits) || (h.has(Cue::Ago) && digits) || time_ago(f.key) ||
                       dt.numeric_date ||
                       dt.cjk_date || (dt.year && (h.has(Cue::Month) || dt.clock)) ||
                       (dt.clock && h.has(Cue::Month));
    if (stamp) {
      f.reason = NoiseReason::Byline;
      return;
    }
  }
}

bool is_noise(const Features& f) { return f.reason != NoiseReason::None; }

// ------------------------------------------------------------ the passes

struct Classifier {
  std::string_view text;
  std::vector<Block>& blocks;
  std::vector<Features> f;
  std::optional<std::size_t> title;
  std::string language;

  const noise::HtmlText* page = nullptr;  // HTML: what the elements imply, one entry per block
  LanguageDetector* detector = nullptr;
  // Per block, the body model's probability that it is article text; 1 where
  // the model did not decide (a clean article, a cue verdict, the title).
  std::vector<double> body_probability = {};

  // The block's text as a view into `text` when it has the same bytes (plain
  // text that needed no repair), so the detector reads it once for cleaning
  // and again, from its memory, for the document.
  std::string_view stable_raw(std::size_t i) const {
    const std::string_view r = raw(i);
    const Span& s = blocks[i].span;
    if (s.byte_end <= text.size() && s.byte_start <= s.byte_end) {
      const std::string_view in_text = text.substr(s.byte_start, s.byte_end - s.byte_start);
      if (in_text == r) return in_text;
    }
    return r;
  }

  // A block's text: the input bytes for plain text (repaired), the text without
  // tags for HTML.
  std::string_view raw(std::size_t i) const { return blocks[i].text; }

  void measure() {
    f.resize(blocks.size());
    const std::uint32_t button_mask = noise::bit(Cue::ConsentButton) | noise::bit(Cue::CookieAction);
    std::string folded;  // the block's fold, for its cue rules (one buffer for every block)
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Features& x = f[i];
      const std::string_view r = raw(i);
      x.shape = text_shape(r);
      x.words = x.shape.half_words / 2.0;
      x.ends = scan::ends_sentence(r, 0, r.size());
      // HTML: the reason a block's element implies stands (<nav>, <footer>,
      // <figcaption>...), but for <aside>, which is evidence the body model
      // weighs like a "Related" run's: some blog themes put the post itself
      // in one (<aside class="blogPost">).
      const NoiseReason element =
          page != nullptr ? page->forced[page->element_at(blocks[i].span.byte_start)] : NoiseReason::None;
      const bool is_forced = element != NoiseReason::None && element != NoiseReason::Related;
      // (When the whole block fits the key, its fold is the block's fold.)
      x.key = noise::make_key(r, L::kKeyMaxBytes, folded);
      if (is_forced) {
        x.reason = element;
        x.local_reason = x.reason;
        x.forced = true;
        continue;
      }
      if (r.size() <= L::kKeyMaxBytes) {
        x.hits = noise::scan_cues(x.key, button_mask);
        x.scanned = true;
        classify_local(r, folded, x);
        x.local_reason = x.reason;
        x.comment_line = x.words <= L::kMarkerLineMaxWords &&
                         (x.hits.coverage(Cue::Comment) >= L::kCommentCoverage ||
                          (x.hits.has(Cue::Comment) && !r.empty() && scan::last_code_point(r, 0, r.size()).code_point == ':'));
      }
      if (x.reason == NoiseReason::None) x.reason = element;  // (an <aside>'s, by context)
    }
  }

  void resolve_buttons() {
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f[i].button_row || is_noise(f[i])) continue;
      const std::size_t lo = i >= L::kButtonBannerDistance ? i - L::kButtonBannerDistance : 0;
      const std::size_t hi = std::min(f.size() - 1, i + L::kButtonBannerDistance);
      for (std::size_t j = lo; j <= hi; ++j) {
        if (f[j].reason == NoiseReason::CookieBanner && !f[j].button_row) {
          f[i].reason = NoiseReason::CookieBanner;
          break;
        }
      }
    }
    // A row of buttons next to another banner row is banner too (chains).
    for (std::size_t i = 1; i < f.size(); ++i) {
      if (f[i].button_row && !is_noise(f[i]) && f[i - 1].reason == NoiseReason::CookieBanner) {
        f[i].reason = NoiseReason::CookieBanner;
      }
    }
  }

  // The body's language, from the text itself: cleaning judges blocks
  // against what the page is written in, so a caller's `language` that does
  // not match the text (a German page summarized with "en") cannot turn the
  // whole body into "other-language" noise. The caller's choice is used when
  // the text gives no answer.
  void decide_language(std::string_view requested) {
    std::vector<Span> body;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (!is_noise(f[i])) body.push_back(blocks[i].span);
    }
    language = detector->detect(text, body);
    if (language == "und" && requested != "auto" && !requested.empty()) language = std::string(requested);
  }

  // Good or weak, from length, final punctuation and stopword density; with
  // `with_terms` (the block models will run), also each block's terms.
  void rate(bool with_terms) {
    const StopwordSet stop(language);
    std::vector<std::uint32_t> terms;
    for (std::size_t i = 0; i < f.size(); ++i) {
      Features& x = f[i];
      const bool long_enough = (x.ends && x.words >= L::kGoodMinWords) || x.words >= L::kGoodUnpunctuatedWords;
      terms.clear();
      x.density = stopword_density(x.key, language, stop, with_terms ? &terms : nullptr);
      if (with_terms) {
        std::sort(terms.begin(), terms.end());
        x.terms.assign(terms.begin(), std::unique(terms.begin(), terms.end()));
      }
      bool dense = true;
      if (x.words >= L::kStopwordMinWords && x.density >= 0) {
        dense = x.density >= (language == "zh" ? L::kStopwordLowZh : L::kStopwordLow);
      }
      x.local = long_enough && dense ? Local::Good : Local::Weak;
    }
  }

  // looks_like_title() with the block's word units as measured.
  bool title_like(std::size_t i) const { return looks_like_title(raw(i), f[i].shape.half_words); }
  // Could be the headline by what the block is: not inside a furniture
  // element (HTML), short, one line, not ending like a sentence.
  bool headline_shaped(std::size_t i) const { return !f[i].forced && f[i].words <= L::kTitleMaxWords && title_like(i); }

  bool good(std::size_t i) const { return !is_noise(f[i]) && f[i].local == Local::Good && title != i; }

  // (Views into `key`: the blocks' keys outlive find_title().)
  void add_terms(std::string_view key, std::vector<std::string_view>& out) const {
    const StopwordSet stop(language);
    each_term(key, stop, [&](std::string_view term) { out.emplace_back(term); });
  }

  // The first block of running text (not noise, good), if any.
  std::optional<std::size_t> first_good() const {
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!is_noise(f[i]) && f[i].local == Local::Good) return i;
    }
    return std::nullopt;
  }

  // Is a block before `first` (all of them when there is none) noise?
  bool furniture_before(std::optional<std::size_t> first) const {
    const std::size_t end = first ? *first : f.size();
    for (std::size_t i = 0; i < end; ++i) {
      if (is_noise(f[i])) return true;
    }
    return false;
  }

  void find_title() {
    const std::optional<std::size_t> first_good = this->first_good();
    std::vector<std::size_t> candidates;
    const std::size_t limit = std::min(f.size(), L::kTitleSearchBlocks);
    for (std::size_t i = 0; i < limit; ++i) {
      if (first_good && i > *first_good) break;
      if (is_noise(f[i]) || !title_like(i) || !next_content(i)) continue;
      candidates.push_back(i);
    }
    if (candidates.empty()) return;
    // A page without furniture before its body: the first line is the title
    // (the rule for clean text).
    if (!furniture_before(first_good) && candidates.front() == 0) {
      title = 0;
      return;
    }
    // After page furniture: the candidate sharing most words with the start
    // of the body (menus and section labels share none); ties go to the first.
    std::vector<std::string_view> body_terms;
    std::size_t sampled = 0;
    for (std::size_t j = candidates.front() + 1; j < f.size() && sampled < L::kTitleBodySample; ++j) {
      if (is_noise(f[j]) || f[j].local != Local::Good) continue;
      add_terms(f[j].key, body_terms);
      ++sampled;
    }
    std::sort(body_terms.begin(), body_terms.end());
    double best_score = -1;
    std::optional<std::size_t> best, first_long;
    for (std::size_t i : candidates) {
      if (f[i].words < L::kTitleMinWords) continue;
      if (!first_long) first_long = i;
      std::vector<std::string_view> terms;
      add_terms(f[i].key, terms);
      std::size_t shared = 0;
      for (const std::string_view t : terms) shared += std::binary_search(body_terms.begin(), body_terms.end(), t) ? 1 : 0;
      const double score = terms.empty() ? 0.0 : static_cast<double>(shared) / static_cast<double>(terms.size());
      if (score > best_score) {
        best_score = score;
        best = i;
      }
    }
    if (best && best_score > 0) {
      title = best;
    } else if (first_long) {
      title = first_long;
    } else {
      title = candidates.front();
    }
  }

  void other_language() {
    const std::string_view body_group = script_group(language);
    if (body_group == "und") return;
    const StopwordList* body_list = stopwords_for(language);
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (is_noise(f[i]) || title == i) continue;
      const std::string_view r = stable_raw(i);
      const std::string block_language =
          detector->detect(r.substr(0, std::min(r.size(), L::kOtherLanguageSampleBytes)));
      if (block_language == "und" || block_language == language) continue;
      const std::string_view group = script_group(block_language);
      if (group != body_group) {
        // Enough letters of the other script (CJK: characters; others: words).
        std::size_t letters = 0;
        for (std::size_t pos = 0; pos < r.size() && letters < L::kOtherScriptMinLetters;) {
          const utf8::Decoded d = utf8::decode(r, pos);
          if (unicode::is_letter(d.code_point) && script_group_of(d.code_point) == group) ++letters;
          pos += d.length;
        }
        const bool enough = group == "latin" || group == "cyrillic"
                                ? f[i].words >= 3 && letters >= L::kOtherScriptMinLetters
                                : letters >= L::kOtherScriptMinLetters;
        if (enough) f[i].reason = NoiseReason::OtherLanguage;
        continue;
      }
      if (group == "cjk") {  // Chinese vs Japanese: detect_language already saw kana.
        if (f[i].words >= 3) f[i].reason = NoiseReason::OtherLanguage;
        continue;
      }
      if (f[i].words < L::kOtherLanguageMinWords) continue;
      const std::size_t own = stopword_hits(f[i].key, stopwords_for(block_language));
      const std::size_t body = stopword_hits(f[i].key, body_list);
      const double density = static_cast<double>(own) / f[i].words;
      if (own >= L::kOtherLanguageMinHits && body * 2 <= own && density >= L::kOtherLanguageMinDensity) {
        f[i].reason = NoiseReason::OtherLanguage;
      }
    }
  }

  static std::string_view script_group_of(char32_t cp) {
    using unicode::Script;
    switch (unicode::script_of(cp)) {
      case Script::Latin: return "latin";
      case Script::Cyrillic: return "cyrillic";
      case Script::Han: case Script::Hiragana: case Script::Katakana: return "cjk";
      case Script::Hangul: return "hangul";
      case Script::Arabic: return "ar";
      case Script::Hebrew: return "he";
      case Script::Greek: return "el";
      case Script::Thai: return "th";
      case Script::Devanagari: return "hi";
      default: return "other";
    }
  }

  void repeated() {
    // Views: of the blocks' keys, and of `long_keys` (reserved, so they stay valid).
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(f.size());
    std::vector<std::string> long_keys;
    long_keys.reserve(f.size());
    auto full_key = [&](std::size_t i) -> std::string_view {
      // Long blocks: the key prefix plus the byte length keeps the map small.
      const std::size_t bytes = blocks[i].span.byte_end - blocks[i].span.byte_start;
      if (bytes <= L::kKeyMaxBytes) return f[i].key;
      std::string& k = long_keys.emplace_back(f[i].key);
      k += '#';
      k += std::to_string(bytes);
      return k;
    };
    auto near = [](std::string_view a, std::string_view b) {
      if (a.size() > b.size()) std::swap(a, b);
      return a.size() >= L::kRepeatMinKeyBytes && b.starts_with(a) &&
             static_cast<double>(a.size()) >= L::kNearDuplicate * static_cast<double>(b.size());
    };
    std::vector<std::size_t> repeats;
    for (std::size_t i = 0; i < f.size(); ++i) {
      const std::string_view k = full_key(i);
      if (k.size() < L::kRepeatMinKeyBytes) continue;
      const auto [it, inserted] = seen.emplace(k, i);
      if (is_noise(f[i]) || title == i) continue;
      // A repeat of furniture (a table of contents in <nav>, a teaser of the
      // story above it) is not a repeat of the text: the first copy that is
      // not already noise is the one a later copy repeats.
      if (!inserted && is_noise(f[it->second])) {
        it->second = i;
        continue;
      }
      bool repeat = !inserted;
      if (!repeat && title && *title < i && near(f[*title].key, f[i].key)) repeat = true;
      for (std::size_t back = 1; !repeat && back <= L::kNearDuplicateWindow && back <= i; ++back) {
        if (!is_noise(f[i - back]) && near(f[i - back].key, f[i].key)) repeat = true;
      }
      if (repeat) repeats.push_back(i);
    }
    // A text made mostly of repeats is not a page with a few repeated lines:
    // there the repeats are the body (never lose the body).
    std::size_t content = 0;
    for (std::size_t i = 0; i < f.size(); ++i) content += is_noise(f[i]) ? 0 : 1;
    if (static_cast<double>(repeats.size()) > L::kRepeatMaxShare * static_cast<double>(content)) return;
    for (std::size_t i : repeats) f[i].reason = NoiseReason::Repeated;
  }

  std::optional<std::size_t> next_content(std::size_t i) const {
    for (std::size_t j = i + 1; j < f.size(); ++j) {
      if (!is_noise(f[j])) return j;
    }
    return std::nullopt;
  }

  bool strong(std::size_t i) const { return good(i) && f[i].words >= L::kRelatedBreakWords; }

  void related_runs() {
    for (std::size_t h = 0; h < f.size(); ++h) {
      if (!f[h].related_heading) continue;
      for (std::size_t j = h + 1; j < f.size(); ++j) {
        if (f[j].related_heading || title == j) break;
        // Teasers in another language, or repeated, are still teasers.
        const bool teaser_reason =
            f[j].reason == NoiseReason::OtherLanguage || f[j].reason == NoiseReason::Repeated;
        if (is_noise(f[j]) && !teaser_reason) continue;
        if (teaser_reason) {
          f[j].reason = NoiseReason::Related;
          continue;
        }
        if (strong(j)) {
          const std::optional<std::size_t> k = next_content(j);
          if (k && strong(*k)) break;  // two body paragraphs: the story resumes
        }
        f[j].reason = NoiseReason::Related;
      }
    }
  }

  bool caption_candidate(std::size_t i) const {
    return !is_noise(f[i]) && title != i && !f[i].ends && f[i].words <= L::kCaptionNeighbourMaxWords &&
           f[i].words > 0;
  }

  // "[사진공동취재단]", "(AP Photo/...)", "（新华社发）": a whole-line credit in
  // brackets follows its caption, which may end like a sentence (so does an
  // "AI-generated image" label, under a short sentence).
  bool bracketed(std::size_t i) const {
    const std::string_view r = raw(i);
    if (r.empty()) return false;
    const char32_t first = utf8::decode(r, 0).code_point;
    return first == '[' || first == '(' || first == 0xFF08 || first == 0x3010 || first == 0xFF3B;
  }

  void caption_neighbours() {
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f[i].caption_marker) continue;
      if (i > 0 && (bracketed(i) || (f[i].ai_image && f[i - 1].local == Local::Weak)) && !is_noise(f[i - 1]) && title != i - 1 &&
          f[i - 1].words <= L::kCaptionSentenceMaxWords) {
        f[i - 1].reason = NoiseReason::Caption;
      } else if (i > 0 && caption_candidate(i - 1)) {
        f[i - 1].reason = NoiseReason::Caption;
      } else if (i + 1 < f.size() && caption_candidate(i + 1) && (i == 0 || !caption_candidate(i - 1))) {
        // Caption after its credit ("Image source, Getty\nImage caption, ...")
        // only when the line after it is not weak too (a subheading run).
        const bool next_weak = i + 2 < f.size() && caption_candidate(i + 2);
        if (!next_weak) f[i + 1].reason = NoiseReason::Caption;
      }
    }
  }

  // A weak line between two blocks of the same furniture belongs to it
  // (the middle line of a newsletter box, a caption between two credits).
  void sandwiches() {
    for (std::size_t i = 1; i + 1 < f.size(); ++i) {
      if (is_noise(f[i]) || title == i || f[i].local != Local::Weak) continue;
      const NoiseReason a = f[i - 1].reason, b = f[i + 1].reason;
      if (a != b || a == NoiseReason::None || a == NoiseReason::Repeated || a == NoiseReason::OtherLanguage ||
          a == NoiseReason::Fragment) {
        continue;
      }
      if (f[i].words <= L::kSandwichMaxWords) f[i].reason = a;
    }
  }

  // "Ana López" next to a dateline; "Save 40% on laptops" under "Sponsored".
  void furniture_neighbours() {
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (is_noise(f[i]) || title == i || f[i].local != Local::Weak) continue;
      const bool byline_next = (i > 0 && f[i - 1].reason == NoiseReason::Byline) ||
                               (i + 1 < f.size() && f[i + 1].reason == NoiseReason::Byline);
      if (byline_next && f[i].words <= L::kNameMaxWords && !f[i].ends && name_like(raw(i))) {
        f[i].reason = NoiseReason::Byline;
        continue;
      }
      if (i > 0 && f[i - 1].ad_label && !f[i].ends && f[i].words <= L::kAdTeaserMaxWords) {
        f[i].reason = NoiseReason::Advertisement;
      }
    }
  }

  void fragments() {
    std::optional<std::size_t> first_good, last_good;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!good(i)) continue;
      if (!first_good) first_good = i;
      last_good = i;
    }
    if (!first_good) return;
    auto weak_line = [&](std::size_t i) {
      return !is_noise(f[i]) && title != i && f[i].local == Local::Weak && f[i].words <= L::kFragmentMaxWords;
    };
    // Before the title: every weak line is page furniture.
    if (title) {
      for (std::size_t i = 0; i < *title; ++i) {
        if (!is_noise(f[i]) && f[i].local == Local::Weak) f[i].reason = NoiseReason::Fragment;
      }
    }
    // Outside [first_good, last_good]: runs of non-good blocks that touch noise.
    auto spread = [&](std::size_t from, std::size_t to) {  // [from, to)
      std::size_t i = from;
      while (i < to) {
        if (good(i) || title == i) {
          ++i;
          continue;
        }
        std::size_t j = i;
        bool touches = false;
        while (j < to && !good(j) && title != j) {
          touches = touches || is_noise(f[j]);
          ++j;
        }
        if (touches) {
          for (std::size_t k = i; k < j; ++k) {
            if (weak_line(k)) f[k].reason = NoiseReason::Fragment;
          }
        }
        i = j;
      }
    };
    const std::size_t head_from = title ? *title + 1 : 0;
    if (head_from < *first_good) spread(head_from, *first_good);
    spread(*last_good + 1, f.size());
  }

  // The models' turn. Every block's features (the rules' verdicts among
  // them); the title model picks the headline among the short lines when
  // furniture comes before the body; then, with the features redone around
  // that title, the body model decides each block that carries no furniture
  // cue of its own. A block it calls body is body whatever the context rules
  // said (a "Related" run, a fragment next to noise); one it calls noise keeps
  // the rules' reason, or is a fragment (short, weak) or text outside the
  // article.
  bool has_furniture() const {
    return std::any_of(f.begin(), f.end(), [](const Features& x) { return x.local_reason != NoiseReason::None; });
  }

  void decide(const CleaningModels& models, CleanTrace* trace) {
    // Noise needs positive evidence: a text where no block carries a cue of
    // page furniture of its own is an article as written, and the models
    // (fitted on real pages, where furniture is the rule) stay out of it.
    const bool furniture = has_furniture();
    body_probability.assign(f.size(), 1.0);
    if (!furniture && trace == nullptr) return;
    std::vector<BlockEvidence> evidence = block_evidence();
    std::vector<BlockFeatures> features = block_features(evidence);
    if (trace != nullptr) {
      trace->title_features = features;
      trace->title_candidates.assign(f.size(), false);
      trace->title_scores.assign(f.size(), 0.0);
      trace->rules.resize(f.size());
      for (std::size_t i = 0; i < f.size(); ++i) trace->rules[i] = f[i].reason;
    }
    std::optional<std::size_t> headline = choose_title(models.title, features, trace);
    if (const std::optional<std::size_t> named = meta_headline()) {
      headline = named;
    } else if (const std::optional<std::size_t> h1 = only_h1()) {
      headline = h1;
    }
    if (headline != title && furniture) {
      if (title) evidence[*title].title = false;
      title = headline;
      if (title) {
        f[*title].reason = NoiseReason::None;
        evidence[*title].title = true;
      }
      place_title(evidence, features);
    }
    if (trace != nullptr) {
      trace->features = features;
      trace->scores.assign(f.size(), 0.0);
    }
    for (std::size_t i = 0; i < f.size(); ++i) {
      // A block's own furniture cue (a cookie banner, "Share", "Read more:")
      // stands, and so does a repeat (its first copy is decided): the model
      // decides the rest.
      const bool decided = title == i || f[i].forced || !furniture || f[i].local_reason != NoiseReason::None ||
                           f[i].reason == NoiseReason::Repeated;
      if (decided && trace == nullptr) continue;
      const double score = model_score(models.body, features[i]);
      if (trace != nullptr) trace->scores[i] = score;
      if (decided) continue;
      body_probability[i] = 1 / (1 + std::exp(-score));
      // Below the decision but above the removal odds, a block is doubtful
      // body, kept (its probability, under one half, weighs its sentences
      // down). One the rules marked from context (a "Related" run, a
      // caption's neighbour, a fragment) carries that verdict as evidence,
      // so it goes at lower odds of noise than a block without any.
      const bool doubtful =
          score >= (f[i].reason == NoiseReason::None ? models.removal : models.context_removal);
      if (score >= models.body.threshold || doubtful) {
        f[i].reason = NoiseReason::None;
      } else if (f[i].reason == NoiseReason::None) {
        f[i].reason = f[i].local == Local::Weak && f[i].words <= L::kFragmentMaxWords ? NoiseReason::Fragment
                                                                                      : NoiseReason::OutsideArticle;
      }
    }
  }

  std::vector<BlockEvidence> block_evidence() const {
    std::vector<BlockEvidence> evidence(f.size());
    std::unordered_map<std::string_view, std::size_t> keys;
    keys.reserve(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f[i].key.empty()) ++keys[f[i].key];
    }
    for (std::size_t i = 0; i < f.size(); ++i) {
      BlockEvidence& e = evidence[i];
      e.shape = f[i].shape;
      e.words = f[i].words;
      e.ends = f[i].ends;
      e.good = f[i].local == Local::Good;
      e.stopword_density = f[i].density;
      e.rule = f[i].reason;
      e.title = title == i;
      e.duplicate = !f[i].key.empty() && keys[f[i].key] > 1;
      e.comment_line = f[i].comment_line;
      e.context_rule = f[i].reason != NoiseReason::None && f[i].local_reason == NoiseReason::None;
      e.terms = f[i].terms;
    }
    return evidence;
  }

  // The headline: in text without furniture before its body, the rules'
  // title (the first line) stands. Otherwise the short line the title model
  // scores highest. When a short line comes before the running text (the
  // rules found a title), on a page with furniture that line is mostly a
  // menu item or a label, and the best candidate replaces it even below even
  // odds; when none does (a news story without its headline), a line further
  // in is the title only above even odds, or a quote or a teaser would leave
  // the body as its title. Title found on the 1,400 pages: 52.2% with the
  // threshold everywhere, 65.4% this way; on cnn-dev the titles stay as they
  // were.
  std::optional<std::size_t> choose_title(const BlockModel& model, const std::vector<BlockFeatures>& features,
                                          CleanTrace* trace) const {
    const bool clean_start = !furniture_before(first_good()) && title == std::optional<std::size_t>(0);
    if (clean_start && trace == nullptr) return title;  // (the trace still lists the candidates)
    std::optional<std::size_t> best;
    double best_score = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!headline_shaped(i) || !next_content(i)) continue;
      const double score = model_score(model, features[i]);
      if (trace != nullptr) {
        trace->title_candidates[i] = true;
        trace->title_scores[i] = score;
      }
      if ((title || score >= model.threshold) && (!best || score > best_score)) {
        best = i;
        best_score = score;
      }
    }
    return clean_start || !best ? title : best;
  }

  // HTML: the page's only <h1>, when it could be a headline (a short line of
  // text outside the page's furniture), is the headline. On the 808 pages of
  // ../shared/data/pages with exactly one <h1>, its text is the annotated
  // title on 711 (88%); the first of several is the title on 45% only, less
  // than the models' choice there.
  std::optional<std::size_t> only_h1() const {
    if (page == nullptr) return std::nullopt;
    std::optional<std::size_t> found;
    std::size_t found_element = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
      const std::size_t element = page->element_at(blocks[i].span.byte_start);
      if (page->heading[element] != 1) continue;
      if (found && found_element != element) return std::nullopt;
      if (!found) found = i;  // (an <h1> of two lines that stay apart: its first)
      found_element = element;
    }
    if (!found) return std::nullopt;
    if (!headline_shaped(*found) || f[*found].local_reason != NoiseReason::None) return std::nullopt;
    return found;
  }

  // HTML: the line whose text is the headline the page gives itself for
  // sharing (og:title, else twitter:title; the same key: case, spacing and
  // punctuation aside), when it could be a headline; else the first such line
  // that starts it and is at least half of it ("<headline> | <site>"). On
  // ../shared/data/pages (as HTML) it takes the title found from 73.9% to
  // 76.0% of the pages, ahead of the only <h1> (which is often the site's
  // name when the page names its headline); 75.6% after it.
  std::optional<std::size_t> meta_headline() const {
    if (page == nullptr || page->meta_title.empty()) return std::nullopt;
    const std::string key = noise::make_key(page->meta_title, L::kKeyMaxBytes);
    if (key.empty()) return std::nullopt;
    std::optional<std::size_t> start;
    for (std::size_t i = 0; i < f.size(); ++i) {
      const std::string& k = f[i].key;
      if (k.empty() || !headline_shaped(i) || f[i].local_reason != NoiseReason::None) continue;
      if (k == key) return i;
      const bool starts = key.size() > k.size() && key.compare(0, k.size(), k) == 0 && key[k.size()] == ' ';
      if (!start && starts && 2 * k.size() >= key.size()) start = i;
    }
    return start;
  }

  // Never lose the body: when every block but the title ended up noise and
  // some of it only for its language, the page is in that language.
  void keep_some_body() {
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!is_noise(f[i]) && title != i) return;
    }
    for (Features& x : f) {
      if (x.reason == NoiseReason::OtherLanguage) x.reason = NoiseReason::None;
    }
  }

  void write() {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      blocks[i].body_probability = body_probability[i];
      if (title == i) {
        blocks[i].kind = BlockKind::Title;
        blocks[i].reason = NoiseReason::None;
      } else if (is_noise(f[i])) {
        blocks[i].kind = BlockKind::Noise;
        blocks[i].reason = f[i].reason;
      } else {
        blocks[i].kind = BlockKind::Body;
        blocks[i].reason = NoiseReason::None;
      }
    }
  }
};

std::optional<std::size_t> title_only(std::vector<Block>& blocks) {
  if (blocks.size() < 2 || !looks_like_title(blocks.front().text)) return std::nullopt;
  blocks.front().kind = BlockKind::Title;
  return 0;
}


std::optional<std::size_t> classify(std::string_view text, std::vector<Block>& blocks, bool remove_noise,
                                    std::string_view language, const noise::HtmlText* page,
                                    LanguageDetector* detector, const CleaningModels& models, CleanTrace* trace) {
  if (!remove_noise) {
    for (Block& b : blocks) b.body_probability = 1;
    return title_only(blocks);
  }
  // (Never: the HTML reader gives every element with text a reason and a level.)
  if (page != nullptr && !page->complete()) page = nullptr;
  LanguageDetector local;
  Classifier c{text, blocks, {}, std::nullopt, "und", page, detector != nullptr ? detector : &local};
  c.measure();
  c.resolve_buttons();
  c.decide_language(language);
  c.rate(trace != nullptr || c.has_furniture());  // (decide() runs the models then)
  c.find_title();
  c.other_language();
  c.repeated();
  c.related_runs();
  c.caption_neighbours();
  c.sandwiches();
  c.furniture_neighbours();
  c.fragments();
  c.decide(models, trace);
  c.keep_some_body();
  c.write();
  return c.title;
}

}  // namespace

std::optional<std::size_t> classify_blocks(std::string_view text, std::vector<Block>& blocks, bool remove_noise,
                                           std::string_view language, LanguageDetector* detector,
                                           const noise::HtmlText* page) {
  return classify(text, blocks, remove_noise, language, page, detector, kCleaningModels, nullptr);
}

std::optional<std::size_t> classify_blocks_with(std::string_view text, std::vector<Block>& blocks, bool remove_noise,
                                                std::string_view language, LanguageDetector* detector,
                                                const noise::HtmlText* page, const CleaningModels& models,
                                                CleanTrace* trace) {
  return classify(text, blocks, remove_noise, language, page, detector, models, trace);
}

}  // namespace precis
