#!/usr/bin/env bash
# COCO box evaluation speed against pycocotools, in one run on one machine, on a generated case
# the size of COCO val2017 (5,000 images, ~36,700 boxes, up to 100 detections per image).
# Per run: pycocotools phase by phase (COCO() + loadRes(); evaluate() + accumulate()) in one
# process; ours phase by phase, REPEATS times in one JVM (first and warm); the whole
# `admlops eval coco` command (JVM start included) against the whole pycocotools process.
# Fails unless the 12 stats, the per-class APs and the size bands' APs agree with pycocotools'
# to 1e-9. Results: docs/benchmarks.md.
#   bench/evaluate/run.sh [WORKDIR] [RUNS] [REPEATS]   default 3 runs, 5 repeats
# MVN, when set, is the Maven command to build with (for instance one that waits for a lock).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/admlops-evaluate-bench}"
runs="${2:-3}"
repeats="${3:-5}"
mkdir -p "$work"

python3 -c "import pycocotools, numpy" 2>/dev/null \
  || python3 -m pip install --quiet pycocotools numpy
gt="$work/instances_val.json"
dt="$work/detections_val.json"
[ -f "$dt" ] || python3 "$here/generate.py" --out "$work"
# Builds, once and outside the timings: the jar, and the test classes holding the timing main.
"$root/admlops" --version >/dev/null
(cd "$root" && ${MVN:-mvn} -B -q -o -pl activities -am test-compile >/dev/null)
cp="$root/activities/target/classes:$root/activities/target/test-classes"
cp="$cp:$root/workers/target/admlops.jar"

timed() { python3 "$here/timed.py" "$@"; }
for i in $(seq 1 "$runs"); do
  read -r ps pm pst < <(timed "$work/pycocotools-$i.json" \
    python3 "$here/pycocotools_time.py" "$gt" "$dt")
  java -cp "$cp" io.admlops.activities.evaluate.coco.CocoEvaluationBenchmark \
    "$gt" "$dt" "$repeats" >"$work/admlops-$i.json"
  read -r as am ast < <(timed "$work/command-$i.json" \
    "$root/admlops" eval coco --gt "$gt" --dt "$dt" --json)
  [ "$pst" = 0 ] && [ "$ast" = 0 ] || { echo "a run failed ($pst, $ast)" >&2; exit 1; }
  printf '{"pycocotools_s": %s, "pycocotools_mb": %s, "admlops_s": %s, "admlops_mb": %s}\n' \
    "$ps" "$pm" "$as" "$am" >"$work/wall-$i.json"
done
python3 "$here/report.py" "$work" "$runs"
