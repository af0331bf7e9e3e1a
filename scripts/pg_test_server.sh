# Source me: starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 and exports DATABASE_URL.
# Uses Debian's postgresql-15 binaries; as root, the cluster runs as the postgres user.
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-54329}"
PG_DIR="$(mktemp -d /tmp/ncos-pg.XXXXXX)"

pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; fi
  pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/ncos"
  echo "==> PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:${PG_PORT}"
}

stop_test_postgres() {
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
