#!/usr/bin/env bash
# Capture throughput of dev.logs: a real child floods its stdout; compare the child writing
# straight to a file ("direct") with the same output captured by OutputPump -> LogWriter
# ("capture": every line timestamped, stream-tagged and checked afterwards; lost must be 0).
#
# Usage: bench/log-capture.sh [MIB] [LINE_LENGTH] [RUNS] [writer|detached|service]
#   MIB          flood size (default 200)
#   LINE_LENGTH  bytes per line including the newline (default 100)
#   RUNS         measured runs of each kind, after one JIT warm-up capture (default 5)
#   writer       pump -> LogWriter (default); detached = pump -> ServiceLog without a console (file + tail,
#                what a background orchestrator does per line); service = file + tail + console queue
#
# Builds only the classes it needs (mvn test-compile). The files are written under $TMPDIR
# (default /tmp): point it at the disk you care about. Run by hand or by bench/run.sh; not part of
# the test suite. DEV_BENCH_JAVA_OPTS: extra JVM options, e.g. the orchestrator's
# "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" to measure capture with the JIT it really runs with.
set -euo pipefail

cd "$(dirname "$0")/.."
mib=${1:-200}
line=${2:-100}
runs=${3:-5}
sink=${4:-writer}
bytes=$(( mib * 1024 * 1024 / line * line ))

mvn -q -B -DskipTests test-compile

work=$(mktemp -d "${TMPDIR:-/tmp}/dev-log-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # options are split on whitespace on purpose
java ${DEV_BENCH_JAVA_OPTS:-} -cp target/classes:target/test-classes dev.logs.LogCaptureBench "$work" "$bytes" "$line" "$runs" "$sink"
