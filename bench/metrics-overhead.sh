#!/usr/bin/env bash
# What counting requests for /metrics costs the endpoints (bench/compare.sh: A with
# --metrics off, B with metrics on, the default).
#
#   bench/metrics-overhead.sh [seconds per run, default 5] [rounds, default 3] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/compare.sh "metrics off" "--metrics off" "metrics on" "" "$@"
