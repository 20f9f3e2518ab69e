package org.codomyrmex.tracing.cdi;

import org.jboss.weld.environment.se.Weld;

/** The two ways a container gets the library: CDI Full (portable) and CDI Lite (translated BCE). */
enum Deployments {
  PORTABLE {
    @Override
    Weld weld(Class<?>... beans) {
      return base(beans).addExtension(new TracingExtension());
    }
  },
  LITE {
    @Override
    @SuppressWarnings("unchecked") // generic varargs of one extension class
    Weld weld(Class<?>... beans) {
      return base(beans).addBuildCompatibleExtensions(LiteTracingExtension.class);
    }
  };

  /** A Weld SE deployment of {@code beans} plus the library, without classpath scanning. */
  abstract Weld weld(Class<?>... beans);

  private static Weld base(Class<?>... beans) {
    return new Weld().disableDiscovery().addBeanClasses(beans);
  }
}
