package org.codomyrmex.tracing.bench;

/** Prints what a sink received at the end of a trial, so that lost spans are visible in the log. */
final class Report {
  private Report() {}

  static void print(String library, long exported, long dropped) {
    String drops = dropped < 0 ? "" : ", dropped " + dropped;
    System.out.printf("%n[%s] exported %d%s%n", library, exported, drops);
  }
}
