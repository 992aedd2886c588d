// Smoke test of the WebAssembly ICU build (toolchain/build-icu-wasm.sh).
// Built twice, against the wasm ICU (run with node) and against the system ICU
// (native); the two outputs must be identical. Exits non-zero on any ICU error.
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using icu::BreakIterator;
using icu::RuleBasedBreakIterator;
using icu::UnicodeString;

namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        std::fprintf(stderr, "ICU ERROR: %s failed: %s\n", what, u_errorName(status));
        std::exit(1);
    }
}

std::string utf8(const UnicodeString& s) {
    std::string out;
    return s.toUTF8String(out);
}

const char kText[] = "Mr. Smith went to Washington. He arrived at 5 p.m. today. 你好。世界！";

// The break iterators as precis opens them (core/src/unicode.cpp): the root
// locale's compiled rules straight from the data (brkitr/<name>.brk), no
// locale or resource-bundle lookup. The iterator adopts the UDataMemory.
std::unique_ptr<RuleBasedBreakIterator> open_rules(const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    UDataMemory* data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "brk", name, &status);
    check(status, "udata_open(brkitr/*.brk)");
    std::unique_ptr<RuleBasedBreakIterator> bi(new RuleBasedBreakIterator(data, status));
    check(status, "RuleBasedBreakIterator(UDataMemory*)");
    return bi;
}

void sentences() {
    std::unique_ptr<RuleBasedBreakIterator> bi = open_rules("sent");
    const UnicodeString text = UnicodeString::fromUTF8(kText);
    bi->setText(text);
    std::printf("sentence UTF-16 boundaries:");
    for (int32_t p = bi->first(); p != BreakIterator::DONE; p = bi->next()) std::printf(" %d", p);
    std::printf("\n");
    for (int32_t start = bi->first(), end = bi->next(); end != BreakIterator::DONE; start = end, end = bi->next())
        std::printf("  [%s]\n", utf8(text.tempSubStringBetween(start, end)).c_str());
}

void words() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<RuleBasedBreakIterator> bi = open_rules("word");
    // Iterate the UTF-8 text in place through UText (offsets are byte offsets).
    UText* ut = utext_openUTF8(nullptr, kText, -1, &status);
    check(status, "utext_openUTF8");
    bi->setText(ut, status);
    check(status, "BreakIterator::setText(UText)");
    int count = 0;
    std::string list;
    for (int32_t start = bi->first(), end = bi->next(); end != BreakIterator::DONE; start = end, end = bi->next()) {
        const int32_t rule = bi->getRuleStatus();
        if (rule == UBRK_WORD_NONE) continue;  // spaces, punctuation
        ++count;
        list += " " + std::string(kText + start, kText + end) + "/" + std::to_string(rule);
    }
    std::printf("words: %d:%s\n", count, list.c_str());
    utext_close(ut);
}

void nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    check(status, "Normalizer2::getNFKCInstance");
    const UnicodeString in = UnicodeString::fromUTF8("\xEF\xAC\x81\xE2\x91\xA0");  // U+FB01 U+2460
    const UnicodeString out = n->normalize(in, status);
    check(status, "Normalizer2::normalize");
    std::printf("nfkc: %s -> %s\n", utf8(in).c_str(), utf8(out).c_str());
}

void fold() {
    UErrorCode status = U_ZERO_ERROR;
    const UnicodeString in = UnicodeString::fromUTF8("STRASSE Straße");
    UChar buf[64];
    const int32_t len = u_strFoldCase(buf, 64, in.getBuffer(), in.length(), U_FOLD_CASE_DEFAULT, &status);
    check(status, "u_strFoldCase");
    std::printf("fold: %s -> %s\n", utf8(in).c_str(), utf8(UnicodeString(buf, len)).c_str());
}

void scripts() {
    for (UChar32 c : {0x4E2D /* 中 */, 0xD55C /* 한 */}) {
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode sc = uscript_getScript(c, &status);
        check(status, "uscript_getScript");
        std::printf("script U+%04X: %s (%s)\n", static_cast<unsigned>(c), uscript_getShortName(sc), uscript_getName(sc));
    }
}

}  // namespace

int main() {
    std::printf("ICU %s, Unicode %s\n", U_ICU_VERSION, U_UNICODE_VERSION);
    sentences();
    words();
    nfkc();
    fold();
    scripts();
    u_cleanup();
    return 0;
}
