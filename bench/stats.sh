#!/bin/sh
# bench/stats.sh - the absence statistics over 10,000,000 sick periods of
# 400,000 employees stored in SQLite and in a throwaway PostgreSQL 15
# (scripts/pgtmp.sh): seconds to generate the rows, to read them through
# the store and to compute the report. Usage: bench/stats.sh [PERIODS]
# [EMPLOYEES] (BUILD defaults to build/release).
set -eu
BUILD=${BUILD:-build/release}
N=${1:-10000000}
E=${2:-400000}
dir=$(mktemp -d /tmp/spoorwijzer-bench-stats.XXXXXX)
pgdir=$(mktemp -d /tmp/spoorwijzer-pg.XXXXXX)
cleanup() {
	./scripts/pgtmp.sh stop "$pgdir" >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"$BUILD/bench/stats" --database "sqlite:$dir/stats.db" "$N" "$E"
rm -f "$dir"/stats.db*
url=$(./scripts/pgtmp.sh start "$pgdir")
"$BUILD/bench/stats" --database "$url" "$N" "$E"
