package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.codomyrmex.tracing.internal.TracingConfig;
import org.junit.jupiter.api.Test;

class ViewerConfigTest {
  private static ViewerConfig of(Map<String, String> values) {
    return ViewerConfig.of(TracingConfig.of(values::get));
  }

  @Test
  void offLoopbackOnlyAtTracingWith200TracesByDefault() {
    ViewerConfig config = of(Map.of());
    assertThat(config.enabled()).isFalse();
    assertThat(config.allowRemote()).isFalse();
    assertThat(config.path()).isEqualTo("/tracing");
    assertThat(config.maxTraces()).isEqualTo(200);
  }

  @Test
  void readsTheKeys() {
    ViewerConfig config =
        of(
            Map.of(
                "tracing.ui.enabled", "true",
                "tracing.ui.path", "ops/traces/",
                "tracing.ui.max-traces", "7",
                "tracing.ui.allow-remote", "TRUE"));
    assertThat(config.enabled()).isTrue();
    assertThat(config.allowRemote()).isTrue();
    assertThat(config.path()).isEqualTo("/ops/traces");
    assertThat(config.maxTraces()).isEqualTo(7);
  }

  @Test
  void staysOffWhileTracingIsOff() {
    assertThat(of(Map.of("tracing.ui.enabled", "true", "tracing.enabled", "false")).enabled())
        .isFalse();
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> of(Map.of("tracing.ui.enabled", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracing.ui.enabled:");
    assertThatThrownBy(() -> of(Map.of("tracing.ui.max-traces", "0")))
        .hasMessageStartingWith("tracing.ui.max-traces:");
    assertThatThrownBy(() -> of(Map.of("tracing.ui.path", "/a/../b")))
        .hasMessageStartingWith("tracing.ui.path:");
    assertThatThrownBy(() -> of(Map.of("tracing.ui.allow-remote", "1")))
        .hasMessageStartingWith("tracing.ui.allow-remote:");
  }
}
