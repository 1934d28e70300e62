#!/usr/bin/env bash
# Measures `dev start` and its shutdown on a 10-service stack, by hand:
#
#   mvn -q -DskipTests package && bench/start-stop.sh [RUNS]
#
# Each service sleeps 0.3 s and then listens on its auto-assigned port (dev's default health check for a
# service with a port: tcp). The listener is a three-line perl script: perl-base is Essential on Debian and
# ships with macOS, so nothing has to be installed, and it starts in milliseconds, so what is measured is
# dev, not the services. The ten services form two levels: five independent ones, and five that each
# depend on one of them, so a start costs at least 2 × 0.3 s of readiness.
#
# Per run: "up" is the wall time from invoking `java -jar target/dev.jar start` to its "stack is up" line
# (JVM start included), with dev's own "stack is up in …" figure beside it; "stop" is the time from
# SIGTERM to the process exiting. Prints every run and the medians; VERBOSE=1 also prints dev's output. Fails if a run does not come up, does not exit 0, or leaves a process behind.
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/target/dev.jar"
[ -f "$JAR" ] || { echo "no $JAR: build it with 'mvn -q -DskipTests package'" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dev-bench.XXXXXX")
PROJECT="$WORK/project"
mkdir -p "$PROJECT"
dev=

# Pids of processes whose environment names this project: what dev started and nothing else.
project_pids() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    if tr '\0' '\n' 2>/dev/null < "$environ" | grep -qx "DEV_PROJECT_ROOT=$PROJECT"; then
      pid=${environ#/proc/}
      echo "${pid%/environ}"
    fi
  done
}

# On any exit: stop a dev still running the way a user would (SIGTERM, so it stops its services), and
# only then remove whatever it may have left.
finish() {
  if [ -n "$dev" ] && kill -0 "$dev" 2>/dev/null; then
    kill -TERM "$dev" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$dev" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$dev" 2>/dev/null || true
  fi
  for pid in $(project_pids); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap finish EXIT

cat > "$PROJECT/serve.pl" <<'PERL'
use IO::Socket::INET;
my $server = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $ENV{PORT}, Listen => 16,
    ReuseAddr => 1) or die "cannot listen on $ENV{PORT}: $!\n";
while (my $client = $server->accept) { close $client }
PERL

{
  echo '[project]'
  echo 'name = "bench"'
  echo 'stop_timeout = "5s"'
  for i in 1 2 3 4 5; do
    printf '\n[services.base%d]\ncommand = "sleep 0.3; exec perl serve.pl"\nport = "auto"\n' "$i"
    printf '\n[services.app%d]\ncommand = "sleep 0.3; exec perl serve.pl"\nport = "auto"\ndepends_on = ["base%d"]\n' "$i" "$i"
  done
} > "$PROJECT/dev.toml"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

leftovers() { project_pids | wc -l; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

UPS=()
INSIDES=()
STOPS=()
for run in $(seq 1 "$RUNS"); do
  OUT="$WORK/run$run.out"
  UPFILE="$WORK/run$run.up"
  mkfifo "$WORK/fifo$run"
  begin=$(now_ms)
  java -jar "$JAR" -C "$PROJECT" --color=never start > "$WORK/fifo$run" 2>&1 &
  dev=$!
  # Timestamp the line the moment dev prints it, instead of polling a file.
  while IFS= read -r line; do
    printf '%s\n' "$line" >> "$OUT"
    case $line in *"stack is up"*) now_ms > "$UPFILE" ;; esac
  done < "$WORK/fifo$run" &
  reader=$!

  deadline=$(( $(now_ms) + 30000 ))
  until [ -s "$UPFILE" ]; do
    if [ "$(now_ms)" -gt "$deadline" ] || ! kill -0 "$dev" 2>/dev/null; then
      echo "run $run: no 'stack is up' line" >&2; cat "$OUT" >&2; exit 1
    fi
    sleep 0.01
  done
  up=$(( $(cat "$UPFILE") - begin ))

  term=$(now_ms)
  kill -TERM "$dev"
  code=0
  wait "$dev" || code=$?
  stop=$(( $(now_ms) - term ))
  wait "$reader" || true
  if [ "$code" -ne 0 ]; then
    echo "run $run: dev exited $code" >&2; cat "$OUT" >&2; exit 1
  fi
  left=$(leftovers)
  if [ "$left" -ne 0 ]; then
    echo "run $run: $left processes left behind" >&2; exit 1
  fi
  # dev's own figure, counted from when its orchestrator began: the part that is not JVM start-up.
  inside=$(sed -n 's/.*stack is up in \([0-9.]*\)\(ms\|s\).*/\1 \2/p' "$OUT" \
    | awk '{ print ($2 == "s") ? int($1 * 1000) : int($1) }')
  printf 'run %d: up %5d ms (dev says %4d ms)   stop %5d ms\n' "$run" "$up" "$inside" "$stop"
  if [ -n "${VERBOSE:-}" ]; then cat "$OUT"; fi
  UPS+=("$up")
  INSIDES+=("$inside")
  STOPS+=("$stop")
done

printf 'median of %d runs: up %d ms (dev says %d ms), stop %d ms  [10 services, ready 0.3 s after start, 2 levels]\n' \
  "$RUNS" "$(printf '%s\n' "${UPS[@]}" | median)" "$(printf '%s\n' "${INSIDES[@]}" | median)" \
  "$(printf '%s\n' "${STOPS[@]}" | median)"
