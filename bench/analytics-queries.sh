#!/usr/bin/env bash
# Analytics query benchmark against a running local funnel (./funnel up --detach first):
#   1. load: fills analytics' database with two years of a made-up business: LEADS (1,000,000) leads with
#      their pipeline progress (qualified, contacted, proposal, negotiation, won with amounts, lost) from
#      LEAD_CAMPAIGNS (50) campaigns, and CAMPAIGNS (1,150) campaigns on the eleven channels, each with a
#      year of hourly awareness (1,150 x 8,760 = 10,074,000 hourly awareness rows) and daily spend;
#   2. check: asks the API for three funnels and compares every count with SQL over the facts; a
#      difference stops the benchmark;
#   3. measure: a warm-up, then REQUESTS (2,000) requests of each query shape (funnel all time, last 30
#      days, 6 months with odd edges, by campaign, by channel; campaigns; channels; a daily series of 90
#      days) and their p50/p90/p99/max and requests/s as a Markdown table, on stdout and in REPORT.
#
# The load writes lead_fact, campaign, spend and the rollups directly, with COPY and INSERT ... SELECT,
# and derives every rollup row from the facts with SQL aggregates to the buckets analytics' Rollups
# would have written event by event. Pushing a million leads through Kafka takes hours here and is a
# benchmark of its own (bench/analytics-join.sh, the events per second joined); a query reads only
# these tables, so how their rows got there changes nothing it measures, and the check proves that the
# API and the facts agree before a latency is taken. It EMPTIES analytics' facts and rollups (not its
# inbox of event ids): it refuses when they hold anything it did not load itself, unless REPLACE=1.
# A second run with the same sizes skips the load (RELOAD=1 loads anew).
#
# Settings (environment): LEADS (1000000), CAMPAIGNS (1150), LEAD_CAMPAIGNS (50), REQUESTS (2000),
# WARMUP (60 seconds: a fresh JVM needs 40-70 s to settle), CONCURRENCY (1 client at a time),
# REPORT (load-tests/target/analytics-queries.md), RELOAD, REPLACE, FUNNEL_TOKEN (a bearer token with
# the role analyst; unset: minted with ./funnel token); the funnel's own FUNNEL_HOME,
# FUNNEL_POSTGRES_PORT and FUNNEL_ANALYTICS_PORT say which funnel.
set -euo pipefail
cd "$(dirname "$0")/.."
LEADS=${LEADS:-1000000}
CAMPAIGNS=${CAMPAIGNS:-1150}
LEAD_CAMPAIGNS=${LEAD_CAMPAIGNS:-50}
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-60}
CONCURRENCY=${CONCURRENCY:-1}
REPORT=${REPORT:-load-tests/target/analytics-queries.md}
flag() { [ "${1:-0}" = 1 ] || [ "${1:-}" = true ] && echo true || echo false; }
JDBC=jdbc:postgresql://localhost:${FUNNEL_POSTGRES_PORT:-15432}/analytics
ANALYTICS=http://localhost:${FUNNEL_ANALYTICS_PORT:-8083}

# shellcheck source=../.mvn/find-jdk.sh
. .mvn/find-jdk.sh
./funnel status > /dev/null || { echo "error: the funnel is not running; start it with ./funnel up --detach" >&2; exit 1; }
[ -d load-tests/target/lib ] && [ -f load-tests/target/classes/dev/funnel/load/AnalyticsQueryLoad.class ] \
  && ls load-tests/target/lib/postgresql-*.jar > /dev/null 2>&1 \
  || ./mvnw -B -q package -DskipTests -pl load-tests -am
# AnalyticsQueryLoad reads analytics' API only: analyst
FUNNEL_TOKEN=${FUNNEL_TOKEN:-$(./funnel token analyst --subject bench-analytics-queries --hours 24)}
export FUNNEL_TOKEN
load() { "$JAVA_HOME/bin/java" -cp "load-tests/target/classes:load-tests/target/lib/*" dev.funnel.load.AnalyticsQueryLoad "$@" jdbc="$JDBC" analytics="$ANALYTICS"; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); analytics at $ANALYTICS"
echo "== 1. load"
load load leads="$LEADS" campaigns="$CAMPAIGNS" leadCampaigns="$LEAD_CAMPAIGNS" \
  reload="$(flag "${RELOAD:-}")" replace="$(flag "${REPLACE:-}")"
echo "== 2. check: the API's funnels against SQL over the facts"
load check
echo "== 3. measure"
load measure requests="$REQUESTS" warmup="$WARMUP" concurrency="$CONCURRENCY" report="$REPORT"
