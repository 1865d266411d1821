#!/usr/bin/env bash
# The import figures of issue 14: `hire-server import` of the scale data set
# (bench/make-dataset.py), as a JSON document and as JSON Lines, each into a new SQLite
# file; and into PostgreSQL, each into a new schema, when BENCH_DATABASE names one
# (postgres://…). Builds the release binary first.
#
#   bench/import.sh [talents, default 20000] [PostgreSQL talents, default 2000]
#   BENCH_DATABASE=postgres://user:pass@host:port/db bench/import.sh
#
# Prints a Markdown table: file, form, entities, seconds, interviews/s, peak RSS.
# Needs GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
talents=${1:-20000}
pg_talents=${2:-2000}
scratch=${BENCH_SCRATCH:-.build-release}
[ -x /usr/bin/time ] || { echo "import.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

swift build -c release --product hire-server --scratch-path "$scratch" >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/hire-server
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "hire-server import, release build, commit $(git rev-parse --short HEAD), $(nproc) cores"
echo
echo "| file | form | entities | seconds | interviews/s | peak RSS |"
echo "| --- | --- | --- | ---: | ---: | ---: |"
run() { # file form database
  local out
  out=$(/usr/bin/time -f 'TIME %e %M' "$bin" import "$1" --database "$3" --log-level error 2>&1)
  local seconds rss interviews entities
  seconds=$(sed -nE 's/^TIME ([0-9.]+) .*/\1/p' <<<"$out")
  rss=$(sed -nE 's/^TIME [0-9.]+ ([0-9]+)/\1/p' <<<"$out")
  interviews=$(sed -nE 's/.* ([0-9]+) interview,.*/\1/p' <<<"$out")
  entities=$(sed -nE 's/.*imported (.*)/\1/p' <<<"$out")
  [ -n "$interviews" ] || { echo "import.sh: import of $1 failed: $out" >&2; exit 1; }
  echo "| $(basename "$1") ($(du -m "$1" | cut -f1) MB) | $2 | $entities | $seconds | $(awk -v n="$interviews" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}') | $((rss / 1024)) MB |"
}

python3 bench/make-dataset.py "$talents" >"$work/talents-$talents.json"
python3 bench/make-dataset.py "$talents" --jsonl >"$work/talents-$talents.jsonl"
run "$work/talents-$talents.json" "SQLite, JSON document" "$work/document.sqlite"
run "$work/talents-$talents.jsonl" "SQLite, JSON Lines" "$work/lines.sqlite"

if [[ ${BENCH_DATABASE:-} == postgres://* ]]; then
  if [ "$pg_talents" != "$talents" ]; then
    python3 bench/make-dataset.py "$pg_talents" >"$work/talents-$pg_talents.json"
    python3 bench/make-dataset.py "$pg_talents" --jsonl >"$work/talents-$pg_talents.jsonl"
  fi
  command -v psql >/dev/null || { echo "import.sh: needs psql to create the schemas" >&2; exit 1; }
  sep='?'; [[ $BENCH_DATABASE == *\?* ]] && sep='&'
  stamp=$(date +%s)
  for form in document lines; do
    psql "$BENCH_DATABASE" -qc "CREATE SCHEMA bench_import_${stamp}_$form"
  done
  trap 'for form in document lines; do psql "$BENCH_DATABASE" -qc "DROP SCHEMA IF EXISTS bench_import_${stamp}_$form CASCADE" 2>/dev/null; done; rm -rf "$work"' EXIT
  run "$work/talents-$pg_talents.json" "PostgreSQL, JSON document" "$BENCH_DATABASE${sep}schema=bench_import_${stamp}_document"
  run "$work/talents-$pg_talents.jsonl" "PostgreSQL, JSON Lines" "$BENCH_DATABASE${sep}schema=bench_import_${stamp}_lines"
fi
