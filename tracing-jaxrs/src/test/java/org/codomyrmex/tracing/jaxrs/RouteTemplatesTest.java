package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

  @Test
  void joinsApplicationClassAndMethodTemplates() throws Exception {
    assertThat(routes.route("/api/", Orders.class, Orders.class.getMethod("one")))
        .isEqualTo("/api/orders/{id}");
    assertThat(routes.route("/api/", Orders.class, Orders.class.getMethod("all")))
        .isEqualTo("/api/orders");
    assertThat(routes.route("/", Orders.class, Orders.class.getMethod("all"))).isEqualTo("/orders");
  }

  @Test
  void regexParametersKeepOnlyTheirNames() throws Exception {
    assertThat(routes.route("/ctx/api", Orders.class, Orders.class.getMethod("item")))
        .isEqualTo("/ctx/api/orders/{id}/items/{item}");
  }

  @Test
  void annotationsInheritedFromInterfacesCount() throws Exception {
    assertThat(routes.route("/", Implementation.class, Implementation.class.getMethod("thing")))
        .isEqualTo("/api-from-interface/things/{thing}");
  }

  @Test
  void aCachedRouteNamesSpansOfItsVerbWithoutBuildingAString() throws Exception {
    Route route = routes.remember("/api", Orders.class, Orders.class.getMethod("one"), "GET");
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
  void cachedRoutesFollowTheBasePath() throws Exception {
    assertThat(routes.route("/a", Orders.class, Orders.class.getMethod("one")))
        .isEqualTo("/a/orders/{id}");
    assertThat(routes.route("/b", Orders.class, Orders.class.getMethod("one")))
        .isEqualTo("/b/orders/{id}");
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
