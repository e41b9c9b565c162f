#!/usr/bin/env bash
# Dataset benchmarks, in one run on one machine: loading a COCO instances file of ~860k
# annotations (admlops vs pycocotools' COCO()), converting it with the heap capped at 1 GB,
# and KITTI -> COCO and BDD100K -> COCO conversion speed. Results: docs/benchmarks.md.
#   bench/datasets/run.sh [WORKDIR] [RUNS]     WORKDIR keeps the generated data between runs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/admlops-dataset-bench}"
runs="${2:-3}"
mkdir -p "$work"

python3 -c "import pycocotools.coco, PIL" 2>/dev/null \
  || python3 -m pip install --quiet pycocotools pillow
[ -f "$work/coco/annotations/instances_bench.json" ] \
  || python3 "$here/generate.py" coco --out "$work/coco"
[ -d "$work/kitti/training" ] || python3 "$here/generate.py" kitti --frames 3000 --out "$work/kitti"
[ -f "$work/bdd/labels/det_bench.json" ] || python3 "$here/generate.py" bdd --frames 3000 --out "$work/bdd"
"$root/admlops" --version >/dev/null   # builds the jar once, outside the timings

json="$work/coco/annotations/instances_bench.json"
export ADMLOPS_JAVA_OPTS="-Xmx1g"
measure() { python3 "$here/measure.py" "$@"; }

echo "| run | pycocotools COCO(): s | peak MB | admlops load+index+validate (-Xmx1g): s | peak MB |"
echo "|---|---|---|---|---|"
for i in $(seq 1 "$runs"); do
  read -r ps pm pst < <(measure python3 -c "import sys; from pycocotools.coco import COCO; COCO(sys.argv[1])" "$json")
  read -r as am ast < <(measure "$root/admlops" dataset validate --format coco --src "$json")
  [ "$pst" = 0 ] && [ "$ast" = 0 ] || { echo "a run failed ($pst, $ast)" >&2; exit 1; }
  echo "| $i | $ps | $pm | $as | $am |"
done

echo
echo "| conversion (-Xmx1g) | frames | s | frames/s | peak MB |"
echo "|---|---|---|---|---|"
convert() {  # name, from, src, frames
  local out="$work/out-$1"
  rm -rf "$out"
  read -r s m st < <(measure "$root/admlops" dataset convert --from "$2" --to coco --src "$3" --out "$out")
  [ "$st" = 0 ] || { echo "$1 failed" >&2; exit 1; }
  echo "| $1 | $4 | $s | $(awk -v n="$4" -v s="$s" 'BEGIN { printf "%.0f", n / s }') | $m |"
  rm -rf "$out"
}
for i in $(seq 1 "$runs"); do
  convert "coco -> coco (860k annotations)" coco "$json" 118000
  convert "kitti -> coco" kitti "$work/kitti" 3000
  convert "bdd100k -> coco" bdd100k "$work/bdd/labels/det_bench.json" 3000
done
