#!/usr/bin/env bash
# Lead-capture benchmark against a running local funnel (./funnel up --detach first).
# Measured in one run, on one machine, so the figures compare:
#   1. the ceiling: PostgreSQL's own single-row insert rate (pgbench, same server, same durability)
#   2. single-lead POSTs per second and their latency percentiles (wrk, keep-alive connections)
#   3. leads per second through the batch endpoint
# Settings (environment): CONNECTIONS (64), THREADS (2), WARMUP (60s: a fresh JVM needs 40-70 s to
# settle), DURATION (60s), ROUNDS (1: 1 and 2 alternate this many times, each round reporting POSTs/s as a
# share of the ceiling, then the median share), BATCH (100 leads a batch request), BATCH_CONNECTIONS (4),
# RATE (requests per second over all connections; unset: as fast as possible), FUNNEL_TOKEN (a bearer
# token with the role lead-intake; unset: minted with ./funnel token, the funnel's own FUNNEL_HOME key),
# CONSUMERS (stop: sales-service and analytics-service are stopped while it measures and started again
# after, so the figures are marketing's own; keep: they go on consuming what it captures, on the same cores).
# Needs wrk, pgbench and psql (Debian: apt-get install wrk postgresql-client postgresql-contrib).
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-60s}
DURATION=${DURATION:-60s}
BATCH=${BATCH:-100}
PGPORT=${FUNNEL_POSTGRES_PORT:-15432}
URL=http://localhost:${FUNNEL_MARKETING_PORT:-8081}
ROUNDS=${ROUNDS:-1}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "error: ROUNDS must be a whole number of at least 1, not '$ROUNDS'" >&2; exit 1; }
export CONNECTIONS RATE=${RATE:-0}

for tool in wrk pgbench psql; do
  command -v $tool > /dev/null || { echo "error: $tool is missing (Debian: apt-get install wrk postgresql-client postgresql-contrib)" >&2; exit 1; }
done
./funnel status > /dev/null || { echo "error: the funnel is not running; start it with ./funnel up --detach" >&2; exit 1; }
seconds() { echo "${1%s}"; }
# lead.lua sends it with every request: both endpoints admit lead-intake
FUNNEL_TOKEN=${FUNNEL_TOKEN:-$(./funnel token lead-intake --subject bench-leads --hours 24)}
export FUNNEL_TOKEN
status=$( (exec 3<>"/dev/tcp/127.0.0.1/${FUNNEL_MARKETING_PORT:-8081}"
           printf 'POST /api/leads HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' "$FUNNEL_TOKEN" >&3
           head -n 1 <&3) 2> /dev/null | cut -d ' ' -f 2)
case $status in # an empty lead is a 4xx of its own to a caller with the role; 401/403 would make every POST fail
  401) echo "error: marketing did not accept FUNNEL_TOKEN (expired, or signed by another key)" >&2; exit 1 ;;
  403) echo "error: FUNNEL_TOKEN lacks the role lead-intake" >&2; exit 1 ;;
esac

if [ "${CONSUMERS:-stop}" = stop ]; then
  # they catch up on what was captured once started again
  trap './funnel up --detach sales-service > /dev/null; ./funnel up --detach analytics-service > /dev/null' EXIT
  ./funnel stop sales-service > /dev/null
  ./funnel stop analytics-service > /dev/null
fi

echo "== machine: $(nproc) cores; connections $CONNECTIONS, threads $THREADS, warm-up $WARMUP, measured $DURATION; consumers: ${CONSUMERS:-stop}"

# the funnel's PostgreSQL, as its superuser
sql() { psql -h localhost -p "$PGPORT" -U postgres -q "$@"; }
sql -tAc "SELECT 1 FROM pg_database WHERE datname = 'bench'" | grep -q 1 || sql -c "CREATE DATABASE bench"
sql -d bench -c \
  "CREATE TABLE IF NOT EXISTS lead_insert (id bigserial PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
# The ceiling's table starts empty each run: left to grow over many runs, its autovacuums grew with it.
sql -d bench -c "TRUNCATE lead_insert"
script=$(mktemp)
echo "INSERT INTO lead_insert (email) VALUES ('bench-' || random() || '@example.com');" > "$script"

# Each measured window starts once no autovacuum runs: one that the window before set off (of marketing's lead
# table after a round of POSTs, of lead_insert after pgbench) otherwise ran on into the next window, on its cores.
settle() {
  local waited=0
  while [ "$(sql -tAc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" != 0 ] \
        && [ $waited -lt 300 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if [ $waited -gt 0 ]; then echo "   (waited ${waited} s for an autovacuum to finish first)"; fi
}

# The ceiling moves by a fifth from one run to the next on a shared machine (WAL segments, checkpoints,
# autovacuum), so with ROUNDS > 1 the two measurements alternate and the median of the paired ratios
# is the figure to quote.
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  echo "== 1. PostgreSQL ceiling: one-row insert transactions (pgbench, $CONNECTIONS clients; round $round of $ROUNDS)"
  settle
  pg=$(pgbench -n -h localhost -p "$PGPORT" -U postgres -c "$CONNECTIONS" -j "$THREADS" -T "$(seconds "$DURATION")" \
         -f "$script" bench | grep -E 'tps|latency average')
  echo "$pg"
  tps=$(echo "$pg" | awk '/^tps/ {print $3}')

  if [ "$round" = 1 ]; then
    echo "== 2. single-lead POST /api/leads (warm-up $WARMUP, then measured)"
    BATCH=0 wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -s bench/lead.lua "$URL" > /dev/null
  else
    echo "== 2. single-lead POST /api/leads (round $round of $ROUNDS)"
  fi
  settle
  out=$(BATCH=0 wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s bench/lead.lua "$URL")
  echo "$out" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%|Latency '
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  ratio=$(awk -v r="$rps" -v t="$tps" 'BEGIN {printf "%.1f", 100 * r / t}')
  ratios+=("$ratio")
  echo "POSTs/s as a share of PostgreSQL's one-row inserts/s: $ratio%"
done
rm -f "$script"
if [ "$ROUNDS" -gt 1 ]; then
  echo "== paired ratios: ${ratios[*]} (%); median $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')%"
fi

echo "== 3. POST /api/leads/batch, $BATCH leads a request"
out=$(BATCH=$BATCH wrk -t "$THREADS" -c "${BATCH_CONNECTIONS:-4}" -d "$DURATION" --latency -s bench/lead.lua "$URL")
echo "$out" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|99)%'
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
echo "leads/s through batches: $(awk -v r="$rps" -v b="$BATCH" 'BEGIN {printf "%.0f", r * b}')"
