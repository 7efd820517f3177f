#!/usr/bin/env bash
# End-to-end tests with the real Teams-like client (Microsoft 365 Agents Playground, pinned in package.json):
# builds the bot once, starts it on its defaults (embedded iTop sandbox, SQLite) and one playground per acting
# person, all on loopback inside a network namespace of their own when possible, then runs the API flow, the
# approval flow and the UI flow (headless Debian Chromium). Exits non-zero on any failure.
# E2E_ITOP=real: the bot talks to the real iTop of ITOP_TEST_URL / ITOP_TEST_TOKEN (../shared/itop, started by
# .ci/run) instead of its sandbox, after ITOP_TEST_RESET (when set) put it back to its seed.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$E2E/../.." && pwd)"

case "${E2E_ITOP:=sandbox}" in
  sandbox) ;;
  real)
    [[ -n "${ITOP_TEST_URL:-}" && -n "${ITOP_TEST_TOKEN:-}" ]] || { echo "run.sh: E2E_ITOP=real needs ITOP_TEST_URL and ITOP_TEST_TOKEN" >&2; exit 2; }
    [[ "$ITOP_TEST_URL" =~ ^http://127\.0\.0\.1:([0-9]+)/?$ ]] || { echo "run.sh: ITOP_TEST_URL must be http://127.0.0.1:<port>/" >&2; exit 2; }
    ITOP_PORT=${BASH_REMATCH[1]}
    if [[ -z "${IN_NETNS:-}" && -n "${ITOP_TEST_RESET:-}" ]]; then bash "$ITOP_TEST_RESET" >/dev/null; fi
    ;;
  *) echo "run.sh: E2E_ITOP is sandbox or real, not '$E2E_ITOP'" >&2; exit 2 ;;
esac

# Loopback-only network namespace (root): nothing can leave the machine and fixed ports cannot collide.
if [[ -z "${IN_NETNS:-}" && "$(id -u)" == 0 ]] && unshare -n true 2>/dev/null; then
  # Install what is missing first, while the network is still there.
  [[ -x /usr/bin/chromium ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
  [[ -d "$E2E/node_modules/@microsoft/m365agentsplayground" && -d "$E2E/node_modules/playwright-core" ]] \
    || (cd "$E2E" && npm ci --ignore-scripts --no-audit --no-fund)
  if [[ -z "${E2E_BUILT:-}" ]]; then # E2E_BUILT=1: the Release build is already there (.ci/run's second run)
    (cd "$REPO" && dotnet build src/ChatOpsBot/ChatOpsBot.csproj -c Release -nologo -v q)
  fi
  if [[ "$E2E_ITOP" == sandbox ]]; then
    exec unshare -n env IN_NETNS=1 E2E_BUILT=1 bash "$0" "$@"
  fi
  # The real iTop listens on the host's loopback, which the namespace does not see: a relay carries its port over a
  # Unix socket (a file, seen from both sides) to the same port on the namespace's loopback.
  RELAY="$(mktemp -d /tmp/chatopsbot-e2e-relay.XXXXXX)"
  node "$E2E/lib/relay.mjs" to-tcp "$RELAY/itop.sock" "$ITOP_PORT" >"$RELAY/relay.log" 2>&1 &
  RELAY_PID=$!
  for _ in $(seq 50); do [[ -S "$RELAY/itop.sock" ]] && break; sleep 0.1; done
  rc=0
  unshare -n env IN_NETNS=1 E2E_BUILT=1 E2E_ITOP_SOCKET="$RELAY/itop.sock" bash "$0" "$@" || rc=$?
  kill "$RELAY_PID" 2>/dev/null || true
  wait "$RELAY_PID" 2>/dev/null || true
  rm -rf "$RELAY"
  exit $rc
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
if [[ "$E2E_ITOP" == real ]]; then
  if [[ -n "${E2E_ITOP_SOCKET:-}" ]]; then
    node "$E2E/lib/relay.mjs" to-unix "$ITOP_PORT" "$E2E_ITOP_SOCKET" >"$WORK/relay.log" 2>&1 &
    PIDS+=($!)
  fi
  wait_for "${ITOP_TEST_URL%/}/webservices/rest.php" '"code"' 30
  ITOP_URL="${ITOP_TEST_URL%/}/"
  # The seed's group desk (the embedded sandbox reads it from the host's appsettings.Sandbox.json).
  BOT_ARGS+=("--Itop:BaseUrl=$ITOP_URL" --Roles:GroupDeskEmails:0=nathalie.matheu@groupe-insa.fr)
fi
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
# A real iTop's token goes to the bot through its environment, not its command line (ps would show it).
(cd "$WORK/bot" && if [[ "$E2E_ITOP" == real ]]; then export Itop__Token="$ITOP_TEST_TOKEN"; fi
  exec dotnet "$BIN/ChatOpsBot.dll" --contentRoot "$BIN" --urls "http://127.0.0.1:$BOT_PORT" \
  --Bot:AllowUnauthenticatedLocalRequests=true --Notifications:PollIntervalSeconds=1 --Forms:DependentChoices=false "${BOT_ARGS[@]}" >"$WORK/bot.log" 2>&1) &
PIDS+=($!)

for i in "${!PEOPLE[@]}"; do
  wait_for "http://127.0.0.1:$((PLAYGROUND_PORT_BASE + i))/_debug/ping" pong 90 # six node processes start at once: slow on a busy 2-core machine
  # A busy port makes the playground silently pick another: insist on ours.
  grep -q "Listening on $((PLAYGROUND_PORT_BASE + i))" "$WORK/playground-${NAMES[$i]}.out"
done
wait_for "http://127.0.0.1:$BOT_PORT/readyz" Healthy 60
if [[ "$E2E_ITOP" == sandbox ]]; then
  ITOP_URL="$(grep -o 'embedded iTop sandbox at http://127.0.0.1:[0-9]*/' "$WORK/bot.log" | grep -o 'http://.*')"
else
  export ITOP_TOKEN="$ITOP_TEST_TOKEN" # the flows read iTop with it (lib/itop.mjs)
fi
export ITOP_URL
elapsed() { awk -v a="$START" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
printf 'run.sh: servers ready in %s s (bot :%s, %s iTop %s, playgrounds :%s..)\n' "$(elapsed)" "$BOT_PORT" "$E2E_ITOP" "$ITOP_URL" "$PLAYGROUND_PORT_BASE"

cd "$E2E"
# E2E_FLOWS picks some of the flows (e.g. E2E_FLOWS=approval-flow.test.mjs while working on it).
read -ra FLOWS <<<"${E2E_FLOWS:-api-flow.test.mjs ui-flow.test.mjs approval-flow.test.mjs search-flow.test.mjs steps-flow.test.mjs}"
node --experimental-websocket --test --test-reporter=spec --test-concurrency=1 "${FLOWS[@]}"
printf 'run.sh: whole run %s s\n' "$(elapsed)"
