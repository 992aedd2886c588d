// libFuzzer target: the JSON request path of the CLI's --jsonl mode and the
// wasm module — parse_request, summarize, render — on arbitrary bytes. The
// rendered response must be valid JSON (re-parsed with nlohmann) and an
// accepted request must satisfy the result invariants.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "invariants.hpp"
#include "json.hpp"
#include "precis/precis.hpp"

namespace {

void check_json(const std::string& rendered, bool error) {
  PRECIS_FUZZ_CHECK(nlohmann::json::accept(rendered));
  const nlohmann::json doc = nlohmann::json::parse(rendered, nullptr, false);
  PRECIS_FUZZ_CHECK(doc.is_object());
  if (error) {
    PRECIS_FUZZ_CHECK(doc.contains("error") && doc["error"].is_object());
    PRECIS_FUZZ_CHECK(doc["error"]["field"].is_string() && doc["error"]["message"].is_string());
  } else {
    PRECIS_FUZZ_CHECK(doc["summary"].is_string() && doc["sentences"].is_array() && doc["stats"].is_object());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = precis::json::parse_request(input);
  if (auto* error = std::get_if<precis::Error>(&parsed)) {
    PRECIS_FUZZ_CHECK(!error->message.empty());
    check_json(precis::json::render_error(*error), true);
    return 0;
  }
  auto& request = std::get<precis::json::Request>(parsed);
  // Keep each run small and fast: the fuzzer explores parsing, not 1 GiB inputs.
  if (request.options.max_input_bytes > (std::size_t{1} << 20)) request.options.max_input_bytes = std::size_t{1} << 20;
  const precis::Outcome outcome = precis::summarize(request.text, request.options);
  precis::fuzz::check_outcome(request.text, request.options, outcome);
  check_json(precis::json::render(outcome), outcome.error.has_value());
  return 0;
}
