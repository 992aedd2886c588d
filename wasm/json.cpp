#include "json.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace precis::json {
namespace {

// Requests are read in their own key order, so an error names the field the
// caller wrote last among conflicting ones; output keys keep a fixed order.
using json = nlohmann::ordered_json;
using ordered = nlohmann::ordered_json;

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

std::optional<Error> read_weights(const json& o, ScoreWeights& w) {
  if (!o.is_object()) return type_error("options.weights", "an object", o);
  for (const auto& [key, v] : o.items()) {
    const std::string field = "options.weights." + key;
    double* target = key == "centrality" ? &w.centrality
                     : key == "position" ? &w.position
                     : key == "title"    ? &w.title
                     : key == "salience" ? &w.salience
                     : key == "backward" ? &w.backward
                                         : nullptr;
    if (target == nullptr) return Error{field, "unknown weight; known: centrality, position, title, salience, backward"};
    if (!v.is_number()) return type_error(field, "a number", v);
    *target = v.get<double>();
  }
  return std::nullopt;
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
    } else if (key == "clean" || key == "timings") {
      if (!v.is_boolean()) return type_error(field, "true or false", v);
      (key == "clean" ? options.clean : options.timings) = v.get<bool>();
    } else if (key == "language") {
      if (!v.is_string()) return type_error(field, "a string", v);
      options.language = v.get<std::string>();
    } else if (key == "redundancy") {
      if (!v.is_number()) return type_error(field, "a number", v);
      options.redundancy = v.get<double>();
    } else if (key == "weights") {
      if (auto e = read_weights(v, options.weights)) return e;
    } else {
      return Error{field,
                   "unknown option; known: sentences, ratio, words, characters, mode, headlineWords, "
                   "headlineCharacters, clean, language, keywords, redundancy, maxInputBytes, timings, weights"};
    }
  }
  if (auto e = validate(options)) return e;
  return std::nullopt;
}

void add_span(ordered& o, const Span& s) {
  o["byteStart"] = s.byte_start;
  o["byteEnd"] = s.byte_end;
  o["utf16Start"] = s.utf16_start;
  o["utf16End"] = s.utf16_end;
}

std::string dump(const ordered& doc) {
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
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
  ordered doc;
  doc["language"] = r.language;
  doc["summary"] = r.summary;
  ordered sentences = ordered::array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    ordered o;
    o["index"] = i;
    o["text"] = s.text;
    add_span(o, s.span);
    o["paragraph"] = s.paragraph;
    o["score"] = s.score;
    o["parts"] = {{"centrality", s.parts.centrality}, {"position", s.parts.position}, {"title", s.parts.title},
                  {"salience", s.parts.salience}, {"length", s.parts.length}};
    o["selected"] = s.selected;
    sentences.push_back(std::move(o));
  }
  doc["sentences"] = std::move(sentences);
  ordered keywords = ordered::array();
  for (const Keyword& k : r.keywords) keywords.push_back({{"text", k.text}, {"score", k.score}, {"count", k.count}});
  doc["keywords"] = std::move(keywords);
  if (r.title) {
    ordered t;
    t["text"] = r.title->text;
    add_span(t, r.title->span);
    doc["title"] = std::move(t);
  } else {
    doc["title"] = nullptr;
  }
  ordered removed = ordered::array();
  for (const Block& b : r.blocks) {
    if (b.kind != BlockKind::Noise) continue;
    ordered o;
    o["reason"] = std::string(to_string(b.reason));
    o["text"] = b.text;
    add_span(o, b.span);
    removed.push_back(std::move(o));
  }
  doc["removed"] = std::move(removed);
  ordered stats;
  stats["inputBytes"] = r.stats.input_bytes;
  stats["inputUtf16"] = r.stats.input_utf16;
  stats["invalidUtf8"] = r.stats.invalid_utf8;
  stats["wordsIn"] = r.stats.words_in;
  stats["wordsOut"] = r.stats.words_out;
  stats["sentences"] = r.stats.sentences;
  stats["selected"] = r.stats.selected;
  if (r.stats.timings) {
    const Timings& t = *r.stats.timings;
    stats["timings"] = {{"cleanMs", t.clean_ms},   {"segmentMs", t.segment_ms}, {"termsMs", t.terms_ms},
                        {"scoreMs", t.score_ms},   {"selectMs", t.select_ms},   {"totalMs", t.total_ms}};
  }
  doc["stats"] = std::move(stats);
  doc["notes"] = r.notes;
  return dump(doc);
}

std::string render_error(const Error& error) {
  ordered doc;
  doc["error"] = {{"field", error.field}, {"message", error.message}};
  return dump(doc);
}

std::string render(const Outcome& outcome) {
  return outcome.error ? render_error(*outcome.error) : render_result(outcome.result);
}

}  // namespace precis::json
