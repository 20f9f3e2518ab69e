#!/bin/sh
# Runs LogCorrelationBenchmark with one set of logging libraries on the class path:
#   benchmarks/log-correlation.sh logback|jboss|both|none [JMH options, e.g. -f 2 -prof gc]
#   benchmarks/log-correlation.sh logback|jboss|both|none --cpu   (LogCorrelationCpuTime)
# Build first: ./mvnw -B -q -pl benchmarks -am package -DskipTests
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
set_name=${1:?logback, jboss, both or none}
shift
base="$target/classes"
for jar in "$target"/lib/tracing-cdi-*.jar "$target"/lib/jackson-*.jar "$target"/lib/jmh-core-*.jar \
    "$target"/lib/jopt-simple-*.jar "$target"/lib/commons-math3-*.jar; do
  base="$base:$jar"
done
# The first jar of each name pattern found in logging-lib/ or lib/ (Maven puts a jar in one of them).
jars() {
  for pattern in "$@"; do
    for jar in "$target"/logging-lib/$pattern "$target"/lib/$pattern; do
      if [ -f "$jar" ]; then printf '%s:' "$jar"; fi
    done
  done
}
logback=$(jars 'slf4j-api-*.jar' 'logback-*.jar')
jboss=$(jars 'jboss-logging-[0-9]*.jar' 'jboss-logmanager-*.jar' 'smallrye-common-*.jar' 'jboss-modules-*.jar')
jvm_args=""
case "$set_name" in
  logback) extra=$logback ;;
  jboss) extra=$jboss; jvm_args="-Djava.util.logging.manager=org.jboss.logmanager.LogManager" ;;
  both) extra=$logback$jboss; jvm_args="-Djava.util.logging.manager=org.jboss.logmanager.LogManager" ;;
  none) extra="" ;;
  *) echo "unknown set: $set_name" >&2; exit 2 ;;
esac
if [ "${1:-}" = "--cpu" ]; then
  exec java $jvm_args -cp "$base:$extra" org.codomyrmex.tracing.bench.LogCorrelationCpuTime
fi
# JMH's forks inherit this JVM's class path and arguments.
exec java $jvm_args -cp "$base:$extra" org.openjdk.jmh.Main LogCorrelationBenchmark "$@"
