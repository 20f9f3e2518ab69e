package org.codomyrmex.tracing.bench.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanErrorTest {

  @Test
  void meanAndStandardErrorOfTheMean() {
    // deviations -3, -1, 1, 3: sample variance 20 / 3, standard error sqrt(20 / 3 / 4)
    MeanError result = MeanError.of(List.of(2.0, 4.0, 6.0, 8.0));

    assertThat(result.mean()).isEqualTo(5.0);
    assertThat(result.error()).isCloseTo(Math.sqrt(20.0 / 12), offset(1e-12));
    assertThat(result.format("%.2f")).isEqualTo("5.00 ± 1.29");
  }

  @Test
  void oneValueHasNoError() {
    assertThat(MeanError.of(List.of(3.0)).error()).isNaN();
  }
}
