package org.codomyrmex.tracing.bench.jaxrs;

import java.util.List;

/** The mean of some measurements and its standard error (sample deviation over root n). */
record MeanError(double mean, double error, int n) {

  static MeanError of(List<Double> values) {
    int n = values.size();
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n < 2) {
      return new MeanError(mean, Double.NaN, n);
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new MeanError(mean, Math.sqrt(squares / (n - 1) / n), n);
  }

  /** Formats both with {@code format}, e.g. {@code "%.1f"}: {@code "12.3 ± 0.4"}. */
  String format(String format) {
    return String.format(format + " ± " + format, mean, error);
  }
}
