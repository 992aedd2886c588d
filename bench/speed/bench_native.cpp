// precis_bench — native throughput of the whole pipeline, with OTS (Debian's
// Open Text Summarizer, libots-1) timed in the same process on the same texts.
//
//   precis_bench --data ../shared/data/bbc-dev.jsonl [--passes 5] [--long-passes 3]
//                [--long build/bench/inputs/100K.txt ...] [--limit N] [--no-ots] [--no-docs]
//                [--ots-max-bytes 2000000] [--wall] [--profile]
//
// The long inputs are files made by bench/speed/inputs.mjs (the same bytes the
// wasm benchmarks read). --profile summarizes each document (and long file)
// once, precis only, for callgrind.
//
// Prints one JSON object on stdout (progress goes to stderr). Every number is
// a median over passes; inside each pass precis, its JSON path and OTS take
// turns over all documents (not document by document, which let whichever
// ran second find the text warm), so all see the same machine load. `core` is precis::summarize
// alone; `abi` is what the wasm module does per call (parse the JSON request,
// summarize, render the JSON response), so native and wasm are comparable.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>
#include <time.h>

#include <nlohmann/json.hpp>

#include "json.hpp"
#include "precis/precis.hpp"

#ifdef PRECIS_BENCH_OTS
// libots-1's API, declared here so the bench needs only the shared library
// (libots-dev's header pulls in glib's development headers). Signatures from
// /usr/include/libots-1/ots/libots.h (OTS 0.5.0); gboolean is int, and the
// text OTS returns is g_malloc'd, which is malloc since GLib 2.46.
extern "C" {
struct OtsArticle;
OtsArticle* ots_new_article(void);
void ots_free_article(OtsArticle* art);
void ots_parse_stream(const unsigned char* utf8, std::size_t len, OtsArticle* doc);
int ots_load_xml_dictionary(OtsArticle* doc, const unsigned char* name);
void ots_grade_doc(OtsArticle* doc);
void ots_highlight_doc_lines(OtsArticle* doc, int lines);
unsigned char* ots_get_doc_text(const OtsArticle* doc, std::size_t* out_len);
}
#endif

namespace {

using Clock = std::chrono::steady_clock;

// Thread CPU time: on a shared, loaded machine wall time mostly measures the
// other jobs; CPU time of this thread does not (caches are still shared).
// Timing defaults to CPU time; --wall switches to wall time.
bool g_wall = false;
double now_ms() {
  if (g_wall) return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::size_t g_sink = 0;  // keeps results observable

struct Args {
  std::string data = "../shared/data/bbc-dev.jsonl";
  int passes = 5;
  int long_passes = 3;
  std::vector<std::string> long_files;  // made by bench/speed/inputs.mjs
  bool profile = false;
  std::size_t limit = 0;
  bool ots = true;
  bool docs = true;
  std::size_t ots_max_bytes = 2'000'000;  // OTS grows faster than linearly: 10 MB takes many minutes
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string_view f = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "precis_bench: " << f << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (f == "--data") a.data = value();
    else if (f == "--passes") a.passes = std::max(1, std::atoi(value().c_str()));
    else if (f == "--long-passes") a.long_passes = std::max(1, std::atoi(value().c_str()));
    else if (f == "--long") a.long_files.push_back(value());
    else if (f == "--profile") a.profile = true;
    else if (f == "--limit") a.limit = std::strtoull(value().c_str(), nullptr, 10);
    else if (f == "--no-ots") a.ots = false;
    else if (f == "--no-docs") a.docs = false;
    else if (f == "--wall") g_wall = true;
    else if (f == "--ots-max-bytes") a.ots_max_bytes = std::strtoull(value().c_str(), nullptr, 10);
    else {
      std::cerr << "precis_bench: unknown flag " << f << "\n";
      std::exit(2);
    }
  }
  return a;
}

std::vector<std::string> read_texts(const std::string& path, std::size_t limit) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "precis_bench: cannot read " << path << "\n";
    std::exit(1);
  }
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto row = nlohmann::json::parse(line, nullptr, false);
    if (row.is_discarded() || !row.contains("text") || !row["text"].is_string()) continue;
    texts.push_back(row["text"].get<std::string>());
    if (limit && texts.size() >= limit) break;
  }
  return texts;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "precis_bench: cannot read " << path << "\n";
    std::exit(1);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "build/bench/inputs/1M.txt" -> "1M"
std::string label_of(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.substr(0, name.find('.'));
}

precis::Options bench_options() {
  precis::Options o;
  o.budget = {precis::BudgetUnit::Sentences, 3};
  return o;
}

double time_core(const std::string& text, const precis::Options& options) {
  const double t0 = now_ms();
  const precis::Outcome out = precis::summarize(text, options);
  const double ms = now_ms() - t0;
  g_sink += out.result.summary.size() + (out.error ? 1 : 0);
  return ms;
}

std::string request_json(const std::string& text) {
  nlohmann::json r;
  r["text"] = text;
  r["options"] = {{"sentences", 3}};
  return r.dump();
}

// What precis_summarize in the wasm module does, natively.
double time_abi(const std::string& request) {
  const double t0 = now_ms();
  auto parsed = precis::json::parse_request(request);
  std::string response;
  if (auto* e = std::get_if<precis::Error>(&parsed)) response = precis::json::render_error(*e);
  else {
    auto& r = std::get<precis::json::Request>(parsed);
    response = precis::json::render(precis::summarize(r.text, r.options));
  }
  const double ms = now_ms() - t0;
  g_sink += response.size();
  return ms;
}

#ifdef PRECIS_BENCH_OTS
struct OtsTime {
  double total = 0;  // everything a caller does: new article, dictionary, parse, grade, select, text, free
  double dict = 0;   // of which loading the English dictionary (the API loads it per article)
};

OtsTime time_ots(const std::string& text) {
  OtsTime t;
  const double t0 = now_ms();
  OtsArticle* a = ots_new_article();
  const double td = now_ms();
  if (!ots_load_xml_dictionary(a, reinterpret_cast<const unsigned char*>("en"))) {
    std::cerr << "precis_bench: OTS could not load its English dictionary\n";
    std::exit(1);
  }
  t.dict = now_ms() - td;
  ots_parse_stream(reinterpret_cast<const unsigned char*>(text.data()), text.size(), a);
  ots_grade_doc(a);
  ots_highlight_doc_lines(a, 3);
  std::size_t n = 0;
  unsigned char* out = ots_get_doc_text(a, &n);
  g_sink += n;
  std::free(out);
  ots_free_article(a);
  t.total = now_ms() - t0;
  return t;
}
#endif

double mbps(double bytes, double ms) { return ms > 0 ? bytes / 1e6 / (ms / 1e3) : 0; }

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse_args(argc, argv);
  const std::vector<std::string> texts = read_texts(args.data, args.limit);
  const precis::Options options = bench_options();
#ifdef PRECIS_BENCH_OTS
  const bool ots = args.ots;
#else
  const bool ots = false;
#endif
  nlohmann::json report;
  report["tool"] = "precis_bench";
  report["data"] = args.data;
  report["passes"] = args.passes;
  report["options"] = {{"sentences", 3}};
  report["otsAvailable"] = ots;
  report["clock"] = g_wall ? "wall" : "thread-cpu";

  if (args.profile) {
    // For callgrind: precis::summarize once per document, nothing else.
    std::size_t bytes = 0;
    for (const auto& t : texts) {
      bytes += t.size();
      time_core(t, options);
    }
    for (const std::string& path : args.long_files) {
      const std::string text = read_file(path);
      bytes += text.size();
      time_core(text, options);
    }
    report["profileBytes"] = bytes;
    report["sink"] = g_sink;
    std::cout << report.dump(2) << "\n";
    return 0;
  }
  if (args.docs && !texts.empty()) {
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    std::vector<std::string> requests;
    for (const auto& t : texts) requests.push_back(request_json(t));
    const std::size_t n = texts.size();
    std::vector<std::vector<double>> core(n), abi(n), ots_total(n), ots_dict(n);
    // Warm-up pass (ICU data, allocator), not counted.
    for (const auto& t : texts) time_core(t, options);
    for (int p = 0; p < args.passes; ++p) {
      std::cerr << "docs pass " << (p + 1) << "/" << args.passes << "\n";
      // Each system over every document in turn, within each pass: one
      // run right after another on the same text would find that text (and
      // the allocator) warm, and one right after OTS its caches cold.
      for (std::size_t i = 0; i < n; ++i) core[i].push_back(time_core(texts[i], options));
      for (std::size_t i = 0; i < n; ++i) abi[i].push_back(time_abi(requests[i]));
#ifdef PRECIS_BENCH_OTS
      for (std::size_t i = 0; ots && i < n; ++i) {
        const OtsTime t = time_ots(texts[i]);
        ots_total[i].push_back(t.total);
        ots_dict[i].push_back(t.dict);
      }
#endif
    }
    auto summarize_set = [&](const std::vector<std::vector<double>>& per_doc) {
      std::vector<double> medians;
      double sum = 0;
      for (const auto& v : per_doc) {
        medians.push_back(median(v));
        sum += medians.back();
      }
      return nlohmann::json{{"totalMs", sum},
                            {"msPerDoc", sum / static_cast<double>(n)},
                            {"medianMsPerDoc", median(medians)},
                            {"maxMsPerDoc", *std::max_element(medians.begin(), medians.end())},
                            {"mbPerS", mbps(static_cast<double>(bytes), sum)}};
    };
    nlohmann::json d;
    d["documents"] = n;
    d["bytes"] = bytes;
    d["precisCore"] = summarize_set(core);
    d["precisAbi"] = summarize_set(abi);
    if (ots) {
      d["otsInProcess"] = summarize_set(ots_total);
      std::vector<std::vector<double>> ots_nodict(n);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < ots_total[i].size(); ++k) ots_nodict[i].push_back(ots_total[i][k] - ots_dict[i][k]);
      }
      d["otsInProcessNoDictionary"] = summarize_set(ots_nodict);
      const double pc = d["precisCore"]["totalMs"].get<double>();
      d["ratioPrecisOverOts"] = pc / d["otsInProcess"]["totalMs"].get<double>();
      d["ratioPrecisOverOtsNoDictionary"] = pc / d["otsInProcessNoDictionary"]["totalMs"].get<double>();
    }
    report["docs"] = d;
  }

  nlohmann::json longs = nlohmann::json::array();
  for (const std::string& path : args.long_files) {
    const std::string text = read_file(path);
    std::cerr << "long input " << path << ": " << text.size() << " bytes\n";
    std::vector<double> core;
    time_core(text, options);  // warm-up
    for (int p = 0; p < args.long_passes; ++p) core.push_back(time_core(text, options));
    nlohmann::json row{{"label", label_of(path)}, {"bytes", text.size()}};
    const double c = median(core);
    row["precisCore"] = {{"ms", c}, {"mbPerS", mbps(static_cast<double>(text.size()), c)}};
#ifdef PRECIS_BENCH_OTS
    if (ots && text.size() <= args.ots_max_bytes) {
      // One pass: OTS is slow on long texts.
      const OtsTime t = time_ots(text);
      row["otsInProcess"] = {{"ms", t.total}, {"mbPerS", mbps(static_cast<double>(text.size()), t.total)}};
      row["ratioPrecisOverOts"] = c / t.total;
    } else if (ots) {
      row["otsInProcess"] = {{"skipped", "longer than --ots-max-bytes"}};
    }
#endif
    longs.push_back(row);
  }
  report["long"] = longs;
  // time(big) / time(small), and the same divided by the byte ratio (1 = linear).
  auto find = [&](std::string_view label) -> const nlohmann::json* {
    for (const auto& r : longs)
      if (r["label"].get<std::string>() == label) return &r;
    return nullptr;
  };
  auto scaling = [&](std::string_view small, std::string_view big) -> nlohmann::json {
    const auto *a = find(small), *b = find(big);
    if (!a || !b) return nullptr;
    const double ratio = (*b)["precisCore"]["ms"].get<double>() / (*a)["precisCore"]["ms"].get<double>();
    const double bytes = (*b)["bytes"].get<double>() / (*a)["bytes"].get<double>();
    return {{"timeRatio", ratio}, {"bytesRatio", bytes}, {"normalized", ratio / bytes}};
  };
  report["scaling"] = {{"1M/100K", scaling("100K", "1M")}, {"10M/1M", scaling("1M", "10M")}};
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  report["processMaxRssKb"] = ru.ru_maxrss;
  report["sink"] = g_sink;
  std::cout << report.dump(2) << "\n";
  return 0;
}
