package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplerSettingsTest {

  private static String sampler(Map<String, String> values) {
    return TracingConfig.of(values::get).sampler().create().toString();
  }

  @Test
  void theDefaultRecordsEverything() {
    assertThat(sampler(Map.of())).isEqualTo("always");
  }

  @ParameterizedTest
  @CsvSource({
    "always, always",
    "NEVER, never",
    "ratio, ratio(0.25)",
    "rate-limited, rateLimited(40)",
  })
  void ourKeys(String name, String expected) {
    assertThat(
            sampler(
                Map.of(
                    "tracing.sampler", name,
                    "tracing.sampler.ratio", "0.25",
                    "tracing.sampler.rate", "40")))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "always_on, always",
    "parentbased_always_on, always",
    "always_off, never",
    "parentbased_always_off, never",
    "traceidratio, ratio(0.1)",
    "parentbased_traceidratio, ratio(0.1)",
  })
  void openTelemetryNamesAreTheFallback(String name, String expected) {
    assertThat(sampler(Map.of("otel.traces.sampler", name, "otel.traces.sampler.arg", "0.1")))
        .isEqualTo(expected);
  }

  @Test
  void ourKeysWinOverOpenTelemetrys() {
    assertThat(
            sampler(
                Map.of(
                    "tracing.sampler", "ratio",
                    "tracing.sampler.ratio", "0.5",
                    "otel.traces.sampler", "always_off",
                    "otel.traces.sampler.arg", "0.1")))
        .isEqualTo("ratio(0.5)");
    assertThat(
            sampler(
                Map.of(
                    "tracing.sampler.ratio", "0.5",
                    "otel.traces.sampler", "traceidratio",
                    "otel.traces.sampler.arg", "0.1")))
        .isEqualTo("ratio(0.5)");
  }

  @Test
  void anOpenTelemetryRatioWithoutArgumentKeepsEverything() {
    assertThat(sampler(Map.of("otel.traces.sampler", "traceidratio"))).isEqualTo("ratio(1.0)");
  }

  @ParameterizedTest
  @CsvSource({
    "tracing.sampler.ratio, 1.5",
    "tracing.sampler.ratio, -0.5",
    "tracing.sampler.ratio, NaN",
    "tracing.sampler.ratio, half",
    "tracing.sampler.rate, 0",
    "tracing.sampler.rate, 2.5",
    "tracing.sampler, sometimes",
    "otel.traces.sampler, jaeger_remote",
  })
  void badValuesNameTheKey(String key, String value) {
    assertThatThrownBy(() -> TracingConfig.of(Map.of(key, value)::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(key + ": invalid value '" + value + "'");
  }

  @Test
  void aBadOpenTelemetryArgumentNamesItsKey() {
    assertThatThrownBy(
            () ->
                TracingConfig.of(
                    Map.of("otel.traces.sampler", "traceidratio", "otel.traces.sampler.arg", "2")
                        ::get))
        .hasMessageStartingWith("otel.traces.sampler.arg: invalid value '2'");
  }

  @Test
  void jmxAndLogCorrelationSwitches() {
    TracingConfig defaults = TracingConfig.of(Map.<String, String>of()::get);
    assertThat(defaults.jmxEnabled()).isTrue();
    assertThat(defaults.logCorrelation()).isTrue();
    TracingConfig off =
        TracingConfig.of(
            Map.of("tracing.jmx.enabled", "false", "tracing.log-correlation", "false")::get);
    assertThat(off.jmxEnabled()).isFalse();
    assertThat(off.logCorrelation()).isFalse();
  }
}
