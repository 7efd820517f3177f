# Shared by the scripts that start the Agents Playground (pinned in ../package.json) next to the bot: sourced, not run.
# E2E must name the tests/e2e folder.

# wait_for URL EXPECTED-SUBSTRING SECONDS: polls until the URL answers with the substring.
wait_for() {
  local deadline=$((SECONDS + $3))
  until curl -fsS --max-time 2 "$1" 2>/dev/null | grep -q "$2"; do
    ((SECONDS < deadline)) || { echo "$1 not ready after $3 s" >&2; return 1; }
    sleep 0.2
  done
}

# port_is_free PORT: nothing listens on 127.0.0.1:PORT.
port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ensure_playground: node and the pinned playground, installed when missing (Debian's nodejs, the npm registry).
ensure_playground() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    [[ "$(id -u)" == 0 ]] || { echo "node and npm are missing: apt-get install -y nodejs npm (as root)" >&2; return 1; }
    echo "installing node and npm (Debian packages)..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } || return 1
  fi
  if [[ ! -f "$E2E/node_modules/@microsoft/m365agentsplayground/cli.js" ]]; then
    echo "installing the pinned Agents Playground (npm ci in tests/e2e)..." >&2
    (cd "$E2E" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
}

# start_playground CONFIG PORT BOT-ENDPOINT LOG-PREFIX: one playground (one Teams client acting as CONFIG's currentUser)
# on 127.0.0.1:PORT, in the background; its pid in PLAYGROUND_PID. It runs in LOG-PREFIX's folder, so whatever it writes there
# (devTools/...) never lands in the repository. PLAYGROUND_LOCALE (e.g. fr-FR) makes it speak that language to the bot.
start_playground() {
  local config=$1 port=$2 endpoint=$3 prefix=$4
  (
    cd "$(dirname "$prefix")" || exit 1
    export TEAMSAPPTESTER_BROWSER=none APPLICATIONINSIGHTS_CONFIGURATION_CONTENT='{"disableStatsbeat":true}'
    export M365_AGENTS_PLAYGROUND_LOGFILE="$prefix.log" M365_AGENTS_PLAYGROUND_CONFIG_PATH="$config"
    exec node -r "$E2E/bind-localhost.cjs" -r "$E2E/lib/locale.cjs" "$E2E/node_modules/@microsoft/m365agentsplayground/cli.js" start \
      -e "$endpoint" -c msteams -p "$port" --su "http://127.0.0.1:$port/_connector/" --dt >"$prefix.out" 2>&1
  ) &
  PLAYGROUND_PID=$!
}

# playground_ready PORT PREFIX SECONDS: it answers on PORT (a busy port makes it silently pick another: insist on ours).
playground_ready() {
  wait_for "http://127.0.0.1:$1/_debug/ping" pong "$3" && grep -q "Listening on $1\$" "$2.out"
}

# wait_playground PORT PREFIX PID DEADLINE: polls until the playground PID answers on PORT (as playground_ready), or
# fails as soon as it exits or when SECONDS passes DEADLINE; on failure, says why and prints its output and its own log.
wait_playground() {
  local port=$1 prefix=$2 pid=$3 deadline=$4 why=""
  until curl -fsS --max-time 2 "http://127.0.0.1:$port/_debug/ping" 2>/dev/null | grep -q pong && grep -q "Listening on $port\$" "$prefix.out" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then why="it exited"; break; fi
    if ((SECONDS > deadline)); then why="not ready in time (raise CHAT_START_SECONDS on a busy machine)"; break; fi
    sleep 0.3
  done
  [[ -z "$why" ]] && return 0
  echo "the playground on :$port did not start: $why" >&2
  echo "--- its output ($prefix.out):" >&2
  tail -n 60 "$prefix.out" >&2 2>/dev/null || true
  echo "--- its log ($prefix.log):" >&2
  tail -n 60 "$prefix.log" >&2 2>/dev/null || true
  return 1
}
