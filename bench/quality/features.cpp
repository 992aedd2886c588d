// precis_features: the core's sentence features and choices, for fitting the
// sentence model (bench/quality/train.mjs). Reads `precis --jsonl` requests
// ({"text": ..., "options": {...}}) one per line on stdin and writes one line
// per request:
//   {"sentences":[{"text":"...","paragraph":0,"selected":true,"score":0.61,"x":[...]}, ...],
//    "title":"..."|null,"language":"en","summary":"..."}
// (or {"error":...}). With --model FILE (the JSON train.mjs writes for a fold),
// sentences are scored by that model instead of the fitted one, so held-out
// folds are evaluated by the core itself. --unfinished W, --doubtful W and
// --body-power K replace kUnfinishedWeight, kDoubtfulWeight and kBodyPower,
// how doubtful body weighs sentences; --removal-odds N removes the blocks the
// body model gives at least N to 1 odds of noise (kRemovalLogOdds = -ln N),
// --context-removal-odds N those of them the rules marked from context
// (kContextRemovalLogOdds) (bench/cleaning/weights.mjs). --cleaning-models
// FILE replaces the fitted cleaning models by a fold's (the JSON
// bench/cleaning/models_json.hpp reads; bench/cleaning/train.mjs).
// --names prints the feature names.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "json.hpp"
#include "../cleaning/models_json.hpp"
#include "pipeline.hpp"

namespace {

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "precis_features: " << message << '\n';
  std::exit(2);
}

// The number after `option`, from 0 to `max`.
float number(const std::string& option, const std::string& value, float max) {
  char* end = nullptr;
  const float x = std::strtof(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !(x >= 0 && x <= max)) {
    fail(option + ": a number from 0 to " + std::to_string(static_cast<int>(max)) + ", not '" + value + "'");
  }
  return x;
}

// A model as train.mjs writes it for a fold: {"names": [...], "base": b,
// "depth": d, "trees": n, "features": [...], "thresholds": [... null for
// "always left"], "leaves": [...]} — the table sentence_model.hpp holds.
struct ModelStorage {
  std::vector<std::uint8_t> features;
  std::vector<float> thresholds;
  std::vector<float> leaves;
};

precis::SentenceModel read_model(const std::string& path, ModelStorage& storage) {
  std::ifstream in(path);
  if (!in) fail("cannot read " + path);
  nlohmann::json j;
  try {
    in >> j;
    const nlohmann::json& names = j.at("names");
    if (names.size() > precis::kSentenceFeatureCount) fail(path + ": the model has more features than the core");
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k].get<std::string>() != precis::kSentenceFeatureNames[k]) fail(path + ": feature " + std::to_string(k) + " differs");
    }
    if (j.at("depth").get<std::size_t>() != precis::kTreeDepth) fail(path + ": trees of another depth than the core's");
    for (const nlohmann::json& f : j.at("features")) storage.features.push_back(f.get<std::uint8_t>());
    for (const nlohmann::json& t : j.at("thresholds")) storage.thresholds.push_back(t.is_null() ? precis::kAlways : t.get<float>());
    for (const nlohmann::json& v : j.at("leaves")) storage.leaves.push_back(v.get<float>());
    const std::size_t trees = j.at("trees").get<std::size_t>();
    if (storage.features.size() != trees * precis::kTreeSplits || storage.thresholds.size() != storage.features.size() ||
        storage.leaves.size() != trees * (precis::kTreeSplits + 1)) {
      fail(path + ": table sizes do not match " + std::to_string(trees) + " trees");
    }
    return {j.at("base").get<float>(), storage.features, storage.thresholds, storage.leaves};
  } catch (const nlohmann::json::exception& e) {
    fail(path + ": " + e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  precis::SentenceModel model = precis::kSentenceModel;
  precis::CleaningModels cleaning = precis::kCleaningModels;
  ModelStorage storage;
  precis::bench::CleaningModelStorage cleaning_storage;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--model" && i + 1 < argc) {
      model = read_model(argv[++i], storage);
    } else if (arg == "--unfinished" && i + 1 < argc) {
      cleaning.unfinished = number(arg, argv[++i], 1);
    } else if (arg == "--doubtful" && i + 1 < argc) {
      cleaning.doubtful = number(arg, argv[++i], 1);
    } else if ((arg == "--removal-odds" || arg == "--context-removal-odds") && i + 1 < argc) {
      const float odds = number(arg, argv[++i], 1000);
      if (odds < 1) fail(arg + ": a number from 1 to 1000, not '" + std::string(argv[i]) + "'");
      (arg == "--removal-odds" ? cleaning.removal : cleaning.context_removal) = -std::log(odds);
    } else if (arg == "--cleaning-models" && i + 1 < argc) {
      if (!precis::bench::read_cleaning_models(argv[++i], cleaning, cleaning_storage)) {
        fail(arg + ": cannot read cleaning models from '" + std::string(argv[i]) + "'");
      }
    } else if (arg == "--body-power" && i + 1 < argc) {
      cleaning.body_power = number(arg, argv[++i], 100);
    } else if (arg == "--names") {
      nlohmann::json names = nlohmann::json::array();
      for (std::string_view n : precis::kSentenceFeatureNames) names.push_back(std::string(n));
      std::cout << names.dump() << '\n';
      return 0;
    } else {
      fail(
          "usage: precis_features [--model FILE] [--unfinished W] [--doubtful W] [--removal-odds N] "
          "[--context-removal-odds N] [--body-power K] [--cleaning-models FILE] [--names] < requests.jsonl");
    }
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    auto parsed = precis::json::parse_request(line);
    if (auto* error = std::get_if<precis::Error>(&parsed)) {
      std::cout << precis::json::render_error(*error) << '\n';
      continue;
    }
    const auto& request = std::get<precis::json::Request>(parsed);
    std::vector<precis::SentenceFeatures> features;
    const precis::Outcome outcome = precis::summarize_with(request.text, request.options, model, &features, cleaning);
    if (outcome.error) {
      std::cout << precis::json::render_error(*outcome.error) << '\n';
      continue;
    }
    const precis::Result& r = outcome.result;
    nlohmann::json out;
    nlohmann::json sentences = nlohmann::json::array();
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      const precis::Sentence& s = r.sentences[i];
      nlohmann::json x = nlohmann::json::array();
      for (double v : features[i].values) x.push_back(v);
      sentences.push_back({{"text", s.text}, {"paragraph", s.paragraph}, {"selected", s.selected},
                           {"score", s.score}, {"x", std::move(x)}});
    }
    out["sentences"] = std::move(sentences);
    out["title"] = r.title ? nlohmann::json(r.title->text) : nlohmann::json(nullptr);
    out["language"] = r.language;
    out["summary"] = r.summary;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}
