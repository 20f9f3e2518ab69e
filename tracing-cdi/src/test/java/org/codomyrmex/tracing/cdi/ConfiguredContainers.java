package org.codomyrmex.tracing.cdi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.OrderService;
import org.codomyrmex.tracing.cdi.TestBeans.RecordingExporter;
import org.codomyrmex.tracing.cdi.TestBeans.SwitchedService;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that start containers configured by system properties: the properties a test
 * sets are cleared after it, and every tracer is shut down before and after.
 */
abstract class ConfiguredContainers {
  private final Map<String, String> properties = new HashMap<>();

  @BeforeEach
  void reset() {
    Tracers.shutdownAll();
    RecordingExporter.reset();
  }

  @AfterEach
  void clearProperties() {
    properties.keySet().forEach(System::clearProperty);
    Tracers.shutdownAll();
  }

  void set(String key, String value) {
    properties.put(key, value);
    System.setProperty(key, value);
  }

  /** Starts the order beans, the tracer holder and the recording exporter, plus {@code more}. */
  static WeldContainer start(Deployments deployment, Class<?>... more) {
    Class<?>[] beans = {
      OrderService.class, SwitchedService.class, TracerHolder.class, RecordingExporter.class
    };
    Class<?>[] all = Arrays.copyOf(beans, beans.length + more.length);
    System.arraycopy(more, 0, all, beans.length, more.length);
    return deployment.weld(all).initialize();
  }
}
