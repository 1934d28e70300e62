#!/usr/bin/env bash
# The "no manager" baseline of bench/run.sh: what starting and stopping the benchmark's services costs
# with nothing but a shell — each service in its own session (setsid), ready when it has printed its
# line, stopped by SIGTERM to its process group and checked gone. dev's start/stop targets are relative
# to this (start within 1.2x of it).
#
# Usage: bare-stack.sh start DIR N DELAY   start N services that print "ready" after DELAY seconds;
#                                          return once all of them have
#        bare-stack.sh stop DIR            SIGTERM every group started in DIR, return once all are gone
set -euo pipefail

mode=$1
dir=$2
case $mode in
    start)
        n=$3
        delay=$4
        mkdir -p "$dir"
        rm -f "$dir"/*.out "$dir"/pgids
        for i in $(seq 1 "$n"); do
            # setsid(1) forks when its caller leads a process group; -f makes that explicit, so $! is not
            # the service and the pid is read back from the service itself.
            setsid -f sh -c 'echo $$ >>"$1/pgids"; sleep "$2"; echo ready; exec sleep 600' \
                service "$dir" "$delay" >"$dir/s$i.out" 2>&1 </dev/null
        done
        until [ "$(grep -l '^ready$' "$dir"/*.out 2>/dev/null | wc -l)" -eq "$n" ]; do
            sleep 0.01
        done
        ;;
    stop)
        [ -f "$dir/pgids" ] || exit 0
        while read -r pgid; do
            kill -TERM -- "-$pgid" 2>/dev/null || true
        done <"$dir/pgids"
        # Gone means no live member left: an exited service stays a zombie until its reaper (here init,
        # whose orphans these are) collects it, and kill -0 still finds zombies.
        while ps -e -o pgid=,stat= | awk 'NR == FNR { mine[$1] = 1; next } ($1 in mine) && $2 !~ /^Z/ { found = 1 }
                END { exit !found }' "$dir/pgids" -; do
            sleep 0.005
        done
        rm -f "$dir/pgids"
        ;;
    *)
        echo "usage: bare-stack.sh start DIR N DELAY | stop DIR" >&2
        exit 2
        ;;
esac
