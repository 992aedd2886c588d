// precis — command-line summarizer.
//   precis [FILE] [--sentences N | --ratio R | --words N | --characters N] [--json] ...
// Reads stdin when no FILE is given. Exit codes: 0 success, 1 the input could
// not be read or was refused, 2 bad arguments.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "json.hpp"
#include "precis/precis.hpp"

namespace {

constexpr const char* kUsage =
    "usage: precis [FILE] [options]\n"
    "Summarize the text in FILE (or standard input) by picking its key sentences.\n"
    "\n"
    "Budget (one of; default --sentences 3):\n"
    "  --sentences N         N sentences\n"
    "  --ratio R             this fraction of the sentences, 0 < R <= 1\n"
    "  --words N             at most N words\n"
    "  --characters N        at most N characters (UTF-16 units)\n"
    "Output:\n"
    "  --json                the full result as JSON (sentences, scores, offsets, keywords, noise)\n"
    "  --headline            one headline-like sentence, cut at a word boundary\n"
    "  --headline-words N    headline word limit (default 12; 0 = none)\n"
    "  --headline-characters N  headline character limit (default 0 = none)\n"
    "  --per-section         key points per section: the budget applies to each part under a\n"
    "                        heading (Markdown #, HTML <h1>-<h6>, or heading-like lines of a long text)\n"
    "  --keywords N          number of keyphrases (default 10)\n"
    "  --timings             add per-stage timings to --json output\n"
    "  --jsonl               batch mode: read one JSON request per line ({\"text\":...,\"options\":{...}},\n"
    "                        the wasm module's format) and write one JSON response per line\n"
    "Input:\n"
    "  --no-clean            keep every block (no caption / banner / link removal)\n"
    "  --language CODE       ISO 639-1 code of the text (default: detect)\n"
    "  --redundancy X        skip sentences this similar to a chosen one (0 < X <= 1, default 0.6)\n"
    "  --max-input-bytes N   refuse larger inputs (default 16777216)\n"
    "  -h, --help            this help\n"
    "  --version             the version\n";

[[noreturn]] void fail(int code, const std::string& message) {
  std::cerr << "precis: " << message << '\n';
  std::exit(code);
}

// "options.headlineWords" -> "--headline-words", for messages about flags.
std::string flag_for(const std::string& field) {
  const std::string prefix = "options.";
  if (field.rfind(prefix, 0) != 0) return field;
  std::string flag = "--";
  for (char c : field.substr(prefix.size())) {
    if (c >= 'A' && c <= 'Z') {
      flag += '-';
      flag += static_cast<char>(c - 'A' + 'a');
    } else {
      flag += c;
    }
  }
  return flag;
}

struct Arguments {
  std::optional<std::string> file;
  bool json = false;
  bool jsonl = false;
  std::string options_json = "{";  // built from flags, parsed by precis_json
  bool first = true;

  void add(const std::string& key, const std::string& json_value) {
    options_json += (first ? "\"" : ",\"") + key + "\":" + json_value;
    first = false;
  }
};

// A flag's value, checked to look like a JSON number so it can be passed on.
std::string number_argument(const std::string& flag, const char* value) {
  char* end = nullptr;
  errno = 0;
  const double parsed = std::strtod(value, &end);
  if (*value == '\0' || *end != '\0' || errno == ERANGE || !std::isfinite(parsed)) {
    fail(2, flag + ": expected a number, got '" + value + "'");
  }
  std::ostringstream out;
  out.precision(17);
  out << parsed;
  return out.str();
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) fail(2, a + ": missing value");
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a == "--version") {
      std::cout << "precis " << precis::kVersion << '\n';
      std::exit(0);
    } else if (a == "--json") {
      args.json = true;
    } else if (a == "--jsonl") {
      args.jsonl = true;
    } else if (a == "--sentences" || a == "--ratio" || a == "--words" || a == "--characters" || a == "--keywords" ||
               a == "--redundancy" || a == "--headline-words" || a == "--headline-characters" ||
               a == "--max-input-bytes") {
      std::string key;
      bool upper = false;
      for (char c : a.substr(2)) {
        if (c == '-') {
          upper = true;
        } else {
          key += upper ? static_cast<char>(c - 'a' + 'A') : c;
          upper = false;
        }
      }
      args.add(key, number_argument(a, value()));
    } else if (a == "--headline") {
      args.add("mode", "\"headline\"");
    } else if (a == "--no-clean") {
      args.add("clean", "false");
    } else if (a == "--per-section") {
      args.add("perSection", "true");
    } else if (a == "--timings") {
      args.add("timings", "true");
    } else if (a == "--language") {
      args.add("language", json_string(value()));
    } else if (a == "-") {
      args.file.reset();
    } else if (!a.empty() && a[0] == '-') {
      fail(2, "unknown option '" + a + "' (see --help)");
    } else if (args.file) {
      fail(2, "more than one input file given ('" + *args.file + "' and '" + a + "')");
    } else {
      args.file = a;
    }
  }
  args.options_json += "}";
  return args;
}

// Reads all of `in`; C stdio reports errors through errno, never by throwing.
std::string read_all(std::FILE* in, const std::string& name) {
  std::string text;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) text.append(buffer, got);
  if (std::ferror(in)) fail(1, "cannot read " + name + ": " + std::strerror(errno));
  return text;
}

std::string read_input(const std::optional<std::string>& file) {
  if (!file) return read_all(stdin, "standard input");
  std::FILE* in = std::fopen(file->c_str(), "rb");
  if (in == nullptr) fail(1, "cannot open '" + *file + "': " + std::strerror(errno));
  std::string text = read_all(in, "'" + *file + "'");
  std::fclose(in);
  return text;
}

}  // namespace

// One response line per request line, errors included (as {"error": ...}),
// so a bad line never stops the batch. Exit code 1 if any line failed.
int run_batch(const std::string& input) {
  bool any_error = false;
  std::size_t start = 0;
  while (start < input.size()) {
    std::size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    const std::string_view line(input.data() + start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto parsed = precis::json::parse_request(line);
    std::string response;
    if (auto* e = std::get_if<precis::Error>(&parsed)) {
      response = precis::json::render_error(*e);
      any_error = true;
    } else {
      const auto& request = std::get<precis::json::Request>(parsed);
      const precis::Outcome outcome = precis::summarize(request.text, request.options);
      any_error = any_error || outcome.error.has_value();
      response = precis::json::render(outcome);
    }
    std::fwrite(response.data(), 1, response.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (std::fflush(stdout) != 0) fail(1, "cannot write the output");
  return any_error ? 1 : 0;
}

int main(int argc, char** argv) {
  const Arguments args = parse_arguments(argc, argv);
  if (args.jsonl) {
    if (!args.first) fail(2, "--jsonl takes its options from each request line, not from flags");
    return run_batch(read_input(args.file));
  }
  auto parsed = precis::json::parse_options(args.options_json);
  if (auto* e = std::get_if<precis::Error>(&parsed)) fail(2, flag_for(e->field) + ": " + e->message);
  const precis::Options& options = std::get<precis::Options>(parsed);

  const std::string text = read_input(args.file);
  const precis::Outcome outcome = precis::summarize(text, options);
  if (outcome.error) {
    const std::string where = outcome.error->field.empty() ? "" : flag_for(outcome.error->field) + ": ";
    // Messages name the option that sets a limit ("(options.maxInputBytes)"):
    // on the command line that is a flag.
    std::string message = outcome.error->message;
    const std::size_t open = message.find("(options.");
    const std::size_t close = open == std::string::npos ? open : message.find(')', open);
    if (close != std::string::npos) {
      message.replace(open + 1, close - open - 1, flag_for(message.substr(open + 1, close - open - 1)));
    }
    fail(1, where + message);
  }
  if (args.json) {
    std::cout << precis::json::render_result(outcome.result) << '\n';
  } else if (options.mode == precis::Mode::Headline) {
    std::cout << outcome.result.summary << '\n';
  } else if (options.per_section) {
    // Each section's sentences under its heading, Markdown style; a blank line between sections.
    const precis::Result& r = outcome.result;
    std::size_t current = r.sections.size();
    for (const precis::Sentence& s : r.sentences) {
      if (!s.selected) continue;
      if (s.section != current) {
        if (current != r.sections.size()) std::cout << '\n';
        current = s.section;
        const precis::Section& section = r.sections[current];
        if (!section.title.empty()) std::cout << std::string(section.level, '#') << ' ' << section.title << '\n';
      }
      std::cout << s.text << '\n';
    }
  } else {
    for (const precis::Sentence& s : outcome.result.sentences) {
      if (s.selected) std::cout << s.text << '\n';
    }
  }
  for (const std::string& note : outcome.result.notes) {
    if (!args.json) std::cerr << "precis: note: " << note << '\n';
  }
  std::cout.flush();
  if (!std::cout) fail(1, "cannot write the output");
  return 0;
}
