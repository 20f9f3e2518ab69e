#!/usr/bin/env bash
# Runs the benchmarks a maintainer re-runs (docs/performance.md has a table per part and what each
# answers) and keeps each log, and JMH's JSON, in benchmarks/target/results/.
# Build first: ./mvnw -B -pl benchmarks -am package -DskipTests  (jaxrs builds by itself)
# Usage: benchmarks/run-benchmarks.sh [part...]
#   core    CoreTracerBenchmark, one thread: span cost against the OpenTelemetry SDK and Brave (~6 min)
#   core2   CoreTracerBenchmark.full_*, two threads (~2 min)
#   cdi     CdiInterceptorBenchmark: @Traced on Weld SE (~2 min)
#   export  ExporterThroughputBenchmark.jsonl: spans/s of the file exporter (~1 min; zipkin needs a
#           running Zipkin server: see the class); OtlpEncodingBenchmark: OTLP encoding per span
#           against the OpenTelemetry SDK's (~3 min)
#   loss    LossBenchmark at 100 k and 1 M spans/s and full speed, one and two threads (~3 min)
#   jaxrs   jaxrs-side-by-side.sh: the JAX-RS request path against the OpenTelemetry agent and
#           SmallRye OpenTelemetry (~25 min)
#   (default: all of them)
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=target/results
RUN=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(core core2 cdi export loss jaxrs)
mkdir -p "$OUT"

bench() { # name, then JMH arguments
  local name=$1
  shift
  java -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" 2>&1 | tee "$OUT/$name.log" \
    | grep -E '^[A-Z][A-Za-z]+Benchmark\.|^Benchmark |^\['
}

for part in "${PARTS[@]}"; do
  case $part in
    core) bench core-1thread 'CoreTracerBenchmark' "${RUN[@]}" -t 1 -prof gc ;;
    core2) bench core-2threads 'CoreTracerBenchmark.full_' "${RUN[@]}" -t 2 -prof gc ;;
    cdi) bench cdi 'CdiInterceptorBenchmark' "${RUN[@]}" -prof gc ;;
    export)
      bench export 'ExporterThroughputBenchmark.jsonl' -p jsonlDir="$OUT"
      bench otlp-encoding 'OtlpEncodingBenchmark' -prof gc
      ;;
    loss)
      bench loss-1thread 'LossBenchmark' -t 1
      bench loss-2threads 'LossBenchmark' -t 2
      ;;
    jaxrs) ./jaxrs-side-by-side.sh ;;
    *) echo "unknown part: $part" >&2 && exit 2 ;;
  esac
done
