#!/bin/sh
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#
#   scripts/pgtmp.sh start DIR   creates and starts a cluster in DIR, creates
#                                database spoorwijzer_test, prints its URL
#   scripts/pgtmp.sh stop DIR    stops the cluster and removes DIR
#   scripts/pgtmp.sh restart DIR stops the server (fast: it ends every
#                                session) and starts it again on its port
#
# The server listens on 127.0.0.1 only, at a free port in the private range,
# with its unix socket inside DIR; fsync is off because the data is
# disposable. initdb and postgres refuse to run as root, so under root (CI)
# the cluster runs as the `postgres` system user and DIR is handed to it.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB=spoorwijzer_test

die() {
	echo "pgtmp: $*" >&2
	exit 1
}

# as_owner CMD...: runs CMD as the user that owns the cluster.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# A port in the dynamic/private range 49152..65535.
random_port() {
	echo $((49152 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 16384))
}

start() {
	dir=$1
	[ -x "$PGBIN/initdb" ] || die "$PGBIN/initdb not found (apt-get install postgresql-15)"
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
	# The socket path must fit in sun_path (107 bytes) with ".s.PGSQL.NNNNN".
	[ ${#dir} -le 90 ] || die "$dir: path too long for a unix socket directory"
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "running as root needs the postgres system user"
		chown postgres: "$dir"
		as_owner test -w "$dir" || die "$dir: not reachable by user postgres (check parent directories)"
	fi

	as_owner "$PGBIN/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 \
		--locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
		die "initdb failed: $(tail -5 "$dir/initdb.log")"

	# Another process may take the port between the choice and the bind:
	# retry with a new one rather than probe first.
	tries=0
	while :; do
		port=$(random_port)
		if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		[ "$tries" -lt 10 ] || die "server did not start: $(tail -5 "$dir/server.log")"
	done

	as_owner "$PGBIN/createdb" -h "$dir" -p "$port" -U postgres "$DB" ||
		die "createdb $DB failed"
	echo "postgresql://postgres@127.0.0.1:$port/$DB"
}

stop() {
	dir=$1
	[ -d "$dir" ] || exit 0
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 ||
			die "could not stop the server in $dir/data"
	fi
	rm -rf "$dir"
}

restart() {
	dir=$1
	[ -f "$dir/data/postmaster.pid" ] || die "no server running in $dir"
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 restart \
		>/dev/null 2>&1 || die "restart failed: $(tail -5 "$dir/server.log")"
}

[ $# -eq 2 ] || die "usage: $0 start|stop|restart DIR"
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
restart) restart "$2" ;;
*) die "usage: $0 start|stop|restart DIR" ;;
esac
