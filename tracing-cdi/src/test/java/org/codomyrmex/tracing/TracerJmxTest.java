package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tracer MXBean as an operator sees it: through the platform MBean server. */
class TracerJmxTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final InMemoryExporter memory = new InMemoryExporter();
  private Tracer first;
  private Tracer second;

  @AfterEach
  void shutdown() {
    System.clearProperty("tracing.jmx.enabled");
    if (first != null) {
      first.shutdown();
    }
    if (second != null) {
      second.shutdown();
    }
  }

  private static ObjectName name(String value) throws JMException {
    return new ObjectName("org.codomyrmex.tracing:type=Tracer,name=" + value);
  }

  @Test
  void countersAndSamplerAreReadableAndTheRatioIsWritable() throws Exception {
    first = Tracer.create("jmx-orders", memory, Sampler.ratio(0.25));
    ObjectName name = name("jmx-orders");
    assertThat(server.getAttribute(name, "Sampler")).isEqualTo("ratio(0.25)");
    assertThat(server.getAttribute(name, "SamplingRatio")).isEqualTo(0.25);
    assertThat(server.getAttribute(name, "QueueCapacity")).isEqualTo(2048);

    server.setAttribute(name, new Attribute("SamplingRatio", 1.0));
    for (int i = 0; i < 5; i++) {
      first.span("recorded").close();
    }
    server.invoke(name, "flush", new Object[0], new String[0]);
    assertThat(server.getAttribute(name, "ExportedSpans")).isEqualTo(5L);
    assertThat(server.getAttribute(name, "DroppedSpans")).isEqualTo(0L);
    assertThat(server.getAttribute(name, "QueuedSpans")).isEqualTo(0L);

    server.setAttribute(name, new Attribute("SamplingRatio", 0.0));
    try (Span span = first.span("not recorded")) {
      assertThat(span.isRecording()).as("effective at once for new traces").isFalse();
    }
    assertThat(server.getAttribute(name, "Sampler")).isEqualTo("ratio(0.0)");
  }

  @Test
  void theRatioIsRefusedOutsideItsRangeAndForOtherSamplers() throws Exception {
    first = Tracer.create("jmx-limited", memory, Sampler.rateLimited(50));
    ObjectName limited = name("jmx-limited");
    assertThat(server.getAttribute(limited, "SamplingRatio")).isEqualTo(Double.NaN);
    assertThatThrownBy(() -> server.setAttribute(limited, new Attribute("SamplingRatio", 0.5)))
        .hasStackTraceContaining("SamplingRatio: tracer 'jmx-limited' uses rateLimited(50)");
    second = Tracer.create("jmx-always", memory, Sampler.always());
    ObjectName always = name("jmx-always");
    assertThat(server.getAttribute(always, "SamplingRatio")).isEqualTo(1.0);
    assertThatThrownBy(() -> server.setAttribute(always, new Attribute("SamplingRatio", 1.5)))
        .hasStackTraceContaining("SamplingRatio: expected 0.0 to 1.0");
    server.setAttribute(always, new Attribute("SamplingRatio", 0.5));
    assertThat(server.getAttribute(always, "Sampler")).isEqualTo("ratio(0.5)");
  }

  @Test
  void aNameTakenTwiceGetsAnInstanceKeyAndShutdownUnregisters() throws Exception {
    first = Tracer.create("jmx-twice", memory);
    second = Tracer.create("jmx-twice", memory);
    ObjectName plain = name("jmx-twice");
    ObjectName other = new ObjectName(plain + ",instance=2");
    assertThat(server.isRegistered(plain)).isTrue();
    assertThat(server.isRegistered(other)).isTrue();
    second.shutdown();
    assertThat(server.isRegistered(other)).isFalse();
    assertThat(server.isRegistered(plain)).isTrue();
    first.shutdown();
    assertThat(server.isRegistered(plain)).isFalse();
  }

  @Test
  void namesThatNeedQuotingAreQuoted() throws Exception {
    first = Tracer.create("a,b=c:d", memory);
    assertThat(server.isRegistered(name(ObjectName.quote("a,b=c:d")))).isTrue();
  }

  @Test
  void switchedOffNothingIsRegistered() throws Exception {
    System.setProperty("tracing.jmx.enabled", "false");
    first = Tracer.create("jmx-off", memory);
    assertThat(server.queryNames(new ObjectName("org.codomyrmex.tracing:name=jmx-off,*"), null))
        .isEmpty();
  }
}
