// Small multilingual word lists that mark page furniture (cookie banners,
// share rows, "Related articles", photo credits...) and the scanner that
// finds them in a block. Cleaning (clean.cpp) decides what the hits mean;
// this file only says where the words are.
//
// Matching is on a block's *key*: the text folded (NFKC + case folding, see
// unicode::fold), every character that is not a letter, digit, mark or '©'
// turned into one space, spaces collapsed and trimmed. "AI-generated image:"
// and "ai generated image" have the same key. A phrase matches at word
// boundaries in alphabetic scripts and anywhere in CJK text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "unicode.hpp"

namespace precis::noise {

// What a matched phrase is evidence of.
enum class Cue : std::uint8_t {
  CookieTopic,       // cookie, consent, privacy, 쿠키, 隐私...
  CookieAction,      // accept, reject, settings, akzeptieren, 同意...
  SiteSelf,          // "we use", "this site", "wir verwenden", "本网站"...
  ConsentButton,     // words of a consent button row: "accept all", "reject"
  CookieHeading,     // "we value your privacy", "cookie settings"
  NewsletterTopic,   // newsletter, boletín, 뉴스레터, 订阅...
  NewsletterAction,  // "sign up", "your inbox", "abonnieren sie"...
  Share,             // share, print, facebook, whatsapp, 分享, 공유...
  ShareStart,        // "share this", "follow us", "folgen sie uns"...
  AppTopic,          // "our app", "nuestra app", "unserer app", 客户端, 앱...
  AppAction,         // download, notifications, install, 下载, 다운로드, 알림...
  Navigation,        // home, menu, search, "skip to content", 首页, 홈...
  Footer,            // footer links: "contact us", "impressum", 关于我们...
  FooterStrong,      // "all rights reserved", 版权所有, 무단 전재 및 재배포 금지
  Advertisement,     // advertisement, sponsored, anzeige, 广告, 광고...
  AdPhrase,          // "story continues below advertisement"...
  Related,           // "related articles", "read more", 相关文章, 관련 기사...
  CaptionPrefix,     // "image", "photo", "foto", 사진, 图片 at a line start
  CaptionCredit,     // getty images, reuters, afp, dpa, 연합뉴스, 新华社...
  CaptionAi,         // "ai-generated image", "ai 生成的图像", "ki-generiertes bild"
  BylineStart,       // "by", "von", "por", "reported by", "记者", "作者"
  BylineTag,         // 기자, 특파원, 记者, 通讯员 anywhere in a short line
  AiLabel,           // "reported by ai", "mit ki erstellt", "本文由ai生成"
  TimeWord,          // published, updated, veröffentlicht, 发布时间, 입력...
  Ago,               // "ago", "il y a", "小时前", "시간 전"
  AgoUnit,           // hours, minutes, stunden, horas... ("vor 3 Stunden")
  Month,             // month names (en, de, es, fr)
  ReadTime,          // "min read", "lesezeit", "阅读时间"
  Comment,           // comment sections: "37 comments", "leave a reply", "reply", 评论, 댓글
  Filing,            // tag and category labels: "tags", "filed under", "schlagwörter", 标签, 태그
  ScriptNotice,      // "requires javascript", "enable javascript", "javascript aktivieren"
  CaptionPlace,      // where the photo is: "above", "left", "links", "à gauche", "izquierda"
  kCount
};

inline constexpr std::size_t kCueCount = static_cast<std::size_t>(Cue::kCount);

// Characters a key keeps (letters, digits, combining marks, ©); CJK test.
[[nodiscard]] bool keeps(char32_t cp);
[[nodiscard]] inline bool is_cjk_cp(char32_t cp) { return unicode::is_cjk(unicode::script_of(cp)); }

// The key of a block (see above), from at most `max_bytes` of its text.
[[nodiscard]] std::string make_key(std::string_view text, std::size_t max_bytes);
// The same, also handing over the folded text the key was made from (the
// repaired, folded first `max_bytes`), so a caller needing both folds once.
[[nodiscard]] std::string make_key(std::string_view text, std::size_t max_bytes, std::string& folded_out);

// Where the cues occur in one key.
struct CueHits {
  std::array<std::uint16_t, kCueCount> count{};     // matches per cue
  std::array<std::uint16_t, kCueCount> covered{};   // key bytes (not spaces) inside matches
  std::array<bool, kCueCount> at_start{};           // a match starts at key position 0
  std::array<std::uint16_t, kCueCount> start_end{}; // key byte where the longest match at 0 ends
  std::size_t letters = 0;                          // key bytes that are not spaces

  [[nodiscard]] bool has(Cue c) const { return count[static_cast<std::size_t>(c)] > 0; }
  [[nodiscard]] bool starts(Cue c) const { return at_start[static_cast<std::size_t>(c)]; }
  // Fraction of the key's non-space bytes covered by matches of the cue.
  [[nodiscard]] double coverage(Cue c) const;
  // The same for the union of several cues.
  double union_coverage = 0;  // filled by scan_cues for the cues in `union_mask`
};

// Scan a key for every cue. `union_mask` (bit i = Cue i) selects the cues
// whose combined coverage lands in CueHits::union_coverage.
[[nodiscard]] CueHits scan_cues(std::string_view key, std::uint32_t union_mask = 0);

[[nodiscard]] constexpr std::uint32_t bit(Cue c) { return std::uint32_t{1} << static_cast<unsigned>(c); }

// The phrases behind one cue, each written as its own key.
struct PhraseList {
  Cue cue;
  std::span<const std::string_view> phrases;
};
// Every list scan_cues looks for (for tests and tools).
[[nodiscard]] std::span<const PhraseList> phrase_lists();

// Raw-text phrases that mark an inline photo credit ("Photograph: ...",
// "Foto: ...", "사진=..."), searched in the folded text, not the key.
[[nodiscard]] bool has_credit_label(std::string_view folded);

// Whether the folded text names an archive or handout photo ("file photo",
// "undated photo", "Archivbild", "foto de archivo", "资料图片", "자료사진"):
// how a news agency's caption says where its picture comes from. (Each phrase
// holds a word of the CaptionPrefix list: callers ask only blocks that have one.)
[[nodiscard]] bool names_archive_photo(std::string_view folded);
[[nodiscard]] std::span<const std::string_view> archive_photo_phrases();  // (for tests)

// How the folded text ends: with a photo credit — a short tail after the
// last full stop or inside final parentheses that names an agency or photo
// service and is marked as a credit ("(Photo by J. Doe/Getty Images)",
// "... le 11 mars. LUDOVIC MARIN / AFP"); captions end like that, body
// sentences quoting an agency ("..., Reuters reported.") do not — and, of
// those, with one in final parentheses that names a photo ("... Tuesday,
// Jan. 15, 2008. (AP Photo/Jane Doe)"): a caption however long; an article's
// paragraph does not end like that ("(Reporting by ...)").
inline constexpr std::size_t kCreditTailMaxBytes = 80;
enum class CreditTail : std::uint8_t { None, Credit, PhotoCredit };
[[nodiscard]] CreditTail credit_tail(std::string_view folded);

}  // namespace precis::noise
