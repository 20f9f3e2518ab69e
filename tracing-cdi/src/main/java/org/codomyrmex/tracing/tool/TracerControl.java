package org.codomyrmex.tracing.tool;

import com.sun.tools.attach.VirtualMachine;
import java.io.PrintStream;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.codomyrmex.tracing.TracerMXBean;

/**
 * A command line for operators: lists the tracers of a running JVM, changes a tracer's sampling
 * ratio or flushes it, through the JVM's local JMX agent (started on demand, as {@code jcmd
 * ManagementAgent.start_local} does).
 *
 * <pre>{@code
 * java -cp tracing-cdi.jar org.codomyrmex.tracing.tool.TracerControl 4711
 * java -cp tracing-cdi.jar org.codomyrmex.tracing.tool.TracerControl 4711 checkout ratio 0.05
 * java -cp tracing-cdi.jar org.codomyrmex.tracing.tool.TracerControl 4711 checkout flush
 * }</pre>
 */
public final class TracerControl {
  private static final String USAGE =
      "usage: TracerControl <pid> [<tracer> ratio <0.0-1.0> | <tracer> flush]";
  private static final String[] ATTRIBUTES = {
    "Sampler", "SamplingRatio", "ExportedSpans", "DroppedSpans", "QueuedSpans", "QueueCapacity"
  };

  private TracerControl() {}

  /** Runs the command and exits with 0 on success, 2 on a usage error, 1 on any other failure. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out);
    } catch (Exception e) {
      System.err.println("TracerControl: " + e);
      status = 1;
    }
    System.exit(status);
  }

  /** Runs the command, writing to {@code out}; returns the exit status. */
  public static int run(String[] args, PrintStream out) throws Exception {
    if (!(args.length == 1 || (args.length == 3 && args[2].equals("flush")))
        && !(args.length == 4 && args[2].equals("ratio"))) {
      out.println(USAGE);
      return 2;
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try (JMXConnector connector =
        JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
      MBeanServerConnection server = connector.getMBeanServerConnection();
      if (args.length > 1 && !change(server, args, out)) {
        return 1;
      }
      list(server, out);
      return 0;
    } finally {
      vm.detach();
    }
  }

  private static boolean change(MBeanServerConnection server, String[] args, PrintStream out)
      throws Exception {
    ObjectName first = TracerMXBean.objectName(args[1]);
    Set<ObjectName> named = server.queryNames(new ObjectName(first + ",*"), null);
    if (named.isEmpty()) {
      out.println("no tracer named '" + args[1] + "'");
      return false;
    }
    for (ObjectName name : named) {
      if (args[2].equals("flush")) {
        server.invoke(name, "flush", new Object[0], new String[0]);
      } else {
        server.setAttribute(name, new Attribute("SamplingRatio", Double.parseDouble(args[3])));
      }
    }
    return true;
  }

  private static void list(MBeanServerConnection server, PrintStream out) throws Exception {
    ObjectName all = new ObjectName("org.codomyrmex.tracing:type=Tracer,*");
    for (ObjectName name : new TreeSet<>(server.queryNames(all, null))) {
      StringBuilder line = new StringBuilder(name.getKeyPropertyListString());
      for (String attribute : ATTRIBUTES) {
        line.append(' ').append(attribute).append('=').append(server.getAttribute(name, attribute));
      }
      out.println(line);
    }
  }
}
