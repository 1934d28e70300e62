#!/bin/sh
# Puts H2 (a real SQL database with a TCP server) at .dev/lib/h2.jar, from Maven Central.
set -e
jar=.dev/lib/h2.jar
if [ -f "$jar" ]; then
    echo "H2 is already at $jar"
    exit 0
fi
mkdir -p .dev/lib
echo "fetching com.h2database:h2:2.3.232 with Maven…"
# Maven's own output only matters when it fails.
if ! mvn -q -B dependency:copy -Dartifact=com.h2database:h2:2.3.232 -DoutputDirectory=.dev/lib \
        -Dmdep.stripVersion=true > .dev/lib/fetch.log 2>&1; then
    cat .dev/lib/fetch.log >&2
    echo "could not fetch H2; is Maven Central reachable?" >&2
    exit 1
fi
echo "H2 is at $jar"
