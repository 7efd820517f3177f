#!/usr/bin/env bash
# Installs (if needed) and starts the local Debian PostgreSQL cluster for the State tests, then prints the
# value to export as CHATOPSBOT_TEST_POSTGRES. Idempotent; run as root. Usage:
#   export CHATOPSBOT_TEST_POSTGRES="$(bash tests/ChatOpsBot.State.Tests/start-postgres.sh)"
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
if ! pg_lsclusters -h | head -n 1 | grep -q online; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
(cd /tmp && su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -c \"ALTER USER postgres PASSWORD 'postgres'\"") >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=chatopsbot_test"
