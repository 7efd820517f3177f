#!/usr/bin/env bash
# Installs (Debian package) and starts a local PostgreSQL on 127.0.0.1:5432 for the state-store tests.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -h 127.0.0.1 -tAc 'select 1'" >/dev/null 2>&1 || su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
su postgres -c "psql -q -c \"alter user postgres password 'postgres'\""
