#!/bin/sh
# bench/http.sh - requests per second and p99 latency of
# GET /api/v1/cases/{id}/deadlines with 64 concurrent connections (wrk),
# next to nginx serving a static file of the same size on this machine,
# of GET /api/v1/cases (the werkgever's list of 7 cases) and of
# POST /api/v1/cases/1/messages (a write: one commit each). SQLite runs
# with synchronous = FULL (the default: every commit synced to disk), and
# once more with synchronous = NORMAL for comparison, in the same run.
# Usage: bench/http.sh [SECONDS]   (BUILD defaults to build/release)
set -eu
BUILD=${BUILD:-build/release}
SECS=${1:-10}
BIN=$BUILD/spoorwijzer
dir=$(mktemp -d /tmp/spoorwijzer-bench-http.XXXXXX)
cleanup() {
	[ -n "${srv:-}" ] && kill "$srv" 2>/dev/null
	[ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + $$ % 20000)); }

# start_server SYNC: a fresh seeded database, the server, a logged-in
# werkgever ($session, $csrf), $port and $url.
start_server() {
	rm -f "$dir"/bench.db*
	db="sqlite:$dir/bench.db?synchronous=$1"
	"$BIN" db migrate --database "$db" >/dev/null
	"$BIN" db seed --database "$db" >/dev/null
	port=$(free_port)
	"$BIN" serve --database "$db" --listen "127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
	srv=$!
	for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done

	# Log in as the casemanager of case 1: a CSRF cookie first, then the session.
	jar="$dir/cookies"
	rm -f "$jar"
	curl -s -c "$jar" "http://127.0.0.1:$port/api/v1/session" >/dev/null
	csrf=$(awk '$6 == "sw_csrf" { print $7 }' "$jar")
	curl -s -b "$jar" -c "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
		-d '{"email":"werkgever@demo.spoorwijzer.nl","password":"spoorwijzer"}' \
		"http://127.0.0.1:$port/api/v1/session" >/dev/null
	session=$(awk '$6 == "sw_session" { print $7 }' "$jar")
	csrf=$(awk '$6 == "sw_csrf" { print $7 }' "$jar")   # the session's own
	url="http://127.0.0.1:$port/api/v1/cases/1/deadlines"
	curl -sf -H "Cookie: sw_session=$session" "$url" >"$dir/body.json" || {
		echo "http: $url did not answer 200 for the werkgever; is the endpoint there?" >&2
		exit 1
	}
}

stop_server() {
	kill "$srv" 2>/dev/null
	wait "$srv" 2>/dev/null || true
	srv=""
}

start_server full
size=$(wc -c <"$dir/body.json")

# nginx with the same bytes as a static file.
nport=$(free_port)
mkdir -p "$dir/www"
cp "$dir/body.json" "$dir/www/deadlines.json"
cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $dir;
	proxy_temp_path $dir;
	fastcgi_temp_path $dir;
	uwsgi_temp_path $dir;
	scgi_temp_path $dir;
	server { listen 127.0.0.1:$nport; root $dir/www; }
}
CONF
nginx -c "$dir/nginx.conf"
sleep 0.3

run_wrk() { # URL [header] -> "rps p99ms"
	if [ -n "${2:-}" ]; then out=$(wrk -t2 -c64 -d"${SECS}s" --latency -H "$2" "$1")
	else out=$(wrk -t2 -c64 -d"${SECS}s" --latency "$1"); fi
	rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
	p99=$(echo "$out" | awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } print v }')
	echo "$rps $p99"
}
# A write: a message in case 1 (one commit, an audit row).
cat >"$dir/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"body":"Voortgang besproken; volgende afspraak over twee weken."}'
wrk.headers["Content-Type"] = "application/json"
LUA
# measure: the API's three numbers with the server as it runs now.
measure() {
	set -- $(run_wrk "$url" "Cookie: sw_session=$session")
	api_rps=$1 api_p99=$2
	# The case list: every listed case costs an access decision, an audit
	# row and its summary.
	set -- $(run_wrk "http://127.0.0.1:$port/api/v1/cases" "Cookie: sw_session=$session")
	list_rps=$1 list_p99=$2
}
measure_post() { # with the CSRF header, which run_wrk has no room for
	post="http://127.0.0.1:$port/api/v1/cases/1/messages"
	out=$(wrk -t2 -c64 -d"${SECS}s" --latency -s "$dir/post.lua" \
		-H "Cookie: sw_session=$session; sw_csrf=$csrf" -H "X-CSRF-Token: $csrf" "$post")
	post_rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
	if echo "$out" | grep -q 'Non-2xx'; then
		echo "http: POST $post answered errors: $(echo "$out" | grep 'Non-2xx')" >&2
		exit 1
	fi
	post_p99=$(echo "$out" | awk '$1 == "99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) } else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } print v }')
}
measure
measure_post
full="$api_rps $api_p99 $list_rps $list_p99 $post_rps $post_p99"
set -- $(run_wrk "http://127.0.0.1:$nport/deadlines.json")
ngx_rps=$1 ngx_p99=$2
stop_server
start_server normal
measure
measure_post
normal="$api_rps $api_p99 $list_rps $list_p99 $post_rps $post_p99"
stop_server

echo "http: GET /api/v1/cases/1/deadlines ($size bytes), 64 connections, ${SECS}s"
echo "http: nginx static $ngx_rps req/s, p99 $ngx_p99 ms"
for mode in full normal; do
	if [ $mode = full ]; then set -- $full; else set -- $normal; fi
	echo "http: [synchronous=$mode] GET deadlines spoorwijzer $1 req/s, p99 $2 ms"
	echo "http: [synchronous=$mode] GET /api/v1/cases (7 cases) $3 req/s, p99 $4 ms"
	echo "http: [synchronous=$mode] POST /api/v1/cases/1/messages $5 req/s, p99 $6 ms"
done
set -- $full
awk -v a="$1" -v n="$ngx_rps" 'BEGIN { printf "http: ratio spoorwijzer/nginx %.2f\n", a / n }'
