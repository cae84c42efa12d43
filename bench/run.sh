#!/bin/sh
# Paragon's load run (docs/benchmarks.md): starts the real app on SQLite and on PostgreSQL (the server
# on 127.0.0.1:5432 when there is one, else the embedded one), pairs terminals, and measures stream
# propagation latency with 2 and with 200 terminals and commands per second on one node.
# Bounded (300 samples, 10 s of sending per database by default), loopback only. Rewrites its own
# section of docs/benchmarks.md (the others stay) with the numbers, this command and the date.
#   bench/run.sh [--terminals=200] [--samples=300] [--seconds=10] [--senders=4] [--out=docs/benchmarks.md]
set -e
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
./mvnw -q test-compile
./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" paragon.bench.LoadGenerator "$@"
