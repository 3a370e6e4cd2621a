#!/bin/sh
# Installs the Debian packages Spoorwijzer needs that are missing on this
# machine. Called by `make run` and `make test`; a no-op when all are there.
set -eu

PKGS="build-essential pkg-config clang libclang-rt-14-dev
libmicrohttpd-dev libjansson-dev libsqlite3-dev sqlite3 libpq-dev libsodium-dev
libcairo2-dev libpango1.0-dev libical-dev libcmocka-dev libcurl4-openssl-dev
postgresql-15 tzdata qpdf poppler-utils wrk nginx-light haproxy
fonts-dejavu-core jq chromium"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
