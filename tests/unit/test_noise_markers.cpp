#include <catch2/catch.hpp>
#include <string>

#include "noise_markers.hpp"

using namespace precis;
using noise::Cue;

TEST_CASE("every cue phrase is written as its own key") {
  // The trie is built from the phrases as written; a phrase that is not a key
  // (capitals, punctuation, a trailing space) could never match.
  std::size_t phrases = 0;
  for (const noise::PhraseList& list : noise::phrase_lists()) {
    for (std::string_view phrase : list.phrases) {
      INFO("cue " << static_cast<int>(list.cue) << ": \"" << phrase << "\"");
      CHECK(!phrase.empty());
      CHECK(noise::make_key(phrase, phrase.size()) == phrase);
      ++phrases;
    }
  }
  CHECK(phrases > 1000);
  CHECK(noise::phrase_lists().size() == noise::kCueCount);
}

TEST_CASE("every archive-photo phrase holds a caption word, the test that lets a block ask for it") {
  for (std::string_view phrase : noise::archive_photo_phrases()) {
    INFO(phrase);
    CHECK(noise::scan_cues(noise::make_key(phrase, phrase.size())).has(Cue::CaptionPrefix));
    CHECK(noise::names_archive_photo(std::string("seen here in this ") + std::string(phrase) + "."));
  }
  CHECK_FALSE(noise::names_archive_photo("the profile picture of the file"));
}

TEST_CASE("scan_cues matches whole words in alphabetic text") {
  const noise::CueHits h = noise::scan_cues(noise::make_key("Accept all cookies", 100));
  CHECK(h.has(Cue::CookieTopic));    // "cookies"
  CHECK(h.has(Cue::ConsentButton));  // "accept all cookies", "accept all", "accept"
  CHECK(h.count[static_cast<std::size_t>(Cue::ConsentButton)] == 3);
  CHECK(h.starts(Cue::ConsentButton));
  CHECK(h.start_end[static_cast<std::size_t>(Cue::ConsentButton)] == std::string_view("accept all cookies").size());
  CHECK(h.coverage(Cue::ConsentButton) == Approx(1.0));
  // A phrase inside a longer word is no match: "cookie" in "cookiecutter".
  CHECK_FALSE(noise::scan_cues("cookiecutter ideas").has(Cue::CookieTopic));
  CHECK_FALSE(noise::scan_cues("").has(Cue::CookieTopic));
}

TEST_CASE("scan_cues matches anywhere in CJK text and takes Korean particles") {
  CHECK(noise::scan_cues("本网站使用cookie").has(Cue::SiteSelf));
  CHECK(noise::scan_cues("我们的隐私政策").has(Cue::CookieTopic));
  CHECK(noise::scan_cues("쿠키를 사용합니다").has(Cue::CookieTopic));
  CHECK_FALSE(noise::scan_cues("쿠키몬스터").has(Cue::CookieTopic));
}

TEST_CASE("union coverage counts each covered letter once") {
  const std::uint32_t mask = noise::bit(Cue::CookieTopic) | noise::bit(Cue::ConsentButton);
  const noise::CueHits h = noise::scan_cues("accept all cookies now", mask);
  // "accept all cookies" covers 16 of the 19 letters.
  CHECK(h.letters == 19);
  CHECK(h.union_coverage == Approx(16.0 / 19.0));
}
