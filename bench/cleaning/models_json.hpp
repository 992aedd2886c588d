// Cleaning models read from the JSON bench/cleaning/train.mjs writes for a
// fold: {"title": model, "body": model}, each {"base": b, "threshold": t,
// "trees": [{"feature": [7], "threshold": [7], "leaf": [8]}...]} in
// BlockTree's integer units (either may be left out: the built-in one stays).
// Shared by precis_blocks (per-block decisions) and precis_features (the
// summaries those decisions give), so a fold is judged by the core itself.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "block_features.hpp"

namespace precis::bench {

// The trees a CleaningModels points into (it holds spans).
struct CleaningModelStorage {
  std::vector<BlockTree> title, body;
};

inline bool read_block_model(const nlohmann::json& j, BlockModel& model, std::vector<BlockTree>& storage) {
  if (!j.is_object() || !j.contains("trees") || !j["trees"].is_array()) return false;
  storage.clear();
  for (const nlohmann::json& t : j["trees"]) {
    BlockTree tree{};
    if (!t.is_object() || t.value("feature", nlohmann::json()).size() != 7 ||
        t.value("threshold", nlohmann::json()).size() != 7 || t.value("leaf", nlohmann::json()).size() != 8) {
      return false;
    }
    for (std::size_t k = 0; k < 7; ++k) {
      const std::size_t feature = t["feature"][k].get<std::size_t>();
      if (feature >= kBlockFeatureCount) return false;
      tree.feature[k] = static_cast<std::uint8_t>(feature);
      tree.threshold[k] = t["threshold"][k].get<std::uint16_t>();
    }
    for (std::size_t k = 0; k < 8; ++k) {
      const int leaf = t["leaf"][k].get<int>();
      if (leaf < -BlockTree::kLeafMax || leaf > BlockTree::kLeafMax) return false;
      tree.leaf[k] = static_cast<std::int8_t>(leaf);
    }
    storage.push_back(tree);
  }
  model.base = j.value("base", 0.0f);
  model.threshold = j.value("threshold", 0.0f);
  model.trees = storage;
  return true;
}

// Replaces `models`' title and/or body model by those of the file at `path`;
// false (models unchanged or partly replaced) when the file cannot be read or
// is not such a JSON.
inline bool read_cleaning_models(const std::string& path, CleaningModels& models, CleaningModelStorage& storage) {
  std::ifstream in(path);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  try {
    if (j.contains("title") && !read_block_model(j["title"], models.title, storage.title)) return false;
    if (j.contains("body") && !read_block_model(j["body"], models.body, storage.body)) return false;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace precis::bench
