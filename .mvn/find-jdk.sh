# Sourced by ./mvnw, ./funnel and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: JAVA_HOME if it is new enough, else the newest JDK >= 21 found in the usual places.
# Sourcing scripts get a non-zero status and a message saying what to install when none is found.

funnel_jdk_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 v=
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  [ -n "$v" ] || v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.}          # 1.8.0 -> 8.0
  echo "${v%%[.+-]*}"
}

funnel_find_jdk() {
  local min=21 major best= best_major=0 candidate
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(funnel_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then return 0; fi
    echo "note: JAVA_HOME=$JAVA_HOME is not a JDK $min+ (found '${major:-none}'); looking for one" >&2
  fi
  local path_java restore_glob=
  case $- in *f*) restore_glob=1; set +f ;; esac   # ./mvnw runs with globbing off
  path_java=$(command -v java 2>/dev/null) && path_java=$(readlink -f "$path_java") && path_java=${path_java%/bin/java}
  for candidate in "$path_java" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    major=$(funnel_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  [ -n "$restore_glob" ] && set -f
  if [ -z "$best" ]; then
    echo "error: Funnel needs a JDK $min or newer and none was found (JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
    echo "       Install one, e.g. 'apt-get install openjdk-21-jdk' or Eclipse Temurin 21 from adoptium.net," >&2
    echo "       then run again or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

funnel_find_jdk
