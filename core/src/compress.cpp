#include "compress.hpp"

#include <algorithm>
#include <vector>

#include "offsets.hpp"
#include "stopwords.hpp"
#include "text_scan.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// Small word lists per language (folded, space-separated). Attribution words
// mark a trailing "…, officials said" clause; conjunctions start a clause a
// cut may end before; openers are connectives a headline drops ("But …");
// `according` starts a leading "According to X, …".
struct Cues {
  std::string_view language;
  std::string_view attribution;
  std::string_view conjunctions;
  std::string_view openers;
  std::string_view according;
};

constexpr Cues kCues[] = {
    {"en",
     "said says say told added reported explained announced stated claimed warned noted insisted argued "
     "according",
     "and but while as after because when which who whose although though since before amid despite whereas "
     "where until unless",
     "but and however meanwhile still yet so also now",
     "according"},
    {"fr", "a déclaré déclare a indiqué indique a affirmé affirme a expliqué explique selon a-t-il a-t-elle estime "
           "précise a précisé souligne a souligné",
     "et mais alors tandis après car qui dont lorsque avant pour", "mais et cependant pourtant ainsi or", "selon"},
    {"de", "sagte sagt erklärte erklärt so laut berichtete betonte", "und aber während nachdem weil als obwohl bevor",
     "aber und doch jedoch", "laut"},
    {"es", "dijo dice afirmó explicó según aseguró señaló indicó declaró",
     "y pero mientras después porque cuando aunque tras antes", "pero y sin embargo además", "según"},
    {"it", "ha detto dice ha spiegato spiega secondo ha affermato afferma ha dichiarato",
     "e ma mentre dopo perché quando anche se prima", "ma e però tuttavia", "secondo"},
    {"pt", "disse diz afirmou explicou segundo declarou", "e mas enquanto depois porque quando embora antes",
     "mas e porém contudo", "segundo"},
    {"nl", "zei zegt aldus volgens verklaarde", "en maar terwijl nadat omdat toen hoewel voordat", "maar en toch",
     "volgens"},
    {"id", "kata ujar ujarnya katanya menurut jelasnya tuturnya ungkapnya tutur ungkap imbuhnya tambahnya",
     "dan tetapi namun sementara setelah karena ketika yang sehingga meski sebelum", "namun tetapi dan sementara",
     "menurut"},
};

const Cues* cues_for(std::string_view language) {
  for (const Cues& c : kCues) {
    if (c.language == language) return &c;
  }
  return nullptr;
}

bool listed(std::string_view list, std::string_view word) {
  bool found = false;
  scan::each_token(list, [&](std::string_view token) {
    found = token == word;
    return !found;
  });
  return found;
}

// The words of a text: where each starts and ends, and how many words are
// done at its end (each CJK character is a word, as count_words counts).
struct Word {
  std::size_t start;
  std::size_t end;
  std::size_t count;  // words up to and including this one
};

std::vector<Word> words_of(std::string_view text, unicode::Breaker& breaker) {
  std::vector<unicode::WordPiece> pieces;
  breaker.words(text, 0, text.size(), pieces);
  std::vector<Word> words;
  std::size_t count = 0;
  for (const unicode::WordPiece& p : pieces) {
    if (p.kind == unicode::WordKind::Other) continue;
    if (p.kind == unicode::WordKind::Ideographic) {
      for (std::size_t pos = p.start; pos < p.end;) {
        const std::size_t next = pos + utf8::decode(text, pos).length;
        words.push_back({pos, next, ++count});
        pos = next;
      }
    } else {
      words.push_back({p.start, p.end, ++count});
    }
  }
  return words;
}

std::string folded(std::string_view word) {
  std::string out;
  unicode::fold(word, out);
  return out;
}

bool fits(std::string_view text, std::size_t words, TextLimits limits, std::size_t extra_units) {
  if (limits.words != 0 && words > limits.words) return false;
  return limits.characters == 0 || Utf16Offsets(text).utf16_size() + extra_units <= limits.characters;
}

std::string trimmed(std::string_view text) {
  const std::size_t start = scan::skip_space(text, 0, text.size());
  return std::string(text.substr(start, scan::trim_space_end(text, start, text.size()) - start));
}

// ------------------------------------------------------------- headline cuts

// Drops "( … )", "[ … ]" and "（ … ）" groups (with the space before them).
std::string without_parentheses(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const utf8::Decoded d = utf8::decode(text, pos);
    const char32_t close = d.code_point == '(' ? U')' : d.code_point == '[' ? U']' : d.code_point == 0xFF08 ? U'）' : 0;
    if (close != 0) {
      std::size_t end = pos + d.length;
      while (end < text.size() && utf8::decode(text, end).code_point != close) end += utf8::decode(text, end).length;
      if (end < text.size() && pos > 0) {  // a group that closes, not at the very start
        while (!out.empty() && out.back() == ' ') out.pop_back();
        pos = end + utf8::decode(text, end).length;
        continue;
      }
    }
    out.append(text.substr(pos, d.length));
    pos += d.length;
  }
  return out;
}

// The headline form of a sentence: no leading connective or "According to
// X,", no trailing attribution clause, no parentheses, no final full stop.
std::string headline_form(std::string_view sentence, const Cues* cues, unicode::Breaker& breaker) {
  std::string text = without_parentheses(sentence);
  if (cues != nullptr) {
    std::vector<Word> words = words_of(text, breaker);
    // A leading connective ("But", "However,") or "According to X,".
    if (!words.empty()) {
      const std::string first = folded(std::string_view(text).substr(words[0].start, words[0].end - words[0].start));
      std::size_t drop = 0;
      if (listed(cues->according, first)) {
        const std::size_t comma = text.find(',');
        if (comma != std::string::npos && words.size() > 4) {
          const auto within = std::count_if(words.begin(), words.end(), [&](const Word& w) { return w.end <= comma; });
          if (within <= 12) drop = comma + 1;
        }
      } else if (listed(cues->openers, first) && words.size() > kMinClauseWords) {
        drop = words[0].end;
        if (drop < text.size() && text[drop] == ',') ++drop;
      }
      if (drop > 0) {
        text = trimmed(std::string_view(text).substr(drop));
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
        words = words_of(text, breaker);
      }
    }
    // A trailing attribution: ", police said Tuesday." / ", selon l'AFP."
    const std::size_t comma = text.rfind(", ");
    if (comma != std::string::npos) {
      std::size_t tail_words = 0;
      bool attribution = false;
      for (const Word& w : words) {
        if (w.start < comma) continue;
        ++tail_words;
        attribution = attribution || listed(cues->attribution, folded(std::string_view(text).substr(w.start, w.end - w.start)));
      }
      const std::size_t head_words = words.size() - tail_words;
      if (attribution && tail_words <= 8 && head_words >= kMinClauseWords) text.erase(comma);
    }
  }
  // No final full stop (a question or exclamation mark stays).
  std::string out = trimmed(text);
  while (!out.empty()) {
    const scan::Last last = scan::last_code_point(out, 0, out.size());
    if (last.code_point != '.' && last.code_point != 0x3002 && last.code_point != 0xFF0E) break;
    out.erase(last.start);
    out = trimmed(out);
  }
  return out.empty() ? trimmed(sentence) : out;
}

// ------------------------------------------------------------- clause cuts

bool is_clause_mark(char32_t cp) {
  return cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3001;
}
bool is_dash(char32_t cp) { return cp == '-' || cp == 0x2014 || cp == 0x2013; }

// Ends of the leading clauses of `text`: before a comma, semicolon, colon, a
// spaced dash, or a conjunction.
std::vector<std::size_t> clause_ends(std::string_view text, const std::vector<Word>& words, const Cues* cues) {
  std::vector<std::size_t> ends;
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (is_clause_mark(d.code_point)) {
      ends.push_back(pos);
    } else if (is_dash(d.code_point) && pos > 0 && text[pos - 1] == ' ') {
      ends.push_back(pos - 1);
    }
    pos += d.length;
  }
  if (cues != nullptr) {
    for (std::size_t k = 1; k < words.size(); ++k) {
      const Word& w = words[k];
      if (w.start == 0 || text[w.start - 1] != ' ') continue;
      if (listed(cues->conjunctions, folded(text.substr(w.start, w.end - w.start)))) ends.push_back(w.start - 1);
    }
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}

}  // namespace

Shortened shorten(std::string_view sentence, TextLimits limits, ShortenStyle style, std::string_view language,
                  unicode::Breaker& breaker) {
  const Cues* cues = cues_for(language);
  const std::string text = style == ShortenStyle::Headline ? headline_form(sentence, cues, breaker) : trimmed(sentence);
  const std::vector<Word> words = words_of(text, breaker);
  if (fits(text, words.size(), limits, 0)) return {text, false};

  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
  const bool mark = style == ShortenStyle::Prefix;
  const StopwordSet stopwords(language);
  std::string best;
  for (std::size_t end : clause_ends(text, words, cues)) {
    const std::size_t stop = scan::trim_space_end(text, 0, end);
    std::size_t count = 0;
    const Word* last = nullptr;
    for (const Word& w : words) {
      if (w.end > stop) break;
      count = w.count;
      last = &w;
    }
    if (last == nullptr) continue;
    const bool ideographic = unicode::is_cjk(unicode::script_of(utf8::decode(text, last->start).code_point));
    if (count < (ideographic ? 2 * kMinClauseWords : kMinClauseWords)) continue;
    if (!ideographic && stopwords.contains(folded(std::string_view(text).substr(last->start, last->end - last->start)))) {
      continue;
    }
    const std::string_view clause = std::string_view(text).substr(0, stop);
    if (fits(clause, count, limits, mark ? 1 : 0) && clause.size() > best.size()) best = std::string(clause);
  }
  if (!best.empty()) return {mark ? best + std::string(kEllipsis) : best, mark};

  // No clause fits: the first words that do, and "…".
  for (std::size_t k = words.size(); k-- > 0;) {
    const std::string_view head = std::string_view(text).substr(0, words[k].end);
    if (fits(head, words[k].count, limits, 1)) return {std::string(head) + std::string(kEllipsis), true};
  }
  return {};
}

}  // namespace precis
