#!/bin/sh
# Paragon's crash test (docs/operations.md, "Crash test"; not part of ./test.sh): N cycles of kill -9
# of the app under load from 6 simulated terminals, on a fresh SQLite file and a fresh PostgreSQL
# database (127.0.0.1:5432, created and dropped by the run). Checks every acknowledged command's effect
# is present exactly once, no seq gap, streams resume; prints the figures, writes the section "crash"
# of docs/benchmarks.md, and exits 1 when anything was lost, doubled or not resumed.
#   bench/crash.sh [--cycles=10] [--load-ms=2000] [--db=sqlite|postgres|both] [--out=docs/benchmarks.md]
set -e
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
./mvnw -q test-compile
./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" paragon.bench.CrashRun "$@"
