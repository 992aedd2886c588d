#include <catch2/catch.hpp>
#include <variant>

#include "json.hpp"

using namespace precis;

namespace {

Error error_of(std::string_view request) {
  auto parsed = json::parse_request(request);
  REQUIRE(std::holds_alternative<Error>(parsed));
  return std::get<Error>(parsed);
}

}  // namespace

TEST_CASE("a well-formed request is read with its options") {
  auto parsed = json::parse_request(
      R"({"text":"Hello world.","options":{"ratio":0.5,"clean":false,"language":"en","keywords":3,"mode":"headline","headlineWords":8}})");
  REQUIRE(std::holds_alternative<json::Request>(parsed));
  const auto& r = std::get<json::Request>(parsed);
  CHECK(r.text == "Hello world.");
  CHECK(r.options.budget.unit == BudgetUnit::Ratio);
  CHECK(r.options.budget.value == 0.5);
  CHECK_FALSE(r.options.clean);
  CHECK(r.options.keywords == 3);
  CHECK(r.options.mode == Mode::Headline);
  CHECK(r.options.headline_words == 8);
}

TEST_CASE("malformed requests name the field") {
  CHECK(error_of("{").field == "request");
  CHECK(error_of("[1]").field == "request");
  CHECK(error_of("{}").field == "text");
  CHECK(error_of(R"({"text":5})").field == "text");
  CHECK(error_of(R"({"text":"x","extra":1})").field == "extra");
  CHECK(error_of(R"({"text":"x","options":[]})").field == "options");
  CHECK(error_of(R"({"text":"x","options":{"sentences":"3"}})").field == "options.sentences");
  CHECK(error_of(R"({"text":"x","options":{"sentences":2,"ratio":0.5}})").field == "options.ratio");
  CHECK(error_of(R"({"text":"x","options":{"sentences":-1}})").field == "options.sentences");
  CHECK(error_of(R"({"text":"x","options":{"keywords":-1}})").field == "options.keywords");
  CHECK(error_of(R"({"text":"x","options":{"keywords":1.5}})").field == "options.keywords");
  CHECK(error_of(R"({"text":"x","options":{"mode":"poem"}})").field == "options.mode");
  CHECK(error_of(R"({"text":"x","options":{"clean":1}})").field == "options.clean");
  CHECK(error_of(R"({"text":"x","options":{"colour":1}})").field == "options.colour");
  // The hand-set score weights are gone: a request that still sends them is told why.
  const Error weights = error_of(R"({"text":"x","options":{"weights":{"position":1}}})");
  CHECK(weights.field == "options.weights");
  CHECK(weights.message.find("fitted model") != std::string::npos);
  CHECK(error_of("{\"text\":\"\xFF\"}").field == "request");  // not UTF-8
  const Error e = error_of("{\"text\": tru}");
  CHECK(e.message.find("byte") != std::string::npos);
}

TEST_CASE("the result renders with offsets, scores and selection") {
  Outcome o = summarize("Title line here\n\nFirst sentence of the body. Second sentence of the body.", Options{});
  REQUIRE_FALSE(o.error);
  const std::string out = json::render_result(o.result);
  CHECK(out.rfind("{\"language\":\"en\",\"summary\":", 0) == 0);
  CHECK(out.find("\"byteStart\":17") != std::string::npos);
  CHECK(out.find("\"utf16Start\":17") != std::string::npos);
  CHECK(out.find("\"selected\":true") != std::string::npos);
  CHECK(out.find("\"title\":{\"text\":\"Title line here\"") != std::string::npos);
  CHECK(out.find("timings") == std::string::npos);
}

TEST_CASE("errors render as one object") {
  CHECK(json::render_error({"options.ratio", "bad"}) == R"({"error":{"field":"options.ratio","message":"bad"}})");
}
