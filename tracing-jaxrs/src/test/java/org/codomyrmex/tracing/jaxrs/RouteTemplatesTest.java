package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.codomyrmex.tracing.jaxrs.RouteTemplates.Route;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  @Path("/orders")
  static class Orders {
    @GET
    @Path("{id}")
    public String one() {
      return "";
    }

    @GET
    public String all() {
      return "";
    }

    @GET
    @Path("/{id: [0-9]{1,3}}/items/{item : [a-z]+}/")
    public String item() {
      return "";
    }
  }

  @Path("api-from-interface")
  interface Contract {
    @GET
    @Path("things/{thing}")
    String thing();
  }

  static class Implementation implements Contract {
    @Override
    public String thing() {
      return "";
    }
  }

  private final RouteTemplates routes = new RouteTemplates();

  private String template(String basePath, Class<?> type, String method) throws Exception {
    return routes.route(basePath, () -> type, type.getMethod(method), "GET").template();
  }

  @Test
  void joinsApplicationClassAndMethodTemplates() throws Exception {
    assertThat(template("/api/", Orders.class, "one")).isEqualTo("/api/orders/{id}");
    assertThat(template("/api/", Orders.class, "all")).isEqualTo("/api/orders");
    assertThat(template("/", Orders.class, "all")).isEqualTo("/orders");
  }

  @Test
  void regexParametersKeepOnlyTheirNames() throws Exception {
    assertThat(template("/ctx/api", Orders.class, "item"))
        .isEqualTo("/ctx/api/orders/{id}/items/{item}");
  }

  @Test
  void annotationsInheritedFromInterfacesCount() throws Exception {
    assertThat(template("/", Implementation.class, "thing"))
        .isEqualTo("/api-from-interface/things/{thing}");
  }

  @Test
  void aCachedRouteNamesSpansOfItsVerbWithoutBuildingAString() throws Exception {
    Route route = routes.route("/api", () -> Orders.class, Orders.class.getMethod("one"), "GET");
    assertThat(routes.cached(Orders.class.getMethod("one"))).isSameAs(route);
    assertThat(route.spanName("GET")).isEqualTo("GET /api/orders/{id}");
    assertThat(route.spanName("GET")).isSameAs(route.spanName("GET"));
    assertThat(route.spanName("HEAD")).isEqualTo("HEAD /api/orders/{id}");
  }

  @Test
  void aRouteServesOnlyPathsUnderItsOwnBasePath() {
    Route route = new Route("/api", "/api/orders/{id}", "GET");
    assertThat(route.serves("/api/orders/7", "/orders/7")).isTrue();
    assertThat(route.serves("/v1/orders/7", "/orders/7")).isFalse();
    assertThat(route.serves("/api/x/orders/7", "/orders/7")).isFalse();
    assertThat(route.serves("/api/orders/8", "/orders/7")).isFalse();
  }

  @Test
  void aCachedRouteIsReusedWithoutReadingTheResourceClass() throws Exception {
    Method one = Orders.class.getMethod("one");
    Route built = routes.route("/api", () -> Orders.class, one, "GET");
    AtomicInteger reads = new AtomicInteger();
    Supplier<Class<?>> counted =
        () -> {
          reads.incrementAndGet();
          return Orders.class;
        };
    assertThat(routes.route("/api", counted, one, "POST")).isSameAs(built);
    assertThat(reads).hasValue(0);
    assertThat(routes.route("/v2", counted, one, "GET").template()).isEqualTo("/v2/orders/{id}");
    assertThat(reads).hasValue(1);
  }

  @Test
  void cachedRoutesFollowTheBasePath() throws Exception {
    assertThat(template("/a", Orders.class, "one")).isEqualTo("/a/orders/{id}");
    assertThat(template("/b", Orders.class, "one")).isEqualTo("/b/orders/{id}");
  }

  @Test
  void normalizeHandlesEdgeCases() {
    assertThat(RouteTemplates.normalize("")).isEqualTo("/");
    assertThat(RouteTemplates.normalize("//")).isEqualTo("/");
    assertThat(RouteTemplates.normalize("a//b/")).isEqualTo("/a/b");
    assertThat(RouteTemplates.normalize("/x/{ id }")).isEqualTo("/x/{id}");
    assertThat(RouteTemplates.normalize("/x/{unbalanced")).isEqualTo("/x/{unbalanced");
  }
}
