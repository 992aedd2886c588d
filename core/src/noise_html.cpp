#include "noise_html.hpp"

#include <array>
#include <cctype>
#include <string>

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
                          "table", "tr", "td", "th", "main", "form", "button", "title", "hr", "dl", "dt", "dd",
                          "pre", "body", "html", "head", "option", "select", "caption", "details", "summary",
                          "address", "img", "video", "iframe", "label", "input", "textarea", "tbody", "thead"});
}

// Elements whose text is never body; skipped as one raw block.
bool is_raw_text(std::string_view name) { return is_one_of(name, {"script", "style", "noscript", "template", "svg"}); }

NoiseReason context_reason(std::string_view name) {
  if (is_one_of(name, {"nav", "header", "footer", "form", "button", "select", "option", "label"})) {
    return NoiseReason::Navigation;
  }
  if (name == "figcaption") return NoiseReason::Caption;
  if (name == "aside") return NoiseReason::Related;
  return NoiseReason::None;
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

std::vector<Block> html_blocks(std::string_view text, const Utf16Offsets& offsets,
                               std::vector<NoiseReason>& forced) {
  std::vector<Block> blocks;
  forced.clear();
  // Open context elements (nav/footer/aside/figcaption), innermost last.
  std::vector<std::pair<std::string, NoiseReason>> context;
  std::size_t seg_start = std::string_view::npos, seg_end = 0;
  std::string seg_text;
  bool pending_space = false;

  auto current_reason = [&] {
    for (auto it = context.rbegin(); it != context.rend(); ++it) {
      if (it->second != NoiseReason::None) return it->second;
    }
    return NoiseReason::None;
  };
  auto emit = [&](std::size_t start, std::size_t end, std::string block_text, NoiseReason reason) {
    Block b;
    b.span = offsets.span(start, end);
    b.text = std::move(block_text);
    blocks.push_back(std::move(b));
    forced.push_back(reason);
  };
  auto close = [&] {
    if (seg_start != std::string_view::npos) emit(seg_start, seg_end, seg_text, current_reason());
    seg_start = std::string_view::npos;
    seg_text.clear();
    pending_space = false;
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '<' && pos + 1 < text.size()) {
      const char n = text[pos + 1];
      if (text.compare(pos, 4, "<!--") == 0) {
        const std::size_t end = text.find("-->", pos + 4);
        pos = end == std::string_view::npos ? text.size() : end + 3;
        continue;
      }
      const bool closing = n == '/';
      const bool tag = std::isalpha(static_cast<unsigned char>(n)) || closing || n == '!' || n == '?';
      if (tag) {
        std::size_t name_end = 0;
        const std::string name = lower_name(text, pos + (closing ? 2 : 1), name_end);
        const std::size_t gt = text.find('>', pos);
        const std::size_t after = gt == std::string_view::npos ? text.size() : gt + 1;
        const bool self_closing = gt != std::string_view::npos && gt > 0 && text[gt - 1] == '/';
        if (!closing && is_raw_text(name)) {
          close();
          const std::string end_tag = "</" + name;
          std::size_t end = after;
          std::size_t content_end = text.size();
          while (end < text.size()) {
            const std::size_t lt = text.find("</", end);
            if (lt == std::string_view::npos) break;
            std::string probe(text.substr(lt, end_tag.size()));
            for (char& ch : probe) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (probe == end_tag) {
              content_end = lt;
              break;
            }
            end = lt + 2;
          }
          // The element's content, trimmed, is one markup block.
          std::size_t s = after, e = content_end;
          while (s < e && std::isspace(static_cast<unsigned char>(text[s]))) ++s;
          while (e > s && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
          if (e > s) emit(s, e, utf8::repaired(text.substr(s, std::min<std::size_t>(e - s, 200))), NoiseReason::Navigation);
          const std::size_t close_gt = content_end < text.size() ? text.find('>', content_end) : std::string_view::npos;
          pos = close_gt == std::string_view::npos ? text.size() : close_gt + 1;
          continue;
        }
        if (is_block_tag(name) || context_reason(name) != NoiseReason::None) close();
        if (context_reason(name) != NoiseReason::None || name == "article" || name == "main") {
          if (closing) {
            for (std::size_t k = context.size(); k > 0; --k) {
              if (context[k - 1].first == name) {
                context.erase(context.begin() + static_cast<std::ptrdiff_t>(k - 1), context.end());
                break;
              }
            }
          } else if (!self_closing) {
            context.emplace_back(name, context_reason(name));
          }
        }
        pos = after;
        continue;
      }
    }
    const utf8::Decoded d = utf8::decode(text, pos);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || d.code_point == 0xA0;
    if (space) {
      if (seg_start != std::string_view::npos) pending_space = true;
    } else {
      if (seg_start == std::string_view::npos) seg_start = pos;
      if (pending_space && !seg_text.empty()) seg_text.push_back(' ');
      pending_space = false;
      if (d.valid) {
        seg_text.append(text.substr(pos, d.length));
      } else {
        utf8::append(seg_text, utf8::kReplacement);
      }
      seg_end = pos + d.length;
    }
    pos += d.length;
  }
  close();
  return blocks;
}

}  // namespace precis::noise
