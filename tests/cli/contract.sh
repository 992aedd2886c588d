#!/usr/bin/env bash
# The CLI contract: output, exit codes and one-line error messages.
set -u
precis=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
checks=0
check() {  # name, expected exit code, command...
  local name=$1 want=$2
  shift 2
  checks=$((checks + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, want $want; stderr: $(cat "$tmp/err")"
    failures=$((failures + 1))
  elif [ "$want" != 0 ] && [ "$(wc -l <"$tmp/err")" != 1 ]; then
    echo "FAIL $name: want one line on stderr, got: $(cat "$tmp/err")"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
printf 'Title here\n\nThe first sentence is here. The second sentence follows it. A third one ends it. A fourth.\n' >"$tmp/a.txt"

check "file, default budget" 0 "$precis" "$tmp/a.txt"
[ "$(wc -l <"$tmp/out")" = 3 ] || { echo "FAIL default budget: want 3 lines"; failures=$((failures + 1)); }
check "stdin, --sentences 1" 0 sh -c "\"$precis\" --sentences 1 <\"$tmp/a.txt\""
[ "$(wc -l <"$tmp/out")" = 1 ] || { echo "FAIL --sentences 1: want 1 line"; failures=$((failures + 1)); }
check "--json" 0 "$precis" "$tmp/a.txt" --json
grep -q '"selected":true' "$tmp/out" && grep -q '"utf16Start"' "$tmp/out" || { echo "FAIL --json content"; failures=$((failures + 1)); }
check "--ratio" 0 "$precis" --ratio 0.5 "$tmp/a.txt"
check "missing file" 1 "$precis" "$tmp/missing.txt"
check "directory" 1 "$precis" "$tmp"
check "bad number" 2 "$precis" --sentences abc "$tmp/a.txt"
check "out of range" 2 "$precis" --sentences 0 "$tmp/a.txt"
grep -q -- '--sentences' "$tmp/err" || { echo "FAIL out of range: message should name --sentences"; failures=$((failures + 1)); }
check "ratio above 1" 2 "$precis" --ratio 2 "$tmp/a.txt"
check "two budgets" 2 "$precis" --sentences 2 --ratio 0.5 "$tmp/a.txt"
check "unknown flag" 2 "$precis" --bogus "$tmp/a.txt"
check "missing value" 2 "$precis" --sentences
check "two files" 2 "$precis" "$tmp/a.txt" "$tmp/a.txt"
check "too large" 1 "$precis" --max-input-bytes 10 "$tmp/a.txt"
check "empty input" 0 sh -c "\"$precis\" </dev/null"
check "--help" 0 "$precis" --help
# Out-of-range options: exit 2, one line naming the flag and the allowed range.
range() {  # flag value expected-text
  check "$1 $2 out of range" 2 "$precis" "$1" "$2" "$tmp/a.txt"
  grep -qF -- "$1: " "$tmp/err" && grep -qF -- "$3" "$tmp/err" ||
    { echo "FAIL $1 $2: message should name $1 and say '$3': $(cat "$tmp/err")"; failures=$((failures + 1)); }
}
range --sentences 100001 "from 1 to 100000"
range --words 0 "from 1 to 100000"
range --characters 2.5 "whole number"
range --ratio 0 "greater than 0 and at most 1"
range --keywords 101 "from 0 to 100"
range --redundancy 1.5 "greater than 0 and at most 1"
range --headline-words 1001 "from 0 (no limit) to 1000"
range --max-input-bytes 0 "from 1 to 1073741824"
range --language xx "supported: auto,"
# Too large: exit 1, the message gives the size and the limit.
check "too large, message" 1 "$precis" --max-input-bytes 20 "$tmp/a.txt"
size=$(wc -c <"$tmp/a.txt")
grep -q "$size bytes; the limit is 20 (--max-input-bytes)" "$tmp/err" ||
  { echo "FAIL too large: message should give the limit and its flag: $(cat "$tmp/err")"; failures=$((failures + 1)); }
# Ill-formed UTF-8: summarized with U+FFFD, and reported on stderr.
printf 'Bad \377 byte here. Another sentence follows it.\n' >"$tmp/bad.txt"
check "ill-formed UTF-8" 0 "$precis" "$tmp/bad.txt"
grep -q $'\xEF\xBF\xBD' "$tmp/out" && grep -q "U+FFFD" "$tmp/err" ||
  { echo "FAIL ill-formed UTF-8: want U+FFFD in the output and a note: $(cat "$tmp/err")"; failures=$((failures + 1)); }
# Empty and whitespace-only input: no summary, exit 0, a note saying why.
printf ' \t\n\n  \n' >"$tmp/blank.txt"
check "whitespace-only input" 0 "$precis" "$tmp/blank.txt"
[ ! -s "$tmp/out" ] && grep -q "note: no sentences" "$tmp/err" ||
  { echo "FAIL whitespace-only: want no output and a note: $(cat "$tmp/err")"; failures=$((failures + 1)); }
# NUL bytes and control characters: a summary, exit 0.
printf 'First\000 sentence with a NUL. Second \033[1m one\a here.\n' >"$tmp/nul.txt"
check "NUL and control characters" 0 "$precis" --sentences 2 "$tmp/nul.txt"
[ "$(wc -l <"$tmp/out")" = 2 ] || { echo "FAIL NUL: want 2 sentences"; failures=$((failures + 1)); }
# --per-section: each section's sentences under its Markdown heading, a blank line between sections.
printf '# Report\n\n## Costs\n\nThe bridge cost more than planned. Steel prices rose in spring. The crews worked late.\n\n## Benefits\n\nTraffic fell in the old town. Buses kept their timetable. Shops reported more visitors.\n' >"$tmp/sections.md"
check "--per-section" 0 "$precis" --per-section --sentences 1 "$tmp/sections.md"
[ "$(sed -n '1p;4p' "$tmp/out" | tr '\n' '|')" = "## Costs|## Benefits|" ] && [ "$(wc -l <"$tmp/out")" = 5 ] && [ -z "$(sed -n 3p "$tmp/out")" ] ||
  { echo "FAIL --per-section: want two headed groups of one sentence: $(cat "$tmp/out")"; failures=$((failures + 1)); }
check "--per-section --json" 0 "$precis" --per-section --json "$tmp/sections.md"
grep -q '"sections":\[{"index":0,"title":"Costs","level":2,' "$tmp/out" && grep -q '"section":1,' "$tmp/out" ||
  { echo "FAIL --per-section --json: want the sections list and each sentence's section"; failures=$((failures + 1)); }
check "--per-section --headline" 2 "$precis" --per-section --headline "$tmp/sections.md"
grep -q -- '--per-section: ' "$tmp/err" || { echo "FAIL --per-section --headline: message should name --per-section"; failures=$((failures + 1)); }
echo "$((checks - failures)) checks passed, $failures failed"
[ "$failures" = 0 ]
