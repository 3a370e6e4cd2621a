#!/bin/sh
# Runs every test of the build in $BUILD: the cmocka unit tests, the store
# and HTTP tests against SQLite and a throwaway PostgreSQL 15, and the CLI
# tests. Ends with the line "N passed, N failed"; exits non-zero on failure.
set -u
BUILD=${BUILD:-build/asan}
export BUILD
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
log=$(mktemp -d)
passed=0
failed=0

# run NAME CMD...: runs a TAP-printing command, counts its results. A command
# that crashes or exits non-zero without a "not ok" line counts as a failure.
run() {
	name=$1
	shift
	out="$log/$(echo "$name" | tr '/ :' '___').tap"
	"$@" >"$out" 2>&1
	rc=$?
	ok=$(grep -c '^ok ' "$out")
	bad=$(grep -c '^not ok ' "$out")
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1
	fi
	if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
		bad=1   # a test program that ran no test is a failure
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ "$bad" -ne 0 ]; then
		echo "FAIL $name ($ok passed, $bad failed, exit $rc):"
		# The failures with what they said (nested TAP indents them), then the end.
		grep -A 25 '^ *not ok ' "$out" | head -120
		grep -v '^ok ' "$out" | tail -40
	else
		echo "ok   $name ($ok)"
	fi
}

for t in "$BUILD"/tests/unit/test_*; do
	[ -x "$t" ] && run "unit/$(basename "$t")" "$t"
done

# Tests that need a database run against both stores.
pgdir=$(mktemp -d /tmp/spoorwijzer-pg.XXXXXX)
pgurl=$(./scripts/pgtmp.sh start "$pgdir") || { echo "FAIL could not start PostgreSQL"; failed=$((failed + 1)); pgurl=""; }
trap './scripts/pgtmp.sh stop "$pgdir" >/dev/null 2>&1; rm -rf "$log"' EXIT INT TERM

for dir in store http; do
	for t in "$BUILD"/tests/$dir/test_*; do
		[ -x "$t" ] || continue
		run "$dir/$(basename "$t") sqlite" env SW_TEST_DATABASE="sqlite:$log/$(basename "$t").db" "$t"
		[ -n "$pgurl" ] && run "$dir/$(basename "$t") postgresql" env SW_TEST_DATABASE="$pgurl" "$t"
	done
done

for t in tests/cli/test_*.sh; do
	[ -f "$t" ] || continue
	run "cli/$(basename "$t") sqlite" env SW_TEST_DATABASE="sqlite:$log/cli.db" sh "$t"
	[ -n "$pgurl" ] && run "cli/$(basename "$t") postgresql" env SW_TEST_DATABASE="$pgurl" sh "$t"
done

# The portal in Debian's chromium against the real server (SQLite).
# SW_SKIP_WEB=1 leaves it out of a quick local run; CI never sets it.
if [ "${SW_SKIP_WEB:-0}" = 1 ]; then
	echo "skip web/browser (SW_SKIP_WEB=1)"
else
	run "web/browser" sh tests/web/run.sh
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
