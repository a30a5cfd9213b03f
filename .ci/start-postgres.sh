#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed, starts it on 127.0.0.1:5432 and creates the `lysty` role and
# database used by the Postgres test run. Idempotent; prints the connection URL last.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done

# On a CI machine the cluster is thrown away with the machine: trade durability for speed, as test clusters usually do
# (each test creates a schema and runs every migration, which is mostly waiting for fsync otherwise). Never on a
# developer's own cluster.
if [ "${CI:-}" = "true" ]; then
  su postgres -c "psql -qc 'alter system set fsync = off' -c 'alter system set synchronous_commit = off' \
    -c 'alter system set full_page_writes = off' -c 'select pg_reload_conf()'" >/dev/null
fi

su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='lysty'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role lysty login password 'lysty'\""
# Test runs clone a migrated template database per test (test/helpers/database.ts), which needs CREATEDB.
su postgres -c "psql -qc \"alter role lysty createdb\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='lysty'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create database lysty owner lysty\""

echo "postgres://lysty:lysty@127.0.0.1:5432/lysty"
