#!/usr/bin/env bash
# What the admin API costs the endpoints when it is on with no fault set and the journal
# recording every request: two servers on copies of one dataset, one without the admin API
# and one with it, measured in alternation (A B A B …) so that both see the same machine.
#
#   bench/admin-overhead.sh [seconds per run, default 5] [rounds, default 3] [connections, default 16]
#
# Prints, per endpoint, the median requests/s of each server and their ratio (on ÷ off).
# Needs wrk (apt-get install wrk). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
connections=${3:-16}
scratch=${BENCH_SCRATCH:-.build-release}

swift build -c release --product hire-server --scratch-path "$scratch" >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/hire-server
work=$(mktemp -d)
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make-data.py 5000 1000 >"$work/bench.json"

start() { # name extra-flags...
  local name=$1; shift
  "$bin" import "$work/bench.json" --database "$work/$name.sqlite" --log-level error >/dev/null
  "$bin" serve --database "$work/$name.sqlite" --port 0 --no-demo --rate-limit off --log-level error "$@" >"$work/$name.out" 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do grep -q listening "$work/$name.out" && break; sleep 0.1; done
  sed -nE 's/.*listening on (http:[^ ]+).*/\1/p' "$work/$name.out"
}
off=$(start off)
on=$(start on --admin-token bench-admin-token --journal-size 10000)

token() {
  curl -s -X POST "$1/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
    -d '{"app_id":"cli_be0c000000000001","app_secret":"BenchSecretBenchSecretBenchSecr1"}' \
    | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\1/'
}
token_off=$(token "$off")
token_on=$(token "$on")

rps() { # base token script path
  TOKEN="$2" PATHQ="$4" wrk -t2 -c"$connections" -d"${seconds}s" -s "bench/$3" "$1" 2>&1 | awk '/Requests\/sec/ {print $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "wrk -t2 -c$connections -d${seconds}s × $rounds rounds each, alternating; release build, SQLite, $(nproc) cores"
echo
echo "| endpoint | admin off (req/s) | admin on, journal on (req/s) | on ÷ off |"
echo "| --- | ---: | ---: | ---: |"
measure() { # name script path
  local a=() b=()
  for _ in $(seq "$rounds"); do
    a+=("$(rps "$off" "$token_off" "$2" "$3")")
    b+=("$(rps "$on" "$token_on" "$2" "$3")")
  done
  local ma mb
  ma=$(printf '%s\n' "${a[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  echo "| $1 | $ma | $mb | $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.3f", b / a}') |"
}
measure 'GET /healthz' get.lua /healthz
measure 'GET get_by_talent (12 interviews)' get.lua '/open-apis/hire/v1/interviews/get_by_talent?talent_id=T0&user_id_type=open_id&job_level_id_type=people_admin_job_level_id'
measure 'GET interviewers (page of 10)' get.lua '/open-apis/hire/v1/interviewers'
measure 'PATCH interviewer (durable commit)' patch.lua /
echo
journaled=$(curl -s "$on/_hire/requests/count" -H 'Authorization: Bearer bench-admin-token' | sed -E 's/.*"count":([0-9]+).*/\1/')
echo "Requests in the journal at the end: $journaled (capacity 10000)."
