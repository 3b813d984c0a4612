#!/usr/bin/env bash
# How long CadreFlow takes to start, as a user sees it: from `java -jar target/cadreflow.jar` to the login page
# answering with the login view. Build the jar first (mvn -B -ntp -DskipTests package), then:
#
#   bash src/test/start-time.sh [rounds] [-- java arguments]
#
# Every round starts the jar on a fresh CADREFLOW_DATA directory (fresh database: migrations, engine tables,
# deployment, demo data, asked for with CADREFLOW_DEMO_DATA=true) and then once more on the same directory (restart). For each start it polls
# GET /login every 100 ms until it answers 200, then asks for the login view as the browser does (Vaadin's
# init request and the navigation to `login`) and checks that the answer holds the login form. It prints:
#
#   fresh   login 8.41 s  view 8.93 s  cpu 12.6 s (main thread 6.1 s)  app: CadreFlow ready in 8.3 s ...  load 0.52 0.71 0.80
#
# login: seconds from launching java to GET /login answering 200; view: to the login view's content;
# cpu: CPU seconds the JVM had used by then, all its threads and the main thread alone (the start's critical
# path; both less sensitive to other load than the wall clock); app: the figure the app printed itself;
# load: the load average before the start.
# Settings: PORT (default 18080), JAR (default target/cadreflow.jar), LOGS (a directory to keep each start's
# output in), and the arguments after `--`, which replace `-jar $JAR` (e.g. `-- -Xshare:off -jar $JAR`).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

ROUNDS=1
if [ $# -gt 0 ] && [ "$1" != -- ]; then ROUNDS=$1; shift; fi
PORT=${PORT:-18080}
JAR=${JAR:-target/cadreflow.jar}
if [ "${1:-}" = -- ]; then shift; JAVA_ARGS=("$@"); else JAVA_ARGS=(-jar "$JAR"); fi
[ "${JAVA_ARGS[0]}" != -jar ] || [ -f "$JAR" ] || { echo "no $JAR: mvn -B -ntp -DskipTests package" >&2; exit 1; }
if curl -s -o /dev/null "http://localhost:$PORT/" 2>/dev/null; then
  echo "something already answers on port $PORT; set PORT" >&2; exit 1
fi

WORK=$(mktemp -d)
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
TICK=$(getconf CLK_TCK)

now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
cpu_seconds() { awk -v t="$TICK" '{ sub(/.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "$1"; }
# The JVM's main thread (the start's critical path) is the process's second task: the first is the launcher's.
main_thread() { ls "/proc/$1/task" | sort -n | sed -n 2p; }

# The browser's first two requests after the page: Vaadin's init request, then the navigation to `login`.
login_view() {
  local base="http://localhost:$PORT" jar="$WORK/cookies" init key ui
  init=$(curl -s -b "$jar" -c "$jar" "$base/?v-r=init&location=login&query=")
  key=$(sed -n 's/.*"Vaadin-Security-Key":"\([^"]*\)".*/\1/p' <<<"$init")
  ui=$(sed -n 's/.*"v-uiId":\([0-9]*\).*/\1/p' <<<"$init")
  [ -n "$key" ] && [ -n "$ui" ] || return 1
  curl -s -b "$jar" -c "$jar" -H 'Content-Type: application/json' "$base/?v-r=uidl&v-uiId=$ui" --data \
    '{"csrfToken":"'"$key"'","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"login","query":"","appShellTitle":"","historyState":null,"trigger":""}}],"syncId":0,"clientId":0}' \
    | grep -q '"vaadin-login-form"'
}

start() {
  local kind=$1 data=$2 log="$WORK/$1.log" load t0 t1 t2 cpu main app
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rm -f "$WORK/cookies"
  t0=$(now)
  CADREFLOW_DATA=$data CADREFLOW_DEMO_DATA=true PORT=$PORT java "${JAVA_ARGS[@]}" >"$log" 2>&1 &
  PID=$!
  until [ "$(curl -s -c "$WORK/cookies" -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" 2>/dev/null)" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { tail -n 40 "$log" >&2; echo "the app exited" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(now)
  login_view || { tail -n 40 "$log" >&2; echo "no login view in the answer" >&2; exit 1; }
  t2=$(now)
  cpu=$(cpu_seconds "/proc/$PID/stat")
  main=$(cpu_seconds "/proc/$PID/task/$(main_thread "$PID")/stat")
  for _ in $(seq 100); do grep -q 'CadreFlow ready' "$log" && break; sleep 0.1; done
  app=$(grep -m1 -o 'CadreFlow ready.*' "$log" || echo '(no ready line)')
  printf '%-7s login %s s  view %s s  cpu %s s (main thread %s s)  app: %s  load %s\n' \
    "$kind" "$(seconds "$t0" "$t1")" "$(seconds "$t0" "$t2")" "$cpu" "$main" "$app" "$load"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  [ -z "${LOGS:-}" ] || { mkdir -p "$LOGS"; cp "$log" "$LOGS/$kind-$round.log"; }
}

for round in $(seq "$ROUNDS"); do
  data="$WORK/data-$round"
  mkdir -p "$data"
  start fresh "$data"
  start restart "$data"
done
