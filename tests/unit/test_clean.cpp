// The cleaning stage (clean.cpp): page furniture becomes noise with a reason,
// the title is found, the body is never lost. The labelled pastes of
// tests/corpus/noisy (format: tests/corpus/noisy/README.md) are checked block
// by block; bench/noise.mjs prints precision/recall on the same corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "precis/precis.hpp"

namespace {

using precis::BlockKind;
using precis::NoiseReason;
using precis::Options;
using precis::Result;

struct Labelled {
  std::string label;  // "title", "body" or "noise:<reason>"
  std::size_t byte_start = 0;
  std::string text;
};

struct Page {
  std::string name;
  std::string paste;
  std::vector<Labelled> blocks;
};

Page read_page(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  Page page{path.filename().string(), {}, {}};
  std::string line;
  std::istringstream lines(buffer.str());
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (!blank) {
      const std::size_t close = line.find("] ");
      REQUIRE(line.front() == '[');
      REQUIRE(close != std::string::npos);
      Labelled b{line.substr(1, close - 1), page.paste.size(), line.substr(close + 2)};
      page.paste += b.text;
      page.blocks.push_back(std::move(b));
    }
    page.paste += '\n';
  }
  return page;
}

std::vector<Page> corpus() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(PRECIS_NOISY_CORPUS)) {
    if (entry.path().extension() == ".page") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Page> pages;
  for (const auto& p : paths) pages.push_back(read_page(p));
  return pages;
}

const precis::Block* block_at(const Result& r, std::size_t byte) {
  for (const precis::Block& b : r.blocks) {
    if (b.span.byte_start <= byte && byte < b.span.byte_end) return &b;
  }
  return nullptr;
}

// The first block whose text holds `fragment`, or null.
const precis::Block* block_with(const Result& r, std::string_view fragment) {
  for (const precis::Block& b : r.blocks) {
    if (b.text.find(fragment) != std::string::npos) return &b;
  }
  return nullptr;
}

// The block holding each fragment exists and carries none of the reasons.
void check_reasons_not(const Result& r, std::initializer_list<std::string_view> fragments,
                       std::initializer_list<NoiseReason> reasons) {
  for (std::string_view fragment : fragments) {
    INFO(fragment);
    const precis::Block* block = block_with(r, fragment);
    REQUIRE(block != nullptr);
    for (NoiseReason reason : reasons) CHECK(block->reason != reason);
  }
}

Result run(std::string_view text, Options options = {}) {
  precis::Outcome out = precis::summarize(text, options);
  REQUIRE_FALSE(out.error);
  return std::move(out.result);
}

bool has_reason(const Result& r, NoiseReason reason, std::string_view fragment) {
  return std::any_of(r.blocks.begin(), r.blocks.end(), [&](const precis::Block& b) {
    return b.kind == BlockKind::Noise && b.reason == reason && b.text.find(fragment) != std::string::npos;
  });
}

// Every block of the result is title or body.
void check_nothing_removed(const Result& r) {
  for (const precis::Block& b : r.blocks) {
    INFO(b.text);
    CHECK(b.kind != BlockKind::Noise);
  }
}

}  // namespace

TEST_CASE("clean: the noisy corpus covers five languages and every noise kind") {
  const std::vector<Page> pages = corpus();
  REQUIRE(pages.size() >= 30);
  std::vector<std::string> languages, kinds;
  for (const Page& p : pages) {
    languages.push_back(p.name.substr(3, 2));
    for (const Labelled& b : p.blocks) kinds.push_back(b.label);
  }
  for (const char* language : {"en", "zh", "ko", "es", "de"}) {
    CHECK(std::count(languages.begin(), languages.end(), language) >= 5);
  }
  for (const char* kind : {"noise:cookie-banner", "noise:caption", "noise:related", "noise:share", "noise:navigation",
                           "noise:byline", "noise:newsletter", "noise:advertisement", "noise:repeated",
                           "noise:other-language", "title", "body"}) {
    INFO(kind);
    CHECK(std::count(kinds.begin(), kinds.end(), kind) >= 1);
  }
}

TEST_CASE("clean: every labelled block of the noisy corpus is classified as labelled, summaries come from the body") {
  for (const Page& page : corpus()) {
    INFO(page.name);
    const Result r = run(page.paste);
    for (const Labelled& b : page.blocks) {
      INFO(b.label << ": " << b.text);
      const precis::Block* got = block_at(r, b.byte_start);
      REQUIRE(got != nullptr);
      if (b.label == "title") {
        CHECK(got->kind == BlockKind::Title);
      } else if (b.label == "body") {
        CHECK(got->kind == BlockKind::Body);
      } else {
        CHECK(got->kind == BlockKind::Noise);
        CHECK(got->reason != NoiseReason::None);
      }
    }
    REQUIRE(r.stats.selected > 0);
    for (const precis::Sentence& s : r.sentences) {
      if (!s.selected) continue;
      INFO(s.text);
      const auto owner = std::find_if(page.blocks.begin(), page.blocks.end(), [&](const Labelled& b) {
        return b.byte_start <= s.span.byte_start && s.span.byte_end <= b.byte_start + b.text.size();
      });
      REQUIRE(owner != page.blocks.end());
      CHECK(owner->label == "body");
    }
  }
}

TEST_CASE("clean: removed blocks carry their reason, their text and offsets into the input") {
  const std::string page =
      "Home > News > Local\n"
      "Harbour town approves new bridge\n"
      "We use cookies to improve your experience. By clicking Accept you agree to our use of cookies.\n"
      "Accept all   Reject all   Settings\n"
      "The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.\n"
      "The bridge will cost four million euros and should open in two years, the mayor told reporters.\n"
      "Share on Facebook  Share on X  Email\n"
      "Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.\n"
      "Related articles\n"
      "Storm closes the ferry for a week\n"
      "Ten things to do in the old town this summer\n";
  const Result r = run(page);
  REQUIRE(r.title.has_value());
  CHECK(r.title->text == "Harbour town approves new bridge");
  CHECK(has_reason(r, NoiseReason::Navigation, "Home > News"));
  CHECK(has_reason(r, NoiseReason::CookieBanner, "We use cookies"));
  CHECK(has_reason(r, NoiseReason::CookieBanner, "Accept all"));
  CHECK(has_reason(r, NoiseReason::Share, "Share on Facebook"));
  CHECK(has_reason(r, NoiseReason::Related, "Related articles"));
  CHECK(has_reason(r, NoiseReason::Related, "Storm closes the ferry"));
  for (const precis::Block& b : r.blocks) {
    CHECK(page.substr(b.span.byte_start, b.span.byte_end - b.span.byte_start) == b.text);
  }
  for (const precis::Sentence& s : r.sentences) {
    if (s.selected) CHECK(r.blocks[s.block].kind == BlockKind::Body);
  }
}

TEST_CASE("clean: turned off, nothing is removed (only the title is recognised)") {
  const std::string page =
      "Harbour town approves new bridge\n"
      "We use cookies to improve your experience. Accept all or Reject all.\n"
      "The council approved a new bridge over the river on Monday, ending years of debate.\n"
      "Share on Facebook\n";
  Options options;
  options.clean = false;
  const Result r = run(page, options);
  for (const precis::Block& b : r.blocks) CHECK(b.kind != BlockKind::Noise);
  CHECK(r.title.has_value());
  CHECK(run(page).stats.selected >= 1);
}

TEST_CASE("clean: a caller's language that does not match the page never loses the body") {
  const std::string page =
      "Bahn meldet Milliardenverlust\n\n"
      "Die Deutsche Bahn hat im vergangenen Jahr einen Verlust von 2,4 Milliarden Euro gemacht. "
      "Der Konzern will nun in der Verwaltung bis zu 1500 Stellen streichen.\n\n"
      "Der Vorstand begründete den Verlust mit den Streiks und mit hohen Kosten für die Sanierung der Schiene. "
      "Für das laufende Jahr erwartet die Bahn wieder einen Gewinn.\n";
  for (const char* language : {"en", "zh", "ar", "de"}) {
    INFO(language);
    Options options;
    options.language = language;
    const Result r = run(page, options);
    CHECK(r.stats.selected >= 1);
    for (const precis::Block& b : r.blocks) CHECK(b.kind != BlockKind::Noise);
  }
}

TEST_CASE("clean: a short quote in another language inside the body stays body, a teaser in another script goes") {
  const std::string page =
      "Harbour town approves new bridge\n\n"
      "The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.\n\n"
      "The bridge will cost four million euros and should open in two years, the mayor told reporters.\n\n"
      "Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.\n\n"
      "相关文章：港口小镇的新桥将于两年后通车，当地农民表示欢迎\n";
  const Result r = run(page);
  CHECK(r.language == "en");
  const precis::Block* teaser = block_at(r, page.find("相关文章"));
  REQUIRE(teaser != nullptr);
  CHECK(teaser->kind == BlockKind::Noise);
  for (const precis::Sentence& s : r.sentences) {
    if (s.selected) CHECK(s.text.find("相关") == std::string::npos);
  }
}

// The text a reader sees in a stretch of HTML: tags dropped, &amp; decoded,
// white space collapsed (enough for the pages below).
std::string visible(std::string_view html) {
  std::string out;
  bool in_tag = false, space = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (in_tag) {
      in_tag = c != '>';
    } else if (c == '<') {
      in_tag = true;
    } else if (c == ' ' || c == '\n') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      if (html.compare(i, 5, "&amp;") == 0) {
        out += '&';
        i += 4;
      } else {
        out += c;
      }
    }
  }
  return out;
}

TEST_CASE("clean: pasted HTML: markup, scripts and styles never reach the summary, offsets index the input") {
  const std::string html =
      "<html><head><title>Bridge | Harbour News</title><script>var tracking = 'The council approved spying.';</script>"
      "<style>p { color: red }</style></head><body>\n"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
      "<h1>Harbour town approves new bridge</h1>\n"
      "<p>The <a href=\"/council\">council</a> of the harbour town approved <em>a new bridge</em> over the river "
      "on Monday, ending years of debate.</p>\n"
      "<p>The bridge will cost four million euros &amp; should open in two years, the mayor told reporters.</p>\n"
      "<p>Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.</p>\n"
      "</body></html>\n";
  const Result r = run(html);
  REQUIRE(r.stats.selected >= 1);
  CHECK(r.stats.input_bytes == html.size());
  REQUIRE(r.title.has_value());
  CHECK(r.title->text == "Harbour town approves new bridge");  // the headline, not the <title>
  CHECK(html.substr(r.title->span.byte_start, r.title->span.byte_end - r.title->span.byte_start) == r.title->text);
  CHECK(has_reason(r, NoiseReason::Navigation, "Home News"));
  REQUIRE(r.sentences.size() == 3);
  CHECK(r.sentences[0].text ==
        "The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.");
  CHECK(r.sentences[1].text.find("euros & should") != std::string::npos);
  for (const precis::Sentence& s : r.sentences) {
    INFO(s.text);
    CHECK(s.text.find('<') == std::string::npos);
    CHECK(s.text.find("tracking") == std::string::npos);
    CHECK(s.text.find("color") == std::string::npos);
    // The span covers the sentence in the HTML, inline tags and references included.
    CHECK(visible(html.substr(s.span.byte_start, s.span.byte_end - s.span.byte_start)) == s.text);
    CHECK(s.span.utf16_end - s.span.utf16_start == s.span.byte_end - s.span.byte_start);  // ASCII page
  }
  for (const precis::Block& b : r.blocks) {
    CHECK(b.span.byte_end <= html.size());
    CHECK(b.text.find('<') == std::string::npos);
  }
}

TEST_CASE("clean: HTML: the page's only <h1> is the headline, several <h1> leave the choice to the models") {
  // A photo caption comes before the headline: read as text alone, the page has no title the models trust.
  auto page = [](std::string_view caption_tag, std::string_view heading_tag) {
    auto element = [](std::string_view tag, std::string_view content) {
      return "<" + std::string(tag) + ">" + std::string(content) + "</" + std::string(tag) + ">\n";
    };
    return "<html><head><title>Harbour News</title></head><body>\n<nav><a href=\"/\">Home</a></nav>\n" +
           element(caption_tag, "Ferry passengers wait at the old harbour at dawn, when the first boats leave.") +
           element(heading_tag, "Harbour town approves new bridge") +
           element("p",
                   "The council of the harbour town approved a new bridge over the river on Monday, ending years "
                   "of debate.") +
           element("p", "The bridge will cost four million euros and should open in two years, the mayor told reporters.") +
           element("p", "Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.") +
           "</body></html>\n";
  };
  const Result as_text = run(page("p", "p"));
  CHECK_FALSE(as_text.title.has_value());
  const Result one = run(page("p", "h1"));
  REQUIRE(one.title.has_value());
  CHECK(one.title->text == "Harbour town approves new bridge");
  // Two <h1> elements: no single headline element, the models decide as they do on the text.
  const Result several = run(page("h1", "h1"));
  CHECK(several.title.has_value() == as_text.title.has_value());
}

TEST_CASE("clean: HTML: the headline the page names for sharing (og:title, else twitter:title) is the headline") {
  // As above: a photo caption before the headline, so the text alone has no title the models trust; the
  // headline sits in a <p>, and an <h1> (when there is one) holds the site's name.
  auto page = [](std::string_view head, std::string_view h1 = "") {
    return "<html><head><title>Harbour News</title>" + std::string(head) + "</head><body>\n" +
           (h1.empty() ? std::string() : "<h1>" + std::string(h1) + "</h1>\n") +
           "<nav><a href=\"/\">Home</a></nav>\n"
           "<p>Ferry passengers wait at the old harbour at dawn, when the first boats leave.</p>\n"
           "<p>Harbour town approves bridge &amp; road</p>\n"
           "<p>The council of the harbour town approved a new bridge over the river on Monday, ending years of "
           "debate.</p>\n"
           "<p>The bridge will cost four million euros and should open in two years, the mayor told reporters.</p>\n"
           "<p>Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.</p>\n"
           "</body></html>\n";
  };
  auto title = [](const Result& r) { return r.title ? r.title->text : std::string("(none)"); };
  const std::string headline = "Harbour town approves bridge & road";
  CHECK(title(run(page(""))) == "(none)");
  // Quoting, case and order of the attributes, references and spacing in the value do not matter.
  CHECK(title(run(page("<meta property=\"og:title\" content=\"Harbour town approves bridge &amp; road\">"))) == headline);
  CHECK(title(run(page("<META CONTENT='harbour  town approves BRIDGE & road' Property='OG:Title' />"))) == headline);
  CHECK(title(run(page("<meta name=twitter:title content=\"Harbour town approves bridge &#38; road\">"))) == headline);
  // The site's name after the headline ("<headline> | <site>"): the line that starts it, when it is most of it.
  CHECK(title(run(page("<meta property=\"og:title\" content=\"Harbour town approves bridge &amp; road | Harbour News\">"))) ==
        headline);
  CHECK(title(run(page("<meta property=\"og:title\" content=\"Harbour town approves bridge &amp; road, and the "
                       "council sets the budget for the next three years\">"))) == "(none)");
  // og:title outranks twitter:title, wherever each stands.
  CHECK(title(run(page("<meta name=\"twitter:title\" content=\"Home\">"
                       "<meta property=\"og:title\" content=\"Harbour town approves bridge &amp; road\">"))) == headline);
  // It outranks the page's only <h1> (here the site's name), and names no line of the page's furniture
  // (the <nav>'s "Home") nor one that is not there.
  CHECK(title(run(page("<meta property=\"og:title\" content=\"Harbour town approves bridge &amp; road\">", "Harbour News"))) ==
        headline);
  CHECK(title(run(page("<meta property=\"og:title\" content=\"Home\">"))) == "(none)");
  CHECK(title(run(page("<meta property=\"og:title\" content=\"A headline the page does not show\">"))) == "(none)");
  CHECK(title(run(page("<meta property=\"og:description\" content=\"Harbour town approves bridge &amp; road\">"))) ==
        "(none)");
}

TEST_CASE("clean: HTML tables: a row is one block, its cells separated by a tab, as a browser's copy gives it") {
  const std::string html =
      "<html><body><h1>Ferry prices</h1>\n"
      "<p>The harbour council published the new ferry prices on Monday, after a year of debate about the bridge.</p>\n"
      "<table><tr><th>Route</th><th>Price</th></tr>\n"
      "<tr><td>East bank</td><td><b>4</b> euros</td></tr></table>\n"
      "<p>The prices hold until the bridge opens, the council said, and children travel free all year.</p>\n"
      "</body></html>\n";
  const Result r = run(html);  // (HTML is read as HTML when cleaning is on)
  std::vector<const precis::Block*> rows;
  for (const precis::Block& b : r.blocks) {
    if (b.text.find('\t') != std::string::npos) rows.push_back(&b);
  }
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]->text == "Route\tPrice");
  CHECK(rows[1]->text == "East bank\t4 euros");
  // The row's span runs from its first cell's text to its last cell's, inside the HTML.
  CHECK(html.substr(rows[1]->span.byte_start, rows[1]->span.byte_end - rows[1]->span.byte_start) ==
        "East bank</td><td><b>4</b> euros");
}

TEST_CASE("clean: HTML references and white space: the text is what a browser shows") {
  const std::string html =
      "<div><p>Caf&eacute; owners&nbsp;said &#8220;no&#8221; &amp; left &#x2014; on <b>Monday</b>.</p>"
      "<p>&bogus; stays as written, &#0; and &#xD800; become U+FFFD.</p></div>";
  Options options;
  options.budget = {precis::BudgetUnit::Sentences, 5};
  const Result r = run(html, options);
  REQUIRE(r.sentences.size() == 2);
  CHECK(r.sentences[0].text == "Caf\xC3\xA9 owners said \xE2\x80\x9Cno\xE2\x80\x9D & left \xE2\x80\x94 on Monday.");
  CHECK(r.sentences[1].text == "&bogus; stays as written, \xEF\xBF\xBD and \xEF\xBF\xBD become U+FFFD.");
  CHECK(html.substr(r.sentences[0].span.byte_start, 4) == "Caf&");
  CHECK(html.substr(r.sentences[0].span.byte_end - 1, 1) == ".");
  // Every Latin-1 name in either case, Windows-1252's meaning of &#128;-&#159;,
  // and a numeric reference without its ';', as browsers read them.
  const Result latin = run(
      "<p>Ra&iuml;ses in S&atilde;o Paulo, &AElig;sop and &aelig;, &thorn;orn &divide; &frac34;, "
      "Clean Air &#151 Cool Planet &#8212 &#x2019;s.</p>",
      options);
  REQUIRE(latin.sentences.size() == 1);
  CHECK(latin.sentences[0].text ==
        "Ra\xC3\xAFses in S\xC3\xA3o Paulo, \xC3\x86sop and \xC3\xA6, \xC3\xBEorn \xC3\xB7 \xC2\xBE, "
        "Clean Air \xE2\x80\x94 Cool Planet \xE2\x80\x94 \xE2\x80\x99s.");
}

TEST_CASE("clean: a '>' inside a quoted attribute value does not end the tag") {
  // A link whose script handler holds markup: a browser reads the whole tag.
  const std::string html =
      "<html><body><p>The council <a href=\"/fcc\" onmouseover=\"show('<b>FCC</b> inquiry');\" "
      "onmouseout='hide(\">\")'>approved</a> a new bridge over the river on Monday, ending years of debate.</p>"
      "</body></html>";
  const Result r = run(html);
  REQUIRE(r.sentences.size() == 1);
  CHECK(r.sentences[0].text == "The council approved a new bridge over the river on Monday, ending years of debate.");
}

// A regression pin on the fitted models (core/src/block_model.hpp): a refit
// that changes what happens to this page shows up here, in review.
TEST_CASE("clean: the fitted models on a news page with menus, teasers and comments") {
  const std::string page =
      "Skip to content\n"
      "Home | World | Business | Tech | Sport\n"
      "The Harbour Gazette\n"
      "Harbour town opens its new bridge after ten years of debate\n"
      "By Ana L\xC3\xB3pez\n"
      "12 May 2024, 10:32\n"
      "The new bridge over the river opened on Saturday, ending a decade of arguments between the town council and "
      "the farmers on the east bank.\n"
      "Thousands of residents walked across the bridge in the morning, and the mayor cut a ribbon at noon while a "
      "brass band played.\n"
      "The bridge cost four million euros, a third of which came from a regional fund for rural roads, the council "
      "said.\n"
      "Farmers said the crossing would cut the trip to the market from forty minutes to ten, and several planned to "
      "sell vegetables in town every week.\n"
      "The ferry that carried cars across the river for sixty years will stop running at the end of the month.\n"
      "Share on Facebook  Share on X  Email\n"
      "Related articles\n"
      "Ferry crew say goodbye after sixty years\n"
      "Council approves budget for new school\n"
      "3 comments\n"
      "I grew up on the east bank and we waited for this bridge our whole lives, so this is a great day for my "
      "family.\n"
      "Posted by Marta at 11:02\n"
      "The money would have been better spent on the school roof, which has leaked for years and nobody seems to "
      "care.\n"
      "Posted by Jon at 11:40\n"
      "\xC2\xA9 2024 The Harbour Gazette. All rights reserved.\n";
  const Result r = run(page);
  REQUIRE(r.title.has_value());
  CHECK(r.title->text == "Harbour town opens its new bridge after ten years of debate");
  // The first comment reads like the article (a resident on the bridge, no
  // cue of its own): the body model is at even odds on it (log-odds -0.03
  // before the refit of 2026-12-04, +0.09 after), so the test does not pin its
  // block; it pins that the summary never takes it.
  const std::string first_comment = "I grew up on the east bank";
  // The second comment has no cue of its own either: the model gives it
  // less than even odds of being body, but not the 4 to 1 odds of noise it
  // takes to remove a block, so it stays as doubtful body.
  const std::string second_comment = "The money would have been";
  const auto second = std::find_if(r.blocks.begin(), r.blocks.end(),
                                   [&](const precis::Block& b) { return b.text.starts_with(second_comment); });
  REQUIRE(second != r.blocks.end());
  CHECK(second->kind == BlockKind::Body);
  CHECK(second->body_probability > 0.2);
  CHECK(second->body_probability < 0.5);
  std::vector<std::string> removed;
  for (const precis::Block& b : r.blocks) {
    if (b.kind == BlockKind::Noise && !b.text.starts_with(first_comment)) {
      removed.push_back(std::string(precis::to_string(b.reason)) + ": " + b.text.substr(0, 24));
    }
  }
  CHECK(removed == std::vector<std::string>{
                       "navigation: Skip to content",
                       "navigation: Home | World | Business ",
                       "fragment: The Harbour Gazette",
                       "byline: By Ana L\xC3\xB3pez",
                       "byline: 12 May 2024, 10:32",
                       "share: Share on Facebook  Share",
                       "related: Related articles",
                       "related: Ferry crew say goodbye a",
                       "related: Council approves budget ",
                       "share: 3 comments",
                       "byline: Posted by Marta at 11:02",
                       "byline: Posted by Jon at 11:40",
                       "navigation: \xC2\xA9 2024 The Harbour Gaze",
                   });
  std::size_t body = 0;
  for (const precis::Block& b : r.blocks) {
    body += b.kind == BlockKind::Body && b.body_probability >= 0.5 && !b.text.starts_with(first_comment) ? 1 : 0;
  }
  CHECK(body == 5);
  for (const precis::Sentence& s : r.sentences) {
    if (s.selected) CHECK_FALSE(s.text.starts_with(first_comment));
    if (s.selected) CHECK_FALSE(s.text.starts_with(second_comment));
  }
}

TEST_CASE("clean: a clean article loses nothing") {
  const std::string article =
      "Harbour town approves new bridge\n\n"
      "The council of the harbour town approved a new bridge over the river on Monday. "
      "It will cost four million euros.\n\n"
      "Read the plans: the bridge will have two lanes and a cycle path, the council said.\n\n"
      "Mayor Anna Berg said: \"We have waited long enough.\"\n\n"
      "Work starts in spring.\n";
  const Result r = run(article);
  CHECK(r.title.has_value());
  check_nothing_removed(r);
}

TEST_CASE("clean: tag and category lines, script notices and placed captions are furniture; the same words in the text are not") {
  const std::string page =
      "Harbour town approves new bridge\n\n"
      "Above: the old ferry at dawn, before the first crossing of the day.\n\n"
      "The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.\n\n"
      "Media requires JavaScript and Adobe Flash to play.\n\n"
      "Above all, the mayor said, the bridge will join the two halves of the town for the first time.\n\n"
      "Right-wing councillors voted against it, and left the meeting before the end of the debate.\n\n"
      "Topics of the debate included the cost and the noise of the building work on the east bank.\n\n"
      "Tags: bridge, harbour, council, transport.\n\n"
      "Filed under local news, transport\n\n"
      "Kategorien: Verkehr, Stadtrat\n\n"
      "À gauche : la maquette du pont, présentée au conseil lundi.\n";
  const Result r = run(page);
  CHECK(has_reason(r, NoiseReason::Caption, "Above: the old ferry"));
  CHECK(has_reason(r, NoiseReason::Caption, "maquette du pont"));
  CHECK(has_reason(r, NoiseReason::Navigation, "Media requires JavaScript"));
  CHECK(has_reason(r, NoiseReason::Navigation, "Tags: bridge"));
  CHECK(has_reason(r, NoiseReason::Navigation, "Filed under local news"));
  CHECK(has_reason(r, NoiseReason::Navigation, "Kategorien: Verkehr"));
  check_reasons_not(r, {"Above all, the mayor", "Right-wing councillors", "Topics of the debate"},
                    {NoiseReason::Caption, NoiseReason::Navigation});
}

TEST_CASE("clean: an agency's caption ending in its photo credit is a caption however long; so is an archive photo's") {
  const std::string page =
      "Minister visits the harbour\n\n"
      "The minister takes a question from a reporter during a press conference at the harbour, Tuesday, Jan. 15, "
      "2008. The minister said during a surprise visit on Tuesday that the new bridge had moved along quite "
      "remarkably, citing a new law that lets the town borrow for the work and repay the loan over thirty years. "
      "(AP Photo/Jane Doe, Pool)\n\n"
      "The minister of transport visited the harbour town on Tuesday and promised money for the new bridge.\n\n"
      "The old ferry at dawn, in this June 3, 2007, file photo.\n\n"
      "The council had voted for the bridge on Monday, after years of debate about its cost and its noise.\n\n"
      "The loan will be repaid over thirty years, the council said (Reporting by Jane Doe, editing by John Roe)\n\n"
      "Work on the east bank is to begin in the spring and to end two years later, if the weather allows.\n";
  const Result r = run(page);
  CHECK(has_reason(r, NoiseReason::Caption, "takes a question from a reporter"));
  CHECK(has_reason(r, NoiseReason::Caption, "file photo"));
  check_reasons_not(r, {"repaid over thirty years"}, {NoiseReason::Caption});
}

TEST_CASE("clean: a line opening with the copyright sign is a rights notice, or without a year a credit leading its caption") {
  const std::string page =
      "Clinic offers free flu shots\n\n"
      "\xC2\xA9 John Brecher Needle poking skin during the administration of a flu shot at a community health "
      "centre in the capital, where doctors offered free shots to everyone who came on Saturday morning.\n\n"
      "Doctors at a community health centre offered free flu shots to everyone who came on Saturday morning.\n\n"
      "More than two hundred people came, many of them with children, and the shots ran out before noon.\n\n"
      "(c) The centre will hold a second day of free shots next month, the doctors said, if the city pays.\n\n"
      "Copyright 2019 Harbour Media, LLC. All rights reserved. This material may not be published, broadcast, "
      "rewritten or redistributed.\n";
  const Result r = run(page);
  CHECK(has_reason(r, NoiseReason::Caption, "John Brecher Needle"));
  CHECK(has_reason(r, NoiseReason::Navigation, "Copyright 2019 Harbour Media"));
  check_reasons_not(r, {"second day of free shots", "More than two hundred"}, {NoiseReason::Caption, NoiseReason::Navigation});
}

TEST_CASE("clean: a \"Read more\" link closes the entry above it; it does not open a run of teasers like a heading") {
  const std::string page =
      "The best new restaurants in the harbour town\n\n"
      "Our critics ate their way through the harbour town this year, and these are the places they would go back to.\n\n"
      "The Ferry House\n\n"
      "A former ticket office on the quay now serves grilled fish and bread baked in the old coal oven every morning.\n\n"
      "Read More ›\n\n"
      "Lantern\n\n"
      "The chef cooks the food of the valley she grew up in, with river trout, smoked cheese and a dark rye cake.\n\n"
      "Read More ›\n\n"
      "Related articles\n\n"
      "Ten markets worth the trip this winter\n\n"
      "Where to find the best coffee on the east bank\n";
  const Result r = run(page);
  check_reasons_not(r, {"A former ticket office", "The chef cooks the food"}, {NoiseReason::Related});
  CHECK(has_reason(r, NoiseReason::Related, "Read More"));
  CHECK(has_reason(r, NoiseReason::Related, "Ten markets worth the trip"));
  CHECK(has_reason(r, NoiseReason::Related, "best coffee on the east bank"));
}

TEST_CASE("clean: furniture words of Indonesian, Dutch and Russian pages") {
  const std::string id_page =
      "Warga menanam seribu pohon di tepi sungai\n\n"
      "Iklan\n\n"
      "Ratusan warga kota menanam seribu pohon di tepi sungai pada hari Minggu untuk mencegah banjir musim hujan.\n\n"
      "Baca juga: Banjir rendam ratusan rumah di pinggir kota\n\n"
      "Menurut wali kota, pohon-pohon itu akan dirawat oleh sekolah dan kelompok warga selama tiga tahun ke depan.\n\n"
      "Bagikan\n\n"
      "Berita Terkait\n\n"
      "Harga beras naik menjelang akhir tahun\n";
  const Result id = run(id_page);
  CHECK(has_reason(id, NoiseReason::Advertisement, "Iklan"));
  CHECK(has_reason(id, NoiseReason::Related, "Baca juga"));
  CHECK(has_reason(id, NoiseReason::Share, "Bagikan"));
  CHECK(has_reason(id, NoiseReason::Related, "Harga beras naik"));
  check_reasons_not(id, {"Ratusan warga kota", "Menurut wali kota"},
                    {NoiseReason::Advertisement, NoiseReason::Related, NoiseReason::Share});
  const Result nl = run(
      "Gemeente plant duizend bomen langs de rivier\n\n"
      "Advertentie\n\n"
      "Honderden inwoners hebben zondag duizend bomen geplant langs de rivier om overstromingen tegen te gaan.\n\n"
      "Lees ook: Overstroming zet honderden huizen onder water\n\n"
      "Volgens de burgemeester zorgen scholen en buurtgroepen de komende drie jaar voor de bomen.\n");
  CHECK(has_reason(nl, NoiseReason::Advertisement, "Advertentie"));
  CHECK(has_reason(nl, NoiseReason::Related, "Lees ook"));
  const Result ru = run(
      "Жители посадили тысячу деревьев у реки\n\n"
      "Реклама\n\n"
      "В воскресенье сотни жителей города посадили тысячу деревьев на берегу реки, чтобы защитить его от наводнений.\n\n"
      "Читайте также: Наводнение затопило сотни домов на окраине\n\n"
      "По словам мэра, за деревьями три года будут ухаживать школы и группы жителей.\n");
  CHECK(has_reason(ru, NoiseReason::Advertisement, "Реклама"));
  CHECK(has_reason(ru, NoiseReason::Related, "Читайте также"));
}

TEST_CASE("clean: a numbered list of dated items is content, not a row of bylines") {
  const std::string article =
      "The column in review\n\n"
      "Over three years the column covered the courts, the council and the harbour, and readers chose their favourites "
      "in a vote last week.\n\n"
      "1. The Bridge Vote, Explained (June 21, 2004)\n"
      "2. What the Harbour Owes the Town (Apr. 27, 2005)\n"
      "3. A Dunk in the Water for Clarity (Oct. 28, 2006)\n\n"
      "The full list of columns is in the archive, with the letters readers sent about each of them.\n";
  const Result r = run(article);
  check_nothing_removed(r);
}

TEST_CASE("clean: a heading that a table of contents in <nav> lists first is not a repeat of it") {
  const std::string html =
      "<html><body>\n<nav><a href=\"#cost\">What the bridge will cost</a></nav>\n"
      "<h1>Harbour town approves new bridge</h1>\n"
      "<p>The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.</p>\n"
      "<h2 id=\"cost\">What the bridge will cost</h2>\n"
      "<p>The bridge will cost four million euros and should open in two years, the mayor told reporters.</p>\n"
      "<p>Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.</p>\n"
      "</body></html>\n";
  const Result r = run(html);
  std::size_t copies = 0;
  for (const precis::Block& b : r.blocks) {
    if (b.text != "What the bridge will cost") continue;
    ++copies;
    INFO(b.span.byte_start);
    CHECK(b.reason != NoiseReason::Repeated);
  }
  CHECK(copies == 2);
  CHECK(has_reason(r, NoiseReason::Navigation, "What the bridge will cost"));
}

TEST_CASE("clean: a <select> left open in a table cell ends with the cell, as a browser's parser ends it") {
  // The archive's date pickers: <select> elements whose options a script was
  // to write, without their end tags. The article after them is no form control.
  const std::string html =
      "<html><body><table><tr><td><select id=\"year\"><script>years();</script></td>"
      "<td><select id=\"month\"><script>months();</script></td></tr></table>\n"
      "<h2>Harbour town approves new bridge</h2>\n"
      "<p>The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.</p>\n"
      "<p>The bridge will cost four million euros and should open in two years, the mayor told reporters.</p>\n"
      "<p>Farmers on the east bank have waited for a crossing for decades, and many welcomed the vote.</p>\n"
      "</body></html>\n";
  check_nothing_removed(run(html));
  // A <select> closed as written still marks its options as navigation.
  const Result closed = run(
      "<html><body><select><option>Monday</option><option>Tuesday</option></select>\n"
      "<p>The council of the harbour town approved a new bridge over the river on Monday, ending years of debate.</p>\n"
      "</body></html>\n");
  CHECK(has_reason(closed, NoiseReason::Navigation, "Tuesday"));
}

TEST_CASE("clean: an <aside> is evidence of an aside, which the body model weighs: a post inside one stays") {
  // A blog theme that puts each post in <aside class="blogPost">, beside a
  // menu and a comment form: the post is the page's running text.
  const std::string post =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/celebs\">Celebs</a> <a href=\"/tv\">TV</a></nav>\n"
      "<ul><li>Share on Facebook</li><li>Share on Twitter</li></ul>\n"
      "<aside class=\"blogPost\"><h1>Harbour town approves new bridge</h1>\n"
      "<p>The council of the harbour town approved a new bridge over the river on Monday, ending years of debate "
      "about how the east bank should be reached by the farmers who live there.</p>\n"
      "<p>The bridge will cost four million euros and should open in two years, the mayor told reporters after the "
      "vote, adding that the work would start in the spring.</p>\n"
      "<p>Farmers on the east bank have waited for a crossing for decades, and many of them welcomed the vote with "
      "relief, although some worry about the traffic it will bring.</p>\n"
      "</aside>\n<footer>Copyright 2012 Harbour News. All rights reserved.</footer></body></html>\n";
  const Result r = run(post);
  std::size_t body = 0;
  for (const precis::Block& b : r.blocks) {
    if (b.kind == BlockKind::Body && b.text.find("bridge") != std::string::npos) ++body;
  }
  CHECK(body >= 2);
  REQUIRE_FALSE(r.sentences.empty());
  for (const precis::Sentence& s : r.sentences) {
    if (s.selected) CHECK(s.text.find("Share") == std::string::npos);
  }
}

TEST_CASE("clean: lines an HTML page breaks with <br> are read as a browser's copy gives them") {
  // A hard-wrapped text, each line ended by <br>, as old pages and mail
  // archives have it: a paste of it gives the lines one line break apart,
  // and both read as the same blocks (the lines of a paragraph run on).
  const std::string lines[] = {
      "The council of the harbour town approved a new bridge over the river on",
      "Monday, ending years of debate about how the farmers of the east bank",
      "should reach the market, and the work will start in the spring.",
      "",
      "The bridge will cost four million euros and should open in two years,",
      "the mayor told reporters after the vote, adding that the town would pay",
      "a third of it.",
  };
  std::string html = "<html><body><h1>Harbour town approves new bridge</h1><p>";
  std::string paste = "Harbour town approves new bridge\n\n";
  for (const std::string& line : lines) {
    html += line.empty() ? "<br>" : line + "<br>\n";
    paste += line + "\n";
  }
  html += "</p></body></html>\n";
  const Result from_html = run(html), from_paste = run(paste);
  auto texts = [](const Result& r) {
    std::vector<std::string> out;
    for (const precis::Sentence& s : r.sentences) out.push_back(s.text);
    return out;
  };
  CHECK(from_paste.sentences.size() == 3);
  CHECK(texts(from_html) == texts(from_paste));
  // The headline is the only <h1>, on both.
  REQUIRE(from_html.title);
  CHECK(from_html.title->text == "Harbour town approves new bridge");
}
