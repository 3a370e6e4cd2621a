#!/bin/sh
# Scale-out, tested: two `spoorwijzer serve` behind HAProxy on one
# PostgreSQL of the test's own (scripts/pgtmp.sh, private ports):
# - kill -9 of one server under load costs no request (HAProxy retries
#   what the dead one did not answer; its health check takes it out);
# - a restart of PostgreSQL is served again within 5 seconds, without
#   restarting spoorwijzer;
# - GET /metrics counts by route, one JSON log line per request.
# With an SQLite $SW_TEST_DATABASE only the last part runs (one server).
# Prints TAP; about a minute.
set -u
BIN=${BUILD:-build/asan}/spoorwijzer
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

dir=$(mktemp -d /tmp/sw-scaleout.XXXXXX)
chmod 755 "$dir"
pids=""
cleanup() {
	for p in $pids; do kill -9 "$p" 2>/dev/null; done
	[ -d "$dir/pg" ] && ./scripts/pgtmp.sh stop "$dir/pg" >/dev/null 2>&1
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# serve NAME PORT: a server on PORT, its log in $dir/NAME.log, pid in $NAME_pid.
serve() {
	"$BIN" serve --database "$db" --listen "127.0.0.1:$2" --threads 4 --today 2026-03-02 \
		--trust-proxy >"$dir/$1.log" 2>&1 &
	eval "$1_pid=$!"
	pids="$pids $!"
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$2/api/v1/health" >/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# login BASE: $session and $csrf of the werkgever.
login() {
	jar="$dir/cookies"
	rm -f "$jar"
	curl -s -c "$jar" "$1/api/v1/session" >/dev/null
	csrf=$(awk '$6 == "sw_csrf" { print $7 }' "$jar")
	curl -s -b "$jar" -c "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
		-d '{"email":"werkgever@demo.spoorwijzer.nl","password":"spoorwijzer"}' \
		"$1/api/v1/session" >/dev/null
	session=$(awk '$6 == "sw_session" { print $7 }' "$jar")
	csrf=$(awk '$6 == "sw_csrf" { print $7 }' "$jar")
}

get_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Cookie: sw_session=$session" "$1"; }

case ${SW_TEST_DATABASE:-sqlite:} in
postgres*)
	url=$(./scripts/pgtmp.sh start "$dir/pg") || { notok "start PostgreSQL"; exit 1; }
	db=$url
	;;
*)
	db="sqlite:$dir/one.db"
	;;
esac
"$BIN" db migrate --database "$db" >/dev/null && "$BIN" db seed --database "$db" --date 2026-03-02 >/dev/null ||
	{ notok "migrate and seed"; exit 1; }

pa=$(free_port)
serve a "$pa" || { notok "server a starts" "$(cat "$dir/a.log")"; exit 1; }

# ---- metrics and the request log (both stores) ----
login "http://127.0.0.1:$pa"
case_url="http://127.0.0.1:$pa/api/v1/cases/1"
for _ in 1 2 3; do get_status "$case_url" >/dev/null; done
curl -s "http://127.0.0.1:$pa/metrics" >"$dir/metrics.txt"
if grep -q '^spoorwijzer_http_requests_total{method="GET",route="/api/v1/cases/{id}",status="200"} 3$' "$dir/metrics.txt" &&
	grep -q '^spoorwijzer_http_request_duration_seconds_bucket{le="+Inf"} ' "$dir/metrics.txt" &&
	grep -q '^spoorwijzer_db_pool_connections 5$' "$dir/metrics.txt" &&
	grep -q '^spoorwijzer_db_pool_in_use 0$' "$dir/metrics.txt" &&
	grep -q '^# TYPE spoorwijzer_http_request_duration_seconds histogram$' "$dir/metrics.txt"; then
	ok "/metrics: requests by route and status, latency histogram, pool"
else
	notok "/metrics" "$(head -30 "$dir/metrics.txt")"
fi
line=$(grep '"route":"/api/v1/cases/{id}"' "$dir/a.log" | tail -1)
if echo "$line" | jq -e '.method == "GET" and .path == "/api/v1/cases/1" and .status == 200 and (.ms | type) == "number" and (.ts | test("Z$"))' >/dev/null 2>&1; then
	ok "one JSON log line per request"
else
	notok "request log line" "$line" "$(tail -5 "$dir/a.log")"
fi
curl -s "http://127.0.0.1:$pa/api/v1/cases/1?q=Sanne%20de%20Vries" -H "Cookie: sw_session=$session" >/dev/null
if grep -q 'Sanne' "$dir/a.log"; then notok "the log holds no query"; else ok "the log holds no query"; fi

case $db in sqlite:*) exit 0 ;; esac

# ---- two servers behind HAProxy ----
pb=$(free_port)
serve b "$pb" || { notok "server b starts" "$(cat "$dir/b.log")"; exit 1; }
ph=$(free_port)
cat >"$dir/haproxy.cfg" <<CFG
global
	maxconn 1000
defaults
	mode http
	timeout connect 2s
	timeout client 30s
	timeout server 30s
	timeout check 1s
	retries 3
	option redispatch 1
	retry-on conn-failure empty-response junk-response response-timeout 503
	option httpchk GET /api/v1/health
	http-check expect status 200
frontend web
	bind 127.0.0.1:$ph
	http-request deny if { path /metrics }
	default_backend spoorwijzer
backend spoorwijzer
	balance roundrobin
	option forwardfor
	server a 127.0.0.1:$pa check inter 300ms fall 2 rise 2
	server b 127.0.0.1:$pb check inter 300ms fall 2 rise 2
CFG
haproxy -f "$dir/haproxy.cfg" -db >"$dir/haproxy.log" 2>&1 &
pids="$pids $!"
base="http://127.0.0.1:$ph"
for _ in $(seq 50); do curl -sf "$base/api/v1/health" >/dev/null && break; sleep 0.1; done
login "$base"
if [ "$(get_status "$base/api/v1/cases/1")" = 200 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")" = 403 ]; then
	ok "HAProxy serves both, hides /metrics"
else
	notok "HAProxy" "$(cat "$dir/haproxy.log")"
fi

# Load: wrk for 8 s through HAProxy; server a dies (kill -9) after 3 s.
wrk -t2 -c8 -d8s -H "Cookie: sw_session=$session" "$base/api/v1/cases/1" >"$dir/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 3
kill -9 "$a_pid"
wait "$wrk_pid"
total=$(awk '/requests in/ { print $1 }' "$dir/wrk.txt")
if ! grep -q 'Non-2xx\|Socket errors' "$dir/wrk.txt" && [ "${total:-0}" -gt 50 ]; then
	ok "kill -9 of one server under load: $total requests, none failed"
else
	notok "kill -9 under load" "$(cat "$dir/wrk.txt")"
fi
# Writes with an Idempotency-Key, through the one that is left.
st=$(curl -s -o /dev/null -w '%{http_code}' -b "sw_session=$session; sw_csrf=$csrf" \
	-H "X-CSRF-Token: $csrf" -H 'Idempotency-Key: scale-1' -H 'Content-Type: application/json' \
	-d '{"body":"na de val van a"}' "$base/api/v1/cases/1/messages")
st2=$(curl -s -o /dev/null -w '%{http_code}' -b "sw_session=$session; sw_csrf=$csrf" \
	-H "X-CSRF-Token: $csrf" -H 'Idempotency-Key: scale-1' -H 'Content-Type: application/json' \
	-d '{"body":"na de val van a"}' "$base/api/v1/cases/1/messages")
if [ "$st" = 201 ] && [ "$st2" = 201 ]; then ok "a keyed write and its retry"; else notok "keyed write" "$st $st2"; fi
serve a "$pa" || notok "server a restarts"

# ---- PostgreSQL restarts ----
start=$(date +%s.%N)
./scripts/pgtmp.sh restart "$dir/pg" || notok "restart PostgreSQL"
back=""
for _ in $(seq 100); do
	if [ "$(get_status "$base/api/v1/cases/1")" = 200 ]; then back=$(date +%s.%N); break; fi
	sleep 0.05
done
if [ -n "$back" ]; then
	secs=$(echo "$back $start" | awk '{ printf "%.2f", $1 - $2 }')
	if awk -v s="$secs" 'BEGIN { exit !(s <= 5) }'; then
		ok "PostgreSQL restart: served again after $secs s"
	else
		notok "PostgreSQL restart took $secs s"
	fi
else
	notok "PostgreSQL restart: not served again" "$(tail -5 "$dir/a.log")"
fi
bad=0
for _ in $(seq 40); do [ "$(get_status "$base/api/v1/cases/1")" = 200 ] || bad=$((bad + 1)); done
if [ "$bad" -eq 0 ]; then ok "after the restart every request is served"; else notok "after the restart: $bad of 40 failed"; fi
if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$pb/api/v1/health")" = 200 ]; then
	ok "health 200 again without restarting spoorwijzer"
else
	notok "health after restart"
fi
