#!/usr/bin/env bash
# Where tracing's extra CPU goes, traced and untraced phases of one JVM kept apart: N runs of
# JaxRsPhasedBenchmark with async-profiler sampling each measured iteration (CPU, 1 ms, per thread;
# -Dbench.phase-profiles, see PhaseProfiles), then per run the request threads' CPU per request by
# part of the request path, in each phase and traced minus untraced. Sampling slows the process (about
# 1.3 times the CPU per request here), so read the parts against each other, not as absolute cost.
# Build first: ./mvnw -B -pl benchmarks -am package -DskipTests
# Usage: [ASYNC_PROFILER=/path/libasyncProfiler.so] benchmarks/jaxrs-phase-profile.sh [runs (2)] [JMH args]
#   default: 8 connections (-t 8) and 40 warm-up iterations, as jaxrs-phased.sh 8 -t 8 -wi 40.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-2}
shift || true
OUT=target/results/jaxrs-phase-profile
. ./async-profiler.sh
LIB=$(profiler)

for ((run = 1; run <= RUNS; run++)); do
  dir="$PWD/$OUT/$run"
  rm -rf "$dir"
  mkdir -p "$dir"
  java -cp "target/benchmarks.jar:$PROFILER_JAR" org.openjdk.jmh.Main JaxRsPhasedBenchmark -t 8 -wi 40 \
    -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
-Dbench.phase-profiles=$dir -Dbench.profiler-lib=$LIB" "$@" >"$dir/run.log" 2>&1
  for phase in traced untraced; do
    awk -v phase="$phase" -f phase-parts.awk "$dir/$phase.txt"
  done | awk -v run="$run" '
    { printf "run %s %s\n", run, $0; for (i = 2; i < NF; i += 2) v[$1, $i] = $(i + 1); if (NR == 1) line = $0 }
    END {
      printf "run %s traced-untraced", run
      k = split(line, f, " ")
      for (i = 2; i < k; i += 2) printf " %s %+.2f", f[i], v["traced", f[i]] - v["untraced", f[i]]
      print ""
    }'
done
