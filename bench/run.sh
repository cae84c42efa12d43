#!/usr/bin/env bash
# Paragon's load run (docs/benchmarks.md, issue 11's goals): each scenario starts the real app as a
# process of its own (paragon.bench.BenchServer, 1 GiB heap) on a fresh SQLite file and a fresh
# PostgreSQL database (the server on 127.0.0.1:5432 when there is one, else the embedded one), drives
# it from this JVM over loopback, measures the figure's floor in the same run, and rewrites its own
# section server-<scenario> of docs/benchmarks.md (the others stay) with the numbers, this command,
# the date and the machine's load. Each scenario first warms the app until its JIT has settled (up to
# --warmup seconds); all scenarios take about 35-40 minutes on 2 CPUs (the idle one 16).
#   bench/run.sh [--scenario=throughput,propagation,idle,receipt-size,two-nodes] [--db=sqlite|postgres|both]
#                [--seconds=10] [--samples=300] [--shops=250] [--per-shop=4] [--rate=1000]
#                [--idle-terminals=10000] [--heartbeat-ms=15000] [--app-gc=G1,ZGC] [--idle-seconds=30] [--lines=500]
#                [--two-nodes-rate=250] [--warmup=60] [--idle-rate=100] [--jfr] [--out=docs/benchmarks.md]
#   --heartbeat-ms and --app-gc (the app's collector) take lists: the idle scenario runs at each pair.
#   --jfr records a JFR profile of the app during each scenario (target/bench/*.jfr) and writes its
#   ten hottest top frames into the section.
set -e
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
./mvnw -q test-compile
./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile=target/bench.classpath
# One JVM of simulated terminals per scenario, each rewriting its own section. It holds up to 10,000
# WebSockets (the app's holds the other ends), each under ulimit -n. The idle scenario's runs on ZGC:
# G1's pauses there (40-270 ms with 10,000 sockets) were measured as the app's latency; the others'
# on G1, whose lower CPU cost leaves more of the two CPUs to the app (ZGC in the load generator cut
# SQLite's measured throughput by 40% in a trial).
scenarios=throughput,propagation,idle,receipt-size,two-nodes
rest=()
for a in "$@"; do
  case "$a" in
    --scenario=*) scenarios="${a#--scenario=}" ;;
    *) rest+=("$a") ;;
  esac
done
for scenario in ${scenarios//,/ }; do
  gc=-XX:+UseG1GC
  if [ "$scenario" = idle ]; then gc=-XX:+UseZGC; fi
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx3g "$gc" \
    -Dlogback.configurationFile=bench/logback-bench.xml -Djdk.httpclient.keepalive.timeout=600 \
    -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" paragon.bench.LoadGenerator \
    --scenario="$scenario" ${rest[@]+"${rest[@]}"}
done
