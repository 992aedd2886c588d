// The evidence cleaning has about each block, as the numbers a fitted model
// reads (block_model.hpp holds the model, clean.cpp decides from its output).
//
// A block's features describe the block itself (length, final punctuation,
// stopword density, capitalised words, separators, digits), what the cue
// rules of clean.cpp said about it (cookie banner, caption, byline...), its
// neighbours, and where it sits relative to the densest run of running text
// on the page (boilerpipe / jusText ideas that survive a plain-text paste).
//
// Every feature is computed with + - * / only (no log or exp), so the same
// input gives the same numbers, and the same decisions, on every platform.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "precis/precis.hpp"

namespace precis {

enum class BlockFeature : std::uint8_t {
  // The block itself.
  Words,            // word units, saturating: w / (w + 10)
  EndsSentence,     // ends with . ! ? 。 (closing quotes allowed)
  Sentences,        // sentence ends inside the block, saturating: n / (n + 2)
  Good,             // body-like: long enough, punctuated, stopword-dense (clean.cpp's jusText test)
  StopwordDensity,  // stopwords per token in the body's language (0 without a list)
  NoStopwordList,   // the body's language has no stopword list (or is CJK)
  Capitals,         // share of tokens that start with a capital letter
  Digits,           // share of letters and digits that are digits
  Separators,       // | » › · • > / and tabs per token, saturating
  Commas,           // commas per token, saturating
  Bullet,           // starts with a bullet or dash
  EndsColon,        // ends with ':'
  LinkLike,         // a URL, "www.", an e-mail address or "@handle"
  Title,            // the cue rules' title
  // The cue rules' verdict (one of these, or none).
  RuleCookie,
  RuleCaption,
  RuleRelated,
  RuleShare,
  RuleNavigation,
  RuleByline,
  RuleNewsletter,
  RuleAdvertisement,
  RuleRepeated,
  RuleOtherLanguage,
  RuleFragment,
  Duplicate,  // the same text is another block too (menus at top and bottom)
  // Position.
  Position,       // share of the page's words before the block
  InRegion,       // inside the densest run of running text
  BeforeRegion,   // blocks between it and the region's start, saturating: d / (d + 3)
  AfterRegion,    // blocks between the region's end and it, saturating
  RegionShare,    // the region's share of the page's words
  // Neighbours.
  PreviousWords,  // the block before: Words
  NextWords,
  PreviousGood,
  NextGood,
  PreviousNoise,  // the block before has a cue-rule verdict
  NextNoise,
  WindowGood,    // share of good blocks among the 3 before and 3 after
  WindowNoise,   // share of cue-rule noise among them
  // Runs of running text: good blocks separated by at most one other block
  // (a subheading, a caption), and not by a comment line.
  RunShare,      // words of the block's run / words of the page's largest run (0 between runs)
  LargestRun,    // the block is in the largest run
  RunsBefore,    // large runs (at least half the largest) before the block's, saturating: n / (n + 1)
  // Comment sections.
  CommentLine,     // a short line of a comment section ("37 comments", "Reply", "Ed says:")
  CommentsBefore,  // comment lines after the first good block and before this one, saturating
  // Rules and title, in context.
  ContextRule,   // the cue rules' verdict came from a neighbour (a "Related" run, a caption's line), not the block's own words
  BeforeTitle,   // the block comes before the cue rules' title
  AfterTitle,    // ... after it
  // Vocabulary: content terms (word prefixes, CJK bigrams) shared with...
  TopicOverlap,  // ...the other good blocks of the densest region (share of the block's terms)
  TitleOverlap,  // ...the title
  // The article's top: a standfirst sits between the headline and a byline.
  BylineBefore,   // a byline or date line among the 3 blocks before, with no good block between
  BylineAfter,    // ... among the 3 blocks after
  TitleDistance,  // after the title: 1 / (1 + blocks between them); 0 elsewhere
  kCount
};

inline constexpr std::size_t kBlockFeatureCount = static_cast<std::size_t>(BlockFeature::kCount);

// The feature's name as the bench tools print it ("Words", "RuleCookie"...).
[[nodiscard]] std::string_view feature_name(BlockFeature f);

struct BlockFeatures {
  std::array<float, kBlockFeatureCount> values{};
  [[nodiscard]] float operator[](BlockFeature f) const { return values[static_cast<std::size_t>(f)]; }
  float& operator[](BlockFeature f) { return values[static_cast<std::size_t>(f)]; }
};

// Shape of a block's text (the local features that need the characters):
// counts over its first 1,200 bytes, but `half_words` over all of it.
struct TextShape {
  double tokens = 0;       // space-separated tokens with a letter or digit
  double capitalised = 0;  // of them, starting with an uppercase letter
  double digits = 0;       // digit code points
  double alnum = 0;        // letter and digit code points
  double separators = 0;   // | » › · • > / (spaced) and tabs
  double commas = 0;       // , 、 ，
  double terminals = 0;    // sentence ends: terminal punctuation before a space or the end
  double half_words = 0;   // word units in halves (scan::WordUnits)
  bool bullet = false;
  bool colon_end = false;
  bool link = false;
};
[[nodiscard]] TextShape text_shape(std::string_view text);

// What cleaning's cue rules know about one block (clean.cpp fills it).
struct BlockEvidence {
  TextShape shape;                // text_shape() of the block's text
  double words = 0;               // word units (CJK characters count half)
  bool ends = false;              // ends like a sentence
  bool good = false;              // body-like (clean.cpp: long, punctuated, stopword-dense)
  double stopword_density = -1;   // in the body's language; < 0 when there is no list
  NoiseReason rule = NoiseReason::None;  // the cue rules' verdict
  bool title = false;             // the cue rules' title
  bool duplicate = false;         // another block has the same text
  bool comment_line = false;      // a short line of a comment section
  bool context_rule = false;      // `rule` was set by a neighbour, not by the block's own cues
  std::vector<std::uint32_t> terms;  // hashes of the block's content terms, sorted, unique
};


// The densest run of running text: the run of blocks with the largest sum of
// block scores, where a good block scores its word count, a block the cue
// rules call noise scores minus (its words + 2), and any other block -1.
// `found` is false when no block is good.
struct Region {
  std::size_t first = 0;
  std::size_t last = 0;
  bool found = false;
};
[[nodiscard]] Region densest_region(std::span<const BlockEvidence> blocks);

// The features of every block, in order.
[[nodiscard]] std::vector<BlockFeatures> block_features(std::span<const BlockEvidence> blocks);

// Redoes the features that depend on which block is the title (Title,
// BeforeTitle, AfterTitle, TitleOverlap) for the blocks' `title` flags; the
// others stay as computed (cleaning moves the title after block_features).
void place_title(std::span<const BlockEvidence> blocks, std::vector<BlockFeatures>& features);

// A fitted model over the features (block_model.hpp holds the fitted ones):
// boosted decision trees of depth 3. Each tree sends a block down three
// splits (right when the feature is at least the split's threshold) to one
// of 8 leaves; the block's score is `base` plus the leaves it reaches, a
// log-odds. Every feature lies in [0, 1]: a threshold is kept as a multiple
// of 1/32768 (kNever, above any feature, makes a split that sends every
// block left) and a leaf as a multiple of 1/128 in a signed byte, so the
// trees stay small in the wasm and a split is one integer comparison.
struct BlockTree {
  static constexpr float kThresholdScale = 32768;
  static constexpr std::uint16_t kNever = 65535;
  static constexpr double kLeafUnit = 1.0 / 128;
  static constexpr int kLeafMax = 127;  // |leaf| at most this (bench/cleaning/gbdt.mjs LEAF_MAX)
  std::array<std::uint8_t, 7> feature;  // split nodes, breadth first: the children of k are 2k+1, 2k+2
  std::array<std::uint16_t, 7> threshold;
  std::array<std::int8_t, 8> leaf;
};

struct BlockModel {
  float base = 0;
  std::span<const BlockTree> trees;
  float threshold = 0;  // the decision: the score is at least this
};

// How much a sentence counts, beside its block's body probability, when the
// body model kept its block with doubt and it does not end like a sentence (a
// teaser headline, a menu row, a tag list read as body). Chosen by
// bench/cleaning/weights.mjs (each set of pages held out in turn).
inline constexpr float kUnfinishedWeight = 0.3f;

// A sentence's score is multiplied by its block's body probability to this
// power. 1: the probability as it is. bench/cleaning/weights.mjs prints the
// trade-off: a higher power takes more sentences from the body and fewer of
// those a summary of the clean article would take.
inline constexpr float kBodyPower = 1.0f;

// Removing a block of article text costs the reader more than keeping a line
// of page furniture: the text is gone from the summary's choices and from the
// view, where a kept line is only clutter, and weighs little in the summary
// (its score is multiplied by its body probability). So cleaning removes the
// blocks the body model decides only when it gives them at least 4 to 1 odds
// of being noise (log-odds of body at most -ln 4): the blocks between this and
// the body decision (odds even) stay as doubtful body. A product choice, not
// a fit; bench/cleaning/weights.mjs prints the trade-off (body kept against
// noise removed).
inline constexpr float kRemovalLogOdds = -1.3862944f;

// A block the cue rules marked from context only (a "Related" run, a
// caption's neighbour, a fragment between furniture) and the body model
// decides is removed at 2 to 1 odds of noise: the rules' verdict is evidence
// of its own, so it needs less than the 4 to 1 of a block without any (it
// needed even odds at first). bench/cleaning/weights.mjs prints the
// trade-off: up to 2 to 1, each body sentence kept costs about one furniture
// sentence kept as doubtful body; past it, three to five, and teasers under a
// "Related" heading of the labelled pastes stay. A product choice, not a fit.
inline constexpr float kContextRemovalLogOdds = -0.6931472f;

// How much a sentence of doubtful body counts, beside its block's body
// probability (under one half). Chosen by bench/cleaning/weights.mjs (each
// set of pages held out in turn).
inline constexpr float kDoubtfulWeight = 0.5f;

// What cleaning's decisions read: which block is the headline, which are body;
// and how the summary weighs doubtful body.
struct CleaningModels {
  BlockModel title;
  BlockModel body;
  float removal = kRemovalLogOdds;
  float context_removal = kContextRemovalLogOdds;
  float doubtful = kDoubtfulWeight;
  float unfinished = kUnfinishedWeight;
  float body_power = kBodyPower;
};

}  // namespace precis
