package org.codomyrmex.tracing.bench.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkTest {
  // wrk 4.1.0's summary (Debian bookworm), as printed for one of this benchmark's runs
  private static final String SUMMARY =
      """
      Running 20s test @ http://127.0.0.1:41235/api/hello
        1 threads and 8 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   612.09us  401.23us  14.21ms   93.11%
          Req/Sec    13.42k     1.02k   15.70k    71.00%
        267050 requests in 20.00s, 29.03MB read
      Requests/sec:  13352.11
      Transfer/sec:      1.45MB
      """;

  @Test
  void readsCompletedRequestsAndTheirDuration() {
    Wrk.Result result = Wrk.parse(SUMMARY);

    assertThat(result.requests()).isEqualTo(267_050);
    assertThat(result.perSecond()).isCloseTo(13_352.5, org.assertj.core.data.Offset.offset(0.1));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void reportsFailedResponsesAndSocketErrors() {
    String failing =
        SUMMARY.replace(
            "Requests/sec",
            "  Socket errors: connect 0, read 3, write 0, timeout 0\n"
                + "  Non-2xx or 3xx responses: 12\nRequests/sec");

    assertThat(Wrk.parse(failing).errors())
        .isEqualTo(
            "Socket errors: connect 0, read 3, write 0, timeout 0; Non-2xx or 3xx responses: 12");
  }

  @Test
  void readsDurationsInMilliseconds() {
    assertThat(Wrk.parse("500 requests in 250.00ms, 1MB read").perSecond()).isEqualTo(2000.0);
  }

  @Test
  void refusesOutputWithoutSummary() {
    assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
