#!/usr/bin/env bash
# Measures the throughput cost of tracing a trivial JAX-RS GET inside one JVM: N runs of
# JaxRsPhasedBenchmark (traced and untraced paths of one server in alternating iterations), each
# run's traced/untraced throughput ratio, then their mean and standard error.
# Build first: ./mvnw -B -pl benchmarks -am package -DskipTests
# Usage: [JAXRS_PHASED_TAG=name] benchmarks/jaxrs-phased.sh [runs (default 6)] [extra JMH arguments]
#   e.g. benchmarks/jaxrs-phased.sh 6 -t 8 -wi 24   (8 connections: the JIT needs more warm-up)
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-6}
shift || true
OUT=target/results/jaxrs-phased${JAXRS_PHASED_TAG:+-$JAXRS_PHASED_TAG}
mkdir -p "$OUT"

scores() { # log: prints the traced and untraced requests/s
  awk '$1 ~ /^JaxRsPhasedBenchmark\.get:/ { for (i = 2; i <= NF; i++) if ($i == "±") s[$1] = $(i - 1) }
       END { print s["JaxRsPhasedBenchmark.get:traced"], s["JaxRsPhasedBenchmark.get:untraced"] }' "$1"
}

ratios=()
for ((run = 1; run <= RUNS; run++)); do
  java -jar target/benchmarks.jar JaxRsPhasedBenchmark -rf json -rff "$OUT/$run.json" "$@" \
    >"$OUT/$run.log" 2>&1
  read -r traced untraced <<<"$(scores "$OUT/$run.log")"
  ratios+=("$(awk -v a="$traced" -v b="$untraced" 'BEGIN { printf "%.3f", a / b }')")
  echo "run $run: untraced $untraced, traced $traced req/s, traced/untraced ${ratios[-1]}"
done
printf '%s\n' "${ratios[@]}" | awk -v what=runs -v label="traced/untraced" -f mean-se.awk
