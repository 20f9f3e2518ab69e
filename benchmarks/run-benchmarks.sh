#!/usr/bin/env bash
# Runs the benchmark suite on demand (about 80 minutes on 2 cores) and keeps each JMH log and its
# JSON result in benchmarks/target/results/. Build first: ./mvnw -B -pl benchmarks -am package -DskipTests
# Usage: benchmarks/run-benchmarks.sh [part...]
#   parts: core core2 bigqueue loss cdi jaxrs jaxrs-pairs jaxrs-pairs8 jaxrs-phased jaxrs-phased8
#          jaxrs-profile jaxrs-phase-profile (default: all)
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=target/results
RUN=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
# the same with a queue large enough that (almost) nothing is dropped: dropping is cheaper than queueing
BIG=(-jvmArgsAppend -Dtracing.queue-capacity=65536)
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(core core2 bigqueue loss cdi jaxrs jaxrs-pairs jaxrs-pairs8 jaxrs-phased jaxrs-phased8 jaxrs-profile jaxrs-phase-profile)
mkdir -p "$OUT"

bench() { # name, then JMH arguments
  local name=$1
  shift
  java -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" 2>&1 | tee "$OUT/$name.log" | grep -E '^[A-Z][A-Za-z]+Benchmark\.|^Benchmark |^\['
}

for part in "${PARTS[@]}"; do
  case $part in
    core) bench core-1thread 'CoreTracerBenchmark' "${RUN[@]}" -t 1 -prof gc ;;
    core2) bench core-2threads 'CoreTracerBenchmark.full_' "${RUN[@]}" -t 2 -prof gc ;;
    bigqueue)
      bench core-bigqueue-1thread 'CoreTracerBenchmark.full_ours' "${RUN[@]}" -t 1 -prof gc "${BIG[@]}"
      bench core-bigqueue-2threads 'CoreTracerBenchmark.full_ours' "${RUN[@]}" -t 2 -prof gc "${BIG[@]}"
      ;;
    loss) bench loss 'LossBenchmark' ;;
    cdi) bench cdi 'CdiInterceptorBenchmark' "${RUN[@]}" -prof gc ;;
    jaxrs) bench jaxrs 'JaxRsBenchmark' -f 1 -wi 3 -w 3s -i 5 -r 3s -prof gc ;;
    # tracing off and on in 10 pairs of forks, the order alternated: 2 connections, then 8 (saturated)
    jaxrs-pairs) JAXRS_PAIRS_TAG=t2 ./jaxrs-pairs.sh 10 | tee "$OUT/jaxrs-pairs-t2.txt" ;;
    jaxrs-pairs8) JAXRS_PAIRS_TAG=t8 JAXRS_PAIRS_WARMUPS=20 ./jaxrs-pairs.sh 10 -t 8 | tee "$OUT/jaxrs-pairs-t8.txt" ;;
    # traced and untraced paths of one server, alternating: 6 runs with 2 connections, then 8
    jaxrs-phased) JAXRS_PHASED_TAG=t2 ./jaxrs-phased.sh 6 | tee "$OUT/jaxrs-phased-t2.txt" ;;
    jaxrs-phased8) JAXRS_PHASED_TAG=t8 ./jaxrs-phased.sh 6 -t 8 -wi 40 | tee "$OUT/jaxrs-phased-t8.txt" ;;
    # the share of a traced fork's CPU samples that is this library's work (needs async-profiler)
    jaxrs-profile) ./jaxrs-profile.sh | tee "$OUT/jaxrs-profile.txt" ;;
    # the request threads' CPU by part of the request path, traced and untraced phases of one JVM
    jaxrs-phase-profile) ./jaxrs-phase-profile.sh 2 | tee "$OUT/jaxrs-phase-profile.txt" ;;
    *) echo "unknown part: $part" >&2 && exit 2 ;;
  esac
done
