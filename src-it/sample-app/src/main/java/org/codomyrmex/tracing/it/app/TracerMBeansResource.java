package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What an operator sees in JMX from inside the deployed application: every tracer MBean of the
 * platform MBean server, {@code <name>.<attribute>=<value>} a line; {@code ?ratio=} sets each
 * tracer's SamplingRatio first.
 */
@Path("/tracer-mbeans")
public class TracerMBeansResource {
  private static final String[] ATTRIBUTES = {"Sampler", "SamplingRatio", "QueueCapacity"};

  /** Lists the tracer MBeans' attributes, after setting their ratio when one is given. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String tracers(@QueryParam("ratio") Double ratio) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    StringBuilder out = new StringBuilder();
    for (ObjectName name :
        new TreeSet<>(
            server.queryNames(new ObjectName("org.codomyrmex.tracing:type=Tracer,*"), null))) {
      if (ratio != null) {
        server.setAttribute(name, new Attribute("SamplingRatio", ratio));
      }
      for (String attribute : ATTRIBUTES) {
        out.append(ObjectName.unquote(quoted(name.getKeyProperty("name"))))
            .append('.')
            .append(attribute)
            .append('=')
            .append(server.getAttribute(name, attribute))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String quoted(String value) {
    return value.startsWith("\"") ? value : ObjectName.quote(value);
  }
}
