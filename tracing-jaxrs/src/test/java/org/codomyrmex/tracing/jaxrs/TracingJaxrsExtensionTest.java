package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingJaxrsExtensionTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty("tracing.enabled");
  }

  @Test
  void resourceMethodsAreInterceptedWhenTracingIsOn() {
    try (WeldContainer container = start()) {
      assertThat(interceptors(container)).isEqualTo(1);
      Greeting greeting = container.select(Greeting.class).get();
      assertThat(greeting.getClass()).isNotEqualTo(Greeting.class); // Weld's intercepting subclass
      assertThat(greeting.hello()).isEqualTo("hello");
    }
  }

  @Test
  void nothingIsBoundWhenTracingIsOff() {
    System.setProperty("tracing.enabled", "false");
    try (WeldContainer container = start()) {
      assertThat(interceptors(container)).isZero();
      assertThat(container.select(Greeting.class).get().getClass()).isEqualTo(Greeting.class);
    }
  }

  @Test
  void aBadConfigurationLeavesTheInterceptorBound() {
    System.setProperty("tracing.enabled", "maybe");
    try (WeldContainer container = start()) {
      assertThat(interceptors(container)).isEqualTo(1);
    }
  }

  @Test
  void resourcesWhoseAnnotationsAreOnAnInterfaceAreInterceptedToo() {
    try (WeldContainer container = start()) {
      Contracted contracted = container.select(Contracted.class).get();
      assertThat(contracted.getClass()).isNotEqualTo(Contracted.class);
      assertThat(contracted.hello()).isEqualTo("contract");
      assertThat(container.select(NotAResource.class).get().getClass())
          .isEqualTo(NotAResource.class);
    }
  }

  private static WeldContainer start() {
    return new Weld()
        .disableDiscovery()
        .addExtension(new TracingJaxrsExtension())
        .addBeanClasses(Greeting.class, Contracted.class, NotAResource.class)
        .initialize();
  }

  private static int interceptors(WeldContainer container) {
    return container
        .getBeanManager()
        .resolveInterceptors(InterceptionType.AROUND_INVOKE, TracedResource.Literal.INSTANCE)
        .size();
  }

  /** A resource class as the extension sees it. */
  @Dependent
  @Path("greeting")
  public static class Greeting {
    @GET
    public String hello() {
      return "hello";
    }
  }

  /** A generated API: every JAX-RS annotation on the interface. */
  @Path("contract")
  public interface Contract {
    @GET
    String hello();
  }

  /** Its implementation, without a JAX-RS annotation of its own. */
  @Dependent
  public static class Contracted implements Contract {
    @Override
    public String hello() {
      return "contract";
    }
  }

  /** A bean that serves nothing. */
  @Dependent
  public static class NotAResource {
    public String hello() {
      return "plain";
    }
  }
}
