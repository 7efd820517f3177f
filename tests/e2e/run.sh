#!/usr/bin/env bash
# End-to-end tests with the real Teams-like client (Microsoft 365 Agents Playground, pinned in package.json):
# builds the bot once, starts it on its defaults (embedded iTop sandbox, SQLite) and one playground per acting
# person, all on loopback inside a network namespace of their own when possible, then runs the API flow, the
# approval flow and the UI flow (headless Debian Chromium). Exits non-zero on any failure.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$E2E/../.." && pwd)"

# Loopback-only network namespace (root): nothing can leave the machine and fixed ports cannot collide.
if [[ -z "${IN_NETNS:-}" && "$(id -u)" == 0 ]] && unshare -n true 2>/dev/null; then
  # Install what is missing first, while the network is still there.
  [[ -x /usr/bin/chromium ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
  [[ -d "$E2E/node_modules/@microsoft/m365agentsplayground" && -d "$E2E/node_modules/playwright-core" ]] \
    || (cd "$E2E" && npm ci --ignore-scripts --no-audit --no-fund)
  (cd "$REPO" && dotnet build src/ChatOpsBot/ChatOpsBot.csproj -c Release -nologo -v q)
  exec unshare -n env IN_NETNS=1 E2E_BUILT=1 bash "$0" "$@"
fi
if [[ -n "${IN_NETNS:-}" ]]; then
  ip link set lo up
  PLAYGROUND_PORT_BASE=56150 BOT_PORT=3978
else
  echo "run.sh: no network namespace (not root or unshare refused): plain loopback" >&2
  [[ -x /usr/bin/chromium ]] || { echo "run.sh: /usr/bin/chromium is missing (apt-get install -y chromium as root)" >&2; exit 1; }
  [[ -d "$E2E/node_modules/@microsoft/m365agentsplayground" ]] || (cd "$E2E" && npm ci --ignore-scripts --no-audit --no-fund)
  PLAYGROUND_PORT_BASE=${PLAYGROUND_PORT_BASE:-46150} BOT_PORT=${BOT_PORT:-43978}
fi
if [[ -z "${E2E_BUILT:-}" ]]; then
  (cd "$REPO" && dotnet build src/ChatOpsBot/ChatOpsBot.csproj -c Release -nologo -v q)
fi

START=$EPOCHREALTIME
WORK="$(mktemp -d /tmp/chatopsbot-e2e.XXXXXX)"
export E2E_LOGS="$WORK"
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $rc -ne 0 ]]; then
    echo "---- e2e failed (rc=$rc); logs in $WORK ----" >&2
    grep -v -e "Polly\[3\]" -e "Execution attempt" "$WORK"/bot.log | tail -n 40 >&2 || true
    grep -H "^error" "$WORK"/playground-*.log >&2 || true # a playground that refused to start (e.g. its config)
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

wait_for() { # url expected-substring seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS --max-time 2 "$1" 2>/dev/null | grep -q "$2"; do
    ((SECONDS < deadline)) || { echo "run.sh: $1 not ready after $3 s" >&2; return 1; }
    sleep 0.2
  done
}

# One playground (one Teams client) per person who acts in the flow; the first is the UI's.
PEOPLE=(support@insa-lyon.fr nathalie.matheu@groupe-insa.fr hamid.le-fleurier@insa-toulouse.fr hugues.le-moane@insa-rennes.fr
  helene.dechelette@insa-lyon.fr eloise.joyeux@insa-lyon.fr)
NAMES=(LYON NATHALIE HAMID HUGUES HELENE ELOISE)
node "$E2E/lib/configs.mjs" "$WORK/configs" "${PEOPLE[@]}"
# The two approvers of INSA Lyon in the iTop seed (the approval flow).
BOT_ARGS=(--Roles:ApproverEmails:0=helene.dechelette@insa-lyon.fr --Roles:ApproverEmails:1=eloise.joyeux@insa-lyon.fr)
for i in "${!PEOPLE[@]}"; do
  port=$((PLAYGROUND_PORT_BASE + i))
  TEAMSAPPTESTER_BROWSER=none \
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT='{"disableStatsbeat":true}' \
  M365_AGENTS_PLAYGROUND_LOGFILE="$WORK/playground-${NAMES[$i]}.log" \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$WORK/configs/${PEOPLE[$i]}.yml" \
    node -r "$E2E/bind-localhost.cjs" "$E2E/node_modules/@microsoft/m365agentsplayground/cli.js" start \
      -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$port" \
      --su "http://127.0.0.1:$port/_connector/" --dt >"$WORK/playground-${NAMES[$i]}.out" 2>&1 &
  PIDS+=($!)
  export "PLAYGROUND_${NAMES[$i]}=http://127.0.0.1:$port"
  BOT_ARGS+=("--Bot:AllowedServiceUrls:$i=http://127.0.0.1:$port/")
done

BIN="$REPO/src/ChatOpsBot/bin/Release/net10.0"
mkdir -p "$WORK/bot"
(cd "$WORK/bot" && exec dotnet "$BIN/ChatOpsBot.dll" --contentRoot "$BIN" --urls "http://127.0.0.1:$BOT_PORT" \
  --Bot:AllowUnauthenticatedLocalRequests=true --Notifications:PollIntervalSeconds=1 "${BOT_ARGS[@]}" >"$WORK/bot.log" 2>&1) &
PIDS+=($!)

for i in "${!PEOPLE[@]}"; do
  wait_for "http://127.0.0.1:$((PLAYGROUND_PORT_BASE + i))/_debug/ping" pong 30
  # A busy port makes the playground silently pick another: insist on ours.
  grep -q "Listening on $((PLAYGROUND_PORT_BASE + i))" "$WORK/playground-${NAMES[$i]}.out"
done
wait_for "http://127.0.0.1:$BOT_PORT/readyz" Healthy 60
ITOP_URL="$(grep -o 'embedded iTop sandbox at http://127.0.0.1:[0-9]*/' "$WORK/bot.log" | grep -o 'http://.*')"
export ITOP_URL
elapsed() { awk -v a="$START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
printf 'run.sh: servers ready in %s s (bot :%s, iTop %s, playgrounds :%s..)\n' "$(elapsed)" "$BOT_PORT" "$ITOP_URL" "$PLAYGROUND_PORT_BASE"

cd "$E2E"
# E2E_FLOWS picks some of the flows (e.g. E2E_FLOWS=approval-flow.test.mjs while working on it).
read -ra FLOWS <<<"${E2E_FLOWS:-api-flow.test.mjs ui-flow.test.mjs approval-flow.test.mjs}"
node --experimental-websocket --test --test-reporter=spec --test-concurrency=1 "${FLOWS[@]}"
printf 'run.sh: whole run %s s\n' "$(elapsed)"
