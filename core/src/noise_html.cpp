#include "noise_html.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "offsets.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis::noise {
namespace {

std::string lower_name(std::string_view text, std::size_t pos, std::size_t& end) {
  std::string name;
  end = pos;
  while (end < text.size() && name.size() < 16) {
    const unsigned char c = static_cast<unsigned char>(text[end]);
    if (!std::isalnum(c)) break;
    name.push_back(static_cast<char>(std::tolower(c)));
    ++end;
  }
  return name;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

bool is_block_tag(std::string_view name) {
  return is_one_of(name, {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
                          "article", "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote",
                          "table", "tr", "main", "form", "button", "title", "hr", "dl", "dt", "dd",
                          "pre", "body", "html", "head", "option", "select", "caption", "details", "summary",
                          "address", "img", "video", "iframe", "label", "input", "textarea", "tbody", "thead"});
}

// Elements whose text is never body; skipped as one raw block.
bool is_raw_text(std::string_view name) { return is_one_of(name, {"script", "style", "noscript", "template", "svg"}); }

bool is_form_control(std::string_view name) { return is_one_of(name, {"button", "select", "option", "label"}); }

NoiseReason context_reason(std::string_view name) {
  if (is_one_of(name, {"nav", "header", "footer"}) || is_form_control(name)) {
    return NoiseReason::Navigation;
  }
  if (name == "figcaption") return NoiseReason::Caption;
  if (name == "aside") return NoiseReason::Related;
  return NoiseReason::None;
}

// Where the tag starting at html[pos] ends (its '>'), skipping quoted
// attribute values as a browser's parser does: onmouseover="show('<b>x</b>')"
// does not end the tag. npos when there is no '>'.
std::size_t tag_end(std::string_view html, std::size_t pos) {
  bool after_equals = false;
  for (std::size_t at = pos + 1; at < html.size(); ++at) {
    const char c = html[at];
    if (c == '>') return at;
    if ((c == '"' || c == '\'') && after_equals) {
      const std::size_t close = html.find(c, at + 1);
      if (close == std::string_view::npos) return html.find('>', pos);  // (an unclosed quote: as written)
      at = close;
      after_equals = false;
    } else if (c == '=') {
      after_equals = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      after_equals = false;
    }
  }
  return std::string_view::npos;
}

// Named character references a page's text uses (the rest stay as written).
struct NamedReference {
  std::string_view name;
  char32_t code_point;
};
constexpr NamedReference kNamed[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"rsquo", 0x2019},  {"lsquo", 0x2018},   {"rdquo", 0x201D},  {"ldquo", 0x201C},  {"sbquo", 0x201A},
    {"bdquo", 0x201E},  {"mdash", 0x2014},   {"ndash", 0x2013},  {"hellip", 0x2026}, {"trade", 0x2122},
    {"bull", 0x2022},   {"lsaquo", 0x2039},  {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"thinsp", 0x2009},
    {"ensp", 0x2002},   {"emsp", 0x2003},    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"prime", 0x2032},   {"Prime", 0x2033},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"permil", 0x2030}, {"OElig", 0x152},    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},
    {"Yuml", 0x178},    {"fnof", 0x192},     {"circ", 0x2C6},    {"tilde", 0x2DC},   {"divide", 0xF7},
    {"yuml", 0xFF},
};

// Latin-1's references, U+00A0 to U+00DF in order (U+00E0 to U+00FE are the
// letters' lowercase names: "agrave" ... "thorn").
constexpr std::string_view kLatin1[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
};

// Windows-1252's characters for the numeric references 128 to 159, as
// browsers read them (&#151; is an em dash); 0: none.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The Latin-1 character a name stands for (0: none): "eacute" is the
// lowercase of "Eacute".
char32_t latin1_reference(std::string_view name) {
  for (std::size_t k = 0; k < std::size(kLatin1); ++k) {
    const std::string_view n = kLatin1[k];
    if (n == name) return static_cast<char32_t>(0xA0 + k);
    const bool letter = k >= 32 && n != "times" && n != "szlig";  // (U+00D7 and U+00DF have no lowercase pair)
    if (!letter || n.size() != name.size() || name.empty()) continue;
    bool same = true;  // the name in lowercase: the first letter, and "AElig"/"ETH"/"THORN" whole
    for (std::size_t c = 0; c < n.size() && same; ++c) {
      const bool upper_in_name = n[c] >= 'A' && n[c] <= 'Z';
      same = name[c] == (upper_in_name ? static_cast<char>(n[c] + 32) : n[c]);
    }
    if (same) return static_cast<char32_t>(0xC0 + 0x20 + (k - 32));
  }
  return 0;
}

// The character a reference at html[pos] ('&') stands for, and where the
// reference ends; 0 when it is not a reference this reader knows.
char32_t character_reference(std::string_view html, std::size_t pos, std::size_t& end) {
  if (pos + 2 < html.size() && html[pos + 1] == '#') {
    // Numeric: decimal or hex digits, the ';' optional (as browsers read "&#151 ").
    const bool hex = html[pos + 2] == 'x' || html[pos + 2] == 'X';
    std::size_t at = pos + (hex ? 3 : 2);
    const std::size_t first = at;
    std::uint32_t value = 0;
    for (; at < html.size() && at - first < 8; ++at) {
      const char d = html[at];
      int v = -1;
      if (d >= '0' && d <= '9') v = d - '0';
      else if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
      else if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
      if (v < 0) break;
      value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
    }
    if (at == first) return 0;
    end = at < html.size() && html[at] == ';' ? at + 1 : at;
    if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) return kWindows1252[value - 0x80];
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return utf8::kReplacement;
    return value;
  }
  const std::size_t semicolon = html.find(';', pos + 1);
  if (semicolon == std::string_view::npos || semicolon - pos > 12) return 0;
  const std::string_view body = html.substr(pos + 1, semicolon - pos - 1);
  end = semicolon + 1;
  for (const NamedReference& r : kNamed) {
    if (r.name == body) return r.code_point;
  }
  return latin1_reference(body);
}

// What the reader collapses into one space: white space, controls, no-break
// space (as a browser shows them).
bool collapses(char32_t cp) { return unicode::is_space(cp) || unicode::is_control(cp) || cp == 0xA0; }

// An attribute value as text: references decoded, white space collapsed.
std::string attribute_text(std::string_view value) {
  std::string out;
  bool space = false;
  for (std::size_t pos = 0; pos < value.size();) {
    char32_t cp = 0;
    std::size_t next = 0;
    if (value[pos] == '&') cp = character_reference(value, pos, next);
    if (cp == 0) {
      const utf8::Decoded d = utf8::decode(value, pos);
      cp = d.code_point;
      next = pos + d.length;
    }
    pos = next;
    if (collapses(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    utf8::append(out, cp);
  }
  return out;
}

// The headline a <meta> tag ("<meta ...>") names: its content, as text, when
// the tag is og:title's (rank 2) or twitter:title's (rank 1); rank 0 for any
// other tag.
int meta_title(std::string_view tag, std::string& out) {
  std::string lower(tag);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const int rank = lower.find("og:title") != std::string::npos ? 2 : lower.find("twitter:title") != std::string::npos ? 1 : 0;
  std::size_t start = lower.find("content=");
  if (rank == 0 || start == std::string::npos) return 0;
  start += 8;
  const char quote = start < tag.size() && (tag[start] == '"' || tag[start] == '\'') ? tag[start++] : ' ';
  const std::size_t end = quote != ' ' ? tag.find(quote, start) : tag.find_first_of(" \t\n\r>", start);
  out = attribute_text(tag.substr(start, std::min(end, tag.size()) - start));
  return out.empty() ? 0 : rank;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) {
    ++pos;
  }
  if (text.size() >= pos + 3 && text.compare(pos, 3, "\xEF\xBB\xBF") == 0) pos += 3;
  if (pos >= text.size() || text[pos] != '<') return false;
  const std::string_view head = text.substr(pos, 65536);
  std::string lower(head);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view tag : {"<!doctype", "<html", "<body", "<p>", "<p ", "<div", "<br", "<article", "<h1"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

HtmlText html_text(std::string_view html) {
  HtmlText page;
  // Open context elements (nav/footer/aside/figcaption/article...), innermost last.
  std::vector<std::pair<std::string, NoiseReason>> context;
  std::string block;                     // the open block's text
  std::vector<std::uint32_t> starts, ends;  // its bytes' sources
  bool pending_space = false;
  bool pending_tab = false;  // the pending white space is a table cell's boundary
  bool pending_line = false;  // ... a <br>: a line break inside the block
  std::uint32_t space_start = 0, space_end = 0;
  NoiseReason block_reason = NoiseReason::None;
  std::uint8_t open_heading = 0, block_heading = 0;  // inside <h1>-<h6>: its level
  int meta_rank = 0;  // of page.meta_title: 2 og:title, 1 twitter:title

  auto inside = [&](std::initializer_list<std::string_view> names) {
    for (const auto& [name, reason] : context) {
      for (std::string_view n : names) {
        if (name == n) return true;
      }
    }
    return false;
  };
  auto current_reason = [&] {
    for (auto it = context.rbegin(); it != context.rend(); ++it) {
      if (it->second != NoiseReason::None) return it->second;
    }
    return NoiseReason::None;
  };
  auto close = [&] {
    if (!block.empty()) {
      if (!page.text.empty()) {
        const std::uint32_t at = page.end.back();
        page.text += "\n\n";
        page.start.insert(page.start.end(), 2, at);
        page.end.insert(page.end.end(), 2, at);
      }
      page.block_start.push_back(static_cast<std::uint32_t>(page.text.size()));
      page.text += block;
      page.start.insert(page.start.end(), starts.begin(), starts.end());
      page.end.insert(page.end.end(), ends.begin(), ends.end());
      page.forced.push_back(block_reason);
      page.heading.push_back(block_heading);
    }
    block.clear();
    starts.clear();
    ends.clear();
    pending_space = false;
    pending_tab = false;
    pending_line = false;
  };
  // One character of text, read from html[from, to).
  auto add = [&](char32_t cp, std::size_t from, std::size_t to) {
    if (collapses(cp)) {
      if (!block.empty() && !pending_space) {
        pending_space = true;
        space_start = static_cast<std::uint32_t>(from);
        space_end = static_cast<std::uint32_t>(to);
      }
      return;
    }
    if (block.empty()) {
      block_reason = current_reason();
      block_heading = open_heading;
    }
    if (pending_space) {
      block += pending_line ? '\n' : pending_tab ? '\t' : ' ';
      starts.push_back(space_start);
      ends.push_back(space_end);
      pending_space = pending_tab = pending_line = false;
    }
    const std::size_t before = block.size();
    utf8::append(block, cp);
    starts.insert(starts.end(), block.size() - before, static_cast<std::uint32_t>(from));
    ends.insert(ends.end(), block.size() - before, static_cast<std::uint32_t>(to));
  };

  std::size_t pos = 0;
  while (pos < html.size()) {
    const char c = html[pos];
    if (c == '<' && pos + 1 < html.size()) {
      const char n = html[pos + 1];
      if (html.compare(pos, 4, "<!--") == 0) {
        const std::size_t end = html.find("-->", pos + 4);
        pos = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const bool closing = n == '/';
      const bool tag = std::isalpha(static_cast<unsigned char>(n)) || closing || n == '!' || n == '?';
      if (tag) {
        std::size_t name_end = 0;
        const std::string name = lower_name(html, pos + (closing ? 2 : 1), name_end);
        const std::size_t gt = tag_end(html, pos);
        const std::size_t after = gt == std::string_view::npos ? html.size() : gt + 1;
        const bool self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
        if (!closing && name == "meta") {
          std::string headline;
          const int rank = meta_title(html.substr(pos, after - pos), headline);
          if (rank > meta_rank) {
            page.meta_title = std::move(headline);
            meta_rank = rank;
          }
          pos = after;
          continue;
        }
        if (!closing && is_raw_text(name)) {
          // Skip to the matching end tag: its content is not text.
          close();
          const std::string end_tag = "</" + name;
          std::size_t content_end = html.size();
          for (std::size_t at = after; at < html.size();) {
            const std::size_t lt = html.find("</", at);
            if (lt == std::string_view::npos) break;
            std::string probe(html.substr(lt, end_tag.size()));
            for (char& ch : probe) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (probe == end_tag) {
              content_end = lt;
              break;
            }
            at = lt + 2;
          }
          const std::size_t close_gt = content_end < html.size() ? html.find('>', content_end) : std::string_view::npos;
          pos = close_gt == std::string_view::npos ? html.size() : close_gt + 1;
          continue;
        }
        if (name == "br") {
          // A line break, as a browser's copy gives it: the lines of a
          // paragraph (an address, a hard-wrapped text) stay one block of
          // lines, which split_blocks() joins where the text runs on; two in
          // a row are a blank line, a new block.
          if (pending_line) {
            close();
          } else if (!block.empty()) {
            pending_space = pending_line = true;
            pending_tab = false;
            space_start = static_cast<std::uint32_t>(pos);
            space_end = static_cast<std::uint32_t>(after);
          }
          pos = after;
          continue;
        }
        NoiseReason reason = context_reason(name);
        if (name == "header" && inside({"article", "main"})) reason = NoiseReason::None;
        const bool context_element = reason != NoiseReason::None || name == "header" || name == "article" ||
                                     name == "main" || name == "title";
        if (name == "title") reason = NoiseReason::Navigation;
        if (is_block_tag(name) || context_element) close();
        if ((name == "td" || name == "th") && !block.empty()) {
          // Cells of a row stay one line, a tab between them, as a copy
          // from the browser gives it.
          pending_space = pending_tab = true;
          space_start = static_cast<std::uint32_t>(pos);
          space_end = static_cast<std::uint32_t>(after);
        }
        if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
          open_heading = closing ? 0 : static_cast<std::uint8_t>(name[1] - '0');
        }
        if (closing && !context_element && is_block_tag(name)) {
          // A form control left open (a <select> without its end tag, whose
          // options a script was to write) ends with the block around it, as
          // a browser's parser closes it: the article after it is no control.
          while (!context.empty() && is_form_control(context.back().first)) context.pop_back();
        }
        if (context_element) {
          if (closing) {
            for (std::size_t k = context.size(); k > 0; --k) {
              if (context[k - 1].first == name) {
                context.erase(context.begin() + static_cast<std::ptrdiff_t>(k - 1), context.end());
                break;
              }
            }
          } else if (!self_closing) {
            context.emplace_back(name, reason);
          }
        }
        pos = after;
        continue;
      }
    }
    if (c == '&') {
      std::size_t end = 0;
      const char32_t cp = character_reference(html, pos, end);
      if (cp != 0) {
        add(cp, pos, end);
        pos = end;
        continue;
      }
    }
    const utf8::Decoded d = utf8::decode(html, pos);
    add(d.code_point, pos, pos + d.length);
    pos += d.length;
  }
  close();
  return page;
}

std::size_t HtmlText::element_at(std::size_t at) const {
  const auto it = std::upper_bound(block_start.begin(), block_start.end(), at);
  return it == block_start.begin() ? 0 : static_cast<std::size_t>(it - block_start.begin()) - 1;
}

void place_in_source(Result& result, const HtmlText& page, std::string_view html) {
  const Utf16Offsets offsets(html);
  auto place = [&](Span& span) {
    if (page.start.empty()) {
      span = offsets.span(0, 0);
      return;
    }
    const std::size_t last = page.start.size() - 1;
    const std::size_t a = std::min(span.byte_start, last);
    const std::size_t start = page.start[a];
    const std::size_t end = span.byte_end > span.byte_start ? page.end[std::min(span.byte_end - 1, last)] : start;
    span = offsets.span(start, std::max(start, end));
  };
  for (Block& b : result.blocks) place(b.span);
  for (Sentence& s : result.sentences) place(s.span);
  if (result.title) place(result.title->span);
  for (Section& s : result.sections) {
    if (s.heading) place(*s.heading);
  }
  result.stats.input_bytes = html.size();
  result.stats.input_utf16 = offsets.utf16_size();
  result.stats.invalid_utf8 = offsets.invalid_count();
}

}  // namespace precis::noise
