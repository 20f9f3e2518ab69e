package org.codomyrmex.tracing;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A tracer's health and sampling in JMX: {@code org.codomyrmex.tracing:type=Tracer,name=<tracer>}
 * in the platform MBean server, from its creation to its shutdown.
 *
 * <pre>{@code
 * ObjectName name = TracerMXBean.objectName("checkout");
 * long dropped = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "DroppedSpans");
 * }</pre>
 */
public interface TracerMXBean {

  /**
   * Returns the name under which the tracer named {@code tracerName} registers: {@code
   * org.codomyrmex.tracing:type=Tracer,name=<tracerName>}, the name quoted where it must be. A
   * second tracer of the same name adds {@code ,instance=2}, and so on.
   */
  static ObjectName objectName(String tracerName) {
    boolean plain = !tracerName.isBlank() && tracerName.matches("[A-Za-z0-9._\\-/ ]+");
    String value = plain ? tracerName : ObjectName.quote(tracerName);
    try {
      return new ObjectName("org.codomyrmex.tracing:type=Tracer,name=" + value);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("tracer name '" + tracerName + "': " + e.getMessage(), e);
    }
  }

  /** Returns how many spans the exporter accepted. */
  long getExportedSpans();

  /** Returns how many finished, recorded spans were not exported. */
  long getDroppedSpans();

  /** Returns how many finished spans wait in the export queue now. */
  long getQueuedSpans();

  /** Returns how many spans the export queue holds at most. */
  int getQueueCapacity();

  /** Returns the sampler, such as {@code ratio(0.25)} or {@code rateLimited(100)}. */
  String getSampler();

  /**
   * Returns the fraction of new traces recorded: the ratio of a ratio sampler, 1.0 for {@code
   * always}, 0.0 for {@code never}, NaN for any other sampler.
   */
  double getSamplingRatio();

  /**
   * Records the fraction {@code ratio} (0.0 to 1.0) of new traces from now on; allowed while the
   * tracer uses {@code always}, {@code never} or a ratio sampler, which it then replaces.
   */
  void setSamplingRatio(double ratio);

  /** Returns once every span finished so far has been handed to the exporter. */
  void flush();
}
