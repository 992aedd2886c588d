#include "terms.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <cstdint>
#include <string_view>
#include <vector>

#include "numeric.hpp"
#include "stopwords.hpp"
#include "utf8.hpp"

namespace precis {
namespace {

// Term text -> id (its index in the vocabulary, in order of first use):
// open addressing over ids, the text kept once, in the vocabulary.
class TermIds {
 public:
  std::uint32_t id(const std::string& key, std::vector<std::string>& vocabulary) {
    if (2 * (vocabulary.size() + 1) > slots_.size()) grow(vocabulary);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash(key) & mask;
    while (slots_[i] != kEmpty) {
      if (vocabulary[slots_[i]] == key) return slots_[i];
      i = (i + 1) & mask;
    }
    slots_[i] = static_cast<std::uint32_t>(vocabulary.size());
    vocabulary.push_back(key);
    return slots_[i];
  }

 private:
  static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
  static std::size_t hash(std::string_view key) {
    std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
  void grow(const std::vector<std::string>& vocabulary) {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t id = 0; id < vocabulary.size(); ++id) {
      std::size_t i = hash(vocabulary[id]) & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = id;
    }
  }
  std::vector<std::uint32_t> slots_;
};

class TermBuilder {
 public:
  TermBuilder(std::string_view text, std::string_view language, unicode::Breaker& breaker, Terms& terms)
      : text_(text), stopwords_(language), breaker_(breaker), terms_(terms) {}

  // Tokens of text[begin, end); returns the number of words.
  std::size_t tokenize(std::size_t begin, std::size_t end, std::vector<Token>& tokens) {
    pieces_.clear();
    breaker_.words(text_, begin, end, pieces_);
    std::size_t words = 0;
    for (const unicode::WordPiece& piece : pieces_) {
      switch (piece.kind) {
        case unicode::WordKind::Other: break;
        case unicode::WordKind::Number:
          ++words;
          folded_.clear();
          unicode::fold(text_.substr(piece.start, piece.end - piece.start), folded_);
          tokens.push_back(token(folded_, piece.start, piece.end));
          break;
        case unicode::WordKind::Ideographic: words += ideographic_run(piece.start, piece.end, tokens); break;
        case unicode::WordKind::Letter: {
          ++words;
          const utf8::Decoded first = utf8::decode(text_, piece.start);
          if (unicode::script_of(first.code_point) == unicode::Script::Hangul) {
            bigrams(piece.start, piece.end, tokens);
          } else {
            word(piece.start, piece.end, tokens);
          }
          break;
        }
      }
    }
    return words;
  }

 private:
  Token token(const std::string& key, std::size_t start, std::size_t end) {
    return {ids_.id(key, terms_.vocabulary), static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
  }

  void word(std::size_t start, std::size_t end, std::vector<Token>& tokens) {
    folded_.clear();
    if (ascii_word(start, end, tokens)) return;
    unicode::fold(text_.substr(start, end - start), folded_);
    // A stopword as folded stays one; otherwise only a word cut at an
    // apostrophe needs asking again.
    bool stop = stopwords_.contains(folded_);
    if (!stop && strip_apostrophe(folded_)) stop = stopwords_.contains(folded_);
    std::size_t code_points = 0;
    for (char c : folded_) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (code_points < 2 || stop) {
      tokens.push_back({kNoTerm, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    } else {
      tokens.push_back(token(folded_, start, end));
    }
  }

  // An ASCII word (most words of most pages): its fold is its lower case, it
  // has no apostrophe (the word rules cut "don't" into one piece, but such a
  // piece has a non-letter, which sends it to the general path) and as many
  // code points as bytes. Same tokens as the general path, less work.
  bool ascii_word(std::size_t start, std::size_t end, std::vector<Token>& tokens) {
    for (std::size_t i = start; i < end; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c >= 'a' && c <= 'z') {
        folded_.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        folded_.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        folded_.clear();
        return false;
      }
    }
    if (folded_.size() < 2 || stopwords_.contains(folded_)) {
      tokens.push_back({kNoTerm, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    } else {
      tokens.push_back(token(folded_, start, end));
    }
    return true;
  }

  // Keep the longest part around an apostrophe: greenspan's → greenspan.
  // Returns whether the word had one.
  static bool strip_apostrophe(std::string& w) {
    std::size_t best_start = 0, best_len = 0, part_start = 0;
    bool found = false;
    for (std::size_t i = 0; i <= w.size(); ++i) {
      std::size_t sep_len = 0;
      if (i < w.size() && w[i] == '\'') sep_len = 1;
      if (i + 2 < w.size() && w.compare(i, 3, "\xE2\x80\x99") == 0) sep_len = 3;  // ’
      if (i == w.size() || sep_len > 0) {
        if (i - part_start > best_len) {
          best_start = part_start;
          best_len = i - part_start;
        }
        if (sep_len > 0) found = true;
        part_start = i + sep_len;
        i += sep_len > 0 ? sep_len - 1 : 0;
      }
    }
    if (found) w = w.substr(best_start, best_len);
    return found;
  }

  // A Han/kana run (no spaces between words): character bigrams within each
  // stretch of Han and of Katakana; Hiragana stretches (Japanese particles and
  // inflections: は, を, している) give no terms. Chinese runs are all Han, so
  // this is plain bigrams there; for Japanese it finds nearly what a
  // dictionary would (docs/languages.md: 12 of 18 key sentences against 9
  // for bigrams across the kana, 11-12 with ICU's cjdict words).
  // Returns the number of characters.
  std::size_t ideographic_run(std::size_t start, std::size_t end, std::vector<Token>& tokens) {
    std::size_t chars = 0;
    std::size_t stretch = start;
    CjkClass stretch_class = CjkClass::Han;
    for (std::size_t pos = start; pos <= end;) {
      CjkClass c = CjkClass::Han;
      std::size_t length = 0;
      if (pos < end) {
        const utf8::Decoded d = utf8::decode(text_, pos);
        c = cjk_class(d.code_point);
        length = d.length;
        ++chars;
      }
      if (pos == end || (pos > stretch && c != stretch_class)) {
        if (stretch_class == CjkClass::Hiragana) {
          tokens.push_back({kNoTerm, static_cast<std::uint32_t>(stretch), static_cast<std::uint32_t>(pos)});
        } else {
          bigrams(stretch, pos, tokens);
        }
        stretch = pos;
      }
      if (pos == end) break;
      if (pos == stretch) stretch_class = c;
      pos += length;
    }
    return chars;
  }

  enum class CjkClass { Han, Katakana, Hiragana };

  static CjkClass cjk_class(char32_t cp) {
    if (cp >= 0x3041 && cp <= 0x309F) return CjkClass::Hiragana;
    // Katakana, its phonetic extensions, the prolonged sound mark ー and halfwidth forms.
    if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F)) {
      return CjkClass::Katakana;
    }
    return CjkClass::Han;
  }

  // Character bigrams of a run; returns the number of characters.
  std::size_t bigrams(std::size_t start, std::size_t end, std::vector<Token>& tokens) {
    starts_.clear();
    for (std::size_t pos = start; pos < end; pos += utf8::decode(text_, pos).length) starts_.push_back(pos);
    starts_.push_back(end);
    const std::size_t chars = starts_.size() - 1;
    const std::size_t width = chars == 1 ? 1 : 2;
    for (std::size_t i = 0; i + width <= chars; ++i) {
      folded_.clear();
      unicode::fold(text_.substr(starts_[i], starts_[i + width] - starts_[i]), folded_);
      tokens.push_back(token(folded_, starts_[i], starts_[i + width]));
    }
    return chars;
  }

  std::string_view text_;
  StopwordSet stopwords_;
  unicode::Breaker& breaker_;
  Terms& terms_;
  TermIds ids_;
  std::vector<unicode::WordPiece> pieces_;
  std::vector<std::size_t> starts_;
  std::string folded_;
};

struct TermCount {
  std::uint32_t term;
  std::uint32_t count;
};

// Distinct terms of a token list with their counts, sorted by term id.
std::vector<TermCount> count_terms(const std::vector<Token>& tokens, std::vector<std::uint32_t>& scratch) {
  scratch.clear();
  for (const Token& t : tokens) {
    if (t.term != kNoTerm) scratch.push_back(t.term);
  }
  std::sort(scratch.begin(), scratch.end());
  std::vector<TermCount> counts;
  for (std::uint32_t id : scratch) {
    if (!counts.empty() && counts.back().term == id) {
      ++counts.back().count;
    } else {
      counts.push_back({id, 1});
    }
  }
  return counts;
}

std::vector<TermWeight> unit_vector(const std::vector<TermCount>& counts, const std::vector<double>& idf) {
  std::vector<TermWeight> v;
  v.reserve(counts.size());
  double norm = 0;
  for (const TermCount& c : counts) {
    const double w = (1 + numeric::ln(c.count)) * idf[c.term];
    norm += w * w;
    v.push_back({c.term, static_cast<float>(w)});
  }
  if (norm > 0) {
    const double inv = 1 / std::sqrt(norm);
    for (TermWeight& tw : v) tw.weight = static_cast<float>(tw.weight * inv);
  }
  return v;
}

}  // namespace

Terms extract_terms(std::string_view text, const std::vector<SentenceSpan>& sentences,
                    const std::optional<Span>& title, std::string_view language, unicode::Breaker& breaker) {
  Terms terms;
  TermBuilder builder(text, language, breaker, terms);
  terms.tokens.resize(sentences.size());
  terms.words.resize(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    terms.words[i] = builder.tokenize(sentences[i].byte_start, sentences[i].byte_end, terms.tokens[i]);
  }
  std::vector<Token> title_tokens;
  if (title) builder.tokenize(title->byte_start, title->byte_end, title_tokens);

  const std::size_t vocabulary = terms.vocabulary.size();
  terms.sentence_frequency.assign(vocabulary, 0);
  terms.occurrences.assign(vocabulary, 0);
  std::vector<std::uint32_t> scratch;
  std::vector<std::vector<TermCount>> counts(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    counts[i] = count_terms(terms.tokens[i], scratch);
    for (const TermCount& c : counts[i]) {
      terms.sentence_frequency[c.term] += 1;
      terms.occurrences[c.term] += c.count;
    }
  }
  const double n = static_cast<double>(sentences.size());
  std::vector<double> idf(vocabulary);
  for (std::size_t t = 0; t < vocabulary; ++t) {
    idf[t] = numeric::ln(1 + n / std::max<std::uint32_t>(terms.sentence_frequency[t], 1));
  }
  terms.vectors.resize(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) terms.vectors[i] = unit_vector(counts[i], idf);
  terms.title_vector = unit_vector(count_terms(title_tokens, scratch), idf);
  return terms;
}

std::size_t count_words(std::string_view text, std::string_view language, unicode::Breaker& breaker) {
  Terms scratch;
  TermBuilder builder(text, language, breaker, scratch);
  std::vector<Token> tokens;
  return builder.tokenize(0, text.size(), tokens);
}

double cosine(const std::vector<TermWeight>& a, const std::vector<TermWeight>& b) {
  double dot = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      dot += static_cast<double>(a[i].weight) * b[j].weight;
      ++i;
      ++j;
    }
  }
  return dot;
}

}  // namespace precis
