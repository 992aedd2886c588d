// Bootstrap: replaced by `node bench/quality/train.mjs`.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "sentence_features.hpp"

namespace precis {

struct TreeNode {
  std::uint16_t left;
  std::uint16_t right;
  std::uint8_t feature;
  float value;
};
inline constexpr std::uint8_t kLeaf = 255;

struct SentenceModel {
  float base = 0;
  std::span<const TreeNode> nodes;
  std::span<const std::uint16_t> roots;

  [[nodiscard]] double logit(const SentenceFeatures& f) const {
    double z = base;
    for (std::uint16_t k : roots) {
      while (nodes[k].feature != kLeaf) k = f.values[nodes[k].feature] < nodes[k].value ? nodes[k].left : nodes[k].right;
      z += nodes[k].value;
    }
    return z;
  }
  [[nodiscard]] double operator()(const SentenceFeatures& f) const {
    const double z = logit(f);
    return 0.5 + 0.5 * z / (1 + (z < 0 ? -z : z));
  }
};

inline constexpr std::array<TreeNode, 3> kSentenceTreeNodes = {{{1, 2, 0, 0.5f}, {0, 0, kLeaf, 1}, {0, 0, kLeaf, 0}}};
inline constexpr std::array<std::uint16_t, 1> kSentenceTreeRoots = {0};
inline constexpr SentenceModel kSentenceModel = {0, kSentenceTreeNodes, kSentenceTreeRoots};

}  // namespace precis
