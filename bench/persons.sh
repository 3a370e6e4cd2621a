#!/bin/sh
# bench/persons.sh - bench/persons on a fresh SQLite file and on a
# throwaway PostgreSQL 15 (scripts/pgtmp.sh), both removed afterwards: the
# CSV import of the register (time, peak RSS) and the persons?q= typeahead
# (p50, p99). Usage: BUILD=build/release bench/persons.sh [PERSONS [QUERIES]]
# (default 100000 200).
set -eu
BUILD=${BUILD:-build/release}
dir=$(mktemp -d /tmp/spoorwijzer-bench-persons.XXXXXX)
pgdir=$(mktemp -d /tmp/spoorwijzer-pg.XXXXXX)
cleanup() {
	./scripts/pgtmp.sh stop "$pgdir" >/dev/null 2>&1 || true
	rm -rf "$dir" "$pgdir"
}
trap cleanup EXIT INT TERM
"$BUILD/bench/persons" --database "sqlite:$dir/persons.db" "$@"
url=$(./scripts/pgtmp.sh start "$pgdir")
"$BUILD/bench/persons" --database "$url" "$@"
