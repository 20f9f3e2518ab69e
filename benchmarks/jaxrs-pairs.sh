#!/usr/bin/env bash
# Measures the throughput cost of tracing a trivial JAX-RS GET between JVMs: N pairs of JaxRsBenchmark
# forks, tracing off and on, the order alternated from pair to pair (against drift), then the ratio of
# each pair with its mean and standard error, for throughput and for CPU time per request (of the whole
# process, and of the server's request threads alone). Build first: ./mvnw -B -pl benchmarks -am package -DskipTests
# Usage: [JAXRS_PAIRS_WARMUPS=n] [JAXRS_PAIRS_FIRST=true] benchmarks/jaxrs-pairs.sh [pairs (default 10)] [extra JMH arguments...]
#   e.g. benchmarks/jaxrs-pairs.sh 4 -jvmArgsAppend -Dtracing.jaxrs.skip-pattern=.*   (a control)
#   Warm-up: 10 iterations of 2 s by default; with 8 connections (-t 8) the JIT needs about 20.
set -euo pipefail
cd "$(dirname "$0")"
PAIRS=${1:-10}
WARMUPS=${JAXRS_PAIRS_WARMUPS:-10}
OFFSET=0 # JAXRS_PAIRS_FIRST=true: the first pair runs tracing on first (to continue a series evenly)
[ "${JAXRS_PAIRS_FIRST:-false}" = true ] && OFFSET=1
shift || true
OUT=target/results/jaxrs-pairs${JAXRS_PAIRS_TAG:+-$JAXRS_PAIRS_TAG}
mkdir -p "$OUT"

fork() { # enabled, pair, extra JMH arguments: prints requests/s and CPU us per request (process, request threads)
  local enabled=$1 log="$OUT/$2-$1"
  shift 2
  java -jar target/benchmarks.jar JaxRsBenchmark -p tracingEnabled="$enabled" -f 1 -wi "$WARMUPS" -w 2s -i 5 \
    -r 2s -rf json -rff "$log.json" "$@" >"$log.log" 2>&1
  awk '$1 == "JaxRsBenchmark.get" { for (i = 2; i <= NF; i++) if ($i == "±") s = $(i - 1) }
       $1 == "[cpu]" { p = $8; t = $12 }
       END { print s, p, t }' "$log.log"
}

summary() { # label, then ratios: prints their mean and standard error
  local label=$1
  shift
  printf '%s\n' "$@" | awk -v what=pairs -v label="$label on/off" -f mean-se.awk
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

ratios=()
process=()
threads=()
for ((pair = 1; pair <= PAIRS; pair++)); do
  order=(false true)
  (((pair + OFFSET) % 2 == 0)) && order=(true false)
  declare -A result=()
  for enabled in "${order[@]}"; do
    result[$enabled]=$(fork "$enabled" "$pair" "$@")
  done
  read -r off offProcess offThreads <<<"${result[false]}"
  read -r on onProcess onThreads <<<"${result[true]}"
  ratios+=("$(ratio "$on" "$off")")
  process+=("$(ratio "$onProcess" "$offProcess")")
  threads+=("$(ratio "$onThreads" "$offThreads")")
  echo "pair $pair (${order[0]} first): off $off, on $on req/s, on/off ${ratios[-1]};" \
    "CPU us/request off $offProcess / $offThreads, on $onProcess / $onThreads (process / request threads)"
done
summary "throughput" "${ratios[@]}"
summary "CPU per request, process" "${process[@]}"
summary "CPU per request, request threads" "${threads[@]}"
