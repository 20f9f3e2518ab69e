package org.codomyrmex.tracing.internal;

import java.util.function.Supplier;
import org.codomyrmex.tracing.Sampler;

/** Not API: the sampler each new tracer gets: the application's CDI bean, or the configured one. */
public final class Samplers {
  private static volatile Supplier<Sampler> override;

  private Samplers() {}

  /** Returns the sampler for a new tracer: the override when one is set, else a configured one. */
  public static Sampler create(TracingConfig config) {
    Supplier<Sampler> current = override;
    return current != null ? current.get() : config.sampler().create();
  }

  /** Makes tracers created from now on use {@code supplier}'s sampler. */
  public static void override(Supplier<Sampler> supplier) {
    override = supplier;
  }

  /** Goes back to the configured sampler. */
  public static void clearOverride() {
    override = null;
  }
}
