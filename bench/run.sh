#!/usr/bin/env bash
# Benchmarks hire-server's endpoints against its own trivial route (/healthz),
# in one run on one machine, and prints a Markdown table of ratios.
#
#   bench/run.sh [seconds per endpoint, default 10] [connections, default 16]
#   BENCH_DATABASE=postgres://… bench/run.sh     # on PostgreSQL (an empty database)
#
# Needs wrk (apt-get install wrk). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-16}
threads=2

swift build -c release --product hire-server >/dev/null
bin=$(swift build -c release --show-bin-path)/hire-server
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make-data.py 5000 1000 >"$work/bench.json"

database=${BENCH_DATABASE:-$work/bench.sqlite}
case "$database" in
  postgres*) backend="PostgreSQL 15 on loopback" ;;
  *) backend="SQLite (WAL, synchronous=FULL)" ;;
esac
"$bin" import "$work/bench.json" --database "$database" --log-level error >/dev/null
"$bin" serve --database "$database" --port 0 --no-demo --rate-limit off --log-level error >"$work/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
base=$(sed -nE 's/.*listening on (http:[^ ]+).*/\1/p' "$work/out")
export TOKEN
TOKEN=$(curl -s -X POST "$base/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
  -d '{"app_id":"cli_be0c000000000001","app_secret":"BenchSecretBenchSecretBenchSecr1"}' | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\1/')

# wrk's summary line "Requests/sec: N" and latency percentiles.
run() { # name lua-script path
  local out
  out=$(PATHQ="$3" wrk -t$threads -c$connections -d${seconds}s --latency -s "bench/$2" "$base" 2>&1)
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1|$rps|$p50|$p99|${errors:-0}"
}

results=()
results+=("$(run 'GET /healthz (baseline)' get.lua /healthz)")
results+=("$(run 'GET get_by_talent (12 interviews, 36 records)' get.lua '/open-apis/hire/v1/interviews/get_by_talent?talent_id=T0&user_id_type=open_id&job_level_id_type=people_admin_job_level_id')")
results+=("$(run 'GET get_by_talent (1 interview)' get.lua '/open-apis/hire/v1/interviews/get_by_talent?talent_id=T500')")
results+=("$(run 'GET interviewers (page of 10)' get.lua '/open-apis/hire/v1/interviewers')")
results+=("$(run 'GET interview.list (page of 10)' get.lua '/open-apis/hire/v1/interviews?start_time=1&page_size=10')")
results+=("$(run 'GET interviewers (page of 100, user_id)' get.lua '/open-apis/hire/v1/interviewers?page_size=100&user_id_type=user_id')")
results+=("$(run 'PATCH interviewer (durable commit)' patch.lua /)")

rss=$(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)
baseline=$(cut -d'|' -f2 <<<"${results[0]}")
echo
echo "wrk -t$threads -c$connections -d${seconds}s, release build, $backend, $(nproc) cores"
echo
echo "| endpoint | requests/s | vs /healthz | p50 | p99 | non-2xx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for line in "${results[@]}"; do
  IFS='|' read -r name rps p50 p99 errors <<<"$line"
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN {printf "%.2f", a / b}')
  echo "| $name | $rps | $ratio | $p50 | $p99 | $errors |"
done
echo
echo "Peak server RSS: $rss"
