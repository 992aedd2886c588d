// ICU build-time switches of precis' WebAssembly ICU (toolchain/build-icu-wasm.sh).
// ICU's unicode/uconfig.h includes this file when UCONFIG_USE_LOCAL is defined:
// the library is compiled with it, and the installed unicode/uconfig.h defines
// UCONFIG_USE_LOCAL, so users of the installed headers see the same switches.
#ifndef PRECIS_ICU_UCONFIG_LOCAL_H
#define PRECIS_ICU_UCONFIG_LOCAL_H

// Data is linked in (libicudata.a, symbol icudt72_dat): never look for .dat
// files or use mmap (umapfile.h -> MAP_NONE; no ICU_DATA env lookup).
#define UCONFIG_NO_FILE_IO 1

// Only the Unicode converters (UTF-8/16/32, ...), US-ASCII and ISO-8859-1.
// (The default charset is hard-wired to UTF-8 on Emscripten: U_CHARSET_IS_UTF8.)
#define UCONFIG_NO_LEGACY_CONVERSION 1

// No dlopen()-based plugin/data loading.
#define U_ENABLE_DYLOAD 0

// Not an ICU switch: patches/no-break-engines.patch. The data has no break
// dictionaries and no LSTM models (data-items.txt), so the dictionary/LSTM
// break engines could never split a run of Han, Thai, ... text; with this set,
// RuleBasedBreakIterator does not look for one (same boundaries, and the
// engine factory with the locale and resource-bundle code it needs is not
// linked).
#define PRECIS_NO_BREAK_ENGINES 1

#endif
