#!/usr/bin/env bash
# Where one endpoint's time goes: serves the bench/run.sh data set (release build, SQLite,
# rate limit off), loads the endpoint with wrk -t1 -c32, records the server with
# `perf record -e cpu-clock -g` meanwhile, and prints the inclusive share of the symbols
# that matter (token check, queries, row decoding, rendering, executor hops, socket I/O).
#
#   bench/profile.sh [path and query, default get_by_talent of the 12-interview talent] [seconds, default 12]
#
# Needs wrk and perf (apt-get install wrk linux-perf). Keeps perf.data in $BENCH_PROFILE_DIR
# (default a temporary directory, removed) for `perf report -i`.
set -euo pipefail
cd "$(dirname "$0")/.."
path=${1:-'/open-apis/hire/v1/interviews/get_by_talent?talent_id=T0&user_id_type=open_id&job_level_id_type=people_admin_job_level_id'}
seconds=${2:-12}
scratch=${BENCH_SCRATCH:-.build-release}

swift build -c release --product hire-server --scratch-path "$scratch" >/dev/null 2>&1
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/hire-server
work=${BENCH_PROFILE_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; [ -n "${BENCH_PROFILE_DIR:-}" ] || rm -rf "$work"' EXIT
python3 bench/make-data.py 5000 1000 >"$work/bench.json"
rm -f "$work"/bench.sqlite*
"$bin" import "$work/bench.json" --database "$work/bench.sqlite" --log-level error >/dev/null
"$bin" serve --database "$work/bench.sqlite" --port 0 --no-demo --rate-limit off --log-level error >"$work/out" 2>&1 &
echo $! >"$work/pid"
for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
base=$(sed -nE 's/.*listening on (http:[^ ]+).*/\1/p' "$work/out")
TOKEN=$(curl -s -X POST "$base/open-apis/auth/v3/tenant_access_token/internal" -H 'Content-Type: application/json' \
  -d '{"app_id":"cli_be0c000000000001","app_secret":"BenchSecretBenchSecretBenchSecr1"}' | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\1/')
export TOKEN PATHQ=$path

TOKEN=$TOKEN PATHQ=$path wrk -t1 -c32 -d$((seconds + 8))s --latency -s bench/get.lua "$base" >"$work/wrk.txt" 2>&1 &
wrk=$!
sleep 4
perf record -e cpu-clock -F 999 -g -p "$(cat "$work/pid")" -o "$work/perf.data" -- sleep "$seconds" >/dev/null 2>&1
wait $wrk
echo "wrk -t1 -c32: $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") requests/s, p50 $(awk '$1=="50%" {print $2}' "$work/wrk.txt"), p99 $(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
echo
echo "| share of the server's CPU (inclusive) | symbol |"
echo "| ---: | --- |"
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null \
  | sed -nE 's/^ +([0-9.]+%) +[0-9.]+% +\[.\] (.*[^ -])[- ]*$/\1|\2/p' | swift demangle --simplified \
  | grep -E '\|(SQLiteStore\.(principal|talentInterviews|interviewers)|closure #1 in SQLiteStore\.|SQLiteHydration\.|.*Renderer\.(data|write)|EndpointGate\.handle|EnvelopeMiddleware\.handle|InterviewController\.|InterviewerController\.|DispatchQueueActor\.execute|SelectableEventLoop\.run\(\)|Row\.fastDecode|StatementCopyRowImpl\.init|sqlite3VdbeExec|swift_task_switch|_dispatch_root_queue_poke_slow|sem_post|finish_task_switch|malloc$|swift_retain$|swift_release$|__memmove)' \
  | awk -F'|' '!seen[$2]++ {printf "| %s | `%s` |\n", $1, substr($2, 1, 110)}' | head -40
