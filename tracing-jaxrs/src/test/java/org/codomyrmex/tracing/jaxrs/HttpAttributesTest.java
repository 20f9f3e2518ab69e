package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpAttributesTest {
  @Test
  void statusCodesAreBoxedOnce() {
    assertThat(HttpAttributes.statusCode(200))
        .isEqualTo(200L)
        .isSameAs(HttpAttributes.statusCode(200));
    assertThat(HttpAttributes.statusCode(599))
        .isEqualTo(599L)
        .isSameAs(HttpAttributes.statusCode(599));
  }

  @Test
  void valuesOutsideTheStatusRangeKeepTheirValue() {
    assertThat(HttpAttributes.statusCode(600)).isEqualTo(600L);
    assertThat(HttpAttributes.statusCode(70_000)).isEqualTo(70_000L);
    assertThat(HttpAttributes.statusCode(-1)).isEqualTo(-1L);
  }
}
