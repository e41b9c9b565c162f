#!/usr/bin/env bash
# Does the scenario generator make night and fog genuinely harder, and do frames of them
# help? Two detectors with the same config and the same number of training frames: version 1
# learns from day-only drives, version 2 from half day, half night-and-fog drives. Both are
# scored on the test split of a separate drive that has every condition about equally often,
# slice by slice, through the commands a user runs. Results: docs/collect.md.
#   bench/conditions/run.sh [WORKDIR] [FRAMES]   default $TMPDIR/admlops-conditions, 1000
# FRAMES is the size of each half; every model trains on 2 x FRAMES frames (its train split).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/admlops-conditions}"
frames="${2:-1000}"
export ADMLOPS_HOME="$work/home"
unset DATASET MODELZOO ADMLOPS_DB_URL
cd "$root"
rm -rf "$work"
mkdir -p "$work"

# Generates a drive, then imports its ground truth as a version of a dataset.
drive() {
  local dataset="$1" mix="$2" seed="$3" count="$4" parent="${5:-}"
  local out="$work/collect/$dataset-$seed"
  ./admlops collect --config "$mix" --seed "$seed" --frames "$count" --out "$out" >/dev/null
  ./admlops dataset import --name "$dataset" --format frames \
    --src "$(ls "$out"/ground-truth/*/frames.jsonl)" \
    --classes configs/datasets/driving-2d.yaml ${parent:+--parent "$parent"} | head -1
}

drive day bench/conditions/day-only.yaml 1 $((2 * frames))
drive mixed bench/conditions/day-only.yaml 1 "$frames"
drive mixed configs/collect/night-and-fog.yaml 2 "$frames" 1
drive conditions configs/collect/all-conditions.yaml 3 4000

start=$(date +%s)
./admlops train --config bench/conditions/centernet-conditions.yaml --dataset day:1
./admlops train --config bench/conditions/centernet-conditions.yaml --dataset mixed:2
echo "training took $(( $(date +%s) - start )) s"

./admlops eval model --model centernet-conditions:1 --dataset conditions:1
./admlops eval model --model centernet-conditions:2 --baseline centernet-conditions:1 \
  --dataset conditions:1 --tolerance 0.01
