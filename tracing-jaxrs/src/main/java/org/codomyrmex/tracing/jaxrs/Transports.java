package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a client request through the runtime's own HTTP engine from inside a request filter, so
 * that a transport failure, which skips JAX-RS response filters, reaches the client span.
 *
 * <p>Supported on RESTEasy (through its public engine API, looked up reflectively so there is no
 * compile dependency); elsewhere {@link #send} returns null and the runtime sends as usual.
 */
final class Transports {
  private static final Logger LOG = Logger.getLogger(Transports.class.getName());
  private static final String CONTEXT =
      "org.jboss.resteasy.client.jaxrs.internal.ClientRequestContextImpl";
  private static final String CLIENT = "org.jboss.resteasy.client.jaxrs.ResteasyClient";
  private static final String ENGINE = "org.jboss.resteasy.client.jaxrs.ClientHttpEngine";
  private static volatile Resteasy resteasy;
  private static volatile boolean unsupported;

  private Transports() {}

  /** Sends {@code request} and returns a detached response, or null to let the runtime send. */
  static Response send(ClientRequestContext request) {
    if (unsupported || !CONTEXT.equals(request.getClass().getName())) {
      return null;
    }
    Resteasy api = resteasy(request.getClass());
    return api == null ? null : detach(api.send(request));
  }

  private static Resteasy resteasy(Class<?> contextType) {
    Resteasy api = resteasy;
    if (api == null) {
      try {
        api = new Resteasy(contextType);
        resteasy = api;
      } catch (ReflectiveOperationException | RuntimeException e) {
        unsupported = true;
        LOG.log(Level.INFO, "tracing: transport failures are not traced on this RESTEasy", e);
      }
    }
    return api;
  }

  // A response the runtime accepts from abortWith: status, headers and the unread body stream.
  private static Response detach(Response response) {
    Response.ResponseBuilder copy = Response.status(response.getStatusInfo());
    response
        .getStringHeaders()
        .forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
    if (response.hasEntity()) {
      copy.entity(response.readEntity(InputStream.class));
    } else {
      response.close();
    }
    return copy.build();
  }

  /** The RESTEasy calls: context.getInvocation().getClient().httpEngine().invoke(invocation). */
  private static final class Resteasy {
    private final Method invocation;
    private final Method client;
    private final Method engine;
    private final Method invoke;

    Resteasy(Class<?> contextType) throws ReflectiveOperationException {
      ClassLoader loader = contextType.getClassLoader();
      invocation = contextType.getMethod("getInvocation");
      client = invocation.getReturnType().getMethod("getClient");
      Class<?> clientType = Class.forName(CLIENT, false, loader);
      engine = clientType.getMethod("httpEngine");
      invoke = Class.forName(ENGINE, false, loader).getMethod("invoke", Invocation.class);
    }

    Response send(ClientRequestContext request) {
      try {
        Object call = invocation.invoke(request);
        Object httpEngine = engine.invoke(client.invoke(call));
        return (Response) invoke.invoke(httpEngine, call);
      } catch (InvocationTargetException e) {
        throw rethrow(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static RuntimeException rethrow(Throwable cause) {
      if (cause instanceof RuntimeException runtime) {
        return runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      return new ProcessingException(cause);
    }
  }
}
