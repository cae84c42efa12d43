#!/usr/bin/env bash
# Runs Paragon on the embedded SQLite database (./data/), with the demo account on first start.
# --no-demo: without the demo (a real shop: an empty database prints its one-time setup address).
# Other flags are passed on, e.g. ./run.sh --port=9090
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
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/paragon.jar $demo ${args[@]+"${args[@]}"}
