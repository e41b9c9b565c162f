#!/usr/bin/env bash
# Time from launching `./admlops up` to its ready line, over several runs, against a warm
# ADMLOPS_HOME (PostgreSQL data directory already initialized, PyTorch natives unpacked).
# With the Temporal CLI installed, the same is measured for `temporal server start-dev`
# (until `temporal operator cluster health` answers) as the field's reference.
#   bench/up-ready.sh [RUNS]        default 5 runs
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
export ADMLOPS_HOME="${ADMLOPS_HOME:-$(mktemp -d)}"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }

# One untimed run builds the jar, initializes PostgreSQL and unpacks the natives.
measure_up() {
  local out; out="$(mktemp)"
  local start; start="$(now)"
  "$root/admlops" up --temporal-port 0 >"$out" 2>/dev/null &
  local pid=$!
  until grep -q '^admlops is up' "$out"; do
    kill -0 "$pid" 2>/dev/null || { echo "up exited early" >&2; exit 1; }
    sleep 0.05
  done
  local end; end="$(now)"
  local inside; inside="$(sed -n 's/^admlops is up (ready in \(.*\) s)$/\1/p' "$out")"
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
  printf '%s %s\n' "$(elapsed "$start" "$end")" "$inside"
}

measure_temporal() {
  local cli="$1" db; db="$(mktemp -d)/t.db"
  local start; start="$(now)"
  "$cli" server start-dev --ip 127.0.0.1 --port 17233 --ui-port 18233 --db-filename "$db" \
    --log-level error >/dev/null 2>&1 &
  local pid=$!
  until "$cli" operator cluster health --address 127.0.0.1:17233 >/dev/null 2>&1; do
    sleep 0.05
  done
  local end; end="$(now)"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  elapsed "$start" "$end"
}

echo "warming up (build, initdb, natives) ..." >&2
measure_up >/dev/null
echo "| run | ./admlops up: launch to ready line (s) | reported by up (s) |"
echo "|---|---|---|"
for i in $(seq 1 "$runs"); do
  read -r wall inside < <(measure_up)
  echo "| $i | $wall | $inside |"
done

cli="$(command -v temporal || true)"
[ -z "$cli" ] && command -v go >/dev/null && [ -x "$(go env GOPATH)/bin/temporal" ] \
  && cli="$(go env GOPATH)/bin/temporal"
if [ -n "$cli" ]; then
  echo
  echo "| run | temporal server start-dev: launch to healthy (s) |"
  echo "|---|---|"
  for i in $(seq 1 "$runs"); do
    echo "| $i | $(measure_temporal "$cli") |"
  done
fi
