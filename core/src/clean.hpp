// Stage 1b: decide what each block is — title, body or noise — before any
// scoring, so a summary never quotes a cookie banner or a caption.
//
// A pasted web page carries captions, photo credits, "Related articles"
// teasers, share rows, breadcrumbs, bylines, newsletter prompts and cookie
// banners between and around the story. Cleaning classifies every block from
// evidence that survives a plain-text paste (jusText / boilerpipe ideas):
//
//  1. Local cues (noise_markers.hpp): short multilingual word lists matched on
//     the folded block, each guarded by a size limit, so a long sentence that
//     mentions cookies or sharing is never a banner.
//  2. Local quality: a block is *good* (body-like) when it has enough words,
//     ends like a sentence and has the stopword density of running text in
//     the body's language; otherwise it is *weak* (short line, headline).
//  3. Context: the title is the first non-noise short line before the body;
//     the blocks after a "Related" heading are teasers until the body clearly
//     resumes; lines next to a photo credit are captions; blocks in another
//     script or language than the body, and repeats of earlier lines, are
//     noise; weak lines outside the body region that touch noise are
//     fragments of the page furniture.
//
// Noise needs positive evidence: an article without page furniture loses
// nothing. Every threshold lives in `clean_limits` (clean.cpp).
//
// HTML input (a paste of page source) is read into plain text first
// (noise_html.hpp); the elements' implied reasons arrive as `forced`.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "block_features.hpp"
#include "language.hpp"
#include "noise_html.hpp"
#include "precis/precis.hpp"

namespace precis {

// Marks the title block (kind Title) and returns its index. With
// `remove_noise` every block is classified as title, body or noise (with a
// reason); without it only the first block can become the title (a single
// short line without a full stop, followed by more text) and nothing is
// removed. `language` is "auto" or the caller's ISO 639-1 code (the
// stopword list used for the density test when the text does not say).
// `detector`, when given, keeps the language evidence of the blocks for the
// caller's own detection on the same text. `page`, when given (the text was
// read from HTML, see noise_html.hpp), says per block what its element implies:
// `forced`, a reason (None: decide from the text), and `heading`, the level of
// its <h1>-<h6>; and for the page, its `meta_title`: the line og:title names
// is the headline, else the page's only <h1>. Each block's
// `body_probability` receives the body model's probability that it is
// article text (1 where the model did not decide: an article without
// furniture, a block with a furniture cue of its own, the title; for a block
// it removed, the model's probability as it was).
[[nodiscard]] std::optional<std::size_t> classify_blocks(std::string_view text, std::vector<Block>& blocks,
                                                         bool remove_noise, std::string_view language = "auto",
                                                         LanguageDetector* detector = nullptr,
                                                         const noise::HtmlText* page = nullptr);

// What cleaning saw, per block, for the bench tools and tests: the cue
// rules' verdict, the features the title model read and its scores (0 for
// blocks that cannot be a title), the features the body model read (the same,
// redone around the chosen title) and its scores.
struct CleanTrace {
  std::vector<NoiseReason> rules;
  std::vector<BlockFeatures> title_features;
  std::vector<bool> title_candidates;
  std::vector<double> title_scores;
  std::vector<BlockFeatures> features;
  std::vector<double> scores;
};

// classify_blocks with other models (cross-validation) and, when `trace` is
// given, what the models saw.
[[nodiscard]] std::optional<std::size_t> classify_blocks_with(std::string_view text, std::vector<Block>& blocks,
                                                              bool remove_noise, std::string_view language,
                                                              LanguageDetector* detector,
                                                              const noise::HtmlText* page,
                                                              const CleaningModels& models, CleanTrace* trace);

}  // namespace precis
