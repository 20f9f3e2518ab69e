package org.codomyrmex.tracing;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor service running each task, and each run of a periodic task, with the span
 * current when it was scheduled.
 */
final class TracingScheduledExecutorService extends TracingExecutorService
    implements ScheduledExecutorService {
  private final ScheduledExecutorService delegate;

  TracingScheduledExecutorService(ScheduledExecutorService delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return delegate.schedule(Tracers.wrap(task), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
    return delegate.schedule(Tracers.wrap(task), delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    return delegate.scheduleAtFixedRate(Tracers.wrap(task), initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable task, long initialDelay, long delay, TimeUnit unit) {
    return delegate.scheduleWithFixedDelay(Tracers.wrap(task), initialDelay, delay, unit);
  }
}
