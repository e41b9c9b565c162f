#!/usr/bin/env bash
# Drive-log generator speed and memory: frames/s at the mix's image size (384x128 for the
# shipped mixes), PNG encoding and SHA-256 included, on every core; peak resident memory.
# Results: docs/benchmarks.md.
#   bench/collect/run.sh [FRAMES] [RUNS]      default 4000 frames, 3 runs per mix
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
frames="${1:-4000}"
runs="${2:-3}"
cd "$root"
classpath="$(mktemp)"
mvn -B -q -o -pl activities -am -DskipTests install >/dev/null
mvn -B -q -o -pl activities test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test >/dev/null
cp="activities/target/classes:activities/target/test-classes:$(cat "$classpath")"

echo "| mix | run | frames/s | KB per PNG | peak MB |"
echo "|---|---|---|---|---|"
for mix in configs/collect/fleet.yaml configs/collect/night-and-fog.yaml; do
  for i in $(seq 1 "$runs"); do
    log="$(mktemp)"
    line="$(/usr/bin/time -v java -cp "$cp" io.admlops.activities.collect.generator.GeneratorBenchmark \
      "$mix" "$frames" 2>"$log")"
    peak="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")"
    fps="$(sed -n 's/.*: \([0-9]*\) frames\/s.*/\1/p' <<<"$line")"
    kb="$(sed -n 's/.*, \([0-9.]*\) KB per PNG/\1/p' <<<"$line")"
    echo "| $(basename "$mix" .yaml) | $i | $fps | $kb | $peak |"
    rm -f "$log"
  done
done
