#include "json.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "utf8.hpp"

namespace precis::json {
namespace {

// Requests are read in their own key order (ordered_json), so an error names
// the field the caller wrote last among conflicting ones. Output is written by
// Writer below, keys in a fixed order.
using json = nlohmann::ordered_json;

// Parses without exceptions (the wasm build has none) and keeps the parser's
// message and byte position.
class CapturingParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit CapturingParser(json& root) : json_sax_dom_parser(root, false) {}
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    error = "not valid JSON at byte " + std::to_string(position) + ": " + ex.what();
    return false;
  }
  std::string error;
};

std::variant<json, Error> parse_document(std::string_view text, const char* field) {
  json root;
  CapturingParser parser(root);
  const bool ok = json::sax_parse(text.begin(), text.end(), &parser);
  if (!ok || !parser.error.empty()) {
    return Error{field, parser.error.empty() ? std::string("not valid JSON") : parser.error};
  }
  return root;
}

std::string type_name(const json& v) { return v.type_name(); }

Error type_error(const std::string& field, const char* expected, const json& v) {
  return Error{field, std::string("must be ") + expected + ", got " + type_name(v)};
}

// A whole number >= 0 that fits in size_t.
std::optional<Error> read_count(const json& v, const std::string& field, std::size_t& out) {
  if (v.is_number_unsigned()) {
    out = v.get<std::size_t>();
    return std::nullopt;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (d >= 0 && d == std::floor(d) && d < 9.0e15) {
      out = static_cast<std::size_t>(d);
      return std::nullopt;
    }
    return Error{field, "must be a whole number >= 0"};
  }
  if (v.is_number_integer()) return Error{field, "must be a whole number >= 0"};
  return type_error(field, "a whole number >= 0", v);
}

std::optional<Error> read_options(const json& o, Options& options) {
  if (!o.is_object()) return type_error("options", "an object", o);
  int budgets = 0;
  for (const auto& [key, v] : o.items()) {
    const std::string field = "options." + key;
    if (key == "sentences" || key == "ratio" || key == "words" || key == "characters") {
      if (!v.is_number()) return type_error(field, "a number", v);
      if (++budgets > 1) {
        return Error{field, "give only one of sentences, ratio, words, characters"};
      }
      options.budget.value = v.get<double>();
      options.budget.unit = key == "sentences" ? BudgetUnit::Sentences
                            : key == "ratio"   ? BudgetUnit::Ratio
                            : key == "words"   ? BudgetUnit::Words
                                               : BudgetUnit::Characters;
    } else if (key == "mode") {
      if (!v.is_string()) return type_error(field, "\"extract\" or \"headline\"", v);
      const auto& s = v.get_ref<const std::string&>();
      if (s == "extract") options.mode = Mode::Extract;
      else if (s == "headline") options.mode = Mode::Headline;
      else return Error{field, "must be \"extract\" or \"headline\", got \"" + s + "\""};
    } else if (key == "headlineWords") {
      if (auto e = read_count(v, field, options.headline_words)) return e;
    } else if (key == "headlineCharacters") {
      if (auto e = read_count(v, field, options.headline_characters)) return e;
    } else if (key == "keywords") {
      if (auto e = read_count(v, field, options.keywords)) return e;
    } else if (key == "maxInputBytes") {
      if (auto e = read_count(v, field, options.max_input_bytes)) return e;
    } else if (key == "clean" || key == "timings" || key == "perSection") {
      if (!v.is_boolean()) return type_error(field, "true or false", v);
      (key == "clean" ? options.clean : key == "timings" ? options.timings : options.per_section) = v.get<bool>();
    } else if (key == "language") {
      if (!v.is_string()) return type_error(field, "a string", v);
      options.language = v.get<std::string>();
    } else if (key == "redundancy") {
      if (!v.is_number()) return type_error(field, "a number", v);
      options.redundancy = v.get<double>();
    } else if (key == "weights") {
      return Error{field, "is no longer an option: sentences are scored by a fitted model (README, \"How sentences "
                          "are chosen\")"};
    } else {
      return Error{field,
                   "unknown option; known: sentences, ratio, words, characters, mode, headlineWords, "
                   "headlineCharacters, clean, language, keywords, redundancy, maxInputBytes, timings, perSection"};
    }
  }
  if (auto e = validate(options)) return e;
  return std::nullopt;
}

// Writes the output document straight into a string, byte for byte what
// nlohmann's dump() would print for the same values (compact, ensure_ascii
// off, its shortest round-trip doubles), without building a document of
// ordered maps first: in the wasm module that building and serializing took
// about an eighth of a summarize call.
class Writer {
 public:
  Writer& key(std::string_view k) {
    separate();
    string(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void value(std::string_view v) {
    separate();
    string(v);
  }
  void value(const char* v) { value(std::string_view(v)); }
  void value(bool v) {
    separate();
    out_ += v ? "true" : "false";
  }
  void value(std::size_t v) {
    separate();
    std::array<char, 24> buffer{};
    const char* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
    out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  }
  void value(double v) {
    separate();
    if (!std::isfinite(v)) {
      out_ += "null";
      return;
    }
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  }
  void null() {
    separate();
    out_ += "null";
  }
  std::string take() { return std::move(out_); }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
  // A comma before every member or element but the first of its container.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  // nlohmann's escaping with ensure_ascii off: quote, backslash and the C0
  // controls (\b \t \n \f \r by name, the rest as \u00xx); everything else as
  // is. Ill-formed UTF-8 (never in a result: its text is repaired) goes
  // through nlohmann itself, whose error handler writes U+FFFD.
  void string(std::string_view v) {
    if (utf8::count_invalid(v) != 0) {
      out_ += json(std::string(v)).dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
      return;
    }
    out_ += '"';
    std::size_t run = 0;  // start of the bytes to copy as they are
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto c = static_cast<unsigned char>(v[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(v.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(v.data() + run, v.size() - run);
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

void write_span(Writer& w, const Span& s) {
  w.key("byteStart").value(s.byte_start);
  w.key("byteEnd").value(s.byte_end);
  w.key("utf16Start").value(s.utf16_start);
  w.key("utf16End").value(s.utf16_end);
}

}  // namespace

std::variant<Request, Error> parse_request(std::string_view text) {
  auto parsed = parse_document(text, "request");
  if (auto* e = std::get_if<Error>(&parsed)) return *e;
  const json& root = std::get<json>(parsed);
  if (!root.is_object()) return type_error("request", "an object", root);
  Request request;
  for (const auto& [key, v] : root.items()) {
    if (key != "text" && key != "options") return Error{key, "unknown field; a request has \"text\" and \"options\""};
  }
  const auto text_it = root.find("text");
  if (text_it == root.end()) return Error{"text", "is missing"};
  if (!text_it->is_string()) return type_error("text", "a string", *text_it);
  request.text = text_it->get<std::string>();
  if (const auto o = root.find("options"); o != root.end()) {
    if (auto e = read_options(*o, request.options)) return *e;
  } else if (auto e = validate(request.options)) {
    return *e;
  }
  return request;
}

std::variant<Options, Error> parse_options(std::string_view json_object) {
  auto parsed = parse_document(json_object, "options");
  if (auto* e = std::get_if<Error>(&parsed)) return *e;
  Options options;
  if (auto e = read_options(std::get<json>(parsed), options)) return *e;
  return options;
}

std::string render_result(const Result& r) {
  Writer w;
  w.begin_object();
  w.key("language").value(r.language);
  w.key("summary").value(r.summary);
  w.key("sentences").begin_array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    w.begin_object();
    w.key("index").value(i);
    w.key("text").value(s.text);
    write_span(w, s.span);
    w.key("paragraph").value(s.paragraph);
    w.key("section").value(s.section);
    w.key("score").value(s.score);
    w.key("parts").begin_object();
    w.key("centrality").value(s.parts.centrality);
    w.key("position").value(s.parts.position);
    w.key("title").value(s.parts.title);
    w.key("salience").value(s.parts.salience);
    w.key("length").value(s.parts.length);
    w.end_object();
    w.key("selected").value(s.selected);
    w.end_object();
  }
  w.end_array();
  w.key("sections").begin_array();
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    w.begin_object();
    w.key("index").value(i);
    w.key("title").value(s.title);
    w.key("level").value(s.level);
    w.key("heading");
    if (s.heading) {
      w.begin_object();
      write_span(w, *s.heading);
      w.end_object();
    } else {
      w.null();
    }
    w.key("sentences").value(s.sentences);
    w.key("selected").value(s.selected);
    w.end_object();
  }
  w.end_array();
  w.key("keywords").begin_array();
  for (const Keyword& k : r.keywords) {
    w.begin_object();
    w.key("text").value(k.text);
    w.key("score").value(k.score);
    w.key("count").value(k.count);
    w.end_object();
  }
  w.end_array();
  w.key("title");
  if (r.title) {
    w.begin_object();
    w.key("text").value(r.title->text);
    write_span(w, r.title->span);
    w.end_object();
  } else {
    w.null();
  }
  w.key("removed").begin_array();
  for (const Block& b : r.blocks) {
    if (b.kind != BlockKind::Noise) continue;
    w.begin_object();
    w.key("reason").value(to_string(b.reason));
    w.key("text").value(b.text);
    write_span(w, b.span);
    w.end_object();
  }
  w.end_array();
  w.key("doubtful").begin_array();
  for (const Block& b : r.blocks) {
    if (!is_doubtful(b)) continue;
    w.begin_object();
    w.key("bodyProbability").value(b.body_probability);
    w.key("text").value(b.text);
    write_span(w, b.span);
    w.end_object();
  }
  w.end_array();
  w.key("stats").begin_object();
  w.key("inputBytes").value(r.stats.input_bytes);
  w.key("inputUtf16").value(r.stats.input_utf16);
  w.key("invalidUtf8").value(r.stats.invalid_utf8);
  w.key("wordsIn").value(r.stats.words_in);
  w.key("wordsOut").value(r.stats.words_out);
  w.key("sentences").value(r.stats.sentences);
  w.key("selected").value(r.stats.selected);
  if (r.stats.timings) {
    const Timings& t = *r.stats.timings;
    w.key("timings").begin_object();
    w.key("cleanMs").value(t.clean_ms);
    w.key("segmentMs").value(t.segment_ms);
    w.key("termsMs").value(t.terms_ms);
    w.key("scoreMs").value(t.score_ms);
    w.key("selectMs").value(t.select_ms);
    w.key("totalMs").value(t.total_ms);
    w.end_object();
  }
  w.end_object();
  w.key("notes").begin_array();
  for (const std::string& note : r.notes) w.value(note);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string render_error(const Error& error) {
  Writer w;
  w.begin_object();
  w.key("error").begin_object();
  w.key("field").value(error.field);
  w.key("message").value(error.message);
  w.end_object();
  w.end_object();
  return w.take();
}

std::string render(const Outcome& outcome) {
  return outcome.error ? render_error(*outcome.error) : render_result(outcome.result);
}

}  // namespace precis::json
