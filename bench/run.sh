#!/usr/bin/env bash
# Runs every benchmark of dev against its targets and rewrites bench/RESULTS.md with the figures, the
# machine they ran on and its load. One command: bench/run.sh  (about five minutes on 2 cores).
#
# Tools: hyperfine and GNU time (/usr/bin/time -v) from the distribution, plus jq and perl for the
# bookkeeping (apt-get install hyperfine time jq perl). Every stack runs under a temporary directory and
# is stopped on exit, also when a benchmark fails.
#
# Environment:
#   BENCH_RUNS   timed runs per hyperfine benchmark (default 30; start/stop use a third of it)
#   BENCH_QUICK  1: fewer runs and a smaller scale series, for trying the script out (not for RESULTS.md)
#   BENCH_OUT    where to write the report (default bench/RESULTS.md)
set -euo pipefail
unset CDPATH

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
bench=$root/bench
dev=$root/bin/dev
out=${BENCH_OUT:-$bench/RESULTS.md}
runs=${BENCH_RUNS:-30}
scale=(25 50 100 200)
if [ "${BENCH_QUICK:-}" = 1 ]; then
    runs=8
    scale=(25 50)
fi
slow_runs=$(( runs / 3 > 3 ? runs / 3 : 3 ))

for tool in hyperfine jq perl /usr/bin/time setsid; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench: $tool is missing (apt-get install hyperfine time jq perl util-linux)" >&2
        exit 2
    }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/dev-bench.XXXXXX")
stacks=()
cleanup() {
    local dir
    for dir in ${stacks[@]+"${stacks[@]}"}; do
        "$dev" -C "$dir" stop --force >/dev/null 2>&1 || true
    done
    "$bench/bare-stack.sh" stop "$work/bare" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

say() {
    printf '\n=== %s\n' "$*" >&2
}

load() {
    cut -d' ' -f1-3 /proc/loadavg
}

# --- stacks -----------------------------------------------------------------------------------------

# new_stack NAME: an empty project directory, remembered for clean-up. Prints its path.
new_stack() {
    local dir=$work/$1
    mkdir -p "$dir"
    stacks+=("$dir")
    printf '%s\n' "$dir"
}

# log_ready_stack DIR N DELAY: N services that print "ready" after DELAY seconds (0: at once) and are
# healthy on that line, then idle.
log_ready_stack() {
    local dir=$1 n=$2 delay=$3 i command
    if [ "$delay" = 0 ]; then command='echo ready; exec sleep 600'; else command="sleep $delay; echo ready; exec sleep 600"; fi
    {
        printf '[project]\nname = "bench"\n'
        for i in $(seq -w 1 "$n"); do
            printf '\n[services.s%s]\ncommand = "%s"\nhealth = { log = "^ready$" }\n' "$i" "$command"
        done
    } >"$dir/dev.toml"
}

# listener_stack DIR N: N services that open their port (auto) at staggered moments between 0.3 and
# 1.5 s and record when; the default health check of a service with a port is a TCP connect.
listener_stack() {
    local dir=$1 n=$2 i delay
    {
        printf '[project]\nname = "readiness"\n'
        for i in $(seq -w 1 "$n"); do
            delay=$(awk -v i="$i" -v n="$n" 'BEGIN { printf "%.3f", 0.3 + 1.2 * (i - 1) / n }')
            printf '\n[services.s%s]\nport = "auto"\ncommand = "exec perl %s ${port} %s %s"\n' \
                "$i" "$bench/listen-after.pl" "$delay" "$dir/s$i.bound"
        done
    } >"$dir/dev.toml"
}

orchestrator_pid() {
    jq -r .pid "$1/.dev/lock"
}

# --- measuring --------------------------------------------------------------------------------------

# hyper NAME WARMUP RUNS [hyperfine options…] COMMAND: the median wall time in seconds.
hyper() {
    local name=$1 warmup=$2 n=$3
    shift 3
    hyperfine -N --style basic --warmup "$warmup" --runs "$n" --export-json "$work/$name.json" "$@" >&2 || {
        echo "bench: the $name benchmark failed" >&2
        return 1
    }
    jq -r '.results[0].median' "$work/$name.json"
}

ms() {
    awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'
}

secs() {
    awk -v s="$1" 'BEGIN { printf "%.2f s", s }'
}

# met VALUE LIMIT: "yes" when VALUE <= LIMIT, else how far over it is.
met() {
    awk -v v="$1" -v l="$2" 'BEGIN { if (v <= l) print "yes"; else printf "no (+%.0f%%)\n", (v / l - 1) * 100 }'
}

rows=()
row() {
    rows+=("| $1 | $2 | $3 | $4 | $section_load |")
}

# The 1-minute load average when a benchmark section starts: on a shared machine, the figures of a section
# measured under load are slower than the machine can do, and the table says so.
section_load=
section() {
    section_load=$(cut -d' ' -f1 /proc/loadavg)
    say "$* (load $section_load)"
}

# --- build ------------------------------------------------------------------------------------------

say "building dev and its class-data-sharing archive"
load_before=$(load)
"$dev" --version >/dev/null # builds target/dev.jar when stale, then trains the CDS archive
version=$("$dev" --version)

# --- dev --version ----------------------------------------------------------------------------------

section "dev --version"
v=$(hyper version 5 "$runs" "$dev --version")
row '`dev --version`, median' '≤ 120 ms' "$(ms "$v")" "$(met "$v" 0.120)"

# --- 10 services ready 0.3 s after start: start, status, stop ---------------------------------------

ten=$(new_stack ten)
log_ready_stack "$ten" 10 0.3

section "bare shell baseline: 10 services, setsid, ready 0.3 s after start"
bare_start=$(hyper bare-start 2 "$slow_runs" --prepare "$bench/bare-stack.sh stop $work/bare" \
    --cleanup "$bench/bare-stack.sh stop $work/bare" "$bench/bare-stack.sh start $work/bare 10 0.3")
bare_stop=$(hyper bare-stop 2 "$slow_runs" --prepare "$bench/bare-stack.sh start $work/bare 10 0.3" \
    "$bench/bare-stack.sh stop $work/bare")

section "dev start -d --wait: 10 services ready 0.3 s after start"
start=$(hyper start 2 "$slow_runs" --prepare "$dev -C $ten stop" --cleanup "$dev -C $ten stop" \
    "$dev -C $ten start -d --wait")
row '`dev start -d --wait`, 10 services ready after 0.3 s, median' '≤ 0.75 s' "$(secs "$start")" "$(met "$start" 0.75)"
row '… relative to the bare `setsid` script ('"$(secs "$bare_start")"')' '≤ 1.2×' \
    "$(awk -v a="$start" -v b="$bare_start" 'BEGIN { printf "%.2f×", a / b }')" \
    "$(met "$(awk -v a="$start" -v b="$bare_start" 'BEGIN { print a / b }')" 1.2)"

section "dev status: the running 10-service stack"
"$dev" -C "$ten" start -d --wait >/dev/null
status=$(hyper status 5 "$runs" "$dev -C $ten status")
"$dev" -C "$ten" stop >/dev/null
row '`dev status`, running 10-service stack, median' '≤ 150 ms' "$(ms "$status")" "$(met "$status" 0.150)"

section "dev stop: the 10 services (they exit on SIGTERM at once)"
stop=$(hyper stop 2 "$slow_runs" --prepare "$dev -C $ten start -d --wait" "$dev -C $ten stop")
row '`dev stop`, 10 services, median' '≤ 0.25 s' "$(secs "$stop")" "$(met "$stop" 0.25)"
row '… bare script stop, for comparison' '—' "$(secs "$bare_stop")" '—'

# --- readiness: port open -> healthy -----------------------------------------------------------------

section "readiness: 20 services open their port between 0.3 and 1.5 s after start"
ready=$(new_stack readiness)
listener_stack "$ready" 20
"$dev" -C "$ready" start -d --wait >/dev/null
"$dev" -C "$ready" status --json >"$work/readiness.json"
"$dev" -C "$ready" stop >/dev/null
latencies=()
for bound in "$ready"/s*.bound; do
    name=$(basename "$bound" .bound)
    since=$(jq -r --arg n "$name" '.services[] | select(.name == $n) | .since' "$work/readiness.json")
    healthy_at=$(date -d "$since" +%s.%N)
    latencies+=("$(awk -v h="$healthy_at" -v b="$(cat "$bound")" 'BEGIN { printf "%.1f", (h - b) * 1000 }')")
done
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
median_ready=$(printf '%s\n' "$sorted" | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
max_ready=$(printf '%s\n' "$sorted" | tail -1)
row 'port open → `healthy`, median of 20 (max)' '≤ 50 ms' "${median_ready} ms (${max_ready} ms)" \
    "$(met "$median_ready" 50)"

# --- memory: 20 idle services ------------------------------------------------------------------------

section "orchestrator memory: 20 idle services"
idle=$(new_stack idle)
log_ready_stack "$idle" 20 0
"$dev" -C "$idle" start -d --wait >/dev/null
sleep 5 # idle: whatever starting cost has been collected
status_file=/proc/$(orchestrator_pid "$idle")/status
rss_idle=$(awk '/^VmRSS/ { print $2 }' "$status_file")
rss_peak=$(awk '/^VmHWM/ { print $2 }' "$status_file")
rss_file=$(awk '/^RssFile/ { print $2 }' "$status_file")
threads_idle=$(awk '/^Threads/ { print $2 }' "$status_file")
# GNU time for a command's own peak: dev status against the idle stack.
/usr/bin/time -v -o "$work/status.time" "$dev" -C "$idle" status >/dev/null
status_peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/status.time")
"$dev" -C "$idle" stop >/dev/null
kb() {
    awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'
}
row 'orchestrator RSS, 20 idle services (peak; file-backed part; threads)' '≤ 40 MB' \
    "$(kb "$rss_idle") ($(kb "$rss_peak"); $(kb "$rss_file") shared files; $threads_idle threads)" \
    "$(met "$rss_idle" $((40 * 1024)))"
row '… `dev status` peak RSS (GNU time)' '—' "$(kb "$status_peak")" '—'

# --- scale: start and stop cost against the number of services ---------------------------------------

scale_rows=()
scale_points=()
for n in "${scale[@]}"; do
    section "scale: $n services ready at once"
    dir=$(new_stack "scale$n")
    log_ready_stack "$dir" "$n" 0
    s=$(hyper "scale-start-$n" 1 3 --prepare "$dev -C $dir stop" --cleanup "$dev -C $dir stop" \
        "$dev -C $dir start -d --wait")
    t=$(hyper "scale-stop-$n" 0 3 --prepare "$dev -C $dir start -d --wait" "$dev -C $dir stop")
    "$dev" -C "$dir" start -d --wait >/dev/null
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$(orchestrator_pid "$dir")/status")
    "$dev" -C "$dir" stop >/dev/null
    scale_rows+=("| $n | $(secs "$s") | $(secs "$t") | $(awk -v k="$rss" 'BEGIN { printf "%.0f MB", k / 1024 }') | $section_load |")
    scale_points+=("$n $s $t $rss")
    last_stop=$t
    last_n=$n
done
row "\`dev stop\`, $last_n services, median of 3" '≤ 2 s' "$(secs "$last_stop")" "$(met "$last_stop" 2)"

# --- log capture -------------------------------------------------------------------------------------

# Capture is CPU-bound on both cores (the producer, the pump, the writer): after the scale series the 1-minute
# load average is still 4-7 here, which halves it. Let the machine settle first (at most two minutes).
settle() {
    local waited=0
    while [ "$waited" -lt 120 ] && awk -v cores="$(nproc)" '{ exit !($1 >= cores) }' /proc/loadavg; do
        sleep 5
        waited=$((waited + 5))
    done
}
settle
section "log capture throughput (bench/log-capture.sh)"
# capture OPTS [SINK]: the median capture rate (MiB/s) with those JVM options, into the log file alone (writer,
# the logs issue's benchmark) or also into the in-memory tail (detached, a background orchestrator's work per
# line); the same run's median of the child writing straight to a file (the ceiling on this disk, without dev)
# goes to $work/direct.
capture() {
    DEV_BENCH_JAVA_OPTS="$1" "$bench/log-capture.sh" 200 100 5 "${2:-writer}" 2>&1 | tee "$work/capture.txt" >&2
    awk '/^direct/ { for (i = 1; i <= NF; i++) if ($i == "median") print $(i + 1) }' "$work/capture.txt" >"$work/direct"
    awk '/^capture/ { for (i = 1; i <= NF; i++) if ($i == "median") print $(i + 1) }' "$work/capture.txt"
}
mb() {
    awk -v m="$1" 'BEGIN { printf "%.0f MB/s", m * 1.048576 }'
}
capture_default=$(capture "")
capture_detached=$(capture "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" detached)
capture_orchestrator=$(capture "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
capture_direct=$(cat "$work/direct")
row 'log capture, 100-byte lines, JIT as in the orchestrator (C1, serial GC)' '≥ 700 MB/s' \
    "$(mb "$capture_orchestrator")" \
    "$(awk -v m="$capture_orchestrator" 'BEGIN { if (m * 1.048576 >= 700) print "yes"; else printf "no (%.0f%% short)\n", (1 - m * 1.048576 / 700) * 100 }')"
row '… with the default JIT (C1 and C2)' '—' "$(mb "$capture_default")" '—'
row '… into the file and the in-memory tail, as a background orchestrator does (C1)' '—' "$(mb "$capture_detached")" '—'
row '… the child writing straight to a file, no dev (this disk'"'"'s ceiling, same run)' '—' "$(mb "$capture_direct")" '—'

load_after=$(load)

# --- report ------------------------------------------------------------------------------------------

{
    echo "# Benchmark results"
    echo
    echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); run it again to refresh this file."
    echo "The analysis below the tables is kept in \`bench/ANALYSIS.md\` and copied in unchanged."
    echo
    echo "## Machine"
    echo
    echo '```'
    echo "$version, commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    free -h
    uname -a
    java -version 2>&1
    echo "hyperfine $(hyperfine --version | awk '{ print $2 }')"
    echo "load average before: $load_before   after: $load_after"
    echo '```'
    echo
    echo "## Targets"
    echo
    echo "| benchmark | target | measured | met? | load |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "## Start and stop cost against the number of services"
    echo
    echo "Services that are ready at once (they print their health line and idle); medians of 3."
    echo
    echo "| services | start -d --wait | stop | orchestrator RSS | load |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${scale_rows[@]}"
    echo
    # Least-squares line through the points: the slope is the cost of one more service, the intercept the
    # fixed cost (JVMs, files, socket); r² near 1 says the growth is linear.
    printf '%s\n' "${scale_points[@]}" | awk '
        function fit(col, label, unit, scale,    i, mx, my, sxx, sxy, syy, b, a, r2) {
            for (i = 1; i <= n; i++) { mx += x[i]; my += v[i, col] }
            mx /= n; my /= n
            for (i = 1; i <= n; i++) { sxx += (x[i] - mx) ^ 2; sxy += (x[i] - mx) * (v[i, col] - my); syy += (v[i, col] - my) ^ 2 }
            b = sxy / sxx; a = my - b * mx; r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1
            printf "- %s: %.0f %s fixed + %.1f %s per service (r² = %.3f)\n", label, a * scale, unit, b * scale, unit, r2
        }
        { n++; x[n] = $1; v[n, 2] = $2; v[n, 3] = $3; v[n, 4] = $4 }
        END {
            fit(2, "start -d --wait", "ms", 1000)
            fit(3, "stop", "ms", 1000)
            fit(4, "orchestrator RSS", "MB", 1 / 1024)
        }'

    echo
    cat "$bench/ANALYSIS.md"
} >"$out"
say "wrote $out"
