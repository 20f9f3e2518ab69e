package org.codomyrmex.tracing.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.codomyrmex.tracing.Sampler;

/**
 * Not API: the configured sampler, from {@code tracing.sampler}, {@code tracing.sampler.ratio} and
 * {@code tracing.sampler.rate}, or else from OpenTelemetry's {@code otel.traces.sampler} and {@code
 * otel.traces.sampler.arg}. Every sampler here is parent-based: only root spans ask it.
 */
public final class SamplerSettings {
  // OpenTelemetry's names; ours are always parent-based, so both spellings mean the same here.
  private static final Map<String, String> OTEL_NAMES =
      Map.of(
          "always_on", "always",
          "parentbased_always_on", "always",
          "always_off", "never",
          "parentbased_always_off", "never",
          "traceidratio", "ratio",
          "parentbased_traceidratio", "ratio");

  private static final Set<String> NAMES = Set.of("always", "never", "ratio", "rate-limited");

  private final String name;
  private final double ratio;
  private final int rate;

  private SamplerSettings(String name, double ratio, int rate) {
    this.name = name;
    this.ratio = ratio;
    this.rate = rate;
  }

  static SamplerSettings read(TracingConfig config) {
    String name = config.raw(TracingConfig.SAMPLER);
    String ratioKey = TracingConfig.SAMPLER_RATIO;
    String ratioValue = config.raw(ratioKey);
    if (name != null) {
      name = name.toLowerCase(Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw TracingConfig.invalid(
            TracingConfig.SAMPLER, name, "expected always, never, ratio or rate-limited");
      }
    } else {
      String otel = config.raw(TracingConfig.OTEL_SAMPLER);
      name = otel == null ? "always" : otelName(otel);
      if (ratioValue == null && "ratio".equals(name)) {
        ratioKey = TracingConfig.OTEL_SAMPLER_ARG;
        ratioValue = config.raw(ratioKey);
      }
    }
    double ratio = ratio(ratioKey, ratioValue);
    int rate = rate(config.raw(TracingConfig.SAMPLER_RATE));
    return new SamplerSettings(name, ratio, rate);
  }

  private static String otelName(String value) {
    String name = OTEL_NAMES.get(value.toLowerCase(Locale.ROOT));
    if (name == null) {
      throw TracingConfig.invalid(
          TracingConfig.OTEL_SAMPLER,
          value,
          "expected one of " + new TreeSet<>(OTEL_NAMES.keySet()));
    }
    return name;
  }

  private static double ratio(String key, String value) {
    if (value == null) {
      return 1.0;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (parsed >= 0.0 && parsed <= 1.0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw TracingConfig.invalid(key, value, "expected a number from 0.0 to 1.0");
  }

  private static int rate(String value) {
    if (value == null) {
      return 100;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw TracingConfig.invalid(
        TracingConfig.SAMPLER_RATE, value, "expected an integer from 1 to " + Integer.MAX_VALUE);
  }

  /** Returns a new sampler of these settings: each tracer gets its own. */
  public Sampler create() {
    switch (name) {
      case "never":
        return Sampler.never();
      case "ratio":
        return Sampler.ratio(ratio);
      case "rate-limited":
        return Sampler.rateLimited(rate);
      default:
        return Sampler.always();
    }
  }

  /**
   * Returns the sampler's name: {@code always}, {@code never}, {@code ratio} or {@code
   * rate-limited}.
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return create().toString();
  }
}
