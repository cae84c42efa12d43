#!/bin/sh
# Start to ready on SQLite with an existing database, with and without the AOT cache (docs/benchmarks.md,
# "startup"): builds the jar (and with it target/paragon.aot) when the sources are newer, makes a database
# once (a first start with --demo), then starts the jar --runs times of each kind on it, alternating, and
# times each from the process start to the first 200 of GET /health/ready. Rewrites its own section.
#   bench/startup.sh [--runs=7] [--demo] [--out=docs/benchmarks.md]
set -e
cd "$(dirname "$0")/.."
. bin/find-jdk.sh
if [ ! -f target/paragon.jar ] || [ -n "$(find src pom.xml -newer target/paragon.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
else
  ./mvnw -q -B test-compile
fi
exec "$JAVA_HOME/bin/java" -cp target/test-classes paragon.bench.StartupBenchmark "$@"
