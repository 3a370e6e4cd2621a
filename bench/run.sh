#!/bin/sh
# Runs the benchmarks of $BUILD (release build) and prints their numbers.
set -eu
BUILD=${BUILD:-build/release}
for b in "$BUILD"/bench/*; do
	[ -x "$b" ] || continue
	# persons needs a database: bench/persons.sh below gives it both.
	[ "$(basename "$b")" = persons ] && continue
	echo "== $(basename "$b")"
	"$b"
done
echo "== stats in SQLite and PostgreSQL"
BUILD=$BUILD ./bench/stats.sh
echo "== persons (register import and typeahead) in SQLite and PostgreSQL"
BUILD=$BUILD ./bench/persons.sh
echo "== http"
BUILD=$BUILD ./bench/http.sh 10
