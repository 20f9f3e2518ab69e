package org.codomyrmex.tracing.it.app;

/**
 * The payload of the sample's async CDI event: says which trace fired it, and carries back what
 * {@link AsyncEventObserver} saw.
 */
public final class WorkAnnounced {
  private final String callerTraceId;
  private volatile String observedParent;
  private volatile String observedOnThread;

  /** An event fired from trace {@code callerTraceId} ({@code "none"} if no span was current). */
  public WorkAnnounced(String callerTraceId) {
    this.callerTraceId = callerTraceId;
  }

  /** The trace the event was fired from. */
  public String callerTraceId() {
    return callerTraceId;
  }

  /** The parent id of the observer's span ({@code "null"} for a root), once observed. */
  public String observedParent() {
    return observedParent;
  }

  /** The name of the thread the observer ran on, once observed. */
  public String observedOnThread() {
    return observedOnThread;
  }

  void observed(String parent, String thread) {
    observedParent = parent;
    observedOnThread = thread;
  }
}
