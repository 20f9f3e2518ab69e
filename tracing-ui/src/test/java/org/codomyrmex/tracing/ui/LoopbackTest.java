package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1"})
  void loopbackAddressesAreLoopback(String address) {
    assertThat(Loopback.is(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.5",
        "192.168.1.20",
        "203.0.113.7",
        "::ffff:10.0.0.1",
        "fe80::1%eth0",
        "2001:db8::1",
        "0.0.0.0",
        "localhost",
        "127.0.0.1.evil.example",
        ""
      })
  void everythingElseIsNot(String address) {
    assertThat(Loopback.is(address)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void anAddressTheRuntimeCannotTellIsNotLoopback() {
    assertThat(Loopback.is(null)).isFalse();
  }
}
