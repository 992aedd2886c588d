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
// HTML input (a paste of page source) is cut at block-level tags; text inside
// <script>, <style> and tag-only lines become Navigation noise; offsets keep
// pointing into the original bytes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "language.hpp"
#include "offsets.hpp"
#include "precis/precis.hpp"

namespace precis {

// Marks the title block (kind Title) and returns its index. The title is the
// first non-noise block that is a single short line (at most 25 words, 250
// bytes) without a full stop at its end, before the body and followed by more
// text. With `remove_noise` the other blocks are classified as Body or Noise
// (with a reason); without it only the first block can become the title and
// nothing is removed. `language` is "auto" or the caller's ISO 639-1 code
// (the stopword list used for the density test). HTML input may re-cut
// `blocks` (spans still index `text`, UTF-16 offsets from `offsets`).
// `detector`, when given, keeps the language evidence of the blocks for the
// caller's own detection on the same text.
[[nodiscard]] std::optional<std::size_t> classify_blocks(std::string_view text, const Utf16Offsets& offsets,
                                                         std::vector<Block>& blocks, bool remove_noise,
                                                         std::string_view language = "auto",
                                                         LanguageDetector* detector = nullptr);

// The classification without the HTML re-cut: blocks are classified in place.
// Exposed for tests.
[[nodiscard]] std::optional<std::size_t> classify_text_blocks(std::string_view text, std::vector<Block>& blocks,
                                                              bool remove_noise, std::string_view language = "auto");

}  // namespace precis
