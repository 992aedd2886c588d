// HTML pastes: cut page source into blocks at block-level tags, without
// building a new string, so every span still indexes the caller's bytes.
// Nothing is executed or fetched; markup is only skipped.
#pragma once

#include <string_view>
#include <vector>

#include "offsets.hpp"
#include "precis/precis.hpp"

namespace precis::noise {

// Starts (after white space) with '<' and has a block tag such as <p>, <div>,
// <html>, <body>, <br> or a doctype.
[[nodiscard]] bool looks_like_html(std::string_view text);

// Blocks of an HTML text: the text between block-level tags (inline tags stay
// inside a block's span; Block::text has them stripped). `forced` gets, per
// block, the reason its element implies: Navigation for <script>, <style>,
// <nav>, <header>, <footer>, <form>, <noscript>; Caption for <figcaption>;
// Related for <aside>; None otherwise.
[[nodiscard]] std::vector<Block> html_blocks(std::string_view text, const Utf16Offsets& offsets,
                                             std::vector<NoiseReason>& forced);

}  // namespace precis::noise
