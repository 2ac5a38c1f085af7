#!/usr/bin/env bash
# Sales intake benchmark against a running local funnel (./funnel up --detach first):
#   1. stops sales-service and analytics-service (which reads the same topic and would share the two
#      cores) and preloads EVENTS LeadGenerated events onto marketing.leads;
#   2. starts sales-service alone and reports the events per second it consumes and qualifies,
#      with its consumer lag second by second and once the load has stopped;
#   3. starts analytics-service again (it catches up on its own).
# Settings (environment): EVENTS (200000).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-200000}
KAFKA=127.0.0.1:${FUNNEL_KAFKA_PORT:-19092}

# shellcheck source=../.mvn/find-jdk.sh
. .mvn/find-jdk.sh
./funnel status > /dev/null || { echo "error: the funnel is not running; start it with ./funnel up --detach" >&2; exit 1; }
[ -d load-tests/target/lib ] || ./mvnw -B -q package -DskipTests -pl load-tests -am
load() { "$JAVA_HOME/bin/java" -cp "load-tests/target/classes:load-tests/target/lib/*" dev.funnel.load.SalesIntakeLoad "$@"; }

echo "== machine: $(nproc) cores; $EVENTS events"
./funnel stop sales-service
./funnel stop analytics-service
load preload "$EVENTS" "$KAFKA"
# The watcher reads where the topics stand before sales-service starts: started after it, it would miss
# the first polls, which a quick start takes before it is ready.
progress=$(mktemp)
trap 'rm -f "$progress"' EXIT
load measure "$EVENTS" "$KAFKA" sales-service > "$progress" &
measuring=$!
until grep -q '^waiting for' "$progress" || ! kill -0 "$measuring" 2> /dev/null; do sleep 0.2; done
./funnel up --detach sales-service > /dev/null
tail -n +1 -f --pid="$measuring" "$progress"
wait "$measuring"
./funnel up --detach analytics-service > /dev/null
