package org.codomyrmex.tracing.bench.jaxrs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;

/**
 * The summary of a side-by-side run: per mode, throughput, its cost against the untraced run of the
 * same round and the extra server CPU per request, each as mean ± standard error, and whether this
 * library's cost is at most half the cheapest peer's outside the noise.
 */
final class SideBySideTable {
  private SideBySideTable() {}

  static void print(List<JaxRsSideBySide.Run> runs, List<Mode> modes, PrintStream out) {
    out.println();
    out.println(
        "| mode | spans exported to | runs | req/s | throughput cost | server CPU µs/req |"
            + " extra CPU µs/req | requests / in a span / server spans exported |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (Mode mode : modes) {
      List<JaxRsSideBySide.Run> own = of(runs, mode);
      out.printf(
          "| %s | %s | %d | %s | %s | %s | %s | %s |%n",
          mode.label,
          mode.sink,
          own.size(),
          MeanError.of(values(own, r -> r.perSecond())).format("%.0f"),
          mode.traces() ? percent(cost(runs, mode)) : "-",
          MeanError.of(values(own, r -> r.cpuMicros())).format("%.1f"),
          mode.traces()
              ? paired(runs, mode, (r, base) -> r.cpuMicros() - base.cpuMicros()).format("%.1f")
              : "-",
          proof(own));
    }
    verdict(runs, modes, out);
  }

  /** Per round, 1 - this mode's throughput / the untraced throughput. */
  static MeanError cost(List<JaxRsSideBySide.Run> runs, Mode mode) {
    return paired(runs, mode, (r, base) -> 1 - r.perSecond() / base.perSecond());
  }

  private static MeanError paired(
      List<JaxRsSideBySide.Run> runs,
      Mode mode,
      ToDoubleBiFunction<JaxRsSideBySide.Run, JaxRsSideBySide.Run> measure) {
    List<Double> values = new ArrayList<>();
    for (JaxRsSideBySide.Run run : of(runs, mode)) {
      baseline(runs, run.round()).ifPresent(base -> values.add(measure.applyAsDouble(run, base)));
    }
    return MeanError.of(values);
  }

  // The target compares exporting modes: ours against the peers that export (the modes that do
  // not export only show how much of each library's cost its export is).
  private static void verdict(List<JaxRsSideBySide.Run> runs, List<Mode> modes, PrintStream out) {
    if (!modes.contains(Mode.OURS) || modes.stream().noneMatch(Mode::isExportingPeer)) {
      return;
    }
    MeanError ours = cost(runs, Mode.OURS);
    Mode cheapest = null;
    MeanError cheapestCost = null;
    for (Mode mode : modes) {
      if (mode.isExportingPeer()) {
        MeanError cost = cost(runs, mode);
        if (cheapestCost == null || cost.mean() < cheapestCost.mean()) {
          cheapest = mode;
          cheapestCost = cost;
        }
      }
    }
    double ceiling = (cheapestCost.mean() - cheapestCost.error()) / 2;
    out.printf(
        "%ntarget: ours %s (mean + error %.1f %%) <= half the cheapest peer's, %s %s (half of"
            + " mean - error: %.1f %%): %s%n",
        percent(ours),
        100 * (ours.mean() + ours.error()),
        cheapest.label,
        percent(cheapestCost),
        100 * ceiling,
        ours.mean() + ours.error() <= ceiling ? "met" : "NOT met");
  }

  private static String proof(List<JaxRsSideBySide.Run> own) {
    long requests = own.stream().mapToLong(JaxRsSideBySide.Run::requests).sum();
    long inSpan = own.stream().mapToLong(JaxRsSideBySide.Run::inSpan).sum();
    long server = own.stream().mapToLong(r -> r.exported().serverSpans).sum();
    boolean proven = own.stream().allMatch(JaxRsSideBySide.Run::proven);
    return requests + " / " + inSpan + " / " + server + (proven ? " ✓" : " ✗");
  }

  private static String percent(MeanError cost) {
    return String.format("%.1f %% ± %.1f", 100 * cost.mean(), 100 * cost.error());
  }

  private static Optional<JaxRsSideBySide.Run> baseline(List<JaxRsSideBySide.Run> runs, int round) {
    return runs.stream().filter(r -> r.round() == round && r.mode() == Mode.UNTRACED).findFirst();
  }

  private static List<JaxRsSideBySide.Run> of(List<JaxRsSideBySide.Run> runs, Mode mode) {
    return runs.stream().filter(r -> r.mode() == mode).toList();
  }

  private static List<Double> values(
      List<JaxRsSideBySide.Run> runs,
      java.util.function.ToDoubleFunction<JaxRsSideBySide.Run> value) {
    return runs.stream().map(r -> value.applyAsDouble(r)).toList();
  }
}
