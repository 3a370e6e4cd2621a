#!/bin/sh
# Runs a command against the real server with fresh demo data: builds web/dist
# when it is missing or older than its sources, migrates and seeds a fresh
# SQLite database in a temporary directory, starts `spoorwijzer serve` on a
# free port, runs "$@" with SW_BASE_URL and SW_TEST_ACCOUNTS (the seeded demo
# accounts, role -> {email, password}) in the environment, stops the server
# (also on failure or interrupt) and exits with the command's status.
# Used by run.sh (browser tests) and `make screenshots`.
set -u
BUILD=${BUILD:-build/asan}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
bin="$root/$BUILD/spoorwijzer"
case $BUILD in /*) bin="$BUILD/spoorwijzer" ;; esac
if [ ! -x "$bin" ]; then
	echo "not ok 1 - $bin is not built" >&2
	echo "not ok 1 - server binary missing"
	exit 1
fi

# web/dist is stale when a source or the lock file is newer than dist/index.html.
stale=0
if [ ! -f web/dist/index.html ]; then
	stale=1
elif [ -n "$(find web/src web/index.html web/package.json web/package-lock.json web/vite.config.ts \
	web/tsconfig.json web/public -newer web/dist/index.html 2>/dev/null | head -n 1)" ]; then
	stale=1
fi
# node_modules is stale when the lock file is newer than npm's record of the install.
if [ ! -f web/node_modules/.package-lock.json ] ||
	[ -n "$(find web/package-lock.json -newer web/node_modules/.package-lock.json)" ]; then
	(cd web && npm ci --no-audit --no-fund >&2) || { echo "not ok 1 - npm ci failed"; exit 1; }
	stale=1
fi
if [ "$stale" -eq 1 ]; then
	(cd web && npm run build >&2) || { echo "not ok 1 - npm run build failed"; exit 1; }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spoorwijzer-web.XXXXXX")
pid=""
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=""
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

db="sqlite:$tmp/spoorwijzer.db"
if ! "$bin" db migrate --database "$db" >"$tmp/db.log" 2>&1 ||
	! "$bin" db seed --database "$db" >>"$tmp/db.log" 2>&1; then
	cat "$tmp/db.log" >&2
	echo "not ok 1 - db migrate/seed failed"
	exit 1
fi

# A free port: ask the kernel through node (bind to port 0), then serve on it.
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
ASAN_OPTIONS=${SW_SERVER_ASAN_OPTIONS:-detect_leaks=0} "$bin" serve --database "$db" \
	--listen "127.0.0.1:$port" --web "$root/web/dist" --threads 4 >"$tmp/server.log" 2>&1 &
pid=$!

i=0
until node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$url/api/v1/health"; do
	i=$((i + 1))
	if [ "$i" -ge 100 ] || ! kill -0 "$pid" 2>/dev/null; then
		cat "$tmp/server.log" >&2
		echo "not ok 1 - server did not answer $url/api/v1/health"
		exit 1
	fi
	sleep 0.1
done

# The seeded demo accounts (src/store/seed.c), all with the password "spoorwijzer".
accounts='{'
sep=''
for role in werknemer werkgever bedrijfsarts arbeidsdeskundige re-integratieprofessional \
	leidinggevende hr-analist casemanager2 orgbeheerder; do
	accounts="$accounts$sep\"$role\":{\"email\":\"$role@demo.spoorwijzer.nl\",\"password\":\"spoorwijzer\"}"
	sep=','
done
accounts="$accounts}"

SW_BASE_URL="$url" SW_TEST_ACCOUNTS="$accounts" "$@"
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "# server log:" >&2
	sed 's/^/# /' "$tmp/server.log" >&2
fi
exit "$rc"
