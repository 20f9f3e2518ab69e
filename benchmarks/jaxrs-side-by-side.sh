#!/usr/bin/env bash
# The JAX-RS request path side by side (JaxRsSideBySide): untraced, this library (OTLP protobuf,
# its JSON + gzip defaults, and not exporting), the OpenTelemetry Java agent 2.22.0 (exporting over OTLP and not exporting) and SmallRye OpenTelemetry 2.10.0, the
# same Weld SE + RESTEasy SeBootstrap (Undertow) application, a fresh JVM per mode and round, wrk
# on 127.0.0.1. Builds what it needs (never installs), fetches the peers from Maven Central via
# peers/pom.xml, installs Debian's wrk when missing. Logs in benchmarks/target/results/.
# Usage: benchmarks/jaxrs-side-by-side.sh [rounds [warm-up-s [measured-s]]]   (default 4 40 20,
#   about 35 minutes for the seven modes; "1 5 5" is a smoke run of about 3 minutes)
#   BENCH_MODES=untraced,ours limits the modes; BENCH_CONNECTIONS=8 sets wrk's -c.
#   BENCH_SERVER_ARGS adds JVM options to every server ({mode} = its label), e.g. a JFR recording.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-4}
WARMUP=${2:-40}
MEASURE=${3:-20}
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ ! -f target/benchmarks-app.jar ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  (cd .. && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi
[ -f peers/target/agent/opentelemetry-javaagent.jar ] || ../mvnw -B -q -f peers/pom.xml package
mkdir -p target/results
java -cp "target/classes:target/lib/*" \
  -Dbench.rounds="$ROUNDS" -Dbench.warmup="$WARMUP" -Dbench.measure="$MEASURE" \
  -Dbench.connections="${BENCH_CONNECTIONS:-8}" -Dbench.modes="${BENCH_MODES:-}" \
  -Dbench.server-args="${BENCH_SERVER_ARGS:-}" \
  org.codomyrmex.tracing.bench.jaxrs.JaxRsSideBySide 2>&1 | tee "target/results/jaxrs-side-by-side-$(date -u +%Y%m%dT%H%M%SZ).txt"
