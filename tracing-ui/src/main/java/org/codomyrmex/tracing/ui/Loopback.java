package org.codomyrmex.tracing.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Decides whether a client address, as the runtime reports it, is a loopback address. */
final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private Loopback() {}

  /**
   * True for 127.0.0.0/8, ::1 and IPv4-mapped loopback; false for anything else, a host name
   * included (never resolved) and null (an address the runtime could not tell).
   */
  static boolean is(String address) {
    if (address == null) {
      return false;
    }
    String literal = address.trim();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    boolean ipLiteral =
        IPV4.matcher(literal).matches()
            || (literal.contains(":") && IPV6.matcher(literal).matches());
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
