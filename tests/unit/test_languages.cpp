// Languages: detection, sentence rules and summary quality per supported
// language, on the articles of tests/corpus/languages (docs/languages.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "language.hpp"
#include "terms.hpp"
#include "precis/precis.hpp"
#include "stopwords.hpp"

using namespace precis;

namespace {

struct Article {
  std::string id, language, title, text, summary;
};

// The corpus rows are flat JSON objects of strings (JSON.stringify output):
// enough of JSON to read them is a string reader.
std::string read_json_string(std::string_view line, std::size_t& pos) {
  std::string out;
  ++pos;  // opening quote
  auto put = [&out](char32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  };
  auto hex4 = [&line](std::size_t at) { return static_cast<char32_t>(std::stoul(std::string(line.substr(at, 4)), nullptr, 16)); };
  while (pos < line.size() && line[pos] != '"') {
    if (line[pos] != '\\') {
      out += line[pos++];
      continue;
    }
    const char e = line[pos + 1];
    pos += 2;
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        char32_t cp = hex4(pos);
        pos += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && line.substr(pos, 2) == "\\u") {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(pos + 2) - 0xDC00);
          pos += 6;
        }
        put(cp);
        break;
      }
      default: out += e;  // \" \\ \/
    }
  }
  ++pos;  // closing quote
  return out;
}

Article parse_row(std::string_view line) {
  Article a;
  std::size_t pos = line.find('"');
  while (pos != std::string_view::npos && pos < line.size()) {
    const std::string key = read_json_string(line, pos);
    pos = line.find('"', pos);
    const std::string value = read_json_string(line, pos);
    if (key == "id") a.id = value;
    if (key == "language") a.language = value;
    if (key == "title") a.title = value;
    if (key == "text") a.text = value;
    if (key == "summary") a.summary = value;
    pos = line.find('"', pos);
  }
  return a;
}

std::vector<Article> articles(const std::string& language) {
  std::ifstream in(std::string(PRECIS_LANGUAGE_CORPUS) + "/" + language + ".jsonl");
  REQUIRE(in.good());
  std::vector<Article> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(parse_row(line));
  }
  return out;
}

Result run(std::string_view text, const Options& options = {}) {
  Outcome o = summarize(text, options);
  REQUIRE_FALSE(o.error);
  return o.result;
}

std::vector<std::string> texts(const Result& r) {
  std::vector<std::string> out;
  for (const Sentence& s : r.sentences) out.push_back(s.text);
  return out;
}

// Per language: every article is detected as its language; its key
// sentences (the `summary`, copied from the text) come out of segmentation
// as whole sentences; and with a budget of that many sentences, precis
// selects about as many of them as the lead baseline (the first sentences)
// over the language's articles: at least two thirds as many, and at least a
// third of them.
//
// Why against the lead: these 3 short articles per language (9 key
// sentences) were labelled for this project, and editors agree on only
// ~50-60% of their sentences; the lead gets 33-67% here (bench/languages.mjs).
// How well precis chooses is measured on human summaries (bench/quality);
// this test guards against a language falling clearly below the trivial
// baseline (broken segmentation, wrong stopwords, terms that never match).
void check_language(const std::string& language) {
  const std::vector<Article> rows = articles(language);
  REQUIRE(rows.size() >= 3);
  std::size_t keys_total = 0, hits_total = 0, lead_total = 0;
  for (const Article& a : rows) {
    INFO(a.id);
    Options probe;
    probe.budget = {BudgetUnit::Sentences, 1};
    const Result all = run(a.text, probe);
    CHECK(all.language == language);
    REQUIRE(all.title);
    CHECK(all.title->text == a.title);

    // The key sentences, in text order, joined as the corpus joins them.
    const std::string separator = language == "zh" || language == "ja" ? "" : " ";
    std::string joined;
    std::vector<std::size_t> keys;
    for (std::size_t i = 0; i < all.sentences.size(); ++i) {
      if (a.summary.find(all.sentences[i].text) == std::string::npos) continue;
      joined += (keys.empty() ? "" : separator) + all.sentences[i].text;
      keys.push_back(i);
    }
    CHECK(joined == a.summary);  // each key sentence is one sentence of precis
    REQUIRE(keys.size() >= 2);

    Options options;
    options.budget = {BudgetUnit::Sentences, static_cast<double>(keys.size())};
    const Result r = run(a.text, options);
    REQUIRE(r.sentences.size() == all.sentences.size());
    for (std::size_t i : keys) {
      hits_total += r.sentences[i].selected ? 1 : 0;
      lead_total += i < keys.size() ? 1 : 0;
    }
    keys_total += keys.size();
  }
  INFO(language << ": " << hits_total << " of " << keys_total << " key sentences selected, the lead has "
                << lead_total);
  CHECK(3 * hits_total >= 2 * lead_total);
  CHECK(3 * hits_total >= keys_total);
}

std::size_t sentence_count(const Article& a) { return run(a.text).sentences.size(); }

}  // namespace

// ------------------------------------------------------- one per language

TEST_CASE("language en: detection, segmentation, key sentences", "[languages]") {
  check_language("en");
  const auto rows = articles("en");
  CHECK(sentence_count(rows[0]) == 10);
}

TEST_CASE("language es: detection, ¿…? and ¡…! sentences, key sentences", "[languages]") {
  check_language("es");
  const auto rows = articles("es");
  const Result r = run(rows[0].text);
  CHECK(r.sentences.size() == 10);
  const auto s = texts(r);
  CHECK(std::find(s.begin(), s.end(), "¿Es suficiente para salvar las cosechas?") != s.end());
  CHECK(testing::sentences_of("¿Vienes mañana? ¡Claro que sí! Nos vemos a las 5.", "es") ==
        std::vector<std::string>{"¿Vienes mañana?", "¡Claro que sí!", "Nos vemos a las 5."});
}

TEST_CASE("language fr: detection, segmentation, key sentences", "[languages]") {
  check_language("fr");
  CHECK(sentence_count(articles("fr")[1]) == 10);
}

TEST_CASE("language de: detection, ordinals, key sentences", "[languages]") {
  check_language("de");
  const auto rows = articles("de");
  const auto s = texts(run(rows[1].text));
  CHECK(s.size() == 10);
  CHECK(std::find(s.begin(), s.end(), "Die Arbeiten dauern vom 12. Juli bis zum 20. September.") != s.end());
  // A number with a full stop is an ordinal after a function word only.
  CHECK(testing::sentences_of("Er belegte den 3. Platz im Rennen. Danach fuhr er heim.", "de") ==
        std::vector<std::string>{"Er belegte den 3. Platz im Rennen.", "Danach fuhr er heim."});
  CHECK(testing::sentences_of("Der Verein wurde in der Liga nur Platz 3. Trainer Roth muss gehen.", "de") ==
        std::vector<std::string>{"Der Verein wurde in der Liga nur Platz 3.", "Trainer Roth muss gehen."});
}

TEST_CASE("language it: detection, segmentation, key sentences", "[languages]") {
  check_language("it");
  CHECK(sentence_count(articles("it")[0]) == 10);
}

TEST_CASE("language pt: detection, segmentation, key sentences", "[languages]") {
  check_language("pt");
  CHECK(sentence_count(articles("pt")[1]) == 9);
}

TEST_CASE("language nl: detection, segmentation, key sentences", "[languages]") {
  check_language("nl");
  CHECK(sentence_count(articles("nl")[2]) == 10);
}

TEST_CASE("language ru: detection, segmentation, key sentences", "[languages]") {
  check_language("ru");
  CHECK(sentence_count(articles("ru")[0]) == 9);
}

TEST_CASE("language pl: detection, segmentation, key sentences", "[languages]") {
  check_language("pl");
  const auto s = texts(run(articles("pl")[0].text));
  CHECK(s.size() == 9);
  // "Euro 4." is not an ordinal: no function word before it.
  CHECK(s.at(0) ==
        "Od 1 lipca do centrum Krakowa nie wjadą najstarsze samochody z silnikami Diesla, które nie spełniają "
        "normy Euro 4.");
}

TEST_CASE("language tr: detection, segmentation, key sentences", "[languages]") {
  check_language("tr");
  CHECK(sentence_count(articles("tr")[1]) == 9);
}

TEST_CASE("language ar: detection, ؟ ends a sentence, key sentences", "[languages]") {
  check_language("ar");
  const auto s = texts(run(articles("ar")[0].text));
  CHECK(s.size() == 9);
  CHECK(std::find(s.begin(), s.end(), "فهل تكفي هذه المحطة لحل المشكلة؟") != s.end());
  CHECK(std::find(s.begin(), s.end(), "يرى الخبراء أنها خطوة مهمة لكنها ليست كافية وحدها.") != s.end());
}

TEST_CASE("language id: detection, segmentation, key sentences", "[languages]") {
  check_language("id");
  CHECK(sentence_count(articles("id")[1]) == 9);
}

TEST_CASE("language zh: detection, 。！？ and half-width forms, key sentences", "[languages]") {
  check_language("zh");
  const auto s = texts(run(articles("zh")[0].text));
  CHECK(s.size() == 10);
  CHECK(std::find(s.begin(), s.end(), "一位退休教师说：“以前去医院要换两次公交，现在坐地铁很方便！”") != s.end());
  CHECK(testing::sentences_of("今天天气很好！你去哪儿？我去学校。天气不错!走吧?好的｡", "zh") ==
        std::vector<std::string>{"今天天气很好！", "你去哪儿？", "我去学校。", "天气不错!", "走吧?", "好的｡"});
}

TEST_CASE("language ja: detection, 。｡ and quoted 「…！」と, key sentences", "[languages]") {
  check_language("ja");
  const auto rows = articles("ja");
  const auto s = texts(run(rows[2].text));
  CHECK(s.size() == 8);
  // A sentence may start with a lowercase Latin word after 。
  CHECK(std::find(s.begin(), s.end(), "iPS細胞を使った角膜の移植は世界で初めてだという。") != s.end());
  // A quote that ends in ！ goes on with the particle と.
  CHECK(std::find(s.begin(), s.end(), "専門家からは「画期的な成果だ！」と評価する声が上がっている。") != s.end());
  CHECK(testing::sentences_of("東京は晴れ｡大阪は雨｡彼は「本当ですか？」と聞いた。はい。", "ja") ==
        std::vector<std::string>{"東京は晴れ｡", "大阪は雨｡", "彼は「本当ですか？」と聞いた。", "はい。"});
}

TEST_CASE("language ko: detection, segmentation, key sentences", "[languages]") {
  check_language("ko");
  CHECK(sentence_count(articles("ko")[1]) == 8);
}

// ------------------------------------------------------------------ terms

TEST_CASE("terms: Japanese bigrams stay within Han and Katakana stretches", "[languages]") {
  const std::string text = "東京都はデジタル授業料を無償化する。";
  unicode::Breaker breaker;
  const Terms terms = extract_terms(text, {{0, text.size(), 0, 0}}, std::nullopt, "ja", breaker);
  auto has = [&terms](std::string_view t) {
    return std::find(terms.vocabulary.begin(), terms.vocabulary.end(), t) != terms.vocabulary.end();
  };
  for (std::string_view t : {"東京", "京都", "デジ", "タル", "授業", "業料", "無償", "償化"}) CHECK(has(t));
  // No term bridges Han and kana, and the hiragana particles and endings give none.
  for (std::string_view t : {"都は", "はデ", "ルの", "料を", "を無", "化す", "する", "は", "を"}) CHECK_FALSE(has(t));
  // Chinese: one Han run, plain bigrams.
  const std::string zh = "杭州地铁开通";
  const Terms zh_terms = extract_terms(zh, {{0, zh.size(), 0, 0}}, std::nullopt, "zh", breaker);
  CHECK(zh_terms.vocabulary == std::vector<std::string>{"杭州", "州地", "地铁", "铁开", "开通"});
}

// ------------------------------------------------------------- detection

TEST_CASE("detection: scripts and stopwords", "[languages]") {
  CHECK(detect_language("Rada miasta przyjęła uchwałę w środę po konsultacjach.") == "pl");
  CHECK(detect_language("Київ оголосив про нові обмеження електроенергії для всіх районів міста.") == "uk");
  CHECK(detect_language("Москва объявила о новых ограничениях для всех районов.") == "ru");
  CHECK(detect_language("Merkez Bankası, gerekirse para politikasını yeniden sıkılaştırmaya hazır olduğunu vurguladı.") ==
        "tr");  // "para" is a Spanish stopword; ı decides
  CHECK(detect_language("서울시는 내년부터 심야 자율주행 버스 노선을 늘린다고 밝혔다.") == "ko");
  CHECK(detect_language("גשם כבד ירד היום בירושלים ובתל אביב.") == "he");
  // Japanese by its kana, even in a headline with few of them.
  CHECK(detect_language("東京都、来年度から高校授業料を完全無償化へ") == "ja");
  CHECK(detect_language("杭州地铁新线开通，日均客流预计三十万人次。") == "zh");
  // Persian is written in Arabic script with letters Arabic lacks: not "ar".
  CHECK(detect_language("تهران امروز گرم‌ترین روز سال را پشت سر گذاشت و مردم در خانه ماندند.") == "und");
}

TEST_CASE("detection: short or ambiguous text is und, not a guess", "[languages]") {
  CHECK(detect_language("") == "und");
  CHECK(detect_language("12345 !!! ...") == "und");
  CHECK(detect_language("Hello.") == "und");
  CHECK(detect_language("Banjir di Kalimantan.") == "und");  // "di": Italian and Indonesian
  // "the" and "on" are in the English and (oddly) the Finnish list: a tie on
  // three words is und; one more English function word decides.
  CHECK(detect_language("The council approved the plan on Tuesday.") == "und");
  CHECK(detect_language("The council said it would approve the plan on Tuesday.") == "en");
}

TEST_CASE("detection: the body's language wins on a mixed-script page", "[languages]") {
  const std::string page =
      "Council approves tram line\n\n"
      "The city council has approved a new tram line linking the northern suburbs to the centre. "
      "Councillors voted 38 to 21 in favour after a long meeting on Tuesday night.\n\n"
      "杭州地铁十号线二期工程于本周六正式开通运营。\n\n"
      "Construction is due to start next spring, and the line should open in 2029. "
      "The council will borrow part of the money it needs for the project.\n";
  const Result r = run(page);
  CHECK(r.language == "en");
  // The cleaning stage sets the Chinese teaser aside as another language's block.
  const auto teaser = std::find_if(r.blocks.begin(), r.blocks.end(),
                                   [](const Block& b) { return b.text.find("杭州") != std::string::npos; });
  REQUIRE(teaser != r.blocks.end());
  CHECK(teaser->kind == BlockKind::Noise);
  CHECK(teaser->reason == NoiseReason::OtherLanguage);
  for (const Sentence& s : r.sentences) {
    if (s.selected) CHECK(s.text.find("杭州") == std::string::npos);
  }
  // Chinese with Latin brand names is still Chinese.
  CHECK(run("苹果公司发布了新款 iPhone 和 MacBook 电脑。这些产品将在下个月上市，价格比去年略高。").language == "zh");
}

TEST_CASE("detection: the caller's language overrides it and changes the stopwords", "[languages]") {
  const std::string german =
      "Die Bahn streicht im Sommer mehr als 300 Verbindungen, weil die Strecke saniert wird. "
      "Die Arbeiten dauern bis September. Die Bahn spricht von der größten Baustelle ihrer Geschichte.";
  auto keyword_texts = [](const Result& r) {
    std::vector<std::string> out;
    for (const Keyword& k : r.keywords) out.push_back(k.text);
    return out;
  };
  const Result detected = run(german);
  CHECK(detected.language == "de");
  const auto good = keyword_texts(detected);
  CHECK(std::find(good.begin(), good.end(), "Die") == good.end());

  // Without cleaning: with it, a German block under a caller's "en" is
  // removed as another language's block (the override says what to keep).
  Options english;
  english.language = "en";
  english.clean = false;
  const Result forced = run(german, english);
  CHECK(forced.language == "en");
  const auto bad = keyword_texts(forced);  // German function words are now content words
  CHECK(std::find(bad.begin(), bad.end(), "Die") != bad.end());
  CHECK(forced.sentences.size() == detected.sentences.size());
}

TEST_CASE("unsupported scripts: Thai, Lao, Khmer, Burmese do not break the core", "[languages]") {
  const std::vector<std::string> inputs = {
      "กรุงเทพมหานครประกาศมาตรการใหม่เพื่อลดฝุ่นละออง ประชาชนควรสวมหน้ากากเมื่อออกจากบ้าน",
      "ວຽງຈັນປະກາດມາດຕະການໃໝ່ ປະຊາຊົນຄວນໃສ່ໜ້າກາກ",
      "ភ្នំពេញប្រកាសវិធានការថ្មី។ ប្រជាជនគួរពាក់ម៉ាស់។",
      "ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းခဲ့သည်။ လမ်းများ ရေလွှမ်းခဲ့သည်။",
  };
  for (const std::string& text : inputs) {
    INFO(text);
    for (const Mode mode : {Mode::Extract, Mode::Headline}) {
      Options options;
      options.mode = mode;
      const Result r = run(text, options);
      CHECK_FALSE(r.sentences.empty());
      CHECK_FALSE(r.summary.empty());
    }
  }
  CHECK(detect_language(inputs[0]) == "th");
  CHECK(detect_language(inputs[1]) == "und");
  CHECK(detect_language(inputs[2]) == "und");
  CHECK(detect_language(inputs[3]) == "und");
  // Burmese ။ ends a sentence.
  CHECK(run(inputs[3]).sentences.size() == 2);
}

TEST_CASE("stopword lists: sorted, and contains() finds exactly their words", "[languages]") {
  std::size_t total = 0;
  for (const StopwordList& list : stopword_lists()) {
    INFO("language " << list.language);
    REQUIRE(!list.words.empty());
    REQUIRE(list.words.back() == '\n');
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < list.words.size();) {
      const std::size_t end = list.words.find('\n', start);
      words.push_back(list.words.substr(start, end - start));
      start = end + 1;
    }
    CHECK(std::is_sorted(words.begin(), words.end()));
    CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
    for (const std::string_view w : words) {
      CHECK(!w.empty());
      CHECK(contains(list, w));
      // Neighbours in byte order that are not words themselves are not found.
      for (const std::string& probe : {std::string(w) + "\x01", std::string(w.substr(0, w.size() - 1)),
                                       std::string(w) + "\xF4", std::string("\x01") + std::string(w)}) {
        CHECK(contains(list, probe) == std::binary_search(words.begin(), words.end(), probe));
      }
    }
    CHECK_FALSE(contains(list, ""));
    CHECK_FALSE(contains(list, "\n"));
    total += words.size();
  }
  CHECK(total > 6000);
}
