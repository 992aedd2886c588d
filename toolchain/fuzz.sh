#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs
# each one after the other for SECONDS_PER_TARGET (default 60).
#   toolchain/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (targets: summarize request)
# Each target's working corpus is build/fuzz/corpus/<target>, seeded from
# tests/fuzz/corpus/<target> and tests/fuzz/regressions/<target>; crashes,
# timeouts, leaks and OOMs are written to build/fuzz/crashes/<target>/. A
# finding: fix it, copy the input to tests/fuzz/regressions/<target>/ (CTest
# replays it as fuzz.<target> in every build), and keep going. Exits 1 when
# any target found something. Extra libFuzzer flags: PRECIS_FUZZ_FLAGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(summarize request)

command -v clang++-14 >/dev/null || { echo "fuzz.sh: clang++-14 is missing (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/precis_fuzz_}"

declare -A max_len=([summarize]=16384 [request]=16384)
found=0
for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  crashes=build/fuzz/crashes/$t
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  cp -n tests/fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz $t for ${seconds}s (corpus $corpus, findings in $crashes)"
  # -timeout: a single input taking > 10 s is a hang. -rss_limit_mb: an input
  # that needs > 2 GB is a leak or a blow-up. A finding stops that target
  # (the in-process mode is many times faster than -fork on a busy machine);
  # PRECIS_FUZZ_FLAGS="-fork=1 -ignore_crashes=1" keeps going instead.
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build/fuzz/precis_fuzz_"$t" "$corpus" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
    -max_len="${max_len[$t]}" -use_value_profile=1 -print_final_stats=1 \
    -artifact_prefix="$crashes/" ${PRECIS_FUZZ_FLAGS:-} 2>&1 | tee build/fuzz/"$t".log | grep -E '^(==|INFO: (fuzzed|exiting)|stat::|SUMMARY|.*(crash|timeout|leak|oom|slow-unit)-)|DONE' | tail -n 40
  set -e
  n=$(find "$crashes" -type f | wc -l)
  echo "== $t: $n finding(s) in $crashes"
  [ "$n" -eq 0 ] || found=1
done
exit $found
