#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/ (run from anywhere; the files
are committed, this script documents how they were made). Summarize seeds are
4 option bytes (see fuzz_summarize.cpp) followed by the text; request seeds are
JSON requests as the CLI's --jsonl mode and the wasm module read them."""
import json, os

here = os.path.dirname(os.path.abspath(__file__))

ARTICLES = {
  "news_en": """Town opens new library after years of delay

The new public library in Eastbridge opened its doors on Monday, three years later than planned.
The building cost 12 million pounds and has space for 80,000 books. Mayor Ann Clarke said the library would
"give every child in the town a quiet place to read". Construction was halted twice, first by a funding gap
and then by flooding in 2023.

Local residents queued from early morning. Many brought children to the new reading room on the first floor.
The library will open seven days a week. A café and a small cinema are planned for next year.

Photo: The library entrance on opening day

Related: Council approves budget for parks""",
  "report_en": """Quarterly results

Sales rose 4% in the third quarter, helped by strong demand in Europe. Costs fell for the second quarter in a row.
Dr. J. K. Miller, the U.S. head of research, said at 5 p.m. Friday that the outlook was "cautiously positive".
The company expects growth of 3-5% next year. Analysts were less optimistic! Would the trend hold? Nobody knows...
Shares closed at $12.50, up 1.2%.""",
  "de": """Die Wahl im Herbst

Die Wahl findet am 3. Oktober statt. Alle Bürger sind eingeladen, ihre Stimme abzugeben.
Die Ergebnisse werden am späten Abend erwartet. Die Wahlbeteiligung lag beim letzten Mal bei 71 Prozent.""",
  "fr": """La ville rénove son port

Le port de la ville sera rénové l'année prochaine. Les travaux dureront deux ans, selon la mairie.
Les pêcheurs craignent une baisse de leurs revenus pendant le chantier. Une aide de l'État est prévue.""",
  "zh": "经济新闻\n\n中国经济在第三季度增长了百分之五。分析人士认为，消费需求正在恢复。出口也比去年同期有所增加。政府表示将继续支持中小企业。",
  "ja": "東京の天気\n\n今日は東京で雨が降りました。明日は晴れる予定です。週末は気温が上がるでしょう。カタカナのニュースもあります。",
  "ko": "서울의 경제\n\n서울의 경제 성장률이 높아졌다. 전문가들은 소비가 회복되고 있다고 말했다. 수출도 늘었다.",
  "ar": "الأخبار\n\nارتفعت أسعار النفط اليوم. وقال المحللون إن الطلب يتزايد. وتراجعت الأسهم في الأسواق.",
  "he": "חדשות\n\nמחירי הדלק עלו היום. האנליסטים אמרו שהביקוש גדל. המניות ירדו בבורסה.",
  "rtl_mixed": "\u202eReversed text\u202c and \u200fRLM\u200e marks. العربية with English words. עברית 123 שלום.",
  "emoji": "Party time 🎉🎉\n\nWe celebrated 🎂 with friends. The cake 🍰 was great! Everyone 😀 stayed late. 👨‍👩‍👧‍👦🏳️‍🌈🇬🇧",
  "only_emoji": "😀😃😄😁 🎉🎉🎉\n🍰🍰 👍🏽👍🏿\n\n🇫🇷🇩🇪",
  "only_punct": "... !!! ??? ;;; ::: --- ((( ))) \"\" '' ... ,,, ...\n\n!?!?.!.?",
  "combining": "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308" * 40 + "algo. Te\u0301st sentence here. Another one.",
  "html": "<html><head><title>News</title><script>alert('x');document.write('<b>')</script>"
          "<style>p{color:red}</style></head><body><h1>Big story</h1><p>First paragraph with a claim.</p>"
          "<p>Second &amp; final paragraph &lt;b&gt;.</p><img src=x onerror=alert(1)><!-- comment --></body></html>",
  "controls": "Line with\x00NUL and \x07bell. Another\x1b[31m sentence here.\r\nWindows line. Ends.\x0b\x0c\u2028Next\u2029para.\x7f\x85",
  "whitespace": " \t\n\r\n  \u00a0\u3000\u2003 \n\n\t ",
  "empty": "",
  "one_line_lists": "apple\nbanana\ncherry\napple\nbanana\ncherry\n" * 4,
  "repeated": "The same line again and again.\n" * 30,
  "urls": "Visit https://example.com/a?b=c&d=e#f or mail me@example.org. See www.test.co.uk/path. Done.",
  "numbers": "1. 2. 3. 4.5 6,7 8e9 0x1F 1/2 ½ Ⅻ ٣ १२३. Total: 100%.",
  "mixed_scripts": "English, Ελληνικά, Русский, 中文, 日本語, 한국어, हिन्दी, ไทย, ქართული. Each sentence mixes. Отлично.",
  "thai": "ข่าววันนี้\n\nฝนตกหนักในกรุงเทพ ถนนหลายสายมีน้ำท่วม ประชาชนควรหลีกเลี่ยงการเดินทาง",
  "surrogates_nonchar": "Text \uFFFE\uFFFF\U0010FFFF\U000E0001 tags. Private \uE000 use. End.",
}

INVALID = {
  "invalid_utf8_mix": b"Valid start. \xff\xfe bad \xc3\x28 truncated \xe2\x82 and overlong \xc0\xaf. Surrogate \xed\xa0\x80 here. End \xf4\x90\x80\x80.",
  "invalid_utf8_only": bytes(range(0x80, 0x100)),
  "latin1": "Caf\xe9 cr\xe8me br\xfbl\xe9e. Na\xefve r\xe9sum\xe9.".encode("latin-1"),
  "nul_only": b"\x00" * 64,
  "truncated_end": "Sentence one. Sentence two with ü".encode()[:-1],
}

OPTION_BYTES = [b"\x00\x02\x00\x0a", b"\x01\x40\x01\x05", b"\x02\x20\x02\x03", b"\x03\x10\x03\x8a",
                b"\x04\x00\x18\x05", b"\x0c\x05\x45\x20", b"\x40\x02\x00\x0a", b"\x60\x03\x01\x05"]

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

def main():
    s_dir = os.path.join(here, "corpus", "summarize")
    r_dir = os.path.join(here, "corpus", "request")
    os.makedirs(s_dir, exist_ok=True)
    os.makedirs(r_dir, exist_ok=True)
    texts = {k: v.encode("utf-8") for k, v in ARTICLES.items()}
    texts.update(INVALID)
    for i, (name, data) in enumerate(sorted(texts.items())):
        write(os.path.join(s_dir, name), OPTION_BYTES[i % len(OPTION_BYTES)] + data)
    # Requests: every option, each budget unit, bad values, malformed JSON.
    base = ARTICLES["news_en"]
    reqs = {
        "default": {"text": base},
        "sentences": {"text": base, "options": {"sentences": 2}},
        "ratio": {"text": ARTICLES["report_en"], "options": {"ratio": 0.5}},
        "words": {"text": ARTICLES["de"], "options": {"words": 20, "language": "de"}},
        "characters": {"text": ARTICLES["zh"], "options": {"characters": 40, "language": "zh"}},
        "headline": {"text": base, "options": {"mode": "headline", "headlineWords": 6, "headlineCharacters": 40}},
        "all_options": {"text": ARTICLES["fr"], "options": {
            "sentences": 3, "mode": "extract", "headlineWords": 12, "headlineCharacters": 0, "clean": False,
            "language": "fr", "keywords": 5, "redundancy": 0.8, "maxInputBytes": 100000, "timings": False,
            "weights": {"centrality": 0.2, "position": 0.2, "title": 0.15, "salience": 0.6, "backward": -0.5}}},
        "emoji": {"text": ARTICLES["emoji"], "options": {"words": 5}},
        "rtl": {"text": ARTICLES["ar"], "options": {"sentences": 1, "language": "ar"}},
        "html": {"text": ARTICLES["html"], "options": {"clean": True}},
        "controls": {"text": ARTICLES["controls"]},
        "empty": {"text": "", "options": {}},
        "too_large": {"text": base, "options": {"maxInputBytes": 10}},
        "bad_ratio": {"text": base, "options": {"ratio": 2}},
        "bad_two_budgets": {"text": base, "options": {"sentences": 2, "words": 3}},
        "bad_language": {"text": base, "options": {"language": "xx"}},
        "bad_weights": {"text": base, "options": {"weights": {"centrality": 0, "position": 0, "salience": 0}}},
        "bad_unknown": {"text": base, "options": {"foo": 1}},
        "bad_type": {"text": 5},
    }
    for name, r in reqs.items():
        write(os.path.join(r_dir, name + ".json"), json.dumps(r, ensure_ascii=(name == "rtl")).encode())
    raw = {
        "escapes.json": b'{"text":"Tab\\tnew\\nline \\u0000 nul \\ud83d\\ude00 pair \\ud800 lone. End.","options":{"keywords":3}}',
        "invalid_utf8.json": b'{"text":"bad \xff\xfe bytes \xc3\x28 here. Second sentence.","options":{"sentences":1}}',
        "malformed.json": b'{"text": "unterminated',
        "nested.json": b'{"text":"a","options":{"weights":[[[[[[[[[[1]]]]]]]]]]}}',
        "numbers.json": b'{"text":"x. y.","options":{"sentences":1e308,"keywords":-0,"headlineWords":1.5}}',
        "duplicate_keys.json": b'{"text":"a. b.","text":"c. d.","options":{"sentences":1,"sentences":2}}',
        "not_object.json": b'[1,2,3]',
    }
    for name, data in raw.items():
        write(os.path.join(r_dir, name), data)

if __name__ == "__main__":
    main()
