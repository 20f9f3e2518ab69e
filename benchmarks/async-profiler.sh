# Sourced by the profiling scripts: async-profiler 3.0 (linux-x64) from Maven Central, fetched once
# into target/profiler; ASYNC_PROFILER=/path/libasyncProfiler.so uses another copy of the library.
PROFILER_JAR=target/profiler/async-profiler-3.0-linux-x64.jar

profiler() { # prints the path of libasyncProfiler.so
  if [ -n "${ASYNC_PROFILER:-}" ]; then
    echo "$ASYNC_PROFILER"
    return
  fi
  local lib=target/profiler/linux-x64/libasyncProfiler.so
  if [ ! -f "$lib" ]; then
    mkdir -p target/profiler
    ../mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0:jar:linux-x64 \
      -DoutputDirectory=target/profiler >&2
    (cd target/profiler && unzip -q -o async-profiler-3.0-linux-x64.jar 'linux-x64/*')
  fi
  echo "$PWD/$lib"
}
