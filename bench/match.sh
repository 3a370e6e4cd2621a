#!/bin/sh
# bench/match.sh - bench/match with the naive SQL engines: a fresh SQLite
# file and a throwaway PostgreSQL 15 (scripts/pgtmp.sh), both removed
# afterwards. Arguments go to bench/match: [OFFERS [CANDIDATES [QUERIES
# [SQL_QUERIES]]]] (default 1000000 300000 200 10).
# Usage: BUILD=build/release bench/match.sh [ARGS]
set -eu
BUILD=${BUILD:-build/release}
dir=$(mktemp -d /tmp/spoorwijzer-bench-match.XXXXXX)
pgdir=$(mktemp -d /tmp/spoorwijzer-pg.XXXXXX)
cleanup() {
	./scripts/pgtmp.sh stop "$pgdir" >/dev/null 2>&1 || true
	rm -rf "$dir" "$pgdir"
}
trap cleanup EXIT INT TERM
pgurl=$(./scripts/pgtmp.sh start "$pgdir")
MATCH_SQLITE="sqlite:$dir/match.db" MATCH_POSTGRESQL="$pgurl" "$BUILD/bench/match" "$@"
