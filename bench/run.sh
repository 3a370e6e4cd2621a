#!/bin/sh
# Runs the benchmarks of $BUILD (release build) and prints their numbers.
set -eu
BUILD=${BUILD:-build/release}
for b in "$BUILD"/bench/*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b"
done
echo "== stats in SQLite and PostgreSQL"
BUILD=$BUILD ./bench/stats.sh
echo "== http"
BUILD=$BUILD ./bench/http.sh 10
