// HTML pastes (page source, or an .html file dropped on the page): the text
// a reader sees, one block per line, with a map back to the HTML's bytes, so
// the pipeline runs on clean text and every offset it reports still points
// into the caller's input. Nothing is executed or fetched; markup is only
// skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis::noise {

// Starts (after white space) with '<' and has a block tag such as <p>, <div>,
// <html>, <body>, <br> or a doctype.
[[nodiscard]] bool looks_like_html(std::string_view text);

// The text of an HTML page: the text between block-level tags, one element's
// text per block, blocks separated by a blank line (a table row is one block,
// a tab between its cells, and a <br> a line break inside its block, as a
// browser's copy gives them); inline tags dropped, character
// references decoded (&amp; &#8217; &rsquo;...), white space collapsed. The
// content of <script>, <style>, <noscript>, <template>, <svg> and <head>
// (but its <title>) is not text. Per byte of `text`, `start` and `end` give
// the bytes of the HTML it was read from; `block_start`, per block (element),
// where its text starts in `text`; `forced`, per element, the reason its
// element implies: Navigation inside <nav>, <footer>, a <header> outside
// <article>/<main>, form controls and the page's <title>; Caption inside
// <figcaption>; Related inside <aside>; None otherwise; `heading`, per element,
// the level of the <h1>-<h6> it is in, or 0; `meta_title`, the headline the
// page gives itself for sharing (the content of <meta property="og:title">,
// else of twitter:title; references decoded, white space collapsed), or
// empty.
struct HtmlText {
  std::string text;
  std::string meta_title;
  std::vector<std::uint32_t> start;
  std::vector<std::uint32_t> end;
  std::vector<NoiseReason> forced;
  std::vector<std::uint8_t> heading;
  std::vector<std::uint32_t> block_start;

  // The element whose text holds byte `at` of `text` (split_blocks() may cut
  // an element's lines into several blocks, never join two elements).
  [[nodiscard]] std::size_t element_at(std::size_t at) const;
  // Every element has its reason and level (what element_at() indexes).
  [[nodiscard]] bool complete() const {
    return !block_start.empty() && forced.size() == block_start.size() && heading.size() == block_start.size();
  }
};
[[nodiscard]] HtmlText html_text(std::string_view html);

// Points every span of a result computed on `page.text` into `html` (bytes
// and UTF-16), and gives the result the HTML's size.
void place_in_source(Result& result, const HtmlText& page, std::string_view html);

}  // namespace precis::noise
