#!/usr/bin/env bash
# Where the CPU of a traced JAX-RS fork goes, measured in the same run: one JaxRsBenchmark fork with
# tracing on under async-profiler (CPU-time samples, per thread), then the share of the samples that
# are this library's work: stacks through its classes (filters, interceptor, span, export), Weld's
# interception of the resource method, which only tracing binds, and the export worker thread.
# What tracing costs outside those frames (the extra response header on the wire and in the client,
# cache effects) is not counted here; the fork pairs (jaxrs-pairs.sh) include it, with their noise.
# Build first: ./mvnw -B -pl benchmarks -am package -DskipTests
# Usage: [ASYNC_PROFILER=/path/libasyncProfiler.so] benchmarks/jaxrs-profile.sh [extra JMH arguments]
#   default load: 8 connections (-t 8), 40 warm-up and 5 measured iterations of 2 s (with 20, a
#   2-vCPU VM was still JIT-compiling in the measured iterations: see the compiler line printed).
#   Without ASYNC_PROFILER, async-profiler 3.0 (linux-x64) is fetched into target/profiler by Maven.
set -euo pipefail
cd "$(dirname "$0")"
OUT=target/results/jaxrs-profile
mkdir -p "$OUT"

. ./async-profiler.sh
LIB=$(profiler)
rm -rf "$OUT/samples"
java -jar target/benchmarks.jar JaxRsBenchmark -p tracingEnabled=true -f 1 -wi 40 -w 2s -i 5 -r 2s -t 8 \
  -prof "async:libPath=$LIB;event=itimer;interval=5000000;threads=true;output=collapsed;dir=$OUT/samples" \
  "$@" >"$OUT/fork.log" 2>&1
grep -E '^\[cpu\]|^JaxRsBenchmark\.get ' "$OUT/fork.log"

# One line per stack: "[thread] frame;frame;... count". A server sample is the library's when its
# thread is the export worker, or it runs in the tracing filter, or Weld's intercepting subclass of
# the resource is on the stack and it is not the resource method's own code, or any other frame is one
# of the library's classes (not the benchmark's).
cat "$OUT"/samples/*/collapsed-itimer.csv | awk '
  {
    n = $NF; stack = $0; sub(/ [0-9]+$/, "", stack)
    all += n
    if (stack ~ /jmh-worker/) next # the client threads
    server += n
    if (stack ~ /^\[C[12] CompilerThre/) compiler += n
    if (stack ~ /^\[codomyrmex-tracing-export/) part["export thread"] += n
    else if (stack ~ /TracingContainerFilter/) part["filter"] += n
    else if (stack ~ /WeldSubclass/ && stack !~ /HelloResource\.hello$/) part["interception"] += n
    else if (library(stack)) part["other"] += n
  }
  function library(stack, frames, i, k) {
    k = split(stack, frames, ";")
    for (i = 1; i <= k; i++)
      if (frames[i] ~ /^org\/codomyrmex\/tracing\// && frames[i] !~ /^org\/codomyrmex\/tracing\/bench\//)
        return 1
    return 0
  }
  END {
    for (p in part) tracing += part[p]
    printf "samples: all %d, server (all but the client threads) %d, tracing %d\n", all, server, tracing
    printf "tracing share: of the server %.2f %%, of the whole process %.2f %%\n", \
      100 * tracing / server, 100 * tracing / all
    for (p in part) printf "  %s: %d samples, %.2f %% of the server\n", p, part[p], 100 * part[p] / server
    # A warm-up check: a fork whose JIT is still compiling measures its compiler, not the server.
    printf "JIT compiler threads: %d samples, %.2f %% of the server\n", compiler, 100 * compiler / server
  }'
