#!/usr/bin/env bash
# What a server setting costs the endpoints: two servers on copies of one dataset, one with
# flags A and one with flags B, measured in alternation (A B A B …) so that both see the
# same machine. Prints, per endpoint, the median requests/s of each server and their ratio (B ÷ A).
#
#   bench/compare.sh "name A" "flags A" "name B" "flags B" [seconds per run, default 5] [rounds, default 3] [connections, default 16]
#
# bench/admin-overhead.sh and bench/metrics-overhead.sh are two comparisons BENCHMARKS.md shows.
# BENCH_BIN_A=FILE runs server A from another hire-server binary (a build of an earlier
# commit), to compare a change before and after in one run.
# Needs wrk (apt-get install wrk). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
name_a=$1 flags_a=$2 name_b=$3 flags_b=$4
seconds=${5:-5}
rounds=${6:-3}
connections=${7:-16}
scratch=${BENCH_SCRATCH:-.build-release}

swift build -c release --product hire-server --scratch-path "$scratch" >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/hire-server
work=$(mktemp -d)
# start() runs in a command substitution (a subshell), so the servers' pids go to a file.
trap 'kill $(cat "$work/pids" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/make-data.py 5000 1000 >"$work/bench.json"

start() { # file flags [binary]
  local bin=${3:-$bin}
  "$bin" import "$work/bench.json" --database "$work/$1.sqlite" --log-level error >/dev/null
  # shellcheck disable=SC2086 # the flags are words
  "$bin" serve --database "$work/$1.sqlite" --port 0 --no-demo --rate-limit off --log-level error $2 >"$work/$1.out" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do grep -q listening "$work/$1.out" && break; sleep 0.1; done
  sed -nE 's/.*listening on (http:[^ ]+).*/\1/p' "$work/$1.out"
}
base_a=$(start a "$flags_a" "${BENCH_BIN_A:-}")
base_b=$(start b "$flags_b")

token() {
  curl -s -X POST "$1/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
    -d '{"app_id":"cli_be0c000000000001","app_secret":"BenchSecretBenchSecretBenchSecr1"}' \
    | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\1/'
}
token_a=$(token "$base_a")
token_b=$(token "$base_b")

rps() { # base token script path
  TOKEN="$2" PATHQ="$4" wrk -t2 -c"$connections" -d"${seconds}s" -s "bench/$3" "$1" 2>&1 | awk '/Requests\/sec/ {print $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "wrk -t2 -c$connections -d${seconds}s × $rounds rounds each, alternating; release build, SQLite, $(nproc) cores"
echo
echo "| endpoint | $name_a (req/s) | $name_b (req/s) | B ÷ A |"
echo "| --- | ---: | ---: | ---: |"
measure() { # name script path
  local a=() b=()
  for _ in $(seq "$rounds"); do
    a+=("$(rps "$base_a" "$token_a" "$2" "$3")")
    b+=("$(rps "$base_b" "$token_b" "$2" "$3")")
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
