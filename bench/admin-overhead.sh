#!/usr/bin/env bash
# What the admin API costs the endpoints when it is on with no fault set and the journal
# recording every request (bench/compare.sh: A without the admin API, B with it and a
# journal of 10,000 entries, full and wrapping throughout).
#
#   bench/admin-overhead.sh [seconds per run, default 5] [rounds, default 3] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/compare.sh "admin off" "" "admin on, journal on" "--admin-token bench-admin-token --journal-size 10000" "$@"
