// The C ABI of the wasm module: JSON request in, JSON response out.
//   char* request = precis_alloc(n);  // write n UTF-8 bytes
//   char* response = precis_summarize(request, n);  // NUL-terminated JSON
//   precis_free(request); precis_free(response);
// No logic lives here: parsing and rendering are precis_json's.
#include <cstdlib>
#include <cstring>
#include <string>
#include <variant>

#include "json.hpp"

namespace {

char* to_c_string(const std::string& s) {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

}  // namespace

extern "C" {

__attribute__((export_name("precis_alloc"))) char* precis_alloc(std::size_t size) {
  return static_cast<char*>(std::malloc(size == 0 ? 1 : size));
}

__attribute__((export_name("precis_free"))) void precis_free(void* pointer) { std::free(pointer); }

// Returns a malloc'd response, or NULL when even that allocation failed.
__attribute__((export_name("precis_summarize"))) char* precis_summarize(const char* request, std::size_t length) {
  auto parsed = precis::json::parse_request(std::string_view(request, length));
  if (auto* error = std::get_if<precis::Error>(&parsed)) return to_c_string(precis::json::render_error(*error));
  auto& r = std::get<precis::json::Request>(parsed);
  return to_c_string(precis::json::render(precis::summarize(r.text, r.options)));
}

__attribute__((export_name("precis_version"))) const char* precis_version() { return precis::kVersion.data(); }

}  // extern "C"
