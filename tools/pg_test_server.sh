#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's packages (`make postgresql`): a
# cluster in a new temporary folder, listening only on a Unix socket in that folder, with
# durability off (a test server loses nothing worth keeping). The server refuses to run as root,
# so as root (CI) the cluster belongs to, and runs as, the `postgres` user.
#
#   tools/pg_test_server.sh run CMD [ARG...]  start a server, run CMD with CLAIMGRAPH_TEST_PG set to
#                                             its URL, stop it and remove its folder (also when CMD
#                                             fails); CMD's exit code is returned. A server already
#                                             given in CLAIMGRAPH_TEST_PG is used as it is.
#   eval "$(tools/pg_test_server.sh start)"   start one; exports CLAIMGRAPH_TEST_PG and CLAIMGRAPH_TEST_PG_DIR
#   tools/pg_test_server.sh stop DIR          stop the server of folder DIR and remove the folder
set -euo pipefail

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "pg_test_server: no PostgreSQL under /usr/lib/postgresql (install it: make postgresql)" >&2
        return 1
    fi
    echo "$bin"
}

# run a server program as the cluster's owner: ourselves, or `postgres` when we are root
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin dir
    bin=$(pg_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/claimgraph-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "pg_test_server: running as root, but there is no postgres user" >&2; rm -rf "$dir"; return 1; }
        chown postgres: "$dir"
    fi
    (
        cd "$dir"  # the owner may not be allowed into the caller's folder
        as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
            -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start \
            || { cat "$dir/server.log" >&2; exit 1; }
    ) || { rm -rf "$dir"; return 1; }
    echo "export CLAIMGRAPH_TEST_PG='postgresql://postgres@/postgres?host=$dir'"
    echo "export CLAIMGRAPH_TEST_PG_DIR='$dir'"
}

stop() {
    local dir=$1 bin
    [ -d "$dir/data" ] || { echo "pg_test_server: no cluster in $dir" >&2; return 1; }
    bin=$(pg_bin)
    (cd "$dir" && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop) || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:?usage: $0 stop DIR}" ;;
    run)
        shift
        [ $# -gt 0 ] || { echo "usage: $0 run CMD [ARG...]" >&2; exit 2; }
        if [ -n "${CLAIMGRAPH_TEST_PG:-}" ]; then
            exec "$@"
        fi
        eval "$(start)"
        trap 'stop "$CLAIMGRAPH_TEST_PG_DIR"' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        status=0
        "$@" || status=$?
        exit "$status"
        ;;
    *) echo "usage: $0 run CMD [ARG...] | start | stop DIR" >&2; exit 2 ;;
esac
