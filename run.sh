#!/usr/bin/env bash
# Runs Paragon on the embedded SQLite database (./data/), with the demo account on first start.
# Extra flags are passed on, e.g. ./run.sh --port=9090
set -euo pipefail
cd "$(dirname "$0")"
. bin/find-jdk.sh
if [ ! -f target/paragon.jar ] || [ -n "$(find src pom.xml -newer target/paragon.jar -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/paragon.jar --demo "$@"
