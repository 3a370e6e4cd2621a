#!/bin/sh
# Builds the libFuzzer target with clang (ASan + UBSan) and runs it for
# SECONDS (default 60). Usage: tests/fuzz/run.sh [SECONDS]
# Crashes are written to build/fuzz/ as crash-*; the corpus is kept in
# build/fuzz/corpus between runs.
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-60}
case $secs in
''|*[!0-9]*) echo "usage: $0 SECONDS" >&2; exit 2 ;;
esac
out=build/fuzz
mkdir -p "$out/corpus"

CC=${FUZZ_CC:-clang}
CFLAGS="-std=c17 -g -O1 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -pthread
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
SRC="tests/fuzz/fuzz_http_json.c src/core/error.c src/core/date.c
  src/http/http_json.c src/http/http_router.c src/http/http_cookie.c
  src/http/http_message.c src/http/http_csrf.c src/http/http_dispatch.c
  src/http/http_static.c src/http/http_uri.c"
# shellcheck disable=SC2086
$CC $CFLAGS $(pkg-config --cflags jansson libsodium) -o "$out/fuzz_http_json" $SRC \
	$(pkg-config --libs jansson libsodium)

# Seeds: a few valid and nearly valid bodies and paths.
seed() { printf '%s' "$2" >"$out/corpus/seed-$1"; }
seed 1 '{"s":"tekst","i":3,"b":true,"d":"2024-02-29","e":"detachering"}'
seed 2 '{"s":"x","d":null,"i":null}'
seed 3 '{"s":"a","s":"b"}'
seed 4 '/api/v1/cases/12/deadlines/probleemanalyse'
seed 5 'sw_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; a=1'
seed 6 '{"n":[[[[{"x":1e400}]]]]}'
seed 7 '/../assets/./x.js'

"$out/fuzz_http_json" -max_total_time="$secs" -max_len=4096 -timeout=10 \
	-dict=tests/fuzz/fuzz_http_json.dict -artifact_prefix="$out/" "$out/corpus"
