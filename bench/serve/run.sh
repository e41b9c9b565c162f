#!/usr/bin/env bash
# Serving benchmarks, in one run on one machine, for the demo detector
# (configs/models/centernet-demo.yaml) trained as the demo trains it, on generated frames:
#   1. each backend (ONNX Runtime, DJL) without HTTP: latency p50/p99 of single frames and
#      frames/s at batch sizes 1 to 16 (InferenceLatencyBenchmark);
#   2. `admlops serve` under load from a second process on loopback: CLIENTS concurrent
#      clients posting PNG frames for SECONDS, once per backend (LoadGenerator).
# Results: docs/benchmarks.md. Run nothing else heavy meanwhile.
#   bench/serve/run.sh [WORKDIR] [SECONDS] [CLIENTS] [TRAIN_FRAMES]
# Defaults: $TMPDIR/admlops-serve-bench, 20 s, 4 clients, 256 frames.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/admlops-serve-bench}"
seconds="${2:-20}"
clients="${3:-4}"
train_frames="${4:-256}"
export ADMLOPS_HOME="$work/home"
unset DATASET MODELZOO ADMLOPS_DB_URL
cd "$root"
rm -rf "$work"
mkdir -p "$work"

classpath="$work/classpath"
# One reactor build, so sibling modules resolve to their freshly compiled classes.
mvn -B -o -q test-compile dependency:build-classpath -pl workers -am \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test >/dev/null
# ONNX Runtime 1.29.0 crashes the JVM (SIGSEGV, no error file) as it loads its native library
# when the class path is longer than about 4 KB, as a test class path is; a jar whose manifest
# lists the class path keeps it short.
{
  echo "Manifest-Version: 1.0"
  echo "Class-Path: "
  for entry in workers/target/classes workers/target/test-classes activities/target/classes \
      activities/target/test-classes $(tr ':' ' ' <"$classpath"); do
    case "$entry" in
      /*) path="$entry" ;;
      *) path="$root/$entry" ;;
    esac
    [ -d "$path" ] && path="$path/"
    echo "  file:$path"
  done
} >"$work/manifest.txt"
jar cfm "$work/classpath.jar" "$work/manifest.txt"
cp="$work/classpath.jar"
admlops() { java -cp "$cp" io.admlops.workers.cli.AdmlopsCli "$@"; }

admlops collect --config configs/collect/fleet.yaml --seed 1 --frames "$train_frames" \
  --out "$work/collect" >/dev/null
admlops dataset import --name drive --format frames \
  --src "$(ls "$work"/collect/ground-truth/*/frames.jsonl)" \
  --classes configs/datasets/driving-2d.yaml | head -1
start=$(date +%s)
admlops train --config configs/models/centernet-demo.yaml --dataset drive:1 | tail -1
echo "training took $(( $(date +%s) - start )) s"
admlops model promote centernet-demo:1 --alias production --reason "serving benchmark"
exported="$(admlops model export --model centernet-demo:1 --out "$work/centernet-demo.onnx" \
  | tail -1)"
echo "$exported"
# "written FILE and <version folder>/model.onnx"
version="$(sed -n 's/^written .* and \(.*\)\/model\.onnx$/\1/p' <<<"$exported")"
images="$(dirname "$(find "$work/collect" -name '*.png' | head -1)")"

echo
java -cp "$cp" io.admlops.activities.serve.InferenceLatencyBenchmark "$version" \
  centernet-demo:1 configs/collect/fleet.yaml 300

for backend in onnx djl; do
  echo
  log="$work/serve-$backend.log"
  # java itself in the background, not the function, so that SIGTERM reaches the server.
  java -cp "$cp" io.admlops.workers.cli.AdmlopsCli serve --model centernet-demo@production \
    --port 0 --backend "$backend" --max-batch 8 --batch-wait-ms 5 >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    grep -q '^serving ' "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  url="$(sed -n 's/^serving .* on \(http[^ ]*\) .*/\1/p' "$log")"
  grep "^serving " "$log"
  java -cp "$cp" io.admlops.workers.serve.LoadGenerator "$url" "$images" "$clients" "$seconds"
  kill -TERM "$server"
  wait "$server" || true
done
