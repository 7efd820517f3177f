#!/usr/bin/env bash
# Chat with the bot by hand, as people of the iTop seed, in French: starts the bot on its embedded defaults (iTop sandbox,
# SQLite under ./data, unauthenticated local mode) unless one already answers, and one Agents Playground per person,
# each one that person's Teams client. Prints one line per person with the URL to open; Ctrl+C stops what it started.
#
#   bash tests/e2e/chat.sh                       # the Lyon support, the group desk, an intervenant, an approver
#   bash tests/e2e/chat.sh hamid hugues helene   # anyone of the seed, by a piece of their name or their email
#   bash tests/e2e/chat.sh --list                # who can chat
#   bash tests/e2e/chat.sh lyon -- --Notifications:PollIntervalSeconds=1   # after --: more settings for the bot
#
# CHAT_BOT_URL (http://127.0.0.1:3978) and CHAT_PORT (56150, the first playground's; the next free ones follow) move it;
# CHAT_LOCALE=en-US makes the clients English; CHAT_START_SECONDS (300) is how long the bot and the playgrounds may take
# to be ready, together (node processes starting at once on a busy 2-core machine take minutes).
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$E2E/../.." && pwd)"
# shellcheck source=lib/servers.sh
. "$E2E/lib/servers.sh"

BOT_URL="${CHAT_BOT_URL:-http://127.0.0.1:3978}"
FIRST_PORT="${CHAT_PORT:-56150}"
CONFIGURATION="${CHAT_CONFIGURATION:-Debug}"
START_SECONDS="${CHAT_START_SECONDS:-300}"
# The approvers of INSA Lyon in the seed, so that a ticket of the Lyon support can be approved, rejected or handed over.
APPROVERS=(helene.dechelette@insa-lyon.fr eloise.joyeux@insa-lyon.fr)
DEFAULT_PEOPLE=(support@insa-lyon.fr nathalie.matheu@groupe-insa.fr hamid.le-fleurier@insa-toulouse.fr helene.dechelette@insa-lyon.fr)

WORDS=() BOT_ARGS=()
while (($#)); do
  case "$1" in
    --) shift; BOT_ARGS=("$@"); break ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --list)
      ensure_playground
      node "$E2E/lib/chat-configs.mjs" --list | while IFS=$'\t' read -r email name organization teams; do
        printf '  %s <%s>, %s%s\n' "$name" "$email" "$organization" "${teams:+ ($teams)}"
      done
      exit 0 ;;
    *) WORDS+=("$1"); shift ;;
  esac
done
((${#WORDS[@]})) || WORDS=("${DEFAULT_PEOPLE[@]}")

ensure_playground
WORK="$(mktemp -d "${TMPDIR:-/tmp}/chatopsbot-chat.XXXXXX")"
people=$(node "$E2E/lib/chat-configs.mjs" "$WORK/configs" "${WORDS[@]}") || { rm -rf "$WORK"; exit 2; }
mapfile -t PEOPLE <<<"$people"

PIDS=() BOT_PID="" TAIL_PID="" STOPPING=""
stop() {
  local rc=$?
  trap - EXIT INT TERM
  [[ -n "$STOPPING" ]] && rc=0
  [[ -z "$TAIL_PID" ]] || kill "$TAIL_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  local deadline=$((SECONDS + 15))
  for pid in "${PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if ((rc == 0)); then
    echo "chat: stopped ${BOT_PID:+the bot and }${#PEOPLE[@]} playground(s)"
    rm -rf "$WORK"
  else
    echo "chat: failed (logs in $WORK)" >&2
  fi
  exit $rc
}
trap stop EXIT
trap 'STOPPING=1; exit 0' INT TERM

if curl -fsS --max-time 2 "$BOT_URL/healthz" >/dev/null 2>&1; then
  echo "chat: using the bot already running at $BOT_URL (approvals need its Roles:ApproverEmails, see the README)"
  ((${#BOT_ARGS[@]} == 0)) || echo "chat: the settings after -- apply to a bot this command starts only" >&2
else
  BIN="$REPO/src/ChatOpsBot/bin/$CONFIGURATION/net10.0"
  # Built unless a build is there and no source changed since its newest output (dotnet run would spend 40 s or more
  # finding that out on a 2-core machine).
  # No build yet (a fresh clone): ls fails, which pipefail would turn into a silent exit.
  newest="$BIN/$(ls -t "$BIN" 2>/dev/null | head -n 1 || true)"
  if [[ ! -f "$BIN/ChatOpsBot.dll" ]] || [[ -n "$(find "$REPO/src" \( -name bin -o -name obj \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.resx' -o -name '*.json' \) -newer "$newest" -print -quit)" ]]; then
    echo "chat: building the bot (the first build takes a few minutes)..."
    (cd "$REPO" && dotnet build src/ChatOpsBot -c "$CONFIGURATION" --disable-build-servers -nologo -v q >"$WORK/build.log" 2>&1) \
      || { grep -E 'error|Build FAILED' "$WORK/build.log" | sort -u >&2; exit 1; }
  fi
  # As `dotnet run --project src/ChatOpsBot` does: the Development profile, state under ./data of the repository.
  args=(--contentRoot "$BIN" --urls "$BOT_URL" --Notifications:PollIntervalSeconds=5 --Forms:DependentChoices=false)
  for i in "${!APPROVERS[@]}"; do args+=("--Roles:ApproverEmails:$i=${APPROVERS[$i]}"); done
  (cd "$REPO" && ASPNETCORE_ENVIRONMENT=Development exec dotnet "$BIN/ChatOpsBot.dll" "${args[@]}" "${BOT_ARGS[@]}" >"$WORK/bot.log" 2>&1) &
  BOT_PID=$!
  PIDS+=("$BOT_PID")
fi

port=$FIRST_PORT PORTS=() PLAYGROUND_PIDS=()
start_deadline=$((SECONDS + START_SECONDS))
for person in "${PEOPLE[@]}"; do
  email=${person%%$'\t'*}
  while ! port_is_free "$port"; do port=$((port + 1)); done
  PLAYGROUND_LOCALE="${CHAT_LOCALE:-fr-FR}" start_playground "$WORK/configs/$email.yml" "$port" "$BOT_URL/api/messages" "$WORK/playground-$port"
  PIDS+=("$PLAYGROUND_PID") PORTS+=("$port") PLAYGROUND_PIDS+=("$PLAYGROUND_PID")
  port=$((port + 1))
done

if [[ -n "$BOT_PID" ]]; then
  until curl -fsS --max-time 2 "$BOT_URL/readyz" 2>/dev/null | grep -q Healthy; do
    if ! kill -0 "$BOT_PID" 2>/dev/null || ((SECONDS > start_deadline)); then
      echo "chat: the bot did not start within ${START_SECONDS} s (CHAT_START_SECONDS):" >&2
      tail -n 40 "$WORK/bot.log" >&2
      exit 1
    fi
    sleep 0.3
  done
fi
for i in "${!PORTS[@]}"; do
  wait_playground "${PORTS[$i]}" "$WORK/playground-${PORTS[$i]}" "${PLAYGROUND_PIDS[$i]}" "$start_deadline" || { echo "chat: giving up" >&2; exit 1; }
done

echo "chat: one Teams client per person (French); open its URL, then type « aide » in the chat with ChatOpsBot:"
for i in "${!PEOPLE[@]}"; do
  IFS=$'\t' read -r email name organization teams <<<"${PEOPLE[$i]}"
  role=""
  [[ " ${APPROVERS[*]} " == *" $email "* ]] && role="approver"
  [[ "$email" == nathalie.matheu@groupe-insa.fr ]] && role="group desk"
  [[ "$name" == "Support "* ]] && role="school support"
  [[ -z "$role" && "$teams" == *Intervenants* ]] && role="intervenant"
  printf '  http://127.0.0.1:%s  %s (%s, %s)\n' "${PORTS[$i]}" "$name" "${role:-requester}" "$organization"
done
if [[ -n "$BOT_PID" ]]; then
  echo "chat: the bot's log follows (one line per turn); Ctrl+C stops the bot and the playgrounds"
  tail -n 0 -f "$WORK/bot.log" &
  TAIL_PID=$!
  wait "$BOT_PID" || true
  echo "chat: the bot stopped" >&2
  exit 1
else
  echo "chat: Ctrl+C stops the playgrounds"
  wait "${PIDS[0]}" || true
  exit 1
fi
