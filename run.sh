#!/usr/bin/env bash
# Runs Paragon on the embedded SQLite database (./data/), with the demo account on first start.
# --no-demo: without the demo (a real shop: an empty database prints its one-time setup address).
# Other flags are passed on, e.g. ./run.sh --port=9090
# Starts from the AOT cache (target/paragon.aot) that the package step made with this JDK, when it is
# newer than the jar; PARAGON_AOT=off starts without it (docs/operations.md, "Start-up").
# PARAGON_JAVA_OPTS: options for the JVM, e.g. "-Xmx1g -XX:+UseZGC" on a node that holds thousands of
# streams (docs/operations.md, "Many terminals on one node"); the cache is then left out (it was made
# with the default options, and the JVM refuses it with another collector).
set -euo pipefail
cd "$(dirname "$0")"
. bin/find-jdk.sh
if [ ! -f target/paragon.jar ] || [ -n "$(find src pom.xml -newer target/paragon.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
fi
demo=--demo
args=()
for a in "$@"; do
  if [ "$a" = --no-demo ]; then demo=; else args+=("$a"); fi
done
# Only a cache made from this jar by this JDK: the JVM does not check the jar (it would run stale classes)
# and a JDK before 25 does not know the flag. The stamp is the release file of the JDK that made it.
aot=()
read -r -a jvm <<< "${PARAGON_JAVA_OPTS:-}"
if [ "${PARAGON_AOT:-on}" != off ] && [ ${#jvm[@]} -eq 0 ] && [ -f target/paragon.aot ] && [ target/paragon.aot -nt target/paragon.jar ] \
    && cmp -s target/paragon.aot.jdk "$JAVA_HOME/release"; then
  aot=(-XX:AOTCache=target/paragon.aot)
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${jvm[@]+"${jvm[@]}"} ${aot[@]+"${aot[@]}"} -jar target/paragon.jar $demo ${args[@]+"${args[@]}"}
