// The only conversion between precis values and JSON (nlohmann/json). The
// CLI and the wasm module both link this, so their output is byte-identical.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "precis/precis.hpp"

namespace precis::json {

// A request: {"text": "...", "options": {...}}. Option names are camelCase:
// sentences | ratio | words | characters (at most one), mode ("extract" |
// "headline"), headlineWords, headlineCharacters, clean, language, keywords,
// redundancy, maxInputBytes, timings.
struct Request {
  std::string text;
  Options options;
};

// Parses and type-checks a request; range checks are precis::validate's.
// A malformed request gives an Error naming the field.
[[nodiscard]] std::variant<Request, Error> parse_request(std::string_view json);

// Reads only the "options" object of a request (used by the CLI, which takes
// the text from a file).
[[nodiscard]] std::variant<Options, Error> parse_options(std::string_view json_object);

// The result document, compact, keys in a fixed order.
[[nodiscard]] std::string render_result(const Result& result);
// {"error":{"field":"...","message":"..."}}
[[nodiscard]] std::string render_error(const Error& error);
// Either of the two.
[[nodiscard]] std::string render(const Outcome& outcome);

}  // namespace precis::json
