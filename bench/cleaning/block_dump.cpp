// precis_blocks — what the cleaning stage sees and decides, block by block.
//
//   precis_blocks [--models models.json] [--features title|body|none] [--text] < pages.jsonl > blocks.jsonl
//
// Input: one JSON object per line, {"id": "...", "text": "..."} (a paste or
// an HTML page). Output: a first line {"features": [names]}, then per input
// line {"id", "blocks": [{"s", "e", "kind", "reason", "rule", "c", "t", "z", "f"}]}:
// byte span (for HTML: in the text read from it, noise_html.hpp), the
// decision (title / body / doubtful body / noise and its reason), the cue rules' verdict
// before the models, whether the block is a title candidate and the title
// model's score, the body model's score and the feature vector the
// title model read (`--features title`) or the body model read (`body`, the
// default), exactly as core/src/block_features.cpp computes them. `--text`
// adds each block's text ("x") and, for HTML, the reason its element implies
// ("el": "navigation" for a block inside <nav>..., "none").
// `--models` replaces the built-in models (core/src/block_model.hpp) by
// the JSON models_json.hpp reads — bench/cleaning/train.mjs uses it for
// cross-validation.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "block_model.hpp"
#include "blocks.hpp"
#include "clean.hpp"
#include "language.hpp"
#include "models_json.hpp"
#include "noise_html.hpp"
#include "offsets.hpp"

namespace {

std::string reason_name(precis::NoiseReason r) { return std::string(precis::to_string(r)); }

template <class T>
void number(std::string& out, T value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

int fail(const std::string& message) {
  std::cerr << "precis_blocks: " << message << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  precis::CleaningModels models = precis::kCleaningModels;
  precis::bench::CleaningModelStorage storage;
  std::string stage = "body";
  bool with_text = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--models" && i + 1 < argc) {
      if (!precis::bench::read_cleaning_models(argv[++i], models, storage)) {
        return fail(std::string("bad models file ") + argv[i]);
      }
    } else if (a == "--features" && i + 1 < argc) {
      stage = argv[++i];
      if (stage != "title" && stage != "body" && stage != "none") return fail("--features: title, body or none");
    } else if (a == "--text") {
      with_text = true;
    } else {
      return fail("unknown argument '" + a +
                  "' (usage: precis_blocks [--models models.json] [--features title|body|none] [--text])");
    }
  }
  std::string out = "{\"features\":[";
  for (std::size_t k = 0; k < precis::kBlockFeatureCount; ++k) {
    if (k) out += ',';
    out += '"';
    out += precis::feature_name(static_cast<precis::BlockFeature>(k));
    out += '"';
  }
  out += "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);

  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    const nlohmann::json request = nlohmann::json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.contains("text")) return fail("bad input line");
    // HTML: the blocks of the text a reader sees (spans index that text).
    std::string input = request["text"].get<std::string>();
    precis::noise::HtmlText page;
    const bool html = precis::noise::looks_like_html(input);
    if (html) {
      page = precis::noise::html_text(input);
      input = std::move(page.text);
    }
    const std::string& text = input;
    const precis::Utf16Offsets offsets(text);
    std::vector<precis::Block> blocks = precis::split_blocks(text, offsets);
    precis::LanguageDetector detector;
    precis::CleanTrace trace;
    const auto title = precis::classify_blocks_with(text, blocks, true, "auto", &detector, html ? &page : nullptr,
                                                    models, &trace);
    const std::vector<precis::BlockFeatures>& features = stage == "title" ? trace.title_features : trace.features;
    out = "{\"id\":" + request.value("id", nlohmann::json(nullptr)).dump() + ",\"blocks\":[";
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const precis::Block& block = blocks[b];
      if (b) out += ',';
      out += "{\"s\":";
      number(out, block.span.byte_start);
      out += ",\"e\":";
      number(out, block.span.byte_end);
      out += ",\"kind\":\"";
      out += title && *title == b                      ? "title"
             : block.kind == precis::BlockKind::Noise  ? "noise"
             : precis::is_doubtful(block)              ? "doubtful"
                                                       : "body";
      out += "\",\"reason\":\"" + reason_name(block.reason) + "\",\"rule\":\"" + reason_name(trace.rules[b]);
      out += "\",\"c\":";
      out += trace.title_candidates[b] ? '1' : '0';
      out += ",\"t\":";
      number(out, trace.title_scores[b]);
      out += ",\"z\":";
      number(out, trace.scores[b]);
      if (with_text) {
        out += ",\"x\":" + nlohmann::json(block.text).dump();
        if (html) out += ",\"el\":\"" + reason_name(page.forced[page.element_at(block.span.byte_start)]) + "\"";
      }
      if (stage != "none") {
        out += ",\"f\":[";
        for (std::size_t k = 0; k < precis::kBlockFeatureCount; ++k) {
          if (k) out += ',';
          number(out, features[b].values[k]);
        }
        out += "]";
      }
      out += "}";
    }
    out += "]}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}
