#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster if it is down and makes sure a `vigil` role that may create databases
# exists; prints the admin URL the integration tests use (each test file creates and drops its own database).
set -euo pipefail
# Only the URL may reach stdout (callers capture it): everything the cluster tools print goes to stderr.
exec 3>&1 1>&2
log() { printf '[postgres] %s\n' "$*" >&2; }

if [ -n "${VIGIL_TEST_POSTGRES_URL:-}" ]; then echo "$VIGIL_TEST_POSTGRES_URL" >&3; exit 0; fi
port="${VIGIL_TEST_POSTGRES_PORT:-5432}"

cluster_line="$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)"
if [ -z "$cluster_line" ]; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
  log "creating cluster $version/main"
  pg_createcluster "$version" main --port "$port" >/dev/null 3>&-
  cluster_line="$(pg_lsclusters --no-header | head -n 1)"
fi
read -r version name cluster_port status _ <<<"$cluster_line"
if [ "$status" != "online" ]; then
  log "starting cluster $version/$name on port $cluster_port"
  pg_ctlcluster "$version" "$name" start 3>&-
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$cluster_port" && break
  sleep 0.2
done
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres psql -q -p "$cluster_port" -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vigil') THEN
    CREATE ROLE vigil LOGIN CREATEDB PASSWORD 'vigil-test';
  END IF;
END $$;
SQL
echo "postgres://vigil:vigil-test@127.0.0.1:$cluster_port/postgres" >&3
