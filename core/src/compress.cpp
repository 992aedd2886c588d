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
  std::string_view articles;  // words headline style leaves out ("Dollar hits high", not "The dollar hits a high")
  std::string_view prepositions;  // start a phrase (where the stopword list lacks them)
  // Time words a headline leaves out with the word before them ("on Monday", "this week").
  std::string_view time_leads;
  std::string_view time_words;
};

constexpr Cues kCues[] = {
    {"en",
     "said says say told added reported explained announced stated claimed warned noted insisted argued "
     "according",
     "and but while as after because when which who whose although though since before amid despite whereas "
     "where until unless",
     "but and however meanwhile still yet so also now",
     "according",
     "the a an",
     "in on at after before during since for with from under over amid despite following by as while when "
     "although though because if unless until once upon within without across through throughout against "
     "among between beyond near like unlike",
     "on in this last next earlier later",
     "monday tuesday wednesday thursday friday saturday sunday week month year weekend morning afternoon evening "
     "night january february march april may june july august september october november december"},
    {"fr", "a déclaré déclare a indiqué indique a affirmé affirme a expliqué explique selon a-t-il a-t-elle estime "
           "précise a précisé souligne a souligné",
     "et mais alors tandis après car qui dont lorsque avant pour", "mais et cependant pourtant ainsi or", "selon", "",
     "après avant depuis pendant derrière selon sous vers chez entre dès malgré devant contre durant lors face", "", ""},
    {"de", "sagte sagt erklärte erklärt so laut berichtete betonte", "und aber während nachdem weil als obwohl bevor",
     "aber und doch jedoch", "laut", "",
     "nach vor seit während hinter unter über zwischen gegen trotz wegen bei", "", ""},
    {"es", "dijo dice afirmó explicó según aseguró señaló indicó declaró",
     "y pero mientras después porque cuando aunque tras antes", "pero y sin embargo además", "según", "",
     "tras ante desde durante bajo sobre entre hacia contra según mediante", "", ""},
    {"it", "ha detto dice ha spiegato spiega secondo ha affermato afferma ha dichiarato",
     "e ma mentre dopo perché quando anche se prima", "ma e però tuttavia", "secondo", "",
     "dopo prima durante dietro sotto sopra verso contro secondo presso", "", ""},
    {"pt", "disse diz afirmou explicou segundo declarou", "e mas enquanto depois porque quando embora antes",
     "mas e porém contudo", "segundo", "",
     "após antes desde durante atrás sob sobre entre contra segundo", "", ""},
    {"nl", "zei zegt aldus volgens verklaarde", "en maar terwijl nadat omdat toen hoewel voordat", "maar en toch",
     "volgens", "", "na voor sinds tijdens achter onder boven tussen tegen volgens", "", ""},
    {"id", "kata ujar ujarnya katanya menurut jelasnya tuturnya ungkapnya tutur ungkap imbuhnya tambahnya",
     "dan tetapi namun sementara setelah karena ketika yang sehingga meski sebelum", "namun tetapi dan sementara",
     "menurut", "", "setelah sebelum sejak selama di ke dari dalam pada untuk", "", ""},
};

// A leading phrase a headline drops is at most this many words before its comma.
constexpr std::ptrdiff_t kIntroMaxWords = 10;

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

// No final full stop, comma, colon or dash (a question or exclamation mark stays).
std::string without_trailing_marks(std::string_view text) {
  std::string out = trimmed(text);
  while (!out.empty()) {
    const scan::Last last = scan::last_code_point(out, 0, out.size());
    const char32_t c = last.code_point;
    if (c != '.' && c != 0x3002 && c != 0xFF0E && c != ',' && c != ';' && c != ':' && c != 0xFF0C && c != 0xFF1B &&
        c != 0xFF1A && c != '-' && c != 0x2014 && c != 0x2013) {
      break;
    }
    out.erase(last.start);
    out = trimmed(out);
  }
  return out;
}

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

// Headline style leaves the articles out; the first letter stays a capital.
std::string without_articles(const std::string& text, std::string_view articles, unicode::Breaker& breaker) {
  std::string out;
  std::size_t from = 0;
  for (const Word& w : words_of(text, breaker)) {
    if (!listed(articles, folded(std::string_view(text).substr(w.start, w.end - w.start)))) continue;
    std::size_t end = w.end;
    if (end >= text.size() || text[end] != ' ') continue;  // "A-list", a final "a"
    out.append(text, from, w.start - from);
    from = end + 1;
  }
  out.append(text, from, std::string::npos);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// "… firm this week", "… rose on Monday": a time word and the word that leads
// it in, as headlines leave them out.
std::string without_times(const std::string& text, const Cues& cues, unicode::Breaker& breaker) {
  const std::vector<Word> words = words_of(text, breaker);
  std::string out;
  std::size_t from = 0;
  for (std::size_t k = 1; k < words.size(); ++k) {
    const Word& lead = words[k - 1];
    const Word& time = words[k];
    if (lead.start < from || lead.end + 1 != time.start || text[lead.end] != ' ') continue;
    if (!listed(cues.time_leads, folded(std::string_view(text).substr(lead.start, lead.end - lead.start))) ||
        !listed(cues.time_words, folded(std::string_view(text).substr(time.start, time.end - time.start)))) {
      continue;
    }
    std::size_t cut = lead.start;
    while (cut > from && text[cut - 1] == ' ') --cut;
    out.append(text, from, cut - from);
    from = time.end;
  }
  out.append(text, from, std::string::npos);
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
    // A leading adverbial phrase: "In late trading in New York, the dollar …",
    // "Après un an d'application, la limitation …" — a phrase that starts with
    // a preposition or conjunction and ends at a comma within its first words.
    const std::string opening =
        words.empty() ? std::string() : folded(std::string_view(text).substr(words[0].start, words[0].end - words[0].start));
    if (!words.empty() && listed(cues->prepositions, opening)) {
      const std::size_t comma = text.find(", ");
      if (comma != std::string::npos) {
        const auto before = std::count_if(words.begin(), words.end(), [&](const Word& w) { return w.end <= comma; });
        const auto after = static_cast<std::ptrdiff_t>(words.size()) - before;
        if (before <= kIntroMaxWords && after >= static_cast<std::ptrdiff_t>(kMinClauseWords)) {
          text = trimmed(std::string_view(text).substr(comma + 1));
          if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
          words = words_of(text, breaker);
        }
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
  if (cues != nullptr && !cues->time_words.empty()) text = without_times(text, *cues, breaker);
  if (cues != nullptr && !cues->articles.empty()) text = without_articles(text, cues->articles, breaker);
  std::string out = without_trailing_marks(text);
  return out.empty() ? trimmed(sentence) : out;
}

// ------------------------------------------------------------- clause cuts

bool is_clause_mark(char32_t cp) {
  return cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == 0x3001;
}
bool is_dash(char32_t cp) { return cp == '-' || cp == 0x2014 || cp == 0x2013; }

// Ends of the leading clauses and phrases of `text`: before a comma,
// semicolon, colon, a spaced dash, a conjunction, or a function word after a
// content word.
std::vector<std::size_t> clause_ends(std::string_view text, const std::vector<Word>& words, const Cues* cues,
                                     const StopwordSet& stopwords) {
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
  // Before a conjunction, or before a function word that follows a content
  // word: the end of a phrase ("… jumped 76% to $1.13bn | for the three months").
  bool previous_stop = true;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    const std::string word = folded(text.substr(w.start, w.end - w.start));
    const bool stop = stopwords.contains(word) || (cues != nullptr && listed(cues->prepositions, word));
    const bool spaced = w.start > 0 && text[w.start - 1] == ' ';
    if (k > 0 && spaced && ((cues != nullptr && listed(cues->conjunctions, word)) || (stop && !previous_stop))) {
      ends.push_back(w.start - 1);
    }
    previous_stop = stop;
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}

}  // namespace

Shortened shorten(std::string_view sentence, TextLimits limits, ShortenStyle style, std::string_view language,
                  unicode::Breaker& breaker) {
  const Cues* cues = cues_for(language);
  const StopwordSet stopwords(language);
  const std::string text =
      style == ShortenStyle::Headline ? headline_form(sentence, cues, breaker) : trimmed(sentence);
  const std::vector<Word> words = words_of(text, breaker);
  if (fits(text, words.size(), limits, 0)) return {text, false};

  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
  const bool mark = style == ShortenStyle::Prefix;
  std::string best;
  for (std::size_t end : clause_ends(text, words, cues, stopwords)) {
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
    const std::string clause = without_trailing_marks(text.substr(0, stop));
    if (fits(clause, count, limits, mark ? 1 : 0) && clause.size() > best.size()) best = clause;
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
