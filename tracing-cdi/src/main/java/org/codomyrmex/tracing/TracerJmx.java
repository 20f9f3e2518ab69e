package org.codomyrmex.tracing;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/** Registers one tracer's {@link TracerMXBean}; a failure is logged, never thrown. */
final class TracerJmx implements TracerMXBean {
  private static final RateLimitedLogger LOG = new RateLimitedLogger(TracerJmx.class.getName());
  private static final int MAX_INSTANCES = 1000;

  private final DefaultTracer tracer;
  private volatile ObjectName registered;

  private TracerJmx(DefaultTracer tracer) {
    this.tracer = tracer;
  }

  /** Registers the tracer's MXBean, with an {@code instance} key when its name is taken. */
  static TracerJmx register(DefaultTracer tracer) {
    TracerJmx bean = new TracerJmx(tracer);
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      for (int instance = 1; instance <= MAX_INSTANCES && bean.registered == null; instance++) {
        bean.tryRegister(server, objectName(tracer.name(), instance));
      }
    } catch (JMException | RuntimeException | LinkageError e) {
      LOG.warn("tracer '" + tracer.name() + "' not registered in JMX", e);
    }
    return bean;
  }

  static ObjectName objectName(String tracerName, int instance) throws JMException {
    ObjectName first = TracerMXBean.objectName(tracerName);
    return instance == 1 ? first : new ObjectName(first + ",instance=" + instance);
  }

  private void tryRegister(MBeanServer server, ObjectName name) throws JMException {
    try {
      server.registerMBean(this, name);
      registered = name;
    } catch (InstanceAlreadyExistsException e) {
      // another application or tracer has this name: try the next instance number
    }
  }

  void unregister() {
    ObjectName name = registered;
    registered = null;
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException | RuntimeException e) {
      LOG.warn("tracer '" + tracer.name() + "' not unregistered from JMX", e);
    }
  }

  ObjectName objectName() {
    return registered;
  }

  @Override
  public long getExportedSpans() {
    return tracer.exportedSpans();
  }

  @Override
  public long getDroppedSpans() {
    return tracer.droppedSpans();
  }

  @Override
  public long getQueuedSpans() {
    return tracer.queuedSpans();
  }

  @Override
  public int getQueueCapacity() {
    return tracer.queueCapacity();
  }

  @Override
  public String getSampler() {
    return String.valueOf(tracer.sampler());
  }

  @Override
  public double getSamplingRatio() {
    Sampler sampler = tracer.sampler();
    if (sampler instanceof RatioSampler) {
      return ((RatioSampler) sampler).ratio();
    }
    return sampler instanceof FixedSampler ? ((FixedSampler) sampler).ratio() : Double.NaN;
  }

  @Override
  public void setSamplingRatio(double ratio) {
    Sampler sampler = tracer.sampler();
    if (!(sampler instanceof RatioSampler || sampler instanceof FixedSampler)) {
      throw new IllegalStateException(
          "SamplingRatio: tracer '" + tracer.name() + "' uses " + sampler + ", not a ratio");
    }
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("SamplingRatio: expected 0.0 to 1.0, was " + ratio);
    }
    tracer.sampler(new RatioSampler(ratio));
  }

  @Override
  public void flush() {
    tracer.flush();
  }
}
