#!/usr/bin/env bash
# The CLI contract: output, exit codes and one-line error messages.
set -u
precis=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # name, expected exit code, command...
  local name=$1 want=$2
  shift 2
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
echo "$((17 - failures)) passed, $failures failed"
[ "$failures" = 0 ]
