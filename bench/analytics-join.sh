#!/usr/bin/env bash
# Analytics join benchmark against a running local funnel (./funnel up --detach first): the events per
# second analytics-service joins into lead facts and rollups.
#   1. stops analytics-service and sales-service, preloads EVENTS LeadGenerated events onto
#      marketing.leads with the load-tests generator, and for each lead the sales.pipeline events sales
#      would have published (scored, then for some contacted, proposal, negotiation, won or lost:
#      about 1.7 pipeline events a lead);
#   2. moves the stopped sales-service's consumer group past the preloaded leads, so that sales neither
#      takes CPU from analytics on this 2-core machine nor publishes pipeline events of its own for them
#      (sales never sees these leads: run it on a funnel of its own);
#   3. starts the services again and prints, second by second, analytics' lag on its three topics, then
#      the events per second joined (over the whole catch-up, which includes the fresh JVM's warm-up,
#      and over its second half alone), the events dead-lettered meanwhile and the lag at the end.
# Settings (environment): EVENTS (100000 leads); the funnel's own FUNNEL_HOME and FUNNEL_*_PORT
# variables say which funnel.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-100000}
KAFKA=127.0.0.1:${FUNNEL_KAFKA_PORT:-19092}

# shellcheck source=../.mvn/find-jdk.sh
. .mvn/find-jdk.sh
./funnel status > /dev/null || { echo "error: the funnel is not running; start it with ./funnel up --detach" >&2; exit 1; }
[ -f load-tests/target/classes/dev/funnel/load/AnalyticsJoinLoad.class ] || ./mvnw -B -q package -DskipTests -pl load-tests -am
load() { "$JAVA_HOME/bin/java" -cp "load-tests/target/classes:load-tests/target/lib/*" dev.funnel.load.AnalyticsJoinLoad "$@"; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $EVENTS leads and their pipeline events"
./funnel stop analytics-service
./funnel stop sales-service
load preload "$EVENTS" "$KAFKA"
load pass-sales "$EVENTS" "$KAFKA"
# measuring starts before analytics does, so it sees the first event joined
load measure "$EVENTS" "$KAFKA" &
measuring=$!
trap 'kill $measuring 2> /dev/null || true' EXIT
./funnel up --detach > /dev/null
wait $measuring
