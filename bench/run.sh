#!/bin/sh
# Paragon's load run (docs/benchmarks.md, issue 11's goals): each scenario starts the real app as a
# process of its own (paragon.bench.BenchServer, 1 GiB heap) on a fresh SQLite file and a fresh
# PostgreSQL database (the server on 127.0.0.1:5432 when there is one, else the embedded one), drives
# it from this JVM over loopback, measures the figure's floor in the same run, and rewrites its own
# section server-<scenario> of docs/benchmarks.md (the others stay) with the numbers, this command,
# the date and the machine's load. Each scenario first warms the app until its JIT has settled (up to
# --warmup seconds); all scenarios take about 25-30 minutes on 2 CPUs.
#   bench/run.sh [--scenario=throughput,propagation,idle,receipt-size,two-nodes] [--db=sqlite|postgres|both]
#                [--seconds=10] [--samples=300] [--shops=250] [--per-shop=4] [--rate=1000]
#                [--idle-terminals=10000] [--heartbeat-ms=2000] [--idle-seconds=30] [--lines=500]
#                [--two-nodes-rate=250] [--warmup=60] [--idle-rate=100] [--jfr] [--out=docs/benchmarks.md]
#   --jfr records a JFR profile of the app during each scenario (target/bench/*.jfr) and writes its
#   ten hottest top frames into the section.
set -e
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
./mvnw -q test-compile
./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile=target/bench.classpath
# The terminals' JVM holds up to 10,000 WebSockets (the app's holds the other ends): each under ulimit -n.
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx3g -Dlogback.configurationFile=bench/logback-bench.xml \
  -Djdk.httpclient.keepalive.timeout=600 \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" paragon.bench.LoadGenerator "$@"
