#!/usr/bin/env bash
# Training benchmarks, in one run on one machine: throughput (images/s) of the same CenterNet
# detector trained in DJL and in PyTorch from Python on synthetic batches (same architecture,
# batch, loss, clipping, Adam with L2 decay, same intra-op and inter-op threads: 2 and 2, what
# DJL's engine picks on a 2-core machine), the sides run alternately, each twice: with the
# malloc settings ./admlops starts the JVM with (scripts/native-allocator) and with glibc's
# defaults; then the share of training time spent waiting for data in a real training run
# through the data pipeline on generated frames. Results: docs/benchmarks.md.
#   bench/train/run.sh [RUNS] [STEPS] [FRAMES] [EPOCHS] [THREADS]
# Defaults: 3 runs of 20 timed steps after 3 warm-up, 512 frames, 3 epochs, 2 threads (both
# intra-op and inter-op; the data-wait run always uses the engine's own choice). FRAMES 0
# skips the data-wait run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
steps="${2:-20}"
frames="${3:-512}"
epochs="${4:-3}"
threads="${5:-2}"
warmup=3
config="$root/configs/models/centernet-base.yaml"
cd "$root"

# DJL runs PyTorch 2.7.1; the Python side uses the same release (PyPI's default Linux wheel).
python3 -c "import numpy, torch, yaml; assert torch.__version__.startswith('2.7.1')" \
  2>/dev/null \
  || python3 -m pip install --quiet torch==2.7.1 numpy pyyaml
classpath="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$classpath" "$work"' EXIT
# One reactor build, so sibling modules resolve to their freshly compiled classes.
flock /tmp/admlops-mvn.lock mvn -B -o -q test-compile dependency:build-classpath -pl activities \
  -am -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test >/dev/null
cp="activities/target/classes:activities/target/test-classes:$(cat "$classpath")"

# "images/s" is over all timed steps; "median" is from the median step, which a burst of
# load from other processes on a shared machine moves little.
rate() { sed -n 's/.*s: \([0-9.]*\) images\/s; median.*/\1/p'; }
median() { sed -n 's/.*ms: \([0-9.]*\) images\/s;.*/\1/p'; }
params() { sed -n 's/.* \([0-9][0-9]* trainable parameters.*\)$/\1/p'; }
faults() { sed -n 's/.*; \([0-9][0-9]*\) minor page faults per step.*/\1/p'; }
# Runs a command and prints its output, then the share of the machine's CPU time other
# processes took while it ran (ticks of /proc/stat minus the command's own CPU time).
ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 }' /proc/stat
}
with_noise() {
  local own before after
  own="$(mktemp)"
  before="$(ticks)"
  /usr/bin/time -f "%U %S" -o "$own" "$@"
  after="$(ticks)"
  awk -v b="$before" -v a="$after" -v o="$(cat "$own")" 'BEGIN {
    split(b, x); split(a, y); split(o, c); hz = 100
    printf "others %.0f%%\n", 100 * ((y[1] - x[1]) / hz - c[1] - c[2]) / ((y[2] - x[2]) / hz) }'
  rm -f "$own"
}

# How many times faster than the first run the second run's median step was.
ratio() {
  awk -v d="$(median <<<"$1")" -v t="$(median <<<"$2")" 'BEGIN { printf "%.2f", t / d }'
}
# Runs a command with the malloc settings ./admlops starts the JVM with, or with glibc's own.
tuned() { (unset GLIBC_TUNABLES; source "$root/scripts/native-allocator"; "$@"); }
untuned() { (unset GLIBC_TUNABLES; "$@"); }
djl_steps() {
  with_noise java -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads="$threads" -cp "$cp" \
    io.admlops.activities.train.TrainingThroughputBenchmark "$config" "$warmup" "$steps" \
    | grep -E '^(djl|others)'
}
torch_steps() {
  with_noise python3 "$here/torch_centernet.py" "$config" --warmup "$warmup" \
    --steps "$steps" --threads "$threads" --interop-threads "$threads"
}
others() { sed -n 's/^others //p' <<<"$1"; }

echo "| run | DJL as ./admlops runs it: images/s, all steps | median step | page faults" \
  "per step | DJL, glibc's malloc defaults: median step | page faults | PyTorch: all steps" \
  "| median step | page faults | PyTorch, ./admlops's malloc settings: median step" \
  "| page faults | PyTorch / DJL | with the same malloc settings |" \
  "others' CPU during the four |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for i in $(seq 1 "$runs"); do
  djl="$(tuned djl_steps)"
  plain_djl="$(untuned djl_steps)"
  torch="$(untuned torch_steps)"
  tuned_torch="$(tuned torch_steps)"
  if [ "$(params <<<"$djl")" != "$(params <<<"$torch")" ]; then
    echo "the networks differ: DJL $(params <<<"$djl"), PyTorch $(params <<<"$torch")" >&2
    exit 1
  fi
  echo "| $i | $(rate <<<"$djl") | $(median <<<"$djl") | $(faults <<<"$djl") |" \
    "$(median <<<"$plain_djl") | $(faults <<<"$plain_djl") | $(rate <<<"$torch") |" \
    "$(median <<<"$torch") | $(faults <<<"$torch") | $(median <<<"$tuned_torch") |" \
    "$(faults <<<"$tuned_torch") | $(ratio "$djl" "$torch") |" \
    "$(ratio "$djl" "$tuned_torch") | $(others "$djl") / $(others "$plain_djl") /" \
    "$(others "$torch") / $(others "$tuned_torch") |"
done
echo
echo "DJL:     $(head -1 <<<"$djl")"
echo "DJL:     $(head -1 <<<"$plain_djl") (glibc's malloc defaults)"
echo "PyTorch: $(head -1 <<<"$torch")"
echo "PyTorch: $(head -1 <<<"$tuned_torch") (./admlops's malloc settings)"

[ "$frames" -gt 0 ] || exit 0
echo
echo "Data wait, $frames generated frames, $epochs epochs:"
tuned with_noise java -cp "$cp" io.admlops.activities.train.DataWaitBenchmark "$config" \
  "$frames" "$epochs" "$work" | grep -E 'data wait|^others'
