# Sourced by run.sh and test.sh: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME if it qualifies, else the
# newest under /usr/lib/jvm), or stops with a clear message.
jdk_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
jdk_ok() { [ -x "$1/bin/javac" ] && v=$(jdk_version "$1") && [ -n "$v" ] && [ "${v%%.*}" -ge 21 ]; }
if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then
  :
else
  found=""
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    d=${d%/}
    if jdk_ok "$d"; then found=$d; break; fi
  done
  if [ -z "$found" ]; then
    echo "Paragon needs a JDK 21 or newer (javac included). None found in JAVA_HOME (${JAVA_HOME:-unset}) or under /usr/lib/jvm." >&2
    echo "Install one, e.g. Temurin 25, and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME=$found
fi
export PATH="$JAVA_HOME/bin:$PATH"
