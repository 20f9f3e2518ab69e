package org.codomyrmex.tracing.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  private static final List<String> KEYS =
      List.of(DemoOptions.KEEP_RUNNING, DemoOptions.LINGER_SECONDS, DemoOptions.PORT);

  @AfterEach
  void clear() {
    KEYS.forEach(System::clearProperty);
  }

  @Test
  void defaultsExitAfterTenSecondsOnAFreePort() {
    assertThat(DemoOptions.fromSystemProperties()).isEqualTo(new DemoOptions(false, 10, 0));
  }

  @Test
  void readsEachOption() {
    System.setProperty(DemoOptions.KEEP_RUNNING, "true");
    System.setProperty(DemoOptions.LINGER_SECONDS, " 3 ");
    System.setProperty(DemoOptions.PORT, "8080");

    assertThat(DemoOptions.fromSystemProperties()).isEqualTo(new DemoOptions(true, 3, 8080));
  }

  @Test
  void aBadValueNamesItsKey() {
    System.setProperty(DemoOptions.PORT, "70000");
    assertThatThrownBy(DemoOptions::fromSystemProperties)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("demo.port: ");

    System.setProperty(DemoOptions.PORT, "0");
    System.setProperty(DemoOptions.KEEP_RUNNING, "yes");
    assertThatThrownBy(DemoOptions::fromSystemProperties)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("demo.keep-running: ");
  }
}
