package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Optional;
import org.codomyrmex.tracing.internal.TracingConfig;

/** Turns an invalid configuration value into a deployment problem that names the key. */
final class ConfigCheck {
  private ConfigCheck() {}

  /** The problem with the current configuration, if any; the message starts with the key. */
  static Optional<DeploymentException> problem() {
    try {
      TracingConfig.load();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(new DeploymentException(e.getMessage(), e));
    }
  }

  static void failFast() {
    Optional<DeploymentException> problem = problem();
    if (problem.isPresent()) {
      throw problem.get();
    }
  }
}
