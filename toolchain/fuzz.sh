#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs
# each one after the other for SECONDS_PER_TARGET (default 60).
#   toolchain/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (targets: summarize request unicode)
# Each target's working corpus is build/fuzz/corpus/<target>, seeded from
# tests/fuzz/corpus/<target> and tests/fuzz/regressions/<target>; crashes,
# timeouts, leaks and OOMs are written to build/fuzz/crashes/<target>/. A
# finding: fix it, copy the input to tests/fuzz/regressions/<target>/ (CTest
# replays it as fuzz.<target> in every build), and keep going. A timeout that
# does not reproduce when its input runs alone is set aside in
# build/fuzz/unconfirmed/<target>/ and fuzzing resumes for the time left. The
# full log is build/fuzz/<target>.log; the last lines printed sum up runs,
# coverage and corpus. Exits 1 when any target found something. Extra
# libFuzzer flags: PRECIS_FUZZ_FLAGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(summarize request unicode)

command -v clang++-14 >/dev/null || { echo "fuzz.sh: clang++-14 is missing (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/precis_fuzz_}"

declare -A max_len=([summarize]=16384 [request]=16384 [unicode]=4096)
timeout=10
# allocator_release_to_os_interval_ms=-1: both timeouts seen in 45 minutes on
# a shared machine stalled in ASan's periodic madvise (returning freed memory
# to the OS), not in precis; the RSS limit still catches real growth.
fuzz_env=(env ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0:allocator_release_to_os_interval_ms=-1
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
found=0
for t in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$t
  crashes=build/fuzz/crashes/$t
  unconfirmed=build/fuzz/unconfirmed/$t
  log=build/fuzz/$t.log
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  cp -n tests/fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz $t for ${seconds}s (corpus $corpus, findings in $crashes)"
  : >"$log"
  start=$(date +%s)
  rounds=0
  # -timeout: a single input taking > 10 s is a hang. -rss_limit_mb: an input
  # that needs > 2 GB is a leak or a blow-up. A finding stops that target
  # (the in-process mode is many times faster than -fork on a busy machine);
  # PRECIS_FUZZ_FLAGS="-fork=1 -ignore_crashes=1" keeps going instead.
  while :; do
    left=$((seconds - ($(date +%s) - start)))
    [ "$left" -gt 0 ] || break
    rounds=$((rounds + 1))
    set +e
    "${fuzz_env[@]}" build/fuzz/precis_fuzz_"$t" "$corpus" \
      -max_total_time="$left" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout="$timeout" \
      -max_len="${max_len[$t]}" -use_value_profile=1 -print_final_stats=1 \
      -artifact_prefix="$crashes/" ${PRECIS_FUZZ_FLAGS:-} >>"$log" 2>&1
    set -e
    # A timeout is a wall-clock alarm: on a loaded machine (the fuzzer runs
    # niced) an input can stall for seconds without being slow. Run each one
    # again alone; one that finishes well within the limit is set aside in
    # build/fuzz/unconfirmed/ and fuzzing goes on for the time left.
    again=0
    for f in "$crashes"/timeout-*; do
      [ -e "$f" ] || continue
      if "${fuzz_env[@]}" build/fuzz/precis_fuzz_"$t" -timeout="$timeout" -runs=3 "$f" >>"$log" 2>&1; then
        mkdir -p "$unconfirmed"
        mv "$f" "$unconfirmed"/
        echo "== $t: $(basename "$f") did not reproduce alone (the machine was busy); set aside in $unconfirmed"
        again=1
      fi
    done
    [ "$again" = 1 ] || break
  done
  grep -E '^(==|INFO: (fuzzed|exiting)|SUMMARY|.*(crash|timeout|leak|oom|slow-unit)-)|DONE' "$log" | tail -n 20
  execs=$(awk '/^stat::number_of_executed_units/ {n += $NF} END {print n + 0}' "$log")
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n1)
  echo "== $t: $execs runs in $(($(date +%s) - start))s ($rounds round(s)), $cov, $(grep -oE 'corp: [0-9]+' "$log" | tail -n1)"
  n=$(find "$crashes" -type f | wc -l)
  echo "== $t: $n finding(s) in $crashes"
  [ "$n" -eq 0 ] || found=1
done
exit $found
