#!/usr/bin/env bash
# The read and write figures of issue 14: hire-server's endpoints against its own trivial
# route (/healthz), in one run on one machine, with the server's memory; prints a Markdown table.
#
#   bench/run.sh [seconds per endpoint, default 10]
#   BENCH_TALENTS=100000 bench/run.sh                        # another size (default 20000)
#   BENCH_DATABASE=postgres://… bench/run.sh                 # on PostgreSQL (an empty database)
#   BENCH_BIN=/path/to/hire-server bench/run.sh              # another build (before/after)
#
# The data set is bench/make-dataset.py's (random talents with 1-3 applications x 1-3
# interviews x 1-2 records, 2,000 users), written once per size into .build-bench/. The
# server loads it with `serve --data` (rate limit off), so "after loading" is the RSS of a
# server that imported it; then wrk -t1 -c32 runs against each endpoint: get_by_talent of a
# random talent in a random user_id_type and job_level_id_type, the first page of 10
# interviewers in a random user_id_type, a PATCH of a random interviewer (a durable commit).
# Needs wrk (apt-get install wrk). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
talents=${BENCH_TALENTS:-20000}
users=2000
scratch=${BENCH_SCRATCH:-.build-release}

if [ -n "${BENCH_BIN:-}" ]; then
  bin=$BENCH_BIN   # another build, e.g. of an earlier commit, for a before/after
else
  swift build -c release --product hire-server --scratch-path "$scratch" >/dev/null 2>&1
  bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/hire-server
fi
mkdir -p .build-bench
data=.build-bench/dataset-$talents.json
[ -s "$data" ] || python3 bench/make-dataset.py "$talents" --users "$users" >"$data"
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT

database=${BENCH_DATABASE:-$work/bench.sqlite}
case "$database" in
  postgres*) backend="PostgreSQL 15 on loopback" ;;
  *) backend="SQLite (WAL, synchronous=FULL)" ;;
esac
started=$(date +%s.%N)
"$bin" serve --database "$database" --data "$data" --port 0 --rate-limit off --log-level error >"$work/out" 2>&1 &
echo $! >"$work/pid"
server=$(cat "$work/pid")
until grep -q listening "$work/out"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
  sleep 0.2
done
loaded=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
rss_loaded=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' /proc/$server/status)
base=$(sed -nE 's/.*listening on (http:[^ ]+).*/\1/p' "$work/out")
TOKEN=$(curl -s -X POST "$base/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
  -d '{"app_id":"cli_be0c000000000001","app_secret":"BenchSecretBenchSecretBenchSecr1"}' | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\1/')
export TOKEN TALENTS=$talents USERS=$users

run() { # name lua-script [path]
  local out rps p50 p99 errors
  out=$(PATHQ="${3:-/}" wrk -t1 -c32 -d"${seconds}s" --latency -s "bench/$2" "$base" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1|$rps|$p50|$p99|${errors:-0}"
}
results=()
results+=("$(run 'GET /healthz (baseline)' get.lua /healthz)")
results+=("$(run 'GET get_by_talent (random talent and ID types)' random-talent.lua)")
results+=("$(run 'GET interviewers (page of 10, random user_id_type)' random-interviewers.lua)")
results+=("$(run 'PATCH interviewer (durable commit)' random-patch.lua)")
rss_peak=$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' /proc/$server/status)
rss_now=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' /proc/$server/status)

baseline=$(cut -d'|' -f2 <<<"${results[0]}")
echo "$talents talents ($(du -m "$data" | cut -f1) MB JSON document), $backend; wrk -t1 -c32 -d${seconds}s, release build, $(nproc) cores"
echo
echo "| endpoint | requests/s | vs /healthz | p50 | p99 | non-2xx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for line in "${results[@]}"; do
  IFS='|' read -r name rps p50 p99 errors <<<"$line"
  echo "| $name | $rps | $(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.2f", a / b}') | $p50 | $p99 | $errors |"
done
echo
echo "serve --data: loaded in $loaded s; RSS after loading $rss_loaded, after the load $rss_now, peak $rss_peak."
